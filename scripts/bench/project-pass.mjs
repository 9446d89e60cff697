// What the project pass costs (issue 5): `reuse-clients report --format json` on a synthetic
// TypeScript project (project-generator.mjs, 2,000 files by default) against `tsc --noEmit -p`
// on the same project (the repository's TypeScript: the natural yardstick for "whole-project
// TypeScript work"), and the fix run with and without the pass (`--dry --json --force`, with and
// without `--no-project`), so the pass's own share of a fix run shows too.
//
// Every tool is a whole child process measured from outside (measure.mjs: wall, CPU, peak RSS).
// The tools take turns: each run starts with the next tool in the rotation, so drift in machine
// load falls on all of them alike (with 4 runs, the default, each of the 4 tools takes each place
// in the order once); medians over the runs are compared.
//
// The report must find exactly what the generator planted: every finding (file, line, rule), the
// cross-file count, the global axios settings and the shared instances. A warm-up run (`--format
// text`, which prints the cross-file count) checks that before anything is timed, and every timed
// report is checked again; a mismatch throws, so a benchmark of a pass that found nothing cannot
// pass for one that did its work. `tsc` must type-check the project with no error.
//
// Run alone: `node scripts/bench/index.mjs --only project-pass --no-write` (needs a build).
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateProject } from './project-generator.mjs';
import { median, runMeasured } from './measure.mjs';

const require = createRequire(import.meta.url);

/** file:line rule of each finding, sorted: what "the same findings" means here. */
const key = (finding) => `${finding.file}:${finding.line} ${finding.rule}`;
const locationKey = (item) => `${item.file}:${item.line}`;

/**
 * What differs between the plan and a report's findings (and, when given, its project facts):
 * a list of readable lines, empty when they agree.
 */
export function differencesFromPlan(plan, report) {
  const problems = [];
  const compare = (what, expected, actual) => {
    const want = new Set(expected);
    const got = new Set(actual);
    const missing = [...want].filter((item) => !got.has(item));
    const unexpected = [...got].filter((item) => !want.has(item));
    if (expected.length !== actual.length || missing.length > 0 || unexpected.length > 0) {
      problems.push(`${what}: planted ${expected.length}, reported ${actual.length}`);
      for (const item of missing.slice(0, 10)) problems.push(`  missing    ${item}`);
      for (const item of unexpected.slice(0, 10)) problems.push(`  unexpected ${item}`);
    }
  };
  compare('findings', plan.findings.map(key), report.findings.map(key));
  if (report.globalAxiosConfiguration) compare('global axios settings', plan.globalAxiosConfiguration.map(locationKey), report.globalAxiosConfiguration.map(locationKey));
  if (report.sharedInstances) {
    const instanceKey = (instance) => `${instance.file}:${instance.line} ${instance.name}${instance.exported ? ' (exported)' : ''}`;
    compare('shared instances', plan.sharedInstances.map(instanceKey), report.sharedInstances.map(instanceKey));
  }
  if (report.failures?.length) problems.push(`failures: ${report.failures.map((failure) => `${failure.file}: ${failure.message}`).join('; ')}`);
  return problems;
}

/**
 * The cross-file count from `report --format text`'s last line: "N findings in M files (C cross-file; …)".
 * The CLI colours only a terminal, and its stdout is a pipe here.
 */
