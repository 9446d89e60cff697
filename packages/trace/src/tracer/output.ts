// Each traced process and worker thread writes its part of the report at exit, into the folder
// named by REUSE_CLIENTS_TRACE_DIR. `reuse-clients trace` merges the parts when the command ends;
// a process started with `node --import @reuse-clients/trace/register` and no such folder makes
// one, and merges the parts of its children and workers into the report when it exits itself.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * How often a traced process saves its part while it runs (when something changed): the tracer
 * adds no signal listener (one would change how the program ends), so a process killed by a
 * signal, or a worker ended with terminate(), leaves its last saved part instead of its final one.
 */
const SNAPSHOT_INTERVAL_MS = 1_000;

/** Writes the part whole or not at all: the process may be killed at any moment. */
function savePart(folder: string, part: TracePart): void {
  const file = path.join(folder, `part-${process.pid}-${threadId}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(part));
  renameSync(`${file}.tmp`, file);
}

/** Saves the part every SNAPSHOT_INTERVAL_MS when its counts changed; the timer never keeps the process alive. */
function snapshotWhileRunning(folder: string): void {
  let saved = '';
  const snapshot = () =>
    guarded(() => {
      const { durationMs, ...counts } = currentPart();
      const key = JSON.stringify(counts);
      if (key === saved || counts.sites.length + counts.origins.length === 0) return;
      savePart(folder, { ...counts, durationMs });
      saved = key;
    });
  setInterval(snapshot, SNAPSHOT_INTERVAL_MS).unref();
}

/**
 * Decides where this process's part goes and arranges for it to be written at exit (and saved
 * while the process runs). A standalone main thread makes the folder and sets it in the
 * environment its children and workers inherit; it merges their parts into the report at exit.
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
  // A standalone root killed by a signal has nobody to merge its parts: it saves none on the way.
  if (!standaloneRoot) snapshotWhileRunning(folder);
  process.once('exit', () => {
    guarded(() => savePart(folder, currentPart()));
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
