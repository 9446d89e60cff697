// --file-timeout: a file whose transform takes longer than the limit is reported as failed, keeps
// every byte, and the run goes on with the other files (exit status 1, as for any failed file).
// The fake transform loops forever on `HANG`; the limit is 1 s. Nothing here times anything.
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, FAKE_TRANSFORM, HOIST_MARK, makeProject, PRECHECKED_TRANSFORM, read, removeProjects, runCli, runCliJson } from './support/cli.js';

afterAll(removeProjects);

const AGENT = 'import { Agent } from "undici";\nexport const get = () => new Agent({});\n';
const HANG = `// HANG\n${AGENT}`;
const PLAIN = 'export const one = 1;\n';
const TIMED_OUT = 'took longer than 1 s; left as it was';

const transforms = { 'without a pre-check': FAKE_TRANSFORM, 'with a pre-check': PRECHECKED_TRANSFORM };
const cases = Object.entries(transforms).flatMap(([name, transform]) => ['1', '2'].map((cpus) => [name, cpus, transform] as const));

describe('--file-timeout', () => {
  it.each(cases)('fails the file that takes too long and transforms the others (transform %s, --cpus %s)', (_name, cpus, transform) => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.ts': HANG, 'src/c.ts': AGENT, 'src/d.ts': AGENT, 'src/e.ts': PLAIN });
    const before = checksums(project);
    const { run, summary } = runCliJson(project, ['--file-timeout', '1', '--cpus', cpus], { REUSE_CLIENTS_TRANSFORM: transform });
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'src/b.ts', message: TIMED_OUT }]);
    expect(run.stderr).toBe(`failed src/b.ts: ${TIMED_OUT}\n`);
    expect(summary.files).toEqual({ scanned: 5, changed: 3, skipped: 1, failed: 1 });
    expect(checksums(project)['src/b.ts']).toBe(before['src/b.ts']);
    for (const file of ['src/a.ts', 'src/c.ts', 'src/d.ts']) expect(read(project, file)).toContain(HOIST_MARK);
    expect(read(project, 'src/e.ts')).toBe(PLAIN);
  });

  it('replaces each worker thread stopped at the limit', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`src/f${String(i).padStart(2, '0')}.ts`] = i % 4 === 1 ? HANG : AGENT;
    const { run, summary } = runCliJson(makeProject(files), ['--file-timeout', '1', '--cpus', '2'], { REUSE_CLIENTS_TRANSFORM: FAKE_TRANSFORM });
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual(['src/f01.ts', 'src/f05.ts', 'src/f09.ts'].map((file) => ({ file, message: TIMED_OUT })));
    expect(summary.files).toEqual({ scanned: 12, changed: 9, skipped: 0, failed: 3 });
  });

  it('hands the files after one that ran out of time in the main thread to a fresh worker thread', () => {
    const project = makeProject({ 'src/a.ts': '// WHICH_THREAD\n', 'src/b.ts': HANG, 'src/c.ts': '// WHICH_THREAD\n' });
    const { run, summary } = runCliJson(project, ['--file-timeout', '1', '--cpus', '1'], { REUSE_CLIENTS_TRANSFORM: PRECHECKED_TRANSFORM });
    expect(run.status).toBe(1);
    expect(summary.sites.left.map((site) => `${site.file}: ${site.reason}`)).toEqual(['src/a.ts: main thread', 'src/c.ts: worker thread']);
    expect(summary.failures).toEqual([{ file: 'src/b.ts', message: TIMED_OUT }]);
  });

  it('--dry: no diff for the file that ran out of time, and nothing written', () => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.ts': HANG });
    const before = checksums(project);
    const run = runCli(project, ['--dry', '--file-timeout', '1']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('--- a/src/a.ts\n+++ b/src/a.ts\n');
    expect(run.stdout).not.toContain('src/b.ts');
    expect(run.stdout).toMatch(/files to change\s+1\nfiles unchanged\s+0\nfiles failed\s+1\n/);
    expect(run.stderr).toBe(`failed src/b.ts: ${TIMED_OUT}\n`);
    expect(checksums(project)).toEqual(before);
  });

  it('takes fractions of a second and says the limit as given', () => {
    const { run, summary } = runCliJson(makeProject({ 'a.ts': HANG }), ['--file-timeout', '0.5']);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'a.ts', message: 'took longer than 0.5 s; left as it was' }]);
  });
});
