// Runs one command and measures it from the outside, the same way for every tool: wall time,
// CPU time (user + system, children included) and peak memory.
//
// Peak memory is taken two ways, because the tools use parallelism differently — our CLI runs
// worker threads in one process, jscodeshift forks worker processes:
//   - maxRssMb: the largest single process (GNU time's "Maximum resident set size");
//   - peakTreeRssMb: the sum over the whole process tree, sampled from /proc every SAMPLE_MS.
// Both are null where the platform cannot tell (no /usr/bin/time, no /proc).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 50;
export const HAS_GNU_TIME = existsSync(GNU_TIME);
export const HAS_PROC = existsSync('/proc/self/status');

function readProc(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended between two reads
  }
}

/** Resident memory of `pid` and all its descendants, in KB (Linux /proc). */
function treeRssKb(pid) {
  let total = 0;
  const pending = [pid];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const rss = /VmRSS:\s+(\d+)/.exec(readProc(`/proc/${next}/status`));
    if (rss) total += Number(rss[1]);
    for (const task of readProc(`/proc/${next}/task/${next}/children`).split(/\s+/)) if (task) pending.push(Number(task));
  }
  return total;
}

/** GNU time's `-f` output, one value per line, in the order of TIME_FORMAT. */
const TIME_FORMAT = '%e\n%U\n%S\n%M';
function parseGnuTime(text) {
  const [elapsed, user, system, maxRssKb] = text.trim().split('\n').slice(-4).map(Number);
  return { wallS: elapsed, cpuMs: (user + system) * 1000, maxRssMb: maxRssKb / 1024 };
}

/**
 * Runs `command args` in `cwd`; resolves with stdout, stderr, the exit code and the measurements.
 * Never rejects on a non-zero exit: the caller decides what a failure means for its tool.
 */
export async function runMeasured(command, args, { cwd, env = process.env } = {}) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'reuse-clients-bench-time-'));
  const timeFile = path.join(scratch, 'time.txt');
  const [file, fileArgs] = HAS_GNU_TIME ? [GNU_TIME, ['-f', TIME_FORMAT, '-o', timeFile, command, ...args]] : [command, args];

  const started = process.hrtime.bigint();
  const child = spawn(file, fileArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  let peakKb = 0;
  const sampler = HAS_PROC ? setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid))), SAMPLE_MS) : undefined;

  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  });
  clearInterval(sampler);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

  let cpuMs = null;
  let maxRssMb = null;
  if (HAS_GNU_TIME) {
    const measured = parseGnuTime(await readFile(timeFile, 'utf8').catch(() => '\n\n\n'));
    if (Number.isFinite(measured.cpuMs)) ({ cpuMs, maxRssMb } = measured);
  }
  await rm(scratch, { recursive: true, force: true });
  // The sampled tree includes GNU time itself (about 2 MB); close enough for a peak.
  return { code, stdout, stderr, wallMs, cpuMs, maxRssMb, peakTreeRssMb: HAS_PROC && peakKb > 0 ? peakKb / 1024 : null };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
