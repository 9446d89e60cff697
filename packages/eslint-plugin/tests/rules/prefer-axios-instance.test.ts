import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/prefer-axios-instance.js';
import { commonjs, fileInProject, nodeTargetFixture, render, testable, tsx, whyOf } from './testers.js';

const ruleTester = new RuleTester();

// The rule reads the Node target from the nearest place the project states it (engines.node,
// .nvmrc, Dockerfile, Lambda runtimes…; fixtures/node-targets). Every case sets `nodeVersion`
// explicitly, except the ones that lint a file inside a throw-away project or a fixture folder.
const node18 = [{ nodeVersion: '18' }] as const;
const node16up = [{ nodeVersion: '>=16' }] as const;
const node20up = [{ nodeVersion: '>=20' }] as const;

const enginesNode20 = fileInProject('engines-node-20', '>=20');
const enginesNode16 = fileInProject('engines-node-16', '>=16');
const noEnginesField = fileInProject('no-engines-field', null);
const noPackageJson = fileInProject('no-package-json');

ruleTester.run('prefer-axios-instance', testable(rule), {
  valid: [
    // ── Node ≥ 19: the default export's global agent keeps alive ──────────────────────────────
    {
      name: 'nodeVersion >=20: a per-call default-axios request is fine',
      code: `import axios from 'axios';
export async function getUser(id) {
  const res = await axios.get(\`https://api.example.com/users/\${id}\`);
  return res.data;
}`,
      options: node20up,
    },
    {
      name: 'nodeVersion 20.11.0 (a version, not a range)',
      code: `import axios from 'axios';
export const handler = async (event) => axios.post('https://hooks.example.com', event.body);`,
      options: [{ nodeVersion: '20.11.0' }],
    },
    {
      name: 'nodeVersion >=19: the call form',
      code: `const axios = require('axios');
exports.send = (data) => axios({ method: 'post', url: 'https://api.example.com', data });`,
      languageOptions: commonjs,
      options: [{ nodeVersion: '>=19' }],
    },
    {
      name: 'engines.node >=20 in the nearest package.json',
      code: `import axios from 'axios';
export async function ping() {
  await axios.head('https://example.com');
}`,
      filename: enginesNode20,
    },
    {
      name: 'no version stated anywhere (no package.json): a maintained Node is assumed, whose global agent keeps alive',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: noPackageJson,
    },
    {
      name: 'nearest package.json without an engines field, nothing else stated: a maintained Node is assumed',
      code: `import axios from 'axios';
export async function ping() {
  await axios.options('https://example.com/health');
}`,
      filename: noEnginesField,
    },
    {
      name: 'Node 22 stated in a SAM template',
      code: `import axios from 'axios';
export const handler = async (event) => axios.post('https://hooks.example.com', event.body);`,
      filename: nodeTargetFixture('sam/src'),
    },
    {
      name: 'Node 20 (lts/iron) stated in .nvmrc',
      code: `import axios from 'axios';
export const handler = async (event) => axios.post('https://hooks.example.com', event.body);`,
      filename: nodeTargetFixture('nvmrc-lts/src'),
    },
    {
      name: 'Node 22 stated in the nearest .nvmrc (the workspace root says 18)',
      code: `import axios from 'axios';
export const handler = async (event) => axios.post('https://hooks.example.com', event.body);`,
      filename: nodeTargetFixture('monorepo/packages/web/src'),
    },
    // ── per-call requests that already pass agents ────────────────────────────────────────────
    {
      name: 'Node 18: per-call request passing a shared httpsAgent',
      code: `import axios from 'axios';
import { httpsAgent } from './agents';
export async function getUser(id) {
  return (await axios.get(\`https://api.example.com/users/\${id}\`, { httpsAgent })).data;
}`,
      options: node18,
    },
    {
      name: 'Node 18: call form passing a shared httpAgent',
      code: `import axios from 'axios';
import { httpAgent } from './agents';
export const notify = (data) => axios({ url: 'http://hooks.local', method: 'post', data, httpAgent });`,
      options: node18,
    },
    // ── instances ─────────────────────────────────────────────────────────────────────────────
    {
      name: 'Node 18: requests on a module-level instance',
      code: `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com' });
export const getUser = (id) => api.get(\`/users/\${id}\`);`,
      options: node18,
    },
    {
      name: 'module-level axios.create in CommonJS',
      code: `const axios = require('axios');
const api = axios.create({ timeout: 5_000 });
module.exports = { api };`,
      languageOptions: commonjs,
      options: node18,
    },
    {
      name: 'lazy singleton instance',
      code: `import axios from 'axios';
let api;
export function getApi() {
  api ??= axios.create({ baseURL: process.env.API_URL });
  return api;
}`,
      options: node18,
    },
    {
      name: 'instance built in a constructor',
      code: `import axios, { AxiosInstance } from 'axios';
export class GitHub {
  private readonly http: AxiosInstance;
  constructor(token: string) {
    this.http = axios.create({ baseURL: 'https://api.github.com', headers: { Authorization: \`Bearer \${token}\` } });
  }
}`,
      options: node18,
    },
    {
      name: 'instance built in NestJS onModuleInit',
      code: `import { Injectable, OnModuleInit } from '@nestjs/common';
import axios from 'axios';
@Injectable()
export class Payments implements OnModuleInit {
  private http = axios;
  onModuleInit() {
    this.http = axios.create({ baseURL: 'https://payments.internal' });
  }
}`,
      options: node18,
    },
    {
      name: 'instance built in a fastify plugin',
      code: `import fp from 'fastify-plugin';
import axios from 'axios';
export default fp(async (fastify) => {
  fastify.decorate('upstream', axios.create({ baseURL: 'http://upstream' }));
});`,
      options: node18,
    },
    {
      name: 'factory returning axios.create called once at module scope',
      code: `import axios from 'axios';
function makeApi() {
  return axios.create({ timeout: 5_000 });
}
export const api = makeApi();`,
      options: node18,
    },
    {
      name: 'exported factory never called in this file',
      code: `import axios from 'axios';
export const createApi = (baseURL) => axios.create({ baseURL });`,
      options: node18,
    },
    // ── once positions ────────────────────────────────────────────────────────────────────────
    {
      name: 'Node 18: default-axios request at module top level (top-level await)',
      code: `import axios from 'axios';
const { data } = await axios.get('https://config.example.com/app.json');
export const config = data;`,
      options: node18,
    },
    {
      name: 'Node 18: main() called at the bottom',
      code: `import axios from 'axios';
async function main() {
  const { data } = await axios.get('https://example.com/seed.json');
  console.log(data);
}
main();`,
      options: node18,
    },
    {
      name: 'Node 18: startupFunctions /^init/',
      code: `import axios from 'axios';
export async function initFeatureFlags() {
  const { data } = await axios.get('https://flags.example.com');
  return data;
}`,
      options: [{ nodeVersion: '18', startupFunctions: ['/^init/'] }],
    },
    // ── helpers and configuration are not requests ────────────────────────────────────────────
    {
      name: 'Node 18: axios.isAxiosError in a catch block',
      code: `import axios from 'axios';
import { api } from './api';
export async function getUser(id) {
  try {
    return await api.get(\`/users/\${id}\`);
  } catch (e) {
    if (axios.isAxiosError(e)) return null;
    throw e;
  }
}`,
      options: node18,
    },
    {
      name: 'Node 18: isCancel, CancelToken, all, spread',
      code: `import axios from 'axios';
export function helpers(err, requests) {
  const source = axios.CancelToken.source();
  if (axios.isCancel(err)) source.cancel();
  return axios.all(requests).then(axios.spread((a, b) => [a, b]));
}`,
      options: node18,
    },
    {
      name: 'Node 18: configuring defaults and interceptors in a function',
      code: `import axios from 'axios';
export function configure(token) {
  axios.defaults.headers.common.Authorization = \`Bearer \${token}\`;
  axios.interceptors.request.use((config) => config);
}`,
      options: node18,
    },
    // ── look-alikes ───────────────────────────────────────────────────────────────────────────
    {
      name: 'Node 18: a parameter named axios',
      code: `export async function getUser(axios, id) {
  return (await axios.get(\`/users/\${id}\`)).data;
}`,
      options: node18,
    },
    {
      name: 'Node 18: a local shadowing the axios import',
      code: `import axios from 'axios';
export const api = axios.create();
export async function getUser(id) {
  const axios = api;
  return (await axios.get(\`/users/\${id}\`)).data;
}`,
      options: node18,
    },
    {
      name: 'Node 18: axios imported from a local module (an instance)',
      code: `import axios from './axios-instance';
export async function getUser(id) {
  return (await axios.get(\`/users/\${id}\`)).data;
}`,
      options: node18,
    },
    {
      name: 'Node 18: got and ky are not axios',
      code: `import got from 'got';
import ky from 'ky';
export async function both(url) {
  await got.get(url);
  await ky.get(url);
}`,
      options: node18,
    },
    {
      name: 'Node 18: TSX component using a shared instance',
      code: `import { useEffect, useState } from 'react';
import { api } from './api';
export function User({ id }: { id: string }) {
  const [user, setUser] = useState(null);
  useEffect(() => {
    api.get(\`/users/\${id}\`).then((res) => setUser(res.data));
  }, [id]);
  return <pre>{JSON.stringify(user)}</pre>;
}`,
      ...tsx,
      options: node18,
    },
    {
      // Browser code: axios uses XHR/fetch there, no Node agent (docs/contexts.md).
      name: 'Node 18: default axios in a TSX component effect',
      code: `import axios from 'axios';
import { useEffect, useState } from 'react';
export function User({ id }: { id: string }) {
  const [user, setUser] = useState(null);
  useEffect(() => {
    axios.get(\`/api/users/\${id}\`).then((res) => setUser(res.data));
  }, [id]);
  return <pre>{JSON.stringify(user)}</pre>;
}`,
      ...tsx,
      options: node18,
    },
    {
      name: 'Node 18: inline httpsAgent in the config is no-inline-dispatcher’s, not defaultPerCall',
      code: `import axios from 'axios';
import https from 'https';
export async function get(url) {
  return axios.get(url, { httpsAgent: new https.Agent({ keepAlive: true }) });
}`,
      options: node18,
    },
    {
      name: 'Node 18: hapi plugin register',
      code: `import axios from 'axios';
export const plugin = {
  name: 'warmup',
  async register(server) {
    await axios.get('http://localhost:3000/health');
    server.decorate('server', 'api', axios.create({ baseURL: 'http://localhost:3000' }));
  },
};`,
      options: node18,
    },
    {
      name: 'Node 18: keyed cache of instances',
      code: `import axios from 'axios';
const instances = new Map();
export function apiFor(baseURL) {
  if (!instances.has(baseURL)) instances.set(baseURL, axios.create({ baseURL }));
  return instances.get(baseURL);
}`,
      options: node18,
    },
    {
      name: 'Node 18: a destructured parameter named axios',
      code: `export async function getUser({ axios }, id) {
  return (await axios.get(\`/users/\${id}\`)).data;
}`,
      options: node18,
    },
    {
      name: 'Node 18: axios.post with a shared agent in the third (config) argument',
      code: `import axios from 'axios';
import { httpsAgent } from './agents';
export const send = (url, data) => axios.post(url, data, { httpsAgent });`,
      options: node18,
    },
    {
      name: 'Node 18: a conditional config whose branch passes agents is not defaultPerCall',
      code: `import axios from 'axios';
import https from 'node:https';
const httpsAgent = new https.Agent({ keepAlive: true });
export async function getUser(id, pooled) {
  return axios.get(\`/users/\${id}\`, pooled ? { httpsAgent } : undefined);
}`,
      options: node18,
    },
    {
      name: 'Node 18: a catch parameter named axios',
      code: `import axios from 'axios';
export const api = axios.create();
export async function retry(fn) {
  try {
    return await fn();
  } catch (axios) {
    return axios.get('/fallback');
  }
}`,
      options: node18,
    },
  ],
  invalid: [
    // ── defaultPerCall: Node target < 19 or unknown ───────────────────────────────────────────
    {
      name: 'Node 18: options written as cond ? { headers } : undefined are judged as literal options',
      code: `import axios from 'axios';
export async function getUser(id, token) {
  const res = await axios.get(\`/users/\${id}\`, token ? { headers: { Authorization: token } } : undefined);
  return res.data;
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 21 }],
    },
    {
      name: 'Node 18: axios.get in a function',
      code: `import axios from 'axios';
export async function getUser(id) {
  const res = await axios.get(\`https://api.example.com/users/\${id}\`);
  return res.data;
}`,
      options: node18,
      errors: [
        {
          messageId: 'defaultPerCall',
          line: 3,
          column: 21,
          data: { construct: 'axios.get()', where: 'on every call of `getUser`', target: '18, from the `nodeVersion` option' },
        },
      ],
    },
    {
      name: 'Node >=16: axios.post in an Express route',
      code: `import express from 'express';
import axios from 'axios';
const app = express();
app.post('/orders', async (req, res) => {
  const { data } = await axios.post('https://payments.example.com/charge', req.body);
  res.json(data);
});`,
      options: node16up,
      errors: [{ messageId: 'defaultPerCall', line: 5, column: 26 }],
    },
    {
      name: 'engines.node >=18 wins over 22 in .nvmrc of the same folder',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('engines-first/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '>=18, from engines.node' } }],
    },
    {
      name: 'Node 18.20.4 stated in .nvmrc',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('nvmrc/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '18.20.4, from .nvmrc' } }],
    },
    {
      name: 'Node 16.20.2 stated in .node-version',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('node-version/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '16.20.2, from .node-version' } }],
    },
    {
      name: 'Node 18.19.0 stated in .tool-versions',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('tool-versions/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '18.19.0, from .tool-versions' } }],
    },
    {
      name: 'Node 18.19.0 stated in volta.node',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('volta/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '18.19.0, from volta.node' } }],
    },
    {
      name: 'Node 18.20 stated in Dockerfile',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('dockerfile/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '18.20, from Dockerfile' } }],
    },
    {
      name: 'Node 18 || 20 stated in serverless.yml (provider and one function)',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('serverless/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '18 || 20, from serverless.yml' } }],
    },
    {
      name: 'Node 18 stated in CDK app',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('cdk/lambda'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '18, from CDK app' } }],
    },
    {
      name: 'Node 16 stated in terraform',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('terraform/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '16, from terraform' } }],
    },
    {
      name: 'Node 18 stated in .nvmrc',
      code: `import axios from 'axios';
export async function ping() {
  await axios.get('https://example.com/health');
}`,
      filename: nodeTargetFixture('monorepo/packages/api/src'),
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9, data: { construct: 'axios.get()', where: 'on every call of `ping`', target: '18, from .nvmrc' } }],
    },
    {
      name: 'engines.node >=16 in the nearest package.json',
      code: `import axios from 'axios';
export async function ping() {
  await axios.head('https://example.com/health');
}`,
      filename: enginesNode16,
      errors: [
        {
          messageId: 'defaultPerCall',
          line: 3,
          column: 9,
          data: { construct: 'axios.head()', where: 'on every call of `ping`', target: '>=16, from engines.node' },
        },
      ],
    },
    {
      name: 'Node 18: call form in a Lambda handler',
      code: `import axios from 'axios';
export const handler = async (event) => {
  const res = await axios({ method: 'post', url: 'https://hooks.example.com', data: event.body });
  return { statusCode: res.status };
};`,
      options: node18,
      errors: [
        {
          messageId: 'defaultPerCall',
          line: 3,
          column: 21,
          data: { construct: 'axios()', where: 'on every call of `handler`', target: '18, from the `nodeVersion` option' },
        },
      ],
    },
    {
      name: 'Node 18: every request method',
      code: `import axios from 'axios';
export async function all(url, body) {
  await axios.request({ url });
  await axios.delete(url);
  await axios.put(url, body);
  await axios.patch(url, body);
  await axios.postForm(url, body);
  await axios.putForm(url, body);
  await axios.patchForm(url, body);
}`,
      options: node18,
      errors: [
        { messageId: 'defaultPerCall', line: 3, column: 9 },
        { messageId: 'defaultPerCall', line: 4, column: 9 },
        { messageId: 'defaultPerCall', line: 5, column: 9 },
        { messageId: 'defaultPerCall', line: 6, column: 9 },
        { messageId: 'defaultPerCall', line: 7, column: 9 },
        { messageId: 'defaultPerCall', line: 8, column: 9 },
        { messageId: 'defaultPerCall', line: 9, column: 9 },
      ],
    },
    {
      name: "Node 18: CommonJS require('axios')",
      code: `const axios = require('axios');
async function fetchRates() {
  const { data } = await axios.get('https://rates.example.com/latest');
  return data;
}
module.exports = { fetchRates };`,
      languageOptions: commonjs,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 26 }],
    },
    {
      name: "Node 18: require('axios').default under another name",
      code: `const http = require('axios').default;
exports.get = async (url) => (await http.get(url)).data;`,
      languageOptions: commonjs,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 2, column: 37 }],
    },
    {
      name: "Node 18: inline require('axios').get(...)",
      code: `exports.get = async (url) => {
  const res = await require('axios').get(url);
  return res.data;
};`,
      languageOptions: commonjs,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 2, column: 21 }],
    },
    {
      name: 'Node 18: renamed default import and an alias',
      code: `import http from 'axios';
const client = http;
export async function both(url) {
  await http.get(url);
  await client.get(url);
}`,
      options: node18,
      errors: [
        { messageId: 'defaultPerCall', line: 4, column: 9 },
        { messageId: 'defaultPerCall', line: 5, column: 9 },
      ],
    },
    {
      name: 'Node 18: TS import = require form',
      code: `import axios = require('axios');
export async function get(url: string) {
  return (await axios.get(url)).data;
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 17 }],
    },
    {
      name: 'Node 18: config without agents is still reported',
      code: `import axios from 'axios';
export async function get(url) {
  return axios.get(url, { timeout: 1_000, headers: { accept: 'application/json' } });
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 10 }],
    },
    {
      name: 'Node 18: for…of loop at module level',
      code: `import axios from 'axios';
for (const url of urls) {
  await axios.get(url);
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9 }],
    },
    {
      name: 'Node 18: setInterval callback',
      code: `import axios from 'axios';
setInterval(async () => {
  await axios.get('https://status.example.com');
}, 10_000);`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9 }],
    },
    {
      name: 'Node 18: .map callback',
      code: `import axios from 'axios';
export function fetchAll(urls) {
  return Promise.all(urls.map((url) => axios.get(url)));
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 40 }],
    },
    // ── createPerCall: any Node target ────────────────────────────────────────────────────────
    {
      name: 'Node >=20: axios.create per call is still reported; the hoist suggestion moves it',
      code: `import axios from 'axios';
export async function fetchUser(id) {
  const api = axios.create({ baseURL: 'https://api.example.com' });
  return (await api.get(\`/users/\${id}\`)).data;
}`,
      options: node20up,
      errors: [
        {
          messageId: 'createPerCall',
          line: 3,
          column: 15,
          data: { construct: 'axios.create()', where: 'on every call of `fetchUser`', why: whyOf('axios'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import axios from 'axios';
const apiClient = axios.create({ baseURL: 'https://api.example.com' });
export async function fetchUser(id) {
  const api = apiClient;
  return (await api.get(\`/users/\${id}\`)).data;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Node 18: axios.create in a method reading this (no suggestion); requests on it are not defaultPerCall',
      code: `import axios from 'axios';
export class ApiClient {
  async fetchUser(id) {
    const http = axios.create({ baseURL: this.baseURL });
    return (await http.get(\`/users/\${id}\`)).data;
  }
}`,
      options: node18,
      errors: [
        {
          messageId: 'createPerCall',
          line: 4,
          column: 18,
          data: { construct: 'axios.create()', where: 'on every call of method `ApiClient.fetchUser`', why: whyOf('axios'), extra: '' },
        },
      ],
    },
    {
      name: 'Node >=20: per-call axios.create with a nested agent is one report',
      code: `import axios from 'axios';
import https from 'https';
export async function handler(event) {
  const api = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
  return (await api.get(event.path)).data;
}`,
      options: node20up,
      errors: [
        {
          messageId: 'createPerCall',
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import axios from 'axios';
import https from 'https';
const apiClient = axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) });
export async function handler(event) {
  const api = apiClient;
  return (await api.get(event.path)).data;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Node >=20: axios.create in a while loop reading a loop variable',
      code: `import axios from 'axios';
export async function drain(queue) {
  let job;
  while ((job = queue.shift())) {
    const api = axios.create({ baseURL: job.origin });
    await api.post('/run', job);
  }
}`,
      options: node20up,
      errors: [{ messageId: 'createPerCall', line: 5, column: 17 }],
    },
    {
      name: 'Node 18: both createPerCall and defaultPerCall in one function',
      code: `const axios = require('axios');
exports.handler = async (event) => {
  await axios.post('https://audit.example.com', event);
  const api = axios.create({ baseURL: event.origin });
  return api.get('/');
};`,
      languageOptions: commonjs,
      options: node18,
      errors: [
        { messageId: 'defaultPerCall', line: 3, column: 9 },
        { messageId: 'createPerCall', line: 4, column: 15 },
      ],
    },
    // ── perCallFactory ────────────────────────────────────────────────────────────────────────
    {
      name: 'Node >=20: factory returning axios.create, called per call (start-up call not reported)',
      code: `import axios from 'axios';
function makeApi() {
  return axios.create({ timeout: 5_000 });
}
export const shared = makeApi();
export async function handler(event) {
  const api = makeApi();
  return (await api.get(event.path)).data;
}`,
      options: node20up,
      errors: [
        {
          messageId: 'perCallFactory',
          line: 7,
          column: 15,
          data: { factory: 'makeApi()', construct: 'axios.create()', where: 'on every call of `handler`', why: whyOf('axios'), extra: '' },
        },
      ],
    },
    {
      name: 'Node 18: arrow factory through a const local, called in a route',
      code: `import express from 'express';
import axios from 'axios';
const createClient = (token) => {
  const client = axios.create({ headers: { Authorization: \`Bearer \${token}\` } });
  return client;
};
const app = express();
app.get('/me', async (req, res) => {
  const client = createClient(req.headers.authorization);
  res.json((await client.get('https://api.example.com/me')).data);
});`,
      options: node18,
      errors: [{ messageId: 'perCallFactory', line: 9, column: 18 }],
    },
    {
      name: 'catalog option: an axios-instance factory of a user module',
      code: `import { createApi } from '@acme/api';
export async function handler(event) {
  const api = createApi({ baseURL: event.origin });
  return api.get('/');
}`,
      options: [{ nodeVersion: '>=20', catalog: [{ module: '@acme/api', call: 'createApi', kind: 'axios-instance' }] }],
      errors: [{ messageId: 'createPerCall', line: 3, column: 15 }],
    },
    {
      name: 'Node >=20: class method factory called through this.f()',
      code: `import axios from 'axios';
export class Gateway {
  client() {
    return axios.create({ baseURL: 'https://gw.example.com' });
  }
  async send(payload) {
    await this.client().post('/send', payload);
  }
}`,
      options: node20up,
      errors: [{ messageId: 'perCallFactory', line: 7, column: 11 }],
    },
    {
      name: 'Node 18: an arrow function in a class field initialiser',
      code: `import axios from 'axios';
export class Webhooks {
  deliver = async (url, body) => {
    await axios.post(url, body);
  };
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 4, column: 11 }],
    },
    {
      name: 'Node >=20: axios.create in a .map callback inside a function',
      code: `import axios from 'axios';
export function clientsFor(origins) {
  return origins.map((baseURL) => register(axios.create({ baseURL })));
}`,
      options: node20up,
      errors: [{ messageId: 'createPerCall', line: 3, column: 44 }],
    },
    {
      name: "Node 18: const { default: ax } = await import('axios')",
      code: `const { default: ax } = await import('axios');
export async function ping(url) {
  await ax.get(url);
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9 }],
    },
    {
      name: "Node 18: import { default as ax } from 'axios'",
      code: `import { default as ax } from 'axios';
export async function ping(url) {
  await ax.get(url);
}`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 9 }],
    },
    {
      name: 'Node 18: axios.post data that happens to contain an httpsAgent key is not config',
      code: `import axios from 'axios';
import { httpsAgent } from './agents';
export const send = (url) => axios.post(url, { httpsAgent });`,
      options: node18,
      errors: [{ messageId: 'defaultPerCall', line: 3, column: 30 }],
    },
  ],
});

// The wording of each message as the rule contract (rules-spec.md) states it, rendered with sample data.
describe('prefer-axios-instance messages', () => {
  it('defaultPerCall matches the contract', () => {
    expect(render(rule.meta.messages.defaultPerCall)).toBe(
      render(
        "`{{construct}}` runs {{where}} on the default axios export, which uses Node's global agent; on Node < 19 (this project's target: {{target}}) that agent does not keep connections alive, so every call opens a new connection. Use a shared axios instance with keep-alive agents.",
      ),
    );
  });
  it('createPerCall matches the contract', () => {
    expect(render(rule.meta.messages.createPerCall)).toBe(
      render(
        "`{{construct}}` runs {{where}}: {{why}} Create the instance once at module scope and reuse it.",
      ),
    );
  });
});
