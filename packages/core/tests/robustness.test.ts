// The rules run on every file of a project: no ESTree shape may make the detector throw.
import { describe, expect, it } from 'vitest';
import { findingsOf } from './parse.js';

const header = `import https from 'node:https';\nimport axios from 'axios';\nimport { Agent } from 'undici';\n`;

const shapes: Record<string, string> = {
  'optional chains': `export function f(o) { o?.a?.(); return new https.Agent()?.destroy?.(); }`,
  'computed members': `export function f(k) { const A = https[k]; return new https['Agent'](); }`,
  'new of a call result': `function getClass() { return https.Agent; } export function f() { return new (getClass())(); }`,
  'new without parentheses': `export function f() { const a = new https.Agent; a.maxSockets = 1; }`,
  'dynamic import': `export async function f() { const m = await import('undici'); const { Pool } = await import(\`undici\`); return [new m.Agent(), new Pool('http://x')]; }`,
  'export =': `import http = require('http'); function f() { return new http.Agent(); } export = f;`,
  namespaces: `namespace Outer { export namespace Inner { export function f() { return new https.Agent(); } } }`,
  'declare module': `declare module 'x' { export const a: number; }`,
  decorators: `function d(_t: unknown, _c: unknown) {} class C { @d method() { return axios.get('x'); } }`,
  enums: `enum E { A = 1 } export function f() { return E.A; }`,
  'abstract classes and overloads': `abstract class B { abstract m(): void; f(a: string): void; f(a: unknown) { new https.Agent(); } }`,
  'private fields and static blocks': `class C { #a = new https.Agent(); static { new Agent(); } m() { return this.#a; } }`,
  'getters, setters, accessors': `class C { accessor x = 1; get a() { return new https.Agent(); } set a(v) {} }`,
  'labels and generators': `function* g() { outer: for (;;) { yield new Agent(); break outer; } }`,
  'destructuring everywhere': `export function f({ a = new https.Agent() } = {}, [b] = [axios.create()]) { return [a, b]; }`,
  'sequence and comma': `export const f = () => (0, axios.get)('x');`,
  'tagged templates and new.target': `function F() { if (!new.target) return; String.raw\`x\`; }`,
  'assignment patterns to globals': `let x; export function f() { [x] = [new https.Agent()]; ({ x } = { x: 1 }); }`,
  'with require shadowed': `export function f(require) { return new (require('https').Agent)(); }`,
  'self-recursive factory': `function f(n) { return n ? f(n - 1) : new https.Agent(); } export function g() { return f(3); }`,
  'mutually recursive functions': `function a() { return b(); } function b() { return a() ?? new Agent(); } export function h() { a(); }`,
  'class expressions and anonymous classes': `export const C = class { constructor() { this.a = new https.Agent(); } }; export function f() { return new (class { x = new Agent(); })(); }`,
  'object methods and getters': `export const o = { m() { return new https.Agent(); }, get g() { return axios.create(); } };`,
  'satisfies, as, non-null': `export function f() { return (new https.Agent() as unknown as object)!; } const x = {} satisfies object;`,
  'TS parameter properties': `class S { constructor(private readonly agent = new https.Agent()) {} }`,
  'import type only': `import type { Pool } from 'undici'; export function f(p: Pool) { return p; }`,
  'JSX': `export function C() { return <div onClick={() => axios.get('x')}>{String(new Agent())}</div>; }`,
};

describe('the detector survives every syntax shape', () => {
  it.each(Object.entries(shapes))('%s', (_name, body) => {
    const jsx = body.includes('<div');
    expect(() => findingsOf(header + body, {}, { jsx })).not.toThrow();
  });

  it('still reports through the odd shapes where a per-call construction is plain', () => {
    expect(findingsOf(header + shapes['new without parentheses']!)).toEqual(['no-per-call-agent@4:33 perCall']);
    expect(findingsOf(header + shapes['with require shadowed']!)).toEqual([]);
  });
});
