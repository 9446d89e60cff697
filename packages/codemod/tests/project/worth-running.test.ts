// The fix run skips the ts-morph project pass when it cannot add anything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectPassWorthRunning } from '../../src/project/worth-running.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'reuse-clients-worth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(contents: Record<string, string>): string[] {
  return Object.entries(contents).map(([name, text]) => {
    const file = path.join(root, `${Object.keys(contents).join('-')}-${name}`);
    writeFileSync(file, text);
    return file;
  });
}

describe('projectPassWorthRunning', () => {
  it('is false when no file names a catalog module', () => {
    expect(projectPassWorthRunning(files({ 'a.ts': `export const url = 'https://example.com';`, 'b.ts': `import { a } from './a';` }))).toBe(false);
  });

  it('is false when catalog sites exist but nothing is exported for other files to call', () => {
    expect(projectPassWorthRunning(files({ 'c.ts': `import https from 'node:https';\nexport function f() { new https.Agent().destroy(); }` }))).toBe(false);
  });

  it('is true for an exported factory', () => {
    expect(projectPassWorthRunning(files({ 'd.ts': `import { Pool } from 'pg';\nexport function makePool() { return new Pool(); }` }))).toBe(true);
  });

  it('is true for an exported client class', () => {
    expect(projectPassWorthRunning(files({ 'e.ts': `import { Pool } from 'pg';\nexport class Repo { pool = new Pool(); }` }))).toBe(true);
  });

  it('is true when the global axios is configured', () => {
    expect(projectPassWorthRunning(files({ 'f.ts': `import axios from 'axios';\naxios.defaults.timeout = 1000;` }))).toBe(true);
  });

  it('is true for an exported module-level instance, which fixes in other files may import', () => {
    expect(projectPassWorthRunning(files({ 'h.ts': `import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({});` }))).toBe(true);
    expect(projectPassWorthRunning(files({ 'i.cjs': `const { Pool } = require('pg');\nconst pool = new Pool();\nmodule.exports = { pool };` }))).toBe(true);
  });

  it('is false for a module-level instance the file keeps to itself', () => {
    expect(projectPassWorthRunning(files({ 'j.ts': `import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport async function put() { await s3.send({} as never); }` }))).toBe(false);
  });

  it('skips a file over the time limit and names it, so the pass does not try it again', () => {
    const big = `import { Pool } from 'pg';\n${Array.from({ length: 8_000 }, (_, i) => `export function f${i}(x) { return x + ${i}; }`).join('\n')}\nexport function makePool() { return new Pool(); }\n`;
    const [file] = files({ 'k.ts': big });
    const timedOut = new Set<string>();
    expect(projectPassWorthRunning([file!], { fileTimeoutMs: 1, timedOut })).toBe(false);
    expect([...timedOut]).toEqual([file]);
    expect(projectPassWorthRunning([file!])).toBe(true);
  });

  it('skips files that do not parse or cannot be read', () => {
    expect(projectPassWorthRunning([...files({ 'g.ts': `import { Pool } from 'pg';\nexport function (` }), path.join(root, 'missing.ts')])).toBe(false);
  });
});
