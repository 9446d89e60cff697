import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, makeProject, NO_EXPORT_TRANSFORM, removeProjects, runCli } from './support/cli.js';

afterAll(removeProjects);

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('reuse-clients usage', () => {
  it('prints help with exit 0', () => {
    const run = runCli(makeProject({}), ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: reuse-clients [fix] [paths...]');
    expect(run.stdout).toContain('reuse-clients report [paths...]');
    for (const flag of ['--dry', '--json', '--force', '--keyed', '--cpus', '--file-timeout', '--ignore', '--version']) expect(run.stdout).toContain(flag);
  });

  it('prints the package version', () => {
    const run = runCli(makeProject({}), ['--version']);
    expect(run).toMatchObject({ status: 0, stdout: `${manifest.version}\n` });
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--cpus', 'two'], /--cpus expects a whole number of at least 1, got "two"/],
    [['--cpus', '0'], /--cpus expects a whole number/],
    [['--cpus'], /argument missing/],
    [['--file-timeout', 'soon'], /--file-timeout expects a number of seconds from 0 \(no limit\) to \d+, got "soon"/],
    [['--file-timeout', '1e3'], /--file-timeout expects a number of seconds/],
    [['--file-timeout', '99999999'], /--file-timeout expects a number of seconds/],
    [['reprot'], /"reprot" is neither a command nor an existing path/],
    [['fix', 'no/such/dir'], /no such file or directory: no\/such\/dir/],
  ])('%j is a usage error: message and hint on stderr, exit 2', (args, message) => {
    const project = makeProject({ 'a.ts': 'new Agent()\n' });
    const before = checksums(project);
    const run = runCli(project, args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('reuse-clients --help');
    expect(checksums(project)).toEqual(before);
  });

  it('accepts an existing folder whose name looks like a command', () => {
    const run = runCli(makeProject({ 'services/a.ts': 'new Agent()\n' }), ['services']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/files changed\s+1/);
  });

  it('treats an explicit `fix` command like the default one', () => {
    const project = makeProject({ 'src/a.ts': 'new Agent()\n' });
    expect(runCli(project, ['fix', 'src']).status).toBe(0);
    expect(runCli(project, ['--dry', 'fix']).stdout).toContain('files scanned');
  });

  it('exits 2 without touching files when the transform module cannot be used', () => {
    const project = makeProject({ 'a.ts': 'new Agent()\n' });
    const before = checksums(project);
    for (const cpus of ['1', '2']) {
      const run = runCli(project, ['--cpus', cpus], { REUSE_CLIENTS_TRANSFORM: NO_EXPORT_TRANSFORM });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('does not export a transformFile function');
    }
    expect(checksums(project)).toEqual(before);
  });
});
