// What the runtime tracer (@reuse-clients/trace) costs a program: a request-heavy loop
// (trace-loop.mjs) run untraced and traced (`node --import …/register.js`), taking turns, against a
// loopback server in this process. The loop times itself, so process start-up is measured apart:
// `node -e 0` untraced and traced. Each run is a pair (one untraced, one traced, back to back, the
// order alternating), after one pair thrown away to warm the disk cache; the ratio judged is the
// median of the pairs' own ratios, so a change of load between pairs falls on both sides alike.
// Its two interleaved halves (odd and even pairs) give the run's own noise band, as in the lint
// section. A ratio of 1.03 means 3% slower traced.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TRACE_OVERHEAD_TARGET = 0.05; // at most 5% more wall time on a request-heavy loop

const here = path.dirname(fileURLToPath(import.meta.url));
const loop = path.join(here, 'trace-loop.mjs');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of each pair's traced / untraced, and of the odd and the even pairs apart. */
export function pairedRatios(untraced, traced) {
  const ratios = traced.map((value, index) => value / untraced[index]);
  const half = (parity) => median(ratios.filter((_, index) => index % 2 === parity));
  return { ratio: median(ratios), halfRatios: ratios.length > 1 ? [half(0), half(1)] : [ratios[0], ratios[0]] };
}

function node(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(process.execPath, args, { env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout) => {
      if (error) reject(error);
      else resolve({ stdout, wallMs: performance.now() - started });
    });
  });
}

async function startServer() {
  const server = http.createServer((req, res) => {
    req.resume();
    res.end('ok');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve).closeAllConnections()) };
}

export async function measureTraceOverhead({ repoRoot, runs = 7, sharedRequests = 2000, perCallRequests = 400, log = () => {} }) {
  const register = path.join(repoRoot, 'packages', 'trace', 'dist', 'register.js');
  // Parts go to a scratch folder, as under `reuse-clients trace`: nothing is printed, nothing merged.
  const partsDir = mkdtempSync(path.join(os.tmpdir(), 'trace-overhead-'));
  const traced = { env: { REUSE_CLIENTS_TRACE_DIR: partsDir }, preload: ['--import', register] };
  const untraced = { env: {}, preload: [] };
  const server = await startServer();
  try {
    const loops = {};
    const loadStart = os.loadavg()[0];
    for (const [mode, requests] of [['shared', sharedRequests], ['per-call', perCallRequests]]) {
      const times = { untraced: [], traced: [] };
      const cpu = { untraced: [], traced: [] };
      // Run -1 warms up (module and disk caches) and is not kept.
      for (let run = -1; run < runs; run += 1) {
        // Taking turns, starting with the other side each run, so a load change falls on both alike.
        const order = run % 2 ? [['traced', traced], ['untraced', untraced]] : [['untraced', untraced], ['traced', traced]];
        for (const [side, setup] of order) {
          const { stdout } = await node([...setup.preload, loop, server.url, String(requests), mode], setup.env);
          const measured = JSON.parse(stdout);
          if (run < 0) continue;
          times[side].push(measured.ms);
          cpu[side].push(measured.cpuMs);
        }
      }
      const wall = pairedRatios(times.untraced, times.traced);
      const result = {
        requests,
        untracedMs: median(times.untraced),
        tracedMs: median(times.traced),
        untracedCpuMs: median(cpu.untraced),
        tracedCpuMs: median(cpu.traced),
        ratio: wall.ratio,
        halfRatios: wall.halfRatios,
        cpuRatio: pairedRatios(cpu.untraced, cpu.traced).ratio,
      };
      loops[mode] = result;
      log(
        `trace: ${mode} loop, ${requests} requests: wall ${result.untracedMs.toFixed(0)} → ${result.tracedMs.toFixed(0)} ms (paired ${result.ratio.toFixed(3)}x, ` +
          `halves ${result.halfRatios.map((ratio) => ratio.toFixed(3)).join(' and ')}), ` +
          `CPU ${result.untracedCpuMs.toFixed(0)} → ${result.tracedCpuMs.toFixed(0)} ms (paired ${result.cpuRatio.toFixed(3)}x)`,
      );
    }
    const startup = { untraced: [], traced: [] };
    for (let run = 0; run < runs; run += 1) {
      startup.untraced.push((await node(['-e', '0'], {})).wallMs);
      startup.traced.push((await node([...traced.preload, '-e', '0'], traced.env)).wallMs);
    }
    const startupAddedMs = median(startup.traced) - median(startup.untraced);
    const load = { start: loadStart, end: os.loadavg()[0] };
    log(`trace: start-up adds ${startupAddedMs.toFixed(0)} ms per process (load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)})`);
    return { runs, loops, startupMs: { untraced: median(startup.untraced), traced: median(startup.traced) }, startupAddedMs, load };
  } finally {
    await server.close();
    rmSync(partsDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await measureTraceOverhead({ repoRoot: path.resolve(here, '../..'), log: (line) => console.error(line) });
  console.log(JSON.stringify(result, null, 2));
}
