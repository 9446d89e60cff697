// Runs as `prepack` in each published package (npm pack/publish and pnpm pack/publish all run it),
// with the package directory as the working directory. It copies what lives once at the top of the
// repository into the package, so every tarball carries it: the LICENSE, and for the ESLint plugin
// the rule docs its rules' `docs.url` and its README link to. The copies are git-ignored.
// It refuses to pack a package whose build output is missing.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packageDir = process.cwd();
const { name, main, exports: exportsMap } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));

const entry = main ?? exportsMap?.['.']?.default;
if (!entry || !existsSync(path.join(packageDir, entry))) {
  console.error(`prepack ${name}: ${entry ?? 'its entry'} is missing; build first (pnpm build).`);
  process.exit(1);
}

cpSync(path.join(repoRoot, 'LICENSE'), path.join(packageDir, 'LICENSE'));

if (name === 'eslint-plugin-reuse-clients') {
  const target = path.join(packageDir, 'docs/rules');
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(repoRoot, 'docs/rules'), target, { recursive: true });
}
