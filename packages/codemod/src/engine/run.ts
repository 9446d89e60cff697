import { unlink } from 'node:fs/promises';
import { discoverFiles } from './discover.js';
import { gitStateOf, OutsideGitError, UncommittedChangesError } from './git-safety.js';
import type { FileOutcome } from './process-file.js';
import { runFiles } from './run-files.js';
import { displayPath } from './paths.js';
import { summarize, type RunSummary } from './summary.js';
import { DEFAULT_FILE_TIMEOUT_SECONDS } from './time-limit.js';

export interface RunOptions {
  cwd: string;
  paths: string[];
  dry: boolean;
  force: boolean;
  keyed: boolean;
  cpus: number;
  ignore: string[];
  /**
   * How long the transform may take on one file, in milliseconds (default 60 s; 0: no limit). A
   * file that takes longer is reported as failed and left as it was; the run goes on.
   */
  fileTimeoutMs?: number;
  /** Path of a module exporting `transformFile`. */
  transformModule: string;
  /**
   * What other files say about each file (the project pass), computed once from the target files
   * and handed to the transform; omitted, each file is judged alone.
   */
  projectContext?: (files: string[]) => Promise<unknown>;
  /** Called once the files are known, before any is processed. */
  onStart?: (fileCount: number) => void;
  onFileDone?: () => void;
}

export interface RunResult {
  outcomes: FileOutcome[];
  summary: RunSummary;
  /** Display paths of temp files an interrupted earlier run had left, removed by this one. */
  removedTempFiles: string[];
}

/**
 * Discovers the files, checks it is safe to rewrite them, transforms them. Throws
 * MissingPathError, OutsideGitError, UncommittedChangesError or TransformLoadError before writing anything;
 * per-file problems end up in the outcomes instead.
 */
export async function runCodemod(options: RunOptions): Promise<RunResult> {
  const { roots, files, unreadable, staleTempFiles } = await discoverFiles(options.paths, { cwd: options.cwd, ignore: options.ignore });
  // A dry run writes nothing, so it can never lose uncommitted work.
  if (!options.dry && !options.force) {
    const { uncommitted, outsideGit } = await gitStateOf(roots, files, (root) => (root === options.cwd ? '.' : displayPath(options.cwd, root)));
    if (outsideGit.length > 0) throw new OutsideGitError(outsideGit);
    if (uncommitted.length > 0) throw new UncommittedChangesError(uncommitted);
  }
  const removedTempFiles = options.dry ? [] : await removeStaleTempFiles(options.cwd, staleTempFiles);
  const projectData = options.projectContext ? await options.projectContext(files.map((file) => file.path)) : undefined;
  options.onStart?.(files.length);
  const outcomes = await runFiles(
    files,
    {
      transformModule: options.transformModule,
      cpus: options.cpus,
      dry: options.dry,
      keyed: options.keyed,
      timeLimitMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_SECONDS * 1000,
      projectData,
    },
    () => options.onFileDone?.(),
  );
  // A folder that could not be listed may hold files that needed a fix: the run did not finish.
  for (const directory of unreadable) {
    outcomes.push({ file: directory.displayPath, status: 'failed', hoisted: [], left: [], failure: directory.reason });
  }
  return { outcomes, summary: summarize(outcomes), removedTempFiles };
}

async function removeStaleTempFiles(cwd: string, tempFiles: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const tempFile of tempFiles) {
    if (await unlink(tempFile).then(() => true, () => false)) removed.push(displayPath(cwd, tempFile));
  }
  return removed;
}
