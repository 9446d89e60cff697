// `pnpm realworld`: run the script as the README says on a tiny service copied to a temporary
// folder (with the node_modules, dist and .next folders a real checkout has), and check what it
// lints, what it skips, and how it groups findings by rule and by context.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contextOf, guessFromPath } from '../scripts/realworld/context.mjs';
import { aggregate, renderText, type RealworldSummary } from '../scripts/realworld/summary.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(repoRoot, 'scripts/realworld/index.mjs');
const fixture = path.join(repoRoot, 'fixtures/realworld/tiny-service');

const work = mkdtempSync(path.join(tmpdir(), 'realworld-'));
const service = path.join(work, 'tiny-service');
cpSync(fixture, service, { recursive: true });
for (const ignored of ['node_modules/some-dep', 'dist', '.next/server']) {
  mkdirSync(path.join(service, ignored), { recursive: true });
  cpSync(path.join(service, 'src/handler.mjs'), path.join(service, ignored, 'handler.mjs'));
}
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });

describe('pnpm realworld on a tiny service', () => {
  const json = run('--json', '--workers', '1', service);
  const summary = JSON.parse(json.stdout) as RealworldSummary;

  it('exits 0 and shows progress on stderr', () => {
    expect(json.status).toBe(0);
    expect(json.stderr).toMatch(/realworld: 6\/6 \(100%\)/);
  });

  it('lints the sources and skips ignored folders, minified and generated files', () => {
    expect(summary.files).toMatchObject({ linted: 6, parseErrors: 1, crashes: 0, skippedGenerated: 2, skippedTooLarge: 0 });
    expect(summary.findings.map((finding) => finding.file).sort()).toEqual(['tiny-service/src/handler.mjs', 'tiny-service/src/routes.ts']);
  });

  it('counts a parse error without stopping', () => {
    expect(summary.parseErrors).toEqual([{ file: 'tiny-service/src/broken.js', error: expect.stringMatching(/^2:\d+ Parsing error/) }]);
  });

  it('groups findings by rule and context, with file:line', () => {
    expect(summary.totals).toEqual({
      findings: 2,
      byRule: { 'reuse-clients/no-per-call-agent': 1, 'reuse-clients/no-per-call-client': 1 },
      byContext: { server: 2 },
      byRuleAndContext: { 'reuse-clients/no-per-call-agent': { server: 1 }, 'reuse-clients/no-per-call-client': { server: 1 } },
    });
    expect(summary.findings.map(({ rule, file, line }) => `${rule} ${file}:${line}`)).toEqual([
      'reuse-clients/no-per-call-agent tiny-service/src/routes.ts:8',
      'reuse-clients/no-per-call-client tiny-service/src/handler.mjs:4',
    ]);
  });

  it('lists what core judged test or browser code, with its reason, and does not report it', () => {
    expect(summary.silencedTotals.byRuleAndContext).toEqual({ 'reuse-clients/no-per-call-client': { test: 1 }, 'reuse-clients/prefer-axios-instance': { browser: 1 } });
    expect(summary.silenced.map(({ file, line, context, reason }) => `${context} ${file}:${line} ${reason}`)).toEqual([
      'test tiny-service/src/orders.test.mjs:5 test file (matches `**/*.test.*`)',
      'browser tiny-service/src/ui/CancelButton.jsx:6 inside React component `CancelButton`',
    ]);
    expect(summary.findings.every((finding) => finding.context === 'server' && !finding.contextGuessed && finding.reason === 'server code')).toBe(true);
  });

  it('prints the same findings as text for people', () => {
    const text = run('--show-silenced', service);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^files linted: 6, parse errors: 1, crashes: 0, skipped: 2 generated\/minified/m);
    expect(text.stdout).toMatch(/^reuse-clients\/no-per-call-agent +1 +0 +0 +0 +1$/m);
    expect(text.stdout).toMatch(/^total +2 +0 +0 +0 +2$/m);
    expect(text.stdout).toMatch(/^ {4}tiny-service\/src\/handler\.mjs:4 {2}`new S3Client\(\)` runs on every call/m);
    expect(text.stdout).toMatch(/^silenced: not server code, or per call on purpose \(not reported\): 2$/m);
    expect(text.stdout).toMatch(/^ {4}\[browser\] tiny-service\/src\/ui\/CancelButton\.jsx:6 {2}reuse-clients\/prefer-axios-instance/m);
  });

  it('fails with usage when no folder is given', () => {
    const bare = run();
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/usage: pnpm realworld/);
  });
});

describe('grouping by context', () => {
  const finding = (rule: string, context: string, line: number) => ({ rule, context, contextGuessed: false, line, column: 1, message: `m${line}` });
  const summary = aggregate(
    [
      { root: '/r/app', file: 'a.ts', parseError: null, ignored: false, findings: [finding('reuse-clients/x', 'server', 3), finding('reuse-clients/x', 'test', 9)] },
      { root: '/r/app', file: 'b.ts', parseError: null, ignored: false, findings: [finding('reuse-clients/y', 'worker', 1)] },
      { root: '/r/app', file: 'c.ts', parseError: null, ignored: true, findings: [] },
      { root: '/r/app', file: 'd.ts', error: 'TypeError: boom\n    at rule' },
    ],
    { roots: ['/r/app'], skipped: { generated: [], tooLarge: ['/r/app/big.js'] }, unchecked: 0 },
  );

  it('reads the context the rules attach, including contexts it does not know', () => {
    expect(summary.totals.byRuleAndContext).toEqual({ 'reuse-clients/x': { server: 1, test: 1 }, 'reuse-clients/y': { worker: 1 } });
    expect(summary.contextGuessed).toBe(false);
    expect(summary.files).toMatchObject({ linted: 2, ignoredByConfig: 1, crashes: 1, skippedTooLarge: 1 });
    expect(summary.crashes).toEqual([{ file: 'app/d.ts', error: 'TypeError: boom' }]);
    const text = renderText(summary);
    expect(text).toMatch(/^rule +server +test +browser +build +worker +total$/m);
    expect(text).toMatch(/^ {2}-- worker \(1\)\n {4}app\/b\.ts:1 {2}m1$/m);
    expect(text).not.toMatch(/guessed/);
  });

  it('prefers a finding’s own context to the guess from its path', () => {
    expect(contextOf({ context: 'server' }, 'src/__tests__/a.test.ts', '')).toEqual({ context: 'server', guessed: false });
    expect(contextOf({}, 'src/__tests__/a.test.ts', '')).toEqual({ context: 'test', guessed: true });
  });

  it('guesses test, build, browser and server code from the path and "use client"', () => {
    expect(guessFromPath('packages/api/test/users.ts', '')).toBe('test');
    expect(guessFromPath('src/users.spec.ts', '')).toBe('test');
    expect(guessFromPath('next.config.mjs', '')).toBe('build');
    expect(guessFromPath('src/ui/Button.tsx', '')).toBe('browser');
    expect(guessFromPath('src/lib/fetcher.ts', "// x\n'use client';\nexport {}")).toBe('browser');
    expect(guessFromPath('pages/api/users.ts', '')).toBe('server');
    expect(guessFromPath('src/services/users.ts', '')).toBe('server');
  });
});
