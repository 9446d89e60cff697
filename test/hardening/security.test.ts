// Security invariants of the fix, checked by running the code: each scenario's module is executed
// before and after the real transform (plain and --keyed) against recording stand-ins, with the
// same calls, and every request must go out with the same TLS identity, trust, proxy credentials
// and headers. A fix that shared one tenant's certificate with another, moved a caller's
// Authorization into instance defaults, or handed a site an agent with `rejectUnauthorized: false`
// it did not have, would change what some request goes out with.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transformFile } from '../../packages/codemod/src/transform/index.js';
import { execute } from './support/execute.js';

interface Scenario {
  name: string;
  fileName: string;
  source: string;
  /** Calls the module's exports the way callers would, per tenant, user or token. */
  drive: (exports: Exports) => void;
  /** Per-call secrets: never allowed in an axios instance's defaults. */
  secrets: string[];
  /** The rewrite this scenario must exercise in at least one mode (not a no-op). */
  hoists: 'plain' | 'keyed' | 'never';
}

type Exports = ReturnType<typeof execute>['exports'];

/** Calls `name` once per argument list. */
const callEach =
  (name: string, argLists: unknown[][]) =>
  (exports: Exports): void => {
    const exported = exports[name];
    if (exported === undefined) throw new Error(`no export ${name}`);
    for (const args of argLists) exported(...args);
  };

const TLS = ['cert', 'key', 'pfx', 'passphrase', 'ca', 'rejectUnauthorized', 'servername'] as const;
const valueFor = (property: string, tenant: 'A' | 'B'): string | boolean =>
  property === 'rejectUnauthorized' ? tenant === 'A' : `${tenant}-${property}`;
const tenantCalls = (property: string): Scenario['drive'] =>
  callEach(
    'call',
    (['A', 'B', 'A', 'B'] as const).map((tenant) => [{ value: valueFor(property, tenant), name: tenant }, 'https://partner.example/x']),
  );
const secretsOf = (property: string): string[] => (property === 'rejectUnauthorized' ? [] : [`A-${property}`, `B-${property}`]);

function tlsScenarios(): Scenario[] {
  return TLS.flatMap((property): Scenario[] => {
    const type = property === 'rejectUnauthorized' ? 'boolean' : 'string';
    const common = { drive: tenantCalls(property), secrets: secretsOf(property) };
    return [
      {
        name: `https.Agent ${property} from a parameter's member (.ts)`,
        fileName: 'tls-member.ts',
        source: `import https from 'node:https';\ninterface Tenant { value: ${type}; name: string }\nexport function call(tenant: Tenant, url: string) {\n  return https.get(url, { agent: new https.Agent({ keepAlive: true, ${property}: tenant.value }) });\n}\n`,
        hoists: 'keyed',
        ...common,
      },
      {
        name: `https.Agent ${property} from a local (.mjs)`,
        fileName: 'tls-local.mjs',
        source: `import https from 'node:https';\nexport function call(tenant, url) {\n  const value = tenant.value;\n  const agent = new https.Agent({ ${property}: value });\n  return https.get(url, { agent });\n}\n`,
        hoists: 'never',
        ...common,
      },
      {
        name: `undici Agent connect.${property} from a parameter's member (.ts)`,
        fileName: 'tls-undici.ts',
        source: `import { Agent, fetch } from 'undici';\nexport function call(tenant: { value: ${type} }, url: string) {\n  return fetch(url, { dispatcher: new Agent({ connect: { ${property}: tenant.value } }) });\n}\n`,
        hoists: 'keyed',
        ...common,
      },
      {
        name: `https.Agent ${property} from a destructured parameter (.ts)`,
        fileName: 'tls-destructured.ts',
        source: `import https from 'node:https';\nexport function call({ value }: { value: ${type} }, url: string) {\n  return https.get(url, { agent: new https.Agent({ ${property}: value }) });\n}\n`,
        hoists: 'never',
        ...common,
      },
    ];
  });
}

