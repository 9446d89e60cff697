import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-inline-dispatcher.js';
import { commonjs, render, testable, tsx } from './testers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-inline-dispatcher', testable(rule), {
  valid: [
    // ── shared agents passed in the slot ──────────────────────────────────────────────────────
    {
      name: 'module-level dispatcher passed to global fetch',
      code: `import { Agent } from 'undici';
const dispatcher = new Agent({ keepAliveTimeout: 4_000 });
export const get = (url) => fetch(url, { dispatcher });`,
    },
    {
      name: 'shared agent in https.request',
      code: `import https from 'node:https';
const agent = new https.Agent({ keepAlive: true, timeout: 4_000 });
export function get(url) {
  return https.request(url, { agent }, (res) => res.resume()).end();
}`,
    },
    {
      name: 'shared agents in got',
      code: `import got from 'got';
import { httpAgent, httpsAgent } from './agents';
export const getJson = (url) => got(url, { agent: { http: httpAgent, https: httpsAgent } }).json();`,
    },
    {
      name: 'shared agent in per-call axios config',
      code: `import axios from 'axios';
import https from 'https';
const httpsAgent = new https.Agent({ keepAlive: true });
export const getUser = (id) => axios.get(\`/users/\${id}\`, { httpsAgent });`,
    },
    {
      name: 'node-fetch agent as a function returning shared agents',
      code: `const fetch = require('node-fetch');
const { httpAgent, httpsAgent } = require('./agents');
exports.get = (url) => fetch(url, { agent: (parsed) => (parsed.protocol === 'http:' ? httpAgent : httpsAgent) });`,
      languageOptions: commonjs,
    },
    {
      name: 'lazy singleton in the slot',
      code: `import { Agent } from 'undici';
let dispatcher;
export async function get(url) {
  return fetch(url, { dispatcher: (dispatcher ??= new Agent()) });
}`,
    },
    {
      name: 'class field dispatcher used by a method',
      code: `import { Agent, request } from 'undici';
export class Upstream {
  private readonly dispatcher = new Agent();
  get(url: string) {
    return request(url, { dispatcher: this.dispatcher });
  }
}`,
    },
    {
      name: 'undici request with a keyed pool cache',
      code: `import { Pool, request } from 'undici';
const pools = new Map();
export function get(origin, path) {
  if (!pools.has(origin)) pools.set(origin, new Pool(origin));
  return request(origin + path, { dispatcher: pools.get(origin) });
}`,
    },
    // ── once positions ────────────────────────────────────────────────────────────────────────
    {
      name: 'inline agent in a request at module top level (top-level await)',
      code: `import { Agent } from 'undici';
const res = await fetch('https://example.com/config.json', { dispatcher: new Agent() });
export const config = await res.json();`,
    },
    {
      name: 'inline agent in a module-level IIFE',
      code: `import https from 'https';
(async () => {
  https.get('https://example.com/warmup', { agent: new https.Agent() }, (res) => res.resume());
})();`,
    },
    {
      name: 'inline agent in main() called at the bottom',
      code: `import { Agent } from 'undici';
async function main() {
  await fetch('http://localhost:3000/health', { dispatcher: new Agent() });
}
main();`,
    },
    {
      name: 'inline agent in a startup function (startupFunctions option)',
      code: `import { Agent } from 'undici';
export async function bootstrap() {
  await fetch('http://localhost:3000/health', { dispatcher: new Agent() });
}`,
      options: [{ startupFunctions: ['bootstrap'] }],
    },
    {
      name: 'inline agent in NestJS onModuleInit',
      code: `import { Injectable } from '@nestjs/common';
import https from 'https';
@Injectable()
export class Warmup {
  onModuleInit() {
    https.get('https://example.com', { agent: new https.Agent() }, (res) => res.resume());
  }
}`,
    },
    // ── not a request option slot of this rule ────────────────────────────────────────────────
    {
      name: 'global fetch ignores agent: the slot is dispatcher only',
      code: `import https from 'https';
export async function get(url) {
  return fetch(url, { agent: new https.Agent() });
}`,
    },
    {
      name: 'dispatcher option of a function that is not a catalog request',
      code: `import { Agent } from 'undici';
import { myFetch } from './my-fetch';
export async function get(url) {
  return myFetch(url, { dispatcher: new Agent() });
}`,
    },
    {
      name: 'per-call axios.create with an agent is prefer-axios-instance’s',
      code: `import axios from 'axios';
import https from 'https';
export function api() {
  const instance = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
  instance.get('/');
}`,
    },
    {
      name: 'agent: false is require-keep-alive’s',
      code: `import http from 'http';
export function get(url) {
  http.get(url, { agent: false }, (res) => res.resume());
}`,
    },
    // ── look-alikes ───────────────────────────────────────────────────────────────────────────
    {
      name: 'a parameter named fetch is not the global fetch',
      code: `import { Agent } from 'undici';
export const shared = new Agent();
export function get(fetch, url) {
  return fetch(url, { dispatcher: shared });
}`,
    },
    {
      name: 'fetch imported from a different module with a local Agent class',
      code: `import { fetch } from './fetch';
class Agent {}
export function get(url) {
  return fetch(url, { dispatcher: new Agent() });
}`,
    },
    {
      name: 'Agent imported from a different module',
      code: `import { Agent } from './agent';
export function get(url) {
  return fetch(url, { dispatcher: new Agent() });
}`,
    },
    {
      name: 'a parameter named https',
      code: `export function get(https, url) {
  return https.get(url, { agent: new https.Agent() });
}`,
    },
    {
      name: 'a local fetch shadowing the global',
      code: `import { Agent } from 'undici';
export const dispatcher = new Agent();
export function get(url) {
  const fetch = (u, o) => globalThis.fetch(u, o);
  return fetch(url, { dispatcher });
}`,
    },
    {
      name: 'TSX component with a shared dispatcher',
      code: `import { Agent } from 'undici';
const dispatcher = new Agent();
export async function Weather({ city }: { city: string }) {
  const res = await fetch(\`https://wttr.in/\${city}\`, { dispatcher });
  return <pre>{await res.text()}</pre>;
}`,
      ...tsx,
    },
    {
      name: 'Node 18 axios with a shared agent from a module const',
      code: `import axios from 'axios';
import http from 'http';
const httpAgent = new http.Agent({ keepAlive: true });
export const ping = () => axios.head('http://localhost', { httpAgent });`,
    },
    {
      name: 'fastify plugin body with an inline agent is a start-up position',
      code: `import fp from 'fastify-plugin';
import { Agent } from 'undici';
export default fp(async (fastify) => {
  await fetch('http://localhost:3000/ready', { dispatcher: new Agent() });
});`,
    },
    {
      name: 'a parameter named fetch with an inline agent is not the global fetch',
      code: `import { Agent } from 'undici';
export function get(fetch, url) {
  return fetch(url, { dispatcher: new Agent() });
}`,
    },
  ],
  invalid: [
    {
      name: 'global fetch in an Express route',
      code: `import express from 'express';
import { Agent } from 'undici';
const app = express();
app.get('/proxy', async (req, res) => {
  const upstream = await fetch('https://api.example.com/data', { dispatcher: new Agent({ connections: 10 }) });
  res.json(await upstream.json());
});`,
      errors: [
        {
          messageId: 'inline',
          line: 5,
          column: 78,
          data: {
            construct: 'new Agent()',
            slot: 'dispatcher',
            request: 'fetch()',
            where: 'on every request of the route `GET /proxy`',
            noun: 'dispatcher',
          },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import express from 'express';
import { Agent } from 'undici';
const dispatcher = new Agent({ connections: 10 });
const app = express();
app.get('/proxy', async (req, res) => {
  const upstream = await fetch('https://api.example.com/data', { dispatcher: dispatcher });
  res.json(await upstream.json());
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'undici fetch with an agent reading a parameter',
      code: `import { fetch, Agent } from 'undici';
export async function get(url, connectTimeout) {
  return fetch(url, { dispatcher: new Agent({ connect: { timeout: connectTimeout } }) });
}`,
      errors: [{ messageId: 'inline', line: 3, column: 35 }],
    },
    {
      name: 'undici request with an inline Pool',
      code: `import { request, Pool } from 'undici';
export async function get(origin, path) {
  const { body } = await request(origin + path, { dispatcher: new Pool(origin) });
  return body.json();
}`,
      errors: [{ messageId: 'inline', line: 3, column: 63 }],
    },
    {
      name: 'undici stream with an inline Client',
      code: `import { stream, Client } from 'undici';
export async function download(url, sink) {
  await stream(url, { method: 'GET', dispatcher: new Client(new URL(url).origin) }, () => sink);
}`,
      errors: [{ messageId: 'inline', line: 3, column: 50 }],
    },
    {
      name: 'node-fetch agent in a handler',
      code: `import fetch from 'node-fetch';
import https from 'https';
export async function handler(event) {
  const res = await fetch(event.url, { agent: new https.Agent({ keepAlive: true }) });
  return res.json();
}`,
      errors: [
        {
          messageId: 'inline',
          line: 4,
          column: 47,
          data: {
            construct: 'new https.Agent()',
            slot: 'agent',
            request: 'fetch()',
            where: 'on every call of `handler`',
            noun: 'agent',
          },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import fetch from 'node-fetch';
import https from 'https';
const httpsAgent = new https.Agent({ keepAlive: true });
export async function handler(event) {
  const res = await fetch(event.url, { agent: httpsAgent });
  return res.json();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'https.request agent (node: prefix)',
      code: `import https from 'node:https';
export function post(url, body) {
  const req = https.request(url, { method: 'POST', agent: new https.Agent() });
  req.end(body);
}`,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 59,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const httpsAgent = new https.Agent();
export function post(url, body) {
  const req = https.request(url, { method: 'POST', agent: httpsAgent });
  req.end(body);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'http.get with an options object (namespace import)',
      code: `import * as http from 'http';
export function ping(host) {
  http.get({ host, path: '/health', agent: new http.Agent({ keepAlive: true }) }, (res) => res.resume());
}`,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import * as http from 'http';
const httpAgent = new http.Agent({ keepAlive: true });
export function ping(host) {
  http.get({ host, path: '/health', agent: httpAgent }, (res) => res.resume());
}`,
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS https.get with require('https')",
      code: `const https = require('https');
exports.ping = (url) => {
  https.get(url, { agent: new https.Agent({ servername: 'example.com' }) }, (res) => res.resume());
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 27,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `const https = require('https');
const httpsAgent = new https.Agent({ servername: 'example.com' });
exports.ping = (url) => {
  https.get(url, { agent: httpsAgent }, (res) => res.resume());
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'got agent.https',
      code: `import got from 'got';
import https from 'https';
export async function getJson(url) {
  return got(url, { agent: { https: new https.Agent({ keepAlive: true }) } }).json();
}`,
      errors: [
        {
          messageId: 'inline',
          line: 4,
          column: 37,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import got from 'got';
import https from 'https';
const httpsAgent = new https.Agent({ keepAlive: true });
export async function getJson(url) {
  return got(url, { agent: { https: httpsAgent } }).json();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'got.post with agent.http and agent.https reading a parameter: two reports',
      code: `import got from 'got';
import http from 'http';
import https from 'https';
export async function send(url, body, maxSockets) {
  await got.post(url, {
    json: body,
    agent: { http: new http.Agent({ maxSockets }), https: new https.Agent({ maxSockets }) },
  });
}`,
      errors: [
        { messageId: 'inline', line: 7, column: 20 },
        { messageId: 'inline', line: 7, column: 59 },
      ],
    },
    {
      name: 'axios method with per-call httpsAgent',
      code: `import axios from 'axios';
import https from 'https';
export async function getUser(id) {
  const res = await axios.get(\`https://api.example.com/users/\${id}\`, { httpsAgent: new https.Agent({ keepAlive: true }) });
  return res.data;
}`,
      errors: [
        {
          messageId: 'inline',
          line: 4,
          column: 84,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import axios from 'axios';
import https from 'https';
const httpsAgent = new https.Agent({ keepAlive: true });
export async function getUser(id) {
  const res = await axios.get(\`https://api.example.com/users/\${id}\`, { httpsAgent: httpsAgent });
  return res.data;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios call form with per-call httpAgent',
      code: `const axios = require('axios');
const http = require('http');
module.exports.notify = async function notify(url, data, family) {
  await axios({ url, method: 'post', data, httpAgent: new http.Agent({ family }) });
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'inline', line: 4, column: 55 }],
    },
    {
      name: 'CommonJS destructured undici with global fetch reading process.env',
      code: `const { ProxyAgent } = require('undici');
exports.get = async (url) => {
  const res = await fetch(url, { dispatcher: new ProxyAgent(process.env.HTTPS_PROXY) });
  return res.text();
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'inline', line: 3, column: 46 }],
    },
    {
      name: 'for…of loop at module level',
      code: `import { Agent } from 'undici';
for (const url of urls) {
  await fetch(url, { dispatcher: new Agent() });
}`,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent();
for (const url of urls) {
  await fetch(url, { dispatcher: dispatcher });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'setInterval callback',
      code: `import http from 'node:http';
setInterval(() => {
  http.get('http://localhost:3000/health', { agent: new http.Agent() }, (res) => res.resume());
}, 5_000);`,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 53,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import http from 'node:http';
const httpAgent = new http.Agent();
setInterval(() => {
  http.get('http://localhost:3000/health', { agent: httpAgent }, (res) => res.resume());
}, 5_000);`,
            },
          ],
        },
      ],
    },
    {
      name: '.map callback with an agent reading the element',
      code: `import { Agent } from 'undici';
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => fetch(url, { dispatcher: new Agent({ connect: { servername: new URL(url).hostname } }) })));
}`,
      errors: [{ messageId: 'inline', line: 3, column: 65 }],
    },
    {
      name: 'Lambda handler with an inline HttpsProxyAgent in node-fetch',
      code: `import fetch from 'node-fetch';
import { HttpsProxyAgent } from 'https-proxy-agent';
export const handler = async (event) => {
  const res = await fetch(event.url, { agent: new HttpsProxyAgent(event.proxy) });
  return { statusCode: res.status };
};`,
      errors: [{ messageId: 'inline', line: 4, column: 47 }],
    },
    {
      name: 'class method with an inline agentkeepalive agent',
      code: `import http from 'http';
import Agent from 'agentkeepalive';
export class Client {
  get(path) {
    return http.get({ path, agent: new Agent() });
  }
}`,
      errors: [
        {
          messageId: 'inline',
          line: 5,
          column: 36,
          data: {
            construct: 'new Agent()',
            slot: 'agent',
            request: 'http.get()',
            where: 'on every call of method `Client.get`',
            noun: 'agent',
          },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import http from 'http';
import Agent from 'agentkeepalive';
const keepAliveAgent = new Agent();
export class Client {
  get(path) {
    return http.get({ path, agent: keepAliveAgent });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'TSX server component with an inline dispatcher',
      code: `import { Agent } from 'undici';
export async function Weather({ city }: { city: string }) {
  const res = await fetch(\`https://wttr.in/\${city}\`, { dispatcher: new Agent() });
  return <pre>{await res.text()}</pre>;
}`,
      ...tsx,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 68,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent();
export async function Weather({ city }: { city: string }) {
  const res = await fetch(\`https://wttr.in/\${city}\`, { dispatcher: dispatcher });
  return <pre>{await res.text()}</pre>;
}`,
            },
          ],
        },
      ],
    },
    {
      name: "require('node-fetch') with an inline SocksProxyAgent",
      code: `const fetch = require('node-fetch');
const { SocksProxyAgent } = require('socks-proxy-agent');
async function viaTor(url) {
  return fetch(url, { agent: new SocksProxyAgent('socks5h://127.0.0.1:9050') });
}
module.exports = { viaTor };`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'inline',
          line: 4,
          column: 30,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `const fetch = require('node-fetch');
const { SocksProxyAgent } = require('socks-proxy-agent');
const socksProxyAgent = new SocksProxyAgent('socks5h://127.0.0.1:9050');
async function viaTor(url) {
  return fetch(url, { agent: socksProxyAgent });
}
module.exports = { viaTor };`,
            },
          ],
        },
      ],
    },
    {
      name: 'while loop with undici EnvHttpProxyAgent',
      code: `import { EnvHttpProxyAgent, request } from 'undici';
export async function poll(url) {
  let done = false;
  while (!done) {
    const { body } = await request(url, { dispatcher: new EnvHttpProxyAgent() });
    done = (await body.json()).done;
  }
}`,
      errors: [
        {
          messageId: 'inline',
          line: 5,
          column: 55,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { EnvHttpProxyAgent, request } from 'undici';
const envHttpProxyAgent = new EnvHttpProxyAgent();
export async function poll(url) {
  let done = false;
  while (!done) {
    const { body } = await request(url, { dispatcher: envHttpProxyAgent });
    done = (await body.json()).done;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify route with undici BalancedPool reading the request',
      code: `import Fastify from 'fastify';
import { BalancedPool, request } from 'undici';
const app = Fastify();
app.get('/lb', async (req) => {
  const { body } = await request('http://svc/', { dispatcher: new BalancedPool(req.query.upstreams) });
  return body.json();
});`,
      errors: [{ messageId: 'inline', line: 5, column: 63 }],
    },
    {
      name: 'startupFunctions that do not match',
      code: `import { Agent } from 'undici';
export async function handle(url) {
  await fetch(url, { dispatcher: new Agent({ pipelining: 1 }) });
}`,
      options: [{ startupFunctions: ['/^init/'] }],
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent({ pipelining: 1 });
export async function handle(url) {
  await fetch(url, { dispatcher: dispatcher });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'inline dispatcher next to a spread of other options',
      code: `import { Agent } from 'undici';
export async function get(url, init) {
  return fetch(url, { ...init, dispatcher: new Agent({ pipelining: 0 }) });
}`,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent({ pipelining: 0 });
export async function get(url, init) {
  return fetch(url, { ...init, dispatcher: dispatcher });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an arrow function in a class field initialiser',
      code: `import https from 'https';
export class Proxy {
  forward = (url) => https.get(url, { agent: new https.Agent({ keepAlive: true }) });
}`,
      errors: [
        {
          messageId: 'inline',
          line: 3,
          column: 46,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
const httpsAgent = new https.Agent({ keepAlive: true });
export class Proxy {
  forward = (url) => https.get(url, { agent: httpsAgent });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'inline agent with a module const declared after the function (no suggestion)',
      code: `import https from 'https';
export function get(url) {
  https.get(url, { agent: new https.Agent(OPTIONS) });
}
const OPTIONS = { keepAlive: true };`,
      errors: [{ messageId: 'inline', line: 3, column: 27 }],
    },
    {
      name: 'axios.post config is the third argument',
      code: `import axios from 'axios';
import https from 'https';
export async function send(url, data) {
  await axios.post(url, data, { httpsAgent: new https.Agent({ keepAlive: true }) });
}`,
      errors: [
        {
          messageId: 'inline',
          line: 4,
          column: 45,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import axios from 'axios';
import https from 'https';
const httpsAgent = new https.Agent({ keepAlive: true });
export async function send(url, data) {
  await axios.post(url, data, { httpsAgent: httpsAgent });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios.request config with an inline agent reading a parameter',
      code: `import axios from 'axios';
import http from 'http';
export const call = (url, localAddress) => axios.request({ url, httpAgent: new http.Agent({ localAddress }) });`,
      errors: [{ messageId: 'inline', line: 3, column: 76 }],
    },
  ],
});

// The wording of each message as the rule contract (rules-spec.md) states it, rendered with sample data.
describe('no-inline-dispatcher messages', () => {
  it('inline matches the contract', () => {
    expect(render(rule.meta.messages.inline)).toBe(
      render(
        '`{{construct}}` is built inline in the `{{slot}}` option of `{{request}}` {{where}}: every request gets a new pool and a new connection. Pass one shared {{kindNoun}} instead.',
      ),
    );
  });
});
