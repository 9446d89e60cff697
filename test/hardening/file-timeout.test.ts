// One pathological file must not stall a run: 5 MB of small functions that all name a client
// module take typescript-estree the better part of a minute (about two on a shared 2-core box).
// With --file-timeout 1 the real transform gives up on it, reports it, leaves every byte of it,
// and fixes the files around it — in the main thread (--cpus 1) and in worker threads alike.
// Nothing is timed beyond "it finished and said so".
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, makeProject, read, removeProjects } from '../../packages/codemod/tests/support/cli.js';
import { REAL_TRANSFORM } from './support/paths.js';
import { assertParses, runCliJson } from './support/run-cli.js';

afterAll(removeProjects);

const IMPORT = "import https from 'node:https';\n";
const SITE = 'new https.Agent({ keepAlive: true })';
const fetcher = `${IMPORT}\nexport function fetchIt(url) {\n  return https.get(url, { agent: ${SITE} });\n}\n`;

function pathological(): string {
  const lines = [IMPORT];
  for (let i = 0, size = 0; size < 5 * 1024 * 1024; i++) {
    const line = `export function f${i}(url) { const x = ${i}; return https.get(url + x, { timeout: ${i} }); }\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}

const TIMED_OUT = { file: 'src/huge.mjs', message: 'took longer than 1 s; left as it was' };

describe('a file the real transform takes too long on', () => {
  const huge = pathological();

  it.each(['--cpus 1', '--cpus 2', '--dry --cpus 2'])('is reported and left as it was, the others are fixed (%s)', (options) => {
    const args = options.split(' ');
    const project = makeProject({ 'src/a.mjs': fetcher, 'src/huge.mjs': huge, 'src/z.mjs': fetcher });
    const before = checksums(project);
    const { run, summary } = runCliJson(project, ['--no-project', '--file-timeout', '1', ...args], { REUSE_CLIENTS_TRANSFORM: REAL_TRANSFORM });
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([TIMED_OUT]);
    expect(run.stderr).toBe(`failed ${TIMED_OUT.file}: ${TIMED_OUT.message}\n`);
    expect(summary.files).toEqual({ scanned: 3, changed: 2, skipped: 0, failed: 1 });
    expect(summary.sites.hoisted).toBe(2);
    const after = checksums(project);
    expect(after['src/huge.mjs']).toBe(before['src/huge.mjs']);
    if (args.includes('--dry')) {
      expect(after).toEqual(before);
      return;
    }
    for (const file of ['src/a.mjs', 'src/z.mjs']) {
      const output = read(project, file);
      expect(output).not.toContain(SITE);
      assertParses(output, file);
    }
  });

  // The project pass parses candidate files before the fix run: under the same limit, once.
  it('is left out of the project pass too, which still follows the factory of another file', () => {
    const factory = `${IMPORT}\nexport function makeAgent() {\n  return ${SITE};\n}\n`;
    const caller = `import https from 'node:https';\nimport { makeAgent } from './factory.mjs';\n\nexport function handler(url) {\n  return https.get(url, { agent: makeAgent() });\n}\n`;
    const project = makeProject({ 'src/factory.mjs': factory, 'src/handler.mjs': caller, 'src/huge.mjs': huge });
    const before = checksums(project);
    const { run, summary } = runCliJson(project, ['--file-timeout', '1', '--cpus', '1'], { REUSE_CLIENTS_TRANSFORM: '' });
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([TIMED_OUT]);
    expect(checksums(project)['src/huge.mjs']).toBe(before['src/huge.mjs']);
    // The cross-file call was found by the pass and hoisted in the calling file: a call of project
    // code becomes a lazy singleton, so the factory still runs at first use, not at import time.
    expect(read(project, 'src/handler.mjs')).toContain('return (_agent ??= makeAgent());');
    expect(read(project, 'src/handler.mjs')).toContain('https.get(url, { agent: getAgent() })');
  });
});

