// What the codemod costs: files per second of our CLI over the corpus (dry run, JSON summary)
// against jscodeshift running an identity transform (parse and print every file) on the same
// files, with one core and with all cores, plus CPU time and peak memory. Each run is a whole
// command measured from outside (measure.mjs): start-up, discovery, reading and reporting count
// for both tools alike.
//
// The speed-up comes from the text pre-filter: a file that cannot mention a catalog module is
// never parsed. The share of corpus files that pass `mayMentionCatalog` is reported next to it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, runMeasured } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Files/s and the rest for one tool at one worker count; `runs` repeats, medians kept. */
async function measureTool(name, command, args, { cwd, env, runs, parse, log }) {
  const measured = [];
  for (let i = 0; i < runs; i++) {
    const run = await runMeasured(command, args, { cwd, env });
    const counts = parse(run);
    measured.push({ ...run, ...counts });
    log(`${name}: ${counts.files} files in ${(run.wallMs / 1000).toFixed(1)} s`);
  }
  const pick = (key) => (measured.every((run) => run[key] !== null) ? median(measured.map((run) => run[key])) : null);
  const wallMs = pick('wallMs');
  const cpuMs = pick('cpuMs');
  const files = measured[0].files;
  return {
    name,
    files,
    wallMs,
    cpuMs,
    filesPerSecond: files / (wallMs / 1000),
    filesPerCpuSecond: cpuMs === null ? null : files / (cpuMs / 1000),
    maxRssMb: pick('maxRssMb'),
    peakTreeRssMb: pick('peakTreeRssMb'),
    details: measured[0].details,
  };
}

function parseOurs(run) {
  if (run.code !== 0 && run.code !== 1) throw new Error(`reuse-clients failed (exit ${run.code}):\n${run.stderr}`);
  const summary = JSON.parse(run.stdout);
  return {
    files: summary.files.scanned,
    details: { changed: summary.files.changed, failed: summary.files.failed, hoisted: summary.sites.hoisted, left: summary.sites.left.length },
  };
}

function parseJscodeshift(run) {
  if (run.code !== 0) throw new Error(`jscodeshift failed (exit ${run.code}):\n${run.stderr}`);
  const result = JSON.parse(run.stdout.trim().split('\n').pop());
  return {
    files: result.ok + result.nochange + result.skip + result.error,
    details: { ok: result.ok, unmodified: result.nochange, skipped: result.skip, errors: result.error },
  };
}

/**
 * Is the CLI still running the placeholder transform (which returns "unchanged" without parsing)?
 * Then its speed says nothing about the codemod. Checked on the source and on the built output the
 * CLI actually loads, plus the run itself: nothing hoisted and nothing left anywhere.
 */
function placeholderInUse(repoRoot, ourRuns) {
  const sourcePlaceholder = existsSync(path.join(repoRoot, 'packages/codemod/src/transform/placeholder.ts'));
  const builtIndex = path.join(repoRoot, 'packages/codemod/dist/transform/index.js');
  const builtPlaceholder = existsSync(builtIndex) && /placeholder/.test(readFileSync(builtIndex, 'utf8'));
  const idle = ourRuns.every((run) => run.details.hoisted === 0 && run.details.left === 0);
  return idle && (sourcePlaceholder || builtPlaceholder);
}

/** Does the built transform call the pre-filter itself (before it parses)? A static look. */
function transformUsesPrefilter(repoRoot) {
  const dir = path.join(repoRoot, 'packages/codemod/dist/transform');
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .some((file) => readFileSync(path.join(dir, file), 'utf8').includes('mayMentionCatalog'));
}

/**
 * How many corpus files pass core's text check (i.e. would be parsed at all), and what the check
 * itself costs over the corpus: the sources are read first, the fastest of three passes is kept.
 */
async function measurePrefilter(corpus, repoRoot) {
  const core = await import(pathToFileURL(path.join(repoRoot, 'packages/core/dist/index.js')).href);
  const catalog = core.createCatalog([]);
  const texts = await Promise.all(corpus.files.map((file) => readFile(path.join(corpus.dir, file), 'utf8')));
  let passed = 0;
  let fastestMs = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    passed = texts.filter((text) => core.mayMentionCatalog(text, catalog)).length;
    fastestMs = Math.min(fastestMs, performance.now() - started);
  }
  return { passed, ms: fastestMs };
}

export async function measureCodemodCost({ corpus, repoRoot, runs = 1, log = () => {} }) {
  const allCores = os.availableParallelism();
  const cli = path.join(repoRoot, 'packages/codemod/bin/reuse-clients.js');
  const jscodeshift = path.join(here, 'jscodeshift-child.mjs');
  const identity = path.join(here, 'identity-transform.cjs');
  const node = process.execPath;
  const options = { cwd: corpus.dir, runs, log };
  const prefilterInTransform = transformUsesPrefilter(repoRoot);

  const settings = [
    { label: '1 core', ours: ['--cpus', '1'], theirs: 'band' },
    { label: `${allCores} cores`, ours: ['--cpus', String(allCores)], theirs: String(allCores) },
  ];
  const pairs = [];
  for (const setting of settings) {
    const ours = await measureTool(`reuse-clients --cpus ${setting.ours[1]}`, node, [cli, '--dry', '--json', '--force', ...setting.ours, '.'], { ...options, parse: parseOurs });
    const theirs = await measureTool(
      `jscodeshift identity ${setting.theirs === 'band' ? '--run-in-band' : `${setting.theirs} workers`}`,
      node,
      [jscodeshift, identity, corpus.dir, setting.theirs],
      { ...options, parse: parseJscodeshift },
    );
    // Only while the transform has no pre-filter of its own: what putting one in front would buy.
    const whatIf = prefilterInTransform
      ? null
      : await measureTool(`reuse-clients --cpus ${setting.ours[1]}, pre-filter put in front (what-if)`, node, [cli, '--dry', '--json', '--force', ...setting.ours, '.'], {
          ...options,
          env: { ...process.env, REUSE_CLIENTS_TRANSFORM: path.join(here, 'prefiltered-transform.mjs') },
          parse: parseOurs,
        });
    for (const tool of [ours, theirs, whatIf].filter(Boolean)) {
      if (tool.files !== corpus.files.length) throw new Error(`${tool.name} saw ${tool.files} files, the corpus has ${corpus.files.length}`);
    }
    const cpuRatio = (a, b) => (a.filesPerCpuSecond && b.filesPerCpuSecond ? a.filesPerCpuSecond / b.filesPerCpuSecond : null);
    pairs.push({
      label: setting.label,
      ours,
      theirs,
      speedup: ours.filesPerSecond / theirs.filesPerSecond,
      cpuSpeedup: cpuRatio(ours, theirs),
      whatIf,
      whatIfSpeedup: whatIf ? whatIf.filesPerSecond / theirs.filesPerSecond : null,
      whatIfCpuSpeedup: whatIf ? cpuRatio(whatIf, theirs) : null,
    });
  }

  return {
    pairs,
    allCores,
    placeholder: placeholderInUse(repoRoot, pairs.map((pair) => pair.ours)),
    prefilterInTransform,
    prefilter: await measurePrefilter(corpus, repoRoot),
  };
}
