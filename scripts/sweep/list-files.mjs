// Every JS/TS source file installed under the workspace's node_modules folders: code no one here
// wrote, which is the point of the sweep. pnpm links packages into `node_modules/.pnpm`, so the
// walk follows symlinks but records real paths, visiting each real directory once (no loops, no
// file counted twice). Workspace packages linked into node_modules (`@reuse-clients/core` →
// packages/core) are our own code, tested elsewhere: only real paths inside a node_modules count.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(?:js|mjs|cjs|ts|tsx)$/;
const INSIDE_NODE_MODULES = `${path.sep}node_modules${path.sep}`;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Larger files are generated bundles (typescript.js is 9 MB): slow to lint, nothing to learn. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** `node_modules` of the workspace root and of each of its packages. */
export function workspaceModuleRoots(workspaceRoot) {
  const roots = [path.join(workspaceRoot, 'node_modules')];
  const packagesDir = path.join(workspaceRoot, 'packages');
  for (const name of safeReaddir(packagesDir)) roots.push(path.join(packagesDir, name.name, 'node_modules'));
  return roots.filter((root) => isDirectory(root));
}

/** Sorted, deduplicated real paths of the source files under `roots`. */
export function listSourceFiles(roots) {
  const files = new Set();
  const visited = new Set();
  const pending = [...roots];
  while (pending.length > 0) {
    const directory = realpathOrNull(pending.pop());
    if (directory === null || visited.has(directory)) continue;
    visited.add(directory);
    for (const entry of safeReaddir(directory)) {
      const full = path.join(directory, entry.name);
      const real = entry.isSymbolicLink() ? realpathOrNull(full) : full;
      if (real === null || !real.includes(INSIDE_NODE_MODULES)) continue; // dangling, or ours
      const info = entry.isSymbolicLink() ? statOrNull(real) : null;
      const isDir = info ? info.isDirectory() : entry.isDirectory();
      const isFile = info ? info.isFile() : entry.isFile();
      if (isDir) pending.push(real);
      else if (isFile && SOURCE.test(real) && !DECLARATION.test(real) && (statOrNull(real)?.size ?? Infinity) <= MAX_FILE_BYTES) {
        files.add(real);
      }
    }
  }
  return [...files].sort();
}

function safeReaddir(directory) {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

function realpathOrNull(file) {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

function statOrNull(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function isDirectory(file) {
  return statOrNull(file)?.isDirectory() ?? false;
}
