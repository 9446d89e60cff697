import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { STALE_TEMP_FILE } from './atomic-write.js';
import { gitVisibleFiles } from './git.js';
import { displayPath } from './paths.js';

const SOURCE_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
// Dependencies and build output: never ours to rewrite, and often huge.
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git']);

export interface TargetFile {
  /** Absolute real path: what is read and written. */
  path: string;
  /** Relative to the working directory, as reached from the root the user gave. */
  displayPath: string;
}

export interface DiscoveredRoot {
  /** Absolute real path of a file or folder the user named. */
  path: string;
  isDirectory: boolean;
}

/** A folder that could not be listed (permissions, or removed meanwhile): its files are unknown. */
export interface UnreadableDirectory {
  displayPath: string;
  reason: string;
}

export interface Discovery {
  roots: DiscoveredRoot[];
  files: TargetFile[];
  unreadable: UnreadableDirectory[];
  /** Absolute paths of temp files an interrupted run left behind (see atomic-write.ts). */
  staleTempFiles: string[];
}

interface Walk {
  files: TargetFile[];
  unreadable: UnreadableDirectory[];
  staleTempFiles: string[];
}

export interface DiscoveryOptions {
  cwd: string;
  /** Globs matched against display paths; a glob without `/` matches a base name at any depth. */
  ignore: string[];
}

export class MissingPathError extends Error {
  constructor(readonly given: string) {
    super(`no such file or directory: ${given}`);
  }
}

export function isSourceFile(fileName: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(fileName)) && !DECLARATION_FILE.test(fileName);
}

export async function discoverFiles(givenRoots: string[], options: DiscoveryOptions): Promise<Discovery> {
  const isIgnored = ignoreMatcher(options.ignore);
  const roots: DiscoveredRoot[] = [];
  // Keyed by real path, so overlapping roots yield each file once (and it is written once).
  const files = new Map<string, TargetFile>();
  const unreadable: UnreadableDirectory[] = [];
  const staleTempFiles = new Set<string>();

  for (const given of givenRoots) {
    const givenPath = path.resolve(options.cwd, given);
    // A root itself may be a symlink: the user named it, so it is resolved; nothing inside is.
    const realRoot = await realpath(givenPath).catch(() => {
      throw new MissingPathError(given);
    });
    const isDirectory = (await stat(realRoot)).isDirectory();
    roots.push({ path: realRoot, isDirectory });

    if (!isDirectory) {
      const shown = displayPath(options.cwd, givenPath);
      if (isSourceFile(realRoot) && !isIgnored(shown)) files.set(realRoot, { path: realRoot, displayPath: shown });
      continue;
    }
    const walk = await walkDirectory(givenPath, realRoot, options.cwd, isIgnored);
    for (const file of walk.files) {
      if (!files.has(file.path)) files.set(file.path, file);
    }
    unreadable.push(...walk.unreadable);
    for (const temp of walk.staleTempFiles) staleTempFiles.add(temp);
  }

  const sorted = [...files.values()].sort((a, b) => compare(a.displayPath, b.displayPath));
  return { roots, files: sorted, unreadable, staleTempFiles: [...staleTempFiles].sort(compare) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** gitignore-like: a glob without `/` matches a name at any depth, one with `/` the whole path. */
function ignoreMatcher(givenGlobs: string[]): (shownPath: string) => boolean {
  const globs = givenGlobs.map((glob) => glob.replace(/^\.\//, '')); // display paths have no ./
  const nameGlobs = globs.filter((glob) => !glob.includes('/'));
  const pathGlobs = globs.filter((glob) => glob.includes('/'));
  // picomatch's `basename` applies to every glob of a list, so the two kinds get their own matcher.
  const matchers = [
    ...(nameGlobs.length > 0 ? [picomatch(nameGlobs, { dot: true, basename: true })] : []),
    ...(pathGlobs.length > 0 ? [picomatch(pathGlobs, { dot: true })] : []),
  ];
  return (shownPath) => matchers.some((matches) => matches(shownPath));
}

/** Folders listed at once: the walk waits on the file system, not on the CPU. */
const CONCURRENT_LISTINGS = 16;

async function walkDirectory(
  givenRoot: string,
  realRoot: string,
  cwd: string,
  isIgnored: (shownPath: string) => boolean,
): Promise<Walk> {
  // git lists its files while the walk lists folders; its answer filters the walk's files.
  const gitVisible = gitVisibleFiles(realRoot);
  const walk: Walk = { files: [], unreadable: [], staleTempFiles: [] };
  const pending = [''];

  const visit = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(realRoot, relative), { withFileTypes: true });
    } catch (error) {
      // One unreadable folder must not end the run: it is reported as failed, the walk goes on.
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      walk.unreadable.push({ displayPath: displayPath(cwd, path.join(givenRoot, relative)), reason: `cannot read directory (${code}), skipped` });
      return;
    }
    for (const entry of entries) {
      const entryRelative = path.join(relative, entry.name);
      const shown = displayPath(cwd, path.join(givenRoot, entryRelative));
      // Symlinks are never followed: that keeps every read and write inside the root, and a
      // symlink loop cannot make the walk run forever. A link target inside the root is found
      // through its real path anyway.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !isIgnored(shown)) pending.push(entryRelative);
      } else if (entry.isFile() && STALE_TEMP_FILE.test(entry.name)) {
        walk.staleTempFiles.push(path.join(realRoot, entryRelative));
      } else if (entry.isFile() && isSourceFile(entry.name) && !isIgnored(shown)) {
        walk.files.push({ path: path.join(realRoot, entryRelative), displayPath: shown });
      }
    }
  };

  // Several folders at a time; each listing adds the folders it finds to `pending`.
  await new Promise<void>((resolve, reject) => {
    let active = 0;
    const pump = (): void => {
      while (active < CONCURRENT_LISTINGS && pending.length > 0) {
        active++;
        visit(pending.pop() as string).then(() => {
          active--;
          if (active === 0 && pending.length === 0) resolve();
          else pump();
        }, reject);
      }
    };
    pump();
  });
  // The order of listings varies from run to run; what is reported does not.
  walk.unreadable.sort((a, b) => compare(a.displayPath, b.displayPath));

  const visible = await gitVisible;
  if (visible !== null) walk.files = walk.files.filter((file) => visible.has(file.path));
  return walk;
}
