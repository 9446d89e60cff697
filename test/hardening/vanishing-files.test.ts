// Files that disappear while the codemod runs: found by discovery and gone before their turn, or
// deleted between read and write. Each is one clear failure; the deleted file is never recreated.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, read, removeProjects } from '../../packages/codemod/tests/support/cli.js';
import { REWRITTEN_MARK } from './support/hook-transform.mjs';
import { HOOK_TRANSFORM } from './support/paths.js';
import { runCliJson } from './support/run-cli.js';

afterAll(removeProjects);

const hook = { REUSE_CLIENTS_TRANSFORM: HOOK_TRANSFORM };

describe('files that disappear mid-run', () => {
  it('a file deleted after discovery and before it is read fails with a message; the others go on', () => {
    // --cpus 1: files go in sorted order, so a.ts runs (and deletes b.ts) before b.ts is read.
    const project = makeProject({ 'src/a.ts': '// DELETE_SIBLING=b.ts\n', 'src/b.ts': '// REWRITE\n', 'src/c.ts': '// REWRITE\n' });
    const { run, summary } = runCliJson(project, ['--cpus', '1'], hook);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'src/b.ts', message: 'file was deleted before it could be read, skipped' }]);
    expect(run.stderr).toBe('failed src/b.ts: file was deleted before it could be read, skipped\n');
    expect(existsSync(path.join(project, 'src/b.ts'))).toBe(false);
    expect(read(project, 'src/c.ts')).toBe(`// REWRITE\n${REWRITTEN_MARK}`);
  });

  it('a file deleted while it is transformed is not written back (nor recreated) and leaves no temp file', () => {
    const project = makeProject({ 'src/a.ts': '// DELETE_SELF\n', 'src/b.ts': '// REWRITE\n' });
    const { run, summary } = runCliJson(project, ['--cpus', '1'], hook);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'src/a.ts', message: 'file was deleted while being transformed, not written' }]);
    expect(readdirSync(path.join(project, 'src'))).toEqual(['b.ts']);
    expect(read(project, 'src/b.ts')).toBe(`// REWRITE\n${REWRITTEN_MARK}`);
  });

  it('the same with worker threads', () => {
    const project = makeProject({ 'src/a.ts': '// DELETE_SELF\n', 'src/b.ts': '// REWRITE\n', 'src/c.ts': '// REWRITE\n' });
    const { run, summary } = runCliJson(project, ['--cpus', '2'], hook);
    expect(run.status).toBe(1);
    expect(summary.files).toEqual({ scanned: 3, changed: 2, skipped: 0, failed: 1 });
    expect(summary.failures).toEqual([{ file: 'src/a.ts', message: 'file was deleted while being transformed, not written' }]);
  });
});