const proxyUsers = (): unknown[][] => [
  [{ token: 'tok-A', user: 'alice', pass: 'pw-A', url: 'http://alice:pw-A@proxy:8080' }],
  [{ token: 'tok-B', user: 'bob', pass: 'pw-B', url: 'http://bob:pw-B@proxy:8080' }],
  [{ token: 'tok-A', user: 'alice', pass: 'pw-A', url: 'http://alice:pw-A@proxy:8080' }],
];
const PROXY_SECRETS = ['tok-A', 'tok-B', 'pw-A', 'pw-B'];

const scenarios: Scenario[] = [
  ...tlsScenarios(),
  {
    name: 'undici ProxyAgent with a per-user token',
    fileName: 'proxy-token.ts',
    source: `import { ProxyAgent, fetch } from 'undici';\nexport function call(user: { token: string }) {\n  return fetch('https://api.example', { dispatcher: new ProxyAgent({ uri: 'http://proxy:3128', token: \`Basic \${user.token}\` }) });\n}\n`,
    drive: callEach('call', proxyUsers()),
    secrets: PROXY_SECRETS,
    hoists: 'never',
  },
  {
    name: 'HttpsProxyAgent with credentials in its URL, for axios',
    fileName: 'proxy-url.ts',
    source: `import axios from 'axios';\nimport { HttpsProxyAgent } from 'https-proxy-agent';\nexport function call(u: { user: string; pass: string }) {\n  return axios.get('https://api.example', { httpsAgent: new HttpsProxyAgent(\`http://\${u.user}:\${u.pass}@proxy:8080\`) });\n}\n`,
    drive: callEach('call', proxyUsers()),
    secrets: PROXY_SECRETS,
    hoists: 'keyed',
  },
  {
    name: 'undici ProxyAgent from a per-user URL string',
    fileName: 'proxy-string.mjs',
    source: `import { ProxyAgent, fetch } from 'undici';\nexport function call(u) {\n  return fetch('https://api.example', { dispatcher: new ProxyAgent(u.url) });\n}\n`,
    drive: callEach('call', proxyUsers()),
    secrets: PROXY_SECRETS,
    hoists: 'never',
  },
  {
    name: 'per-request Authorization and tenant headers next to a request that gets a shared instance',
    fileName: 'headers.ts',
    source: [
      `import axios from 'axios';`,
      `export function me(token: string) {`,
      `  return axios.get('https://api.example/me', { headers: { Authorization: \`Bearer \${token}\` } });`,
      `}`,
      `export function save(token: string, tenant: string) {`,
      `  const headers = { Authorization: token, 'X-Tenant-Id': tenant };`,
      `  return axios.post('https://api.example/save', {}, { headers });`,
      `}`,
      `export function perTenant(tenant: string) {`,
      `  const api = axios.create({ baseURL: 'https://api.example', headers: { 'X-Tenant-Id': tenant } });`,
      `  return api.get('/data');`,
      `}`,
      `export function perToken(token: string) {`,
      `  return axios.create({ headers: { Authorization: \`Bearer \${token}\` } }).get('https://api.example/me');`,
      `}`,
      `export function health() {`,
      `  return axios.get('https://api.example/health');`,
      `}`,
      ``,
    ].join('\n'),
    drive: (exports) => {
      for (const [name, args] of [
        ['me', ['tok-A']],
        ['me', ['tok-B']],
        ['save', ['tok-A', 'tenant-A']],
        ['save', ['tok-B', 'tenant-B']],
        ['perTenant', ['tenant-A']],
        ['perTenant', ['tenant-B']],
        ['perToken', ['tok-A']],
        ['perToken', ['tok-B']],
        ['health', []],
      ] as const) {
        callEach(name, [[...args]])(exports);
      }
    },
    secrets: ['tok-A', 'tok-B', 'tenant-A', 'tenant-B'],
    hoists: 'plain',
  },
  {
    name: 'sites with and without rejectUnauthorized: false, and an insecure shared agent already in the file',
    fileName: 'widen.ts',
    source: [
      `import https from 'node:https';`,
      `import axios from 'axios';`,
      `import { Agent, fetch } from 'undici';`,
      `const insecureShared = new https.Agent({ keepAlive: true, rejectUnauthorized: false });`,
      `export function insecure(url: string) { return https.get(url, { agent: new https.Agent({ rejectUnauthorized: false }) }); }`,
      `export function plain(url: string) { return https.get(url, { agent: new https.Agent() }); }`,
      `export function keepAlive(url: string) { return https.get(url, { agent: new https.Agent({ keepAlive: true }) }); }`,
      `export function strict(url: string) { return https.get(url, { agent: new https.Agent({ rejectUnauthorized: true }) }); }`,
      `export function insecureAxios(url: string) { return axios.get(url, { httpsAgent: new https.Agent({ rejectUnauthorized: false }) }); }`,
      `export function plainAxios(url: string) { return axios.get(url); }`,
      `export function insecureFetch(url: string) { return fetch(url, { dispatcher: new Agent({ connect: { rejectUnauthorized: false } }) }); }`,
      `export function plainFetch(url: string) { return fetch(url, { dispatcher: new Agent({ keepAliveTimeout: 10 }) }); }`,
      `export function usesShared(url: string) { return https.get(url, { agent: insecureShared }); }`,
      ``,
    ].join('\n'),
    drive: (exports) => {
      for (const name of ['insecure', 'plain', 'keepAlive', 'strict', 'insecureAxios', 'plainAxios', 'insecureFetch', 'plainFetch', 'usesShared']) {
        callEach(name, [['https://x.example/']])(exports);
      }
    },
    secrets: [],
    hoists: 'plain',
  },
  {
    name: 'options spread from a per-call object',
    fileName: 'spread.ts',
    source: `import https from 'node:https';\nexport function call(tenant: { tls: { cert: string } }, url: string) {\n  return https.get(url, { agent: new https.Agent({ ...tenant.tls, keepAlive: true }) });\n}\n`,
    drive: callEach('call', [[{ tls: { cert: 'A-cert' } }, 'u'], [{ tls: { cert: 'B-cert' } }, 'u']]),
    secrets: ['A-cert', 'B-cert'],
    hoists: 'never',
  },
  {
    name: 'CA picked per tenant from a module-level table',
    fileName: 'table.ts',
    source: `import https from 'node:https';\nconst CAS: Record<string, string> = { a: 'ca-a', b: 'ca-b' };\nexport function call(tenant: string, url: string) {\n  return https.get(url, { agent: new https.Agent({ ca: CAS[tenant] }) });\n}\n`,
    drive: callEach('call', [['a', 'u'], ['b', 'u'], ['a', 'u']]),
    secrets: [],
    hoists: 'keyed',
  },
  {
    name: 'CA closed over by a returned caller',
    fileName: 'closure.ts',
    source: `import https from 'node:https';\nexport function makeCaller(ca: string) {\n  return (url: string) => https.get(url, { agent: new https.Agent({ ca }) });\n}\n`,
    drive: (exports) => {
      const make = exports.makeCaller as (ca: string) => (url: string) => void;
      const [a, b] = [make('ca-A'), make('ca-B')];
      a('u');
      b('u');
      a('u');
    },
    secrets: [],
    hoists: 'keyed',
  },
  // The four scenarios below found transform bugs (lazy singletons freezing a reassigned `let`, a
  // constructor-level agent outliving its field, a shared agent mutated per call), fixed in cb23760.
  {
    name: 'CA from a module `let` that a setter reassigns',
    fileName: 'mutable-let.ts',
    source: `import https from 'node:https';\nlet currentCa = 'ca-default';\nexport function setCa(ca: string) { currentCa = ca; }\nexport function call(url: string) {\n  return https.get(url, { agent: new https.Agent({ ca: currentCa }) });\n}\n`,
    drive: (exports) => {
      for (const ca of ['ca-A', 'ca-B']) {
        exports.setCa?.(ca);
        exports.call?.('u');
      }
    },
    secrets: [],
    hoists: 'never',
  },
  {
    name: 'rejectUnauthorized from a module `let` that can be turned off and on',
    fileName: 'mutable-trust.ts',
    source: `import https from 'node:https';\nlet strict = true;\nexport function setStrict(value: boolean) { strict = value; }\nexport function call(url: string) {\n  return https.get(url, { agent: new https.Agent({ rejectUnauthorized: strict }) });\n}\n`,
    drive: (exports) => {
      for (const strict of [false, true]) {
        exports.setStrict?.(strict);
        exports.call?.('u');
      }
    },
    secrets: [],
    hoists: 'never',
  },
  {
    name: 'CA from a field that a method reassigns',
    fileName: 'this-field.ts',
    source: `import https from 'node:https';\nexport class Client {\n  ca: string;\n  constructor(ca: string) { this.ca = ca; }\n  setCa(ca: string) { this.ca = ca; }\n  call(url: string) { return https.get(url, { agent: new https.Agent({ ca: this.ca }) }); }\n}\n`,
    drive: (exports) => {
      const client = new (exports.Client as unknown as new (ca: string) => { setCa(ca: string): void; call(url: string): void })('ca-A');
      client.call('u');
      client.setCa('ca-B');
      client.call('u');
    },
    secrets: [],
    hoists: 'never',
  },
  {
    name: 'an agent whose TLS options are changed per call after construction',
    fileName: 'mutated.ts',
    source: `import https from 'node:https';\nexport function call(tenant: { ca: string }, url: string) {\n  const agent = new https.Agent({ keepAlive: true });\n  agent.options.ca = tenant.ca;\n  return https.get(url, { agent });\n}\n`,
    drive: callEach('call', [[{ ca: 'ca-A' }, 'u'], [{ ca: 'ca-B' }, 'u']]),
    secrets: [],
    hoists: 'never',
  },
];

