#!/usr/bin/env node
// The release: from a clean, committed tree, a clean build, the whole test suite, the install test
// (packs the tarballs and installs them with npm in fresh projects), then `pnpm -r publish`, which
// publishes the four packages in dependency order (core first) and, like `pnpm pack`, rewrites
// `workspace:*` to the exact version (the install test fails any tarball that still has one).
//
//   npx -y pnpm@10 release            # publish (needs `npm login`)
//   npx -y pnpm@10 release --dry-run  # everything but the upload
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dryRun = process.argv.includes('--dry-run');
const sh = (command, args) => execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });

const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim();
if (dirty && !dryRun) {
  console.error(`release: the working tree has uncommitted changes:\n${dirty}`);
  process.exit(2);
}
const versions = ['core', 'eslint-plugin', 'codemod', 'trace'].map(
  (dir) => JSON.parse(readFileSync(path.join(repoRoot, 'packages', dir, 'package.json'), 'utf8')).version,
);
if (new Set(versions).size !== 1) {
  console.error(`release: the packages must share one version (they pin each other exactly), found ${versions.join(', ')}`);
  process.exit(2);
}

// The install test starts with a clean build (dist and tsbuildinfo removed), so the tests below and
// the tarballs see the same fresh output.
sh('node', ['scripts/install-test/index.mjs']);
sh('npx', ['-y', 'pnpm@10', 'test']);
sh('npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'publish', '--access', 'public', ...(dryRun ? ['--dry-run', '--no-git-checks'] : [])]);
console.log(`release ${versions[0]}${dryRun ? ' (dry run)' : ''}: done`);
