// TLS: Node 20 publishes no channel for a TLS connect, so the tracer wraps tls.connect; each new
// connection to an HTTPS origin is counted once, with its handshake. The certificate is made for
// 127.0.0.1 at run time (openssl) and trusted through NODE_EXTRA_CA_CERTS: verification stays on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FIXTURES, lineOf, runTraced } from './support/run-traced.js';

const CALLS = 4;
let dir = '';
let server: https.Server;
let connections = 0;
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'trace-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  server = https.createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    req.resume();
    res.end('ok');
  });
  server.on('secureConnection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS connections', () => {
  it('are counted once each, with their handshakes, at the per-call agent', async () => {
    const program = path.join(FIXTURES, 'tls-per-call.mjs');
    const traced = await runTraced([program, `${url}/`, String(CALLS)], { env: { NODE_EXTRA_CA_CERTS: path.join(dir, 'cert.pem') } });

    expect(traced.stdout).toBe(`${JSON.stringify(Array(CALLS).fill(200))}\n`);
    expect(connections).toBe(CALLS);
    expect(traced.report.sites).toEqual([
      expect.objectContaining({ file: program, line: lineOf(program, 'new https.Agent('), family: 'node-http', constructions: CALLS, connections: CALLS }),
    ]);
    expect(traced.report.origins).toEqual([{ origin: url, connections: CALLS, tlsHandshakes: CALLS, requests: CALLS }]);
  });
});
