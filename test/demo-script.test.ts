// The README's first command ends in `node scripts/demo.mjs`: run it as a user would and check that
// every step did its job (findings of all five rules, a dry-run diff, a before/after line).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoSource = path.join(repoRoot, 'fixtures/demo-service/src');

/** A checksum of every source file of the demo service, to prove the dry run wrote nothing. */
function checksums(): Record<string, string> {
  const files = readdirSync(demoSource, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files.map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(demoSource, file), createHash('sha256').update(readFileSync(file)).digest('hex')];
    }),
  );
}

describe('scripts/demo.mjs', () => {
  const before = checksums();
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/demo.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  const output = run.stdout;

  it('exits 0', () => {
    expect(run.stderr).not.toMatch(/demo failed/);
    expect(run.status).toBe(0);
  });

  it('prints findings of every rule', () => {
    for (const rule of ['no-per-call-agent', 'no-per-call-client', 'no-inline-dispatcher', 'prefer-axios-instance', 'require-keep-alive']) {
      expect(output).toMatch(new RegExp(`reuse-clients/${rule} \\d+`));
    }
  });

  it('shows the codemod dry-run diff and writes nothing', () => {
    expect(output).toMatch(/^--- a\/fixtures\/demo-service\/src\//m);
    expect(output).toMatch(/^\+\+\+ b\/fixtures\/demo-service\/src\//m);
    expect(output).toContain('Dry run: nothing was written.');
    expect(checksums()).toEqual(before);
  });

  it('ends with the connections the fix saves, fewer after than before', () => {
    const line = /demo: (\d+) upstream requests over TLS opened (\d+) connections before, (\d+) after/.exec(output);
    expect(line).not.toBeNull();
    const [, requests, before, after] = line!.map(Number);
    expect(before).toBe(requests);
    expect(after).toBeLessThan(before!);
  });
});
