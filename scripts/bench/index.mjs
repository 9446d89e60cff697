#!/usr/bin/env node
// `pnpm bench`: what the fix buys, what the linter costs, what the codemod costs and what the
// project pass costs, in one run. Prints every ratio, then writes docs/benchmarks.md and the chart
// docs/benchmarks.svg from this very run. Needs a build (`pnpm bench` builds first): the plugin
// and the CLI run from dist.
//
//   node scripts/bench/index.mjs [--files 1600] [--runs 3] [--requests 1000]
//                                [--project-files 2000] [--project-runs 4]
//                                [--only lint,codemod,project-pass,fix-buys,trace] [--no-write] [--docs-dir <dir>]
//
// --files caps the corpus (see corpus.mjs), --runs is the number of ESLint runs per config,
// --requests goes to fix-buys, --project-files is the size of the synthetic project the project
// pass is timed on and --project-runs the number of timed runs of each tool there (see
// project-pass.mjs). --only runs just the named sections (comma-separated) and never writes the
// docs, since a partial run cannot fill them. --docs-dir writes benchmarks.md and benchmarks.svg
// to another folder (to look at them without touching docs/). The defaults keep the whole run
// under 10 minutes on 2 cores, also when they are shared: 2,000 corpus files took 10.4 min on 2
// cores at a load average of 5 to 9.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderChart } from './chart.mjs';
import { measureCodemodCost } from './codemod-cost.mjs';
import { buildCorpus, SELECTION_RULE } from './corpus.mjs';
import { measureLintCost } from './lint-cost.mjs';
import { measureProjectPass } from './project-pass.mjs';
import { measureTraceOverhead } from './trace-overhead.mjs';
import { chartPanels, formatTable, ratioRows, renderMarkdown } from './report.mjs';
import { verdicts } from './verdicts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1600' },
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '1000' },
    'project-files': { type: 'string', default: '2000' },
    'project-runs': { type: 'string', default: '4' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'docs-dir': { type: 'string' },
  },
});
const settings = {
  files: Number(values.files),
  runs: Number(values.runs),
  requests: Number(values.requests),
  projectFiles: Number(values['project-files']),
  projectRuns: Number(values['project-runs']),
};
const SECTIONS = ['lint', 'codemod', 'project-pass', 'fix-buys', 'trace'];
const only = values.only === undefined ? SECTIONS : values.only.split(',').map((name) => name.trim());
for (const name of only) {
  if (!SECTIONS.includes(name)) {
    process.stderr.write(`bench: --only takes ${SECTIONS.join(', ')} (comma-separated), not "${name}".\n`);
    process.exit(2);
  }
}
const selected = (section) => only.includes(section);
const partial = only.length < SECTIONS.length;

const started = Date.now();
const log = (line) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

function requireBuild() {
  for (const built of ['packages/eslint-plugin/dist/index.js', 'packages/codemod/dist/cli/main.js', 'packages/core/dist/index.js', 'packages/trace/dist/register.js']) {
    if (!existsSync(path.join(repoRoot, built))) {
      process.stderr.write(`bench: ${built} is missing; run \`npx -y pnpm@10 bench\` (it builds first) or \`pnpm build\`.\n`);
      process.exit(2);
    }
  }
}

/** fix-buys.mjs is written by someone else and may not exist yet: never fake its numbers. */
async function runFixBuys() {
  const file = path.join(here, 'fix-buys.mjs');
  if (!existsSync(file)) {
    log('fix-buys: not available yet');
    return null;
  }
  // The measurements and the demo fail independently: a broken demo must not hide the rows.
  const attempt = async (what, step) => {
    try {
      return { value: await step() };
    } catch (error) {
      log(`fix-buys: ${what} failed: ${error.stack ?? error}`);
      return { error: `${what}: ${firstLines(error.message ?? String(error))}` };
    }
  };
  const loaded = await attempt('loading fix-buys.mjs', () => import(pathToFileURL(file).href));
  if (loaded.error) return { error: loaded.error };
  const { measureFixBuys, demoSavings } = loaded.value;
  const rows = await attempt('measureFixBuys', () => measureFixBuys({ requests: settings.requests, log: (line) => log(`fix-buys: ${line}`) }));
  if (rows.error) return { error: rows.error };
  const demo = await attempt('demoSavings', () => demoSavings());
  return { requests: settings.requests, rows: rows.value, demo: demo.value ?? null, demoError: demo.error ?? null };
}

/** The project pass on a synthetic project (project-pass.mjs); a failure, a mismatch included, is recorded, not thrown. */
async function runProjectPass() {
  try {
    return await measureProjectPass({ repoRoot, files: settings.projectFiles, runs: settings.projectRuns, log });
  } catch (error) {
    log(`project-pass failed: ${error.stack ?? error}`);
    return { files: settings.projectFiles, runs: settings.projectRuns, error: firstLines(error.message ?? String(error)) };
  }
}

