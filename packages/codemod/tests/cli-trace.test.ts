// `reuse-clients trace -- <command>`: the command runs as itself (its output and exit status pass
// through), every Node process it starts is traced, and the summary checks each site against the
// static rules. Runs the built CLI, like the other CLI tests.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startConnectionServer, type ConnectionServer } from '../../../test/support/connection-server.js';
import { CLI } from './support/cli.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const runner = path.join(repoRoot, 'packages/trace/tests/fixtures/run-runtime-fixture.mjs');
const agentPerCall = path.join(repoRoot, 'fixtures/runtime/agent-per-call.mjs');
const fails = path.join(repoRoot, 'packages/trace/tests/fixtures/fails.mjs');
const factoryRoute = path.join(repoRoot, 'packages/trace/tests/fixtures/factory-route.mjs');
const traceFixture = (name: string) => path.join(repoRoot, 'packages/trace/tests/fixtures', name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: repoRoot, timeout: 30_000, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let server: ConnectionServer;
let dir = '';
beforeAll(async () => {
  server = await startConnectionServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'cli-trace-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reuse-clients trace', () => {
  it('runs the command traced: its stdout untouched, a JSON report, a summary naming the per-call line', async () => {
    const json = path.join(dir, 'report.json');
    const program = [runner, agentPerCall, server.url, '10', '1'];
    const untraced = await run(program);
    const traced = await run([CLI, 'trace', '--json', json, '--top', '5', '--', process.execPath, ...program]);

    expect(traced.code).toBe(0);
    // The server numbers requests across both runs, so compare the paths the program printed.
    const paths = (output: string) => (JSON.parse(output) as { path: string }[]).map((result) => result.path);
    expect(paths(traced.stdout)).toEqual(paths(untraced.stdout));
    const report = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['version', 'command', 'durationMs', 'sites', 'origins', 'tracer']);
    expect(report).toMatchObject({
      version: 1,
      command: [process.execPath, ...program],
      sites: [{ file: agentPerCall, line: 16, column: 17, family: 'node-http', export: 'Agent', rule: 'no-per-call-agent', constructions: 10, connections: 10 }],
      origins: [{ origin: server.url, connections: 10, tlsHandshakes: 0, requests: 10 }],
    });
    expect(traced.stderr).toMatch(/fixtures\/runtime\/agent-per-call\.mjs:16:17 +node-http Agent +reported \(no-per-call-agent\)/);
    expect(traced.stderr).toContain('reuse-clients --dry fixtures/runtime/agent-per-call.mjs');
  });

  it("checks a construction inside a factory at the factory's per-call caller, where the rules report it", async () => {
    // Copied out of tests/: the rules judge files under a tests folder as test code, and stay silent there.
    const service = path.join(dir, 'service');
    mkdirSync(service);
    for (const file of ['factory-route.mjs', 'router.mjs']) copyFileSync(path.join(path.dirname(factoryRoute), file), path.join(service, file));
    const program = path.join(service, 'factory-route.mjs');
    const traced = await run([CLI, 'trace', '--', process.execPath, program, `${server.url}/`, '3']);

    expect(traced.code).toBe(0);
    expect(traced.stdout).toBe('200 200 200\n');
    expect(traced.stderr).toContain(`${program}:10:10`);
    expect(traced.stderr).toMatch(/node-http Agent +reported at its caller \S+factory-route\.mjs:14 \(no-per-call-agent\)/);
    // A site built once is checked too: the module-level agent is one the rules leave alone.
    expect(traced.stderr).toMatch(/factory-route\.mjs:31:\d+ +node-http Agent +not reported by the static rules/);
  });

  it("passes the command's exit status through, and still reports", async () => {
    const json = path.join(dir, 'failed.json');
    const traced = await run([CLI, 'trace', '--json', json, '--', process.execPath, fails, 'exit']);

    expect(traced.code).toBe(3);
    expect(traced.stdout).toBe('built object\n');
    expect(traced.stderr).toContain('exited 3');
    const report = JSON.parse(readFileSync(json, 'utf8')) as { sites: { file: string; constructions: number }[] };
    expect(report.sites).toEqual([expect.objectContaining({ file: fails, constructions: 1 })]);
  });

  it("keeps the user's NODE_OPTIONS: their preload and the tracer both run in the command and the child it starts", async () => {
    const json = path.join(dir, 'node-options.json');
    const log = path.join(dir, 'preload.log');
    writeFileSync(log, '');
    const parent = traceFixture('parent.mjs');
    const env = { NODE_OPTIONS: `--require ${traceFixture('user-preload.cjs')}`, PRELOAD_LOG: log };
    const traced = await run([CLI, 'trace', '--json', json, '--', process.execPath, parent, server.url, '3'], env);

    expect(traced.code).toBe(0);
    expect(traced.stdout).toBe('child done\nworker done\nparent done\n');
    // The user's preload ran in the CLI (a Node process too), the command and its child...
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(3);
    // ...and so did the tracer: the child's agents are in the report.
    const report = JSON.parse(readFileSync(json, 'utf8')) as { sites: { file: string; constructions: number }[]; tracer: { processes: number } };
    expect(report.tracer.processes).toBe(3);
    expect(report.sites).toEqual([expect.objectContaining({ file: traceFixture('child.cjs'), constructions: 6 })]);
  });

  for (const [signal, viaGroup] of [['SIGTERM', false], ['SIGINT', true]] as const) {
    it(`reports what a command killed by ${signal} built before it died (${viaGroup ? 'Ctrl-C reaches the whole process group' : 'forwarded by the CLI'})`, async () => {
      const json = path.join(dir, `${signal}.json`);
      const program = traceFixture('killed.cjs');
      // Its own process group, so that a signal to the group reaches the CLI and the command, as Ctrl-C does.
      const cli = spawn(process.execPath, [CLI, 'trace', '--json', json, '--', process.execPath, program], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      cli.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      cli.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
      await new Promise<void>((resolve) => cli.stdout.on('data', () => stdout.includes('built') && resolve()));
      // The tracer saves each process's counts every second while it runs.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      process.kill(viaGroup ? -cli.pid! : cli.pid!, signal);
      const code = await exited;

      expect(stdout).toBe('built 3 agents\n');
      expect(code).toBe(128 + os.constants.signals[signal]);
      expect(stderr).toContain(`exited ${code}`);
      const report = JSON.parse(readFileSync(json, 'utf8')) as { sites: { file: string; constructions: number }[] };
      expect(report.sites).toEqual([expect.objectContaining({ file: program, constructions: 3 })]);
    });
  }

  it('refuses to run without a command', async () => {
    const traced = await run([CLI, 'trace', '--json', path.join(dir, 'none.json')]);
    expect(traced.code).toBe(2);
    expect(traced.stderr).toContain('no command to run');
  });
});
