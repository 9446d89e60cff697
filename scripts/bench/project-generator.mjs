// A synthetic TypeScript project for timing the project pass (project-pass.mjs) and for checking,
// in test/bench-project-generator.test.ts, that it still has something to find. Deterministic: the
// same `files` gives the same project byte for byte (a fixed-seed PRNG picks sizes and imports).
//
// Most files are ordinary code without clients: models (types), utils, services and express route
// handlers that import each other. Every CLUSTER_EVERY files, one round of the shapes the project pass understands is
// planted (see fixtures/projects/*): a module-level shared client and a service that uses it; an
// exported factory called per request (one layer); a factory wrapped by a repository factory and
// re-exported through a barrel index.ts, called in a Lambda handler (two layers); a class whose
// constructor calls axios.create(), constructed per request; a class with an instance method that
// builds a client, called per request; a factory called only at start-up (module scope, `main()`);
// an in-file per-call https.Agent and an inline undici dispatcher. Round 0 also adds the setup
// file that configures the global axios (`axios.defaults.timeout = …`). At 2,000 files that is 10
// rounds: 151 files with client code, 60 findings, 40 of them cross-file.
//
// The generator returns what it planted: every finding (file, line, rule, whether only the project
// pass can see it), the global axios settings and the module-level shared instances, so the bench
// and the test can assert that the report found exactly that. The client modules are bare
// specifiers with no node_modules: the project pass resolves nothing in them, and `tsc --noEmit`
// finds tiny declarations in types/ (vendor.d.ts, globals.d.ts; no @types/node), so it type-checks
// with zero errors.
//
//   node scripts/bench/project-generator.mjs [--files 2000] [--out <dir>]   # prints the plan
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** One round of client shapes per this many source files (at least one round). */
export const CLUSTER_EVERY = 200;
const SEED = 0x5eed2000;