/** The runtime tracer's overhead (trace-overhead.mjs); a failure is recorded, not thrown. */
async function runTraceOverhead() {
  try {
    return await measureTraceOverhead({ repoRoot, log });
  } catch (error) {
    log(`trace failed: ${error.stack ?? error}`);
    return { error: firstLines(error.message ?? String(error)) };
  }
}

/** An error message short enough for a table cell, with the line that says what broke. */
function firstLines(message) {
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, 6).join(' ⏎ ').slice(0, 600);
}

function describeMachine(loadStart) {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    parallelism: os.availableParallelism(),
    memoryGb: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
    loadStart,
    loadEnd: os.loadavg()[0],
  };
}

async function main() {
  requireBuild();
  const loadStart = os.loadavg()[0];
  const command =
    `node scripts/bench/index.mjs --files ${settings.files} --runs ${settings.runs} --requests ${settings.requests} ` +
    `--project-files ${settings.projectFiles} --project-runs ${settings.projectRuns}${partial ? ` --only ${only.join(',')}` : ''}`;

  let corpus;
  let lint;
  let codemod;
  if (selected('lint') || selected('codemod')) {
    log(`building the corpus (at most ${settings.files} files)`);
    corpus = await buildCorpus({ repoRoot, maxFiles: settings.files });
    log(`corpus: ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.packages.length} packages, in ${corpus.dir}`);
    try {
      if (selected('lint')) lint = await measureLintCost({ corpus, repoRoot, runs: settings.runs, log });
      if (selected('codemod')) codemod = await measureCodemodCost({ corpus, repoRoot, log });
    } finally {
      await corpus.cleanup();
    }
  }
  const projectPass = selected('project-pass') ? await runProjectPass() : undefined;
  const fixBuys = selected('fix-buys') ? await runFixBuys() : undefined;
  const trace = selected('trace') ? await runTraceOverhead() : undefined;
  const elapsedMs = Date.now() - started;

  const run = {
    command,
    machine: describeMachine(loadStart),
    elapsedMs,
    corpus: corpus && { ...corpus, rule: SELECTION_RULE, maxFiles: settings.files },
    lint,
    codemod,
    projectPass,
    fixBuys,
    trace,
    partial,
  };
  run.verdicts = verdicts(run);

  process.stdout.write(`\n${formatTable(['ratio', 'value', 'target'], ratioRows(run))}\n\n`);
  if (selected('fix-buys')) {
    if (!fixBuys) process.stdout.write('fix-buys: not available yet\n');
    else if (fixBuys.error) process.stdout.write(`fix-buys failed: ${fixBuys.error}\n`);
    else process.stdout.write(`${fixBuys.demo ?? `fix-buys demo failed: ${fixBuys.demoError}`}\n`);
  }
  if (projectPass?.error) process.stdout.write(`project-pass failed: ${projectPass.error}\n`);
  if (trace?.error) process.stdout.write(`trace failed: ${trace.error}\n`);
  if (codemod?.placeholder) process.stdout.write('codemod: the CLI ran the placeholder transform; its numbers are meaningless.\n');
  for (const verdict of run.verdicts) {
    process.stdout.write(`${verdict.met === null ? 'UNCLEAR' : verdict.met ? 'met    ' : 'MISSED '}  ${verdict.target}: ${verdict.measured}${verdict.why ? `\n         ${verdict.why}` : ''}\n`);
  }

  if (partial) log(`--only ${only.join(',')}: docs/benchmarks.md and docs/benchmarks.svg left as they are`);
  else if (!values['no-write']) {
    const docs = values['docs-dir'] ? path.resolve(values['docs-dir']) : path.join(repoRoot, 'docs');
    await mkdir(docs, { recursive: true });
    const subtitle = `${corpus.files.length} files from node_modules · ${run.machine.cpuModel.trim()} · ${run.machine.cores} cores · Node ${process.version} · ${run.machine.date}`;
    await writeFile(path.join(docs, 'benchmarks.svg'), renderChart({ title: 'reuse-clients benchmarks (pnpm bench)', subtitle, panels: chartPanels(run) }));
    await writeFile(path.join(docs, 'benchmarks.md'), renderMarkdown(run));
    log(`wrote ${path.relative(process.cwd(), path.join(docs, 'benchmarks.md')) || '.'} and benchmarks.svg next to it`);
  }
  log(`done in ${(elapsedMs / 60000).toFixed(1)} min`);
  if (fixBuys?.error || fixBuys?.demoError || projectPass?.error || trace?.error) process.exitCode = 1;
}

await main();
