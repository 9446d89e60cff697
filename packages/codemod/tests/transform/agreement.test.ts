// The codemod and the ESLint rules share one detector: for every fixture input, the sites the five
// rules report are exactly the sites the transform hoisted or left, and linting the output reports
// only the left ones (by rule and construct; lines may shift).
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../eslint-plugin/src/index.js';
import { transformFile } from '../../src/transform/index.js';
import { FIXTURES_DIR, fixtureCases, type FixtureCase } from './fixtures.js';

const linter = new Linter({ cwd: FIXTURES_DIR });

function lint(code: string, fixture: FixtureCase): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    {
      files: ['**/*.*'],
      languageOptions: {
        parser: tsParser,
        sourceType: fixture.ext === 'cjs' ? 'commonjs' : 'module',
        parserOptions: { ecmaFeatures: { jsx: !/^[mc]?ts$/.test(fixture.ext) } },
      },
      plugins: { 'reuse-clients': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: Object.fromEntries(Object.keys(plugin.rules).map((rule) => [`reuse-clients/${rule}`, 'error'])),
    },
  ];
  const messages = linter.verify(code, config, { filename: fixture.inputPath });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${fixture.name}: ${fatal.message}`);
  // Only our rules: a fixture may carry directives for rules this config does not load.
  return messages.filter((message) => message.ruleId?.startsWith('reuse-clients/'));
}

const key = (line: number, column: number, rule: string) => `${line}:${column}:${rule}`;

describe('lint/codemod agreement', () => {
  it.each(fixtureCases().map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const before = lint(fixture.input, fixture).map((message) => key(message.line, message.column, message.ruleId!.replace('reuse-clients/', '')));
    const result = transformFile(fixture.input, { keyed: fixture.keyed, filePath: fixture.inputPath });
    const outcomes = [...result.hoisted, ...result.left].map((site) => key(site.line, site.column, site.rule));
    expect(outcomes.sort()).toEqual(before.sort());

    const after = lint(result.output ?? fixture.input, fixture).map((message) => ({ rule: message.ruleId!.replace('reuse-clients/', ''), message: message.message }));
    const unmatched = [...after];
    for (const site of result.left) {
      const index = unmatched.findIndex((message) => message.rule === site.rule && message.message.includes(`\`${site.construct}`));
      expect(index, `left ${site.rule} ${site.construct} is still reported`).not.toBe(-1);
      unmatched.splice(index, 1);
    }
    expect(unmatched).toEqual([]);
  });
});
