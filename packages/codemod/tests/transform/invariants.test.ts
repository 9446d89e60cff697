// File-level guarantees that do not need a fixture pair: parse errors throw, untouched files stay
// untouched, and the bytes around the rewritten sites (BOM, CRLF, shebang) are preserved.
import { parse } from '@typescript-eslint/typescript-estree';
import { analyzeFile, nodeTargetFor } from '@reuse-clients/core';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/transform/parse.js';
import { transformFile } from '../../src/transform/index.js';
import { fixtureCases } from './fixtures.js';

describe('transform invariants', () => {
  it('throws on a file that does not parse and may hold a catalog site', () => {
    expect(() => transformFile("import https from 'node:https';\nconst = ;", { keyed: false, filePath: '/tmp/broken.ts' })).toThrow();
  });

  it('skips, before any parse, a file that names nothing in the catalog (the pre-filter)', () => {
    expect(transformFile('const = ;', { keyed: false, filePath: '/tmp/broken.ts' })).toEqual({ output: null, hoisted: [], left: [] });
  });

  it('returns null for a file without catalog sites', () => {
    const result = transformFile('export const answer = 42;\n', { keyed: false, filePath: '/tmp/plain.ts' });
    expect(result).toEqual({ output: null, hoisted: [], left: [] });
  });

  it.each(fixtureCases().map((fixture) => [fixture.name, fixture] as const))('%s: untouched code and comments keep their bytes', (_name, fixture) => {
    const { input, output } = fixture;
    expect(output.startsWith('\uFEFF')).toBe(input.startsWith('\uFEFF'));
    if (input.includes('\r\n')) expect(/(?:^|[^\r])\n/.test(output)).toBe(false);
    if (input.startsWith('#!')) expect(output.split('\n')[0]).toBe(input.split('\n')[0]);

    // Every comment survives, byte for byte.
    const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
    const { comments = [] } = parse(text, { comment: true, jsx: !/\.[mc]?ts$/.test(fixture.inputPath) });
    for (const comment of comments) expect(output).toContain(text.slice(comment.range[0], comment.range[1]));

    // A line of the input that is gone from the output was part of a rewrite (judged against the
    // fixture's Node target, as the transform does): a construction, a
    // closing call, or the try/finally around it. Everything else is still there (maybe re-indented).
    const outputLines = new Set(output.split(/\r?\n/).map((line) => line.trim()));
    const parsed = parseFile(input, fixture.inputPath);
    const findingLines = new Set(
      analyzeFile({ ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text }, { nodeTarget: nodeTargetFor(fixture.inputPath) }).findings.flatMap(({ node }) =>
        Array.from({ length: node.loc.end.line - node.loc.start.line + 1 }, (_, index) => node.loc.start.line + index),
      ),
    );
    // (`Agent(`: keep-alive settings merged into a factory's agent once its call is hoisted; a local
    // `const` computed from `process.env` moves into the shared copy when nothing else reads it; a
    // `.connect()` chain moves into the cached connection, with a `.catch(…)` after it.)
    const rewritten = /Agent\(|try \{|finally \{|^\}$|\{\}$|\.(?:close|destroy|end|disconnect|\$disconnect|quit)\(|^import |^const \w+ = .*process\.env\.|^\.connect\(\);$/;
    const lost = input
      .split(/\r?\n/)
      .filter((line, index) => !outputLines.has(line.trim()) && !findingLines.has(index + 1) && !rewritten.test(line.trim()));
    expect(lost).toEqual([]);

    // keepalive-facts.md misconception 1: never written as an idle timeout.
    if (!input.includes('keepAliveMsecs')) expect(output).not.toContain('keepAliveMsecs');
  });
});
