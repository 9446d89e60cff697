// Turns one benchmark run into the console ratio table, the chart's panels and docs/benchmarks.md.
// Every number printed comes from the run object; nothing is computed twice in different ways.
import { TRACE_OVERHEAD_TARGET } from './trace-overhead.mjs';
import { CODEMOD_SPEEDUP_TARGET, LINT_OVERHEAD_TARGET } from './verdicts.mjs';

const s = (ms) => (ms / 1000).toFixed(1);
const x = (ratio) => (ratio === null || ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}x`);
// Linter ratios sit close to 1, where the third decimal is the whole story.
const x3 = (ratio) => `${ratio.toFixed(3)}x`;
const pct = (ratio) => `${(ratio * 100).toFixed(1)}%`;
const mb = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);
const rate = (value) => (value === null ? 'n/a' : value.toFixed(1));

/** Every ratio of the run, one row each: [what, value, target]. Sections `--only` left out have no rows. */
export function ratioRows({ lint, codemod, projectPass, fixBuys, trace }) {
  const rows = [];
  if (lint) rows.push(...lintRatioRows(lint));
  if (codemod) rows.push(...codemodRatioRows(codemod));
  if (projectPass && !projectPass.error) rows.push(...projectPassRatioRows(projectPass));
  if (fixBuys?.rows) {
    for (const row of fixBuys.rows) rows.push([`fix-buys ${row.case} ${row.protocol}: ${row.metric}, after/before`, row.ratio === null ? 'n/a' : `${row.ratio}`, '']);
  }
  if (trace && !trace.error) rows.push(...traceRatioRows(trace));
  return rows;
}

function lintRatioRows(lint) {
  return [
    ['lint: wall, + reuse-clients / baseline (paired per file)', x3(lint.paired.wallRatio), `< ${(1 + LINT_OVERHEAD_TARGET).toFixed(2)}x`],
    ['lint: CPU, + reuse-clients / baseline (paired per file)', x3(lint.paired.cpuRatio), ''],
    ['lint: wall, paired, two interleaved halves of the corpus', lint.paired.halfRatios.map(x3).join(' / '), ''],
    ['lint: wall, + reuse-clients / baseline (median)', x3(lint.wallRatio), ''],
    ['lint: CPU, + reuse-clients / baseline (median)', x3(lint.cpuRatio), ''],
    ['lint: reuse-clients rules (TIMING) / baseline wall', pct(lint.timingShare), ''],
    ['lint: --concurrency 2 / off, wall', x(lint.concurrency.parallel.wallMs / lint.concurrency.serial.wallMs), ''],
    ['lint: --concurrency 2 vs off, same messages', lint.concurrency.identical ? 'yes' : 'NO', 'yes'],
  ];
}

function codemodRatioRows(codemod) {
  const rows = [];
  for (const pair of codemod.pairs) {
    const label = codemod.placeholder ? ' (placeholder transform!)' : '';
    rows.push(
      [`codemod ${pair.label}: files/s, ours / jscodeshift identity${label}`, x(pair.speedup), `>= ${CODEMOD_SPEEDUP_TARGET}x`],
      [`codemod ${pair.label}: files per CPU-s, ours / jscodeshift${label}`, x(pair.cpuSpeedup), ''],
      [`codemod ${pair.label}: peak memory (process tree), ours / jscodeshift`, x(pair.ours.peakTreeRssMb && pair.theirs.peakTreeRssMb ? pair.ours.peakTreeRssMb / pair.theirs.peakTreeRssMb : null), ''],
    );
    if (pair.whatIf) {
      rows.push([`codemod ${pair.label}: files/s, what-if pre-filter in front / jscodeshift`, x(pair.whatIfSpeedup), '(what-if)']);
    }
  }
  return rows;
}

function projectPassRatioRows(projectPass) {
  const { tools, ratios } = projectPass;
  const label = `project pass (${projectPass.files} files)`;
  return [
    [`${label}: wall, report --format json / tsc --noEmit`, x(ratios.wall), 'timed'],
    [`${label}: CPU, report --format json / tsc --noEmit`, x(ratios.cpu), ''],
    [`${label}: max RSS, report --format json / tsc --noEmit`, x(ratios.maxRss), ''],
    [`${label}: wall, fix --dry / tsc --noEmit`, x(ratios.fixWall), ''],
    [`${label}: wall, fix --dry --no-project / tsc --noEmit`, x(ratios.fixNoProjectWall), ''],
    [`${label}: wall, fix --dry / fix --dry --no-project`, x(tools.fix.wallMs / tools.fixNoProject.wallMs), ''],
    [`${label}: findings (cross-file), reported / planted`, `${projectPass.found.findings} (${projectPass.found.crossFile}) / ${projectPass.planted.findings} (${projectPass.planted.crossFile})`, 'equal'],
  ];
}

function traceRatioRows(trace) {
  const { shared, 'per-call': perCall } = trace.loops;
  return [
    [`trace: wall, traced / untraced, ${shared.requests} requests over a shared agent`, x3(shared.ratio), `<= ${(1 + TRACE_OVERHEAD_TARGET).toFixed(2)}x`],
    [`trace: CPU, traced / untraced, ${shared.requests} requests over a shared agent`, x3(shared.cpuRatio), ''],
    [`trace: wall, traced / untraced, ${perCall.requests} requests with an agent per request`, x3(perCall.ratio), ''],
    [`trace: CPU, traced / untraced, ${perCall.requests} requests with an agent per request`, x3(perCall.cpuRatio), ''],
    ['trace: start-up added per traced process', `${trace.startupAddedMs.toFixed(0)} ms`, ''],
  ];
}

export function formatTable(header, rows) {
  const cells = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...cells.map((line) => String(line[column]).length)));
  const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(header, rows, align = []) {
  const escape = (cell) => String(cell).replaceAll('|', '\\|');
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function chartPanels({ lint, codemod, projectPass, fixBuys }) {
  const panels = [];
  if (lint) {
    panels.push({
      title: 'What the linter costs: reuse-clients/recommended on top of a baseline config (overhead, %)',
      unit: '%',
      target: LINT_OVERHEAD_TARGET * 100,
      targetLabel: `target < ${LINT_OVERHEAD_TARGET * 100}%`,
      bars: [
        { label: 'wall time, paired per file', value: (lint.paired.wallRatio - 1) * 100 },
        { label: 'wall time, median of whole runs', value: (lint.wallRatio - 1) * 100, kind: 'secondary' },
        { label: 'CPU time, median of whole runs', value: (lint.cpuRatio - 1) * 100, kind: 'secondary' },
        { label: "the five rules' own time (TIMING)", value: lint.timingShare * 100, kind: 'secondary' },
      ],
    });
  }
  if (codemod) {
    panels.push({
      title: codemod.placeholder
        ? 'What the codemod costs — PLACEHOLDER TRANSFORM, numbers meaningless'
        : 'What the codemod costs: files/s vs jscodeshift parse+print (x)',
      unit: 'x',
      target: CODEMOD_SPEEDUP_TARGET,
      targetLabel: `target ${CODEMOD_SPEEDUP_TARGET}x`,
      bars: codemod.pairs.flatMap((pair) => [
        { label: `${pair.label}, wall time`, value: pair.speedup },
        { label: `${pair.label}, per CPU-second`, value: pair.cpuSpeedup, kind: 'secondary' },
        ...(pair.whatIf ? [{ label: `${pair.label}, what-if: pre-filter in front`, value: pair.whatIfSpeedup, kind: 'whatif' }] : []),
      ]),
    });
  }
  if (projectPass && !projectPass.error) {
    const { ratios } = projectPass;
    panels.push({
      title: `What the project pass costs: ${projectPass.files.toLocaleString('en-US')} generated files, time relative to tsc --noEmit (x)`,
      unit: 'x',
      target: 1,
      targetLabel: 'tsc --noEmit',
      bars: [
        { label: 'report --format json, wall time', value: ratios.wall },
        { label: 'report --format json, CPU time', value: ratios.cpu, kind: 'secondary' },
        { label: 'fix --dry (with the pass), wall time', value: ratios.fixWall, kind: 'secondary' },
        { label: 'fix --dry --no-project, wall time', value: ratios.fixNoProjectWall, kind: 'secondary' },
      ],
    });
  }
  const throughput = (fixBuys?.rows ?? []).filter((row) => row.metric.startsWith('throughput, 1 caller') && row.ratio !== null);
  if (throughput.length > 0) {
    panels.push({
      title: 'What the fix buys: throughput with 1 caller, after / before (x)',
      unit: 'x',
      target: 1,
      targetLabel: 'no change',
      bars: throughput.map((row) => ({ label: `${row.case} (${row.protocol})`, value: row.ratio })),
    });
  }
  return panels;
}

function machineSection({ machine, elapsedMs, command }) {
  return [
    '## Machine and command',
    '',
    `- Command: \`${command}\` (\`pnpm bench\` runs \`pnpm build\` first, then this).`,
    `- CPU: ${machine.cpuModel}, ${machine.cores} logical cores (\`os.availableParallelism()\` = ${machine.parallelism}).`,
    `- Memory: ${machine.memoryGb.toFixed(1)} GB. OS: ${machine.os}. Node ${machine.node}.`,
    `- Load average (1 min) at start ${machine.loadStart.toFixed(2)}, at end ${machine.loadEnd.toFixed(2)}: the machine was shared, so wall times include other work; CPU times (user + system, from GNU time or \`process.cpuUsage\`) are reported next to them because they do not.`,
    `- Date: ${machine.date}. Measurement time: ${(elapsedMs / 60000).toFixed(1)} min.`,
  ].join('\n');
}

