// The targets of issues 4 and 5 and, for each, whether this run met it — and if not, by how much and the
// most likely reason, read off the other numbers of the same run. Kept apart from the rendering so
// that the console table and docs/benchmarks.md cannot disagree.
import { TRACE_OVERHEAD_TARGET } from './trace-overhead.mjs';

export const LINT_OVERHEAD_TARGET = 0.03; // under 3% more wall time than the baseline
export const CODEMOD_SPEEDUP_TARGET = 5; // at least 5x the files/s of a jscodeshift identity run
export const TIME_BUDGET_MS = 10 * 60 * 1000; // `pnpm bench` from a fresh clone on 2 cores

const pct = (ratio) => `${(ratio * 100).toFixed(1)}%`;

/** (max − min) / median of a side's whole-run wall times: how much the runs disagree with each other. */
function spread(runs) {
  const walls = runs.map((run) => run.wallMs).sort((a, b) => a - b);
  return (walls.at(-1) - walls[0]) / walls[Math.floor(walls.length / 2)];
}

/**
 * Judged on the paired per-file measurement: both configs lint each file back to back, so machine
 * load falls on both alike. Its two interleaved halves give the run's own noise band (the ratio ±
 * half their gap); when that band straddles the target, the verdict is "unclear" (met: null) rather
 * than a coin toss reported as a result.
 */
function lintVerdict(lint, prefilter, machine) {
  const paired = lint.paired.wallRatio - 1;
  const wall = lint.wallRatio - 1;
  const rules = lint.timingShare;
  const [halfA, halfB] = lint.paired.halfRatios;
  const band = Math.abs(halfA - halfB) / 2;
  const met = paired + band < LINT_OVERHEAD_TARGET ? true : paired - band >= LINT_OVERHEAD_TARGET ? false : null;
  const noise = Math.max(spread(lint.baseline.runs), spread(lint.plugin.runs));
  // `prefilter` comes from the codemod section: null when `--only lint` left it out.
  const ruleTime = prefilter
    ? `The five rules' own time (ESLint TIMING, listeners only) is ${pct(rules)} of a baseline run; core's text pre-check ` +
      `\`mayMentionCatalog\` alone takes ${prefilter.ms.toFixed(0)} ms over the corpus (${pct(prefilter.ms / lint.baseline.wallMs)}), ` +
      `and ${prefilter.passed} of ${lint.paired.files} files pass it and are analysed in full.`
    : `The five rules' own time (ESLint TIMING, listeners only) is ${pct(rules)} of a baseline run.`;
  let why = '';
  if (met === null) {
    why =
      `this run cannot place the overhead on either side of ${pct(LINT_OVERHEAD_TARGET)}: the paired estimate is ${pct(paired)}, but its two halves ` +
      `measured ${pct(halfA - 1)} and ${pct(halfB - 1)} (load average ${machine.loadStart.toFixed(1)} → ${machine.loadEnd.toFixed(1)} on ${machine.cores} cores), ` +
      `and repeated whole runs of one config differed by up to ${pct(noise)}. ${ruleTime} Re-run on an idle machine to settle it.`;
  } else if (!met) {
    why = `missed by ${pct(paired - LINT_OVERHEAD_TARGET)} (the halves measured ${pct(halfA - 1)} and ${pct(halfB - 1)}). ${ruleTime}`;
  } else if (wall >= LINT_OVERHEAD_TARGET) {
    why =
      `met on the paired measurement, but the whole-run wall ratio says ${pct(wall)}: repeated whole runs of one config differed by up to ` +
      `${pct(noise)} in this run, more than the effect measured, so that ratio is machine load rather than the plugin.`;
  }
  return {
    id: 'lint',
    target: `ESLint + reuse-clients/recommended under ${pct(LINT_OVERHEAD_TARGET)} slower than the baseline`,
    met,
    measured: `${pct(paired)} ± ${pct(band)} paired per file (whole runs: ${pct(wall)} wall, ${pct(lint.cpuRatio - 1)} CPU; rules' own time ${pct(rules)})`,
    why,
  };
}

function concurrencyVerdict(lint) {
  const { identical, serial, parallel } = lint.concurrency;
  return {
    id: 'concurrency',
    target: 'same messages with `--concurrency 2` as with `off` (no cross-file state)',
    met: identical,
    measured: `${parallel.messages} vs ${serial.messages} messages, hash ${parallel.hash} vs ${serial.hash}`,
    why: identical ? '' : 'the two runs reported different messages: some rule result depends on which files a thread linted before.',
  };
}

function codemodVerdict(codemod) {
  if (codemod.placeholder) {
    return {
      id: 'codemod',
      target: `codemod at least ${CODEMOD_SPEEDUP_TARGET}x the files/s of jscodeshift parse+print`,
      met: false,
      measured: 'not measured: the CLI still runs the placeholder transform',
      why: 'the placeholder returns "unchanged" for every file without parsing, so its speed says nothing about the codemod.',
    };
  }
  const worst = Math.min(...codemod.pairs.map((pair) => pair.speedup));
  const met = worst >= CODEMOD_SPEEDUP_TARGET;
  const share = `${codemod.prefilter.passed} of ${codemod.pairs[0].ours.files}`;
  let why = '';
  if (!met) {
    const missed = `missed: ${worst.toFixed(2)}x against ${CODEMOD_SPEEDUP_TARGET}x`;
    const check = `the check itself takes ${codemod.prefilter.ms.toFixed(0)} ms over the corpus`;
    why = codemod.prefilterInTransform
      ? `${missed}. ${share} files pass the text pre-filter and are parsed (typescript-estree + scope analysis) and analysed; ${check}; ` +
        'start-up (loading TypeScript for the parser) is paid once per process and per worker.'
      : `${missed}, because the transform has no pre-filter: it parses every file before the detector's text check runs ` +
        `(only ${share} files could mention a catalog module and need a parse at all). With core's \`mayMentionCatalog\` put in front ` +
        `of it, the same CLI reached ${codemod.pairs.map((pair) => `${pair.whatIfSpeedup.toFixed(1)}x on ${pair.label}`).join(', ')} (what-if rows; ${check}).`;
  }
  return {
    id: 'codemod',
    target: `codemod at least ${CODEMOD_SPEEDUP_TARGET}x the files/s of jscodeshift parse+print`,
    met,
    measured: codemod.pairs.map((pair) => `${pair.speedup.toFixed(2)}x on ${pair.label}`).join(', '),
    why,
  };
}

