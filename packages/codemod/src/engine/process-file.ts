import type { FileResult, FileTransform, SiteOutcome, TransformOptions } from './contract.js';
import { writeFileAtomically } from './atomic-write.js';
import type { TargetFile } from './discover.js';
import { describeError, FileFailure } from './failure.js';
import { diffFile, type FileDiff } from './file-diff.js';
import { readSourceFile } from './source-file.js';
import { callWithTimeLimit, TimeLimitExceeded } from './time-limit.js';

export interface ProcessSettings {
  /** Compute a diff instead of writing. */
  dry: boolean;
  keyed: boolean;
  /** How long the transform may take on one file, in milliseconds; 0: no limit. */
  timeLimitMs: number;
}

/** Plain data, so it crosses worker boundaries unchanged. */
export interface FileOutcome {
  file: string;
  status: 'changed' | 'unchanged' | 'failed';
  hoisted: SiteOutcome[];
  left: SiteOutcome[];
  /** Sites silenced with `eslint-disable` comments (absent: none). */
  suppressed?: SiteOutcome[];
  /** Why the file failed; set only when status is 'failed'. */
  failure?: string;
  /** Set for changed files in dry runs. */
  diff?: FileDiff;
  /** The transform was stopped at the time limit: the thread that ran it must not run another file. */
  timedOut?: true;
}

export async function processFile(file: TargetFile, transform: FileTransform, settings: ProcessSettings): Promise<FileOutcome> {
  try {
    const source = await readSourceFile(file.path);
    const result = runTransform(transform, source.text, { keyed: settings.keyed, filePath: file.path }, settings.timeLimitMs);
    const outcome = { file: file.displayPath, hoisted: result.hoisted, left: result.left, ...(result.suppressed?.length ? { suppressed: result.suppressed } : {}) };
    if (result.output === null || result.output === source.text) return { ...outcome, status: 'unchanged' };
    if (settings.dry) return { ...outcome, status: 'changed', diff: diffFile(file.displayPath, source.text, result.output) };
    await writeFileAtomically(file.path, result.output, source.bytes);
    return { ...outcome, status: 'changed' };
  } catch (error) {
    const failed: FileOutcome = { file: file.displayPath, status: 'failed', hoisted: [], left: [], failure: describeError(error) };
    return error instanceof TimeLimitExceeded ? { ...failed, timedOut: true } : failed;
  }
}

function runTransform(transform: FileTransform, source: string, options: TransformOptions, timeLimitMs: number): FileResult {
  let result: FileResult;
  try {
    result = callWithTimeLimit(() => transform(source, options), timeLimitMs);
  } catch (error) {
    if (error instanceof TimeLimitExceeded) throw error;
    const syntaxError = syntaxErrorOf(error);
    if (syntaxError !== null) throw new FileFailure(syntaxError);
    throw new FileFailure(`the transform threw ${error instanceof Error ? `${error.name}: ${describeError(error)}` : String(error)}`);
  }
  // Checked once here so that a broken transform fails its files instead of the whole summary.
  const valid =
    typeof result === 'object' &&
    result !== null &&
    (typeof result.output === 'string' || result.output === null) &&
    Array.isArray(result.hoisted) &&
    Array.isArray(result.left);
  if (!valid) throw new FileFailure('the transform returned something other than { output, hoisted, left }');
  return result;
}

/**
 * The input's own syntax error, said as such: a parser error carries where it is (typescript-estree's
 * TSError has a 1-based `lineNumber` and a 0-based `column`). Anything else is the transform's bug.
 */
function syntaxErrorOf(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { lineNumber, column } = error as { lineNumber?: unknown; column?: unknown };
  if (typeof lineNumber !== 'number' || typeof column !== 'number') return null;
  return `does not parse (line ${lineNumber}, column ${column + 1}: ${describeError(error)}), left as is`;
}
