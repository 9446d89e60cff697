// `reuse-clients report` on whole projects: each scenario under fixtures/projects/ is a small
// project (tsconfig.json, package.json, several files) with a golden `expected-report.json`.
// The report runs with the scenario as working directory, so golden paths are relative to it.
// UPDATE_GOLDEN=1 rewrites the golden files from the current output (review the diff!).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, makeProject, removeProjects, runCli } from '../support/cli.js';

afterAll(removeProjects);

const SCENARIOS_ROOT = fileURLToPath(new URL('../../../../fixtures/projects/', import.meta.url));
const SCENARIOS = readdirSync(SCENARIOS_ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const DOCS_URL = /^https:\/\/github\.com\/reuse-clients\/reuse-clients\/blob\/main\/docs\/rules\/[a-z-]+\.md$/;

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  fixable: boolean;
  reason: string;
}

interface JsonReport {
  findings: JsonFinding[];
  globalAxiosConfiguration: { file: string; line: number; column: number; code: string }[];
  sharedInstances: { file: string; name: string; construct: string; exported: boolean }[];
  failures: unknown[];
}

function scenarioDir(name: string): string {
  return path.join(SCENARIOS_ROOT, name);
}

function reportJson(name: string): { status: number | null; report: JsonReport; text: string } {
  const run = runCli(scenarioDir(name), ['report', '--format', 'json']);
  expect(run.stderr).toBe('');
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, text: run.stdout };
}

describe('report on fixture projects (golden files)', () => {
  it('has every scenario the project pass must cover', () => {
    expect(SCENARIOS).toEqual(
      expect.arrayContaining([
        'client-class-per-request',
        'factory-at-startup-only',
        'factory-one-layer',
        'factory-two-layers',
        'global-axios-config',
        'method-factory',
        'reuse-existing-instance',
      ]),
    );
  });

  it.each(SCENARIOS)('%s matches expected-report.json', (name) => {
    const { status, report, text } = reportJson(name);
    const goldenPath = path.join(scenarioDir(name), 'expected-report.json');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, text);
    expect(report).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
    expect(status).toBe(report.findings.length > 0 ? 1 : 0);
  });
});

