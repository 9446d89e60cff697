// Runs a module (input or codemod output) against recording stand-ins for node:http(s), undici,
// axios and the proxy agents, so a security test can compare what each request really goes out
// with — the agent's TLS identity, trust and proxy credentials, the headers — before and after a fix.
import ts from 'typescript';

/** Options that decide who we are, whom we trust and through which proxy with which credentials. */
const IDENTITY = new Set(['cert', 'key', 'pfx', 'passphrase', 'ca', 'rejectUnauthorized', 'servername', 'uri', 'token', 'auth', 'proxy', 'headers']);

class RecordingAgent {
  readonly args: unknown[];
  /** Like node's `agent.options`: code may change it after construction. */
  readonly options: Record<string, unknown>;
  constructor(...args: unknown[]) {
    this.args = args;
    const object = args.find((arg) => typeof arg === 'object' && arg !== null) as Record<string, unknown> | undefined;
    this.options = { ...object };
  }
  destroy(): void {}
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** What a request went out with, as far as security is concerned. */
export interface Request {
  api: string;
  /** Identity options of the agent or dispatcher it used ({} for the global one). */
  identity: unknown;
  headers: Record<string, unknown>;
}

/** The identity-relevant part of an agent's constructor arguments (strings kept: proxy URLs carry credentials). */
export function identityOf(agent: unknown): unknown {
  if (agent === undefined || agent === null) return {};
  if (!(agent instanceof RecordingAgent)) return { unknownAgent: String(agent) };
  // An agent with no identity options is as good as the global one: both are `{}`.
  // Strings (proxy URLs) from the arguments, options as they are now (they may have been changed).
  const parts = [...agent.args.filter((arg) => typeof arg !== 'object'), pick(agent.options)]
    .filter((part) => part !== undefined && !(typeof part === 'object' && part !== null && Object.keys(part).length === 0));
  return parts.length === 0 ? {} : parts;
}

function pick(options: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (IDENTITY.has(key)) picked[key] = value;
    // undici takes TLS options under `connect` (and `requestTls`/`proxyTls` for proxies).
    else if (typeof value === 'object' && value !== null && ['connect', 'requestTls', 'proxyTls'].includes(key)) {
      const nested = pick(value as Record<string, unknown>);
      if (Object.keys(nested).length > 0) picked[key] = nested;
    }
  }
  return picked;
}

export interface Execution {
  exports: Record<string, (...args: unknown[]) => unknown>;
  requests: Request[];
  /** The agent or dispatcher object each request used (undefined: the global one), by request index. */
  agents: unknown[];
  /** The configs of every axios instance created, i.e. its defaults. */
  instanceDefaults: unknown[];
}

export function execute(source: string, fileName: string): Execution {
  const requests: Request[] = [];
  const agents: unknown[] = [];
  const record = (api: string, agent: unknown, headers: Record<string, unknown> = {}): void => {
    requests.push({ api, identity: identityOf(agent), headers });
    agents.push(agent);
  };
  const instanceDefaults: unknown[] = [];
  const nodeHttp = {
    Agent: class extends RecordingAgent {},
    request: (options: { agent?: unknown }) => record('http.request', options.agent),
    get: (_url: string, options: { agent?: unknown } = {}) => record('http.get', options.agent),
  };
  const axiosInstance = (defaults: { headers?: Record<string, unknown>; httpsAgent?: unknown }) => {
    const send = (config: { headers?: Record<string, unknown>; httpsAgent?: unknown } = {}) =>
      record('axios', config.httpsAgent ?? defaults.httpsAgent, { ...defaults.headers, ...config.headers });
    const instance = Object.assign((config: object) => send(config), {
      defaults,
      get: (_url: string, config?: object) => send(config),
      post: (_url: string, _data: unknown, config?: object) => send(config),
      request: (config: object) => send(config),
      interceptors: { request: { use: () => 0 }, response: { use: () => 0 } },
    });
    return instance;
  };
  const axios = Object.assign(axiosInstance({}), {
    create: (config: object = {}) => {
      instanceDefaults.push(config);
      return axiosInstance(config);
    },
  });
  const undici = {
    Agent: class extends RecordingAgent {},
    Pool: class extends RecordingAgent {},
    ProxyAgent: class extends RecordingAgent {},
    fetch: (_url: string, options: { dispatcher?: unknown; headers?: Record<string, unknown> } = {}) =>
      record('fetch', options.dispatcher, options.headers),
  };
  const modules: Record<string, unknown> = {
    http: nodeHttp,
    https: nodeHttp,
    undici,
    axios,
    'https-proxy-agent': { HttpsProxyAgent: class extends RecordingAgent {} },
    'http-proxy-agent': { HttpProxyAgent: class extends RecordingAgent {} },
  };
  const require = (specifier: string): unknown => {
    const found = modules[specifier.replace(/^node:/, '')];
    if (found === undefined) throw new Error(`no stand-in for ${specifier}`);
    return found;
  };
  const { outputText } = ts.transpileModule(source, {
    // A .mjs/.mts name would make TypeScript keep the imports: run everything as CommonJS.
    fileName: fileName.replace(/\.m([jt]s)$/, '.$1'),
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
  new Function('require', 'module', 'exports', outputText)(require, module, module.exports);
  return { exports: module.exports, requests, agents, instanceDefaults };
}
