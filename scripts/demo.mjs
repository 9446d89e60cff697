#!/usr/bin/env node
// The reuse-clients demo: lints fixtures/demo-service with its own eslint.config.js (which loads
// the built plugin exactly as a user's config would) and prints what the rules found, then shows
// the codemod's dry-run diff on the same service and the connections and latency the fix saves.
//
// Run it with `npx -y pnpm@10 demo` (builds first) or `node scripts/demo.mjs` after a build.
// Exit status: 0 when the demo ran (findings are the point of the demo), 2 when it could not run
// (plugin not built, broken config, a fixture file that does not parse, …).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoServiceDir = path.join(repoRoot, 'fixtures', 'demo-service');

/** Lints the demo service and prints the stylish report and a one-line summary per rule. */
async function lintDemoService() {
  heading('1. ESLint with eslint-plugin-reuse-clients (recommended config) on fixtures/demo-service');
  const eslint = new ESLint({ cwd: demoServiceDir });
  const results = await eslint.lintFiles(['.']);

  const fatal = results.flatMap((result) =>
    result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}:${message.line}: ${message.message}`),
  );
  if (fatal.length > 0) {
    throw new Error(`the demo service did not parse:\n  ${fatal.join('\n  ')}`);
  }

  const formatter = await eslint.loadFormatter('stylish');
  const report = await formatter.format(results);
  process.stdout.write(report === '' ? 'No findings.\n' : report);

  const perRule = new Map();
  for (const message of results.flatMap((result) => result.messages)) {
    const ruleId = message.ruleId ?? '(no rule)';
    perRule.set(ruleId, (perRule.get(ruleId) ?? 0) + 1);
  }
  const total = [...perRule.values()].reduce((sum, count) => sum + count, 0);
  const byRule = [...perRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, count]) => `${ruleId} ${count}`)
    .join(', ');
  const filesWithFindings = results.filter((result) => result.messages.length > 0).length;
  console.log(
    `Summary: ${total} finding${total === 1 ? '' : 's'} in ${filesWithFindings} of ${results.length} files linted${total > 0 ? `: ${byRule}` : ''}.`,
  );
}

/** The codemod's dry run on the same service: the diff it would apply, and the sites it leaves with reasons. */
async function codemodDryRun() {
  heading('2. The codemod, dry run: reuse-clients --dry fixtures/demo-service');
  const cli = path.join(repoRoot, 'packages', 'codemod', 'bin', 'reuse-clients.js');
  const result = spawnSync(process.execPath, [cli, '--dry', path.relative(repoRoot, demoServiceDir)], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the codemod dry run exited with ${result.status ?? result.signal}`);
}

/** The demo's client code before and after the codemod, against a local TLS server: what the fix buys. */
async function connectionSavings() {
  heading('3. What the fix buys: the demo service before and after the codemod');
  const { demoSavings } = await import('./bench/fix-buys.mjs');
  console.log(await demoSavings());
}

function heading(title) {
  console.log(`\n=== ${title} ===\n`);
}

// The demo's steps, run in order: what the rules find, what the codemod would change, what that buys.
const steps = [lintDemoService, codemodDryRun, connectionSavings];

try {
  for (const step of steps) {
    await step();
  }
} catch (error) {
  console.error(`\ndemo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  if (error?.code === 'ERR_MODULE_NOT_FOUND' || /eslint-plugin-reuse-clients/.test(String(error))) {
    console.error('Hint: build the plugin first (`npx -y pnpm@10 build`), or run `npx -y pnpm@10 demo`, which builds.');
  }
  process.exit(2);
}