export function crossFileFromText(text) {
  const match = /(\d+) findings? in \d+ files? \((\d+) cross-file/.exec(text);
  return match ? { findings: Number(match[1]), crossFile: Number(match[2]) } : undefined;
}

function fail(what, run, detail = '') {
  return new Error(`${what} (exit ${run.code})${detail ? `: ${detail}` : ''}\n${run.stderr.slice(0, 2000)}`);
}

export async function measureProjectPass({ repoRoot, files = 2000, runs = 4, log = () => {} }) {
  const node = process.execPath;
  const cli = path.join(repoRoot, 'packages/codemod/bin/reuse-clients.js');
  const tsc = path.join(path.dirname(require.resolve('typescript/package.json', { paths: [repoRoot] })), 'bin', 'tsc');
  const tscVersion = require(require.resolve('typescript/package.json', { paths: [repoRoot] })).version;

  const started = performance.now();
  const project = await generateProject({ files });
  const generateMs = performance.now() - started;
  const plan = { findings: project.findings, crossFile: project.crossFile, globalAxiosConfiguration: project.globalAxiosConfiguration, sharedInstances: project.sharedInstances };
  log(
    `project-pass: generated ${project.sourceFiles} files (${project.clientFiles} with client code) in ${(generateMs / 1000).toFixed(1)} s in ${project.dir}; ` +
      `planted ${plan.findings.length} findings (${plan.crossFile} cross-file), ${plan.globalAxiosConfiguration.length} global axios settings, ${plan.sharedInstances.length} shared instances`,
  );
  const options = { cwd: project.dir };

  try {
    // Warm-up, untimed: the text report, whose total line carries the cross-file count (the JSON
    // findings have no such field). Checked against the plan before anything is timed.
    const warm = await runMeasured(node, [cli, 'report', '--format', 'text', '.'], options);
    const counted = crossFileFromText(warm.stdout);
    if (warm.code !== 1 || !counted) throw fail('reuse-clients report --format text did not end with a findings total', warm, warm.stdout.split('\n').slice(-3).join(' ⏎ '));
    if (counted.findings !== plan.findings.length || counted.crossFile !== plan.crossFile) {
      throw new Error(`project-pass: the report found ${counted.findings} findings (${counted.crossFile} cross-file); the generator planted ${plan.findings.length} (${plan.crossFile} cross-file)`);
    }

    const tools = [
      {
        id: 'report',
        name: 'reuse-clients report --format json',
        args: [cli, 'report', '--format', 'json', '.'],
        check(run) {
          if (run.code !== 1) throw fail('reuse-clients report failed (exit 1 = findings expected)', run);
          const report = JSON.parse(run.stdout);
          const problems = differencesFromPlan(plan, report);
          if (problems.length > 0) throw new Error(`project-pass: the report does not match what the generator planted:\n${problems.join('\n')}`);
          return { findings: report.findings.length, globalAxios: report.globalAxiosConfiguration.length, sharedInstances: report.sharedInstances.length };
        },
      },
      {
        id: 'tsc',
        name: `tsc --noEmit -p . (TypeScript ${tscVersion})`,
        args: [tsc, '--noEmit', '-p', '.'],
        check(run) {
          if (run.code !== 0) throw fail('tsc --noEmit found errors in the synthetic project', run, run.stdout.split('\n').slice(0, 10).join(' ⏎ '));
          return {};
        },
      },
      {
        id: 'fixNoProject',
        name: 'reuse-clients --dry --json --force --no-project',
        args: [cli, '--dry', '--json', '--force', '--no-project', '.'],
        check: (run) => checkFix(run, files, 'reuse-clients --no-project'),
      },
      {
        id: 'fix',
        name: 'reuse-clients --dry --json --force (with the pass)',
        args: [cli, '--dry', '--json', '--force', '.'],
        check: (run) => checkFix(run, files, 'reuse-clients'),
      },
    ];

    const measured = Object.fromEntries(tools.map((tool) => [tool.id, []]));
    for (let round = 0; round < runs; round++) {
      const order = tools.map((_, i) => tools[(i + round) % tools.length]);
      for (const tool of order) {
        const run = await runMeasured(node, tool.args, options);
        const details = tool.check(run);
        measured[tool.id].push({ wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssMb: run.maxRssMb, peakTreeRssMb: run.peakTreeRssMb, details });
        log(`project-pass run ${round + 1}/${runs}: ${tool.name}: ${(run.wallMs / 1000).toFixed(1)} s wall${run.cpuMs === null ? '' : `, ${(run.cpuMs / 1000).toFixed(1)} s CPU`}`);
      }
    }

    const summary = Object.fromEntries(
      tools.map((tool) => {
        const list = measured[tool.id];
        const pick = (field) => (list.every((run) => run[field] !== null) ? median(list.map((run) => run[field])) : null);
        const walls = list.map((run) => run.wallMs);
        return [
          tool.id,
          {
            name: tool.name,
            runs: list,
            wallMs: pick('wallMs'),
            cpuMs: pick('cpuMs'),
            maxRssMb: pick('maxRssMb'),
            peakTreeRssMb: pick('peakTreeRssMb'),
            spread: (Math.max(...walls) - Math.min(...walls)) / median(walls),
            details: list[0].details,
          },
        ];
      }),
    );
    const ratio = (a, b) => (a === null || b === null ? null : a / b);
    const { report, tsc: yardstick, fix, fixNoProject } = summary;
    return {
      files,
      runs,
      tscVersion,
      generateMs,
      clientFiles: project.clientFiles,
      rounds: project.rounds,
      planted: { findings: plan.findings.length, crossFile: plan.crossFile, globalAxios: plan.globalAxiosConfiguration.length, sharedInstances: plan.sharedInstances.length },
      found: { findings: counted.findings, crossFile: counted.crossFile, globalAxios: report.details.globalAxios, sharedInstances: report.details.sharedInstances },
      tools: summary,
      ratios: {
        wall: ratio(report.wallMs, yardstick.wallMs),
        cpu: ratio(report.cpuMs, yardstick.cpuMs),
        maxRss: ratio(report.maxRssMb, yardstick.maxRssMb),
        fixWall: ratio(fix.wallMs, yardstick.wallMs),
        fixNoProjectWall: ratio(fixNoProject.wallMs, yardstick.wallMs),
      },
      // What the pass adds to a fix run: the same command with and without `--no-project`.
      passInFix: { wallMs: fix.wallMs - fixNoProject.wallMs, cpuMs: fix.cpuMs === null || fixNoProject.cpuMs === null ? null : fix.cpuMs - fixNoProject.cpuMs },
    };
  } finally {
    await project.cleanup();
  }
}

function checkFix(run, files, name) {
  if (run.code !== 0) throw fail(`${name} failed`, run);
  const summary = JSON.parse(run.stdout);
  if (summary.files.scanned !== files) throw new Error(`project-pass: ${name} scanned ${summary.files.scanned} files, the project has ${files}`);
  if (summary.files.failed !== 0) throw new Error(`project-pass: ${name} failed on ${summary.files.failed} files: ${JSON.stringify(summary.failures).slice(0, 500)}`);
  return { changed: summary.files.changed, hoisted: summary.sites.hoisted, left: summary.sites.left.length };
}
