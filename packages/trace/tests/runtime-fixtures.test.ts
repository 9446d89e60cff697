// Each runnable program of fixtures/runtime, traced: the per-call line is named with its counts;
// after the codemod each line of the same program builds one client at most, and the program opens
// at most two connections; before and after, what the program prints is byte for byte what it
// prints untraced.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { transformFile } from '../../codemod/dist/transform/index.js';
import { startConnectionServer } from '../../../test/support/connection-server.js';
import type { TraceReport } from '../src/report.js';
import { FIXTURES, lineOf, runNode, runTraced } from './support/run-traced.js';

const runtimeDir = fileURLToPath(new URL('../../../fixtures/runtime/', import.meta.url));
const runner = path.join(FIXTURES, 'run-runtime-fixture.mjs');
const CALLS = 20;

/** The per-call construction (or request) of each program, and what the tracer must call it. */
const CASES = [
  { name: 'agent-per-call', line: 'new http.Agent(', family: 'node-http', export: 'Agent', rule: 'no-per-call-agent', constructions: CALLS },
  { name: 'agent-false', line: ': http.get(url, { agent: false }', family: 'node-http', export: 'request', rule: 'require-keep-alive', constructions: 0 },
  { name: 'axios-inline-agents', line: 'httpAgent: new http.Agent(', family: 'node-http', export: 'Agent', rule: 'no-per-call-agent', constructions: CALLS },
  { name: 'class-method-agent', line: 'const agent = new http.Agent(', family: 'node-http', export: 'Agent', rule: 'no-per-call-agent', constructions: CALLS },
  { name: 'inline-undici-dispatcher', line: 'dispatcher: new Agent()', family: 'undici', export: 'Agent', rule: 'no-per-call-agent', constructions: CALLS },
  { name: 'undici-pool-closed-per-call', line: 'new Pool(', family: 'undici', export: 'Pool', rule: 'no-per-call-agent', constructions: CALLS },
] as const;

// Copies live inside fixtures/runtime, where undici and axios resolve; removed afterwards.
let workDir = '';
beforeAll(() => {
  workDir = mkdtempSync(path.join(runtimeDir, '.tmp-trace-'));
  cpSync(path.join(runtimeDir, 'shared'), path.join(workDir, 'shared'), { recursive: true });
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Runs `program` against a fresh server (so request numbers start at 1), untraced. */
async function runUntraced(program: string) {
  const server = await startConnectionServer();
  try {
    return await runNode([runner, program, server.url, String(CALLS), '1']);
  } finally {
    await server.close();
  }
}

/** The same, traced; with the connections the server counted, to check the tracer's count. */
async function runProgram(program: string) {
  const server = await startConnectionServer();
  try {
    const run = await runTraced([runner, program, server.url, String(CALLS), '1']);
    return { ...run, serverConnections: server.connections };
  } finally {
    await server.close();
  }
}

function totals(report: TraceReport) {
  return {
    /** The most any one line built (a program may hoist an http and an https agent: one each). */
    constructionsPerSite: Math.max(0, ...report.sites.map((site) => site.constructions)),
    connections: report.origins.reduce((sum, origin) => sum + origin.connections, 0),
  };
}

for (const expected of CASES) {
  describe(`fixtures/runtime/${expected.name}.mjs traced`, () => {
    const source = readFileSync(path.join(runtimeDir, `${expected.name}.mjs`), 'utf8');

    it(`names the per-call line with ${CALLS} connections, and prints what it prints untraced`, async () => {
      const program = path.join(workDir, `${expected.name}.mjs`);
      writeFileSync(program, source);
      const untraced = await runUntraced(program);
      const traced = await runProgram(program);

      expect(traced.code).toBe(0);
      expect(traced.stdout).toBe(untraced.stdout);
      expect(JSON.parse(traced.stdout)).toHaveLength(CALLS);
      const worst = traced.report.sites[0]!;
      expect(worst).toMatchObject({
        file: program,
        line: lineOf(program, expected.line),
        family: expected.family,
        export: expected.export,
        rule: expected.rule,
        constructions: expected.constructions,
        connections: CALLS,
      });
      expect(traced.report.origins).toEqual([{ origin: new URL(traced.report.origins[0]!.origin).origin, connections: CALLS, tlsHandshakes: 0, requests: CALLS }]);
      expect(traced.serverConnections).toBe(CALLS);
      expect(traced.report.tracer).toMatchObject({ failures: 0, droppedSites: 0, unattributedConnections: 0 });
    });

    it('after the codemod: each site builds once at most, two connections at most, and prints what it prints untraced', async () => {
      const program = path.join(workDir, `${expected.name}.fixed.mjs`);
      const { output } = transformFile(source, { keyed: false, filePath: program });
      if (output === null) throw new Error(`the codemod left ${expected.name}.mjs unchanged`);
      writeFileSync(program, output);
      const untraced = await runUntraced(program);
      const traced = await runProgram(program);

      expect(traced.code).toBe(0);
      expect(traced.stdout).toBe(untraced.stdout);
      expect(JSON.parse(traced.stdout)).toHaveLength(CALLS);
      const { constructionsPerSite, connections } = totals(traced.report);
      expect(constructionsPerSite).toBeLessThanOrEqual(1);
      expect(connections).toBeLessThanOrEqual(2);
      expect(connections).toBe(traced.serverConnections);
    });
  });
}
