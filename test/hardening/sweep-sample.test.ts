// The robustness sweep (scripts/sweep, `pnpm sweep`) on a fixed sample that CI can afford: the same
// checks on 150 real files from the workspace's node_modules, chosen by a hash of their path
// relative to the workspace (the same files on every machine with the same lockfile). Needs a build.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSource, type FileCheck } from '../../scripts/sweep/check-file.mjs';
import { listSourceFiles, workspaceModuleRoots } from '../../scripts/sweep/list-files.mjs';
import { aggregate, isClean } from '../../scripts/sweep/summary.mjs';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE_SIZE = 150;
// Big bundles are covered by the full sweep; the sample stays quick.
const MAX_SAMPLE_BYTES = 150 * 1024;

function sample(): string[] {
  const hash = (file: string): string => createHash('sha256').update(path.relative(workspaceRoot, file)).digest('hex');
  return listSourceFiles(workspaceModuleRoots(workspaceRoot))
    .filter((file) => statSync(file).size <= MAX_SAMPLE_BYTES)
    .map((file) => ({ file, key: hash(file) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, SAMPLE_SIZE)
    .map(({ file }) => file);
}

describe('robustness sweep sample', () => {
  it('lints and transforms 150 real files: no crash, every changed output parses and is idempotent', () => {
    const files = sample();
    expect(files).toHaveLength(SAMPLE_SIZE);
    const results: FileCheck[] = files.map((file) => checkSource(readFileSync(file, 'utf8'), file));
    const summary = aggregate(results);

    expect(summary.lint.crashes).toEqual([]);
    expect(summary.seeded.lintCrashes).toEqual([]);
    for (const part of [summary.codemod, summary.keyed, summary.seeded]) {
      expect(part.crashes).toEqual([]);
      expect(part.unparsable).toEqual([]);
      expect(part.nonIdempotent).toEqual([]);
    }
    expect(isClean(summary)).toBe(true);
    // The checks had something to check: the rules ran and the seeded files were really rewritten.
    expect(summary.seeded.files).toBeGreaterThan(SAMPLE_SIZE / 2);
    expect(summary.seeded.lintReports).toBeGreaterThan(0);
    expect(summary.seeded.changed).toBeGreaterThan(SAMPLE_SIZE / 2);
  }, 120_000);
});
