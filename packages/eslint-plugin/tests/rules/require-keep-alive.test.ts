import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/require-keep-alive.js';
import { commonjs, render, testable, tsx } from './testers.js';

const ruleTester = new RuleTester();

ruleTester.run('require-keep-alive', testable(rule), {
  valid: [
    {
      name: 'keepAlive: true with an idle timeout',
      code: `import https from 'node:https';
export const agent = new https.Agent({ keepAlive: true, timeout: 4_000 });`,
    },
    {
      name: 'keepAlive: true without a timeout is not this rule’s concern',
      code: `import http from 'http';
export const agent = new http.Agent({ keepAlive: true });`,
    },
    {
      name: 'CommonJS destructured require with keepAlive: true',
      code: `const { Agent } = require('node:https');
module.exports = new Agent({ keepAlive: true, timeout: 4_000, scheduling: 'lifo' });`,
      languageOptions: commonjs,
    },
    {
      name: 'options passed as a variable: cannot know',
      code: `import https from 'https';
import { agentOptions } from './config';
export const agent = new https.Agent(agentOptions);`,
    },
    {
      name: 'options with a spread: cannot know',
      code: `import https from 'https';
const base = { keepAlive: true };
export const agent = new https.Agent({ ...base, maxSockets: 50 });`,
    },
    {
      name: 'keepAlive set from a variable: not missing, not literally false',
      code: `import http from 'http';
const keepAlive = process.env.KEEP_ALIVE !== '0';
export const agent = new http.Agent({ keepAlive, timeout: 4_000 });`,
    },
    {
      name: 'agentkeepalive keeps alive by default',
      code: `import Agent, { HttpsAgent } from 'agentkeepalive';
export const httpAgent = new Agent();
export const httpsAgent = new HttpsAgent({ freeSocketTimeout: 4_000 });`,
    },
    {
      name: 'undici Agent is not a node http.Agent',
      code: `import { Agent } from 'undici';
export const dispatcher = new Agent();`,
    },
    {
      name: 'a per-call agent is no-per-call-agent’s, not this rule’s',
      code: `import https from 'https';
export function get(url) {
  const agent = new https.Agent();
  https.get(url, { agent });
}`,
    },
    {
      name: 'a per-call agent with keepAlive: false is not reported by this rule either',
      code: `import http from 'http';
export function get(url) {
  const agent = new http.Agent({ keepAlive: false });
  http.get(url, { agent });
}`,
    },
    {
      name: 'an inline agent in a per-call request slot is no-inline-dispatcher’s',
      code: `import https from 'https';
export function get(url) {
  https.get(url, { agent: new https.Agent() }, (res) => res.resume());
}`,
    },
    {
      name: 'a shared agent in http.request',
      code: `import http from 'http';
const agent = new http.Agent({ keepAlive: true, timeout: 4_000 });
export function get(url) {
  http.request(url, { agent }).end();
}`,
    },
    {
      name: 'class field with keepAlive: true',
      code: `import https from 'https';
export class Api {
  private readonly agent = new https.Agent({ keepAlive: true, timeout: 4_000 });
}`,
    },
    {
      name: 'lazy singleton with keepAlive: true',
      code: `import https from 'https';
let agent;
export function getAgent() {
  return (agent ??= new https.Agent({ keepAlive: true, timeout: 4_000 }));
}`,
    },
    {
      name: 'agent: false in a function that is not node http',
      code: `import { request } from './my-http';
export function get(url) {
  return request(url, { agent: false });
}`,
    },
    {
      name: 'a parameter named http',
      code: `export function get(http, url) {
  return http.get(url, { agent: false });
}`,
    },
    {
      name: 'a local class called Agent',
      code: `class Agent {
  constructor(name) {
    this.name = name;
  }
}
export const agent = new Agent('007');`,
    },
    {
      name: 'Agent imported from a different module',
      code: `import { Agent } from './my-agent';
export const agent = new Agent();`,
    },
    {
      name: 'http.globalAgent is configured, not constructed',
      code: `import http from 'http';
http.globalAgent.keepAlive = true;
export const agent = http.globalAgent;`,
    },
    {
      name: 'TSX with a keep-alive agent',
      code: `import https from 'node:https';
const agent = new https.Agent({ keepAlive: true, timeout: 4_000 });
export function Probe({ url }: { url: string }) {
  return <Status url={url} agent={agent} />;
}`,
      ...tsx,
    },
    {
      name: 'nodeVersion option does not change a compliant agent',
      code: `import https from 'https';
export const agent = new https.Agent({ keepAlive: true, timeout: 4_000 });`,
      options: [{ nodeVersion: '>=20' }],
    },
    {
      name: 'agent: undefined uses the global agent',
      code: `import https from 'https';
export function get(url) {
  https.get(url, { agent: undefined }, (res) => res.resume());
}`,
    },
  ],
  invalid: [
    // ── missingKeepAlive: autofix ─────────────────────────────────────────────────────────────
    {
      name: 'no arguments: the fix inserts the whole options object',
      code: `import https from 'node:https';
export const agent = new https.Agent();`,
      output: `import https from 'node:https';
export const agent = new https.Agent({ keepAlive: true, timeout: 4_000 });`,
      errors: [
        {
          messageId: 'missingKeepAlive',
          line: 2,
          column: 22,
          data: { construct: 'new https.Agent()' },
        },
      ],
    },
    {
      name: 'no parentheses at all',
      code: `import http from 'http';
export const agent = new http.Agent;`,
      output: `import http from 'http';
export const agent = new http.Agent({ keepAlive: true, timeout: 4_000 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'empty options object',
      code: `import http from 'http';
export const agent = new http.Agent({});`,
      output: `import http from 'http';
export const agent = new http.Agent({ keepAlive: true, timeout: 4_000 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'options without keepAlive or timeout',
      code: `import https from 'https';
export const agent = new https.Agent({ maxSockets: 50 });`,
      output: `import https from 'https';
export const agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 50 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'an existing timeout is kept and not duplicated',
      code: `import http from 'http';
export const agent = new http.Agent({ timeout: 10_000 });`,
      output: `import http from 'http';
export const agent = new http.Agent({ keepAlive: true, timeout: 10_000 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'multi-line options keep their layout',
      code: `import https from 'https';
export const agent = new https.Agent({
  maxSockets: 50,
  maxFreeSockets: 10,
});`,
      output: `import https from 'https';
export const agent = new https.Agent({
  keepAlive: true,
  timeout: 4_000,
  maxSockets: 50,
  maxFreeSockets: 10,
});`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'CommonJS require',
      code: `const http = require('http');
const agent = new http.Agent({ maxSockets: 10 });
module.exports = { agent };`,
      languageOptions: commonjs,
      output: `const http = require('http');
const agent = new http.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 10 });
module.exports = { agent };`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 15 }],
    },
    {
      name: 'named import with the node: prefix',
      code: `import { Agent } from 'node:https';
export const agent = new Agent({ ca: process.env.CA });`,
      output: `import { Agent } from 'node:https';
export const agent = new Agent({ keepAlive: true, timeout: 4_000, ca: process.env.CA });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'renamed named import',
      code: `import { Agent as HttpsAgent } from 'https';
export const agent = new HttpsAgent();`,
      output: `import { Agent as HttpsAgent } from 'https';
export const agent = new HttpsAgent({ keepAlive: true, timeout: 4_000 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'namespace import',
      code: `import * as http from 'node:http';
export const agent = new http.Agent({ maxSockets: 5 });`,
      output: `import * as http from 'node:http';
export const agent = new http.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 5 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'destructured require',
      code: `const { Agent } = require('node:http');
exports.agent = new Agent();`,
      languageOptions: commonjs,
      output: `const { Agent } = require('node:http');
exports.agent = new Agent({ keepAlive: true, timeout: 4_000 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 17 }],
    },
    {
      name: "inline new (require('https').Agent)()",
      code: `module.exports = new (require('https').Agent)();`,
      languageOptions: commonjs,
      output: `module.exports = new (require('https').Agent)({ keepAlive: true, timeout: 4_000 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 1, column: 18 }],
    },
    {
      name: 'TS import = require form',
      code: `import https = require('https');
export const agent: https.Agent = new https.Agent({ maxSockets: 8 });`,
      output: `import https = require('https');
export const agent: https.Agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 8 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 35 }],
    },
    {
      name: 'class field initialiser',
      code: `import https from 'https';
export class Api {
  agent = new https.Agent({ maxSockets: 10 });
}`,
      output: `import https from 'https';
export class Api {
  agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 10 });
}`,
      errors: [{ messageId: 'missingKeepAlive', line: 3, column: 11 }],
    },
    {
      name: 'constructor',
      code: `import http from 'http';
export class Api {
  constructor() {
    this.agent = new http.Agent();
  }
}`,
      output: `import http from 'http';
export class Api {
  constructor() {
    this.agent = new http.Agent({ keepAlive: true, timeout: 4_000 });
  }
}`,
      errors: [{ messageId: 'missingKeepAlive', line: 4, column: 18 }],
    },
    {
      name: 'static block',
      code: `import https from 'https';
export class Api {
  static agent;
  static {
    Api.agent = new https.Agent({ maxSockets: 4 });
  }
}`,
      output: `import https from 'https';
export class Api {
  static agent;
  static {
    Api.agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 4 });
  }
}`,
      errors: [{ messageId: 'missingKeepAlive', line: 5, column: 17 }],
    },
    {
      name: 'lazy singleton',
      code: `import https from 'https';
let agent;
export function getAgent() {
  agent ??= new https.Agent();
  return agent;
}`,
      output: `import https from 'https';
let agent;
export function getAgent() {
  agent ??= new https.Agent({ keepAlive: true, timeout: 4_000 });
  return agent;
}`,
      errors: [{ messageId: 'missingKeepAlive', line: 4, column: 13 }],
    },
    {
      name: 'main() called at the bottom is a once position',
      code: `import http from 'http';
async function main() {
  const agent = new http.Agent({ maxSockets: 1 });
  await serve(agent);
}
main();`,
      output: `import http from 'http';
async function main() {
  const agent = new http.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 1 });
  await serve(agent);
}
main();`,
      errors: [{ messageId: 'missingKeepAlive', line: 3, column: 17 }],
    },
    {
      name: 'NestJS onModuleInit',
      code: `import { Injectable } from '@nestjs/common';
import https from 'https';
@Injectable()
export class Upstream {
  private agent!: https.Agent;
  onModuleInit() {
    this.agent = new https.Agent({ maxSockets: 20 });
  }
}`,
      output: `import { Injectable } from '@nestjs/common';
import https from 'https';
@Injectable()
export class Upstream {
  private agent!: https.Agent;
  onModuleInit() {
    this.agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 20 });
  }
}`,
      errors: [{ messageId: 'missingKeepAlive', line: 7, column: 18 }],
    },
    {
      name: 'TSX file',
      code: `import https from 'node:https';
const agent = new https.Agent({ maxSockets: 4 });
export function Probe({ url }: { url: string }) {
  return <Status url={url} agent={agent} />;
}`,
      ...tsx,
      output: `import https from 'node:https';
const agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 4 });
export function Probe({ url }: { url: string }) {
  return <Status url={url} agent={agent} />;
}`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 15 }],
    },
    {
      name: 'nodeVersion >=20: a new http.Agent still defaults to keepAlive: false',
      code: `import http from 'http';
export const agent = new http.Agent({ maxSockets: 100 });`,
      options: [{ nodeVersion: '>=20' }],
      output: `import http from 'http';
export const agent = new http.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 100 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: 'nodeVersion 18',
      code: `import https from 'https';
export const agent = new https.Agent({ maxSockets: 100 });`,
      options: [{ nodeVersion: '18' }],
      output: `import https from 'https';
export const agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 100 });`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    // ── keepAliveFalse: no fix ────────────────────────────────────────────────────────────────
    {
      name: 'keepAlive: false at module scope',
      code: `import http from 'http';
export const agent = new http.Agent({ keepAlive: false });`,
      output: null,
      errors: [
        {
          messageId: 'keepAliveFalse',
          line: 2,
          column: 22,
          data: { construct: 'new http.Agent()' },
        },
      ],
    },
    {
      name: 'keepAlive: false with a timeout, through an alias',
      code: `import https from 'https';
const H = https;
export const agent = new H.Agent({ keepAlive: false, timeout: 1_000 });`,
      output: null,
      errors: [{ messageId: 'keepAliveFalse', line: 3, column: 22 }],
    },
    {
      name: 'keepAlive: false in a class field (CommonJS)',
      code: `const https = require('https');
class Api {
  agent = new https.Agent({ maxSockets: 5, keepAlive: false });
}
module.exports = Api;`,
      languageOptions: commonjs,
      output: null,
      errors: [{ messageId: 'keepAliveFalse', line: 3, column: 11 }],
    },
    // ── agentFalse: anywhere ──────────────────────────────────────────────────────────────────
    {
      name: 'agent: false in https.request in a function',
      code: `import https from 'node:https';
export function post(url, body) {
  const req = https.request(url, { method: 'POST', agent: false }, (res) => res.resume());
  req.end(body);
}`,
      output: null,
      errors: [
        {
          messageId: 'agentFalse',
          line: 3,
          column: 52,
          data: { request: 'https.request()' },
        },
      ],
    },
    {
      name: 'agent: false in http.get at module scope',
      code: `import http from 'http';
http.get({ hostname: 'localhost', port: 3000, agent: false }, (res) => res.resume());`,
      output: null,
      errors: [{ messageId: 'agentFalse', line: 2, column: 47 }],
    },
    {
      name: 'agent: false in an Express route (CommonJS)',
      code: `const express = require('express');
const https = require('https');
const app = express();
app.get('/proxy', (req, res) => {
  https.get('https://upstream.example.com' + req.url, { agent: false }, (up) => up.pipe(res));
});`,
      languageOptions: commonjs,
      output: null,
      errors: [{ messageId: 'agentFalse', line: 5, column: 57 }],
    },
    {
      name: 'agent: false with a named import of get',
      code: `import { get } from 'node:http';
export function ping(url) {
  get(url, { agent: false }, (res) => res.resume());
}`,
      output: null,
      errors: [{ messageId: 'agentFalse', line: 3, column: 14 }],
    },
    {
      name: 'a factory called once at module scope builds a long-lived agent',
      code: `import https from 'https';
function makeAgent() {
  return new https.Agent({ maxSockets: 10 });
}
export const agent = makeAgent();`,
      output: `import https from 'https';
function makeAgent() {
  return new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 10 });
}
export const agent = makeAgent();`,
      errors: [{ messageId: 'missingKeepAlive', line: 3, column: 10 }],
    },
    {
      name: 'options typed with a TS assertion',
      code: `import https from 'https';
