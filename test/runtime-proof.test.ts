// The runtime proof of the codemod (issue 3). Each program under fixtures/runtime builds its agent,
// dispatcher or pool per call. Run as written, it opens one TCP connection per call; run after the
// codemod, it must return the same results over at most as many connections as it has callers.
// Needs a build first (`pnpm build`; the root `test` script builds): the transform is imported
// from packages/codemod/dist, exactly as the CLI loads it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { transformFile } from '../packages/codemod/dist/transform/index.js';
import { startConnectionServer, type CountedResponse } from './support/connection-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runtimeDir = path.join(repoRoot, 'fixtures', 'runtime');

// How many sockets one caller can hold in a shared pool. A Node agent hands a socket back as soon
// as the response ends. undici (pipelining 1) waits a full event-loop turn before reusing a socket
// ("non-spec compliant servers" comment in lib/dispatcher/client-h1.js), so a caller whose next
// request comes sooner gets a second connection: one shared undici pool settles at two per
// caller, whatever the number of calls (keepalive-facts.md §2: 100 sequential fetches, 2 sockets).
const CASES = [
  { name: 'agent-per-call', socketsPerCaller: 1 },
  { name: 'agent-false', socketsPerCaller: 1 },
  { name: 'inline-undici-dispatcher', socketsPerCaller: 2 },
  { name: 'undici-pool-closed-per-call', socketsPerCaller: 2 },
  { name: 'axios-inline-agents', socketsPerCaller: 1 },
  { name: 'class-method-agent', socketsPerCaller: 1 },
] as const;

const CALLS = 20;
const LOADS = [
  { label: 'sequential calls', concurrency: 1 },
  { label: 'calls from 5 concurrent callers', concurrency: 5 },
] as const;

interface RuntimeProgram {
  run(options: { url: string; calls: number; concurrency: number }): Promise<CountedResponse[]>;
}

interface Observed {
  results: CountedResponse[];
  connections: number;
}

// The programs import undici and axios, so their copies must live where fixtures/runtime's
// node_modules resolves: a temporary folder inside it, removed afterwards.
let workDir = '';

beforeAll(() => {
  workDir = mkdtempSync(path.join(runtimeDir, '.tmp-'));
  cpSync(path.join(runtimeDir, 'shared'), path.join(workDir, 'shared'), { recursive: true });
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/**
 * Runs `source` once against a fresh server. Each run gets its own file, hence its own module
 * instance: module-level state (a hoisted agent, a lazy singleton) starts fresh, as in a new process.
 */
async function runProgram(source: string, fileName: string, concurrency: number): Promise<Observed> {
  const file = path.join(workDir, fileName);
  writeFileSync(file, source);
  const server = await startConnectionServer();
  try {
    const program = (await import(pathToFileURL(file).href)) as RuntimeProgram;
    const results = await program.run({ url: server.url, calls: CALLS, concurrency });
    return { results, connections: server.connections };
  } finally {
    await server.close();
  }
}

/**
 * What the codemod must not change. Sequential calls get identical answers; with several callers
 * the server numbers requests in arrival order, so only each call's path and the set of numbers
 * are fixed.
 */
function observable(results: CountedResponse[], concurrency: number): unknown {
  if (concurrency === 1) return results;
  return {
    paths: results.map((result) => result.path),
    requests: results.map((result) => result.request).sort((a, b) => a - b),
  };
}

for (const { name, socketsPerCaller } of CASES) {
  describe(`fixtures/runtime/${name}.mjs`, () => {
    const source = readFileSync(path.join(runtimeDir, `${name}.mjs`), 'utf8');
    let transformed: ReturnType<typeof transformFile> = { output: null, hoisted: [], left: [] };

    beforeAll(() => {
      transformed = transformFile(source, { keyed: false, filePath: path.join(workDir, `${name}.mjs`) });
    });

    it('is rewritten by the codemod', () => {
      expect(transformed.output, 'the codemod left the program unchanged').not.toBeNull();
      expect(transformed.hoisted.length).toBeGreaterThan(0);
    });

    for (const { label, concurrency } of LOADS) {
      const poolSize = socketsPerCaller * concurrency;
      it(`${CALLS} ${label}: same results, ${CALLS} connections before, at most ${poolSize} after`, async () => {
        const fixed = transformed.output;
        if (fixed === null) throw new Error(`the codemod left ${name}.mjs unchanged, so there is no "after" to run`);

        const before = await runProgram(source, `${name}.before.c${concurrency}.mjs`, concurrency);
        const after = await runProgram(fixed, `${name}.after.c${concurrency}.mjs`, concurrency);

        expect(after.results.length).toBe(CALLS);
        expect(observable(after.results, concurrency)).toEqual(observable(before.results, concurrency));
        expect(before.connections, 'connections before the codemod').toBe(CALLS);
        expect(after.connections, `connections after the codemod (output:\n${fixed})`).toBeLessThanOrEqual(poolSize);
      });
    }
  });
}
