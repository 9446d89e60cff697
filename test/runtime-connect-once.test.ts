// Issue 12 item 6: `await createClient(…).connect()` per request becomes one cached connection
// promise. The program's first connection attempt is refused (a stub stands in for `redis`, copied
// next to the program as node_modules/redis); before the fix every request connects anew, after it
// the failed attempt is dropped, the second request connects again and the third reuses that
// connection. The answers are the same; only the number of clients and connections changes.
// Needs a build first: the transform comes from packages/codemod/dist.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { transformFile } from '../packages/codemod/dist/transform/index.js';

const runtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'runtime');
const programDir = path.join(runtimeDir, 'connect-once');

// Under fixtures/runtime/.tmp-* (git-ignored), with the stub as its own node_modules/redis.
let workDir = '';
beforeAll(() => {
  workDir = mkdtempSync(path.join(runtimeDir, '.tmp-connect-once-'));
  const stub = path.join(workDir, 'node_modules', 'redis');
  mkdirSync(stub, { recursive: true });
  writeFileSync(path.join(stub, 'package.json'), JSON.stringify({ name: 'redis', type: 'module', exports: './index.mjs' }));
  copyFileSync(path.join(programDir, 'redis-stub.mjs'), path.join(stub, 'index.mjs'));
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Runs a copy in its own Node process (the stub counts per process): its answers and the stub's counts. */
function runCopy(source: string, fileName: string): { answers: unknown; attempts: { connects: number; clients: number } } {
  const file = path.join(workDir, fileName);
  writeFileSync(file, source);
  const script = `const program = await import(${JSON.stringify(pathToFileURL(file).href)}); const answers = await program.run(); console.log(JSON.stringify({ answers, attempts: globalThis.redisStubAttempts }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 }));
}

describe('a client connected where it is built, per request', () => {
  it('connects once, and again after a failed attempt: same answers, fewer connections', () => {
    const source = readFileSync(path.join(programDir, 'redis-connect-chain.mjs'), 'utf8');
    const result = transformFile(source, { keyed: false, filePath: path.join(workDir, 'program.mjs') });
    expect(result.left).toEqual([]);
    expect(result.output).toContain('.catch(');
    const before = runCopy(source, 'before.mjs');
    const after = runCopy(result.output!, 'after.mjs');
    expect(before.answers).toEqual(['failed: connect ECONNREFUSED', 'value of greeting', 'value of greeting']);
    expect(after.answers).toEqual(before.answers);
    expect(before.attempts).toEqual({ connects: 3, clients: 3 });
    expect(after.attempts).toEqual({ connects: 2, clients: 2 });
  });
});
