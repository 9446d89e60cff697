#!/usr/bin/env node
// What the fix buys (issue 4, part 1). Every runtime case in fixtures/runtime is run as written
// ("before") and as the codemod rewrites it ("after"), over plain HTTP and over TLS, against a
// loopback server that counts what each version costs it: TCP connections, TLS handshakes and
// resumptions, latency, TIME_WAIT sockets left behind, and throughput with 1 and 50 callers.
//
// Each measurement runs the program in its own child process, so sockets, session caches and
// module state cannot leak from one measurement into the next. The TLS certificate is made at run
// time (openssl) for 127.0.0.1 and handed to the children through NODE_EXTRA_CA_CERTS: no program
// has to change to trust it, and certificate verification stays on.
//
// Run alone: `node scripts/bench/fix-buys.mjs [requests]` (needs a build: the codemod is loaded
// from packages/codemod/dist). scripts/bench/index.mjs calls `measureFixBuys` and `demoSavings`;
// scripts/trace-demo.mjs reuses the certificate, the counting server and the demo copy; both drive
// the demo through scripts/support/demo-driver.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DEMO_REQUESTS } from '../support/demo-driver.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const runtimeDir = path.join(repoRoot, 'fixtures', 'runtime');
const demoSrcDir = path.join(repoRoot, 'fixtures', 'demo-service', 'src');
const DEMO_DRIVER_URL = new URL('../support/demo-driver.mjs', import.meta.url).href;

export const RUNTIME_CASES = [
  'agent-per-call',
  'agent-false',
  'inline-undici-dispatcher',
  'undici-pool-closed-per-call',
  'axios-inline-agents',
  'class-method-agent',
];

const MANY_CALLERS = 50;
/**
 * Requests for the 50-caller measurement. Capped because the "before" runs pay a full TLS
 * handshake per request, and on two shared cores 1,000 of them twice per case would push the
 * bench past its three-minute budget; 500 requests is still 10 per caller.
 */
const MANY_CALLERS_MAX_REQUESTS = 500;
/** A child that takes longer than this is stuck, not slow: it is killed and the run fails. */
const CHILD_TIMEOUT_MS = 60_000;
/** How long to wait for the peers' FIN exchange to finish before counting TIME_WAIT sockets. */
const SETTLE_TIMEOUT_MS = 2_000;

// ---------------------------------------------------------------------------------------------
// The codemod's output, produced exactly as the CLI produces it

async function loadCodemod() {
  const entry = path.join(repoRoot, 'packages', 'codemod', 'dist', 'transform', 'index.js');
  try {
    return (await import(pathToFileURL(entry).href)).transformFile;
  } catch (err) {
    throw new Error(`cannot load the codemod from ${entry} (run \`npx -y pnpm@10 build\` first)`, { cause: err });
  }
}

/**
 * A scratch folder inside fixtures/runtime, so that the copies resolve `undici` and `axios` from
 * its node_modules exactly as the originals do. Removed by the caller.
 */
function makeWorkDir() {
  const dir = mkdtempSync(path.join(runtimeDir, '.tmp-bench-'));
  cpSync(path.join(runtimeDir, 'shared'), path.join(dir, 'shared'), { recursive: true });
  return dir;
}

/**
 * Writes `<case>.before.mjs` and `<case>.after.mjs` for every runtime case the codemod rewrites.
 * A case it leaves alone has no "after": it is returned with the codemod's reasons instead.
 */
function writeCasePrograms(dir, transform) {
  return RUNTIME_CASES.map((name) => {
    const source = readFileSync(path.join(runtimeDir, `${name}.mjs`), 'utf8');
    const { output, hoisted, left } = transform(source, { keyed: false, filePath: path.join(dir, `${name}.mjs`) });
    if (output === null || hoisted.length === 0) {
      return { name, skipped: left.map((site) => `line ${site.line}: ${site.reason ?? 'no reason given'}`).join('; ') || 'no site found' };
    }
    const before = path.join(dir, `${name}.before.mjs`);
    const after = path.join(dir, `${name}.after.mjs`);
    writeFileSync(before, source);
    writeFileSync(after, output);
    return { name, before, after };
  });
}

