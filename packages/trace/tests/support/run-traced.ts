// Runs a Node program with the built tracer preloaded (`node --import …/register.js`), as a user
// would, and reads the report it writes at exit. Needs `pnpm build` first, like the runtime proof.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TraceReport } from '../../src/report.js';

export const REGISTER = fileURLToPath(new URL('../../dist/register.js', import.meta.url));
/** How a user preloads the tracer: `--import` (the default) or `--require` of the package's CommonJS entry. */
export const IMPORT_TRACER = ['--import', REGISTER];
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface ProgramRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(args: string[], env: NodeJS.ProcessEnv = {}, cwd = FIXTURES): Promise<ProgramRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface TracedRun extends ProgramRun {
  report: TraceReport;
}

/** `node --import register.js [preload…] <args>`; the report goes to a temporary file. */
export async function runTraced(args: string[], { preload = [] as string[], env = {} as NodeJS.ProcessEnv, tracer = IMPORT_TRACER } = {}): Promise<TracedRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trace-test-'));
  const out = path.join(dir, 'report.json');
  try {
    // The tracer first, so that source maps are on before a loader (tsx) compiles anything.
    const run = await runNode([...tracer, ...preload, ...args], { ...env, REUSE_CLIENTS_TRACE_OUT: out, REUSE_CLIENTS_TRACE_DIR: '' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as TraceReport;
    return { ...run, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The 1-based line of the first line of `file` that contains `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${text} is not in ${file}`);
  return index + 1;
}

/** The 1-based column of `text` on the first line that contains it. */
export function columnOf(file: string, text: string): number {
  const line = readFileSync(file, 'utf8').split('\n').find((candidate) => candidate.includes(text));
  if (line === undefined) throw new Error(`${text} is not in ${file}`);
  return line.indexOf(text) + 1;
}
