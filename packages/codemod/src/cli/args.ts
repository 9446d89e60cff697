import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_FILE_TIMEOUT_SECONDS, MAX_FILE_TIMEOUT_SECONDS } from '../engine/time-limit.js';

export class UsageError extends Error {}

export interface CliArgs {
  help: boolean;
  version: boolean;
  /** The first positional when it is not `fix`: a path, or a mistyped command (checked later). */
  paths: string[];
  dry: boolean;
  json: boolean;
  force: boolean;
  keyed: boolean;
  cpus: number;
  /** Per-file time limit of the transform, in milliseconds; 0: none. */
  fileTimeoutMs: number;
  ignore: string[];
  /** Run the project pass (cross-file factories, global axios configuration); `--no-project` turns it off. */
  project: boolean;
  /** `--config <file>`: a JSON file of the rules' options, instead of the project's ESLint config. */
  config: string | undefined;
}

export function defaultCpus(): number {
  // Leave a core for the main thread and the rest of the machine, as jscodeshift does.
  return Math.max(1, availableParallelism() - 1);
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dry: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        keyed: { type: 'boolean', default: false },
        'no-project': { type: 'boolean', default: false },
        cpus: { type: 'string' },
        'file-timeout': { type: 'string' },
        config: { type: 'string' },
        ignore: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const paths = positionals[0] === 'fix' ? positionals.slice(1) : positionals;
  return {
    help: values.help,
    version: values.version,
    paths: paths.length > 0 ? paths : ['.'],
    dry: values.dry,
    json: values.json,
    force: values.force,
    keyed: values.keyed,
    cpus: values.cpus === undefined ? defaultCpus() : parseCpus(values.cpus),
    fileTimeoutMs: values['file-timeout'] === undefined ? DEFAULT_FILE_TIMEOUT_SECONDS * 1000 : parseTimeoutMs(values['file-timeout']),
    ignore: values.ignore,
    project: !values['no-project'],
    config: values.config,
  };
}

function parseCpus(value: string): number {
  const cpus = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(cpus >= 1)) throw new UsageError(`--cpus expects a whole number of at least 1, got "${value}"`);
  return cpus;
}

/** Seconds (decimals allowed) to whole milliseconds; a positive value stays positive. */
function parseTimeoutMs(value: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds >= 0 && seconds <= MAX_FILE_TIMEOUT_SECONDS)) {
    throw new UsageError(`--file-timeout expects a number of seconds from 0 (no limit) to ${MAX_FILE_TIMEOUT_SECONDS}, got "${value}"`);
  }
  return seconds === 0 ? 0 : Math.max(1, Math.round(seconds * 1000));
}