// ---------------------------------------------------------------------------------------------
// TLS material

/** A throwaway self-signed certificate for 127.0.0.1 and localhost, valid for one day. */
export function makeCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'fix-buys-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1',
      // Clients connect to 127.0.0.1 (never to "localhost", which may resolve to ::1 first), and
      // hostname checks read subjectAltName, not the CN.
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', keyFile, '-out', certFile,
    ],
    { stdio: 'ignore', timeout: 30_000 },
  );
  return { dir, certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

// ---------------------------------------------------------------------------------------------
// The counting server (the plain-JS twin of test/support/connection-server.ts, plus TLS)

export async function startCountingServer(tls) {
  const counts = { connections: 0, handshakes: 0, resumed: 0, requests: 0 };
  const open = new Set();
  const respond = (req, res) => {
    counts.requests += 1;
    const body = JSON.stringify({ request: counts.requests, path: req.url ?? '/' });
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, respond) : http.createServer(respond);
  server.keepAliveTimeout = 5_000; // Node's default, pinned: idle sockets must outlive a run
  server.on('connection', (socket) => {
    counts.connections += 1;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  server.on('secureConnection', (socket) => {
    counts.handshakes += 1;
    if (socket.isSessionReused()) counts.resumed += 1;
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    counts,
    /** Ends idle keep-alive connections, then waits (bounded) for every client socket to close. */
    async closeIdle() {
      server.closeIdleConnections();
      await this.settle();
    },
    /** Resolves once every client socket has closed, or after a bound. */
    async settle() {
      const deadline = Date.now() + SETTLE_TIMEOUT_MS;
      while (open.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Sockets in TIME_WAIT (state 06) on either end of a connection to `port`, from /proc/net/tcp.
 * Whichever side closes first keeps the TIME_WAIT entry for 60 s; null where /proc is missing.
 * Over TLS expect few or none: measured here, every TLS connection Node closes ends with a RST
 * (close_notify crosses the FIN), and a connection reset leaves no TIME_WAIT entry behind.
 */
function timeWaitSockets(port) {
  let table;
  try {
    table = readFileSync('/proc/net/tcp', 'utf8');
  } catch {
    return null;
  }
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return table
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter(([, local = '', remote = '', state]) => state === '06' && (local.endsWith(suffix) || remote.endsWith(suffix))).length;
}

// ---------------------------------------------------------------------------------------------
// Running one program in a child process

/**
 * The child's side: import the program, run it, report what it measured, then keep its sockets
 * until the parent says to exit, so the parent can end the connections the way a server's
 * keep-alive timer would and count what that leaves behind.
 */
const RUNNER = `
const { file, url, calls, concurrency } = JSON.parse(process.env.FIX_BUYS_RUN);
const program = await import(file);
const timings = [];
const start = performance.now();
await program.run({ url, calls, concurrency, timings });
const elapsedMs = performance.now() - start;
process.once('message', () => process.exit(0));
process.send({ elapsedMs, timings });
`;

/**
 * Spawns `node -e code` with `env`, waits for its one report, lets `beforeExit` run while the child
 * still holds its sockets, then tells the child to exit and resolves with the report.
 */
function runInChild(code, env, cwd, beforeExit) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      timeout: CHILD_TIMEOUT_MS,
    });
    let stderr = '';
    let report = null;
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('message', (message) => {
      report = message;
      Promise.resolve(beforeExit())
        .catch(reject)
        .finally(() => child.send('exit'));
    });
    child.once('close', (code, signal) => {
      if (code === 0 && report) resolve(report);
      else reject(new Error(`run in ${cwd} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
    });
  });
}

/** One program, one protocol, one load: the server's counts and the client's timings. */
async function measureRun({ file, tls, certFile, calls, concurrency }) {
  const server = await startCountingServer(tls);
  try {
    const env = {
      FIX_BUYS_RUN: JSON.stringify({ file: pathToFileURL(file).href, url: server.url, calls, concurrency }),
      ...(tls ? { NODE_EXTRA_CA_CERTS: certFile } : {}),
    };
    // Idle keep-alive sockets are closed by the server, as its keep-alive timer would a few seconds
    // later, while the client still runs: TIME_WAIT then lands where it would in production.
    const { elapsedMs, timings } = await runInChild(RUNNER, env, path.dirname(file), () => server.closeIdle());
    await server.settle();
    return { ...server.counts, timeWait: timeWaitSockets(server.port), elapsedMs, timings };
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// From raw runs to rows

/** Nearest-rank percentile. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (value, digits) => (value === null ? null : Number(value.toFixed(digits)));

/** The metrics of one version (before or after) of one case over one protocol. */
function metricsOf(single, many, protocol) {
  const perThousand = (count) => round((count / single.requests) * 1_000, 1);
  const metrics = {
    'TCP connections per 1,000 requests': perThousand(single.connections),
    [`TCP connections, ${MANY_CALLERS} callers (${many.requests} requests)`]: many.connections,
  };
  if (protocol === 'https') {
    metrics['TLS handshakes per 1,000 requests'] = perThousand(single.handshakes);
    metrics['TLS session resumptions per 1,000 requests'] = perThousand(single.resumed);
  }
  Object.assign(metrics, {
    'p50 latency (ms)': round(percentile(single.timings, 50), 3),
    'p99 latency (ms)': round(percentile(single.timings, 99), 3),
    'TIME_WAIT sockets after the run': single.timeWait,
    'throughput, 1 caller (req/s)': round((single.requests / single.elapsedMs) * 1_000, 0),
    [`throughput, ${MANY_CALLERS} callers (req/s, ${many.requests} requests)`]: round((many.requests / many.elapsedMs) * 1_000, 0),
  });
  return metrics;
}

function rowsFor(name, protocol, before, after) {
  return Object.keys(before).map((metric) => ({
    case: name,
    protocol,
    metric,
    before: before[metric],
    after: after[metric],
    ratio: before[metric] ? round(after[metric] / before[metric], 3) : null,
  }));
}

/**
 * Before vs after for every runtime case, over HTTP and TLS: `requests` sequential requests, then
 * min(`requests`, 500) requests from 50 concurrent callers. A case the codemod does not rewrite
 * is logged and left out. Returns `{ case, protocol, metric, before, after, ratio }`
 * rows, ratio = after / before. `transform` defaults to the built codemod.
 */
export async function measureFixBuys({ requests = 1000, log = () => {}, transform } = {}) {
  const transformFile = transform ?? (await loadCodemod());
  const workDir = makeWorkDir();
  const certificate = makeCertificate();
  try {
    const programs = writeCasePrograms(workDir, transformFile);
    const rows = [];
    for (const { name, before, after, skipped } of programs) {
      if (skipped) {
        log(`${name}: not measured, the codemod left it unchanged (${skipped})`);
        continue;
      }
      for (const protocol of ['http', 'https']) {
        const tls = protocol === 'https' ? certificate : null;
        const measure = async (file) => {
          const common = { file, tls, certFile: certificate.certFile };
          const single = await measureRun({ ...common, calls: requests, concurrency: 1 });
          const many = await measureRun({ ...common, calls: Math.min(requests, MANY_CALLERS_MAX_REQUESTS), concurrency: MANY_CALLERS });
          return metricsOf(single, many, protocol);
        };
        const started = Date.now();
        const caseRows = rowsFor(name, protocol, await measure(before), await measure(after));
        rows.push(...caseRows);
        log(`${name} over ${protocol}: ${caseRows[0].before} → ${caseRows[0].after} connections per 1,000 requests (${Date.now() - started} ms)`);
      }
    }
    return rows;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(certificate.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The demo service, before and after

/**
 * The child's side of the demo: scripts/support/demo-driver.mjs drives the demo's routes through
 * its router; the child sends back the timings and keeps its sockets until told to exit.
 */
const DEMO_RUNNER = `
const { driver, dir, rounds, requests } = JSON.parse(process.env.FIX_BUYS_DEMO);
const { driveDemo } = await import(driver);
const timings = await driveDemo({ srcUrl: dir, rounds, requests });
process.once('message', () => process.exit(0));
process.send({ timings });
`;

/**
 * Copies the demo's sources into `dir` and, given a transform, rewrites them as the CLI would:
 * every source file, a file the transform fails on left as it was. Returns how many it rewrote.
 */
export function copyDemo(dir, transform) {
  cpSync(demoSrcDir, dir, { recursive: true });
  if (!transform) return 0;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /\.(?:[cm]?js|ts)$/.test(entry.name));
  let rewritten = 0;
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    let output = null;
    try {
      ({ output } = transform(readFileSync(file, 'utf8'), { keyed: false, filePath: file }));
    } catch {
      // The CLI reports such a file as failed and leaves it untouched; so does the demo.
    }
    if (output !== null) {
      writeFileSync(file, output);
      rewritten += 1;
    }
  }
  return rewritten;
}

async function measureDemo(dir, certificate, rounds) {
  const server = await startCountingServer(certificate);
  try {
    const upstream = server.url;
    const env = {
      NODE_EXTRA_CA_CERTS: certificate.certFile,
      CARRIER_CA_PEM: certificate.cert.toString('utf8'),
      CARRIER_URL: upstream,
      ERP_URL: upstream,
      CATALOG_URL: upstream,
    };
    const demoRun = { FIX_BUYS_DEMO: JSON.stringify({ driver: DEMO_DRIVER_URL, dir: pathToFileURL(dir).href, rounds, requests: DEMO_REQUESTS }) };
    const child = await runInChild(DEMO_RUNNER, { ...env, ...demoRun }, dir, () => server.closeIdle());
    return { requests: server.counts.requests, connections: server.counts.connections, p50: percentile(child.timings, 50) };
  } finally {
    await server.close();
  }
}

/**
 * Runs the demo service's outbound code paths (fixtures/demo-service/src/routes/shipping.js and
 * catalog.js, through its own router) against a local TLS upstream, as written and after the
 * codemod, and returns one line: requests, connections and median latency, before → after.
 */
export async function demoSavings({ rounds = 4, transform } = {}) {
  const transformFile = transform ?? (await loadCodemod());
  const workDir = mkdtempSync(path.join(runtimeDir, '.tmp-demo-'));
  const certificate = makeCertificate();
  try {
    const beforeDir = path.join(workDir, 'before');
    const afterDir = path.join(workDir, 'after');
    copyDemo(beforeDir, null);
    if (copyDemo(afterDir, transformFile) === 0) throw new Error('the codemod rewrote no file of the demo service: nothing to compare');
    const before = await measureDemo(beforeDir, certificate, rounds);
    const after = await measureDemo(afterDir, certificate, rounds);
    return (
      `demo: ${before.requests} upstream requests over TLS opened ${before.connections} connections before, ` +
      `${after.connections} after; p50 ${before.p50.toFixed(1)} ms → ${after.p50.toFixed(1)} ms`
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(certificate.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

function formatTable(rows) {
  const header = ['case', 'protocol', 'metric', 'before', 'after', 'after/before'];
  const cells = [header, ...rows.map((row) => [row.case, row.protocol, row.metric, String(row.before), String(row.after), row.ratio === null ? '—' : String(row.ratio)])];
  const widths = header.map((_, column) => Math.max(...cells.map((line) => line[column].length)));
  return cells.map((line) => line.map((cell, column) => (column >= 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ')).join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const requests = Number(process.argv[2] ?? 1000);
  const started = Date.now();
  const rows = await measureFixBuys({ requests, log: (line) => console.error(line) });
  console.log(formatTable(rows));
  console.log('TIME_WAIT over TLS stays low either way: Node\'s TLS connections end with a RST, which leaves no TIME_WAIT.');
  console.log(await demoSavings());
  console.error(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
