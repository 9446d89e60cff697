// The benchmark corpus: real JavaScript and TypeScript that no one here wrote, taken from the
// packages pnpm installed for this workspace. The selection is a rule, not a hand-picked list, so
// it is deterministic for a given lockfile and can be re-derived from this file alone:
//
//   1. every package directory in the pnpm store, `node_modules/.pnpm/<entry>/node_modules/<name>`
//      (the package itself, not the links to its dependencies), minus DATA_PACKAGES;
//   2. one version per package name, the highest (two copies of nearly the same code would only
//      weigh that code twice);
//   3. its `.js .mjs .cjs .ts` files, without `.d.ts`, `*.min.js`, files over MAX_FILE_BYTES, and
//      without anything under a nested node_modules;
//   4. sorted by corpus path; if more than `maxFiles` remain, every k-th file (evenly spaced, so each
//      package keeps its share instead of the alphabet deciding which packages survive).
//
// The files are copied into a fresh directory under os.tmpdir(): the tools then see a plain folder
// outside node_modules and outside git, as a user's project would be. Directory names that one of
// the tools skips by default (`dist`, `build`, … — see RENAMED_DIRECTORIES) get a leading `_`, so
// every tool reads the same file set; the counts each tool reports are checked against it.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts'];
export const MAX_FILE_BYTES = 200 * 1024;
// Generated lookup tables shipped as JavaScript: thousands of object literals, not code.
export const DATA_PACKAGES = ['caniuse-lite', 'electron-to-chromium', 'baseline-browser-mapping', 'node-releases', 'emojilib'];
// Our CLI skips these names (build output, dependencies); ESLint and jscodeshift do not.
const RENAMED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git']);

export const SELECTION_RULE = [
  'every package in `node_modules/.pnpm` (the package itself, not its dependency links), highest version per name,',
  `minus generated data tables (${DATA_PACKAGES.join(', ')});`,
  `its ${EXTENSIONS.join(' ')} files except .d.ts, *.min.js, files over ${MAX_FILE_BYTES / 1024} KB and nested node_modules;`,
  'sorted by path, then every k-th file if over the cap.',
].join(' ');

/** `@babel+core@7.29.13_@babel+core@…` → { name: '@babel/core', version: '7.29.13' } */
export function parseStoreEntry(entry) {
  const match = /^(@[^+@]+\+[^@]+|[^@]+)@([^_]+)/.exec(entry);
  if (!match) return undefined;
  return { name: match[1].replace('+', '/'), version: match[2] };
}

/** Numeric-aware version order; good enough for the versions a lockfile holds. */
function compareVersions(a, b) {
  return a.localeCompare(b, 'en', { numeric: true });
}

function isCorpusFile(name, size) {
  return (
    EXTENSIONS.includes(path.extname(name)) && !/\.d\.[cm]?ts$/.test(name) && !name.endsWith('.min.js') && size <= MAX_FILE_BYTES
  );
}

async function listPackageFiles(packageDir) {
  const found = [];
  const pending = [''];
  for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
    for (const entry of await readdir(path.join(packageDir, relative), { withFileTypes: true })) {
      const entryRelative = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') pending.push(entryRelative);
      } else if (entry.isFile()) {
        const { size } = await stat(path.join(packageDir, entryRelative));
        if (isCorpusFile(entry.name, size)) found.push({ relative: entryRelative, size });
      }
    }
  }
  return found;
}

/** Where a package file goes in the corpus: `<name>/<path>`, skipped directory names prefixed. */
function corpusPath(packageName, relative) {
  const segments = relative.split(path.sep).map((segment) => (RENAMED_DIRECTORIES.has(segment) ? `_${segment}` : segment));
  return path.posix.join(packageName, ...segments);
}

/** The packages the rule selects, highest version per name. */
async function selectPackages(storeDir) {
  const byName = new Map();
  for (const entry of (await readdir(storeDir)).sort()) {
    const parsed = parseStoreEntry(entry);
    if (!parsed || DATA_PACKAGES.includes(parsed.name)) continue;
    const dir = path.join(storeDir, entry, 'node_modules', parsed.name);
    const known = byName.get(parsed.name);
    if (!known || compareVersions(parsed.version, known.version) > 0) byName.set(parsed.name, { ...parsed, dir });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Evenly spaced picks, deterministic: index floor(i * n / max) for i < max. */
function spread(items, max) {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

/**
 * Builds the corpus in a temp directory. Returns the directory, the files (corpus-relative, posix),
 * per-package counts, total bytes and a content hash (two runs on one lockfile must agree).
 */
export async function buildCorpus({ repoRoot, maxFiles }) {
  const storeDir = path.join(repoRoot, 'node_modules', '.pnpm');
  const packages = await selectPackages(storeDir);
  const candidates = [];
  for (const pkg of packages) {
    let manifest = {};
    try {
      manifest = JSON.parse(await readFile(path.join(pkg.dir, 'package.json'), 'utf8'));
    } catch {
      // A store entry without a readable manifest still has code to read.
    }
    pkg.moduleType = manifest.type === 'module' ? 'module' : 'commonjs';
    pkg.engines = manifest.engines;
    for (const file of await listPackageFiles(pkg.dir)) {
      candidates.push({ pkg, source: path.join(pkg.dir, file.relative), target: corpusPath(pkg.name, file.relative), size: file.size });
    }
  }
  candidates.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  const chosen = spread(candidates, maxFiles);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'reuse-clients-bench-'));
  const hash = createHash('sha256');
  const perPackage = new Map();
  for (const file of chosen) {
    const target = path.join(dir, file.target);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file.source, target);
    hash.update(`${file.target}\0${file.size}\0`);
    const counts = perPackage.get(file.pkg.name) ?? { name: file.pkg.name, version: file.pkg.version, moduleType: file.pkg.moduleType, files: 0, bytes: 0 };
    counts.files += 1;
    counts.bytes += file.size;
    perPackage.set(file.pkg.name, counts);
  }
  // Each package keeps its manifest (only `type` and `engines`, all the tools read): the rules look
  // up `engines.node` from the nearest package.json, as they would in a real project.
  for (const pkg of packages) {
    if (!perPackage.has(pkg.name)) continue;
    const manifest = { name: pkg.name, version: pkg.version, type: pkg.moduleType, ...(pkg.engines ? { engines: pkg.engines } : {}) };
    await writeFile(path.join(dir, pkg.name, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  return {
    dir,
    files: chosen.map((file) => file.target),
    bytes: chosen.reduce((sum, file) => sum + file.size, 0),
    candidateCount: candidates.length,
    packages: [...perPackage.values()],
    hash: hash.digest('hex').slice(0, 16),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
