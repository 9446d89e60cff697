// eslint-plugin-reuse-clients. ESLint and eslint-doc-generator read `rules` and `configs` from the
// default export; the same object is exported as 'module.exports' so that `require()` of this ES
// module (Node ≥ 20.19) returns the plugin itself rather than a namespace with a `default` key.
// The public types are ESLint's own (`ESLint.Plugin`, `Linter.Config`), so the plugin fits
// `defineConfig` from `eslint/config` and `Linter.Config[]` without typescript-eslint's types.
import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import { TEST_FILE_GLOBS } from '@reuse-clients/core';
import noInlineDispatcher from './rules/no-inline-dispatcher.js';
import noPerCallAgent from './rules/no-per-call-agent.js';
import noPerCallClient from './rules/no-per-call-client.js';
import preferAxiosInstance from './rules/prefer-axios-instance.js';
import requireKeepAlive from './rules/require-keep-alive.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export type RuleName = 'no-per-call-agent' | 'no-per-call-client' | 'no-inline-dispatcher' | 'prefer-axios-instance' | 'require-keep-alive';

const ruleModules: Record<RuleName, object> = {
  'no-per-call-agent': noPerCallAgent,
  'no-per-call-client': noPerCallClient,
  'no-inline-dispatcher': noInlineDispatcher,
  'prefer-axios-instance': preferAxiosInstance,
  'require-keep-alive': requireKeepAlive,
};

export interface ReuseClientsPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: 'reuse-clients' };
  rules: Record<RuleName, Rule.RuleModule & { meta: Rule.RuleMetaData }>;
  configs: { recommended: Linter.Config; 'recommended-type-checked': Linter.Config };
}

const plugin: ReuseClientsPlugin = {
  meta: { name, version, namespace: 'reuse-clients' },
  // typescript-eslint's rule types and ESLint's describe the same objects but are not assignable
  // (e.g. its RuleContext has stricter members); the rules are plain ESLint rules at run time.
  rules: ruleModules as unknown as ReuseClientsPlugin['rules'],
  configs: {} as ReuseClientsPlugin['configs'],
};

const allRules = (setting: Linter.RuleEntry): Linter.RulesRecord =>
  Object.fromEntries(Object.keys(ruleModules).map((rule) => [`reuse-clients/${rule}`, setting]));

// The configs register the plugin themselves, so `extends: ['reuse-clients/recommended']` and
// spreading `plugin.configs.recommended` both work. `ignores` next to `rules` scopes this config
// object only (alone it would ignore the files for every config): test files are not linted by
// these rules unless a config object of the user's own turns `lintTests` on (docs/contexts.md).
plugin.configs.recommended = {
  name: 'reuse-clients/recommended',
  plugins: { 'reuse-clients': plugin },
  ignores: [...TEST_FILE_GLOBS],
  rules: allRules('error'),
};

// Same rules, resolving names across modules through type information. Needs typed linting
// (`languageOptions.parserOptions.projectService`); without it each rule reports a clear error.
plugin.configs['recommended-type-checked'] = {
  name: 'reuse-clients/recommended-type-checked',
  plugins: { 'reuse-clients': plugin },
  ignores: [...TEST_FILE_GLOBS],
  rules: allRules(['error', { typeChecked: true }]),
};

export default plugin;
export { plugin as 'module.exports' };
