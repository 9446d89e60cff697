// Every fixture: the output is exactly the expected one, parses, and a second run changes nothing.
import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { transformFile } from '../../src/transform/index.js';
import { fixtureCases } from './fixtures.js';

const cases = fixtureCases();

describe('codemod fixtures', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const result = transformFile(fixture.input, { keyed: fixture.keyed, filePath: fixture.inputPath });
    const output = result.output ?? fixture.input;
    expect(output).toBe(fixture.output);

    // The output parses with the same parser settings the transform uses.
    const text = output.startsWith('\uFEFF') ? output.slice(1) : output;
    expect(() => parse(text, { jsx: !/\.[mc]?ts$/.test(fixture.inputPath), range: true })).not.toThrow();

    // Idempotent: the transform has nothing left to change in its own output.
    const again = transformFile(output, { keyed: fixture.keyed, filePath: fixture.inputPath });
    expect(again.output).toBeNull();
    expect(again.hoisted).toEqual([]);

    // Every left site has a reason; the expected ones are pinned when the case lists them.
    for (const site of result.left) expect(site.reason).toMatch(/\S/);
    if (fixture.left) {
      expect(result.left.map(({ line, rule, reason }) => ({ line, rule, reason }))).toEqual(fixture.left);
    }
  });
});
