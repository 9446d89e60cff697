import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, commitAll, HOIST_MARK, makeProject, read, removeProjects, runCliJson } from './support/cli.js';

afterAll(removeProjects);

const AGENT = 'export const get = () => new Agent({});\n';

describe('reuse-clients and symlinks', () => {
  it('does not follow a symlinked folder or file out of the root', () => {
    const outside = makeProject({ 'lib/x.ts': AGENT, 'y.ts': AGENT });
    const project = makeProject({ 'src/a.ts': AGENT });
    symlinkSync(path.join(outside, 'lib'), path.join(project, 'src/linked-lib'), 'dir');
    symlinkSync(path.join(outside, 'y.ts'), path.join(project, 'src/linked.ts'), 'file');
    const before = checksums(outside);
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(0);
    expect(summary.files).toEqual({ scanned: 1, changed: 1, skipped: 0, failed: 0 });
    expect(checksums(outside)).toEqual(before);
  });

  it('does not hang on a symlink loop', () => {
    const project = makeProject({ 'src/a.ts': AGENT });
    symlinkSync('..', path.join(project, 'src/up'), 'dir');
    symlinkSync('loop-b', path.join(project, 'src/loop-a.ts'));
    symlinkSync('loop-a.ts', path.join(project, 'src/loop-b'));
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(0);
    expect(summary.files.scanned).toBe(1);
  });

  it('does not follow symlinks inside a git repository either', () => {
    const outside = makeProject({ 'x.ts': AGENT });
    const project = makeProject({ 'src/a.ts': AGENT });
    symlinkSync(outside, path.join(project, 'src/outside'), 'dir');
    commitAll(project);
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(0);
    expect(summary.files.scanned).toBe(1);
    expect(read(outside, 'x.ts')).toBe(AGENT);
  });

  it('follows a root that is itself a symlink: the user named it', () => {
    const real = makeProject({ 'a.ts': AGENT });
    const project = makeProject({});
    symlinkSync(real, path.join(project, 'linked-root'), 'dir');
    const { run, summary } = runCliJson(project, ['linked-root']);
    expect(run.status).toBe(0);
    expect(summary.files.changed).toBe(1);
    expect(read(real, 'a.ts')).toContain(HOIST_MARK);
  });
});
