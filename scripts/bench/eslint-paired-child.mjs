// The linter's overhead measured in pairs: one process holds two ESLint instances (baseline and
// baseline + reuse-clients) and lints every file with both, back to back, alternating which goes
// first. Whatever else the machine does hits both sides of each pair alike, so the ratio of the
// summed times is far steadier than the ratio of two whole runs taken a minute apart.
//
//   node eslint-paired-child.mjs <baselineConfig> <pluginConfig> <corpusDir> <filesJson>
//
// Files are read into memory first: disk time is not the linter's. Prints one JSON line.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { ESLint } from 'eslint';

const [baselineConfig, pluginConfig, corpusDir, filesJson] = process.argv.slice(2);
const files = JSON.parse(await readFile(filesJson, 'utf8'));
const sides = {
  baseline: new ESLint({ cwd: corpusDir, overrideConfigFile: baselineConfig, cache: false }),
  plugin: new ESLint({ cwd: corpusDir, overrideConfigFile: pluginConfig, cache: false }),
};
const totals = { baseline: { wallMs: 0, cpuMs: 0, messages: 0 }, plugin: { wallMs: 0, cpuMs: 0, messages: 0 } };
// Two interleaved halves of the corpus (each with both orders), timed apart: how far their ratios
// differ is this run's own measure of its noise.
const halves = [
  { baseline: 0, plugin: 0 },
  { baseline: 0, plugin: 0 },
];

async function lintTimed(side, text, filePath) {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const [result] = await sides[side].lintText(text, { filePath });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, messages: result.messages.length };
}

// Each file is linted once per side, the order alternating from file to file. (Linting twice and
// keeping the faster was tried: on a loaded machine it did not make the ratio steadier, and it
// doubles the cost.)
const sources = await Promise.all(files.map(async (file) => ({ filePath: path.join(corpusDir, file), text: await readFile(path.join(corpusDir, file), 'utf8') })));
for (const [index, { filePath, text }] of sources.entries()) {
  const order = index % 2 === 0 ? ['baseline', 'plugin'] : ['plugin', 'baseline'];
  for (const side of order) {
    const timing = await lintTimed(side, text, filePath);
    totals[side].wallMs += timing.wallMs;
    totals[side].cpuMs += timing.cpuMs;
    totals[side].messages += timing.messages;
    halves[index % 4 < 2 ? 0 : 1][side] += timing.wallMs;
  }
}
const halfRatios = halves.map((half) => half.plugin / half.baseline);
process.stdout.write(`${JSON.stringify({ files: files.length, ...totals, halfRatios })}\n`);
