// A realworld worker thread: lints the files the main thread sends, one at a time, with one ESLint
// instance per repository root (a flat config's globs are relative to its base path), and
// returns the plugin's findings, parse errors, and the context of each finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { ESLint } from 'eslint';
import { contextOf } from './context.mjs';
import { analyzeContexts } from './core-context.mjs';
import { userConfig } from './user-config.mjs';

const RULE_PREFIX = 'reuse-clients/';
// ESLint warns about each repository's legacy .eslintignore, once per thread: noise here, since
// the user config carries the ignores.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type !== 'ESLintIgnoreWarning') emitWarning(warning, ...rest);
};
const instances = new Map();

function eslintFor(root) {
  let eslint = instances.get(root);
  if (eslint === undefined) {
    eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: userConfig(), errorOnUnmatchedPattern: false });
    instances.set(root, eslint);
  }
  return eslint;
}

/** @returns {Promise<import('./summary.mjs').FileResult>} */
export async function lintOne({ root, file }) {
  const [result] = await eslintFor(root).lintFiles([file]);
  const relative = path.relative(root, file).split(path.sep).join('/');
  const outcome = { root, file: relative, findings: [], silenced: [], parseError: null, ignored: false };
  if (result === undefined) return { ...outcome, ignored: true };
  const source = readFileSync(file, 'utf8');
  const reported = result.messages.filter((message) => message.ruleId?.startsWith(RULE_PREFIX));
  if (result.messages.some((message) => message.ruleId === null && /^File ignored/.test(message.message))) outcome.ignored = true;
  outcome.parseError = result.messages.filter((message) => message.fatal).map((message) => `${message.line}:${message.column} ${message.message}`)[0] ?? null;
  const core = outcome.parseError === null && !outcome.ignored ? safely(() => analyzeContexts(root, file, source)) : null;
  for (const message of reported) {
    const same = core?.findings.find((finding) => finding.rule === message.ruleId && finding.line === message.line && finding.column === message.column);
    const { context, guessed } = contextOf(same ?? {}, relative, source);
    outcome.findings.push({ rule: message.ruleId, context, contextGuessed: guessed, reason: same?.reason ?? '', line: message.line, column: message.column, message: message.message });
  }
  for (const finding of core?.silenced ?? []) outcome.silenced.push({ ...finding, contextGuessed: false });
  return outcome;
}

/** The context pass is a second look for the report; if it throws, the lint result still counts. */
function safely(run) {
  try {
    return run();
  } catch {
    return null;
  }
}

parentPort?.on('message', async ({ index, file }) => {
  let result;
  try {
    result = await lintOne(file);
  } catch (error) {
    // A rule that throws fails its file, not the run: it is reported as a crash.
    result = { root: file.root, file: path.relative(file.root, file.file), error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  parentPort.postMessage({ index, result });
});
parentPort?.postMessage({ ready: true });
