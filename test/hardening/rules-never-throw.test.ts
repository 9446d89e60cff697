// A lint rule is kept only if it never crashes ESLint. Every shape below goes through ESLint itself
// (the Linter, as editors and CI run it) with the plugin's recommended config, under
// @typescript-eslint/parser (.ts, .tsx, .js) and under ESLint's default parser (espree) for shapes
// that are plain JavaScript. ESLint rethrows a rule's exception from verify(), so "no throw and no
// fatal parse message" is exactly "no rule crashed". The detector's own shapes list is in
// packages/core/tests/robustness.test.ts; these add what only the rules' adapters see.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../packages/eslint-plugin/src/index.js';

const header = [
  `import https from 'node:https';`,
  `import * as http from 'node:http';`,
  `import axios from 'axios';`,
  `import { Agent, Pool, fetch, request } from 'undici';`,
  `import got from 'got';`,
  `import { S3Client } from '@aws-sdk/client-s3';`,
  `import { Thing } from 'acme-http';`,
  ``,
].join('\n');

/** Plain JavaScript: also linted with espree. */
const javascript: Record<string, string> = {
  'optional chains': `export function f(o) { o?.a?.(); axios?.get('x'); axios.get?.('x'); return new https.Agent()?.destroy?.(); }`,
  'optional member of a construction': `export function f() { return new https.Agent({ keepAlive: true })?.options?.keepAlive; }`,
  'computed members': `export function f(k, m) { axios['get']('x'); axios[m]('x'); new https['Agent'](); return new https[k](); }`,
  'new of a call result': `function getClass() { return https.Agent; } export function f() { return new (getClass())(); }`,
  'new of a parenthesised member': `export function f() { return new (https.Agent)(); }`,
  'new without parentheses': `export function f() { const a = new https.Agent; const b = new Agent; return [a, b, new S3Client]; }`,
  'dynamic import': `export async function f() { const m = await import('undici'); const { Pool: P } = await import(\`undici\`); return [new m.Agent(), new P('http://x'), new (await import('node:https')).Agent()]; }`,
  'dynamic import of a computed specifier': `export async function f(name) { const m = await import(name); return new m.Agent(); }`,
  'spread arguments and options': `export function f(args, rest) { new https.Agent(...args); https.request(...args); fetch('x', { ...rest, dispatcher: new Agent() }); return new https.Agent({ ...rest, keepAlive: true }); }`,
  'odd option keys': `export function f(k, keepAlive) { return [new https.Agent({ ['keepAlive']: true }), new https.Agent({ [k]: true }), new https.Agent({ keepAlive }), new https.Agent({ get keepAlive() { return true; } }), new https.Agent({ keepAlive() {} })]; }`,
  'options that are not objects': `export function f(o) { return [new https.Agent(undefined), new https.Agent(null), new https.Agent(o ?? {}), new https.Agent(o || { keepAlive: true }), new https.Agent(1), new https.Agent(\`x\`)]; }`,
  'agent slots': `export function f(url, agent) { https.get(url, { agent: false }); https.get(url, { agent }); got(url, { agent: { https: new https.Agent() } }); got(url, { agent: { http: agent } }); return request(url, { dispatcher: new Pool(url) }); }`,
  'axios call forms': `export function f(c) { axios(c); axios.request(c); axios.create().get('x'); axios.create(c)(c); return (0, axios.get)('x'); }`,
  'require forms': `export function f() { const { Agent: A } = require('https'); new A(); new (require('https').Agent)(); require('axios').default.get('x'); return require('axios')('x'); }`,
  'user catalog entries': `export function f() { return [new Thing(), new Thing.Other(), Thing()]; }`,
  'subclasses of catalog classes': `class MyAgent extends https.Agent {} export function f() { return new MyAgent(); }`,
  'lazy singletons': `let a; const m = new Map(); export function f(k) { a ??= new https.Agent(); if (!m.has(k)) m.set(k, new Agent()); globalThis.b ||= new Agent(); return a ?? new Pool('x'); }`,
  'this-assigned in methods': `export class C { m() { this.a ??= new https.Agent(); this.b = new Agent(); return this.a; } static s() { return new Pool('x'); } }`,
  'module.exports and exports': `module.exports = { f() { return new https.Agent(); } }; exports.g = () => new Agent(); module.exports.h = function () { return axios.get('x'); };`,
  'labels, generators, async generators': `async function* g() { outer: for await (const x of []) { yield new Agent(); break outer; } }`,
  'new.target, super, import.meta': `export class B extends Object { constructor() { super(); if (new.target) new https.Agent(); } m() { return super.toString() + import.meta.url; } }`,
  'getters, setters, static blocks, private': `export class C { #a; static { new Agent(); } get a() { return this.#a ??= new https.Agent(); } set a(v) { this.#a = v; } }`,
  'IIFEs and callbacks': `(() => new https.Agent())(); (function () { return new Agent(); })(); [1].map(() => new https.Agent()); setTimeout(() => axios.get('x'));`,
  'shadowed imports': `export function f(https, axios, Agent) { return [new https.Agent(), axios.get('x'), new Agent()]; }`,
  'empty program': ``,
};

