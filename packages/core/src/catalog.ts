// The catalog: which module exports build a connection pool, an SDK client or an axios
// instance, and which request functions take an agent in their options. Plain data, so users can
// extend it through rule options and the codemod can read the same table.

export type SiteKind =
  /** node http/https Agent, undici dispatchers, agentkeepalive, proxy agents */
  | 'agent'
  /** SDK and database clients */
  | 'client'
  /** `axios.create()` */
  | 'axios-instance'
  /** a request on the default axios export */
  | 'axios-request'
  /** a request function that takes an agent or dispatcher in its options */
  | 'request';

/** Which family an agent belongs to decides the settings the codemod merges in. */
export type AgentFamily = 'node-http' | 'undici' | 'agentkeepalive' | 'proxy-agent';

export interface CatalogEntry {
  /** Module specifier without `node:`; a trailing `*` matches any suffix (`@aws-sdk/client-*`). */
  module: string;
  /** Export path after the module's default/namespace object; `[]` is the default export itself. */
  path: readonly string[] | ((path: readonly string[]) => boolean);
  via: 'new' | 'call' | 'new-or-call';
  kind: SiteKind;
  family?: AgentFamily;
  /** For requests: the option names that take an agent, and which argument holds the options. */
  slots?: readonly string[];
  optionsArgument?: 'last-object';
  /** Extra text appended to the message (user entries). */
  message?: string;
  /** Short noun for messages: "connection pool", "database client". */
  noun?: string;
}

const NODE_HTTP = ['http', 'https'];

const AXIOS_BODY_METHODS = ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];
const AXIOS_NO_BODY_METHODS = ['get', 'delete', 'head', 'options'];
export const AXIOS_REQUEST_METHODS: readonly string[] = ['request', ...AXIOS_NO_BODY_METHODS, ...AXIOS_BODY_METHODS];

const exactly =
  (...names: string[]) =>
  (path: readonly string[]): boolean =>
    path.length === 1 && names.includes(path[0]!);

/** aws-sdk v2 constructors that are helpers, not service clients. */
const AWS_V2_HELPERS = /^(Config|Credentials|Endpoint|Request|Response|Service|EventListeners|MetadataService|CredentialProviderChain|.*Credentials)$/;

export const BUILTIN_CATALOG: readonly CatalogEntry[] = [
  // Connection pools and agents.
  ...NODE_HTTP.map((module): CatalogEntry => ({ module, path: ['Agent'], via: 'new', kind: 'agent', family: 'node-http', noun: 'agent' })),
  ...['Agent', 'Pool', 'Client', 'BalancedPool', 'ProxyAgent', 'EnvHttpProxyAgent'].map(
    (name): CatalogEntry => ({ module: 'undici', path: [name], via: 'new', kind: 'agent', family: 'undici', noun: 'dispatcher' }),
  ),
  { module: 'agentkeepalive', path: [], via: 'new', kind: 'agent', family: 'agentkeepalive', noun: 'agent' },
  { module: 'agentkeepalive', path: ['HttpsAgent'], via: 'new', kind: 'agent', family: 'agentkeepalive', noun: 'agent' },
  { module: 'https-proxy-agent', path: exactly('HttpsProxyAgent'), via: 'new', kind: 'agent', family: 'proxy-agent', noun: 'agent' },
  { module: 'http-proxy-agent', path: exactly('HttpProxyAgent'), via: 'new', kind: 'agent', family: 'proxy-agent', noun: 'agent' },
  { module: 'socks-proxy-agent', path: exactly('SocksProxyAgent'), via: 'new', kind: 'agent', family: 'proxy-agent', noun: 'agent' },
  { module: 'proxy-agent', path: (path) => path.length === 0 || (path.length === 1 && path[0] === 'ProxyAgent'), via: 'new', kind: 'agent', family: 'proxy-agent', noun: 'agent' },

  // axios.
  { module: 'axios', path: [], via: 'call', kind: 'axios-request', slots: ['httpAgent', 'httpsAgent'], optionsArgument: 'last-object' },
  { module: 'axios', path: exactly(...AXIOS_REQUEST_METHODS), via: 'call', kind: 'axios-request', slots: ['httpAgent', 'httpsAgent'], optionsArgument: 'last-object' },
  { module: 'axios', path: ['create'], via: 'call', kind: 'axios-instance', noun: 'axios instance' },

  // Requests that take an agent or a dispatcher per call.
  ...NODE_HTTP.map((module): CatalogEntry => ({ module, path: exactly('request', 'get'), via: 'call', kind: 'request', slots: ['agent'], optionsArgument: 'last-object' })),
  { module: 'undici', path: exactly('fetch', 'request', 'stream'), via: 'call', kind: 'request', slots: ['dispatcher'], optionsArgument: 'last-object' },
  { module: 'node-fetch', path: [], via: 'call', kind: 'request', slots: ['agent'], optionsArgument: 'last-object' },
  {
    module: 'got',
    path: (path) => path.length === 0 || (path.length === 1 && ['get', 'post', 'put', 'patch', 'delete', 'head', 'stream'].includes(path[0]!)),
    via: 'call',
    kind: 'request',
    slots: ['agent.http', 'agent.https', 'agent.http2'],
    optionsArgument: 'last-object',
  },

  // SDK and database clients.
  { module: '@aws-sdk/client-*', path: (path) => path.length === 1 && /Client$/.test(path[0]!), via: 'new', kind: 'client', noun: 'AWS SDK client' },
  { module: 'aws-sdk', path: (path) => path.length === 1 && /^[A-Z]/.test(path[0]!) && !AWS_V2_HELPERS.test(path[0]!), via: 'new', kind: 'client', noun: 'AWS SDK client' },
  { module: 'aws-sdk/clients/*', path: [], via: 'new', kind: 'client', noun: 'AWS SDK client' },
  { module: '@prisma/client', path: ['PrismaClient'], via: 'new', kind: 'client', noun: 'database client' },
  { module: 'pg', path: exactly('Pool', 'Client'), via: 'new', kind: 'client', noun: 'database client' },
  { module: 'mysql2', path: exactly('createPool', 'createConnection'), via: 'call', kind: 'client', noun: 'database client' },
  { module: 'mysql2/promise', path: exactly('createPool', 'createConnection'), via: 'call', kind: 'client', noun: 'database client' },
  { module: 'ioredis', path: (path) => path.length === 0 || (path.length === 1 && (path[0] === 'Redis' || path[0] === 'Cluster')), via: 'new', kind: 'client', noun: 'Redis client' },
  { module: 'redis', path: ['createClient'], via: 'call', kind: 'client', noun: 'Redis client' },
  { module: 'mongodb', path: ['MongoClient'], via: 'new', kind: 'client', noun: 'database client' },
  { module: '@elastic/elasticsearch', path: ['Client'], via: 'new', kind: 'client', noun: 'Elasticsearch client' },
  { module: 'openai', path: (path) => path.length === 0 || (path.length === 1 && (path[0] === 'OpenAI' || path[0] === 'AzureOpenAI')), via: 'new', kind: 'client', noun: 'SDK client' },
  { module: '@anthropic-ai/sdk', path: (path) => path.length === 0 || (path.length === 1 && path[0] === 'Anthropic'), via: 'new', kind: 'client', noun: 'SDK client' },
  { module: 'stripe', path: (path) => path.length === 0 || (path.length === 1 && path[0] === 'Stripe'), via: 'new-or-call', kind: 'client', noun: 'SDK client' },
  { module: '@octokit/rest', path: ['Octokit'], via: 'new', kind: 'client', noun: 'SDK client' },
];

