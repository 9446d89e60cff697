// A transform with a pre-check (`mayChange`, as the bundled one has): the engine runs it first, in
// the main thread, and transforms only the files it lets through — in the main thread when they
// are few, in worker threads when there is enough for them. Results never depend on which.
import { afterAll, describe, expect, it } from 'vitest';
import { IN_PROCESS_MAX_BYTES } from '../src/engine/run-files.js';
import { checksums, FAKE_TRANSFORM, makeProject, PRECHECKED_TRANSFORM, removeProjects, runCliJson } from './support/cli.js';

afterAll(removeProjects);

const AGENT = 'import { Agent } from "undici";\nexport const get = () => new Agent({});\n';
const PLAIN = 'export const one = 1;\n';
const prechecked = { REUSE_CLIENTS_TRANSFORM: PRECHECKED_TRANSFORM };

function mixedFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) {
    files[`src/f${String(i).padStart(2, '0')}.ts`] = i % 3 === 0 ? PLAIN : i % 7 === 0 ? 'SYNTAX_ERROR\n' : `${AGENT}// LEAVE_ME ${i}\n`;
  }
  files['src/binary.js'] = 'new Agent(\0)';
  return files;
}

/** Files that pass the pre-check and weigh, together, more than the main thread takes on. */
function heavyFiles(extra: Record<string, string>): Record<string, string> {
  const padding = `// ${'x'.repeat(64 * 1024)}\n`;
  const count = Math.ceil(IN_PROCESS_MAX_BYTES / padding.length) + 1;
  const files: Record<string, string> = { ...extra };
  for (let i = 0; i < count; i++) files[`src/heavy${i}.ts`] = `${AGENT}${padding}`;
  return files;
}

const threadOf = (summary: { sites: { left: { construct: string; reason: string }[] } }): string[] =>
  summary.sites.left.filter((site) => site.construct === 'WHICH_THREAD').map((site) => site.reason);

describe('a transform with a pre-check', () => {
  it.each(['1', '2'])('gives the results of a transform without one (--cpus %s), and never sees the files it rules out', (cpus) => {
    const withoutCheck = makeProject(mixedFiles());
    const withCheck = makeProject(mixedFiles());
    const expected = runCliJson(withoutCheck, ['--cpus', cpus], { REUSE_CLIENTS_TRANSFORM: FAKE_TRANSFORM });
    const actual = runCliJson(withCheck, ['--cpus', cpus], prechecked);
    expect(actual.run.status).toBe(1);
    expect(actual.summary).toEqual(expected.summary);
    expect(actual.run.stderr).toBe(expected.run.stderr);
    expect(checksums(withCheck)).toEqual(checksums(withoutCheck));
    expect(actual.summary.files).toEqual({ scanned: 31, changed: 17, skipped: 10, failed: 4 });
  });

  it('transforms a few files in the main thread, even with --cpus 2', () => {
    const { run, summary } = runCliJson(makeProject({ 'a.ts': AGENT, 'b.ts': '// WHICH_THREAD\n', 'c.ts': PLAIN }), ['--cpus', '2'], prechecked);
    expect(run.status).toBe(0);
    expect(threadOf(summary)).toEqual(['main thread']);
    expect(summary.files).toEqual({ scanned: 3, changed: 1, skipped: 2, failed: 0 });
  });

  it('hands the files to worker threads when there is enough to transform, and a crashing one fails its file only', () => {
    const project = makeProject(heavyFiles({ 'src/a.ts': '// WHICH_THREAD\n', 'src/exit.ts': '// EXIT_THREAD\n', 'src/plain.ts': PLAIN }));
    const { run, summary } = runCliJson(project, ['--cpus', '2'], prechecked);
    expect(run.status).toBe(1);
    expect(threadOf(summary)).toEqual(['worker thread']);
    expect(summary.failures).toEqual([{ file: 'src/exit.ts', message: 'the transform crashed: exit code 7' }]);
    expect(summary.files.failed).toBe(1);
    expect(summary.files.skipped).toBe(2);
  });

  it('keeps to the main thread with --cpus 1, however much there is', () => {
    const { run, summary } = runCliJson(makeProject(heavyFiles({ 'src/a.ts': '// WHICH_THREAD\n' })), ['--cpus', '1'], prechecked);
    expect(run.status).toBe(0);
    expect(threadOf(summary)).toEqual(['main thread']);
  });
});