function corpusSection(corpus) {
  const top = [...corpus.packages].sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : 1));
  return [
    '## Corpus',
    '',
    `Selection (scripts/bench/corpus.mjs): ${corpus.rule}`,
    '',
    `**${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(1)} MB, from ${corpus.packages.length} packages** ` +
      `(${corpus.candidateCount} files matched before the cap of ${corpus.maxFiles}; selection hash \`${corpus.hash}\`). ` +
      'They are copied to a fresh directory under the OS temp dir, outside git and node_modules, so every tool sees the same plain ' +
      'folder; directory names our CLI skips by default (`dist`, `build`, …) are prefixed with `_` there, and each package keeps a ' +
      'package.json with its `type` and `engines`. Every tool\'s file count is checked against the corpus.',
    '',
    '<details><summary>Files per package</summary>',
    '',
    markdownTable(['package', 'version', 'type', 'files', 'KB'], top.map((pkg) => [pkg.name, pkg.version, pkg.moduleType, pkg.files, (pkg.bytes / 1024).toFixed(0)]), ['', '', '', 'r', 'r']),
    '',
    '</details>',
  ].join('\n');
}

function fixBuysSection(fixBuys) {
  const lines = ['## 1. What the fix buys', ''];
  if (!fixBuys) return [...lines, 'fix-buys: not available yet (scripts/bench/fix-buys.mjs was missing when this ran).'].join('\n');
  if (fixBuys.error) return [...lines, `fix-buys failed in this run: \`${fixBuys.error}\`. No numbers are shown.`].join('\n');
  return [
    ...lines,
    `From scripts/bench/fix-buys.mjs (${fixBuys.requests} requests per measurement): each runtime case as written and as the codemod rewrites it, against a loopback server that counts connections and handshakes. after/before < 1 means fewer, > 1 means more.`,
    '',
    markdownTable(['case', 'protocol', 'metric', 'before', 'after', 'after/before'], fixBuys.rows.map((row) => [row.case, row.protocol, row.metric, row.before, row.after, row.ratio ?? '—']), ['', '', '', 'r', 'r', 'r']),
    '',
    fixBuys.demo ? `The bundled demo service: ${fixBuys.demo}` : `The demo service measurement failed in this run: \`${fixBuys.demoError}\``,
  ].join('\n');
}

