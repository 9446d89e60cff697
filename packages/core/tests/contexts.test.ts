// The context recognisers: test globs, test framework calls (through imports, requires and
// undeclared documented globals), React components and hooks, Next.js pages and data functions,
// and the filter that keeps only server code (and test code on request) in `findings`.
import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { createCatalog, globToRegExp, ModuleResolver, projectRelativePath, testCallOf, testGlobOf, walk, type Node } from '../src/index.js';
import { analyze, parse } from './parse.js';

describe('test file globs', () => {
  it.each([
    ['src/users.test.ts', '**/*.test.*'],
    ['src/users.spec.js', '**/*.spec.*'],
    ['test/app.e2e-spec.ts', '**/*.e2e-spec.*'],
    ['types/index.tst.ts', '**/*.tst.*'],
    ['cypress/e2e/login.cy.ts', '**/*.cy.*'],
    ['packages/api/test/helpers.js', '**/test/**'],
    ['tests/setup.ts', '**/tests/**'],
    ['src/__tests__/db.ts', '**/__tests__/**'],
    ['apps/web/e2e/pages/home.ts', '**/e2e/**'],
    ['src/__fixtures__/client.ts', '**/__fixtures__/**'],
    ['src/test-setup.ts', '**/test-setup.*'],
    ['src/setupTests.js', '**/setupTests.*'],
    ['jest.setup.ts', '**/jest.setup.*'],
    ['vitest.setup.mts', '**/vitest.setup.*'],
    ['playwright/global-setup.ts', '**/global-setup.*'],
  ])('%s matches %s', (file, glob) => {
    expect(testGlobOf(file)).toBe(glob);
  });

  it.each(['src/server.ts', 'src/testing-library.ts', 'src/contest/entry.ts', 'fixtures/demo-service/src/app.js', 'src/latest.ts', 'src/setup.ts', 'src/db-setup.ts'])('%s is not a test file', (file) => {
    expect(testGlobOf(file)).toBeUndefined();
  });

  it('translates globs the way minimatch reads them', () => {
    expect(globToRegExp('**/*.{test,spec}.ts').test('a/b/c.spec.ts')).toBe(true);
    expect(globToRegExp('**/*.test.*').test('a/btest.ts')).toBe(false);
    expect(globToRegExp('**/test/**').test('test/x.ts')).toBe(true);
    expect(globToRegExp('**/test/**').test('attest/x.ts')).toBe(false);
  });

  it('matches paths relative to the project root only', () => {
    expect(projectRelativePath({ filename: '/repo/test/a.ts', cwd: '/repo' })).toBe('test/a.ts');
    expect(projectRelativePath({ filename: '/home/test/repo/src/a.ts', cwd: '/home/test/repo' })).toBe('src/a.ts');
    expect(projectRelativePath({ filename: '/elsewhere/test/a.ts', cwd: '/repo' })).toBeUndefined();
    expect(projectRelativePath({ filename: '/repo/test/a.ts' })).toBeUndefined();
  });
});

/** The framework, API and role of every call in the file that is a test API call. */
function testCalls(code: string): string[] {
  const input = parse(code);
  const resolver = new ModuleResolver(input.scopeManager, createCatalog(), code);
  const found: string[] = [];
  walk(input.ast, (node: Node) => {
    if (node.type !== 'CallExpression') return;
    const call = testCallOf(node as TSESTree.CallExpression, resolver, input.scopeManager);
    if (call) found.push(`${call.framework} ${call.api} ${call.role}`);
  });
  return found;
}

describe('test framework calls', () => {
  it('resolves imports, requires and variants', () => {
    expect(testCalls(`import { describe as suite, beforeAll } from 'vitest'; suite.only('x', () => { beforeAll(() => {}); });`)).toEqual(['vitest describe suite', 'vitest beforeAll once']);
    expect(testCalls(`const { describe, beforeEach } = require('@jest/globals'); describe.each([[1]])('x', () => { beforeEach(() => {}); });`)).toEqual([
      'jest describe suite',
      'jest beforeEach per-test',
    ]);
    expect(testCalls(`import test from 'node:test'; test.describe('x', () => { test.before(() => {}); test('t', () => {}); });`)).toEqual([
      'node:test describe suite',
      'node:test before once',
      'node:test default export per-test',
    ]);
    expect(testCalls(`import { test } from '@playwright/test'; test.describe.serial('x', () => { test.beforeAll(() => {}); test.describe.configure({ mode: 'serial' }); });`)).toEqual([
      '@playwright/test test.describe suite',
      '@playwright/test test.beforeAll once',
    ]);
    expect(testCalls(`import test from 'ava'; test.serial.before(() => {}); test.after.always(() => {});`)).toEqual(['ava before once', 'ava after once']);
    expect(testCalls(`const t = require('tap'); t.teardown(() => {}); t.test('x', () => {});`)).toEqual(['tap teardown once', 'tap test per-test']);
  });

  it('takes documented globals only when the file does not declare the name', () => {
    expect(testCalls(`describe('x', () => { before(() => {}); context('y', () => {}); });`)).toEqual([
      'test framework global describe suite',
      'test framework global before once',
      'test framework global context suite',
    ]);
    expect(testCalls(`import { describe } from './router'; describe('x', () => {});`)).toEqual([]);
    expect(testCalls(`const before = (fn) => fn(); before(() => {});`)).toEqual([]);
    expect(testCalls(`function f(it) { it('x', () => {}); }`)).toEqual([]);
  });
});

