// Issue 12 item 13: an API class whose constructor wraps its client (`this.http = rateLimit(this.http,
// …)`) is shared when it is built per request. test/runtime-behaviour.test.ts proves the requests get
// the same answers; this test pins, truthfully, what does change: one client instead of one per
// request, so the limiter the author attached to the client now sees every request. That is the
// intended change (a per-request limiter limited nothing), and it is the whole change.
// Needs a build first: the transform comes from packages/codemod/dist.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { transformFile } from '../packages/codemod/dist/transform/index.js';

const runtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'runtime');
const program = path.join(runtimeDir, 'behaviour', 'client-class-rate-limited.mjs');

// Copies live inside fixtures/runtime so that its node_modules (axios) resolves.
let workDir = '';
beforeAll(() => {
  workDir = mkdtempSync(path.join(runtimeDir, '.tmp-class-sharing-'));
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The answers of three requests, and how many requests each limiter built saw (one limiter per client). */
function runCopy(source: string, fileName: string): { answers: unknown; limiters: number[] } {
  const file = path.join(workDir, fileName);
  writeFileSync(file, source);
  const script = `const program = await import(${JSON.stringify(pathToFileURL(file).href)}); const answers = await program.run(); console.log(JSON.stringify({ answers, limiters: program.observe() }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 }));
}

describe('a client class wrapping its client in the constructor, built per request', () => {
  it('is shared: same answers, one client, and its limiter sees every request', () => {
    const source = readFileSync(program, 'utf8');
    const result = transformFile(source, { keyed: false, filePath: path.join(workDir, 'program.mjs') });
    expect(result.left).toEqual([]);
    expect(result.hoisted.map((site) => site.construct)).toEqual(['new MovieApi()']);
    const before = runCopy(source, 'before.mjs');
    const after = runCopy(result.output!, 'after.mjs');
    expect(after.answers).toEqual(before.answers);
    expect(before.limiters).toEqual([1, 1, 1]);
    expect(after.limiters).toEqual([3]);
  });
});