function lintSection(lint) {
  const runRows = lint.baseline.runs.flatMap((run, i) => [
    [i + 1, 'baseline', s(run.wallMs), s(run.cpuMs), run.messages, mb(run.maxRssMb)],
    [i + 1, '+ reuse-clients', s(lint.plugin.runs[i].wallMs), s(lint.plugin.runs[i].cpuMs), lint.plugin.runs[i].messages, mb(lint.plugin.runs[i].maxRssMb)],
  ]);
  const ours = lint.timing.ours.map((row) => [row.rule, row.ms.toFixed(1), pct(row.ms / lint.timing.totalMs)]);
  const others = lint.timing.rows.filter((row) => !row.rule.startsWith('reuse-clients/')).slice(0, 5);
  return [
    '## 2. What the linter costs',
    '',
    'Baseline config: `@eslint/js` recommended, Node and browser globals, typescript-eslint\'s parser for `.ts` (no type information), ' +
      'ESLint\'s default source types (`.cjs` CommonJS, the rest modules), unused-directive reports off. The measured config is the same plus ' +
      '`reuse-clients/recommended` (all five rules). Runs alternate baseline / plugin, each in a fresh process (`eslint-child.mjs`, ' +
      'ESLint\'s Node API, `lintFiles` timed alone), and medians are compared.',
    '',
    markdownTable(['run', 'config', 'wall s', 'CPU s', 'messages', 'max RSS'], runRows, ['r', '', 'r', 'r', 'r', 'r']),
    '',
    `Medians: baseline ${s(lint.baseline.wallMs)} s wall / ${s(lint.baseline.cpuMs)} s CPU; with reuse-clients ${s(lint.plugin.wallMs)} s / ${s(lint.plugin.cpuMs)} s. ` +
      `**Ratio ${x3(lint.wallRatio)} wall, ${x3(lint.cpuRatio)} CPU.**`,
    '',
    `Paired per file (eslint-paired-child.mjs: one process, both configs as two ESLint instances, sources read into memory beforehand; ` +
      'every file linted with both back to back, alternating which goes first): ' +
      `baseline ${s(lint.paired.baseline.wallMs)} s, with reuse-clients ${s(lint.paired.plugin.wallMs)} s; ` +
      `**ratio ${x3(lint.paired.wallRatio)} wall, ${x3(lint.paired.cpuRatio)} CPU**; the two interleaved halves of the corpus gave ` +
      `${lint.paired.halfRatios.map(x3).join(' and ')}. Load on the machine falls on both sides of every pair alike, which whole runs a ` +
      'minute apart cannot promise; this is the number the target is judged on.',
    '',
    `Messages: ${lint.messages} with or without the plugin, ${lint.ourMessages} from reuse-clients rules (the corpus is library code, which rarely builds clients per call), ` +
      `${lint.fatal} fatal messages (files ESLint could not parse, or could not use as written)${lint.fatalFiles?.length ? `: ${lint.fatalFiles.join('; ')}` : ''}.`,
    '',
    `### Per-rule time (\`TIMING=all eslint\`, one run with the plugin, ${lint.timing.files} files)`,
    '',
    'The five rules share one analysis per file (packages/eslint-plugin/src/report.ts caches it on the AST): the first rule to reach ' +
      '`Program:exit` pays for it and the other four read the cache, so one row carries nearly all of the cost and the tree is not walked per rule. ' +
      'Before any walk, `analyzeFile` runs the text check `mayMentionCatalog` and returns early for files that cannot mention a catalog module.',
    '',
    markdownTable(['rule', 'time (ms)', 'of all rule time'], [...ours, ['**all five**', lint.timing.oursMs.toFixed(1), pct(lint.timing.oursMs / lint.timing.totalMs)]], ['', 'r', 'r']),
    '',
    `All rules together: ${lint.timing.totalMs.toFixed(0)} ms; the five reuse-clients rules are ${pct(lint.timingShare)} of a median baseline run's wall time. ` +
      `Slowest baseline rules for scale: ${others.map((row) => `\`${row.rule}\` ${row.ms.toFixed(0)} ms`).join(', ')}.`,
    '',
    '### `--concurrency`',
    '',
    'ESLint ≥ 9.34 lints in worker threads, each loading its own copy of the config and plugin; a rule that kept cross-file state would ' +
      'report differently depending on which files its thread saw. The same plugin config run with `concurrency: 2` and `off`:',
    '',
    markdownTable(
      ['concurrency', 'wall s', 'messages', 'message hash'],
      [
        ['off (median run)', s(lint.concurrency.serial.wallMs), lint.concurrency.serial.messages, `\`${lint.concurrency.serial.hash}\``],
        ['2', s(lint.concurrency.parallel.wallMs), lint.concurrency.parallel.messages, `\`${lint.concurrency.parallel.hash}\``],
      ],
      ['', 'r', 'r', ''],
    ),
    '',
    lint.concurrency.identical
      ? 'Identical messages (the hash covers file, position, rule and text of every message, sorted). The plugin\'s only module-level state is a per-directory cache of `engines.node` from package.json files and a WeakMap keyed by each file\'s AST: neither holds findings.'
      : '**The messages differ between the two runs: some rule keeps cross-file state.**',
  ].join('\n');
}