export const agent = new https.Agent({ maxSockets: 1 } as https.AgentOptions);`,
      output: `import https from 'https';
export const agent = new https.Agent({ keepAlive: true, timeout: 4_000, maxSockets: 1 } as https.AgentOptions);`,
      errors: [{ messageId: 'missingKeepAlive', line: 2, column: 22 }],
    },
    {
      name: "keepAlive: false with a string key",
      code: `import http from 'http';
export const agent = new http.Agent({ 'keepAlive': false });`,
      output: null,
      errors: [{ messageId: 'keepAliveFalse', line: 2, column: 22 }],
    },
  ],
});

// The wording of each message as the rule contract (rules-spec.md) states it, rendered with sample data.
describe('require-keep-alive messages', () => {
  it('missingKeepAlive matches the contract', () => {
    expect(render(rule.meta.messages.missingKeepAlive)).toBe(
      render(
        "`{{construct}}` is long-lived but has no `keepAlive: true`: a new `http.Agent` closes every connection after one request (Node ≥ 19 only changed the global agent). Add `keepAlive: true` with an idle `timeout`.",
      ),
    );
  });
  it('keepAliveFalse matches the contract', () => {
    expect(render(rule.meta.messages.keepAliveFalse)).toBe(
      render(
        "`{{construct}}` sets `keepAlive: false`: every request through it opens a new connection.",
      ),
    );
  });
  it('agentFalse matches the contract', () => {
    expect(render(rule.meta.messages.agentFalse)).toBe(
      render(
        "`agent: false` in `{{request}}` makes Node build a one-time agent: every request opens a new connection. Pass a shared keep-alive agent.",
      ),
    );
  });
});