describe('what the scenarios show', () => {
  const findings = (name: string) => reportJson(name).report.findings;

  it('one layer: each per-call call of an imported factory, classified as the linter would', () => {
    expect(findings('factory-one-layer').map(({ file, line, rule }) => `${file}:${line} ${rule}`)).toEqual([
      'src/jobs.ts:6 no-per-call-client',
      'src/routes.ts:8 no-per-call-client',
    ]);
    expect(findings('factory-one-layer')[1]!.message).toContain('`createCatalogClient` (from ./clients.ts) builds `new S3Client()`.');
  });

  it('several layers, through a barrel, a default export, CommonJS and an in-file wrapper', () => {
    const messages = findings('factory-two-layers').map((finding) => `${finding.file}: ${finding.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^src\/jobs\.ts: `serviceFor\(\)` builds `catalogService\(\)` .*`catalogService` \(from \.\/services\.ts\) builds `new S3Client\(\)` through `makeCatalogRepo` \(\.\/repo\.ts\), `createCatalogClient` \(\.\/clients\.ts\)\.$/),
      expect.stringMatching(/^src\/routes\.ts: `catalogRepo\(\)` runs on every request of the route `GET \/items`/),
      expect.stringMatching(/^src\/worker\.cjs: `makeCatalogRepo\(\)` runs on every tick of `setInterval\(\)`/),
    ]);
  });

  it('client classes (and subclasses, in another file or their own) constructed per call, but not the module-level one', () => {
    const report = reportJson('client-class-per-request').report;
    expect(report.findings.map((finding) => `${finding.file} ${finding.message.slice(0, finding.message.indexOf(' runs'))} ${finding.fixable ? 'fixable' : 'left'}`)).toEqual([
      'src/audit.ts `new AuditCatalogClient()` fixable',
      'src/audit.ts `new CountingCatalogClient()` left',
      'src/handler.ts `new CatalogClient()` fixable',
      'src/handler.ts `new CachedCatalogClient()` left',
      'src/handler.ts `new PoolHolder()` fixable',
      'src/reports.ts `new ReportingCatalogClient()` left',
    ]);
    // Same-file subclasses are found through ts-morph and then classified, fixed and explained by core and the planner like any site.
    // A project class runs its code when constructed: the fix builds it at first use, and the report says so (issue 12 item 17).
    expect(report.findings[0]).toMatchObject({ fixable: true, reason: 'makes it a lazy module-level singleton, built at first use' });
    expect(report.findings[5]).toMatchObject({ fixable: false, message: expect.stringContaining('runs on every iteration of a loop') as unknown });
    expect(report.findings[2]!.message).toContain('in its constructor.');
    expect(report.findings[3]!.message).toContain('through `CatalogClient` (./catalog-client.ts)');
    expect(report.sharedInstances).toEqual([expect.objectContaining({ file: 'src/handler.ts', name: 'longLived' })]);
  });

  it('a client class whose instances keep per-call state is reported but never shared, in its own file or another', () => {
    const reasons = Object.fromEntries(reportJson('client-class-per-request').report.findings.filter((finding) => !finding.fixable).map((finding) => [finding.message.slice(0, finding.message.indexOf(' runs')), finding.reason]));
    expect(reasons).toEqual({
      '`new CountingCatalogClient()`': '`CountingCatalogClient` instances keep their own `calls`: one shared instance would share it across calls',
      '`new CachedCatalogClient()`': '`CachedCatalogClient` instances keep their own `cache`: one shared instance would share it across calls',
      '`new ReportingCatalogClient()`': '`ReportingCatalogClient` instances keep their own `startedAt`: one shared instance would share it across calls',
    });
  });

  it('global axios configuration is listed, in-file axios findings keep their messages, and fixes keep the default export', () => {
    const { report } = reportJson('global-axios-config');
    expect(report.globalAxiosConfiguration.map((setting) => setting.code)).toEqual(['axios.defaults.timeout', 'axios.interceptors.request.use']);
    const defaultAxios = report.findings.find((finding) => finding.file === 'src/users.ts')!;
    expect(defaultAxios.message).toMatch(/^`axios\.get\(\)` runs on every call of `getUser` on the default axios export/);
    expect(defaultAxios.reason).toContain('configures the global axios (src/setup.ts:4)');
    expect(report.findings.find((finding) => finding.file === 'src/routes.ts')).toMatchObject({ rule: 'prefer-axios-instance' });
  });

  it('instance and static methods that build a client, and a layer over the instance method: all fixable', () => {
    const report = reportJson('method-factory').report;
    expect(report.findings.map(({ file, line, fixable }) => `${file}:${line} ${fixable ? 'fixable' : 'left'}`)).toEqual([
      'src/routes.ts:9 fixable',
      'src/routes.ts:10 fixable',
      'src/uploads.ts:9 fixable',
    ]);
    expect(report.findings[0]!.message).toContain('The method `ClientFactory.s3` (from ./client-factory.ts) builds `new S3Client()`.');
    expect(report.findings[2]!.message).toContain('`storageFor` (from ./storage.ts) builds `new S3Client()` through `ClientFactory.s3` (./client-factory.ts).');
  });

  it('a factory called only at start-up is no finding', () => {
    expect(reportJson('factory-at-startup-only')).toMatchObject({ status: 0, report: { findings: [] } });
  });

  it('an existing shared instance of the very same construction is what the fix uses, and only then', () => {
    const reasons = findings('reuse-existing-instance').map(({ line, reason }) => `${line} ${reason}`);
    expect(reasons).toEqual([
      '10 uses `s3` exported from src/aws.ts:4 instead of building another',
      '15 uses `catalog` exported from src/shared.ts:4 instead of building another',
      // Other options, a configured instance, an import cycle, a name bound in each file: never the same instance.
      '20 hoists it to a module-level constant',
      '25 hoists it to a module-level constant',
      '30 hoists it to a module-level constant',
      '35 hoists it to a module-level constant',
    ]);
  });

  it('CommonJS files reuse what CommonJS modules export, never an ES module they cannot require', () => {
    const reasons = findings('reuse-existing-instance-cjs').map(({ line, reason }) => `${line} ${reason}`);
    expect(reasons).toEqual(['6 uses `pool` exported from src/db.js:4 instead of building another', '13 hoists it to a module-level constant']);
  });
});

describe('report formats', () => {
  it('SARIF 2.1.0 with rule docs as helpUri and one located result per finding', () => {
    const cwd = scenarioDir('factory-one-layer');
    const run = runCli(cwd, ['report', '--format', 'sarif']);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
        results: { ruleId: string; ruleIndex: number; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    const { rules } = sarifRun!.tool.driver;
    expect(rules.map((rule) => rule.id)).toEqual(['no-per-call-agent', 'no-per-call-client', 'no-inline-dispatcher', 'prefer-axios-instance', 'require-keep-alive']);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(DOCS_URL);
      expect(rule.helpUri.endsWith(`/${rule.id}.md`)).toBe(true);
      expect(rule.shortDescription.text).not.toBe('');
    }
    const json = reportJson('factory-one-layer').report;
    expect(sarifRun!.results).toHaveLength(json.findings.length);
    sarifRun!.results.forEach((result, index) => {
      const finding = json.findings[index]!;
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result).toMatchObject({
        ruleId: finding.rule,
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' }, region: { startLine: finding.line, startColumn: finding.column } } }],
      });
    });
  });

  it('text: findings by file with what a fix does, the project facts and a total', () => {
    const run = runCli(scenarioDir('global-axios-config'), ['report']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('src/users.ts\n  5:26');
    expect(run.stdout).toContain('Global axios configuration');
    expect(run.stdout).toContain('src/setup.ts:5:1  axios.interceptors.request.use');
    expect(run.stdout).toMatch(/2 findings in 2 files \(1 cross-file; 2 fixable by `reuse-clients fix`\)\.\n$/);
  });

  it('paths narrow what is reported, not what is analysed: a factory outside them still counts', () => {
    const run = runCli(scenarioDir('factory-one-layer'), ['report', 'src/routes.ts', '--format', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((finding) => finding.file)).toEqual(['src/routes.ts']);
  });
});

describe('report exit statuses and safety', () => {
  it('0 and "No findings." on a clean project without a tsconfig; nothing is written', () => {
    const project = makeProject({ 'a.js': "const https = require('https');\nconst agent = new https.Agent({ keepAlive: true, timeout: 4000 });\nmodule.exports = { agent };\n" });
    const before = checksums(project);
    const run = runCli(project, ['report']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('No findings.');
    expect(checksums(project)).toEqual(before);
  });

  it('1 with findings, across files of a project without a tsconfig; nothing is written', () => {
    const project = makeProject({
      'lib/pool.js': "const { Pool } = require('pg');\nfunction makePool() {\n  return new Pool();\n}\nmodule.exports = { makePool };\n",
      'app.js': "const { makePool } = require('./lib/pool');\nexports.handler = async () => { await makePool().query('select 1'); };\n",
    });
    const before = checksums(project);
    const run = runCli(project, ['report', '--format', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings).toEqual([
      expect.objectContaining({ file: 'app.js', line: 2, rule: 'no-per-call-client', message: expect.stringContaining('`makePool` (from ./lib/pool.js) builds `new Pool()`.') as unknown }),
    ]);
    expect(checksums(project)).toEqual(before);
  });

  it('1 when a file that may build a client does not parse: named on stderr, the rest still reported', () => {
    const project = makeProject({
      'broken.ts': "import { Pool } from 'pg';\nexport const pool = new Pool(;\n",
      'ok.ts': "import { Pool } from 'pg';\nexport async function q() {\n  await new Pool().query('select 1');\n}\n",
    });
    const run = runCli(project, ['report', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^failed broken\.ts: /);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.file)).toEqual(['ok.ts']);
    expect(report.failures).toEqual([{ file: 'broken.ts', message: expect.any(String) as unknown }]);
  });

  it.each([
    [['report', '--format', 'xml'], /--format expects one of text, json, sarif, got "xml"/],
    [['report', '--bogus'], /Unknown option '--bogus'/],
    [['report', 'no/such/dir'], /no such file or directory: no\/such\/dir/],
  ])('%j is a usage error: exit 2, message and hint on stderr', (args, message) => {
    const run = runCli(makeProject({ 'a.ts': 'export {};\n' }), args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('reuse-clients --help');
  });

  it('--help describes the report and exits 0', () => {
    const run = runCli(makeProject({}), ['report', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: reuse-clients report [paths...]');
    expect(run.stdout).toContain('--format <f>');
  });
});
