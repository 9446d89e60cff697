// No file is ever left half-written: the CLI is SIGKILLed half-way through a few hundred files
// and every file is then byte-identical to its old or its new content. A temp file caught between
// write and rename may stay behind (nothing can clean up after SIGKILL); it is never taken for a
// source file, and the next run removes it, says so, and finishes the job.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, makeProject, removeProjects } from '../../packages/codemod/tests/support/cli.js';
import { REWRITTEN_MARK } from './support/hook-transform.mjs';
import { HOOK_TRANSFORM } from './support/paths.js';
import { runCliJson } from './support/run-cli.js';

afterAll(removeProjects);

const FILE_COUNT = 300;
// Large enough that a write takes a moment (so a kill may land inside one), small enough to be quick.
const BODY = `export const data = '${'x'.repeat(64 * 1024)}';\n`;
const names = Array.from({ length: FILE_COUNT }, (_, i) => `src/f${String(i).padStart(3, '0')}.ts`);
const oldContent = (name: string): string => `// REWRITE SLOW_MS=15 ${name}\n${BODY}`;
const TEMP_FILE = /\.reuse-clients-[0-9a-f]{12}\.tmp$/;

function changedCount(project: string): number {
  const oldSize = Buffer.byteLength(oldContent(names[0] as string));
  return names.filter((name) => statSync(path.join(project, name)).size !== oldSize).length;
}

/** Starts the CLI and SIGKILLs it once `threshold` files have been rewritten. */
function killAfter(project: string, threshold: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--force', '--cpus', '2'], {
      cwd: project,
      env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir(), NO_COLOR: '1', REUSE_CLIENTS_TRANSFORM: HOOK_TRANSFORM },
      stdio: 'ignore',
    });
    const poll = setInterval(() => {
      if (changedCount(project) >= threshold) child.kill('SIGKILL');
    }, 5);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve(signal);
    });
  });
}

describe('a run killed half-way', () => {
  it('leaves every file either old or new, and the next run cleans up and finishes', async () => {
    const project = makeProject(Object.fromEntries(names.map((name) => [name, oldContent(name)])));
    expect(await killAfter(project, 40)).toBe('SIGKILL');

    let rewritten = 0;
    for (const name of names) {
      const content = readFileSync(path.join(project, name), 'utf8');
      if (content === `${oldContent(name)}${REWRITTEN_MARK}`) rewritten++;
      else expect(content, name).toBe(oldContent(name));
    }
    // Killed half-way indeed: some files were written, some were not.
    expect(rewritten).toBeGreaterThanOrEqual(40);
    expect(rewritten).toBeLessThan(FILE_COUNT);
    const leftovers = readdirSync(path.join(project, 'src')).filter((entry) => !names.includes(`src/${entry}`));
    for (const entry of leftovers) expect(entry).toMatch(TEMP_FILE);

    // The next run: no temp file taken for a source file, every leftover removed, all files new.
    const { run, summary } = runCliJson(project, ['--cpus', '2'], { REUSE_CLIENTS_TRANSFORM: HOOK_TRANSFORM }, 120_000);
    expect(run.status).toBe(0);
    expect(summary.files).toEqual({ scanned: FILE_COUNT, changed: FILE_COUNT - rewritten, skipped: rewritten, failed: 0 });
    for (const entry of leftovers) expect(run.stderr).toContain(`removed src/${entry}, a temp file left by an interrupted run\n`);
    expect(readdirSync(path.join(project, 'src')).sort()).toEqual(names.map((name) => name.slice(4)));
    for (const name of names) expect(readFileSync(path.join(project, name), 'utf8')).toBe(`${oldContent(name)}${REWRITTEN_MARK}`);
  });

  it('removes a temp file an interrupted run left, only with our name, and not in a dry run', () => {
    const stale = 'src/a.ts.reuse-clients-0123456789ab.tmp';
    const project = makeProject({ 'src/a.ts': '// REWRITE\n', [stale]: '// half-writ', 'src/notes.ts.tmp': 'mine\n' });
    const dry = runCliJson(project, ['--dry'], { REUSE_CLIENTS_TRANSFORM: HOOK_TRANSFORM });
    expect(dry.run.stderr).toBe('');
    expect(existsSync(path.join(project, stale))).toBe(true);

    const { run, summary } = runCliJson(project, [], { REUSE_CLIENTS_TRANSFORM: HOOK_TRANSFORM });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`removed ${stale}, a temp file left by an interrupted run\n`);
    expect(summary.files).toEqual({ scanned: 1, changed: 1, skipped: 0, failed: 0 });
    expect(readdirSync(path.join(project, 'src')).sort()).toEqual(['a.ts', 'notes.ts.tmp']);
  });
});
