// Helpers for tests that run the built CLI as a child process on throwaway projects.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/reuse-clients.js', import.meta.url));
export const FAKE_TRANSFORM = fileURLToPath(new URL('./fake-transform.mjs', import.meta.url));
export const NO_EXPORT_TRANSFORM = fileURLToPath(new URL('./no-export-transform.mjs', import.meta.url));
export const PRECHECKED_TRANSFORM = fileURLToPath(new URL('./prechecked-transform.mjs', import.meta.url));

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  // Keep the developer's own git configuration (hooks, signing, excludes) out of the tests.
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI on a test project. Outside git a fix refuses to write without --force (cli-git tests
 * that); tests about anything else write as a user outside git must, with --force added here.
 */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}): CliRun {
  return runCliExactly(cwd, withForceOutsideGit(cwd, args), env);
}

/** The arguments with `--force` added when the run would write to a project outside git. */
export function withForceOutsideGit(cwd: string, args: string[]): string[] {
  const command = args.find((arg) => !arg.startsWith('-'));
  const writesOutsideGit = !['report', 'trace'].includes(command ?? '') && !args.some((arg) => ['--dry', '--force', '--help', '-h', '--version'].includes(arg)) && !insideGit(cwd);
  return writesOutsideGit ? ['--force', ...args] : args;
}

function insideGit(directory: string): boolean {
  for (let current = directory; current.startsWith(tmpdir()) && current !== tmpdir(); current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return true;
  }
  return false;
}

/** Runs the CLI with exactly these arguments. */
export function runCliExactly(cwd: string, args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    // A hang (a followed symlink loop, say) fails the test instead of blocking it.
    timeout: 30_000,
    env: {
      ...process.env,
      ...GIT_IDENTITY,
      // Projects live in the temp folder: a repository above it must not make them "inside git".
      GIT_CEILING_DIRECTORIES: tmpdir(),
      REUSE_CLIENTS_TRANSFORM: FAKE_TRANSFORM,
      NO_COLOR: '1',
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runCliJson(cwd: string, args: string[], env: Record<string, string> = {}): { run: CliRun; summary: Summary } {
  const run = runCli(cwd, ['--json', ...args], env);
  return { run, summary: JSON.parse(run.stdout) as Summary };
}

export interface Summary {
  files: { scanned: number; changed: number; skipped: number; failed: number };
  sites: { hoisted: number; left: { file: string; line: number; column: number; rule: string; construct: string; reason: string }[] };
  failures: { file: string; message: string }[];
}

const temporaryDirectories: string[] = [];

/** A fresh directory holding `files` (relative path → content). */
export function makeProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'reuse-clients-cli-'));
  temporaryDirectories.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

export function removeProjects(): void {
  for (const directory of temporaryDirectories.splice(0)) {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_IDENTITY },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Makes `root` a git repository with everything in it committed. */
export function commitAll(root: string): void {
  git(root, ['init', '-q']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'initial']);
}

/** Relative path → sha256 of every file under `root`, symlinks recorded as their target, .git left out. */
export function checksums(root: string): Record<string, string> {
  const sums: Record<string, string> = {};
  const visit = (directory: string): void => {
    for (const name of readdirSync(directory)) {
      const full = path.join(directory, name);
      const relative = path.relative(root, full);
      const info = lstatSync(full);
      if (info.isSymbolicLink()) sums[relative] = `link ${info.mode}`;
      else if (info.isDirectory()) {
        if (name !== '.git') visit(full);
      } else sums[relative] = `${info.mode} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
    }
  };
  visit(root);
  return sums;
}

export function read(root: string, relative: string): string {
  return readFileSync(path.join(root, relative), 'utf8');
}

export const HOIST_MARK = '// hoisted by fake transform';
