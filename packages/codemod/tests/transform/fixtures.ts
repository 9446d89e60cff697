// Discovery of the codemod fixtures: `fixtures/codemod/<case>.input.<ext>` with its
// `<case>.output.<ext>` and an optional `<case>.left.json` ([{ line, rule, reason }]). A case runs
// with `--keyed` when its name contains `.keyed` or its first line is `// @keyed`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/codemod');

export interface LeftExpectation {
  line: number;
  rule: string;
  reason: string;
}

export interface FixtureCase {
  name: string;
  ext: string;
  inputPath: string;
  outputPath: string;
  input: string;
  output: string;
  keyed: boolean;
  left: LeftExpectation[] | undefined;
}

const INPUT = /^(?<name>.+)\.input\.(?<ext>ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES_DIR)
    .map((file) => INPUT.exec(file)?.groups)
    .filter((groups): groups is { name: string; ext: string } => !!groups)
    .map(({ name, ext }) => {
      const inputPath = path.join(FIXTURES_DIR, `${name}.input.${ext}`);
      const outputPath = path.join(FIXTURES_DIR, `${name}.output.${ext}`);
      const leftPath = path.join(FIXTURES_DIR, `${name}.left.json`);
      const input = readFileSync(inputPath, 'utf8');
      return {
        name,
        ext,
        inputPath,
        outputPath,
        input,
        output: readFileSync(outputPath, 'utf8'),
        keyed: name.includes('.keyed') || /^(?:\uFEFF)?\/\/ @keyed\b/.test(input),
        left: existsSync(leftPath) ? (JSON.parse(readFileSync(leftPath, 'utf8')) as LeftExpectation[]) : undefined,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const isTypeScriptFixture = (fixture: FixtureCase): boolean => /^(?:ts|tsx|mts|cts)$/.test(fixture.ext);
