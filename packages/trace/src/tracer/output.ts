// Each traced process and worker thread writes its part of the report at exit, into the folder
// named by REUSE_CLIENTS_TRACE_DIR. `reuse-clients trace` merges the parts when the command ends;
// a process started with `node --import @reuse-clients/trace/register` and no such folder makes
// one, and merges the parts of its children and workers into the report when it exits itself.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, threadId } from 'node:worker_threads';

import { mergeParts, type TracePart } from '../report.js';
import { guarded, tables } from './sites.js';

export const TRACE_DIR_ENV = 'REUSE_CLIENTS_TRACE_DIR';
/** Where a standalone run writes its report (default: reuse-clients-trace.json in the working folder). */
export const TRACE_OUT_ENV = 'REUSE_CLIENTS_TRACE_OUT';
const STANDALONE_REPORT = 'reuse-clients-trace.json';

interface Place {
  file: string;
  line: number;
  column: number;
}

/** A place in the original source, when the process loaded a source map for its file. */
function sourceMapped<T extends Place>(site: T): T {
  const map = guarded(() => findSourceMap(site.file));
  if (!map) return site;
  const entry = guarded(() => map.findEntry(site.line - 1, site.column - 1)) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
  if (!entry?.originalSource || entry.originalLine === undefined) return site;
  const source = entry.originalSource;
  const file = source.startsWith('file://') ? fileURLToPath(source) : path.resolve(path.dirname(site.file), source);
  return { ...site, file, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

function commandLine(): string[] {
  return [path.basename(process.execPath), ...process.argv.slice(1)];
}

export function currentPart(): TracePart {
  return {
    pid: process.pid,
    threadId,
    command: commandLine(),
    durationMs: performance.now(),
    sites: [...tables.sites.values()].map((site) => {
      const callers = [...(tables.callers.get(site)?.values() ?? [])].map(sourceMapped);
      const mapped = sourceMapped(site);
      return callers.length > 0 ? { ...mapped, callers } : mapped;
    }),
    origins: [...tables.origins.values()],
    failures: tables.failures,
    failureMessages: tables.failureMessages,
    droppedSites: tables.droppedSites,
    unattributedConnections: tables.unattributedConnections,
  };
}

export function readParts(dir: string): TracePart[] {
  const parts: TracePart[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('part-') || !name.endsWith('.json')) continue;
    const part = guarded(() => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as TracePart);
    if (part) parts.push(part);
  }
  return parts;
}

/**
 * Decides where this process's part goes and arranges for it to be written at exit. Returns the
 * folder; a standalone main thread also sets it in the environment its children and workers inherit.
 */
export function writePartAtExit(registerUrl: string): void {
  let dir = process.env[TRACE_DIR_ENV];
  const standaloneRoot = !dir && isMainThread;
  if (!dir) {
    if (!isMainThread) return;
    dir = mkdtempSync(path.join(os.tmpdir(), 'reuse-clients-trace-'));
    process.env[TRACE_DIR_ENV] = dir;
    // Child processes load the tracer too, as they would under `reuse-clients trace`.
    const nodeOptions = process.env.NODE_OPTIONS ?? '';
    if (!nodeOptions.includes(registerUrl)) process.env.NODE_OPTIONS = `${nodeOptions} --import ${registerUrl}`.trim();
  }
  const folder = dir;
  process.once('exit', () => {
    guarded(() => writeFileSync(path.join(folder, `part-${process.pid}-${threadId}.json`), JSON.stringify(currentPart())));
    if (standaloneRoot) guarded(() => writeStandaloneReport(folder));
  });
}

function writeStandaloneReport(dir: string): void {
  const out = path.resolve(process.env[TRACE_OUT_ENV] ?? STANDALONE_REPORT);
  const report = mergeParts(readParts(dir), commandLine(), performance.now());
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`reuse-clients trace: ${report.sites.length} sites, ${report.origins.length} origins; report written to ${out}\n`);
}