function codemodSection(codemod) {
  const rows = codemod.pairs.flatMap((pair) =>
    [pair.ours, pair.theirs, pair.whatIf].filter(Boolean).map((tool) => [
      tool.name,
      tool.files,
      s(tool.wallMs),
      rate(tool.filesPerSecond),
      tool.cpuMs === null ? 'n/a' : s(tool.cpuMs),
      rate(tool.filesPerCpuSecond),
      mb(tool.maxRssMb),
      mb(tool.peakTreeRssMb),
      Object.entries(tool.details).map(([key, value]) => `${value} ${key}`).join(', '),
    ]),
  );
  const speedups = codemod.pairs.map((pair) => `${pair.label}: **${x(pair.speedup)}** files/s (${x(pair.cpuSpeedup)} per CPU-second)`).join('; ');
  return [
    '## 3. What the codemod costs',
    '',
    'Our CLI `reuse-clients --dry --json --force --cpus N .` against jscodeshift 17 (its Runner, dry and silent) with an identity transform ' +
      '(scripts/bench/identity-transform.cjs: parse with `ts`/`tsx` per file and print, the least any jscodeshift codemod does), on the same files. ' +
      'Each is one whole command, start-up included, measured from outside. "1 core": our CLI with `--cpus 1` (no worker), jscodeshift `--run-in-band`. ' +
      `"${codemod.allCores} cores": ${codemod.allCores} workers each — jscodeshift caps itself at cores − 1 workers, so it is shown one more core to run ${codemod.allCores} like ours. ` +
      'Max RSS is the largest single process (GNU time); the process-tree peak sums every process (sampled from /proc), which matters because jscodeshift forks processes while our CLI uses threads.',
    '',
    codemod.placeholder
      ? '> **The CLI still ran the placeholder transform**, which returns "unchanged" for every file without parsing. Its speed says nothing about the codemod; re-run once the transform has landed.\n'
      : '',
    markdownTable(['tool', 'files', 'wall s', 'files/s', 'CPU s', 'files/CPU-s', 'max RSS', 'tree peak', 'outcome'], rows, ['', 'r', 'r', 'r', 'r', 'r', 'r', 'r', '']),
    '',
    `Speed-up over jscodeshift: ${speedups}.`,
    '',
    `Text pre-filter: ${codemod.prefilter.passed} of ${codemod.pairs[0].ours.files} corpus files pass \`mayMentionCatalog\` (core), i.e. can mention a catalog module at all; ` +
      `the check itself takes ${codemod.prefilter.ms.toFixed(0)} ms over the whole corpus in memory (${((codemod.prefilter.ms * 1000) / codemod.pairs[0].ours.files).toFixed(0)} µs per file). ` +
      (codemod.prefilterInTransform
        ? 'The transform runs it before parsing, so the other files are read and dropped without a parse.'
        : '**The built transform does not call it before parsing**: every file is parsed with typescript-estree and scope-analysed before the detector\'s own text check returns early. ' +
          'The "what-if" rows run the same CLI and transform with that check put in front (scripts/bench/prefiltered-transform.mjs, through the CLI\'s `REUSE_CLIENTS_TRANSFORM` hook): ' +
          `${codemod.pairs.map((pair) => `${x(pair.whatIfSpeedup)} on ${pair.label}`).join(', ')}. They show what the pre-filter would buy; they are not the codemod's numbers.`),
  ].join('\n');
}

