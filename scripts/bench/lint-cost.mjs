// What the linter costs: ESLint over the corpus with a common baseline config, and with the same
// config plus `reuse-clients/recommended`.
//
//   - Wall and CPU time, baseline and plugin runs alternating (B P B P …), each run in a fresh
//     process (eslint-child.mjs), medians compared. Alternating spreads any drift in machine load
//     over both sides; CPU time is reported next to wall time because on a shared machine the
//     wall time also measures everyone else.
//   - The same two configs paired per file in one process (eslint-paired-child.mjs): the steadiest
//     estimate of the overhead on a machine that is doing other things.
//   - Per-rule times from ESLint's own `TIMING=all` table (the `eslint` CLI, one run).
//   - `--concurrency 2` vs `off` with the plugin: identical messages (same hash) show the rules
//     keep no cross-file state, since each worker thread loads its own copy of the plugin.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const PLUGIN_PREFIX = 'reuse-clients/';

/**
 * The baseline every JS project could have: `@eslint/js` recommended, Node and browser globals,
 * typescript-eslint's parser for .ts (no type information), ESLint's default source types (`.cjs`
 * as CommonJS, everything else as modules). Setting `.js` to CommonJS for packages whose `type`
 * says so was tried: it fails on the ESM builds many such packages ship as `.js` (`*.es6.js`,
 * `esnext/`), while module parsing fails on almost no CommonJS file. Unused-directive reports are
 * off: node_modules code carries directives for rules this config does not have.
 */
function configSource({ repoRoot, withPlugin }) {
  const url = (specifier) => import.meta.resolve(specifier);
  const pluginUrl = pathToFileURL(path.join(repoRoot, 'packages/eslint-plugin/dist/index.js')).href;
  return [
    `import js from ${JSON.stringify(url('@eslint/js'))};`,
    `import tseslint from ${JSON.stringify(url('typescript-eslint'))};`,
    `import globals from ${JSON.stringify(url('globals'))};`,
    withPlugin ? `import reuseClients from ${JSON.stringify(pluginUrl)};` : '',
    'export default [',
    '  js.configs.recommended,',
    "  { languageOptions: { globals: { ...globals.node, ...globals.browser } }, linterOptions: { reportUnusedDisableDirectives: 'off' } },",
    "  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },",
    withPlugin ? '  reuseClients.configs.recommended,' : '',
    '];',
    '',
  ].join('\n');
}

/** Writes both configs outside the corpus (so they are not linted themselves). */
async function writeConfigs(repoRoot) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reuse-clients-bench-eslint-'));
  const baseline = path.join(dir, 'baseline.config.mjs');
  const plugin = path.join(dir, 'plugin.config.mjs');
  await writeFile(baseline, configSource({ repoRoot, withPlugin: false }));
  await writeFile(plugin, configSource({ repoRoot, withPlugin: true }));
  return { dir, baseline, plugin };
}

function runNode(args, { cwd, env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function lintOnce(configFile, corpus, concurrency = 'off') {
  const { code, stdout, stderr } = await runNode([path.join(here, 'eslint-child.mjs'), configFile, corpus.dir, String(concurrency)], { cwd: corpus.dir });
  if (code !== 0) throw new Error(`ESLint run failed (exit ${code}):\n${stderr}`);
  const run = JSON.parse(stdout.trim().split('\n').pop());
  if (run.files !== corpus.files.length) throw new Error(`ESLint linted ${run.files} files, the corpus has ${corpus.files.length}`);
  return run;
}

async function pairedRun(configs, corpus) {
  const filesJson = path.join(configs.dir, 'files.json');
  await writeFile(filesJson, JSON.stringify(corpus.files));
  const { code, stdout, stderr } = await runNode([path.join(here, 'eslint-paired-child.mjs'), configs.baseline, configs.plugin, corpus.dir, filesJson], { cwd: corpus.dir });
  if (code !== 0) throw new Error(`paired ESLint run failed (exit ${code}):\n${stderr}`);
  const paired = JSON.parse(stdout.trim().split('\n').pop());
  return { ...paired, wallRatio: paired.plugin.wallMs / paired.baseline.wallMs, cpuRatio: paired.plugin.cpuMs / paired.baseline.cpuMs };
}

/** Rows of ESLint's TIMING table: `rule | time (ms) | relative`. */
export function parseTimingTable(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length !== 3 || cells[0] === 'Rule' || !/^\d/.test(cells[1])) continue;
    rows.push({ rule: cells[0], ms: Number(cells[1]) });
  }
  return rows;
}

