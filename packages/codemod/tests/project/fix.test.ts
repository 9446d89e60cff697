// The fix run uses the project pass: on each whole-project fixture, the codemod's changes match the
// golden files under `fixtures/project-fixes/<scenario>/` (kept outside the project folder, which
// the report test scans whole), and the fixed project has no TypeScript diagnostic
// that the original did not have. UPDATE_GOLDEN=1 rewrites the goldens (review the diff).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const NODE_TYPES = createRequire(import.meta.url).resolve('@types/node/index.d.ts');
const projectsDir = fileURLToPath(new URL('../../../../fixtures/projects', import.meta.url));
const goldenRoot = fileURLToPath(new URL('../../../../fixtures/project-fixes', import.meta.url));
const scenarios = readdirSync(projectsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const temporary: string[] = [];
afterAll(() => temporary.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function sourceFiles(root: string): string[] {
  return readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]sx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Diagnostics per file of the whole project, as `file: TSnnnn message` (positions left out: code moves). */
function diagnostics(root: string): string[] {
  const files = sourceFiles(root).filter((file) => /\.[cm]?tsx?$/.test(file)).map((file) => path.join(root, file));
  const program = ts.createProgram([...files, NODE_TYPES], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && files.includes(diagnostic.file.fileName))
    .map((diagnostic) => `${path.relative(root, diagnostic.file!.fileName)}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`)
    .sort();
}

describe.each(scenarios)('fixtures/projects/%s', (scenario) => {
  const original = path.join(projectsDir, scenario);
  const work = mkdtempSync(path.join(os.tmpdir(), `reuse-clients-fix-${scenario}-`));
  temporary.push(work);
  for (const entry of readdirSync(original)) {
    if (entry !== 'expected-report.json') cpSync(path.join(original, entry), path.join(work, entry), { recursive: true });
  }
  const run = runCli(work, ['--force', '--json', '.'], { REUSE_CLIENTS_TRANSFORM: '' });
  const changed = sourceFiles(work).filter((file) => readFileSync(path.join(work, file), 'utf8') !== readFileSync(path.join(original, file), 'utf8'));

  it('runs without failures', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('changes exactly the golden files, to their golden text', () => {
    const goldenDir = path.join(goldenRoot, scenario);
    if (process.env.UPDATE_GOLDEN) {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const file of changed) {
        mkdirSync(path.dirname(path.join(goldenDir, file)), { recursive: true });
        writeFileSync(path.join(goldenDir, file), readFileSync(path.join(work, file)));
      }
    }
    const golden = existsSync(goldenDir) ? sourceFiles(goldenDir) : [];
    expect(changed).toEqual(golden);
    for (const file of changed) expect(readFileSync(path.join(work, file), 'utf8'), file).toBe(readFileSync(path.join(goldenDir, file), 'utf8'));
  });

  it('introduces no TypeScript diagnostic', () => {
    const before = diagnostics(original);
    const remaining = [...before];
    const introduced = diagnostics(work).filter((diagnostic) => {
      const index = remaining.indexOf(diagnostic);
      if (index === -1) return true;
      remaining.splice(index, 1);
      return false;
    });
    expect(introduced).toEqual([]);
  });

  it('is idempotent: a second run changes nothing', () => {
    const second = runCli(work, ['--force', '--json', '.'], { REUSE_CLIENTS_TRANSFORM: '' });
    expect(JSON.parse(second.stdout).files.changed).toBe(0);
  });
});
