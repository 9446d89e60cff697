// `fix` and `report` judge with the options the user gave the rules: from the project's ESLint
// config per file (computed by the project's own ESLint), or from `--config <file>`.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, removeProjects, runCli } from './support/cli.js';

afterAll(removeProjects);

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
// pnpm's bin shims put its whole store on NODE_PATH: a test project resolves only what it holds.
const REAL_TRANSFORM = { REUSE_CLIENTS_TRANSFORM: '', NODE_PATH: '' };

// A probe the user exempts (probeFunctions) and a client of the user's own catalog.
const APP = `import express from 'express';
import { Pool } from 'pg';
import { createHttpClient } from '@acme/http';

const app = express();

async function healthCheck(req, res) {
  const pool = new Pool();
  await pool.query('select 1');
  await pool.end();
  res.send('ok');
}
app.get('/health', healthCheck);

app.get('/orders', async (req, res) => {
  const billing = createHttpClient({ baseURL: 'https://billing.example' });
  res.json(await billing.get('/orders'));
});
`;
const OPTIONS = { probeFunctions: ['healthCheck'], catalog: [{ module: '@acme/http', call: 'createHttpClient' }] };
const PACKAGE_JSON = JSON.stringify({ name: 'app', type: 'module', engines: { node: '>=22' } });

/** The plugin registered under a prefix of the user's choosing, with options for two rules. */
function eslintConfig(rules: string): string {
  return `import reuseClients from 'eslint-plugin-reuse-clients';
const options = ${JSON.stringify(OPTIONS)};
export default [
  { plugins: { rc: reuseClients }, rules: { ${rules} } },
];
`;
}
const BOTH_RULES = `'rc/no-per-call-client': ['error', options], 'rc/no-per-call-agent': ['error', options]`;

/** A project whose node_modules holds the repository's ESLint and plugin, as an installed project's would. */
function projectWithEslint(files: Record<string, string>, { plugin = true } = {}): string {
  const project = makeProject({ 'package.json': PACKAGE_JSON, ...files });
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(path.join(REPO, 'node_modules/eslint'), path.join(project, 'node_modules/eslint'));
  if (plugin) symlinkSync(path.join(REPO, 'packages/eslint-plugin'), path.join(project, 'node_modules/eslint-plugin-reuse-clients'));
  return project;
}

interface FixSummary {
  sites: { hoistedSites: { file: string; line: number }[]; left: { file: string; line: number; reason: string }[] };
  options: { from: string; detail: string };
}

function fixJson(project: string, args: string[] = []): { summary: FixSummary; stderr: string } {
  const run = runCli(project, ['--dry', '--json', ...args, 'src'], REAL_TRANSFORM);
  expect(run.status, run.stderr).toBe(0);
  return { summary: JSON.parse(run.stdout) as FixSummary, stderr: run.stderr };
}

const hoistedLines = (summary: FixSummary) => summary.sites.hoistedSites.map((site) => `${site.file}:${site.line}`);

describe('the rules options of the project ESLint config', () => {
  it('judge fix like the linter: the probe is left alone, the catalog client is hoisted', () => {
    const project = projectWithEslint({ 'eslint.config.js': eslintConfig(BOTH_RULES), 'src/app.js': APP });
    const { summary, stderr } = fixJson(project);
    expect(hoistedLines(summary)).toEqual(['src/app.js:16']);
    expect(summary.options.from).toBe('eslint');
    expect(summary.options.detail).toMatch(/^the rules' options in eslint\.config\.js \(ESLint \d+\.\d+\.\d+\), per file$/);
    expect(stderr).toBe('');
  });

  it('judge report the same way, and the text says where the options came from', () => {
    const project = projectWithEslint({ 'eslint.config.js': eslintConfig(BOTH_RULES), 'src/app.js': APP });
    const json = runCli(project, ['report', '--format', 'json', 'src'], REAL_TRANSFORM);
    const findings = (JSON.parse(json.stdout) as { findings: { file: string; line: number; rule: string }[] }).findings;
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`)).toEqual(['src/app.js:16 no-per-call-client']);
    const text = runCli(project, ['report', 'src'], REAL_TRANSFORM);
    expect(text.stdout).toContain("Judged with the rules' options in eslint.config.js");
  });

  it('follow the config per file: a rule turned off for a folder fixes nothing there', () => {
    const project = projectWithEslint({
      'eslint.config.js': eslintConfig(BOTH_RULES).replace('];', "  { files: ['src/legacy/**'], rules: { 'rc/no-per-call-client': 'off' } },\n];"),
      'src/app.js': APP,
      'src/legacy/app.js': APP,
    });
    expect(hoistedLines(fixJson(project).summary)).toEqual(['src/app.js:16']);
  });
});

describe('without an ESLint config, or with --config', () => {
  it('judges with the defaults and says so, without loading any ESLint', () => {
    // An ESLint that throws when imported: the run shows it was never loaded.
    const project = makeProject({ 'package.json': PACKAGE_JSON, 'src/app.js': APP, 'node_modules/eslint/package.json': '{"name":"eslint","main":"index.js"}', 'node_modules/eslint/index.js': 'throw new Error("ESLint loaded");\n' });
    const { summary, stderr } = fixJson(project);
    expect(hoistedLines(summary)).toEqual(['src/app.js:8']);
    expect(summary.options).toEqual({ from: 'defaults', detail: "the rules' default options (no ESLint config found; --config <file> gives options)" });
    expect(stderr).toBe('');
  });

  it('reads the options of --config <file> for every file, in fix and report', () => {
    const project = makeProject({ 'package.json': PACKAGE_JSON, 'src/app.js': APP, 'reuse-clients.json': JSON.stringify(OPTIONS) });
    const { summary } = fixJson(project, ['--config', 'reuse-clients.json']);
    expect(hoistedLines(summary)).toEqual(['src/app.js:16']);
    expect(summary.options).toEqual({ from: 'file', detail: "the rules' options from reuse-clients.json" });
    const report = runCli(project, ['report', '--format', 'json', '--config', 'reuse-clients.json', 'src'], REAL_TRANSFORM);
    expect((JSON.parse(report.stdout) as { findings: { line: number }[] }).findings.map((finding) => finding.line)).toEqual([16]);
  });

  it('refuses a --config file that is not an options object, with exit 2', () => {
    const project = makeProject({ 'src/app.js': APP, 'bad.json': '{"probeFunction": []}' });
    const run = runCli(project, ['--dry', '--config', 'bad.json', 'src'], REAL_TRANSFORM);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option "probeFunction"');
  });

  it('falls back to the defaults, saying so once, when ESLint cannot load the config', () => {
    const project = projectWithEslint({ 'eslint.config.js': "import 'eslint-plugin-reuse-clients';\nthrow new Error('broken config');\n", 'src/app.js': APP, 'src/other.js': APP });
    const { summary, stderr } = fixJson(project);
    expect(hoistedLines(summary)).toEqual(['src/app.js:8', 'src/other.js:8']);
    expect(summary.options.from).toBe('defaults');
    expect(stderr.match(/warning: /g)).toHaveLength(1);
    expect(stderr).toContain('broken config');
  });

  it('does not load a config that cannot use the plugin', () => {
    const project = projectWithEslint({ 'eslint.config.js': "throw new Error('must not be loaded');\n", 'src/app.js': APP }, { plugin: false });
    const { summary, stderr } = fixJson(project);
    expect(summary.options.detail).toBe("the rules' default options (eslint.config.js does not use eslint-plugin-reuse-clients)");
    expect(stderr).toBe('');
  });
});
