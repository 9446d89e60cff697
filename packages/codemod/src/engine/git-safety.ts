import path from 'node:path';
import type { DiscoveredRoot, TargetFile } from './discover.js';
import { gitTopLevel, gitUncommittedFiles } from './git.js';

/** Raised before anything is written: rewriting a file with uncommitted changes could lose work. */
export class UncommittedChangesError extends Error {
  constructor(readonly files: string[]) {
    super(`${files.length} target file(s) have uncommitted changes`);
  }
}

/** Display paths of target files with uncommitted changes; empty outside git. */
export async function findUncommittedTargets(roots: DiscoveredRoot[], files: TargetFile[]): Promise<string[]> {
  const topLevels = new Set<string>();
  for (const root of roots) {
    const topLevel = await gitTopLevel(root.isDirectory ? root.path : path.dirname(root.path));
    if (topLevel !== null) topLevels.add(topLevel);
  }
  const dirty = new Set<string>();
  for (const topLevel of topLevels) {
    for (const file of await gitUncommittedFiles(topLevel)) dirty.add(file);
  }
  return files.filter((file) => dirty.has(file.path)).map((file) => file.displayPath);
}
