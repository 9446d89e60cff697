// The synthetic project `pnpm bench` times the project pass on (scripts/bench/project-generator.mjs),
// at a size CI can afford: the real project pass must find exactly what the generator says it
// planted, so the generator cannot drift into a project with nothing (or something else) to find
// and the benchmark keep timing it. Also checks the bench's own comparison, which fails the bench
// on a mismatch. No timing here. Needs a build (the pass and the CLI run from dist).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProjectPass } from '../packages/codemod/dist/project/index.js';
import { buildReport, type Report } from '../packages/codemod/dist/report/build-report.js';
import { generateProject, type GeneratedProject } from '../scripts/bench/project-generator.mjs';
import { crossFileFromText, differencesFromPlan } from '../scripts/bench/project-pass.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(repoRoot, 'packages/codemod/bin/reuse-clients.js');
const FILES = 60;

/** Every file under `dir`, relative, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    entries
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function runCli(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

describe(`the bench's synthetic project (${FILES} files)`, () => {
  let project: GeneratedProject;
  let again: GeneratedProject;
  let report: Report;

  beforeAll(async () => {
    project = await generateProject({ files: FILES });
    again = await generateProject({ files: FILES });
    const files = sourceFiles(project.dir);
    report = buildReport(runProjectPass({ searchFrom: project.dir, files }), { cwd: project.dir, files: new Set(files) });
  });

  afterAll(async () => {
    await project?.cleanup();
    await again?.cleanup();
  });

  it('has the requested number of source files, and is the same on every run', () => {
    expect(sourceFiles(project.dir)).toHaveLength(FILES);
    expect(project.sourceFiles).toBe(FILES);
    expect(snapshot(again.dir)).toEqual(snapshot(project.dir));
    expect(again.findings).toEqual(project.findings);
  });

  it('plants every kind of finding: in-file and cross-file, each rule the shapes produce', () => {
    expect(project.crossFile).toBeGreaterThanOrEqual(4);
    expect(project.findings.length - project.crossFile).toBeGreaterThanOrEqual(2);
    expect(new Set(project.findings.map((finding) => finding.rule))).toEqual(
      new Set(['no-per-call-client', 'prefer-axios-instance', 'no-per-call-agent', 'no-inline-dispatcher']),
    );
    expect(project.globalAxiosConfiguration.length).toBeGreaterThan(0);
    expect(project.sharedInstances.length).toBeGreaterThan(0);
  });

  it('the project pass finds exactly the planted findings, cross-file ones included', () => {
    expect(report.failures).toEqual([]);
    expect(report.findings.map(({ file, line, rule, crossFile }) => ({ file, line, rule, crossFile }))).toEqual(project.findings);
  });

  it('the project pass finds the planted global axios settings and shared instances', () => {
    expect(report.globalAxiosConfiguration.map(({ file, line }) => ({ file, line }))).toEqual(project.globalAxiosConfiguration);
    expect(report.sharedInstances.map(({ file, line, name, exported }) => ({ file, line, name, exported }))).toEqual(project.sharedInstances);
  });

  it('`reuse-clients report` as the bench runs it agrees with the plan, by the bench\'s own checks', () => {
    const json = runCli(project.dir, ['report', '--format', 'json', '.']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(1);
    expect(differencesFromPlan(project, JSON.parse(json.stdout))).toEqual([]);

    const text = runCli(project.dir, ['report', '--format', 'text', '.']);
    expect(crossFileFromText(text.stdout)).toEqual({ findings: project.findings.length, crossFile: project.crossFile });
  });

  it("the bench's check fails on a report that differs from the plan", () => {
    const [dropped, ...rest] = report.findings;
    expect(differencesFromPlan(project, { ...report, findings: rest })).toEqual([
      `findings: planted ${project.findings.length}, reported ${rest.length}`,
      `  missing    ${dropped!.file}:${dropped!.line} ${dropped!.rule}`,
    ]);
    expect(differencesFromPlan(project, { ...report, sharedInstances: [] })[0]).toMatch(/^shared instances: planted \d+, reported 0$/);
  });

  it('type-checks with no error under the repository\'s tsc (the bench\'s yardstick)', () => {
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project.dir], { encoding: 'utf8', timeout: 60_000 });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });
});
