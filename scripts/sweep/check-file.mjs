// The sweep's two checks on one file, both in-process:
// (a) lint it with ESLint's Linter and the plugin's recommended config: a rule that throws is a
//     crash; a file the parser rejects is only counted (it is not our bug);
// (b) run the codemod transform on it (plain and --keyed): a throw other than the input's own
//     parse error is a crash; a changed output must parse and must not change on a second run;
// (c) both again on the file seeded with per-call sites (seed.mjs), so that rewrites happen.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { seedSource } from './seed.mjs';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const fromCodemod = createRequire(path.join(workspaceRoot, 'packages/codemod/package.json'));
// The codemod's own copy of typescript-estree, so outputs are parsed by what the transform uses.
const { parse } = fromCodemod('@typescript-eslint/typescript-estree');
const plugin = (await import(pathToFileURL(path.join(workspaceRoot, 'packages/eslint-plugin/dist/index.js')).href)).default;
const { transformFile } = await import(pathToFileURL(path.join(workspaceRoot, 'packages/codemod/dist/transform/index.js')).href);

const NO_JSX = /\.[cm]?ts$/; // `<T>x` is a cast in .ts files
// cwd '/': files outside the Linter's cwd match no configuration and would be silently skipped.
const linter = new Linter({ configType: 'flat', cwd: '/' });

/** The ESLint flat config the sweep lints with: recommended, TS parser for every file. */
export function lintConfig(filePath) {
  return [
    // ESLint ignores node_modules by default; the sweep is about exactly those files.
    { ignores: ['!**/node_modules/'] },
    {
      // Explicit extensions: ESLint does not count a bare `**/*` as a match for .ts files.
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: {
        parser: tsParser,
        sourceType: filePath.endsWith('.cjs') ? 'commonjs' : 'module',
        parserOptions: { ecmaFeatures: { jsx: !NO_JSX.test(filePath) } },
      },
      // Libraries' own `/* eslint-disable */` and `/* eslint rule: … */` comments would switch our
      // rules off (or name rules not loaded here): the sweep lints every line regardless.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
    plugin.configs.recommended,
  ];
}

/**
 * @returns {{ status: 'ok' | 'parseError' | 'crash', reports: number, error?: string }}
 */
export function lintSource(source, filePath) {
  let messages;
  try {
    messages = linter.verify(source, lintConfig(filePath), { filename: filePath });
  } catch (error) {
    return { status: 'crash', reports: 0, error: firstLines(error) };
  }
  const fatal = messages.find((message) => message.fatal);
  if (fatal) return { status: 'parseError', reports: 0, error: fatal.message };
  // "No matching configuration" or "file ignored" means the rules never ran: that would make a
  // clean sweep meaningless, so it fails loudly.
  const unlinted = messages.find((message) => message.ruleId === null && /^(?:No matching configuration|File ignored)/.test(message.message));
  if (unlinted) throw new Error(`not linted: ${unlinted.message}`);
  return { status: 'ok', reports: messages.filter((message) => message.ruleId?.startsWith('reuse-clients/')).length };
}

/** True when typescript-estree (the transform's parser) rejects the text. */
export function parseErrorOf(source, filePath) {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  try {
    parse(text, { jsx: !NO_JSX.test(filePath), range: true, loc: true });
    return null;
  } catch (error) {
    return firstLines(error);
  }
}

/**
 * @returns {{
 *   status: 'unchanged' | 'changed' | 'parseError' | 'crash',
 *   hoisted: number, left: string[], problems: string[], error?: string
 * }}
 * `problems` lists broken invariants of a changed output (unparsable, not idempotent).
 */
export function transformSource(source, filePath, keyed, keepOutput = false) {
  const inputError = parseErrorOf(source, filePath);
  let result;
  try {
    result = transformFile(source, { keyed, filePath });
  } catch (error) {
    // The transform must throw on input that does not parse, and only then.
    if (inputError !== null) return { status: 'parseError', hoisted: 0, left: [], problems: [], error: inputError };
    return { status: 'crash', hoisted: 0, left: [], problems: [], error: firstLines(error) };
  }
  const outcome = { hoisted: result.hoisted.length, left: result.left.map((site) => site.reason ?? ''), problems: [] };
  if (result.output === null || result.output === source) return { status: 'unchanged', ...outcome };
  const outputError = parseErrorOf(result.output, filePath);
  if (outputError !== null) outcome.problems.push(`unparsable output: ${outputError}`);
  else {
    let again;
    try {
      again = transformFile(result.output, { keyed, filePath });
    } catch (error) {
      return { status: 'crash', ...outcome, error: `on its own output: ${firstLines(error)}` };
    }
    if (again.output !== null && again.output !== result.output) outcome.problems.push('not idempotent: a second run changes the output');
  }
  return { status: 'changed', ...outcome, ...(keepOutput ? { output: result.output } : {}) };
}

/** Everything the sweep records for one file: the file as it is, and seeded (see seed.mjs). */
export function checkSource(source, filePath) {
  const seeded = seedSource(source, filePath);
  return {
    file: filePath,
    lint: lintSource(source, filePath),
    codemod: transformSource(source, filePath, false),
    keyed: transformSource(source, filePath, true),
    seededLint: seeded === null ? null : lintSource(seeded, filePath),
    seeded: seeded === null ? null : withRewrittenOriginalLines(seeded, transformSource(seeded, filePath, false, true)),
  };
}

/**
 * Lines of the library's own code (no seed on them) that are gone from the seeded output. The
 * library code has no catalog sites of its own (the unseeded run changes nothing), so a rewrite
 * there is the codemod acting on something the seeds made it see — worth a human look.
 */
function withRewrittenOriginalLines(seeded, outcome) {
  const { output, ...rest } = outcome;
  if (output === undefined) return rest;
  const outputLines = new Set(output.split(/\r?\n/).map((line) => line.trim()));
  const rewritten = seeded
    .split(/\r?\n/)
    .filter((line) => !line.includes('__sweep') && line.trim() !== '' && !outputLines.has(line.trim()));
  return { ...rest, rewrittenOriginalLines: rewritten.slice(0, 3).map((line) => line.trim().slice(0, 120)) };
}

function firstLines(error) {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n').slice(0, 3).join(' | ');
}