/**
 * Issue 5 asks for the project pass to be timed, with no number to meet: "met" means it was timed
 * and found exactly what the generator planted (a pass that found nothing would time nothing).
 */
function projectPassVerdict(projectPass) {
  const target = `project pass on a ${projectPass.files.toLocaleString('en-US')}-file project: timed, next to \`tsc --noEmit\``;
  if (projectPass.error) {
    return { id: 'project-pass', target, met: false, measured: 'not measured: the run failed', why: `the project-pass section failed: ${projectPass.error}` };
  }
  const { report, tsc, fix, fixNoProject } = projectPass.tools;
  const s = (ms) => (ms / 1000).toFixed(1);
  const x = (ratio) => (ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`);
  const memory = report.maxRssMb === null ? '' : `, peak RSS ${report.maxRssMb.toFixed(0)} MB (${x(projectPass.ratios.maxRss)})`;
  return {
    id: 'project-pass',
    target,
    met: true,
    measured:
      `\`report --format json\` ${s(report.wallMs)} s wall (${x(projectPass.ratios.wall)} tsc --noEmit's ${s(tsc.wallMs)} s)` +
      `${report.cpuMs === null ? '' : `, ${s(report.cpuMs)} s CPU (${x(projectPass.ratios.cpu)})`}${memory}; ` +
      `the pass adds ${s(projectPass.passInFix.wallMs)} s to a fix run (${s(fixNoProject.wallMs)} → ${s(fix.wallMs)} s); ` +
      `${projectPass.found.findings} findings, ${projectPass.found.crossFile} cross-file, as planted`,
    why: '',
  };
}

function timeVerdict(elapsedMs, machine) {
  const met = elapsedMs < TIME_BUDGET_MS;
  return {
    id: 'time',
    target: 'the whole benchmark in under 10 minutes on 2 cores',
    met,
    measured: `${(elapsedMs / 60000).toFixed(1)} min (measurements; \`pnpm build\` before it not included)`,
    why: met
      ? ''
      : `missed by ${((elapsedMs - TIME_BUDGET_MS) / 60000).toFixed(1)} min on a machine with a load average of ${machine.loadStart.toFixed(1)} at the start ` +
        `and ${machine.loadEnd.toFixed(1)} at the end on ${machine.cores} cores, i.e. shared with other work; lower --files or --runs to fit a busier machine.`,
  };
}

/**
 * Judged on the paired wall ratio of the shared-agent loop (the median of the back-to-back pairs'
 * ratios), with the band its two interleaved halves give, as for the linter: a band straddling
 * the target is "unclear" (met: null), not a coin toss reported as a result.
 */
function traceVerdict(trace, machine) {
  const target = `the runtime tracer adds at most ${pct(TRACE_OVERHEAD_TARGET)} to the wall time of a request-heavy loop`;
  if (trace.error) return { id: 'trace', target, met: false, measured: 'not measured: the run failed', why: `the trace section failed: ${trace.error}` };
  const { shared } = trace.loops;
  const [halfA, halfB] = shared.halfRatios ?? [shared.ratio, shared.ratio];
  const band = Math.abs(halfA - halfB) / 2;
  const limit = 1 + TRACE_OVERHEAD_TARGET;
  const met = shared.ratio + band <= limit ? true : shared.ratio - band > limit ? false : null;
  const load = trace.load ?? (machine ? { start: machine.loadStart, end: machine.loadEnd } : undefined);
  const loadText = load ? ` (load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)})` : '';
  const halves = `its halves measured ${pct(halfA - 1)} and ${pct(halfB - 1)}${loadText}; CPU ${pct(shared.cpuRatio - 1)}`;
  let why = '';
  if (met === null) why = `this run cannot place the overhead on either side of ${pct(TRACE_OVERHEAD_TARGET)}: the paired estimate is ${pct(shared.ratio - 1)}, but ${halves}. Re-run on an idle machine to settle it.`;
  else if (!met) why = `the traced loop took ${pct(shared.ratio - 1)} longer (${halves}); when the CPU ratio is within the target, the wall time was taken on a busy machine.`;
  return {
    id: 'trace',
    target,
    met,
    measured: `${shared.ratio.toFixed(3)}x ± ${band.toFixed(3)} wall (paired), ${shared.cpuRatio.toFixed(3)}x CPU over ${shared.requests} requests`,
    why,
  };
}

/** The verdicts of the sections this run measured (all of them unless `--only` picked some). */
export function verdicts({ lint, codemod, projectPass, trace, elapsedMs, machine, partial = false }) {
  const list = [];
  if (lint) list.push(lintVerdict(lint, codemod?.prefilter ?? null, machine), concurrencyVerdict(lint));
  if (codemod) list.push(codemodVerdict(codemod));
  if (projectPass) list.push(projectPassVerdict(projectPass));
  if (trace) list.push(traceVerdict(trace, machine));
  // A partial run says nothing about the time the whole benchmark takes.
  if (!partial) list.push(timeVerdict(elapsedMs, machine));
  return list;
}
