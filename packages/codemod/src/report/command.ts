// `reuse-clients report`: run the project pass on the files under the given paths and print what
// it found. Read-only by construction: nothing here writes a file.
import path from 'node:path';
import { UsageError } from '../cli/args.js';
import { paletteFor } from '../cli/color.js';
import type { CliEnvironment } from '../cli/main.js';
import { USAGE_HINT } from '../cli/usage.js';
import { packageVersion } from '../cli/version.js';
import { discoverFiles, MissingPathError } from '../engine/discover.js';
import { DEFAULT_FILE_TIMEOUT_SECONDS } from '../engine/time-limit.js';
import { resolveRuleOptions } from '../options/resolve.js';
import { OptionsFileError, ruleOptionsLookup } from '../options/rule-options.js';
import { runProjectPass } from '../project/project-pass.js';
import { parseReportArgs, REPORT_USAGE, type ReportArgs } from './args.js';
import { buildReport } from './build-report.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';

export const REPORT_EXIT_CLEAN = 0;
export const REPORT_EXIT_FINDINGS = 1;
export const REPORT_EXIT_USAGE = 2;

export async function runReportCommand(argv: string[], { cwd, env, stdout, stderr }: CliEnvironment): Promise<number> {
  const usageError = (message: string): number => {
    stderr.write(`reuse-clients: ${message}\n${USAGE_HINT}\n`);
    return REPORT_EXIT_USAGE;
  };
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
  if (args.help) {
    stdout.write(REPORT_USAGE);
    return REPORT_EXIT_CLEAN;
  }

  let discovery;
  try {
    discovery = await discoverFiles(args.paths, { cwd, ignore: args.ignore });
  } catch (error) {
    if (error instanceof MissingPathError) return usageError(error.message);
    throw error;
  }
  const firstRoot = discovery.roots[0];
  const searchFrom = firstRoot ? (firstRoot.isDirectory ? firstRoot.path : path.dirname(firstRoot.path)) : cwd;
  const files = discovery.files.map((file) => file.path);
  let options;
  try {
    options = await resolveRuleOptions({ cwd, configFile: args.config, files, searchFrom });
  } catch (error) {
    if (error instanceof OptionsFileError) return usageError(error.message);
    throw error;
  }
  if (options.warning) stderr.write(`warning: ${options.warning}\n`);
  // The fix run's default per-file limit: one pathological file is listed as a failure, not a stall.
  const pass = runProjectPass({ searchFrom, files, fileTimeoutMs: DEFAULT_FILE_TIMEOUT_SECONDS * 1000, optionsFor: ruleOptionsLookup(options.data) });
  const report = buildReport(pass, { cwd, files: new Set(files) });

  const err = paletteFor(stderr, env);
  for (const failure of report.failures) stderr.write(`${err.red('failed')} ${failure.file}: ${failure.message}\n`);
  if (args.format === 'json') stdout.write(formatJson(report));
  else if (args.format === 'sarif') stdout.write(formatSarif(report, { cwd, version: packageVersion() }));
  else stdout.write(`${paletteFor(stdout, env).dim(`Judged with ${options.data.source.detail}.`)}\n${formatText(report, paletteFor(stdout, env))}`);
  return report.findings.length > 0 || report.failures.length > 0 ? REPORT_EXIT_FINDINGS : REPORT_EXIT_CLEAN;
}