/** A catalog extension as users write it in rule options. */
export interface UserCatalogEntry {
  module: string;
  /** An export constructed with `new`. */
  export?: string;
  /** An export called as a factory function. */
  call?: string;
  kind?: 'agent' | 'client' | 'axios-instance';
  message?: string;
}

export function fromUserEntry(entry: UserCatalogEntry): CatalogEntry {
  const name = entry.export ?? entry.call;
  const path = !name || name === 'default' ? [] : name.split('.');
  return {
    module: normalizeModule(entry.module),
    path,
    via: entry.call ? 'call' : 'new',
    kind: entry.kind ?? 'client',
    ...(entry.message ? { message: entry.message } : {}),
    noun: entry.kind === 'agent' ? 'agent' : 'client',
  };
}

export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

function moduleMatches(pattern: string, module: string): boolean {
  return pattern.endsWith('*') ? module.startsWith(pattern.slice(0, -1)) && module.length > pattern.length - 1 : pattern === module;
}

function pathMatches(entry: CatalogEntry, path: readonly string[]): boolean {
  if (typeof entry.path === 'function') return entry.path(path);
  return entry.path.length === path.length && entry.path.every((segment, index) => segment === path[index]);
}

export interface Catalog {
  entries: readonly CatalogEntry[];
  /** Is anything from this module in the catalog? Lets the detector skip unrelated imports cheaply. */
  hasModule(module: string): boolean;
  match(module: string, path: readonly string[], via: 'new' | 'call'): CatalogEntry | undefined;
}

export function createCatalog(userEntries: readonly UserCatalogEntry[] = []): Catalog {
  // User entries first, so they can override a built-in entry's message.
  const entries = [...userEntries.map(fromUserEntry), ...BUILTIN_CATALOG];
  return {
    entries,
    hasModule: (module) => entries.some((entry) => moduleMatches(entry.module, module)),
    match(module, path, via) {
      return entries.find(
        (entry) =>
          moduleMatches(entry.module, module) &&
          (entry.via === via || entry.via === 'new-or-call') &&
          pathMatches(entry, path),
      );
    },
  };
}

/** Module names as they appear in source, for a cheap text check before any analysis. */
export function catalogModuleHints(catalog: Catalog): string[] {
  return [...new Set(catalog.entries.map((entry) => entry.module.replace(/\*$/, '')))];
}
