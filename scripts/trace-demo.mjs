#!/usr/bin/env node
// The demo service under `reuse-clients trace`, before and after the codemod: what the README's
// trace section shows. The demo's outbound routes (the ones fix-buys.mjs measures) are driven
// through its own router against a loopback TLS server, once as written and once as the codemod
// rewrites them, each run as `reuse-clients trace --top 8 -- node drive.mjs`. Prints both summaries.
//
//   node scripts/trace-demo.mjs [rounds]   (after `pnpm build`)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { copyDemo, makeCertificate, startCountingServer } from './bench/fix-buys.mjs';
import { DEMO_REQUESTS } from './support/demo-driver.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repoRoot, 'packages', 'codemod', 'bin', 'reuse-clients.js');
const rounds = Number(process.argv[2] ?? 20);

// The demo's routes on its own router (scripts/support/demo-driver.mjs), as its HTTP server would call them.
const DRIVER = `
const { driver, rounds, requests } = JSON.parse(process.env.TRACE_DEMO);
const { driveDemo } = await import(driver);
await driveDemo({ srcUrl: new URL('./src/', import.meta.url).href, rounds, requests });
console.log('drove ' + rounds * requests.length + ' requests through the demo routes');
`;

function traced(cwd, env) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'trace', '--top', '8', '--', 'node', 'drive.mjs'], { cwd, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const { transformFile } = await import(pathToFileURL(path.join(repoRoot, 'packages', 'codemod', 'dist', 'transform', 'index.js')).href);
// Inside fixtures/runtime, whose node_modules has the demo's axios and undici.
const workDir = mkdtempSync(path.join(repoRoot, 'fixtures', 'runtime', '.tmp-trace-demo-'));
const certificate = makeCertificate();
try {
  for (const [label, transform] of [['before', null], ['after', transformFile]]) {
    const dir = path.join(workDir, label);
    mkdirSync(dir);
    copyDemo(path.join(dir, 'src'), transform);
    writeFileSync(path.join(dir, 'drive.mjs'), DRIVER);
    const server = await startCountingServer(certificate);
    try {
      const env = {
        ...process.env,
        NODE_EXTRA_CA_CERTS: certificate.certFile,
        CARRIER_CA_PEM: certificate.cert.toString('utf8'),
        CARRIER_URL: server.url,
        ERP_URL: server.url,
        CATALOG_URL: server.url,
        TRACE_DEMO: JSON.stringify({ driver: new URL('./support/demo-driver.mjs', import.meta.url).href, rounds, requests: DEMO_REQUESTS }),
      };
      console.log(`\n=== ${label} the codemod: reuse-clients trace --top 8 -- node drive.mjs ===\n`);
      // Asynchronously: the TLS server answers from this very process.
      const run = await traced(dir, env);
      process.stdout.write(run.stdout + run.stderr.replaceAll(server.url, 'https://127.0.0.1:<port>'));
      console.log(`(the TLS server counted ${server.counts.connections} connections and ${server.counts.requests} requests)`);
      if (run.status !== 0) throw new Error(`the traced demo exited with ${run.status}`);
    } finally {
      await server.close();
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(certificate.dir, { recursive: true, force: true });
}
