// Run-time proof that a fix changes nothing but connection reuse (issue 12: evaluation time, order
// against global configuration, lifecycle, client classes). Each program under
// fixtures/runtime/behaviour exports `run()`, whose result is what the program observably does;
// it must be the same before and after the codemod, and the codemod must have changed the program.
// Needs a build first, like runtime-proof.test.ts: the transform comes from packages/codemod/dist.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { transformFile } from '../packages/codemod/dist/transform/index.js';

const runtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'runtime');
const behaviourDir = path.join(runtimeDir, 'behaviour');
const programs = readdirSync(behaviourDir).filter((file) => file.endsWith('.mjs')).sort();

// Copies live inside fixtures/runtime so that its node_modules (axios, undici) resolves.
let workDir = '';
beforeAll(() => {
  workDir = mkdtempSync(path.join(runtimeDir, '.tmp-behaviour-'));
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Runs a copy in its own Node process: the programs configure global module state (`axios.defaults`), which must start fresh. */
function runCopy(source: string, fileName: string): unknown {
  const file = path.join(workDir, fileName);
  writeFileSync(file, source);
  const script = `const program = await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(JSON.stringify(await program.run()));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 }));
}

describe('fixes behave as the code did, except for connection reuse', () => {
  it('has programs to run', () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  it.each(programs)('%s', (program) => {
    const source = readFileSync(path.join(behaviourDir, program), 'utf8');
    const result = transformFile(source, { keyed: false, filePath: path.join(workDir, program) });
    expect(result.output, 'the codemod left the program unchanged').not.toBeNull();
    const before = runCopy(source, program.replace(/\.mjs$/, '.before.mjs'));
    const after = runCopy(result.output!, program.replace(/\.mjs$/, '.after.mjs'));
    expect(after, `output:\n${result.output}`).toEqual(before);
  });
});
