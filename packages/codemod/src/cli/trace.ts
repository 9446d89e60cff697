// `reuse-clients trace [--json FILE] [--top N] -- <command> [args...]`: runs the command with the
// runtime tracer (@reuse-clients/trace) in every Node process it starts, passes its exit status
// through, and prints the worst sites, each checked against the static rules on its own file.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { analyzeFile } from '@reuse-clients/core';
import { formatSummary, runWithTracer, siteKey, type StaticVerdict, type TraceCaller, type TraceSite } from '@reuse-clients/trace';

import { parseFile } from '../transform/parse.js';
import type { CliEnvironment } from './main.js';

const EXIT_USAGE = 2;
const DEFAULT_TOP = 10;

export const TRACE_USAGE = `Usage: reuse-clients trace [--json FILE] [--top N] -- <command> [args...]

Runs the command (any Node program, a test runner, \`npm start\`) with the runtime
tracer preloaded into every Node process and worker thread it starts, and prints
which lines built clients and opened connections, and how often. The command's
output is its own; the summary goes to stderr when it has ended. The exit status is
the command's.

Options:
  --json FILE   also write the full report (JSON, version 1) to FILE
  --top N       sites and origins shown in the summary (default: ${DEFAULT_TOP})
  -h, --help    show this help
`;

interface TraceArgs {
  help: boolean;
  json?: string;
  top: number;
  command: string[];
}

function parseTraceArgs(argv: string[]): TraceArgs {
  const separator = argv.indexOf('--');
  const own = separator < 0 ? argv : argv.slice(0, separator);
  const { values, positionals } = parseArgs({
    args: own,
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'string' }, top: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const command = separator < 0 ? positionals : [...positionals, ...argv.slice(separator + 1)];
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new Error(`--top takes a whole number above 0, not "${values.top}"`);
  return { help: values.help, ...(values.json !== undefined ? { json: values.json } : {}), top, command };
}

/** The rules core reports on each line of `file`, by the same analysis the linter and the codemod run. */
function findingsByLine(file: string): Map<number, string[]> | string {
  try {
    const parsed = parseFile(readFileSync(file, 'utf8'), file);
    const analysis = analyzeFile({ ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text });
    const lines = new Map<number, string[]>();
    for (const finding of analysis.findings) {
      const { start, end } = finding.node.loc;
      for (let line = start.line; line <= end.line; line += 1) lines.set(line, [...new Set([...(lines.get(line) ?? []), finding.rule])]);
    }
    return lines;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `could not parse it (${(error as Error).message.split('\n')[0]})`;
  }
}

/**
 * The static rules' verdict on each site shown: reported on its own line, or, for a construction
 * inside a factory, on the line that calls the factory most often (where the rules report it).
 */
function staticVerdicts(sites: readonly TraceSite[], callers: Map<string, TraceCaller[]>): (site: TraceSite) => StaticVerdict | undefined {
  const byFile = new Map<string, Map<number, string[]> | string>();
  const findings = (file: string) => {
    let lines = byFile.get(file);
    if (lines === undefined) byFile.set(file, (lines = findingsByLine(file)));
    return lines;
  };
  const verdicts = new Map<TraceSite, StaticVerdict>();
  for (const site of sites) {
    const lines = findings(site.file);
    if (typeof lines === 'string') {
      verdicts.set(site, { unknown: lines });
      continue;
    }
    const rules = lines.get(site.line);
    const caller = callers.get(siteKey(site))?.[0];
    const callerLines = !rules && caller && caller.count > 1 ? findings(caller.file) : undefined;
    const callerRules = typeof callerLines === 'object' ? callerLines.get(caller!.line) : undefined;
    if (rules) verdicts.set(site, { reported: true, rules });
    else if (callerRules) verdicts.set(site, { reported: true, rules: callerRules, at: { file: caller!.file, line: caller!.line } });
    else verdicts.set(site, { reported: false });
  }
  return (site) => verdicts.get(site);
}

export async function runTraceCommand(argv: string[], { cwd, env, stderr }: CliEnvironment): Promise<number> {
  let args: TraceArgs;
  try {
    args = parseTraceArgs(argv);
  } catch (error) {
    stderr.write(`reuse-clients trace: ${(error as Error).message}\nRun "reuse-clients trace --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    stderr.write(TRACE_USAGE);
    return 0;
  }
  const [command, ...commandArgs] = args.command;
  if (!command) {
    stderr.write(`reuse-clients trace: no command to run\n${TRACE_USAGE}`);
    return EXIT_USAGE;
  }
  const run = await runWithTracer({ command, args: commandArgs, cwd, env });
  if (run.startError) stderr.write(`reuse-clients trace: could not start ${command}: ${run.startError}\n`);
  if (args.json) {
    const out = path.resolve(cwd, args.json);
    // Written whole or not at all: a reader never sees half a report.
    writeFileSync(`${out}.tmp`, `${JSON.stringify(run.report, null, 2)}\n`);
    renameSync(`${out}.tmp`, out);
  }
  const verdictOf = staticVerdicts(run.report.sites.slice(0, args.top), run.callers);
  stderr.write(formatSummary(run.report, { top: args.top, cwd, exitCode: run.exitCode, verdictOf }));
  if (args.json) stderr.write(`Report: ${path.resolve(cwd, args.json)}\n`);
  return run.exitCode;
}
