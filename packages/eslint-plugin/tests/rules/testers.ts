// Shared pieces of the rule suites. Every suite builds its own RuleTester; the default parser of
// @typescript-eslint/rule-tester is @typescript-eslint/parser, which parses plain JS as well.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `languageOptions` for a CommonJS file (the rule tester's types take `sourceType` in `parserOptions`). */
export const commonjs = { parserOptions: { sourceType: 'commonjs' } } as const;

/** Spread into a test case to lint it as a `.tsx` file with JSX enabled. */
export const tsx = {
  filename: 'file.tsx',
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
} as const;

const projectsRoot = path.join(os.tmpdir(), 'reuse-clients-rule-tests');

/**
 * A directory outside this repository (so the repository's own package.json, engines >=20.19, is not
 * the nearest one), holding a package.json with the given `engines.node`, or with no `engines`
 * field when `engines` is null, or no package.json at all when `engines` is undefined.
 * Returns the absolute path of a source file inside it (the file itself need not exist).
 */
export function fileInProject(name: string, engines?: string | null): string {
  const dir = path.join(projectsRoot, name);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  const manifest = path.join(dir, 'package.json');
  if (engines === undefined) {
    fs.rmSync(manifest, { force: true });
  } else {
    const pkg = engines === null ? { name, private: true } : { name, private: true, engines: { node: engines } };
    fs.writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return path.join(dir, 'src', 'handler.ts');
}
