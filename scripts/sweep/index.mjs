// The robustness sweep: lint and codemod over every JS/TS file installed under the workspace's
// node_modules — tens of megabytes of code no one here wrote — and write docs/sweep-summary.md.
// Needs a build (`pnpm sweep` builds first). Options:
//   --workers N   worker threads (default 2: the machine is shared)
//   --budget S    stop starting files after S seconds (default 1800)
//   --limit N     only the first N files (a quick look; the summary says so)
//   --out FILE    where to write the summary (default docs/sweep-summary.md)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listSourceFiles, workspaceModuleRoots } from './list-files.mjs';
import { checkFiles } from './pool.mjs';
import { aggregate, isClean, renderMarkdown } from './summary.mjs';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '2' },
    budget: { type: 'string', default: '1800' },
    limit: { type: 'string' },
    out: { type: 'string', default: path.join(workspaceRoot, 'docs/sweep-summary.md') },
  },
});
const workers = Number(values.workers);
const budgetMs = Number(values.budget) * 1000;

const started = Date.now();
const commit = gitHead(); // what was built and loaded: taken now, others may commit meanwhile
const allFiles = listSourceFiles(workspaceModuleRoots(workspaceRoot));
const files = values.limit === undefined ? allFiles : allFiles.slice(0, Number(values.limit));
process.stderr.write(`sweep: ${files.length} files, ${workers} worker thread(s), budget ${values.budget} s\n`);

let lastProgress = 0;
const { results, unchecked } = await checkFiles(files, {
  workers,
  budgetMs,
  // Generous: the slowest real files (@babel/parser's 500 KB bundle) take a few seconds.
  fileTimeoutMs: 120_000,
  onResult: (result, done) => {
    const now = Date.now();
    if (now - lastProgress > 5000 || done === files.length) {
      lastProgress = now;
      const percent = ((done / files.length) * 100).toFixed(0);
      process.stderr.write(`sweep: ${done}/${files.length} (${percent}%) ${((now - started) / 1000).toFixed(0)} s\n`);
    }
  },
});

const summary = aggregate(results, unchecked + (allFiles.length - files.length));
const markdown = renderMarkdown(summary, {
  date: new Date().toISOString(),
  command: `pnpm sweep${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  wallMs: Date.now() - started,
  commit,
  workers,
  relative: (file) => path.relative(workspaceRoot, file),
});
writeFileSync(values.out, markdown);
process.stdout.write(markdown);
process.exitCode = isClean(summary) ? 0 : 1;

/** The commit swept (the work tree may hold uncommitted changes on top: the summary says so). */
function gitHead() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: workspaceRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: workspaceRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} + uncommitted changes under packages/` : head;
  } catch {
    return 'unknown';
  }
}
