// The repository lints itself: typescript-eslint on all sources, eslint-plugin-eslint-plugin on
// rule files and rule tests. Fixtures are inputs, not code of ours: they are full of the very
// patterns our rules report, so they are ignored here and linted by their own tests.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'fixtures/**', 'scripts/install-test/service/**', '**/tests/fixtures/**', 'coverage/**', 'docs/**/*.svg'],
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
      // RuleCreator injects `meta.docs.url` and reports go through the shared `reportFindings`, so
      // these two cannot see what the rules do; tests/meta.test.ts checks the URLs, and RuleTester
      // fails any rule that suggests without `hasSuggestions`.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-has-suggestions': 'off',
      'eslint-plugin/require-meta-schema': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
    },
  },
  {
    files: ['packages/eslint-plugin/tests/rules/**/*.ts'],
    ...eslintPlugin.configs['tests-recommended'],
  },
);
