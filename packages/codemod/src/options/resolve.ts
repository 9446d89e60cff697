// The rules' options of a run, for `fix` and `report` alike: `--config <file>` when given,
// otherwise the project's ESLint config per file, otherwise the defaults.
import path from 'node:path';
import { displayPath } from '../engine/paths.js';
import { eslintRuleOptions, type EslintOptionsResult } from './eslint-config.js';
import { readOptionsFile } from './rule-options.js';

export interface ResolveOptionsInput {
  cwd: string;
  /** `--config <file>`, as the user wrote it. */
  configFile: string | undefined;
  /** Absolute paths of the target files. */
  files: readonly string[];
  /** Where to look for the ESLint config: the first path the user named. */
  searchFrom: string;
}

/** Throws OptionsFileError for a `--config` file that cannot be read or is not an options object. */
export async function resolveRuleOptions({ cwd, configFile, files, searchFrom }: ResolveOptionsInput): Promise<EslintOptionsResult> {
  if (configFile !== undefined) return { data: readOptionsFile(path.resolve(cwd, configFile), configFile) };
  return eslintRuleOptions(files, searchFrom, (file) => displayPath(cwd, file));
}
