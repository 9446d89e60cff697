import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { API, FileInfo, Options } from 'jscodeshift';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileTransform } from '../src/engine/contract.js';
import { runAsJscodeshift } from '../src/jscodeshift-adapter.js';

const require = createRequire(import.meta.url);
const { applyTransform } = require('jscodeshift/src/testUtils') as {
  applyTransform: (module: unknown, options: Options, input: { source: string; path?: string }) => string;
};
const { run } = require('jscodeshift/src/Runner') as {
  run: (transformFile: string, paths: string[], options: Options) => Promise<{ ok: number; nochange: number; skip: number; error: number }>;
};

const appendKeyed: FileTransform = (source, { keyed, filePath }) => ({
  output: source.includes('new Agent(') ? `${source}// keyed: ${keyed} ${path.basename(filePath)}\n` : null,
  hoisted: [],
  left: source.includes('LEAVE_ME') ? [{ line: 2, column: 3, rule: 'no-per-call-agent', construct: 'new Agent()', reason: 'reads `tenant`' }] : [],
});

const temporaryDirectories: string[] = [];
afterAll(() => temporaryDirectories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

describe('jscodeshift entry', () => {
  const file: FileInfo = { path: '/repo/src/a.ts', source: 'new Agent();\n' };

  it('returns the new source, or undefined when the file is unchanged', () => {
    const api = {} as API;
    expect(runAsJscodeshift(appendKeyed, file, api, {})).toBe('new Agent();\n// keyed: false a.ts\n');
    expect(runAsJscodeshift(appendKeyed, { path: 'b.ts', source: 'const x = 1;\n' }, api, {})).toBeUndefined();
  });

  it('reads --keyed as a flag or as the string a workflow parameter gives', () => {
    const api = {} as API;
    expect(runAsJscodeshift(appendKeyed, file, api, { keyed: true })).toContain('keyed: true');
    expect(runAsJscodeshift(appendKeyed, file, api, { keyed: 'true' })).toContain('keyed: true');
    expect(runAsJscodeshift(appendKeyed, file, api, { keyed: 'false' })).toContain('keyed: false');
  });

  it('reports left sites through api.report when the runner provides it', () => {
    const reports: string[] = [];
    const api = { report: (message: string) => reports.push(message) } as unknown as API;
    runAsJscodeshift(appendKeyed, { path: 'src/b.ts', source: '// LEAVE_ME\n' }, api, {});
    expect(reports).toEqual(['src/b.ts:2:3 no-per-call-agent new Agent() — left: reads `tenant`']);
  });

  it('works through jscodeshift testUtils, which has no api.report', () => {
    const module = { default: (f: FileInfo, api: API, options: Options) => runAsJscodeshift(appendKeyed, f, api, options) };
    expect(applyTransform(module, {}, { source: '// LEAVE_ME\nnew Agent();', path: 'x.ts' })).toBe(
      '// LEAVE_ME\nnew Agent();// keyed: false x.ts',
    );
  });

  it('default export runs the bundled transform and leaves code without clients alone', async () => {
    // Imported here, so the adapter tests above do not depend on the bundled transform loading.
    const { default: transformer } = await import('../src/jscodeshift.js');
    const source = 'export const answer = 42;\n';
    expect(transformer({ path: 'plain.ts', source }, {} as API, {})).toBeUndefined();
  });

  it('the built entry loads in jscodeshift’s Runner', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'reuse-clients-jscodeshift-'));
    temporaryDirectories.push(directory);
    const source = 'export const answer = 42;\n';
    writeFileSync(path.join(directory, 'plain.ts'), source);
    const entry = fileURLToPath(new URL('../dist/jscodeshift.js', import.meta.url));
    const stats = await run(entry, [directory], { runInBand: true, silent: true, extensions: 'ts', babel: false });
    expect(stats).toMatchObject({ error: 0, ok: 0 });
    expect(stats.skip + stats.nochange).toBe(1);
    expect(readFileSync(path.join(directory, 'plain.ts'), 'utf8')).toBe(source);
  });
});
