#!/usr/bin/env node
// The reuse-clients demo: lints fixtures/demo-service with its own eslint.config.js (which loads
// the built plugin exactly as a user's config would) and prints what the rules found.
//
// Run it with `npx -y pnpm@10 demo` (builds first) or `node scripts/demo.mjs` after a build.
// Exit status: 0 when the demo ran (findings are the point of the demo), 2 when it could not run
// (plugin not built, broken config, a fixture file that does not parse, …).
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

function heading(title) {
  console.log(`\n=== ${title} ===\n`);
}

// ---------------------------------------------------------------------------------------------
// The demo's steps, run in order. Later steps are appended to this list when they exist
// (planned: the codemod's dry-run diff on the demo service, then before/after connection counts).
// ---------------------------------------------------------------------------------------------
const steps = [lintDemoService];

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
