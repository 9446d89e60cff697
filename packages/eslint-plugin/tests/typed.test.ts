// The `recommended-type-checked` mode: names imported from the project's own modules are resolved
// through type information to the package export they stand for.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import noPerCallAgent from '../src/rules/no-per-call-agent.js';
import preferAxiosInstance from '../src/rules/prefer-axios-instance.js';
import { testable } from './rules/testers.js';

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/typed');
const filename = path.join(fixtureDir, 'file.ts');

const typed = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixtureDir } },
});
const untyped = new RuleTester();

// The fixture project lives under tests/, a test folder by the test globs: lint it as server code.
const typeChecked = [{ typeChecked: true, nodeVersion: '>=16', lintTests: true }] as const;
const untypedOptions = [{ nodeVersion: '>=16', lintTests: true }] as const;

typed.run('prefer-axios-instance (type-checked)', testable(preferAxiosInstance), {
  valid: [
    { filename, options: typeChecked, code: `import { http } from './http-client.js';\nconst shared = http.create();` },
    { filename, options: typeChecked, code: `import { mutableHttp } from './local-agent.js';\nexport function f() { return (mutableHttp as any).get('x'); }` },
  ],
  invalid: [
    {
      filename,
      options: typeChecked,
      code: `import { http } from './http-client.js';\nexport async function getUser() { return http.get('/user'); }`,
      errors: [{ messageId: 'defaultPerCall', line: 2, column: 42 }],
    },
    {
      filename,
      options: typeChecked,
      code: `import { api } from './barrel.js';\nexport async function getUser() { return api.post('/user', {}); }`,
      errors: [{ messageId: 'defaultPerCall', line: 2, column: 42 }],
    },
  ],
});

typed.run('no-per-call-agent (type-checked)', testable(noPerCallAgent), {
  valid: [
    { filename, options: typeChecked, code: `import { Agent } from './local-agent.js';\nexport function f() { const a = new Agent(); a.name; }` },
    { filename, options: typeChecked, code: `import { SecureAgent } from './http-client.js';\nconst shared = new SecureAgent({ keepAlive: true });\nexport function f() { return shared; }` },
  ],
  invalid: [
    {
      filename,
      options: typeChecked,
      code: `import { SecureAgent } from './barrel.js';\nexport function f() { const a = new SecureAgent(); a.maxSockets = 1; }`,
      errors: [{ messageId: 'perCall', line: 2, column: 33, suggestions: [{ messageId: 'hoistToModule', output: `import { SecureAgent } from './barrel.js';\nconst httpsAgent = new SecureAgent();\nexport function f() { const a = httpsAgent; a.maxSockets = 1; }` }] }],
    },
    {
      filename,
      options: typeChecked,
      code: `import { UpstreamPool } from './http-client.js';\nexport function f(origin: string) { const p = new UpstreamPool(origin); p.stats; }`,
      errors: [{ messageId: 'perCall', line: 2, column: 47 }],
    },
  ],
});

// Without type information the same code is not reported: the rules never guess from names.
untyped.run('no-per-call-agent (untyped, same code)', testable(noPerCallAgent), {
  valid: [{ options: untypedOptions, code: `import { SecureAgent } from './barrel.js';\nexport function f() { const a = new SecureAgent(); a.maxSockets = 1; }` }],
  invalid: [],
});

describe('recommended-type-checked config', () => {
  it('enables every rule with typeChecked, under the plugin namespace', () => {
    const config = plugin.configs['recommended-type-checked'];
    expect(config.plugins?.['reuse-clients']).toBe(plugin);
    expect(Object.values(config.rules ?? {})).toEqual(Object.keys(plugin.rules).map(() => ['error', { typeChecked: true }]));
  });

  it('fails loudly when type information is missing', async () => {
    const { Linter } = await import('eslint');
    const linter = new Linter();
    const eslintPlugin = plugin as unknown as import('eslint').ESLint.Plugin;
    const run = () =>
      linter.verify(`import { http } from './x';`, [{ files: ['**/*.ts'], plugins: { 'reuse-clients': eslintPlugin }, rules: { 'reuse-clients/prefer-axios-instance': ['error', { typeChecked: true }] } }], { filename: 'x.ts' });
    expect(run).toThrow(/type information|parserOptions/);
  });
});
