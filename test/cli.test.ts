// The codemod as it ships: the package manifest, the bin, the jscodeshift entry and the codemod
// package files point at files that exist after a build, and the bin runs the bundled transform.
// Needs a build first (`pnpm build`; the root `test` script builds).
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checksums, makeProject, removeProjects, runCli } from '../packages/codemod/tests/support/cli.js';

afterAll(removeProjects);

const packageDir = fileURLToPath(new URL('../packages/codemod/', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  exports: Record<string, { types: string; default: string }>;
  files: string[];
};

describe('@reuse-clients/codemod package', () => {
  it('has an executable ESM bin that loads the built CLI', () => {
    const bin = path.join(packageDir, manifest.bin['reuse-clients'] ?? '');
    accessSync(bin, constants.X_OK);
    const text = readFileSync(bin, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(text).toContain("from '../dist/cli/main.js'");
  });

  it('exports built files with their types', () => {
    for (const [entry, target] of Object.entries(manifest.exports)) {
      expect(existsSync(path.join(packageDir, target.default)), entry).toBe(true);
      expect(existsSync(path.join(packageDir, target.types)), entry).toBe(true);
    }
  });

  it('ships the codemod CLI package files, whose workflow runs the built jscodeshift entry', () => {
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'bin', 'codemod.yaml', 'workflow.yaml']));
    const codemodYaml = readFileSync(path.join(packageDir, 'codemod.yaml'), 'utf8');
    expect(codemodYaml).toMatch(/^schema_version: "1\.0"$/m);
    expect(codemodYaml).toMatch(/^workflow: "workflow\.yaml"$/m);
    const name = /^name: "([^"]+)"$/m.exec(codemodYaml)?.[1];
    expect(name).toMatch(/^@[a-z0-9-_]+\/[a-z0-9-_/]+$/);
    const workflowYaml = readFileSync(path.join(packageDir, 'workflow.yaml'), 'utf8');
    const transform = /-t "\$CODEMOD_PATH\/([^"]+)"/.exec(workflowYaml)?.[1];
    expect(transform).toBe('dist/jscodeshift.js');
    expect(existsSync(path.join(packageDir, transform ?? ''))).toBe(true);
    expect(workflowYaml).toContain('npx -y jscodeshift@17');
    expect(workflowYaml).toContain('--fail-on-error');
  });
});

describe('reuse-clients with the bundled transform', () => {
  it('leaves code without client constructions untouched', () => {
    const project = makeProject({ 'src/a.ts': 'export const answer = 42;\n', 'src/b.js': 'module.exports = () => 1;\n' });
    const before = checksums(project);
    const run = runCli(project, ['--json'], { REUSE_CLIENTS_TRANSFORM: '' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ files: { scanned: 2, changed: 0, skipped: 2, failed: 0 }, failures: [] });
    expect(checksums(project)).toEqual(before);
  });
});
