import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-per-call-agent.js';
import { commonjs, render, testable, tsx, whyOf } from './testers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-per-call-agent', testable(rule), {
  valid: [
    {
      name: 'arrow factory called by a loop at module level with each origin: one pool per origin, once per element',
      code: `import { Pool } from 'undici';
const createPool = (origin) => {
  const pool = new Pool(origin);
  return pool;
};
for (const origin of origins) {
  const pool = createPool(origin);
  await pool.request({ path: '/' });
}`,
    },
    {
      name: 'a local helper named like an interop helper but without its `__esModule` test is not one',
      code: `"use strict";
function _interopRequireDefault(obj) { return { default: class Stub { constructor(url) { this.url = url; } } }; }
var _httpsProxyAgent = _interopRequireDefault(require("https-proxy-agent"));
exports.send = function send(url) { return fetch(url, { agent: new _httpsProxyAgent.default(process.env.HTTPS_PROXY) }); };`,
      languageOptions: commonjs,
    },
    {
      name: 'an agent set on the object the function returns is kept by it: a factory, judged where it is called',
      code: `import { HttpsProxyAgent } from 'https-proxy-agent';
export function withProxyAgent(strategy) {
  const proxy = process.env.HTTPS_PROXY;
  if (!proxy) return strategy;
  const client = strategy._oauth2;
  client.setAgent(new HttpsProxyAgent(proxy));
  return strategy;
}`,
    },
    // ── once: module top level ────────────────────────────────────────────────────────────────
    {
      name: 'module-level https.Agent (ESM, node: prefix)',
      code: `import https from 'node:https';
export const agent = new https.Agent({ keepAlive: true, timeout: 4_000 });
export async function get(url) {
  return https.get(url, { agent });
}`,
    },
    {
      name: 'module-level http.Agent (CommonJS)',
      code: `const http = require('http');
const agent = new http.Agent({ keepAlive: true });
module.exports = { agent };`,
      languageOptions: commonjs,
    },
    {
      name: 'module-level undici Agent after top-level await',
      code: `import { Agent } from 'undici';
const config = await loadConfig();
export const dispatcher = new Agent(config.undici);`,
    },
    {
      name: 'module-level pools built by .map over a module-level constant kept at module scope',
      code: `import { Pool } from 'undici';
const ORIGINS = ['https://a.example.com', 'https://b.example.com'];
export const pools = ORIGINS.map((origin) => new Pool(origin));`,
    },
    // ── once: module-level IIFEs ──────────────────────────────────────────────────────────────
    {
      name: 'async arrow IIFE at module level',
      code: `import { Pool } from 'undici';
let pool;
(async () => {
  pool = new Pool('http://localhost:3000');
  await warmUp(pool);
})();`,
    },
    {
      name: 'void async function IIFE at module level',
      code: `import { Agent, setGlobalDispatcher } from 'undici';
void (async function () {
  setGlobalDispatcher(new Agent({ keepAliveTimeout: 4_000 }));
})();`,
    },
    // ── once: classes ─────────────────────────────────────────────────────────────────────────
    {
      name: 'class constructor',
      code: `import https from 'https';
export class ApiClient {
  private readonly agent: https.Agent;
  constructor(private readonly baseUrl: string) {
    this.agent = new https.Agent({ keepAlive: true });
  }
}`,
    },
    {
      name: 'instance field initialiser',
      code: `import { Agent } from 'undici';
export class ApiClient {
  private readonly dispatcher = new Agent({ keepAliveTimeout: 4_000 });
}`,
    },
    {
      name: 'static field initialiser (agentkeepalive HttpsAgent, destructured require)',
      code: `const { HttpsAgent } = require('agentkeepalive');
class ApiClient {
  static agent = new HttpsAgent();
}
module.exports = ApiClient;`,
      languageOptions: commonjs,
    },
    {
      name: 'static block',
      code: `import * as http from 'node:http';
export class Poller {
  static agent;
  static {
    Poller.agent = new http.Agent({ keepAlive: true });
  }
}`,
    },
    // ── once: lazy singletons ─────────────────────────────────────────────────────────────────
    {
      name: 'lazy singleton x ??= site, returned by a getter function that is called per call',
      code: `import { Agent } from 'undici';
let dispatcher;
function getDispatcher() {
  return (dispatcher ??= new Agent());
}
export async function handler(event) {
  return fetch(event.url, { dispatcher: getDispatcher() });
}`,
    },
    {
      name: 'lazy singleton x ||= site',
      code: `import https from 'https';
let agent;
export function getAgent() {
  agent ||= new https.Agent({ keepAlive: true });
  return agent;
}`,
    },
    {
      name: 'lazy singleton x = x ?? site',
      code: `import { Pool } from 'undici';
let pool;
export function getPool() {
  pool = pool ?? new Pool('http://localhost:3000');
  return pool;
}`,
    },
    {
      name: 'lazy singleton x = x || site',
      code: `import { Pool } from 'undici';
let pool;
export function poolFor() {
  pool = pool || new Pool('http://localhost:4000');
  return pool;
}`,
    },
    {
      name: 'lazy singleton if (!x) x = site',
      code: `import https from 'node:https';
let agent;
export function getAgent() {
  if (!agent) agent = new https.Agent({ keepAlive: true });
  return agent;
}`,
    },
    {
      name: 'lazy singleton if (x == null) { x = site }',
      code: `import { BalancedPool } from 'undici';
let pool;
export function upstreams() {
  if (pool == null) {
    pool = new BalancedPool(['http://a:3000', 'http://b:3000']);
  }
  return pool;
}`,
    },
    {
      name: 'lazy singleton if (x === undefined)',
      code: `import { ProxyAgent } from 'undici';
let proxy;
export function proxyAgent() {
  if (proxy === undefined) proxy = new ProxyAgent(process.env.HTTPS_PROXY);
  return proxy;
}`,
    },
    {
      name: "lazy singleton if (typeof x === 'undefined')",
      code: `import { EnvHttpProxyAgent } from 'undici';
let agent;
export function envAgent() {
  if (typeof agent === 'undefined') agent = new EnvHttpProxyAgent();
  return agent;
}`,
    },
    {
      name: 'lazy singleton on this: if (!this.x) this.x = site in a method',
      code: `import https from 'https';
export class ApiClient {
  agent;
  request(path) {
    if (!this.agent) this.agent = new https.Agent({ keepAlive: true });
    return https.get(path, { agent: this.agent });
  }
}`,
    },
    {
      name: 'lazy singleton this.x ??= site in a method',
      code: `import { Agent } from 'undici';
export class ApiClient {
  #dispatcher;
  async get(url) {
    this.#dispatcher ??= new Agent();
    return fetch(url, { dispatcher: this.#dispatcher });
  }
}`,
    },
    {
      name: 'lazy singleton on globalThis (globalThis.x ??= site)',
      code: `import { Agent } from 'undici';
export function sharedDispatcher() {
  globalThis.__dispatcher ??= new Agent();
  return globalThis.__dispatcher;
}`,
    },
    {
      name: 'lazy singleton globalThis.x ?? site stored back',
      code: `import https from 'node:https';
export function sharedAgent() {
  const agent = globalThis.httpsAgent ?? new https.Agent({ keepAlive: true });
  globalThis.httpsAgent = agent;
  return agent;
}`,
    },
    // ── once: keyed caches ────────────────────────────────────────────────────────────────────
    {
      name: 'keyed cache: if (!map.has(k)) map.set(k, site)',
      code: `import { Pool } from 'undici';
const pools = new Map();
export function poolFor(origin) {
  if (!pools.has(origin)) pools.set(origin, new Pool(origin));
  return pools.get(origin);
}`,
    },
    {
      name: 'keyed cache: cache[k] ??= site',
      code: `import { HttpsProxyAgent } from 'https-proxy-agent';
const agents = {};
export function agentFor(proxyUrl) {
  return (agents[proxyUrl] ??= new HttpsProxyAgent(proxyUrl));
}`,
    },
    {
      name: 'keyed cache: let a = map.get(k); if (!a) { a = site; map.set(k, a) } return a',
      code: `import { SocksProxyAgent } from 'socks-proxy-agent';
const cache = new Map();
export function socksAgent(proxy) {
  let agent = cache.get(proxy);
  if (!agent) {
    agent = new SocksProxyAgent(proxy);
    cache.set(proxy, agent);
  }
  return agent;
}`,
    },
    {
      name: 'keyed cache: a local stored into module-level storage',
      code: `import { Pool } from 'undici';
const pools = new Map();
export function poolFor(origin) {
  const cached = pools.get(origin);
  if (cached) return cached;
  const pool = new Pool(origin);
  pools.set(origin, pool);
  return pool;
}`,
    },
    // ── once: start-up functions ──────────────────────────────────────────────────────────────
    {
      name: 'non-exported main() called at the bottom of the module',
      code: `import https from 'node:https';
async function main() {
  const agent = new https.Agent({ keepAlive: true });
  await startServer({ agent });
}
main();`,
    },
    {
      name: 'NestJS onModuleInit',
      code: `import { Injectable, OnModuleInit } from '@nestjs/common';
import { Pool } from 'undici';
@Injectable()
export class UpstreamService implements OnModuleInit {
  private pool!: Pool;
  onModuleInit() {
    this.pool = new Pool('http://upstream:8080');
  }
}`,
    },
    {
      name: 'NestJS onApplicationBootstrap',
      code: `import { Injectable } from '@nestjs/common';
import { Agent, setGlobalDispatcher } from 'undici';
@Injectable()
export class HttpBootstrap {
  async onApplicationBootstrap() {
    setGlobalDispatcher(new Agent({ keepAliveTimeout: 4_000 }));
  }
}`,
    },
    {
      name: 'hapi plugin register',
      code: `import https from 'https';
export const plugin = {
  name: 'upstream',
  version: '1.0.0',
  register: async (server, options) => {
    const agent = new https.Agent({ keepAlive: true });
    server.decorate('server', 'upstreamAgent', agent);
  },
};`,
    },
    {
      name: 'fastify-plugin body',
      code: `import fp from 'fastify-plugin';
import { Pool } from 'undici';
export default fp(async (fastify) => {
  const pool = new Pool('http://upstream:8080');
  fastify.decorate('upstream', pool);
  fastify.addHook('onClose', () => pool.close());
});`,
    },
    {
      name: 'function passed to app.register',
      code: `import Fastify from 'fastify';
import { Agent } from 'undici';
const app = Fastify();
app.register(async (instance) => {
  instance.decorate('dispatcher', new Agent());
});`,
    },
    {
      name: 'startupFunctions option: by name',
      code: `import https from 'https';
export async function bootstrap() {
  const agent = new https.Agent({ keepAlive: true });
  await registerAgent(agent);
}`,
      options: [{ startupFunctions: ['bootstrap'] }],
    },
    {
      name: 'startupFunctions option: by /regex/',
      code: `import http from 'http';
export function initHttp() {
  const agent = new http.Agent({ keepAlive: true });
  registerAgent(agent);
}`,
      options: [{ startupFunctions: ['/^init/'] }],
    },
    // ── factories ─────────────────────────────────────────────────────────────────────────────
    {
      name: 'factory called once at module level: neither the site nor the call is reported',
      code: `import https from 'node:https';
function makeAgent() {
  return new https.Agent({ keepAlive: true });
}
export const agent = makeAgent();`,
    },
    {
      name: 'exported factory never called in this file',
      code: `import { Agent } from 'undici';
export const createDispatcher = () => new Agent({ keepAliveTimeout: 4_000 });`,
    },
    {
      name: 'class building an agent in its constructor, instantiated once',
      code: `import https from 'https';
class HttpClient {
  constructor() {
    this.agent = new https.Agent({ keepAlive: true });
  }
}
export const client = new HttpClient();`,
    },
    // ── one report per problem: other rules own these ─────────────────────────────────────────
    {
      name: 'agent inline in a request option slot is no-inline-dispatcher’s',
      code: `import { Agent } from 'undici';
export async function handler(event) {
  return fetch(event.url, { dispatcher: new Agent() });
}`,
    },
    {
      name: 'agent nested in a per-call axios.create() is prefer-axios-instance’s',
      code: `import axios from 'axios';
import https from 'https';
export async function handler(event) {
  const api = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
  const res = await api.get(event.path);
  return res.data;
}`,
    },
    {
      name: 'agent nested in the options of a per-call SDK client is no-per-call-client’s',
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import https from 'https';
export async function handler(event) {
  const s3 = new S3Client({
    requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ keepAlive: true }) }),
  });
  await s3.send(event.command);
}`,
    },
    // ── look-alikes ───────────────────────────────────────────────────────────────────────────
    {
      name: 'a local class called Agent',
      code: `class Agent {
  constructor(name) {
    this.name = name;
  }
}
export function greet(name) {
  const agent = new Agent(name);
  console.log(agent.name);
}`,
    },
    {
      name: 'a parameter named https',
      code: `export function request(https, url) {
  const agent = new https.Agent();
  return https.get(url, { agent });
}`,
    },
    {
      name: 'a local shadowing the undici import',
      code: `import { Agent } from 'undici';
