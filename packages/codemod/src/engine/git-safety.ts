import path from 'node:path';
import type { DiscoveredRoot, TargetFile } from './discover.js';
import { gitTopLevel, gitUncommittedFiles } from './git.js';

/** Raised before anything is written: rewriting a file with uncommitted changes could lose work. */
export class UncommittedChangesError extends Error {
  constructor(readonly files: string[]) {
    super(`${files.length} target file(s) have uncommitted changes`);
  }
}

/**
 * Raised before anything is written: outside git nothing can show or undo what the run changed,
 * so the user says so with --force (or looks first with --dry).
 */
export class OutsideGitError extends Error {
  constructor(readonly paths: string[]) {
    super(`${paths.join(', ')} ${paths.length === 1 ? 'is' : 'are'} not inside a git repository`);
  }
}

export interface GitState {
  /** Display paths of target files with uncommitted changes. */
  uncommitted: string[];
  /** Display paths of the roots the user named that no git work tree holds. */
  outsideGit: string[];
}

/** What git knows about the roots and their target files. */
export async function gitStateOf(roots: DiscoveredRoot[], files: TargetFile[], shown: (file: string) => string): Promise<GitState> {
  const topLevels = new Set<string>();
  const outsideGit: string[] = [];
  for (const root of roots) {
    const topLevel = await gitTopLevel(root.isDirectory ? root.path : path.dirname(root.path));
    if (topLevel === null) outsideGit.push(shown(root.path));
    else topLevels.add(topLevel);
  }
  const dirty = new Set<string>();
  for (const topLevel of topLevels) {
    for (const file of await gitUncommittedFiles(topLevel)) dirty.add(file);
  }
  return { uncommitted: files.filter((file) => dirty.has(file.path)).map((file) => file.displayPath), outsideGit };
}
