// What a user gets from npm, checked on the manifests and the built entry points (the install test,
// scripts/install-test, checks the packed tarballs in fresh npm projects).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PUBLISHED = ['core', 'eslint-plugin', 'codemod', 'trace'] as const;

interface Manifest {
  name: string;
  version: string;
  license?: string;
  keywords?: string[];
  repository?: { url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  files?: string[];
  publishConfig?: { access?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(path.join(repoRoot, 'packages', dir, 'package.json'), 'utf8')) as Manifest;

describe.each(PUBLISHED)('packages/%s manifest', (dir) => {
  const manifest = manifestOf(dir);

  it('says where it comes from and under which license', () => {
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(manifest.repository?.directory).toBe(`packages/${dir}`);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/^https:\/\//);
  });

  it('publishes a scoped name publicly', () => {
    if (manifest.name.startsWith('@')) expect(manifest.publishConfig?.access).toBe('public');
  });

  it('ships the sources its source maps point at', () => {
    // tsconfig.base.json emits sourceMap and declarationMap; the maps reference ../src.
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'src']));
  });

  it('takes @typescript-eslint packages with caret ranges, so a project with typescript-eslint keeps one copy', () => {
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (name.startsWith('@typescript-eslint/')) expect(range, name).toMatch(/^\^8\./);
    }
  });

  it('pins the other workspace packages to the same version (released together)', () => {
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (name.startsWith('@reuse-clients/')) expect(range, name).toBe('workspace:*');
    }
    expect(manifest.version).toBe(manifestOf('core').version);
  });
});

describe('eslint-plugin-reuse-clients', () => {
  const manifest = manifestOf('eslint-plugin');

  it('has the keywords npm users search for', () => {
    expect(manifest.keywords).toEqual(expect.arrayContaining(['eslint', 'eslintplugin', 'eslint-plugin']));
  });

  it('needs no TypeScript or typescript-eslint at run time: they are optional peers', () => {
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['@reuse-clients/core']);
    expect(Object.keys(manifest.peerDependencies ?? {}).sort()).toEqual(['@typescript-eslint/parser', 'eslint', 'typescript']);
    expect(manifest.peerDependenciesMeta?.typescript?.optional).toBe(true);
    expect(manifest.peerDependenciesMeta?.['@typescript-eslint/parser']?.optional).toBe(true);
    // No upper bound on typescript: a JS project with TypeScript 7 must install without --force.
    expect(manifest.peerDependencies?.typescript).toBe('>=4.8.4');
  });

  it('require() of the built entry returns the plugin itself', () => {
    const script = "const p = require('./packages/eslint-plugin/dist/index.js'); console.log(JSON.stringify([p.meta, Object.keys(p.configs), typeof p.rules['no-per-call-agent'].create]))";
    const printed = execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual([
      { name: 'eslint-plugin-reuse-clients', version: manifest.version, namespace: 'reuse-clients' },
      ['recommended', 'recommended-type-checked'],
      'function',
    ]);
  });

  it("declares its public types with ESLint's own types only", () => {
    const declarations = readFileSync(path.join(repoRoot, 'packages/eslint-plugin/dist/index.d.ts'), 'utf8');
    const imported = [...declarations.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((match) => match[1]);
    expect(imported).toEqual(['eslint']);
  });
});

describe('@reuse-clients/codemod', () => {
  it('has the keywords codemod users search for', () => {
    expect(manifestOf('codemod').keywords).toEqual(expect.arrayContaining(['codemod', 'jscodeshift']));
  });

  // `codemod workflow validate` (run by the install test) checks workflow.yaml only; codemod 1.18.3
  // checks codemod.yaml's name only when publishing, with this pattern (from its error message).
  it('has a codemod.yaml the codemod registry accepts, at the package version', () => {
    const codemodYaml = readFileSync(path.join(repoRoot, 'packages/codemod/codemod.yaml'), 'utf8');
    const field = (name: string) => new RegExp(`^${name}: "?([^"\\n]+)"?$`, 'm').exec(codemodYaml)?.[1];
    expect(field('schema_version')).toBe('1.0');
    expect(field('name')).toMatch(/^(@[A-Za-z0-9\-_.]+\/)?[A-Za-z0-9\-_]+$/);
    expect(field('version')).toBe(manifestOf('codemod').version);
    expect(field('workflow')).toBe('workflow.yaml');
  });
});