function projectPassSection(projectPass) {
  const lines = ['## 4. What the project pass costs', ''];
  if (!projectPass) return [...lines, 'Not measured in this run.'].join('\n');
  if (projectPass.error) return [...lines, `The project-pass section failed in this run: \`${projectPass.error}\`. No numbers are shown.`].join('\n');
  const { tools, ratios, planted, found } = projectPass;
  const order = [tools.report, tools.tsc, tools.fixNoProject, tools.fix];
  const outcome = (tool) =>
    tool === tools.report
      ? `${found.findings} findings, ${found.globalAxios} global axios settings, ${found.sharedInstances} shared instances`
      : Object.entries(tool.details).map(([key, value]) => `${value} ${key}`).join(', ') || 'no errors';
  const rows = order.map((tool) => [
    tool.name,
    s(tool.wallMs),
    tool.cpuMs === null ? 'n/a' : s(tool.cpuMs),
    mb(tool.maxRssMb),
    mb(tool.peakTreeRssMb),
    x(tool.wallMs / tools.tsc.wallMs),
    pct(tool.spread),
    outcome(tool),
  ]);
  const runRows = tools.report.runs.map((_, i) => [i + 1, ...order.map((tool) => s(tool.runs[i].wallMs))]);
  return [
    ...lines,
    `A synthetic TypeScript project (scripts/bench/project-generator.mjs, deterministic) of **${projectPass.files.toLocaleString('en-US')} source files**, written to a fresh directory under the OS temp dir in ` +
      `${s(projectPass.generateMs)} s: models, utils, services and route handlers that import each other and build no client, plus ${projectPass.rounds} ` +
      `round${projectPass.rounds === 1 ? '' : 's'} (${projectPass.clientFiles} files) of the shapes the project pass follows — a module-level shared client, an exported factory called per request, ` +
      'a factory wrapped by a repository factory and re-exported through a barrel `index.ts` (two layers), a class whose constructor calls `axios.create()`, ' +
      'an instance method that builds a client, a factory called only at start-up, an in-file per-call `https.Agent` and inline undici dispatcher — and one setup file ' +
      'that configures the global axios. Client modules are bare specifiers with no node_modules; `tsc` reads small declarations from the project\'s `types/` and ' +
      'must report no error.',
    '',
    `Each tool is one whole command in the project directory, measured from outside, ${projectPass.runs} runs each, taking turns (each run starts with the next tool), medians shown. ` +
      `The yardstick is \`tsc --noEmit -p .\` with the repository's TypeScript ${projectPass.tscVersion}: the whole-project TypeScript work a CI already pays. ` +
      'The fix runs are dry (`--dry --json --force`), with the project pass and with `--no-project`, so the difference is what the pass adds to a fix run.',
    '',
    markdownTable(['tool', 'wall s', 'CPU s', 'max RSS', 'tree peak', 'wall / tsc', 'spread', 'outcome'], rows, ['', 'r', 'r', 'r', 'r', 'r', 'r', '']),
    '',
    `**\`reuse-clients report\`: ${x(ratios.wall)} the wall time of \`tsc --noEmit\`, ${x(ratios.cpu)} its CPU time, ${x(ratios.maxRss)} its peak memory.** ` +
      `The pass adds ${s(projectPass.passInFix.wallMs)} s wall${projectPass.passInFix.cpuMs === null ? '' : ` (${s(projectPass.passInFix.cpuMs)} s CPU)`} to a fix run ` +
      `(${s(tools.fixNoProject.wallMs)} s with \`--no-project\`, ${s(tools.fix.wallMs)} s with the pass). Spread is (max − min) / median of a tool's wall times.`,
    '',
    `What the report found, checked on every run against what the generator planted: **${found.findings} findings, ${found.crossFile} of them cross-file** ` +
      `(planted ${planted.findings} and ${planted.crossFile}; each finding's file, line and rule match), ${found.globalAxios} global axios settings (planted ${planted.globalAxios}) ` +
      `and ${found.sharedInstances} shared instances (planted ${planted.sharedInstances}).`,
    '',
    '<details><summary>Wall time of every run (s)</summary>',
    '',
    markdownTable(['run', ...order.map((tool) => tool.name)], runRows, ['r', 'r', 'r', 'r', 'r']),
    '',
    '</details>',
  ].join('\n');
}

