// Type-checked by `pnpm typecheck` (tsconfig.tests.json), never run: the plugin's public types are
// ESLint's own, so every way a user writes a config compiles without casts. A TS2322 here is the
// error an `eslint.config.ts` user would get.
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reuseClients from '../../packages/eslint-plugin/src/index.js';

export const withDefineConfig = defineConfig([
  { files: ['**/*.js'], plugins: { 'reuse-clients': reuseClients }, extends: ['reuse-clients/recommended'] },
  reuseClients.configs['recommended-type-checked'],
]);

export const asLinterConfigs: Linter.Config[] = [
  reuseClients.configs.recommended,
  { ...reuseClients.configs.recommended, files: ['src/**/*.ts'] },
  { plugins: { 'reuse-clients': reuseClients }, rules: { 'reuse-clients/no-per-call-client': ['error', { typeChecked: false }] } },
];

export const asPlugin: ESLint.Plugin = reuseClients;

export const withTypescriptEslint = tseslint.config(reuseClients.configs.recommended, {
  files: ['**/*.ts'],
  plugins: { 'reuse-clients': reuseClients },
});