function run(source: string, scenario: Scenario): ReturnType<typeof execute> {
  const execution = execute(source, scenario.fileName);
  scenario.drive(execution.exports);
  return execution;
}

/** Requests that share an agent object after the fix but went out with different identities before. */
function crossIdentitySharing(before: ReturnType<typeof execute>, after: ReturnType<typeof execute>): string[] {
  const identitiesByAgent = new Map<unknown, Set<string>>();
  after.agents.forEach((agent, index) => {
    if (agent === undefined) return;
    const identities = identitiesByAgent.get(agent) ?? new Set<string>();
    identities.add(JSON.stringify(before.requests[index]?.identity));
    identitiesByAgent.set(agent, identities);
  });
  return [...identitiesByAgent.values()].filter((identities) => identities.size > 1).map((identities) => [...identities].join(' / '));
}

// The scenarios live in a project that states engines.node >=18 (fixtures/codemod), so that
// default-axios requests are rewritten too: on a maintained Node they are left alone.
const projectSource = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/codemod/src');

const count = (text: string, needle: RegExp): number => text.match(needle)?.length ?? 0;

describe('the fix never moves identity, trust, credentials or per-request headers', () => {
  describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
    const results = ([false, true] as const).map((keyed) => ({ keyed, ...transformFile(scenario.source, { keyed, filePath: path.join(projectSource, scenario.fileName) }) }));

    it.each(results.map((result) => [result.keyed ? '--keyed' : 'plain', result] as const))('%s: every request goes out as before', (_mode, result) => {
      const output = result.output ?? scenario.source;
      const before = run(scenario.source, scenario);
      const after = run(output, scenario);
      expect(after.requests).toEqual(before.requests);
      expect(crossIdentitySharing(before, after)).toEqual([]);
      // Defaults of instances the fix creates hold no per-call value.
      const defaults = JSON.stringify(after.instanceDefaults);
      for (const secret of scenario.secrets) {
        const createdBefore = JSON.stringify(before.instanceDefaults).split(secret).length - 1;
        expect(defaults.split(secret).length - 1, secret).toBeLessThanOrEqual(createdBefore);
      }
      // No construction gains `rejectUnauthorized: false`: the count of such option sets never grows.
      expect(count(output, /rejectUnauthorized: false/g)).toBeLessThanOrEqual(count(scenario.source, /rejectUnauthorized: false/g));
    });

    it('is a real rewrite, not a no-op that passes trivially', () => {
      for (const result of results) expect(result.hoisted.length + result.left.length).toBeGreaterThan(0);
      if (scenario.hoists !== 'never') {
        const result = results[scenario.hoists === 'keyed' ? 1 : 0];
        expect(result?.hoisted.length).toBeGreaterThan(0);
      }
    });
  });
});