/** TypeScript-only syntax: @typescript-eslint/parser only. */
const typescript: Record<string, string> = {
  'export =': `import h = require('https'); function f() { return new h.Agent(); } export = f;`,
  'export = of a construction': `export = new https.Agent();`,
  namespaces: `namespace Outer { export namespace Inner { export function f() { return new https.Agent(); } } } declare namespace D { const x: number; }`,
  'declare module and global': `declare module 'x' { export const a: https.Agent; } declare global { var agent: https.Agent | undefined; }`,
  'type arguments on new and calls': `export function f() { axios.get<string>('x'); return new https.Agent<never>(); }`,
  'casts, satisfies, non-null': `export function f(o: unknown) { return [(new https.Agent() as unknown as object)!, new https.Agent()!, {} satisfies object, o as https.Agent]; }`,
  'enums and const enums': `enum E { A = 1 } const enum F { B = 2 } export function f() { return E.A + F.B; }`,
  'abstract classes, overloads, parameter properties': `abstract class B { abstract m(): void; f(a: string): void; f(a: unknown) { new https.Agent(); } } class S { constructor(private readonly agent = new https.Agent(), public p?: string) {} }`,
  'decorators with arguments': `function d(_o?: unknown) { return (_t: unknown, _c?: unknown) => {}; } @d(new https.Agent()) class C { @d(axios.create()) m() { return axios.get('x'); } }`,
  'accessor fields and using declarations': `class C { accessor x = new https.Agent(); } export function f() { using a = new Agent() as unknown as Disposable; return a; }`,
  'type-only imports and exports': `import type { Dispatcher } from 'undici'; export type { Dispatcher }; export function f(d: Dispatcher) { return d; }`,
  'type-level uses of catalog names': `type A = https.Agent; type K = keyof typeof https; let x: typeof Agent; interface I { a: InstanceType<typeof Agent>; }`,
  'definite assignment and optional members': `class C { a!: https.Agent; b?: https.Agent = new https.Agent(); m() { return this.b?.destroy(); } }`,
  'function types and generics': `export function f<T extends typeof https.Agent>(K: T) { return new K(); } export const g = <T,>(x: T) => new Agent();`,
};

/** `<T>x` is a cast in .ts and JSX in .tsx. */
const tsOnly: Record<string, string> = {
  'angle-bracket casts': `export function f(o: unknown) { const a = <https.Agent>o; return <typeof Agent>(<unknown>new Agent()); }`,
};

const tsxOnly: Record<string, string> = {
  JSX: `export function C({ url }: { url: string }) { return <div onClick={() => axios.get(url)}>{String(new Agent())}<Agent /></div>; }`,
};

const rules = { ...plugin.configs.recommended.rules };
const withOptions = Object.fromEntries(
  Object.keys(rules).map((rule) => [
    rule,
    ['error', { catalog: [{ module: 'acme-http', export: 'Thing' }, { module: 'acme-http', call: 'Thing', kind: 'agent' }], startupFunctions: ['/^init/'], nodeVersion: '>=18' }],
  ]),
);

type ParserName = 'typescript-eslint' | 'espree';

function lint(code: string, filename: string, parser: ParserName, ruleSettings: Linter.RulesRecord): Linter.LintMessage[] {
  // cwd '/': a file outside the Linter's cwd matches no configuration and is silently not linted.
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const languageOptions: Linter.LanguageOptions =
    parser === 'espree'
      ? { ecmaVersion: 'latest', sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module' }
      : { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } } };
  const config: Linter.Config[] = [
    // Explicit extensions: ESLint does not count a bare `**/*` as a match for .ts files.
    { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], languageOptions },
    { ...(plugin.configs.recommended as unknown as Linter.Config), rules: ruleSettings },
  ];
  return linter.verify(code, config, { filename });
}

function expectNoCrash(code: string, filename: string, parser: ParserName): void {
  for (const ruleSettings of [rules as Linter.RulesRecord, withOptions as Linter.RulesRecord]) {
    const messages = lint(code, filename, parser, ruleSettings);
    // A message without a rule (a parse error, "no matching configuration") would mean the shape
    // never reached the rules: the test would prove nothing.
    expect(messages.filter((message) => message.ruleId === null).map((message) => message.message)).toEqual([]);
  }
}

describe('the rules never throw, on any ESTree shape', () => {
  it.each(Object.entries(javascript))('JS, typescript-eslint parser: %s', (_name, body) => expectNoCrash(header + body, '/project/src/file.js', 'typescript-eslint'));
  it.each(Object.entries(javascript))('JS, espree: %s', (_name, body) => expectNoCrash(header + body, '/project/src/file.mjs', 'espree'));
  it.each(Object.entries({ ...typescript, ...tsOnly }))('TS: %s', (_name, body) => expectNoCrash(header + body, '/project/src/file.ts', 'typescript-eslint'));
  it.each(Object.entries({ ...tsxOnly, ...typescript }))('TSX: %s', (_name, body) => expectNoCrash(header + body, '/project/src/file.tsx', 'typescript-eslint'));

  it('still reports through the odd shapes (the rules ran)', () => {
    const code = `${header}export function f() { new https.Agent; axios.get('x'); }`;
    for (const parser of ['typescript-eslint', 'espree'] as const) {
      const messages = lint(code, '/project/src/file.js', parser, rules as Linter.RulesRecord);
      expect(messages.map((message) => message.ruleId)).toContain('reuse-clients/no-per-call-agent');
    }
  });

  it('a CommonJS script with `with` and octal escapes (sloppy mode) lints under espree', () => {
    const code = `var https = require('https');\nfunction f(o) { with (o) { return new https.Agent(); } }\nmodule.exports = f;\n`;
    expect(() => lint(code, '/project/src/legacy.cjs', 'espree', rules as Linter.RulesRecord)).not.toThrow();
  });
});
