// A folder that cannot be listed does not end the run: it is reported as failed (exit 1) and the
// other files are processed. Tests run as root in CI, where permissions never deny a read, so the
// folder is made unlistable by depth instead: its absolute path is longer than PATH_MAX.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, read, removeProjects } from '../../packages/codemod/tests/support/cli.js';
import { REWRITTEN_MARK } from './support/hook-transform.mjs';
import { HOOK_TRANSFORM } from './support/paths.js';
import { runCliJson } from './support/run-cli.js';

const LEVEL = 'd'.repeat(250);
const LEVELS = 20; // 20 × 251 characters: past Linux's 4096-byte PATH_MAX

const deepProjects: string[] = [];
afterAll(() => {
  // rm walks the tree relative to each folder, so it can remove what Node's rmSync cannot reach.
  for (const project of deepProjects) spawnSync('rm', ['-rf', 'src/deep'], { cwd: project });
  removeProjects();
});

/** Creates `src/deep/<LEVEL>/…` one relative step at a time, which no absolute path can reach. */
function makeDeepFolder(project: string): void {
  const script = `cd src && mkdir deep && cd deep && for i in $(seq ${LEVELS}); do mkdir ${LEVEL} && cd ${LEVEL}; done && echo '// REWRITE' > too-deep.ts`;
  const result = spawnSync('bash', ['-c', script], { cwd: project, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot build the deep folder: ${result.stderr}`);
}

describe('a folder that cannot be listed', () => {
  it('is reported as failed with the reason, and the run goes on', () => {
    const project = makeProject({ 'src/a.ts': '// REWRITE\n', 'src/z.ts': '// REWRITE\n' });
    deepProjects.push(project);
    makeDeepFolder(project);
    const { run, summary } = runCliJson(project, [], { REUSE_CLIENTS_TRANSFORM: HOOK_TRANSFORM });
    expect(run.status).toBe(1);
    expect(summary.files).toEqual({ scanned: 3, changed: 2, skipped: 0, failed: 1 });
    const [failure] = summary.failures;
    expect(failure?.file).toMatch(/^src\/deep\/d+(\/d+)*$/);
    expect(failure?.message).toBe('cannot read directory (ENAMETOOLONG), skipped');
    expect(run.stderr).toContain(`failed ${failure?.file}: cannot read directory (ENAMETOOLONG), skipped\n`);
    for (const file of ['src/a.ts', 'src/z.ts']) expect(read(project, file)).toBe(`// REWRITE\n${REWRITTEN_MARK}`);
  });
});