export const shared = new Agent();
export function make(name) {
  const Agent = class {
    constructor(n) {
      this.n = n;
    }
  };
  const agent = new Agent(name);
  console.log(agent);
}`,
    },
    {
      name: 'an import from a different module',
      code: `import { Agent } from './my-agent';
export function handler() {
  const agent = new Agent();
  agent.run();
}`,
    },
    {
      name: 'an http2 import is not in the catalog',
      code: `import http2 from 'node:http2';
export function connect(origin) {
  const session = http2.connect(origin);
  session.close();
}`,
    },
    {
      name: 'TSX component reading a module-level agent',
      code: `import https from 'node:https';
const agent = new https.Agent({ keepAlive: true });
export function Status({ url }: { url: string }) {
  return <Probe url={url} agent={agent} />;
}`,
      ...tsx,
    },
    // ── more once positions ───────────────────────────────────────────────────────────────────
    {
      name: 'sync arrow IIFE at module level',
      code: `import http from 'http';
let agent;
(() => {
  agent = new http.Agent({ keepAlive: true });
})();
export { agent };`,
    },
    {
      name: 'async function IIFE at module level (no void)',
      code: `import { Pool } from 'undici';
let pool;
(async function () {
  pool = new Pool('http://localhost:3000');
})();
export { pool };`,
    },
    {
      name: 'module-level if and try blocks are once',
      code: `import { ProxyAgent } from 'undici';