function contexts(code: string, filename = '/repo/src/file.tsx', options: { lintTests?: boolean } = {}) {
  const analysis = analyze(code, { filename, cwd: '/repo', nodeTarget: '>=16', ...options }, { jsx: true });
  return {
    reported: analysis.findings.map((finding) => `${finding.node.loc.start.line} ${finding.context?.kind}`),
    silenced: analysis.silenced.map((finding) => `${finding.node.loc.start.line} ${finding.context?.kind}: ${finding.context?.reason}`),
  };
}

describe('code contexts', () => {
  it('silences test files and keeps them with lintTests', () => {
    const code = `import { Pool } from 'pg';\nexport const count = (url) => new Pool({ connectionString: url }).query('x');`;
    expect(contexts(code, '/repo/test/db.ts')).toEqual({ reported: [], silenced: ['2 test: test file (matches `**/test/**`)'] });
    expect(contexts(code, '/repo/test/db.ts', { lintTests: true })).toEqual({ reported: ['2 test'], silenced: [] });
    expect(contexts(code, '/repo/src/db.ts')).toEqual({ reported: ['2 server'], silenced: [] });
  });

  it('finds browser code by directive, component, hook and Next.js page', () => {
    const request = `import axios from 'axios';\n`;
    expect(contexts(`'use client';\n${request}export const save = (x) => axios.post('/api', x);`).silenced).toEqual(['3 browser: `"use client"` file']);
    expect(contexts(`${request}export function List({ id }) { const load = () => axios.get(id); return <ul onClick={load} />; }`).silenced).toEqual([
      '2 browser: inside React component `List`',
    ]);
    expect(contexts(`import { useEffect } from 'react';\n${request}export const useItems = (id) => useEffect(() => { axios.get(id); }, [id]);`).silenced).toEqual([
      '3 browser: inside React hook `useItems`',
    ]);
    expect(contexts(`${request}const Row = (p) => { axios.get(p.id); return null; };\nexport default () => <Row id="1" />;`).silenced).toEqual([
      '2 browser: inside React component `Row`',
    ]);
    expect(contexts(`${request}export default function Home() { return <a onClick={() => axios.get('/x')} />; }`, '/repo/pages/index.tsx').silenced).toEqual([
      '2 browser: inside React component `Home`',
    ]);
    expect(contexts(`${request}const go = () => axios.get('/x');\nexport default function Home() { return <a onClick={go} />; }`, '/repo/pages/index.tsx').silenced).toEqual([
      '2 browser: Next.js page (rendered in the browser)',
    ]);
  });

  it('keeps server code that looks like React', () => {
    const request = `import axios from 'axios';\n`;
    // a component in a file that imports a Node built-in renders on a server
    expect(contexts(`${request}import fs from 'node:fs';\nexport function Mail({ id }) { axios.get(id); return <p />; }`).reported).toEqual(['3 server']);
    // async components are React Server Components
    expect(contexts(`${request}export async function Page({ id }) { await axios.get(id); return <p />; }`).reported).toEqual(['2 server']);
    // pages/api is an API route, and getServerSideProps runs per request
    expect(contexts(`${request}export default async function handler(req) { await axios.get(req.url); }`, '/repo/pages/api/x.ts').reported).toEqual(['2 server']);
    expect(
      contexts(`${request}export async function getServerSideProps(c) { await axios.get(c.query.u); return { props: {} }; }\nexport default function P() { return <p />; }`, '/repo/pages/p.tsx').reported,
    ).toEqual(['2 server']);
  });

  it('finds build-time code by Next.js data functions in their router', () => {
    const code = `import { Pool } from 'pg';\nexport async function getStaticProps(c) { const pool = new Pool({ connectionString: c.db }); return { props: {} }; }`;
    expect(contexts(code, '/repo/pages/blog.tsx').silenced).toEqual(['2 build: Next.js `getStaticProps` (runs at build time (and on revalidation))']);
    // outside pages/ the name is nobody's data function
    expect(contexts(code, '/repo/src/blog.ts').reported).toEqual(['2 server']);
  });
});
