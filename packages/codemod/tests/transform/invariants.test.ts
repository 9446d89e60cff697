// File-level guarantees that do not need a fixture pair: parse errors throw, untouched files stay
// untouched, and the bytes around the rewritten sites (BOM, CRLF, shebang) are preserved.
import { describe, expect, it } from 'vitest';
import { transformFile } from '../../src/transform/index.js';
import { fixtureCases } from './fixtures.js';

describe('transform invariants', () => {
  it('throws on a file that does not parse', () => {
    expect(() => transformFile('const = ;', { keyed: false, filePath: '/tmp/broken.ts' })).toThrow();
  });

  it('returns null for a file without catalog sites', () => {
    const result = transformFile('export const answer = 42;\n', { keyed: false, filePath: '/tmp/plain.ts' });
    expect(result).toEqual({ output: null, hoisted: [], left: [] });
  });

  it.each(fixtureCases().map((fixture) => [fixture.name, fixture] as const))('%s keeps every untouched line byte-for-byte', (_name, fixture) => {
    const output = fixture.output;
    // Lines of the input that the transform did not touch all appear in order in the output.
    const inputLines = fixture.input.split('\n');
    const outputLines = output.split('\n');
    let cursor = 0;
    let kept = 0;
    for (const line of inputLines) {
      const found = outputLines.indexOf(line, cursor);
      if (found !== -1) {
        cursor = found + 1;
        kept += 1;
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(output.startsWith('\uFEFF')).toBe(fixture.input.startsWith('\uFEFF'));
    expect(output.includes('\r\n')).toBe(fixture.input.includes('\r\n'));
    if (fixture.input.includes('\r\n')) expect(/(^|[^\r])\n/.test(output)).toBe(false);
    if (fixture.input.startsWith('#!')) expect(output.split('\n')[0]).toBe(fixture.input.split('\n')[0]);
    expect(output).not.toMatch(/keepAliveMsecs/.test(fixture.input) ? /$^/ : /keepAliveMsecs/);
  });
});
