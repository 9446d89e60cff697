// Packs the published packages the way a release does (pnpm pack: runs prepack, rewrites
// `workspace:` ranges) and checks what each tarball holds before anything installs it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PUBLISHED = ['core', 'eslint-plugin', 'codemod', 'trace'];

/** Packs every published package into `destination` (one pnpm run); returns { name: tarball path }. */
export function packAll(repoRoot, destination) {
  const filters = PUBLISHED.flatMap((dir) => ['--filter', `./packages/${dir}`]);
  execFileSync('npx', ['-y', 'pnpm@10', '-r', ...filters, 'pack', '--pack-destination', destination], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarballs = {};
  for (const dir of PUBLISHED) {
    const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'packages', dir, 'package.json'), 'utf8'));
    // pnpm's file name: the scope's @ dropped and its / turned into -.
    const tarball = path.join(destination, `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`);
    if (!existsSync(tarball)) throw new Error(`pnpm pack did not write ${tarball}`);
    tarballs[name] = tarball;
  }
  return tarballs;
}

/** Problems with one tarball: missing README/LICENSE/docs, `workspace:` ranges, maps without sources. */
export function inspectTarball(tarball, { ruleDocs = [] } = {}) {
  const unpacked = mkdtempSync(path.join(os.tmpdir(), 'reuse-clients-tarball-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const root = path.join(unpacked, 'package');
    const files = new Set(readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))));
    const read = (file) => readFileSync(path.join(root, file), 'utf8');
    const problems = [];
    for (const required of ['package.json', 'README.md', 'LICENSE', ...ruleDocs.map((rule) => `docs/rules/${rule}.md`)]) {
      if (!files.has(required)) problems.push(`${required} is missing`);
    }
    const manifest = read('package.json');
    if (manifest.includes('workspace:')) problems.push('package.json still has a workspace: range (pack with pnpm, not npm)');
    for (const file of files) {
      if (file.endsWith('.map')) {
        for (const source of JSON.parse(read(file)).sources ?? []) {
          if (!files.has(path.join(path.dirname(file), source))) problems.push(`${file} points at ${source}, which is not in the tarball`);
        }
      } else if (/\.[cm]?js$|\.d\.[cm]?ts$/.test(file)) {
        const mapped = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(read(file));
        if (mapped && !files.has(path.join(path.dirname(file), mapped[1]))) problems.push(`${file} names ${mapped[1]}, which is not in the tarball`);
      }
    }
    return { files: files.size, problems, manifest: JSON.parse(manifest) };
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}
