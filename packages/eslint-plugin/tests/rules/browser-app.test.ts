// Plain modules of a browser single-page app (docs/contexts.md, "Browser app packages"): a file whose
// nearest package.json belongs to a bundled browser app (an HTML entry, a bundler, a UI library and
// no server framework) runs in the browser, where axios uses XHR and Node agents do not exist. And a
// function that returns closures over an instance is a factory, built once per caller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import noPerCallClient from '../../src/rules/no-per-call-client.js';
import preferAxiosInstance from '../../src/rules/prefer-axios-instance.js';
import { commonjs, testable } from './testers.js';

const ruleTester = new RuleTester();
const root = path.join(os.tmpdir(), 'reuse-clients-browser-apps');

/** A package folder with these files (path → content); returns the path of `src/api/client.ts` in it. */
function appFile(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  fs.mkdirSync(path.join(dir, 'src/api'), { recursive: true });
  return path.join(dir, 'src/api/client.ts');
}
const manifest = (dependencies: Record<string, string>, devDependencies: Record<string, string> = {}) => JSON.stringify({ name: 'app', private: true, dependencies, devDependencies });

const viteReact = appFile('vite-react', { 'package.json': manifest({ react: '^18.3.0', 'react-dom': '^18.3.0', axios: '^1.7.0' }, { vite: '^5.4.0' }), 'index.html': '<div id="root"></div>', 'vite.config.ts': 'export default {};' });
const craReact = appFile('cra-react', { 'package.json': manifest({ react: '^18.2.0', 'react-dom': '^18.2.0', 'react-scripts': '5.0.1' }), 'public/index.html': '<div id="root"></div>' });
const viteVue = appFile('vite-vue', { 'package.json': manifest({ vue: '^3.5.0' }, { vite: '^5.4.0' }), 'index.html': '<div id="app"></div>', 'vite.config.mts': 'export default {};' });
const ssrServer = appFile('vite-ssr-express', { 'package.json': manifest({ react: '^18.3.0', 'react-dom': '^18.3.0', express: '^4.21.0' }, { vite: '^5.4.0' }), 'index.html': '<div id="root"></div>', 'vite.config.ts': 'export default {};' });
const noHtml = appFile('react-library', { 'package.json': manifest({}, { react: '^18.3.0', 'react-dom': '^18.3.0', vite: '^5.4.0' }), 'vite.config.ts': 'export default {};' });

const perRequestAxios = `import axios from 'axios';
export async function loadUser(id: string) {
  return axios.get('/api/users/' + id);
}`;

ruleTester.run('prefer-axios-instance in a browser app package', testable(preferAxiosInstance), {
  valid: [
    { name: 'Vite + React app: a plain module with default-axios requests', code: perRequestAxios, filename: viteReact, options: [{ nodeVersion: '>=16' }] },
    { name: 'Create React App (public/index.html, react-scripts)', code: perRequestAxios, filename: craReact, options: [{ nodeVersion: '>=16' }] },
    {
      name: 'Vite + Vue app: an instance built in a plain function (CommonJS)',
      code: `const axios = require('axios');
exports.fetchGist = function (token, id) { const http = axios.create({ headers: { Authorization: 'token ' + token } }); return http.get('/gists/' + id).then((r) => r.data); };`,
      filename: viteVue,
      languageOptions: commonjs,
    },
    {
      name: 'a function returning an object of closures over the instance is a factory (server package)',
      code: `import axios from 'axios';
export function buildHttpClient({ baseURL, token }: { baseURL: string; token: string }) {
  const http = axios.create({ baseURL, headers: { Authorization: 'Bearer ' + token } });
  const get = async (url: string) => (await http.get(url)).data;
  const post = async (url: string, body: unknown) => (await http.post(url, body)).data;
  return { get, post };
}`,
    },
    {
      name: 'an instance carrying per-run state (a cookie jar), wrapped and returned as a closure: a factory',
      code: `import axios from 'axios';
import { wrapper } from 'axios-cookiejar-support';
import { CookieJar } from 'tough-cookie';
export const createFetchHook = () => {
  const jar = new CookieJar();
  const http = wrapper(axios.create({ jar }));
  return (url: string) => http.get(url);
};`,
    },
  ],
  invalid: [
    {
      name: 'a Vite SSR app with an express server is not browser-only',
      code: perRequestAxios,
      filename: ssrServer,
      options: [{ nodeVersion: '>=16' }],
      errors: [{ messageId: 'defaultPerCall', line: 3 }],
    },
    {
      name: 'a package without an HTML entry is not a browser app',
      code: perRequestAxios,
      filename: noHtml,
      options: [{ nodeVersion: '>=16' }],
      errors: [{ messageId: 'defaultPerCall', line: 3 }],
    },
    {
      name: 'the closures are returned but the instance is built on every call of one of them',
      code: `import axios from 'axios';
export function buildHttpClient(baseURL: string) {
  const get = async (url: string) => (await axios.create({ baseURL }).get(url)).data;
  return { get };
}`,
      errors: [{ messageId: 'createPerCall', line: 3 }],
    },
  ],
});

ruleTester.run('no-per-call-client in a browser app package', testable(noPerCallClient), {
  valid: [
    {
      name: 'an S3 client built per upload in a React app module',
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
export async function upload(file: File, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const s3 = new S3Client({ region: 'eu-west-1' });
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: file.name, Body: file }));
}`,
      filename: viteReact,
    },
  ],
  invalid: [
    {
      name: 'the same module in a server package is reported',
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
export async function upload(file: { name: string; region: string }) {
  const s3 = new S3Client({ region: file.region });
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: file.name, Body: 'x' }));
}`,
      filename: ssrServer,
      errors: [{ messageId: 'perCall', line: 3 }],
    },
  ],
});
