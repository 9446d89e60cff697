// The flat config a user of the plugin writes: their ignores, JSX on, typescript-eslint's parser
// for TypeScript files (no type information), and `recommended` spread as the README shows it.
// Nothing else: no rule options, no `files` on our config. Whatever `recommended` itself carries
// (rules, ignores, settings) applies exactly as it would for them.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { IGNORE_GLOBS } from './list-files.mjs';

const workspaceRoot = path.resolve(import.meta.dirname, '../..');
const plugin = (await import(pathToFileURL(path.join(workspaceRoot, 'packages/eslint-plugin/dist/index.js')).href)).default;

/** @returns {import('eslint').Linter.Config[]} */
export function userConfig() {
  return [
    { name: 'user/ignores', ignores: IGNORE_GLOBS },
    {
      name: 'user/javascript',
      files: ['**/*.{js,mjs,cjs,jsx}'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: 'user/typescript',
      // The parser picks JSX from the extension for these (.tsx only): `<T>x` stays a cast in .ts.
      files: ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: { parser: tsParser },
    },
    // A repository's own `/* eslint-disable */` comments name rules of plugins not loaded here.
    { name: 'user/inline-config', linterOptions: { reportUnusedDisableDirectives: 'off' } },
    plugin.configs.recommended,
  ];
}
