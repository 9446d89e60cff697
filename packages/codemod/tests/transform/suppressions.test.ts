// Sites silenced with `eslint-disable` comments: the transform leaves them and counts them, the
// report leaves them out of its findings and says how many there are, and the fix summary lists them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transformFile } from '../../src/transform/index.js';
import { makeProject, removeProjects, runCli } from '../support/cli.js';
import { FIXTURES_DIR } from './fixtures.js';

afterAll(removeProjects);

const fixture = path.join(FIXTURES_DIR, 'eslint-disable-suppressed.input.ts');
const source = readFileSync(fixture, 'utf8');

describe('eslint-disable comments', () => {
  it('silence the next line, the same line, a disable/enable block and a disable of all rules, for the rules they name', () => {
    const result = transformFile(source, { keyed: false, filePath: fixture });
    expect(result.suppressed?.map((site) => `${site.line} ${site.rule}`)).toEqual(['12 no-per-call-agent', '17 no-per-call-client', '23 no-inline-dispatcher', '29 no-per-call-agent']);
    expect(result.hoisted.map((site) => site.line)).toEqual([35]);
    expect(result.left).toEqual([]);
  });

  it('keep silenced sites out of the report, which counts them', () => {
    const project = makeProject({ 'src/routes.ts': source });
    const json = runCli(project, ['report', '--format', 'json', 'src']);
    const report = JSON.parse(json.stdout) as { findings: { line: number }[]; suppressed: { line: number; rule: string }[] };
    expect(report.findings.map((finding) => finding.line)).toEqual([35]);
    expect(report.suppressed.map((site) => `${site.line} ${site.rule}`)).toEqual(['12 no-per-call-agent', '17 no-per-call-client', '23 no-inline-dispatcher', '29 no-per-call-agent']);
    expect(runCli(project, ['report', 'src']).stdout).toContain('4 findings silenced by eslint-disable comments (not listed).');
  });

  it('are counted in the fix summary, text and JSON', () => {
    const project = makeProject({ 'src/routes.ts': source });
    const real = { REUSE_CLIENTS_TRANSFORM: '' };
    const text = runCli(project, ['--dry', 'src'], real).stdout;
    expect(text).toContain('4 sites silenced by eslint-disable comments: not changed.');
    const summary = JSON.parse(runCli(project, ['--dry', '--json', 'src'], real).stdout) as { sites: { suppressed: unknown[] } };
    expect(summary.sites.suppressed).toHaveLength(4);
  });
});
