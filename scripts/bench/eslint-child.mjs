// One timed ESLint run, in a process of its own so that every run starts equally cold (no JIT or
// module cache carried over from the previous configuration) — the way `eslint` runs in CI.
//
//   node eslint-child.mjs <configFile> <corpusDir> <concurrency: off|N>
//
// Prints one JSON line: wall and CPU time of `lintFiles` alone (process start-up and config
// loading excluded, they are the same for both configurations), counts, and a hash of every message
// so that two runs can be shown to report exactly the same thing.
import { createHash } from 'node:crypto';
import path from 'node:path';
import process from 'node:process';
import { ESLint } from 'eslint';

const [configFile, corpusDir, concurrencyArg] = process.argv.slice(2);
const concurrency = concurrencyArg === 'off' || concurrencyArg === undefined ? 'off' : Number(concurrencyArg);

const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: configFile, concurrency, cache: false });
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
const results = await eslint.lintFiles(['.']);
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);

// Messages in a canonical order: ESLint returns results per file in its own order, which is not
// part of what a rule is responsible for.
const lines = [];
const perRule = {};
const fatalFiles = [];
for (const result of results) {
  const file = path.relative(corpusDir, result.filePath);
  for (const message of result.messages) {
    if (message.fatal) fatalFiles.push(`${file}: ${message.message}`);
    const rule = message.ruleId ?? '(parser)';
    perRule[rule] = (perRule[rule] ?? 0) + 1;
    lines.push(`${file}:${message.line}:${message.column}:${rule}:${message.message}`);
  }
}
lines.sort();

process.stdout.write(
  `${JSON.stringify({
    wallMs,
    // Worker threads (concurrency) count in process CPU time too.
    cpuMs: (cpu.user + cpu.system) / 1000,
    files: results.length,
    messages: lines.length,
    fatal: fatalFiles.length,
    fatalFiles: fatalFiles.sort(),
    hash: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16),
    perRule,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
