// Runs the built CLI like a user would, with a time limit that suits the case (a 5 MB file takes
// seconds on a loaded machine), and compares files line by line, terminators included.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { CLI, withForceOutsideGit, type CliRun, type Summary } from '../../../packages/codemod/tests/support/cli.js';

export function runCli(cwd: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): CliRun {
  // The projects live in the temp folder, outside git, where a fix writes only with --force.
  const result = spawnSync(process.execPath, [CLI, ...withForceOutsideGit(cwd, args)], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir(), NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runCliJson(cwd: string, args: string[], env: Record<string, string>, timeoutMs?: number): { run: CliRun; summary: Summary } {
  const run = runCli(cwd, ['--json', ...args], env, timeoutMs);
  return { run, summary: JSON.parse(run.stdout) as Summary };
}

/** Lines with their terminators (`\r\n`, `\n`, or none for the last one). */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The lines of `before` that a rewrite had no business touching (all but `touched`, 1-based),
 * which are missing from `after` in their original order and bytes.
 */
export function missingUntouchedLines(before: string, after: string, touched: number[]): string[] {
  const afterLines = linesOf(after);
  const missing: string[] = [];
  let cursor = 0;
  linesOf(before).forEach((line, index) => {
    if (touched.includes(index + 1)) return;
    const found = afterLines.indexOf(line, cursor);
    if (found === -1) missing.push(line);
    else cursor = found + 1;
  });
  return missing;
}

// The parser the transform uses (a dependency of the codemod package, not of the root).
const { parse } = createRequire(new URL('../../../packages/codemod/package.json', import.meta.url))(
  '@typescript-eslint/typescript-estree',
) as { parse: (code: string, options: { jsx: boolean }) => unknown };

/** Throws when `source` does not parse the way the transform would parse a file named `fileName`. */
export function assertParses(source: string, fileName: string): void {
  parse(source.replace(/^\uFEFF/, ''), { jsx: !/\.[mc]?ts$/.test(fileName) });
}
