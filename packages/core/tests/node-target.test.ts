import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ASSUMED_NODE_TARGET, mayRunBelowMajor, nodeTargetFor } from '../src/index.js';
import { versionOf } from '../src/node-version-sources.js';

describe('mayRunBelowMajor (does the global agent lack keep-alive on some supported Node?)', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['>=16', true],
    ['^18 || ^20', true],
    ['18', true],
    ['18.19.0', true],
    ['>=18.0.0 <21', true],
    ['not a range', true],
  ])('%j may run below Node 19: %s', (target, expected) => {
    expect(mayRunBelowMajor(target, 19)).toBe(expected);
  });

  it.each([['>=19'], ['>=20.19'], ['^20 || ^22'], ['20'], ['22.1.0'], ['>=19.0.0']])('%j only runs on Node 19 or later', (target) => {
    expect(mayRunBelowMajor(target, 19)).toBe(false);
  });
});

describe('nodeTargetFor (where a project states its Node version)', () => {
  const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/node-targets');
  const repositoryManifest = path.resolve(fixtures, '../../package.json');
  const target = (folder: string) => nodeTargetFor(path.join(fixtures, folder, 'handler.ts'));

  it.each([
    ['engines-first/src', '>=18', 'engines.node', 'engines-first/package.json'],
    ['nvmrc/src', '18.20.4', '.nvmrc', 'nvmrc/.nvmrc'],
    ['nvmrc-lts/src', '20', '.nvmrc', 'nvmrc-lts/.nvmrc'],
    ['node-version/src', '16.20.2', '.node-version', 'node-version/.node-version'],
    ['tool-versions/src', '18.19.0', '.tool-versions', 'tool-versions/.tool-versions'],
    ['volta/src', '18.19.0', 'volta.node', 'volta/package.json'],
    ['dockerfile/src', '18.20', 'Dockerfile', 'dockerfile/Dockerfile'],
    ['dockerfile-arg/src', '16', 'Dockerfile', 'dockerfile-arg/Dockerfile'],
    ['serverless/src', '18 || 20', 'serverless.yml', 'serverless/serverless.yml'],
    ['sam/src', '22', 'SAM template', 'sam/template.yaml'],
    ['cdk/lambda', '18', 'CDK app', 'cdk/cdk.json'],
    ['terraform/src', '16', 'terraform', 'terraform/main.tf'],
    ['monorepo/packages/api/src', '18', '.nvmrc', 'monorepo/.nvmrc'],
    ['monorepo/packages/web/src', '22', '.nvmrc', 'monorepo/packages/web/.nvmrc'],
  ])('%s: %s from %s', (folder, range, source, file) => {
    expect(target(folder)).toEqual({ range, source, file: path.join(fixtures, file) });
  });

  it('a Dockerfile whose last stage is not Node states nothing: the walk goes on upwards', () => {
    expect(target('dockerfile-not-node/src')).toEqual({ range: '>=20.19', source: 'engines.node', file: repositoryManifest });
  });

  it('an older Node stated anywhere makes default-axios requests a finding; a maintained one does not', () => {
    expect(mayRunBelowMajor(target('serverless/src').range, 19)).toBe(true);
    expect(mayRunBelowMajor(target('sam/src').range, 19)).toBe(false);
  });

  describe('in a repository that states no version', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'reuse-clients-node-target-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, 'app/src'), { recursive: true });
    writeFileSync(path.join(root, 'app/package.json'), '{ "name": "app", "engines": {} }');
    writeFileSync(path.join(root, 'app/.nvmrc'), 'lts/*\n');
    writeFileSync(path.join(root, 'app/Dockerfile'), 'FROM node:lts-alpine\n');
    writeFileSync(path.join(root, '.nvmrc'), '# no version here\n');

    it('assumes a maintained Node and says so', () => {
      const assumed = nodeTargetFor(path.join(root, 'app/src/index.ts'));
      expect(assumed).toBe(ASSUMED_NODE_TARGET);
      expect(assumed).toMatchObject({ range: '>=22', assumed: true, source: expect.stringMatching(/^assumed: .*18 and 20 are end-of-life/) });
      expect(mayRunBelowMajor(assumed.range, 19)).toBe(false);
    });

    it('stops at the repository root (.git): a version stated above it is not this project’s', () => {
      const outer = mkdtempSync(path.join(tmpdir(), 'reuse-clients-outer-'));
      try {
        writeFileSync(path.join(outer, '.nvmrc'), '16\n');
        mkdirSync(path.join(outer, 'repo/.git'), { recursive: true });
        expect(nodeTargetFor(path.join(outer, 'repo/src/index.ts'))).toBe(ASSUMED_NODE_TARGET);
        expect(nodeTargetFor(path.join(outer, 'elsewhere/index.ts'))).toMatchObject({ range: '16', source: '.nvmrc' });
      } finally {
        rmSync(outer, { recursive: true, force: true });
      }
    });
  });
});

describe('versionOf (a version manager file’s line)', () => {
  it.each([
    ['22', '22'],
    ['v22.11.0\n', '22.11.0'],
    ['20.x', '20'],
    ['lts/hydrogen', '18'],
    ['lts/Jod', '22'],
    ['lts/*', undefined],
    ['node', undefined],
    ['latest', undefined],
    ['system', undefined],
  ])('%j → %j', (line, expected) => {
    expect(versionOf(line)).toBe(expected);
  });
});
