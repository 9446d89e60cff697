// Keyed caches are once per key only when a guard keeps the first construction; without a guard
// the pool is replaced (and the old one leaked) on every call.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './parse.js';

const header = `import { Pool } from 'pg';\nconst pools = new Map();\n`;

describe('keyed caches', () => {
  it.each([
    ['guarded by has', `export function f(k) { if (!pools.has(k)) pools.set(k, new Pool()); return pools.get(k); }`],
    ['local guarded by get', `export function f(k) { let p = pools.get(k); if (!p) { p = new Pool(); pools.set(k, p); } return p; }`],
    ['early return', `export function f(k) { if (pools.has(k)) return pools.get(k); const p = new Pool(); pools.set(k, p); return p; }`],
    ['object cache with ??=', `const byKey = {};\nexport function f(k) { return (byKey[k] ??= new Pool()); }`],
  ])('%s: once', (_name, body) => {
    expect(findingsOf(header + body)).toEqual([]);
  });

  it.each([
    ['unguarded set', `export function f(k) { pools.set(k, new Pool()); return pools.get(k); }`, 'no-per-call-client@3:37 perCall'],
    ['unguarded local stored', `export function f(k) { const p = new Pool(); pools.set(k, p); p.query('x'); }`, 'no-per-call-client@3:34 perCall'],
    ['unguarded member assignment', `const byKey = {};\nexport function f(k) { byKey[k] = new Pool(); }`, 'no-per-call-client@4:35 perCall'],
  ])('%s: per call', (_name, body, finding) => {
    expect(findingsOf(header + body)).toEqual([finding]);
  });

  it('shows a parenthesised callee as written', () => {
    const [finding] = findingsOf(`export function f() { return new (require('https').Agent)().maxSockets; }`);
    expect(finding).toBe('no-per-call-agent@1:30 perCall');
  });
});

describe('constructors', () => {
  const entry = `import https from 'node:https';
class Entry {
  constructor(text) {
    https.get('https://x.example/', { agent: new https.Agent({ keepAlive: true }) });
    this.text = text;
  }
}
`;

  it('a construction the constructor only uses is judged at each new C(): per call when new C() is', () => {
    const [finding, ...rest] = findingsOf(`${entry}export function build(list) { list.push(new Entry('')); return list; }`);
    expect(rest).toEqual([]);
    expect(finding).toBe('no-inline-dispatcher@4:46 inline');
  });

  it('… and once when every new C() runs once', () => {
    expect(findingsOf(`${entry}export const entries = [new Entry('a')];`)).toEqual([]);
  });

  it('a construction the instance keeps makes new C() per call the problem, reported there', () => {
    const source = `import { Pool } from 'pg';\nclass Repo {\n  constructor() { const pool = new Pool(); this.pool = pool; }\n}\nexport function handle() { return new Repo().pool; }`;
    expect(findingsOf(source)).toEqual(['no-per-call-client@5:35 perCallFactory']);
  });
});
