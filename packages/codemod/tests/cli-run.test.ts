import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, HOIST_MARK, makeProject, read, removeProjects, runCli, runCliJson } from './support/cli.js';

afterAll(removeProjects);

const AGENT = 'import { Agent } from "undici";\nexport const get = () => new Agent({});\n';
const PLAIN = 'export const one = 1;\n';

describe('reuse-clients fix (outside git)', () => {
  it('rewrites files the transform changes, prints a summary and exits 0', () => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.mjs': PLAIN, 'src/c.js': `// LEAVE_ME\n${AGENT}` });
    const run = runCli(project, []);
    expect(run.status).toBe(0);
    expect(read(project, 'src/a.ts')).toBe(`${AGENT}${HOIST_MARK} (keyed: false, file: a.ts)\n`);
    expect(read(project, 'src/b.mjs')).toBe(PLAIN);
    expect(read(project, 'src/c.js')).toContain(HOIST_MARK);
    expect(run.stdout).toMatch(/files scanned\s+3\nfiles changed\s+2\nfiles unchanged\s+1\nfiles failed\s+0\nsites hoisted\s+2\nsites left\s+1\n/);
    expect(run.stdout).toContain('  src/c.js:1:4 no-per-call-client new Pool() — options read the per-call value `tenant`\n');
    expect(run.stderr).toBe('');
  });

  it('--dry prints a unified diff per changed file and writes nothing', () => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.ts': PLAIN, 'lib/c.cjs': AGENT });
    const before = checksums(project);
    const run = runCli(project, ['--dry']);
    expect(run.status).toBe(0);
    expect(checksums(project)).toEqual(before);
    expect(run.stdout).toContain(
      [
        '--- a/lib/c.cjs',
        '+++ b/lib/c.cjs',
        '@@ -1,2 +1,3 @@',
        ' import { Agent } from "undici";',
        ' export const get = () => new Agent({});',
        `+${HOIST_MARK} (keyed: false, file: c.cjs)`,
        '+1 addition, -0 deletions',
      ].join('\n'),
    );
    expect(run.stdout).toContain('--- a/src/a.ts\n+++ b/src/a.ts\n');
    expect(run.stdout).not.toContain('b.ts');
    expect(run.stdout).toMatch(/files to change\s+2/);
    expect(run.stdout).toContain('Dry run: nothing was written.');
  });

  it('lists every changed file and hoisted site in the text summary', () => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.ts': PLAIN });
    const run = runCli(project, ['--dry']);
    expect(run.stdout).toContain('to change:\n  src/a.ts\nto hoist:\n  src/a.ts:2:26 no-per-call-agent new Agent()\n');
  });

  it('--dry --json carries each diff', () => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.ts': PLAIN });
    const { summary } = runCliJson(project, ['--dry']);
    const document = summary as unknown as { changedFiles: string[]; diffs: { file: string; patch: string }[] };
    expect(document.changedFiles).toEqual(['src/a.ts']);
    expect(document.diffs.map((diff) => diff.file)).toEqual(['src/a.ts']);
    expect(document.diffs[0]!.patch).toContain(`+${HOIST_MARK} (keyed: false, file: a.ts)`);
  });

  it('--dry diff paths are relative to the working directory', () => {
    const project = makeProject({ 'pkg/src/a.ts': AGENT });
    const run = runCli(path.join(project, 'pkg'), ['--dry', 'src']);
    expect(run.stdout).toContain('--- a/src/a.ts\n+++ b/src/a.ts\n');
  });

  it('--json prints the machine summary and only that on stdout', () => {
    const project = makeProject({
      'src/a.ts': AGENT,
      'src/b.ts': PLAIN,
      'src/left.ts': 'const x = 1; // LEAVE_ME\n',
      'src/broken.ts': 'SYNTAX_ERROR\n',
    });
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(1);
    expect(summary).toEqual({
      files: { scanned: 4, changed: 1, skipped: 2, failed: 1 },
      changedFiles: ['src/a.ts'],
      sites: {
        hoisted: 1,
        hoistedSites: [{ file: 'src/a.ts', line: 2, column: 26, rule: 'no-per-call-agent', construct: 'new Agent()' }],
        suppressed: [],
        left: [
          {
            file: 'src/left.ts',
            line: 1,
            column: 17,
            rule: 'no-per-call-client',
            construct: 'new Pool()',
            reason: 'options read the per-call value `tenant`',
          },
        ],
      },
      failures: [{ file: 'src/broken.ts', message: 'the transform threw SyntaxError: Unexpected token (1:1)' }],
    });
    expect(run.stderr).toBe('failed src/broken.ts: the transform threw SyntaxError: Unexpected token (1:1)\n');
  });

  it('exits 0 when there is nothing to do', () => {
    const { run, summary } = runCliJson(makeProject({ 'README.md': '# hi\n' }), []);
    expect(run.status).toBe(0);
    expect(summary.files).toEqual({ scanned: 0, changed: 0, skipped: 0, failed: 0 });
  });

  it('reports binary and non-UTF-8 files as failed, still changes the others, exits 1', () => {
    const project = makeProject({
      'src/a.ts': AGENT,
      'src/binary.js': Buffer.from([0x6e, 0x65, 0x77, 0x00, 0x01, 0x02]),
      'src/latin1.js': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\nnew Agent()\n')]),
    });
    const before = checksums(project);
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([
      { file: 'src/binary.js', message: 'binary or non-UTF-8 file, skipped' },
      { file: 'src/latin1.js', message: 'binary or non-UTF-8 file, skipped' },
    ]);
    expect(run.stderr).toContain('failed src/binary.js: binary or non-UTF-8 file, skipped\n');
    expect(read(project, 'src/a.ts')).toContain(HOIST_MARK);
    const after = checksums(project);
    expect(after['src/binary.js']).toBe(before['src/binary.js']);
    expect(after['src/latin1.js']).toBe(before['src/latin1.js']);
  });

  it('reports a read-only file as failed and leaves it alone', () => {
    const project = makeProject({ 'src/locked.ts': AGENT, 'src/open.ts': AGENT });
    chmodSync(path.join(project, 'src/locked.ts'), 0o444);
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'src/locked.ts', message: 'file is read-only, not written' }]);
    expect(read(project, 'src/locked.ts')).toBe(AGENT);
    expect(read(project, 'src/open.ts')).toContain(HOIST_MARK);
  });

  it('does not overwrite a file changed on disk while it was being transformed', () => {
    const source = `${AGENT}// EDITED_MEANWHILE\n`;
    const project = makeProject({ 'src/a.ts': source, 'src/b.ts': AGENT });
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'src/a.ts', message: 'file changed on disk while being transformed, not written' }]);
    expect(read(project, 'src/a.ts')).toBe(`${source}// edited meanwhile\n`);
    expect(read(project, 'src/b.ts')).toContain(HOIST_MARK);
  });

  it('fails only the file whose transform kills its worker thread', () => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.ts': '// EXIT_THREAD\n', 'src/c.ts': AGENT, 'src/d.ts': AGENT });
    const { run, summary } = runCliJson(project, ['--cpus', '2']);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'src/b.ts', message: 'the transform crashed: exit code 7' }]);
    expect(summary.files).toEqual({ scanned: 4, changed: 3, skipped: 0, failed: 1 });
  });

  it('fails a file for which the transform returns something other than a FileResult', () => {
    const { run, summary } = runCliJson(makeProject({ 'a.ts': '// BAD_RESULT\n', 'b.ts': AGENT }), []);
    expect(run.status).toBe(1);
    expect(summary.failures).toEqual([{ file: 'a.ts', message: 'the transform returned something other than { output, hoisted, left }' }]);
    expect(summary.files.changed).toBe(1);
  });

  it('handles an empty file', () => {
    const project = makeProject({ 'src/empty.ts': '' });
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(0);
    expect(summary.files).toEqual({ scanned: 1, changed: 0, skipped: 1, failed: 0 });
    expect(read(project, 'src/empty.ts')).toBe('');
  });

  it('passes a BOM and CRLF endings to the transform untouched, and writes them back', () => {
    const source = '\uFEFFimport { Agent } from "undici";\r\nnew Agent();\r\n';
    const project = makeProject({ 'bom.ts': source });
    expect(runCli(project, []).status).toBe(0);
    const written = readFileSync(path.join(project, 'bom.ts'));
    expect([...written.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(written.toString('utf8')).toBe(`${source}${HOIST_MARK} (keyed: false, file: bom.ts)\n`);
  });

  it('keeps the file mode and leaves no temp file behind', () => {
    const project = makeProject({ 'bin/tool.mjs': `#!/usr/bin/env node\n${AGENT}` });
    chmodSync(path.join(project, 'bin/tool.mjs'), 0o755);
    expect(runCli(project, []).status).toBe(0);
    expect(statSync(path.join(project, 'bin/tool.mjs')).mode & 0o777).toBe(0o755);
    expect(readdirSync(path.join(project, 'bin'))).toEqual(['tool.mjs']);
  });

  it('passes --keyed to the transform', () => {
    const project = makeProject({ 'a.ts': AGENT });
    expect(runCli(project, ['--keyed']).status).toBe(0);
    expect(read(project, 'a.ts')).toContain('(keyed: true, file: a.ts)');
  });

  it('takes every supported extension, skips .d.ts files, other files and build folders', () => {
    const supported = ['a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.ts', 'a.tsx', 'a.mts', 'a.cts'];
    const project = makeProject({
      ...Object.fromEntries(supported.map((name) => [`src/${name}`, AGENT])),
      'src/types.d.ts': AGENT,
      'src/types.d.mts': AGENT,
      'src/notes.txt': AGENT,
      'src/data.json': AGENT,
      ...Object.fromEntries(
        ['node_modules/dep', 'dist', 'build', 'out', 'coverage', 'src/node_modules/x'].map((folder) => [`${folder}/index.js`, AGENT]),
      ),
    });
    const before = checksums(project);
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(0);
    expect(summary.files.changed).toBe(supported.length);
    const after = checksums(project);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(changed.sort()).toEqual(supported.map((name) => `src/${name}`).sort());
  });

  it('--ignore skips matching files and folders, and can be repeated', () => {
    const project = makeProject({
      'src/a.ts': AGENT,
      'src/a.test.ts': AGENT,
      'src/deep/b.test.ts': AGENT,
      'src/generated/c.ts': AGENT,
      'src/keep.ts': AGENT,
    });
    const { summary } = runCliJson(project, ['--ignore', '*.test.ts', '--ignore', 'src/generated/**']);
    expect(summary.files.changed).toBe(2);
    expect(read(project, 'src/a.test.ts')).toBe(AGENT);
    expect(read(project, 'src/deep/b.test.ts')).toBe(AGENT);
    expect(read(project, 'src/generated/c.ts')).toBe(AGENT);
    expect(read(project, 'src/keep.ts')).toContain(HOIST_MARK);
  });

  it('accepts explicit files and several roots, processing a file reached twice once', () => {
    const project = makeProject({ 'src/a.ts': AGENT, 'src/b.ts': AGENT, 'other/c.ts': AGENT });
    const { run, summary } = runCliJson(project, ['src/a.ts', 'src', './src/a.ts']);
    expect(run.status).toBe(0);
    expect(summary.files).toEqual({ scanned: 2, changed: 2, skipped: 0, failed: 0 });
    expect(read(project, 'src/a.ts').split(HOIST_MARK)).toHaveLength(2);
    expect(read(project, 'other/c.ts')).toBe(AGENT);
  });

  it('gives identical results with --cpus 1 and --cpus 2', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      files[`src/f${String(i).padStart(2, '0')}.ts`] = i % 3 === 0 ? PLAIN : i % 7 === 0 ? 'SYNTAX_ERROR\n' : `${AGENT}// LEAVE_ME ${i}\n`;
    }
    const serial = makeProject(files);
    const parallel = makeProject(files);
    const one = runCliJson(serial, ['--cpus', '1']);
    const two = runCliJson(parallel, ['--cpus', '2']);
    expect(one.run.status).toBe(1);
    expect(two.run.status).toBe(1);
    expect(two.summary).toEqual(one.summary);
    expect(two.run.stderr).toBe(one.run.stderr);
    expect(checksums(parallel)).toEqual(checksums(serial));
    expect(one.summary.files).toEqual({ scanned: 30, changed: 17, skipped: 10, failed: 3 });
  });

  it('prints no progress bar when stderr is not a terminal', () => {
    const files = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}.ts`, AGENT]));
    const run = runCli(makeProject(files), []);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
