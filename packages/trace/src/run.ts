// `reuse-clients trace -- <command>`: runs a command with the tracer preloaded into every Node
// process it starts, waits for it, and merges the parts those processes wrote into one report.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { mergeCallers, mergeParts, type TraceCaller, type TraceReport } from './report.js';
import { readParts, TRACE_DIR_ENV } from './tracer/output.js';

export const REGISTER_URL = new URL('./register.js', import.meta.url).href;

export interface TraceRunOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface TraceRun {
  /** The command's exit status (128 + signal number when a signal ended it; 127 when it could not start). */
  exitCode: number;
  report: TraceReport;
  /** Where the functions holding each site were called from, most frequent first, by siteKey. */
  callers: Map<string, TraceCaller[]>;
  /** Why the command could not start, if it could not. */
  startError?: string;
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = os.constants.signals;

/** NODE_OPTIONS with the tracer added: `--import` works for CommonJS and ESM programs alike. */
export function nodeOptionsWithTracer(existing: string | undefined): string {
  const options = existing?.trim() ?? '';
  if (options.includes(REGISTER_URL)) return options;
  return `${options} --import ${REGISTER_URL}`.trim();
}

export async function runWithTracer({ command, args, cwd, env }: TraceRunOptions): Promise<TraceRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reuse-clients-trace-'));
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...env, [TRACE_DIR_ENV]: dir, NODE_OPTIONS: nodeOptionsWithTracer(env.NODE_OPTIONS) },
  });
  // Ctrl-C reaches the command from the terminal; we stay to write the report once it has ended.
  const ignore = () => {};
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  try {
    const outcome = await new Promise<{ exitCode: number; startError?: string }>((resolve) => {
      child.once('error', (error) => resolve({ exitCode: 127, startError: error.message }));
      child.once('exit', (code, signal) => resolve({ exitCode: code ?? 128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0) }));
    });
    const parts = readParts(dir);
    const report = mergeParts(parts, [command, ...args], performance.now() - started);
    return { ...outcome, report, callers: mergeCallers(parts) };
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
    rmSync(dir, { recursive: true, force: true });
  }
}
