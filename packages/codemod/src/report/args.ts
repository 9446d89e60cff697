import { parseArgs } from 'node:util';
import { UsageError } from '../cli/args.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs {
  help: boolean;
  paths: string[];
  format: ReportFormat;
  ignore: string[];
  /** `--config <file>`: a JSON file of the rules' options, instead of the project's ESLint config. */
  config: string | undefined;
}

/** The arguments after `report`. */
export function parseReportArgs(argv: string[]): ReportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        ignore: { type: 'string', multiple: true, default: [] },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format expects one of ${REPORT_FORMATS.join(', ')}, got "${values.format}"`);
  }
  return { help: values.help, paths: positionals.length > 0 ? positionals : ['.'], format: values.format as ReportFormat, ignore: values.ignore, config: values.config };
}

export const REPORT_USAGE = `Usage: reuse-clients report [paths...] [options]

Prints every finding under the given paths (default: the current folder) and changes
nothing: the in-file findings of the ESLint rules, plus calls of factories and client
classes exported from other files, the project's global axios configuration and the
shared instances a fix can reuse. The project comes from the nearest tsconfig.json,
or from the given files when there is none. Files are judged with the options the
project's ESLint config gives the rules (or --config), as the linter judges them.

Options:
  --format <f>     text (default), json or sarif (SARIF 2.1.0)
  --ignore <glob>  skip matching files or folders (repeatable)
  --config <file>  a JSON file of the rules' options (catalog, startupFunctions, …)
                   instead of those the project's ESLint config gives each file
  -h, --help       show this help

Exit status: 0 no findings, 1 findings (or a file that failed to parse), 2 usage error.
`;