import https from 'https';
let dispatcher;
if (process.env.HTTPS_PROXY) {
  dispatcher = new ProxyAgent(process.env.HTTPS_PROXY);
}
let agent;
try {
  agent = new https.Agent({ keepAlive: true });
} catch {
  agent = undefined;
}
export { dispatcher, agent };`,
    },
    {
      name: 'lazy singleton on a module-level object',
      code: `import { Agent } from 'undici';
const state = {};
export function dispatcher() {
  state.dispatcher ??= new Agent();
  return state.dispatcher;
}`,
    },
    {
      name: 'keyed cache guarded by get: if (!map.get(k)) map.set(k, site)',
      code: `import { HttpProxyAgent } from 'http-proxy-agent';
const agents = new Map();
export function agentFor(proxy) {
  if (!agents.get(proxy)) agents.set(proxy, new HttpProxyAgent(proxy));
  return agents.get(proxy);
}`,
    },
    {
      name: 'hapi plugin register as a method of an object with name',
      code: `const { Pool } = require('undici');
exports.plugin = {
  name: 'upstream',
  async register(server) {
    server.app.upstream = new Pool('http://upstream:8080');
  },
};`,
      languageOptions: commonjs,
    },
    {
      name: 'a non-exported function called only from main(), itself called at the bottom',
      code: `import { Pool } from 'undici';
