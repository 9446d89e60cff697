import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs git in `cwd`; null when git fails, which includes "not a git repository" and "git not installed". */
async function git(cwd: string, args: string[]): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch {
    return null;
  }
}

function nulSeparated(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}

export async function gitTopLevel(directory: string): Promise<string | null> {
  const output = await git(directory, ['rev-parse', '--show-toplevel']);
  return output === null ? null : output.trim();
}

/**
 * Absolute paths of the files git would show under `directory` (tracked, or untracked and not
 * ignored), or null outside a git work tree. This is how .gitignore, .git/info/exclude and the
 * global excludes file are honoured without reimplementing their rules.
 */
export async function gitVisibleFiles(directory: string): Promise<Set<string> | null> {
  const output = await git(directory, ['ls-files', '--cached', '--others', '--exclude-standard', '-z']);
  if (output === null) return null;
  return new Set(nulSeparated(output).map((entry) => path.join(directory, entry)));
}

/** Absolute paths of files with staged, unstaged or untracked (not ignored) changes in the repository. */
export async function gitUncommittedFiles(topLevel: string): Promise<Set<string>> {
  const output = await git(topLevel, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  const dirty = new Set<string>();
  if (output === null) return dirty;
  const entries = nulSeparated(output);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    const status = entry.slice(0, 2);
    dirty.add(path.join(topLevel, entry.slice(3)));
    // A rename or copy is followed by its source path in a separate entry: dirty as well.
    if (status.includes('R') || status.includes('C')) {
      const source = entries[++i];
      if (source !== undefined) dirty.add(path.join(topLevel, source));
    }
  }
  return dirty;
}
