import { existsSync } from 'node:fs';
import path from 'node:path';
import { MissingPathError } from '../engine/discover.js';
import { OutsideGitError, UncommittedChangesError } from '../engine/git-safety.js';
import { resolveTransformModule, TRANSFORM_MODULE_ENV, TransformLoadError } from '../engine/load-transform.js';
import { runCodemod } from '../engine/run.js';
import { parseCliArgs, UsageError, type CliArgs } from './args.js';
import { paletteFor, type OutputStream } from './color.js';
import { createProgress, type Progress } from './progress.js';
import { renderDiff, renderSummary, renderUncommitted } from './render.js';
import { USAGE, USAGE_HINT } from './usage.js';
import { OptionsFileError, ruleOptionsLookup, type FileRuleOptions, type OptionsSource } from '../options/rule-options.js';
import type { ProjectCatalogData } from '../project/catalog-data.js';
import { packageVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FILE_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
}

const COMMAND_LIKE = /^[a-z][a-z-]*$/;

/** Runs the CLI and returns the exit status; never calls process.exit, so output is flushed. */
export async function main(
  argv: string[],
  { cwd, env, stdout, stderr }: CliEnvironment = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const fail = (message: string, hint = ''): number => {
    stderr.write(`reuse-clients: ${message}\n${hint}`);
    return EXIT_USAGE;
  };

  // `report` has its own options (--format) and exit statuses, and never writes. Loaded on demand:
  // it brings ts-morph and TypeScript, which the fix command does not need.
  if (argv[0] === 'report') {
    const { runReportCommand } = await import('../report/command.js');
    return runReportCommand(argv.slice(1), { cwd, env, stdout, stderr });
  }

  // `trace` runs a program; its exit status is the program's.
  if (argv[0] === 'trace') {
    const { runTraceCommand } = await import('./trace.js');
    return runTraceCommand(argv.slice(1), { cwd, env, stdout, stderr });
  }

  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
    // `reuse-clients reprot` must not quietly become "transform nothing at path reprot".
    const first = args.paths[0] ?? '.';
    if (argv.includes(first) && COMMAND_LIKE.test(first) && !existsSync(path.resolve(cwd, first))) {
      throw new UsageError(`"${first}" is neither a command nor an existing path`);
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, `${USAGE_HINT}\n`);
    throw error;
  }
  if (args.help) {
    stdout.write(USAGE);
    return EXIT_OK;
  }
  if (args.version) {
    stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }

  // Loaded on demand, as the project pass is: reading options may load the project's ESLint.
  const { resolveRuleOptions } = await import('../options/resolve.js');
  let optionsSource: OptionsSource | undefined;
  const transformData = async (files: string[]): Promise<unknown> => {
    const options = await resolveRuleOptions({ cwd, configFile: args.config, files, searchFrom: path.resolve(cwd, args.paths[0] ?? '.') });
    optionsSource = options.data.source;
    if (options.warning) stderr.write(`warning: ${options.warning}\n`);
    const project = args.project ? await projectContext(cwd, args.paths, files, args.fileTimeoutMs, stderr, ruleOptionsLookup(options.data)) : undefined;
    return { options: options.data, ...(project ? { project } : {}) };
  };

  let progress: Progress = createProgress(stderr, 0);
  let result;
  try {
    result = await runCodemod({
      cwd,
      paths: args.paths,
      dry: args.dry,
      force: args.force,
      keyed: args.keyed,
      cpus: args.cpus,
      fileTimeoutMs: args.fileTimeoutMs,
      ignore: args.ignore,
      transformModule: resolveTransformModule(cwd, env),
      // A test transform (the env override) cannot use what the project pass finds, nor options.
      ...(!env[TRANSFORM_MODULE_ENV] ? { projectContext: transformData } : {}),
      onStart: (fileCount) => (progress = createProgress(stderr, fileCount)),
      onFileDone: () => progress.tick(),
    });
  } catch (error) {
    if (error instanceof MissingPathError) return fail(error.message, `${USAGE_HINT}\n`);
    if (error instanceof UncommittedChangesError) return fail(`refusing to run.\n${renderUncommitted(error.files)}\n`);
    if (error instanceof OutsideGitError) return fail(`refusing to run: ${error.message}, so nothing could show or undo the rewrite.\nSee the changes first with --dry, or write them anyway with --force.\n`);
    if (error instanceof TransformLoadError) return fail(`${error.message}\n`);
    if (error instanceof OptionsFileError) return fail(`${error.message}\n`);
    return fail(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  } finally {
    progress.finish();
  }

  const { outcomes, removedTempFiles } = result;
  const summary = optionsSource ? { ...result.summary, options: optionsSource } : result.summary;
  const out = paletteFor(stdout, env);
  const err = paletteFor(stderr, env);
  for (const file of removedTempFiles) stderr.write(`removed ${file}, a temp file left by an interrupted run\n`);
  for (const failure of summary.failures) stderr.write(`${err.red('failed')} ${failure.file}: ${failure.message}\n`);
  if (args.json) {
    // A dry run's JSON carries what it would change, as the text output does.
    const diffs = outcomes.flatMap((outcome) => (outcome.diff ? [{ file: outcome.file, patch: outcome.diff.patch }] : []));
    stdout.write(`${JSON.stringify(args.dry ? { ...summary, diffs } : summary, null, 2)}\n`);
  } else {
    for (const outcome of outcomes) if (outcome.diff) stdout.write(renderDiff(outcome.diff, out));
    stdout.write(renderSummary(summary, args.dry, out));
  }
  return summary.files.failed > 0 ? EXIT_FILE_FAILED : EXIT_OK;
}

/**
 * The project pass over the target files, for the transform: factories and client classes imported
 * from other files, and global axios configuration anywhere. If it fails (a broken tsconfig, say),
 * the run goes on judging each file alone, and says so.
 */
async function projectContext(cwd: string, paths: string[], files: string[], fileTimeoutMs: number, stderr: OutputStream, optionsFor: (file: string) => FileRuleOptions): Promise<ProjectCatalogData | undefined> {
  try {
    const { projectPassWorthRunning } = await import('../project/worth-running.js');
    // A file over the time limit is left out of the pass (once tried); the fix run reports it.
    const timedOut = new Set<string>();
    if (!projectPassWorthRunning(files, { fileTimeoutMs, timedOut, optionsFor })) return undefined;
    const { buildProjectCatalog } = await import('../project/index.js');
    return buildProjectCatalog({ searchFrom: path.resolve(cwd, paths[0] ?? '.'), files, fileTimeoutMs, skip: timedOut, optionsFor }).data;
  } catch (error) {
    stderr.write(`warning: the project pass failed (${(error as Error).message}); each file is judged alone, so cross-file sites are not fixed\n`);
    return undefined;
  }
}