let pool;
async function setup() {
  pool = new Pool('http://localhost:3000');
}
async function main() {
  await setup();
  await pool.request({ path: '/' });
}
main();`,
    },
  ],
  invalid: [
    // ── plain functions, ESM / CommonJS, import forms ─────────────────────────────────────────
    {
      name: 'function declaration; the hoist suggestion moves the agent after the imports',
      code: `import https from 'node:https';
export async function placeOrder(order) {
  const agent = new https.Agent({ keepAlive: true });
  await send(order, agent);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          data: { construct: 'new https.Agent()', where: 'on every call of `placeOrder`', why: whyOf('node-http'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const httpsAgent = new https.Agent({ keepAlive: true });
export async function placeOrder(order) {
  const agent = httpsAgent;
  await send(order, agent);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS require of http; the hoist goes after the require',
      code: `const http = require('http');
function ping(url) {
  const agent = new http.Agent();
  http.get(url, { agent }).end();
}
module.exports = { ping };`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          data: { construct: 'new http.Agent()', where: 'on every call of `ping`', why: whyOf('node-http'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `const http = require('http');
const httpAgent = new http.Agent();
function ping(url) {
  const agent = httpAgent;
  http.get(url, { agent }).end();
}
module.exports = { ping };`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import in an arrow function reading a parameter (no suggestion)',
      code: `import * as https from 'https';
export const download = async (url, ca) => {
  const agent = new https.Agent({ ca });
  await pipeTo(url, agent);
};`,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    {
      name: 'renamed named import in a class method',
      code: `import { Agent as UndiciAgent } from 'undici';
export class ApiClient {
  async fetchUser(id) {
    const transport = new UndiciAgent({ connect: { timeout: 1_000 } });
    await this.send(id, transport);
  }
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 23,
          data: { construct: 'new UndiciAgent()', where: 'on every call of method `ApiClient.fetchUser`', why: whyOf('undici'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent as UndiciAgent } from 'undici';
const dispatcher = new UndiciAgent({ connect: { timeout: 1_000 } });
export class ApiClient {
  async fetchUser(id) {
    const transport = dispatcher;
    await this.send(id, transport);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'inline new (require("https").Agent)()',
      code: `function open(url) {
  const agent = new (require('https').Agent)({ keepAlive: true });
  register(url, agent);
}
module.exports = open;`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perCall',
          line: 2,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `const httpsAgent = new (require('https').Agent)({ keepAlive: true });

function open(url) {
  const agent = httpsAgent;
  register(url, agent);
}
module.exports = open;`,
            },
          ],
        },
      ],
    },
    {
      name: 'destructured renamed require',
      code: `const { Pool: UndiciPool } = require('undici');
exports.query = async function query(origin, path) {
  const pool = new UndiciPool(origin);
  await pool.request({ path, method: 'GET' });
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 3, column: 16 }],
    },
    {
      name: "require('agentkeepalive') default export",
      code: `const Agent = require('agentkeepalive');
exports.handler = async (event) => {
  const keepAlive = new Agent({ freeSocketTimeout: 4_000 });
  await forward(event, keepAlive);
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `const Agent = require('agentkeepalive');
const keepAliveAgent = new Agent({ freeSocketTimeout: 4_000 });
exports.handler = async (event) => {
  const keepAlive = keepAliveAgent;
  await forward(event, keepAlive);
};`,
            },
          ],
        },
      ],
    },
    {
      name: "require('proxy-agent').default",
      code: `const ProxyAgent = require('proxy-agent').default;
async function call(url, proxy) {
  const agent = new ProxyAgent({ getProxyForUrl: () => proxy });
  await get(url, agent);
}
module.exports = { call };`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    {
      name: 'https-proxy-agent reading a parameter',
      code: `import { HttpsProxyAgent } from 'https-proxy-agent';
export async function viaProxy(url, proxy) {
  const agent = new HttpsProxyAgent(proxy);
  await get(url, agent);
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    // ── compiled CommonJS: interop helpers resolve to the module they wrap ──────────────────
    {
      name: 'Babel runtime interopRequireDefault, `["default"]` member (compiled CommonJS)',
      code: `"use strict";
var _interopRequireDefault = require("@babel/runtime/helpers/interopRequireDefault");
var _httpsProxyAgent = _interopRequireDefault(require("https-proxy-agent"));
exports["default"] = function send(url, options) {
  if (process.env.HTTPS_PROXY) options.agent = new _httpsProxyAgent["default"](process.env.HTTPS_PROXY);
  return fetch(url, options);
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 5, column: 48 }],
    },
    {
      name: 'Babel inline _interopRequireDefault helper, `.default` member and `(0, x.default)` call',
      code: `"use strict";
var _express = _interopRequireDefault(require("express"));
var _https = _interopRequireDefault(require("https"));
function _interopRequireDefault(obj) { return obj && obj.__esModule ? obj : { default: obj }; }
const app = (0, _express.default)();
app.get('/report', async (req, res) => {
  const agent = new _https.default.Agent({ keepAlive: true });
  res.json(await download(req.query.url, agent));
});`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 7, column: 17, data: { construct: 'new _https.default.Agent()', where: 'on every request of the route `GET /report`', why: whyOf('node-http'), extra: '' } }],
    },
    {
      name: "TypeScript's emitted __importDefault helper (compiled CommonJS)",
      code: `"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const undici_1 = __importDefault(require("undici"));
async function fetchAll(urls) {
    for (const url of urls) {
        const dispatcher = new undici_1.default.Agent({ connect: { servername: new URL(url).hostname } });
        await undici_1.default.request(url, { dispatcher });
    }
}
exports.fetchAll = fetchAll;`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 9, column: 28 }],
    },
    {
      name: "tslib __importStar (compiled TypeScript with importHelpers)",
      code: `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const tslib_1 = require("tslib");
const https = tslib_1.__importStar(require("https"));
async function poll(urls) {
    for (const url of urls) {
        const agent = new https.Agent({ keepAlive: true, servername: new URL(url).hostname });
        await get(url, agent);
    }
}
exports.poll = poll;`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 7, column: 23 }],
    },
    {
      name: 'http-proxy-agent reading process.env (no suggestion)',
      code: `import { HttpProxyAgent } from 'http-proxy-agent';
export async function viaProxy(url) {
  const agent = new HttpProxyAgent(process.env.HTTP_PROXY);
  await get(url, agent);
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    {
      name: 'TS import = require form',
      code: `import https = require('https');
export function open(url: string) {
  const agent = new https.Agent({ keepAlive: true });
  https.get(url, { agent }, (res) => res.resume());
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https = require('https');
const httpsAgent = new https.Agent({ keepAlive: true });
export function open(url: string) {
  const agent = httpsAgent;
  https.get(url, { agent }, (res) => res.resume());
}`,
            },
          ],
        },
      ],
    },
    {
      name: "destructured dynamic import inside the handler: const { Agent } = await import('undici')",
      code: `export async function handler(event) {
  const { Agent } = await import('undici');
  const dispatcher = new Agent();
  await forward(event, dispatcher);
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 22 }],
    },
    {
      name: "module namespace from top-level await import('undici')",
      code: `const undici = await import('undici');
export async function handler(event) {
  const pool = new undici.Pool(event.origin);
  await pool.request({ path: '/' });
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 16 }],
    },
    {
      name: 'aliases: const Y = X, const { A } = X, const A = X.A',
      code: `import https from 'node:https';
const H = https;
const { Agent } = H;
const HttpsAgentClass = https.Agent;
export function one(url) {
  use(url, new H.Agent());
  use(url, new Agent());
  use(url, new HttpsAgentClass());
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const H = https;
const httpsAgent = new H.Agent();
const { Agent } = H;
const HttpsAgentClass = https.Agent;
export function one(url) {
  use(url, httpsAgent);
  use(url, new Agent());
  use(url, new HttpsAgentClass());
}`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 7,
          column: 12,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const H = https;
const { Agent } = H;
const httpsAgent = new Agent();
const HttpsAgentClass = https.Agent;
export function one(url) {
  use(url, new H.Agent());
  use(url, httpsAgent);
  use(url, new HttpsAgentClass());
}`,
            },
          ],
        },
        {
          messageId: 'perCall',
          line: 8,
          column: 12,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const H = https;
const { Agent } = H;
const HttpsAgentClass = https.Agent;
const httpsAgent = new HttpsAgentClass();
export function one(url) {
  use(url, new H.Agent());
  use(url, new Agent());
  use(url, httpsAgent);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'undici Client in a getter',
      code: `import { Client } from 'undici';
export class Upstream {
  get client() {
    const c = new Client('http://localhost:3000');
    this.clients.push(c);
    return this.clients.length;
  }
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Client } from 'undici';
const client = new Client('http://localhost:3000');
export class Upstream {
  get client() {
    const c = client;
    this.clients.push(c);
    return this.clients.length;
  }
}`,
            },
          ],
        },
      ],
    },
    // ── frameworks ────────────────────────────────────────────────────────────────────────────
    {
      name: 'Express route handler',
      code: `import express from 'express';
import { Pool } from 'undici';
const app = express();
app.get('/users/:id', async (req, res) => {
  const pool = new Pool(\`http://users-\${req.params.region}:8080\`);
  const { body } = await pool.request({ path: \`/users/\${req.params.id}\`, method: 'GET' });
  res.json(await body.json());
});`,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 16,
          data: { construct: 'new Pool()', where: 'on every request of the route `GET /users/:id`', why: whyOf('undici'), extra: '' },
        },
      ],
    },
    {
      name: 'Fastify route handler',
      code: `import Fastify from 'fastify';
import https from 'https';
const fastify = Fastify();
fastify.post('/orders', async (request, reply) => {
  const agent = new https.Agent({ ca: request.headers['x-ca'] });
  return forward(request.body, agent);
});`,
      errors: [{ messageId: 'perCall', line: 5, column: 17 }],
    },
    {
      name: 'Next.js route handler (TypeScript)',
      code: `import { Agent } from 'undici';
import { NextResponse } from 'next/server';
export async function GET(request: Request): Promise<Response> {
  const agent: Agent = new Agent({ keepAliveTimeout: 4_000 });
  const upstream = await forward(request, agent);
  return NextResponse.json(upstream);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
import { NextResponse } from 'next/server';
const dispatcher = new Agent({ keepAliveTimeout: 4_000 });
export async function GET(request: Request): Promise<Response> {
  const agent: Agent = dispatcher;
  const upstream = await forward(request, agent);
  return NextResponse.json(upstream);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'AWS Lambda handler',
      code: `import https from 'node:https';
export const handler = async (event) => {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 50 });
  return callUpstream(event.body, agent);
};`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          data: { construct: 'new https.Agent()', where: 'on every call of `handler`', why: whyOf('node-http'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 50 });
export const handler = async (event) => {
  const agent = httpsAgent;
  return callUpstream(event.body, agent);
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'TSX component',
      code: `import https from 'node:https';
export function Status({ url }: { url: string }) {
  const agent = new https.Agent({ keepAlive: true });
  return <Probe url={url} agent={agent} />;
}`,
      ...tsx,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const httpsAgent = new https.Agent({ keepAlive: true });
export function Status({ url }: { url: string }) {
  const agent = httpsAgent;
  return <Probe url={url} agent={agent} />;
}`,
            },
          ],
        },
      ],
    },
    // ── loops, timers, collection callbacks ───────────────────────────────────────────────────
    {
      name: 'for…of loop at module level',
      code: `import https from 'https';
for (const url of urls) {
  const agent = new https.Agent();
  ping(url, agent);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          data: { construct: 'new https.Agent()', where: 'on every iteration of a loop', why: whyOf('node-http'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
const httpsAgent = new https.Agent();
for (const url of urls) {
  const agent = httpsAgent;
  ping(url, agent);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'while loop at module level',
      code: `import http from 'node:http';
let attempts = 0;
while (attempts++ < 3) {
  const agent = new http.Agent({ keepAlive: true });
  ping('http://localhost', agent);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import http from 'node:http';
const httpAgent = new http.Agent({ keepAlive: true });
let attempts = 0;
while (attempts++ < 3) {
  const agent = httpAgent;
  ping('http://localhost', agent);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'classic for loop inside a once position (main) is still per iteration',
      code: `import { Pool } from 'undici';
async function main() {
  for (let i = 0; i < 10; i++) {
    const upstream = new Pool('http://localhost:3000');
    await upstream.request({ path: '/health', method: 'GET' });
  }
}
main();`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 22,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
async function main() {
  for (let i = 0; i < 10; i++) {
    const upstream = pool;
    await upstream.request({ path: '/health', method: 'GET' });
  }
}
main();`,
            },
          ],
        },
      ],
    },
    {
      name: 'setInterval callback',
      code: `import https from 'https';
setInterval(() => {
  const agent = new https.Agent();
  poll('https://status.example.com', agent);
}, 10_000);`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
const httpsAgent = new https.Agent();
setInterval(() => {
  const agent = httpsAgent;
  poll('https://status.example.com', agent);
}, 10_000);`,
            },
          ],
        },
      ],
    },
    {
      name: '.map callback over a parameter',
      code: `import { Agent } from 'undici';
export function fanOut(urls) {
  return urls.map((url) => send(url, new Agent()));
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 38,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent();
export function fanOut(urls) {
  return urls.map((url) => send(url, dispatcher));
}`,
            },
          ],
        },
      ],
    },
    // ── storage that does not outlive the call ────────────────────────────────────────────────
    {
      name: 'x ??= site on a function-local let is not a singleton',
      code: `import https from 'https';
export function get(url, timeout) {
  let agent;
  agent ??= new https.Agent({ keepAlive: true, timeout });
  https.get(url, { agent });
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 13 }],
    },
    {
      name: 'if (!x) x = site on a function-local let is not a singleton',
      code: `import { Pool } from 'undici';
export async function get(origin) {
  let pool;
  if (!pool) pool = new Pool(origin);
  await pool.request({ path: '/' });
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 21 }],
    },
    {
      name: 'an exported main() may be called from elsewhere',
      code: `import https from 'https';
export async function main() {
  const agent = new https.Agent();
  await run(agent);
}
main();`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
const httpsAgent = new https.Agent();
export async function main() {
  const agent = httpsAgent;
  await run(agent);
}
main();`,
            },
          ],
        },
      ],
    },
    {
      name: 'non-exported function also called from a handler',
      code: `import https from 'https';
async function connect() {
  const agent = new https.Agent();
  await run(agent);
}
connect();
export async function handler() {
  await connect();
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
const httpsAgent = new https.Agent();
async function connect() {
  const agent = httpsAgent;
  await run(agent);
}
connect();
export async function handler() {
  await connect();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'startupFunctions that do not match the function name',
      code: `import https from 'https';
export async function handle() {
  const agent = new https.Agent();
  await run(agent);
}`,
      options: [{ startupFunctions: ['bootstrap', '/^init/'] }],
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
const httpsAgent = new https.Agent();
export async function handle() {
  const agent = httpsAgent;
  await run(agent);
}`,
            },
          ],
        },
      ],
    },
    // ── factories ─────────────────────────────────────────────────────────────────────────────
    {
      name: 'factory called per call is reported at the call; the start-up call is not',
      code: `import https from 'node:https';
function makeAgent() {
  return new https.Agent({ keepAlive: true });
}
export const shared = makeAgent();
export async function handler(event) {
  const agent = makeAgent();
  await send(event, agent);
}`,
      errors: [
        {
          messageId: 'perCallFactory',
          line: 7,
          column: 17,
          data: { factory: 'makeAgent()', construct: 'new https.Agent()', where: 'on every call of `handler`', why: whyOf('node-http'), extra: '' },
        },
      ],
    },
    {
      name: 'async function expression factory returning a const local, called in an Express route',
      code: `import { Agent } from 'undici';
import express from 'express';
const makeDispatcher = async function () {
  const dispatcher = new Agent();
  await warmUp(dispatcher);
  return dispatcher;
};
const app = express();
app.post('/hook', async (req, res) => {
  const dispatcher = await makeDispatcher();
  res.send(await relay(req.body, dispatcher));
});`,
      errors: [{ messageId: 'perCallFactory', line: 10, column: 28 }],
    },
    {
      name: 'two factory layers: conditional factory returned through another function',
      code: `import http from 'http';
import https from 'https';
function makeAgent(secure) {
  return secure ? new https.Agent() : new http.Agent();
}
function agentFor(url) {
  return makeAgent(url.startsWith('https:'));
}
export function get(url) {
  const agent = agentFor(url);
  return (url.startsWith('https:') ? https : http).get(url, { agent });
}`,
      errors: [{ messageId: 'perCallFactory', line: 10, column: 17 }],
    },
    {
      name: 'factory returning the agent in an object literal property',
      code: `import https from 'https';
function makeTransport() {
  return { agent: new https.Agent({ keepAlive: true }), retries: 3 };
}
export async function handler(event) {
  const transport = makeTransport();
  await send(event, transport);
}`,
      errors: [{ messageId: 'perCallFactory', line: 6, column: 21 }],
    },
    {
      name: 'class method factory called through this.f() from another method',
      code: `import https from 'https';
export class ApiClient {
  createAgent() {
    return new https.Agent({ keepAlive: true });
  }
  async fetchUser(id) {
    const agent = this.createAgent();
    return this.send(\`/users/\${id}\`, agent);
  }
}`,
      errors: [{ messageId: 'perCallFactory', line: 7, column: 19 }],
    },
    {
      name: 'class whose constructor builds an agent, instantiated per call',
      code: `import https from 'https';
class HttpClient {
  constructor() {
    this.agent = new https.Agent({ keepAlive: true });
  }
}
export const shared = new HttpClient();
export async function handler(event) {
  const client = new HttpClient();
  await client.send(event);
}`,
      errors: [{ messageId: 'perCallFactory', line: 9, column: 18 }],
    },
    {
      name: 'the hoisted name never collides with an existing binding',
      code: `import https from 'https';
import { httpsAgent } from './agents';
export function get(url) {
  const a = new https.Agent({ keepAlive: true });
  use(url, a, httpsAgent);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 13,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
import { httpsAgent } from './agents';
const httpsAgent2 = new https.Agent({ keepAlive: true });
export function get(url) {
  const a = httpsAgent2;
  use(url, a, httpsAgent);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when the local is closed after use',
      code: `import { Pool } from 'undici';
export async function health() {
  const pool = new Pool('http://localhost:3000');
  try {
    await pool.request({ path: '/health', method: 'GET' });
  } finally {
    await pool.close();
  }
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 16 }],
    },
    {
      name: 'no suggestion when the construction reads a module-level let',
      code: `import { Agent } from 'undici';
let timeout = 4_000;
export function configure(ms) {
  timeout = ms;
}
export async function get(url) {
  await send(url, new Agent({ keepAliveTimeout: timeout }));
}`,
      errors: [{ messageId: 'perCall', line: 7, column: 19 }],
    },
    {
      name: 'suggestion placed after the module-level const it reads',
      code: `import https from 'node:https';
const TIMEOUT = 4_000;
export async function get(url) {
  const agent = new https.Agent({ keepAlive: true, timeout: TIMEOUT });
  await send(url, agent);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'node:https';
const TIMEOUT = 4_000;
const httpsAgent = new https.Agent({ keepAlive: true, timeout: TIMEOUT });
export async function get(url) {
  const agent = httpsAgent;
  await send(url, agent);
}`,
            },
          ],
        },
      ],
    },
    // ── catalog option ────────────────────────────────────────────────────────────────────────
    {
      name: 'catalog option: a user agent export',
      code: `import { TunnelAgent } from '@acme/net';
export async function handler(event) {
  const agent = new TunnelAgent({ host: event.host });
  await send(event, agent);
}`,
      options: [{ catalog: [{ module: '@acme/net', export: 'TunnelAgent', kind: 'agent' }] }],
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    // ── more per-call positions ───────────────────────────────────────────────────────────────
    {
      name: 'an arrow function in a class field initialiser runs per call',
      code: `import https from 'https';
export class Controller {
  handle = async (req) => {
    const agent = new https.Agent({ servername: req.hostname });
    await forward(req, agent);
  };
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 19 }],
    },
    {
      name: 'a timer callback inside a constructor runs per call',
      code: `import { Agent } from 'undici';
export class Poller {
  constructor(url) {
    setInterval(() => poll(url, new Agent({ connect: { timeout: 1_000 } })), 1_000);
  }
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 33,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent({ connect: { timeout: 1_000 } });
export class Poller {
  constructor(url) {
    setInterval(() => poll(url, dispatcher), 1_000);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js pages API: export default handler',
      code: `import https from 'https';
export default async function handler(req, res) {
  const agent = new https.Agent({ keepAlive: true });
  res.json(await load(req.query.id, agent));
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import https from 'https';
const httpsAgent = new https.Agent({ keepAlive: true });
export default async function handler(req, res) {
  const agent = httpsAgent;
  res.json(await load(req.query.id, agent));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an object-literal method',
      code: `import { Pool } from 'undici';
export const api = {
  async get(origin, path) {
    const pool = new Pool(origin);
    return pool.request({ path, method: 'GET' });
  },
};`,
      errors: [{ messageId: 'perCall', line: 4, column: 18 }],
    },
    {
      name: 'a server request listener',
      code: `import http from 'node:http';
http.createServer((req, res) => {
  const agent = new http.Agent({ localAddress: req.socket.localAddress });
  http.get('http://backend' + req.url, { agent }, (up) => up.pipe(res));
}).listen(8080);`,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    {
      name: 'for…in at module level builds one pool per upstream (once per element); do…while repeats',
      code: `import { Pool } from 'undici';
for (const name in upstreams) {
  register(name, new Pool(upstreams[name]));
}
let i = 0;
do {
  register(i, new Pool(origins[i]));
} while (++i < origins.length);`,
      errors: [{ messageId: 'perCall', line: 7, column: 15 }],
    },
    {
      name: 'forEach, flatMap and reduce callbacks',
      code: `import { Agent } from 'undici';
export function wire(hosts) {
  hosts.forEach((h) => register(h, new Agent({ connect: { servername: h } })));
  hosts.flatMap((h) => [new Agent({ connect: { host: h } })]);
  return hosts.reduce((acc, h) => acc.set(h, new Agent({ connect: { host: h } })), new Map());
}`,
      errors: [
        { messageId: 'perCall', line: 3, column: 36 },
        { messageId: 'perCall', line: 4, column: 25 },
        { messageId: 'perCall', line: 5, column: 46 },
      ],
    },
    {
      name: 'a timer callback inside main() is still per call',
      code: `import https from 'https';
async function main() {
  setInterval(() => {
    const agent = new https.Agent({ servername: nextHost() });
    ping(agent);
  }, 1_000);
}
main();`,
      errors: [{ messageId: 'perCall', line: 4, column: 19 }],
    },
    // ── more hoist-safety cases ───────────────────────────────────────────────────────────────
    {
      name: 'no suggestion when the construction reads a local',
      code: `import https from 'https';
export function get(url) {
  const options = { keepAlive: true };
  const agent = new https.Agent(options);
  https.get(url, { agent });
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 17 }],
    },
    {
      name: 'no suggestion when the local it is bound to is reassigned',
      code: `import https from 'https';
export function get(url, fallback) {
  let agent = new https.Agent({ keepAlive: true });
  if (url.startsWith('http:')) agent = fallback;
  https.get(url, { agent });
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 15 }],
    },
    {
      name: 'no suggestion when the local is destroyed after use',
      code: `import https from 'https';
export async function get(url) {
  const agent = new https.Agent({ keepAlive: true });
  await download(url, agent);
  agent.destroy();
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    {
      name: 'no suggestion when the module const it reads is declared after the site',
      code: `import https from 'https';
export function get(url) {
  const agent = new https.Agent(AGENT_OPTIONS);
  https.get(url, { agent });
}
const AGENT_OPTIONS = { keepAlive: true };`,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
    },
    {
      name: 'no suggestion when the construction calls a module-level function (evaluated per call)',
      code: `import https from 'https';
const hosts = ['a.example.com', 'b.example.com'];
function pickHost() {
  return hosts[Math.floor(Math.random() * hosts.length)];
}
export function get(url) {
  const agent = new https.Agent({ servername: pickHost() });
  https.get(url, { agent });
}`,
      errors: [{ messageId: 'perCall', line: 7, column: 17 }],
    },
    {
      name: 'agent inline in the options of a call that is not a catalog request is this rule’s',
      code: `import { Agent } from 'undici';
export function get(fetch, url) {
  return fetch(url, { dispatcher: new Agent({ connections: 1 }) });
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 35,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Agent } from 'undici';
const dispatcher = new Agent({ connections: 1 });
export function get(fetch, url) {
  return fetch(url, { dispatcher: dispatcher });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a non-exported function passed as a route handler is per call',
      code: `import express from 'express';
import { Pool } from 'undici';
async function listUsers(req, res) {
  const pool = new Pool(req.query.origin);
  res.json(await pool.request({ path: '/users', method: 'GET' }));
}
const app = express();
app.get('/users', listUsers);`,
      errors: [{ messageId: 'perCall', line: 4, column: 16 }],
    },
    {
      name: "a destructured require('undici') inside the function",
      code: `export function get(url) {
  const { Agent } = require('undici');
  return send(url, new Agent({ connections: 1 }));
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 20 }],
    },
  ],
});

// The wording of each message as the rule contract (rules-spec.md) states it, rendered with sample data.
describe('no-per-call-agent messages', () => {
  it('perCall matches the contract', () => {
    expect(render(rule.meta.messages.perCall)).toBe(
      render(
        '`{{construct}}` runs {{where}}: {{why}} Create it once (module scope, constructor or lazy singleton) and reuse it.',
      ),
    );
  });
  it('perCallFactory matches the contract', () => {
    expect(render(rule.meta.messages.perCallFactory)).toBe(
      render(
        '`{{factory}}` builds `{{construct}}` and runs {{where}}: {{why}} Call it once and reuse the result.',
      ),
    );
  });
});
