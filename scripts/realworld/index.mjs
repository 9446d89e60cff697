// `pnpm realworld <dir>...`: lint real repositories with `recommended` as a user spreads it
// (user-config.mjs) and print the findings grouped by rule and by context, for people to read and
// judge. Needs a build (`pnpm realworld` builds first). Options:
//   --json        print the summary as JSON instead of text
//   --out FILE    also write the output to FILE
//   --workers N   worker threads (default 2: the machine is shared)
//   --show-silenced  also list what core judged test, browser or build-time code (not reported)
// Progress goes to stderr. Parse errors are counted and listed, never fatal; a file whose lint
// throws is listed as a crash and the exit code is 1.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkFiles } from '../sweep/pool.mjs';
import { listRepositoryFiles } from './list-files.mjs';
import { aggregate, renderText } from './summary.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    workers: { type: 'string', default: '2' },
    'show-silenced': { type: 'boolean', default: false },
  },
});
if (positionals.length === 0) {
  process.stderr.write('usage: pnpm realworld [--json] [--out FILE] [--workers N] [--show-silenced] <dir>...\n');
  process.exit(2);
}

const started = Date.now();
const { files, skipped } = listRepositoryFiles(positionals);
const workers = Number(values.workers);
process.stderr.write(`realworld: ${files.length} files in ${positionals.length} folder(s), ${workers} worker thread(s)\n`);

let lastProgress = 0;
let findings = 0;
const { results, unchecked } = await checkFiles(files, {
  workers,
  budgetMs: Infinity,
  fileTimeoutMs: 120_000,
  workerUrl: new URL('./worker.mjs', import.meta.url),
  onResult: (result, done) => {
    findings += result.findings?.length ?? 0;
    const now = Date.now();
    if (now - lastProgress > 5000 || done === files.length) {
      lastProgress = now;
      const percent = ((done / files.length) * 100).toFixed(0);
      process.stderr.write(`realworld: ${done}/${files.length} (${percent}%) ${((now - started) / 1000).toFixed(0)} s, ${findings} findings\n`);
    }
  },
});

const summary = aggregate(results, { roots: positionals, skipped, unchecked });
const output = values.json ? `${JSON.stringify(summary, null, 2)}\n` : renderText(summary, { wallMs: Date.now() - started, showSilenced: values['show-silenced'] });
if (values.out !== undefined) writeFileSync(values.out, output);
process.stdout.write(output);
process.exitCode = summary.crashes.length > 0 ? 1 : 0;
