import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, commitAll, git, HOIST_MARK, makeProject, read, removeProjects, runCli, runCliExactly, runCliJson, writeFiles } from './support/cli.js';

afterAll(removeProjects);

const AGENT = 'export const get = () => new Agent({});\n';
const REFUSAL = 'commit or stash them, or pass --force';

function cleanRepo(files: Record<string, string>): string {
  const project = makeProject(files);
  commitAll(project);
  return project;
}

describe('reuse-clients inside a git work tree', () => {
  it('runs on a clean tree', () => {
    const project = cleanRepo({ 'src/a.ts': AGENT });
    expect(runCli(project, []).status).toBe(0);
    expect(read(project, 'src/a.ts')).toContain(HOIST_MARK);
  });

  it.each([
    ['an unstaged change', (project: string) => writeFileSync(path.join(project, 'src/a.ts'), `${AGENT}// edited\n`)],
    [
      'a staged change',
      (project: string) => {
        writeFileSync(path.join(project, 'src/a.ts'), `${AGENT}// edited\n`);
        git(project, ['add', 'src/a.ts']);
      },
    ],
    ['an untracked file', (project: string) => writeFiles(project, { 'src/new.ts': AGENT })],
  ])('refuses with exit 2 when a target file has %s, naming it, and writes nothing', (_, makeDirty) => {
    const project = cleanRepo({ 'src/a.ts': AGENT, 'src/b.ts': AGENT });
    makeDirty(project);
    const before = checksums(project);
    const run = runCli(project, []);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/src\/(a|new)\.ts/);
    expect(run.stderr).not.toContain('src/b.ts');
    expect(run.stderr).toContain(REFUSAL);
    expect(checksums(project)).toEqual(before);
  });

  it('proceeds on a dirty tree with --force', () => {
    const project = cleanRepo({ 'src/a.ts': AGENT });
    writeFileSync(path.join(project, 'src/a.ts'), `${AGENT}// edited\n`);
    expect(runCli(project, ['--force']).status).toBe(0);
    expect(read(project, 'src/a.ts')).toBe(`${AGENT}// edited\n${HOIST_MARK} (keyed: false, file: a.ts)\n`);
  });

  it('never refuses a dry run, which writes nothing', () => {
    const project = cleanRepo({ 'src/a.ts': AGENT });
    writeFileSync(path.join(project, 'src/a.ts'), `${AGENT}// edited\n`);
    const before = checksums(project);
    const run = runCli(project, ['--dry']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('+++ b/src/a.ts');
    expect(checksums(project)).toEqual(before);
  });

  it('ignores uncommitted changes outside the target paths', () => {
    const project = cleanRepo({ 'src/a.ts': AGENT, 'docs/notes.md': 'x\n', 'other/b.ts': AGENT });
    writeFileSync(path.join(project, 'docs/notes.md'), 'edited\n');
    writeFileSync(path.join(project, 'other/b.ts'), 'edited\n');
    expect(runCli(project, ['src']).status).toBe(0);
  });

  it('lists at most ten dirty files and counts the rest', () => {
    const files = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`src/f${String(i).padStart(2, '0')}.ts`, AGENT]));
    const project = cleanRepo({ 'keep.ts': AGENT });
    writeFiles(project, files);
    const run = runCli(project, []);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('13 target files have uncommitted changes');
    expect(run.stderr).toContain('src/f09.ts');
    expect(run.stderr).not.toContain('src/f10.ts');
    expect(run.stderr).toContain('and 3 more');
  });

  it('skips files git ignores, in the root and in nested .gitignore files, but not tracked ones', () => {
    const project = makeProject({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/.gitignore': 'local.ts\n',
      'src/a.ts': AGENT,
      'src/local.ts': AGENT,
      'src/b.gen.ts': AGENT,
      'generated/c.ts': AGENT,
      'tracked.gen.ts': AGENT,
    });
    git(project, ['init', '-q']);
    git(project, ['add', '.gitignore', 'src/.gitignore', 'src/a.ts']);
    git(project, ['add', '-f', 'tracked.gen.ts']);
    git(project, ['commit', '-q', '-m', 'initial']);
    const { run, summary } = runCliJson(project, []);
    expect(run.status).toBe(0);
    expect(summary.files).toEqual({ scanned: 2, changed: 2, skipped: 0, failed: 0 });
    expect(read(project, 'tracked.gen.ts')).toContain(HOIST_MARK);
    for (const ignored of ['src/local.ts', 'src/b.gen.ts', 'generated/c.ts']) expect(read(project, ignored)).toBe(AGENT);
  });

  it('honours .gitignore when run on a sub-folder of the repository', () => {
    const project = makeProject({ '.gitignore': '*.gen.ts\n', 'pkg/src/a.ts': AGENT, 'pkg/src/b.gen.ts': AGENT });
    commitAll(project);
    const { summary } = runCliJson(path.join(project, 'pkg'), ['src']);
    expect(summary.files.scanned).toBe(1);
    expect(read(project, 'pkg/src/b.gen.ts')).toBe(AGENT);
  });

});

describe('reuse-clients outside a git work tree', () => {
  const OUTSIDE = { GIT_CEILING_DIRECTORIES: path.dirname(makeProject({})) };

  it('refuses with exit 2 before writing, saying why and what to pass', () => {
    const project = makeProject({ 'src/a.ts': AGENT });
    const before = checksums(project);
    const run = runCliExactly(project, ['src'], OUTSIDE);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('src is not inside a git repository');
    expect(run.stderr).toContain('--dry');
    expect(run.stderr).toContain('--force');
    expect(run.stdout).toBe('');
    expect(checksums(project)).toEqual(before);
  });

  it('names the current folder as "."', () => {
    const project = makeProject({ 'src/a.ts': AGENT });
    expect(runCliExactly(project, [], OUTSIDE).stderr).toContain('. is not inside a git repository');
  });

  it('writes with --force, where nothing counts as uncommitted', () => {
    const project = makeProject({ 'src/a.ts': AGENT });
    expect(runCliExactly(project, ['--force'], OUTSIDE).status).toBe(0);
    expect(read(project, 'src/a.ts')).toContain(HOIST_MARK);
  });

  it('shows the diff with --dry and writes nothing', () => {
    const project = makeProject({ 'src/a.ts': AGENT });
    const before = checksums(project);
    const run = runCliExactly(project, ['--dry'], OUTSIDE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('+++ b/src/a.ts');
    expect(checksums(project)).toEqual(before);
  });

  it('refuses when one of several roots is outside git, naming only that one', () => {
    const repo = cleanRepo({ 'src/a.ts': AGENT });
    const outside = makeProject({ 'b.ts': AGENT });
    const run = runCliExactly(repo, ['src', path.join(outside, 'b.ts')], OUTSIDE);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('b.ts is not inside a git repository');
    expect(run.stderr).not.toMatch(/\bsrc\b.*not inside/);
    expect(read(repo, 'src/a.ts')).toBe(AGENT);
  });
});