function traceSection(trace) {
  const lines = ['## 5. What the runtime tracer costs', ''];
  if (!trace) return [...lines, 'Not measured in this run.'].join('\n');
  if (trace.error) return [...lines, `The trace section failed in this run: \`${trace.error}\`. No numbers are shown.`].join('\n');
  const ms = (value) => `${value.toFixed(0)} ms`;
  return [
    ...lines,
    `From scripts/bench/trace-overhead.mjs: scripts/bench/trace-loop.mjs sends sequential GETs to a loopback server, untraced and traced (\`node --import @reuse-clients/trace/register\`), ` +
      `in ${trace.runs} back-to-back pairs (the order alternating, after one warm-up pair), medians shown; the ratios are the medians of the pairs' own ratios. ` +
      'The loop times itself, so process start-up is measured apart (`node -e 0`). ' +
      `CPU time is the steadier figure on a shared machine; wall time is what the target is set on.${trace.load ? ` Load average ${trace.load.start.toFixed(1)} → ${trace.load.end.toFixed(1)} during this section.` : ''}`,
    '',
    markdownTable(
      ['loop', 'requests', 'wall untraced', 'wall traced', 'wall ratio', 'CPU untraced', 'CPU traced', 'CPU ratio'],
      Object.entries(trace.loops).map(([mode, loop]) => [
        mode === 'shared' ? 'one shared keep-alive agent' : 'a new agent per request',
        loop.requests,
        ms(loop.untracedMs),
        ms(loop.tracedMs),
        x3(loop.ratio),
        ms(loop.untracedCpuMs),
        ms(loop.tracedCpuMs),
        x3(loop.cpuRatio),
      ]),
      ['', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Start-up: \`node -e 0\` takes ${ms(trace.startupMs.untraced)} untraced and ${ms(trace.startupMs.traced)} traced (the import hook's loader thread and the catalog).`,
  ].join('\n');
}

function verdictSection(verdicts) {
  return [
    '## Targets',
    '',
    markdownTable(['target', 'this run', 'met'], verdicts.map((verdict) => [verdict.target, verdict.measured, verdict.met === null ? '**unclear**' : verdict.met ? 'yes' : '**no**'])),
    '',
    ...verdicts.filter((verdict) => verdict.why).map((verdict) => `- **${verdict.id}**: ${verdict.why}`),
  ].join('\n');
}

export function renderMarkdown(run) {
  return `${[
    '# Benchmarks',
    '',
    `<!-- Generated by scripts/bench/index.mjs (\`pnpm bench\`); edit the script, not this file. -->`,
    '',
    'What the fix buys, what the linter costs, what the codemod costs, what the project pass costs and what the runtime tracer costs, measured side by side in one run of `pnpm bench`.',
    '',
    '![Benchmark ratios](benchmarks.svg)',
    '',
    verdictSection(run.verdicts),
    '',
    machineSection(run),
    '',
    corpusSection(run.corpus),
    '',
    fixBuysSection(run.fixBuys),
    '',
    lintSection(run.lint),
    '',
    codemodSection(run.codemod),
    '',
    projectPassSection(run.projectPass),
    '',
    traceSection(run.trace),
    '',
    '## Reproduce',
    '',
    '```sh',
    'npx -y pnpm@10 install --frozen-lockfile',
    'npx -y pnpm@10 bench            # or, after a build: node scripts/bench/index.mjs [--files N] [--runs N] [--requests N] [--project-files N] [--project-runs N]',
    'node scripts/bench/index.mjs --only project-pass   # one section alone (comma-separated for several); --only never writes the docs',
    '```',
  ].join('\n')}\n`;
}