const DOMAINS = ['orders', 'billing', 'catalog', 'users', 'inventory', 'shipping', 'payments', 'reports', 'search', 'notifications', 'accounts', 'pricing', 'media', 'audit', 'sessions', 'ledger'];
const NOUNS = ['order', 'invoice', 'item', 'customer', 'address', 'parcel', 'refund', 'coupon', 'review', 'ticket', 'quote', 'batch', 'event', 'token', 'profile', 'shelf'];
const VERBS = ['normalize', 'validate', 'summarize', 'merge', 'format', 'score', 'group', 'rank', 'split', 'clamp', 'diff', 'index'];

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pascal = (text) => text.replace(/(^|[-_])([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const camel = (text) => pascal(text).replace(/^[A-Z]/, (c) => c.toLowerCase());

/** A source file built line by line, so a planted finding knows its own line number. */
class SourceText {
  constructor(file, plan) {
    this.file = file;
    this.plan = plan;
    this.lines = [];
  }
  add(...lines) {
    this.lines.push(...lines);
    return this;
  }
  /** Adds `line`, which the report must flag with `rule` (crossFile: only the project pass sees it). */
  finding(line, rule, crossFile) {
    this.lines.push(line);
    this.plan.findings.push({ file: this.file, line: this.lines.length, rule, crossFile });
    return this;
  }
  /** Adds `line`, which declares a module-level instance the report lists as shared. */
  shared(line, name, exported) {
    this.lines.push(line);
    this.plan.sharedInstances.push({ file: this.file, line: this.lines.length, name, exported });
    return this;
  }
  /** Adds `line`, which configures the global axios. */
  globalAxios(line) {
    this.lines.push(line);
    this.plan.globalAxiosConfiguration.push({ file: this.file, line: this.lines.length });
    return this;
  }
  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}

const VENDOR_TYPES = `// Just enough of each client library for \`tsc --noEmit\`: the synthetic project has no node_modules.
declare module '@aws-sdk/client-s3' {
  export interface S3ClientConfig { region?: string; maxAttempts?: number }
  export class S3Client {
    constructor(config?: S3ClientConfig);
    send(command: unknown): Promise<{ Body?: unknown; ETag?: string }>;
    destroy(): void;
  }
  export class GetObjectCommand { constructor(input: { Bucket: string; Key: string }) }
  export class PutObjectCommand { constructor(input: { Bucket: string; Key: string; Body: string }) }
}
declare module 'axios' {
  export interface AxiosRequestConfig { baseURL?: string; timeout?: number; headers?: Record<string, string>; httpsAgent?: unknown }
  export interface AxiosResponse<T = unknown> { data: T; status: number }
  export interface AxiosInstance {
    defaults: AxiosRequestConfig;
    get<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    post<T = unknown>(url: string, body?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  }
  export interface AxiosStatic extends AxiosInstance { create(config?: AxiosRequestConfig): AxiosInstance }
  const axios: AxiosStatic;
  export default axios;
}
declare module 'node:https' {
  export interface AgentOptions { keepAlive?: boolean; maxSockets?: number; timeout?: number }
  export class Agent { constructor(options?: AgentOptions); destroy(): void }
  export function get(url: string, options: { agent?: Agent }, callback: (response: { statusCode?: number; resume(): void }) => void): { end(): void };
}
declare module 'undici' {
  export class Agent { constructor(options?: { connections?: number; keepAliveTimeout?: number }); close(): Promise<void> }
  export function fetch(url: string, init?: { method?: string; dispatcher?: Agent }): Promise<{ status: number; json(): Promise<unknown> }>;
}
declare module '@prisma/client' {
  export class PrismaClient {
    constructor(options?: { datasourceUrl?: string });
    $connect(): Promise<void>;
    $disconnect(): Promise<void>;
    $queryRawUnsafe<T = unknown>(query: string): Promise<T>;
  }
}
declare module 'express' {
  export interface Request { params: Record<string, string>; query: Record<string, string | undefined>; body: unknown }
  export interface Response { json(body: unknown): void; status(code: number): Response }
  export interface Router {
    get(path: string, handler: (req: Request, res: Response) => unknown): void;
    post(path: string, handler: (req: Request, res: Response) => unknown): void;
  }
  export function Router(): Router;
  export default function express(): Router & { listen(port: number): void };
}
`;

const GLOBAL_TYPES = `// The few Node globals the synthetic sources use (no @types/node).
declare const process: { env: Record<string, string | undefined>; exitCode: number | undefined };
declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void };
declare function setTimeout(callback: () => void, ms: number): unknown;
`;

/**
 * Writes the project into `dir` (or a fresh directory under os.tmpdir()) and returns it with the
 * plan: { dir, sourceFiles, rounds, findings, crossFile, globalAxiosConfiguration, sharedInstances, cleanup }.
 */
export async function generateProject({ files = 2000, dir } = {}) {
  if (!Number.isInteger(files) || files < 30) throw new Error(`generateProject: files must be an integer >= 30, got ${files}`);
  const root = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'reuse-clients-bench-project-')));
  const random = prng(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const plan = { findings: [], globalAxiosConfiguration: [], sharedInstances: [] };
  const sources = new Map(); // path relative to root → text
  const ordinaryIndex = new Map(); // index → the names an ordinary file exports

  const rounds = Math.max(1, Math.floor(files / CLUSTER_EVERY));
  const put = (file, text) => sources.set(file, String(text));
  const sourceText = (file) => new SourceText(file, plan);

  // The client rounds are laid out first (their file count decides how many ordinary files fill
  // the rest), but written last: they import services from the ordinary pool.
  const ordinary = [];
  const planted = [];
  for (let round = 0; round < rounds; round++) planted.push(...clientRound(round));
  const ordinaryCount = files - planted.length;
  if (ordinaryCount < 10) throw new Error(`generateProject: ${files} files leave too little room for ordinary code`);
  for (let i = 0; i < ordinaryCount; i++) ordinary.push(ordinaryFile(i));
  for (const write of ordinary) write();
  for (const write of planted) write();
  if (sources.size !== files) throw new Error(`generateProject: wrote ${sources.size} source files, meant ${files}`);

  /**
   * A model (types), util (pure functions), service (a class over utils, models and other services)
   * or route handler (express routes over services built at module scope): no client anywhere.
   */
  function ordinaryFile(index) {
    const kind = ['model', 'util', 'service', 'handler', 'util', 'model', 'service', 'util', 'service', 'handler'][index % 10];
    const folder = `src/${kind}s/group${String(Math.floor(index / 50)).padStart(2, '0')}`;
    const noun = NOUNS[index % NOUNS.length];
    const name = `${noun}-${kind}-${index}`;
    const file = `${folder}/${name}.ts`;
    const entry = { index, kind, file, noun, type: `${pascal(noun)}${index}`, fn: `${pick(VERBS)}${pascal(noun)}${index}`, cls: `${pascal(noun)}Service${index}` };
    const earlier = (wanted) => {
      const list = [];
      for (let tries = 0; tries < 6 && index > 0; tries++) {
        const candidate = ordinaryIndex.get(Math.floor(random() * index));
        if (candidate && candidate.kind === wanted && !list.includes(candidate)) list.push(candidate);
      }
      return list.slice(0, 2);
    };
    ordinaryIndex.set(index, entry);
    const models = earlier('model');
    const utils = earlier('util');
    const services = kind === 'service' || kind === 'handler' ? earlier('service') : [];
    const fields = 3 + Math.floor(random() * 6);
    return () => {
      const text = sourceText(file);
      const importOf = (other, names) => `import { ${names.join(', ')} } from '${relativeImport(file, other.file)}';`;
      if (kind === 'model') {
        for (const model of models) text.add(importOf(model, [`type ${model.type}`]));
        text.add('', `/** A ${noun} as the ${DOMAINS[index % DOMAINS.length]} service stores it. */`, `export interface ${entry.type} {`, '  id: string;');
        for (let f = 0; f < fields; f++) text.add(`  ${camel(pick(NOUNS))}${f}${f % 3 === 0 ? '?' : ''}: ${['string', 'number', 'boolean', 'string[]'][f % 4]};`);
        models.forEach((model, m) => text.add(`  related${m}?: ${model.type};`));
        text.add('  createdAt: number;', '}', '');
        text.add(`export type ${entry.type}Status = 'draft' | 'active' | 'archived';`, '');
        text.add(`export function is${entry.type}(value: unknown): value is ${entry.type} {`, "  return typeof value === 'object' && value !== null && 'id' in value;", '}');
      } else if (kind === 'util') {
        for (const model of models) text.add(importOf(model, [`type ${model.type}`]));
        for (const util of utils) text.add(importOf(util, [util.fn]));
        text.add('', `const LIMIT_${index} = ${10 + Math.floor(random() * 90)};`, '');
        text.add(`export function ${entry.fn}(values: readonly string[]): string[] {`, '  const seen = new Set<string>();', '  const out: string[] = [];');
        text.add('  for (const value of values) {', '    const key = value.trim().toLowerCase();', '    if (key === \'\' || seen.has(key)) continue;', '    seen.add(key);', `    out.push(key.slice(0, LIMIT_${index}));`, '  }');
        if (utils[0]) text.add(`  return ${utils[0].fn}(out);`);
        else text.add('  return out.sort();');
        text.add('}', '');
        text.add(`export function ${entry.fn}Total(amounts: readonly number[]): number {`, '  let total = 0;', '  for (const amount of amounts) total += Math.round(amount * 100) / 100;', `  return Math.min(total, LIMIT_${index} * 1_000);`, '}');
        if (models[0]) text.add('', `export function ${entry.fn}Ids(items: readonly ${models[0].type}[]): string[] {`, `  return ${entry.fn}(items.map((item) => item.id));`, '}');
      } else if (kind === 'handler') {
        // Route handlers without clients: they use services built once at module scope.
        text.add("import { Router } from 'express';");
        for (const service of services) text.add(importOf(service, [service.cls]));
        for (const util of utils) text.add(importOf(util, [util.fn]));
        const router = `${camel(noun)}Router${index}`;
        text.add('', `export const ${router} = Router();`);
        services.forEach((service, s) => text.add(`const service${s} = new ${service.cls}();`));
        text.add('', `${router}.get('/${noun}s/${index}/:id', async (req, res) => {`, '  const id = req.params.id ?? \'\';');
        services.forEach((_, s) => text.add(`  const found${s} = service${s}.find(id);`, `  if (!found${s}) return res.status(404).json({ id, missing: ${s} });`));
        text.add(utils[0] ? `  return res.json({ ids: ${utils[0].fn}([id, req.query.q ?? '']) });` : '  return res.json({ id });', '});', '');
        text.add(`${router}.post('/${noun}s/${index}', async (req, res) => {`, '  const body = req.body as { ids?: string[] };');
        text.add(utils[0] ? `  res.status(201).json(${utils[0].fn}(body.ids ?? []));` : '  res.status(201).json(body.ids ?? []);', '});');
      } else {
        for (const model of models) text.add(importOf(model, [`type ${model.type}`]));
        for (const util of utils) text.add(importOf(util, [util.fn]));
        for (const service of services) text.add(importOf(service, [service.cls]));
        const item = models[0]?.type ?? '{ id: string }';
        text.add('', `export class ${entry.cls} {`, `  private readonly items = new Map<string, ${item}>();`);
        services.forEach((service, s) => text.add(`  private readonly helper${s} = new ${service.cls}();`));
        text.add('');
        text.add(`  add(item: ${item}): void {`, '    this.items.set(item.id, item);', '  }', '');
        text.add(`  find(id: string): ${item} | undefined {`, '    return this.items.get(id);', '  }', '');
        text.add('  ids(): string[] {', `    const ids = [...this.items.keys()${services.map((_, s) => `, ...this.helper${s}.ids()`).join('')}];`);
        text.add(utils[0] ? `    return ${utils[0].fn}(ids);` : '    return ids.sort();', '  }', '');
        text.add('  async each(visit: (id: string) => Promise<void>): Promise<number> {', '    let count = 0;', '    for (const id of this.ids()) {', '      await visit(id);', '      count += 1;', '    }', '    return count;', '  }', '}');
      }
      put(file, text);
    };
  }

  /** An ordinary service to import from client code: realistic imports into the client files. */
  function someService() {
    for (let tries = 0; tries < 20; tries++) {
      const candidate = ordinaryIndex.get(Math.floor(random() * ordinaryIndex.size));
      if (candidate?.kind === 'service') return candidate;
    }
    return undefined;
  }

  /** One round of every client shape, in src/features/<domain><round>/: a list of writers. */
  function clientRound(round) {
    const writers = [];
    const domainAt = (offset) => `${DOMAINS[(round * 7 + offset) % DOMAINS.length]}${round === 0 ? '' : round}`;
    const folder = (domain) => `src/features/${domain}`;

    if (round === 0) {
      writers.push(() => {
        const file = 'src/setup/axios-defaults.ts';
        put(
          file,
          sourceText(file)
            .add("// Start-up: configures the global axios for every default-export request.", "import axios from 'axios';", '')
            .globalAxios('axios.defaults.timeout = 5_000;')
            .globalAxios("axios.defaults.headers = { 'user-agent': 'synthetic-shop/1.0' };"),
        );
      });
    }

    // 1. A module-level shared client, and a service that uses it (no finding).
    {
      const domain = domainAt(0);
      const name = `${camel(domain)}S3`;
      writers.push(() => {
        const file = `${folder(domain)}/s3.ts`;
        put(file, sourceText(file).add("import { S3Client } from '@aws-sdk/client-s3';", '').shared(`export const ${name} = new S3Client({ region: 'eu-west-1', maxAttempts: 3 });`, name, true));
      });
      writers.push(() => {
        const file = `${folder(domain)}/storage-service.ts`;
        const service = someService();
        const text = sourceText(file).add("import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';", `import { ${name} } from './s3.js';`);
        if (service) text.add(`import { ${service.cls} } from '${relativeImport(file, service.file)}';`);
        text.add('', `export class ${pascal(domain)}Storage {`, `  constructor(private readonly s3: S3Client = ${name}) {}`, '');
        text.add('  async put(key: string, body: string): Promise<void> {', `    await this.s3.send(new PutObjectCommand({ Bucket: '${domain}', Key: key, Body: body }));`, '  }', '');
        text.add('  async get(key: string): Promise<unknown> {', `    return (await this.s3.send(new GetObjectCommand({ Bucket: '${domain}', Key: key }))).Body;`, '  }', '}');
        if (service) text.add('', `export const ${camel(domain)}Index = new ${service.cls}();`);
        put(file, text);
      });
    }

    // 2. One layer: an exported factory, called per request and once at module scope.
    {
      const domain = domainAt(1);
      const factory = `create${pascal(domain)}Client`;
      writers.push(() => {
        const file = `${folder(domain)}/client.ts`;
        put(file, sourceText(file).add("import { S3Client } from '@aws-sdk/client-s3';", '', `export function ${factory}(region: string): S3Client {`, '  return new S3Client({ region, maxAttempts: 2 });', '}'));
      });
      writers.push(() => {
        const file = `${folder(domain)}/routes.ts`;
        put(
          file,
          sourceText(file)
            .add("import { Router } from 'express';", `import { ${factory} } from './client.js';`, '', `export const ${camel(domain)}Routes = Router();`)
            .shared(`const archive = ${factory}('us-east-1');`, 'archive', false)
            .add('', `${camel(domain)}Routes.get('/${domain}/:key', async (req, res) => {`)
            .finding(`  const s3 = ${factory}('eu-west-1');`, 'no-per-call-client', true)
            .add('  res.json({ key: req.params.key, primary: await s3.send({}), archive: await archive.send({}) });', '});'),
        );
      });
    }

    // 3. Two layers through a barrel: factory → repository factory → index.ts → Lambda handler.
    {
      const domain = domainAt(2);
      const factory = `create${pascal(domain)}Client`;
      const repo = `make${pascal(domain)}Repo`;
      writers.push(() => {
        const file = `${folder(domain)}/clients.ts`;
        put(file, sourceText(file).add("import { S3Client } from '@aws-sdk/client-s3';", '', `export const ${factory} = () => new S3Client({ region: 'eu-west-1' });`));
      });
      writers.push(() => {
        const file = `${folder(domain)}/repo.ts`;
        put(
          file,
          sourceText(file).add(`import { ${factory} } from './clients.js';`, '', `export function ${repo}() {`, `  const client = ${factory}();`, `  return { client, bucket: '${domain}' };`, '}'),
        );
      });
      writers.push(() => {
        const file = `${folder(domain)}/index.ts`;
        put(file, sourceText(file).add(`export { ${repo} } from './repo.js';`, `export { ${factory} as ${camel(domain)}ClientFactory } from './clients.js';`));
      });
      writers.push(() => {
        const file = `${folder(domain)}/handler.ts`;
        put(
          file,
          sourceText(file)
            .add(`import { ${repo} } from './index.js';`, '', 'export const handler = async (event: { key: string }) => {')
            .finding(`  const repo = ${repo}();`, 'no-per-call-client', true)
            .add('  const object = await repo.client.send({ Bucket: repo.bucket, Key: event.key });', '  return { statusCode: 200, body: JSON.stringify(object) };', '};'),
        );
      });
    }

    // 4. A class whose constructor calls axios.create(), constructed per request.
    {
      const domain = domainAt(3);
      const api = `${pascal(domain)}Api`;
      writers.push(() => {
        const file = `${folder(domain)}/api-client.ts`;
        put(
          file,
          sourceText(file).add(
            "import axios, { type AxiosInstance } from 'axios';",
            '',
            `export class ${api} {`,
            '  private readonly http: AxiosInstance;',
            '',
            `  constructor(baseURL = 'https://${domain}.internal') {`,
            '    this.http = axios.create({ baseURL, timeout: 2_000 });',
            '  }',
            '',
            '  async fetch(id: string): Promise<unknown> {',
            '    return (await this.http.get(`/items/${id}`)).data;',
            '  }',
            '}',
          ),
        );
      });
      writers.push(() => {
        const file = `${folder(domain)}/controller.ts`;
        put(
          file,
          sourceText(file)
            .add("import { Router } from 'express';", `import { ${api} } from './api-client.js';`, '', `export const ${camel(domain)}Controller = Router();`, '')
            .add(`${camel(domain)}Controller.get('/${domain}/:id', async (req, res) => {`)
            .finding(`  const api = new ${api}();`, 'prefer-axios-instance', true)
            .add('  res.json(await api.fetch(req.params.id));', '});'),
        );
      });
    }

    // 5. An instance method that builds a client, called per request.
    {
      const domain = domainAt(4);
      const cls = `${pascal(domain)}ClientFactory`;
      writers.push(() => {
        const file = `${folder(domain)}/client-factory.ts`;
        put(
          file,
          sourceText(file).add(
            "import { S3Client } from '@aws-sdk/client-s3';",
            '',
            `export class ${cls} {`,
            '  constructor(private readonly region: string) {}',
            '',
            '  s3(): S3Client {',
            '    return new S3Client({ region: this.region });',
            '  }',
            '}',
          ),
        );
      });
      writers.push(() => {
        const file = `${folder(domain)}/uploads.ts`;
        put(
          file,
          sourceText(file)
            .add("import { Router } from 'express';", `import { ${cls} } from './client-factory.js';`, '', `const factory = new ${cls}('eu-west-1');`, `export const ${camel(domain)}Uploads = Router();`, '')
            .add(`${camel(domain)}Uploads.post('/${domain}/uploads', async (req, res) => {`)
            .finding('  const s3 = factory.s3();', 'no-per-call-client', true)
            .add('  res.status(201).json(await s3.send({ Body: req.body }));', '});'),
        );
      });
    }

    // 6. A factory called only at start-up: module scope and a `main()` run once (no finding).
    {
      const domain = domainAt(5);
      const factory = `create${pascal(domain)}Db`;
      const name = `${camel(domain)}Db`;
      writers.push(() => {
        const file = `${folder(domain)}/db.ts`;
        put(file, sourceText(file).add("import { PrismaClient } from '@prisma/client';", '', `export function ${factory}(datasourceUrl?: string) {`, '  return new PrismaClient({ datasourceUrl });', '}'));
      });
      writers.push(() => {
        const file = `${folder(domain)}/server.ts`;
        put(
          file,
          sourceText(file)
            .add(`import { ${factory} } from './db.js';`, '')
            .shared(`export const ${name} = ${factory}();`, name, true)
            .add(
              '',
              'async function main() {',
              `  const admin = ${factory}(process.env.ADMIN_DATABASE_URL);`,
              '  await admin.$connect();',
              "  await admin.$queryRawUnsafe('select 1');",
              '  await admin.$disconnect();',
              '}',
              '',
              'void main();',
            ),
        );
      });
    }

    // 7. In-file only: a per-call https.Agent and an inline undici dispatcher (the rules see these alone).
    {
      const domain = domainAt(6);
      writers.push(() => {
        const file = `${folder(domain)}/fetchers.ts`;
        put(
          file,
          sourceText(file)
            .add("import https from 'node:https';", "import { Agent, fetch } from 'undici';", '', `export function ping${pascal(domain)}(url: string): Promise<number | undefined> {`)
            .finding('  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });', 'no-per-call-agent', false)
            .add('  return new Promise((resolve) => {', '    https.get(url, { agent }, (response) => {', '      response.resume();', '      resolve(response.statusCode);', '    }).end();', '  });', '}', '')
            .add(`export async function load${pascal(domain)}(url: string): Promise<unknown> {`)
            .finding("  const response = await fetch(url, { method: 'GET', dispatcher: new Agent() });", 'no-inline-dispatcher', false)
            .add('  return response.json();', '}'),
        );
      });
    }
    return writers;
  }

  await mkdir(root, { recursive: true });
  if ((await readdir(root)).length > 0) throw new Error(`generateProject: ${root} is not empty`);
  const packageJson = { name: 'synthetic-shop', private: true, type: 'module', engines: { node: '>=20' } };
  const tsconfig = {
    compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
    include: ['src', 'types'],
  };
  const extra = new Map([
    ['package.json', `${JSON.stringify(packageJson, null, 2)}\n`],
    ['tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`],
    ['types/vendor.d.ts', VENDOR_TYPES],
    ['types/globals.d.ts', GLOBAL_TYPES],
  ]);
  const directories = new Set([...sources.keys(), ...extra.keys()].map((file) => path.dirname(path.join(root, file))));
  for (const directory of directories) await mkdir(directory, { recursive: true });
  for (const [file, text] of [...extra, ...sources]) await writeFile(path.join(root, file), text);

  const byLocation = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
  return {
    dir: root,
    sourceFiles: files,
    rounds,
    clientFiles: planted.length,
    findings: plan.findings.sort(byLocation),
    crossFile: plan.findings.filter((finding) => finding.crossFile).length,
    globalAxiosConfiguration: plan.globalAxiosConfiguration.sort(byLocation),
    sharedInstances: plan.sharedInstances.sort(byLocation),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** `./x.js` / `../a/x.js` from one source file to another, NodeNext style. */
function relativeImport(from, to) {
  let relative = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '.js');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' }, out: { type: 'string' } } });
  const project = await generateProject({ files: Number(values.files), dir: values.out });
  const { cleanup: _cleanup, ...summary } = project;
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
