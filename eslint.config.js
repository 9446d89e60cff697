// The repository lints itself: typescript-eslint on all sources, eslint-plugin-eslint-plugin on
// rule files and rule tests. Fixtures are inputs, not code of ours: they are full of the very
// patterns our rules report, so they are ignored here and linted by their own tests.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'fixtures/**', 'coverage/**', 'docs/**/*.svg'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/eslint-plugin/src/rules/**/*.ts'],
    ...eslintPlugin.configs['rules-recommended'],
    rules: {
      ...eslintPlugin.configs['rules-recommended'].rules,
      'eslint-plugin/require-meta-docs-url': 'error',
      'eslint-plugin/require-meta-schema': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
    },
  },
  {
    files: ['packages/eslint-plugin/tests/rules/**/*.ts'],
    ...eslintPlugin.configs['tests-recommended'],
  },
);