async function timingRun(configFile, corpus) {
  const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  const output = path.join(path.dirname(configFile), 'results.json');
  // Results go to a file, so stdout holds only the table; exit 1 just means "lint errors found".
  const { code, stdout, stderr } = await runNode([eslintBin, '--config', configFile, '--format', 'json', '--output-file', output, '.'], {
    cwd: corpus.dir,
    env: { ...process.env, TIMING: 'all' },
  });
  if (code !== 0 && code !== 1) throw new Error(`eslint TIMING run failed (exit ${code}):\n${stderr}`);
  const rows = parseTimingTable(stdout);
  const totalMs = rows.reduce((sum, row) => sum + row.ms, 0);
  const ours = rows.filter((row) => row.rule.startsWith(PLUGIN_PREFIX));
  const results = JSON.parse(await readFile(output, 'utf8'));
  return { rows, totalMs, ours, oursMs: ours.reduce((sum, row) => sum + row.ms, 0), files: results.length };
}

function summarizeRuns(runs) {
  return { runs, wallMs: median(runs.map((run) => run.wallMs)), cpuMs: median(runs.map((run) => run.cpuMs)) };
}

export async function measureLintCost({ corpus, repoRoot, runs = 3, log = () => {} }) {
  const configs = await writeConfigs(repoRoot);
  try {
    const baselineRuns = [];
    const pluginRuns = [];
    for (let i = 1; i <= runs; i++) {
      baselineRuns.push(await lintOnce(configs.baseline, corpus));
      log(`eslint baseline run ${i}/${runs}: ${(baselineRuns.at(-1).wallMs / 1000).toFixed(1)} s`);
      pluginRuns.push(await lintOnce(configs.plugin, corpus));
      log(`eslint + reuse-clients run ${i}/${runs}: ${(pluginRuns.at(-1).wallMs / 1000).toFixed(1)} s`);
    }
    const baseline = summarizeRuns(baselineRuns);
    const plugin = summarizeRuns(pluginRuns);

    const paired = await pairedRun(configs, corpus);
    log(`eslint paired per file: + reuse-clients / baseline = ${paired.wallRatio.toFixed(3)} wall, ${paired.cpuRatio.toFixed(3)} CPU`);

    const timing = await timingRun(configs.plugin, corpus);
    log(`eslint TIMING=all: reuse-clients rules ${timing.oursMs.toFixed(0)} ms of ${timing.totalMs.toFixed(0)} ms in rules`);

    const concurrent = await lintOnce(configs.plugin, corpus, 2);
    log(`eslint --concurrency 2 + reuse-clients: ${(concurrent.wallMs / 1000).toFixed(1)} s`);
    const serialHashes = new Set(pluginRuns.map((run) => run.hash));

    // Messages from our rules (and all others) must be the same whatever the plugin is added to.
    const ourMessages = Object.entries(pluginRuns[0].perRule)
      .filter(([rule]) => rule.startsWith(PLUGIN_PREFIX))
      .reduce((sum, [, count]) => sum + count, 0);

    return {
      baseline,
      plugin,
      wallRatio: plugin.wallMs / baseline.wallMs,
      cpuRatio: plugin.cpuMs / baseline.cpuMs,
      paired,
      // Our rules' own time against the whole baseline run: the overhead without the run-to-run noise.
      timingShare: timing.oursMs / baseline.wallMs,
      timing,
      ourMessages,
      messages: pluginRuns[0].messages,
      fatal: pluginRuns[0].fatal,
      fatalFiles: pluginRuns[0].fatalFiles,
      concurrency: {
        serial: { wallMs: plugin.wallMs, hash: pluginRuns[0].hash, messages: pluginRuns[0].messages },
        parallel: { wallMs: concurrent.wallMs, hash: concurrent.hash, messages: concurrent.messages },
        identical: serialHashes.size === 1 && serialHashes.has(concurrent.hash),
      },
    };
  } finally {
    await rm(configs.dir, { recursive: true, force: true });
  }
}
