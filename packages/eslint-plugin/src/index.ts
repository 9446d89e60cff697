// eslint-plugin-reuse-clients. The entry has a single default export (eslint-doc-generator and
// ESLint both read `rules` and `configs` from it).
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import noInlineDispatcher from './rules/no-inline-dispatcher.js';
import noPerCallAgent from './rules/no-per-call-agent.js';
import noPerCallClient from './rules/no-per-call-client.js';
import preferAxiosInstance from './rules/prefer-axios-instance.js';
import requireKeepAlive from './rules/require-keep-alive.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const rules = {
  'no-per-call-agent': noPerCallAgent,
  'no-per-call-client': noPerCallClient,
  'no-inline-dispatcher': noInlineDispatcher,
  'prefer-axios-instance': preferAxiosInstance,
  'require-keep-alive': requireKeepAlive,
} satisfies Record<string, TSESLint.RuleModule<string, unknown[]>>;

interface Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config; 'recommended-type-checked': TSESLint.FlatConfig.Config };
}

const plugin: Plugin = {
  meta: { name, version, namespace: 'reuse-clients' },
  rules,
  configs: {} as Plugin['configs'],
};

// The recommended config registers the plugin itself, so `extends: ['reuse-clients/recommended']`
// and spreading `plugin.configs.recommended` both work.
plugin.configs.recommended = {
  name: 'reuse-clients/recommended',
  plugins: { 'reuse-clients': plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries(Object.keys(rules).map((rule) => [`reuse-clients/${rule}`, 'error'])),
};

// Same rules, resolving names across modules through type information. Needs typed linting
// (`languageOptions.parserOptions.projectService`); without it ESLint reports a clear error.
plugin.configs['recommended-type-checked'] = {
  name: 'reuse-clients/recommended-type-checked',
  plugins: { 'reuse-clients': plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries(Object.keys(rules).map((rule) => [`reuse-clients/${rule}`, ['error', { typeChecked: true }]])),
};

export default plugin;
