// The tracer on program shapes: ESM and CommonJS, a subclass of a wrapped client, TypeScript
// through tsx, a child process and a worker thread, and programs that fail.
import { createRequire } from 'node:module';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startConnectionServer, type ConnectionServer } from '../../../test/support/connection-server.js';
import { columnOf, FIXTURES, lineOf, runNode, runTraced } from './support/run-traced.js';

const CALLS = 5;
const fixture = (name: string) => path.join(FIXTURES, name);

let server: ConnectionServer;
beforeAll(async () => {
  server = await startConnectionServer();
});
afterAll(async () => {
  await server.close();
});

describe('ESM', () => {
  it('counts a subclass of a wrapped class at the `new` line, and the class keeps instanceof and statics', async () => {
    const program = fixture('esm-subclass.mjs');
    const untraced = await runNode([program, server.url, String(CALLS)]);
    const traced = await runTraced([program, server.url, String(CALLS)]);

    expect(traced.stdout).toBe(untraced.stdout);
    expect(JSON.parse(traced.stdout)).toEqual({
      statuses: Array(CALLS).fill(200),
      instanceOfAgent: true,
      instanceOfSubclass: true,
      tag: 'probe',
      staticMember: 'number',
      sameDefault: true,
    });
    expect(traced.report.sites).toContainEqual({
      file: program,
      line: lineOf(program, 'const agent = new TaggedAgent('),
      column: columnOf(program, 'new TaggedAgent('),
      family: 'node-http',
      export: 'Agent',
      rule: 'no-per-call-agent',
      constructions: CALLS,
      connections: CALLS,
    });
    expect(traced.report.sites).toContainEqual(expect.objectContaining({ line: lineOf(program, "new TaggedAgent('probe')"), constructions: 1, connections: 0 }));
  });
});

describe('CommonJS', () => {
  it('counts an undici Pool built per call through require()', async () => {
    const program = fixture('cjs-undici.cjs');
    const untraced = await runNode([program, server.url, String(CALLS)]);
    const traced = await runTraced([program, server.url, String(CALLS)]);

    expect(traced.stdout).toBe(untraced.stdout);
    expect(traced.report.sites).toEqual([
      expect.objectContaining({ file: program, line: lineOf(program, 'new Pool(url)'), family: 'undici', export: 'Pool', constructions: CALLS, connections: CALLS }),
    ]);
    expect(traced.report.origins).toEqual([{ origin: server.url, connections: CALLS, tlsHandshakes: 0, requests: CALLS }]);
  });
});

describe('CommonJS through --require', () => {
  const register = createRequire(path.join(FIXTURES, '..', '..', 'package.json')).resolve('@reuse-clients/trace/register');

  it('`--require @reuse-clients/trace/register` loads the CommonJS entry, which starts the tracer once per thread', async () => {
    expect(path.basename(register)).toBe('register.cjs');
    const program = fixture('cjs-undici.cjs');
    const untraced = await runNode([program, server.url, String(CALLS)]);
    const traced = await runTraced([program, server.url, String(CALLS)], { tracer: ['--require', register] });

    expect(traced.stdout).toBe(untraced.stdout);
    // Node 20 runs --require preloads in the module hooks' thread too: the tracer must not start
    // there (import-in-the-middle would warn that its hook was initialised twice).
    expect(traced.stderr).not.toContain('Warning');
    expect(traced.report.tracer.processes).toBe(1);
    expect(traced.report.sites).toEqual([
      expect.objectContaining({ file: program, line: lineOf(program, 'new Pool(url)'), family: 'undici', constructions: CALLS, connections: CALLS }),
    ]);
  });

  it('traces a child process and a worker thread, each once, when preloaded with --require', async () => {
    const parent = fixture('parent.mjs');
    const child = fixture('child.cjs');
    const traced = await runTraced([parent, server.url, String(CALLS)], { tracer: ['--require', register] });

    expect(traced.stdout).toBe('child done\nworker done\nparent done\n');
    expect(traced.stderr).not.toContain('Warning');
    expect(traced.report.tracer.processes).toBe(3);
    expect(traced.report.sites).toEqual([
      expect.objectContaining({ file: child, line: lineOf(child, 'new http.Agent()'), constructions: 2 * CALLS, connections: 2 * CALLS }),
    ]);
  });
});

describe('TypeScript through tsx', () => {
  it('reports the line in the .ts file, through its source map', async () => {
    const program = fixture('typed.ts');
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const traced = await runTraced([program, server.url, String(CALLS)], { preload: ['--import', tsx] });

    expect(traced.stdout).toBe(`${JSON.stringify(Array(CALLS).fill(200))}\n`);
    expect(traced.report.sites).toEqual([
      expect.objectContaining({ file: program, line: lineOf(program, 'new http.Agent('), family: 'node-http', constructions: CALLS, connections: CALLS }),
    ]);
  });
});

describe('child processes and worker threads', () => {
  it('merges what a child process and a worker thread built into one report', async () => {
    const parent = fixture('parent.mjs');
    const child = fixture('child.cjs');
    const traced = await runTraced([parent, server.url, String(CALLS)]);

    expect(traced.stdout).toBe('child done\nworker done\nparent done\n');
    expect(traced.report.tracer.processes).toBe(3);
    expect(traced.report.sites).toEqual([
      expect.objectContaining({ file: child, line: lineOf(child, 'new http.Agent()'), constructions: 2 * CALLS, connections: 2 * CALLS }),
    ]);
  });
});

describe('a worker ended with terminate()', () => {
  it('leaves the part it saved while it ran (terminate() skips its exit event)', async () => {
    const program = fixture('terminated-worker.mjs');
    const worker = fixture('idle-worker.cjs');
    const traced = await runTraced([program]);

    expect(traced.stdout).toBe('worker built 2 agents\nterminated with 1\n');
    expect(traced.report.tracer.processes).toBe(2);
    expect(traced.report.sites).toEqual([
      expect.objectContaining({ file: worker, line: lineOf(worker, 'new http.Agent()'), constructions: 2, connections: 0 }),
    ]);
  });
});

describe('a program that fails', () => {
  it('passes its exit code through and still writes the report', async () => {
    const program = fixture('fails.mjs');
    const traced = await runTraced([program, 'exit']);

    expect(traced.code).toBe(3);
    expect(traced.stdout).toBe('built object\n');
    expect(traced.report.sites).toEqual([expect.objectContaining({ file: program, line: lineOf(program, 'new http.Agent()'), constructions: 1 })]);
  });

  it('an uncaught error: same output and exit code as untraced, report written', async () => {
    const program = fixture('fails.mjs');
    const untraced = await runNode([program, 'throw']);
    const traced = await runTraced([program, 'throw']);

    expect(traced.code).toBe(1);
    expect(untraced.code).toBe(1);
    expect(traced.stdout).toBe(untraced.stdout);
    // Apart from the tracer's own line (where the report went), stderr is the program's, unchanged.
    expect(traced.stderr.replace(/^reuse-clients trace: .*\n/m, '')).toBe(untraced.stderr);
    expect(traced.report.sites).toHaveLength(1);
  });
});
