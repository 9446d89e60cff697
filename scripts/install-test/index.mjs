#!/usr/bin/env node
// The install test: what an npm user gets. A clean build, the three packages packed as a release
// packs them (and their tarballs inspected), then each scenario of ./scenarios.mjs in a fresh npm
// project outside the workspace, running every README snippet annotated for it. npm installs from
// the registry through its cache (--prefer-offline), so a rerun is mostly offline.
//
//   node scripts/install-test/index.mjs [--only <scenario,…>] [--keep] [--no-build]
//
// Exit status 0 when every check passed, 1 otherwise. .ci/run calls it after the README's test command.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SCENARIOS } from './scenarios.mjs';
import { readSnippets } from './snippets.mjs';
import { inspectTarball, packAll, PUBLISHED } from './tarballs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const { values: flags } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean' }, 'no-build': { type: 'boolean' } } });
const selected = flags.only ? SCENARIOS.filter((scenario) => flags.only.split(',').includes(scenario.id)) : SCENARIOS;

const npmEnv = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_prefer_offline: 'true',
  // Keep the scratch projects away from anything of the workspace (pnpm's settings, its PATH).
  npm_config_user_agent: '',
  GIT_AUTHOR_NAME: 'install-test',
  GIT_AUTHOR_EMAIL: 'install-test@example.invalid',
  GIT_COMMITTER_NAME: 'install-test',
  GIT_COMMITTER_EMAIL: 'install-test@example.invalid',
};

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let failures = 0;
const fail = (what, details) => {
  failures++;
  console.log(`  ✗ ${what}${details ? `\n${indent(details)}` : ''}`);
};
const pass = (what) => console.log(`  ✓ ${what}`);
const indent = (text) => String(text).trimEnd().split('\n').map((line) => `      ${line}`).join('\n');

// 1. A clean build: no stale files from an earlier build end up in a tarball.
if (!flags['no-build']) {
  const since = Date.now();
  for (const dir of PUBLISHED) {
    rmSync(path.join(repoRoot, 'packages', dir, 'dist'), { recursive: true, force: true });
    rmSync(path.join(repoRoot, 'packages', dir, 'tsconfig.tsbuildinfo'), { force: true });
  }
  execFileSync('npx', ['-y', 'pnpm@10', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`clean build: ${seconds(since)}`);
}

// 2. Pack and inspect.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'reuse-clients-install-'));
const packDir = path.join(scratch, 'tarballs');
mkdirSync(packDir);
const since = Date.now();
const tarballs = packAll(repoRoot, packDir);
console.log(`packed with pnpm pack: ${seconds(since)}`);
const ruleDocs = readdirSync(path.join(repoRoot, 'docs/rules')).map((file) => path.basename(file, '.md'));
for (const [name, tarball] of Object.entries(tarballs)) {
  const { files, problems } = inspectTarball(tarball, { ruleDocs: name === 'eslint-plugin-reuse-clients' ? ruleDocs : [] });
  if (problems.length > 0) fail(`${path.basename(tarball)}: ${problems.length} problem(s)`, problems.join('\n'));
  else pass(`${path.basename(tarball)}: ${files} files, README, LICENSE${name === 'eslint-plugin-reuse-clients' ? ', rule docs' : ''}, no workspace: ranges, every map's sources shipped`);
}
const expand = (spec) =>
  ({
    '<plugin>': [tarballs['@reuse-clients/core'], tarballs['eslint-plugin-reuse-clients']],
    '<codemod>': [tarballs['@reuse-clients/core'], tarballs['@reuse-clients/trace'], tarballs['@reuse-clients/codemod']],
  })[spec] ?? [spec];

// In README commands, the package names stand for the tarballs (they are not on the registry yet).
const PACKAGE_NAMES = { 'eslint-plugin-reuse-clients': '<plugin>', '@reuse-clients/codemod': '<codemod>' };
function withTarballs(command) {
  if (!/^npm (install|i|add)\b/.test(command)) return command;
  return command
    .split(/\s+/)
    .flatMap((word) => (PACKAGE_NAMES[word] ? expand(PACKAGE_NAMES[word]) : [word]))
    .join(' ');
}

// eslint-disable-next-line no-control-regex -- the escape character is what this matches
const ANSI_ESCAPE = /\x1b\[[0-9;]*[A-Za-z]/g;

// 3. The snippets, grouped by scenario.
const snippets = readSnippets(repoRoot);
const unannotated = snippets.filter((snippet) => !snippet.annotation);
if (unannotated.length > 0) fail('README code blocks without a snippet annotation', unannotated.map((s) => `${s.source}:${s.line}`).join('\n'));

for (const scenario of selected) {
  const scenarioStart = Date.now();
  console.log(`\n${scenario.id}: ${scenario.what}`);
  const dir = path.join(scratch, scenario.id);
  mkdirSync(dir);
  const run = (command) => {
    const result = spawnSync('bash', ['-c', command], { cwd: dir, env: npmEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // Some tools colour their output when CI is set (jscodeshift's summary did under CI=true), and
    // an escape code before "0 errors" defeats the checks' word boundaries: they read plain text.
    return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(ANSI_ESCAPE, '') };
  };
  try {
    runScenario(scenario, dir, run);
  } catch (error) {
    fail(`${scenario.id} stopped`, error.stack);
  }
  console.log(`  (${seconds(scenarioStart)})`);
}

function runScenario(scenario, dir, run) {
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `scratch-${scenario.id}`, private: true, type: 'module' }, null, 2) + '\n');
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
  for (const service of scenario.service === 'both' ? ['js', 'ts'] : [scenario.service]) {
    cpSync(path.join(here, 'service', service), dir, { recursive: true });
  }
  for (const [file, content] of Object.entries(scenario.files ?? {})) writeFileSync(path.join(dir, file), content);
  const init = run('git init -q && git add -A && git commit -q -m service');
  if (init.status !== 0) throw new Error(`git init failed:\n${init.output}`);

  if (scenario.setup.length > 0) {
    const install = run(`npm install --save-dev ${scenario.setup.flatMap(expand).join(' ')}`);
    if (install.status !== 0) return fail(`npm install ${scenario.setup.join(' ')}`, install.output);
    pass(`npm install ${scenario.setup.join(' ')}`);
  }

  const outputs = [];
  const configs = [];
  for (const snippet of snippets) {
    const annotation = snippet.annotation;
    if (annotation?.kind !== 'run' || !annotation.scenarios.includes(scenario.id)) continue;
    const where = `${snippet.source}:${snippet.line}`;
    if (annotation.target === '$') {
      // Each block of commands is a recipe of its own: it starts from the service as committed.
      run('git checkout -q -- src');
      for (const command of snippet.code.split('\n').map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line && !line.startsWith('#'))) {
        const actual = withTarballs(command);
        const result = run(actual);
        outputs.push({ command, output: result.output, status: result.status });
        // npm must succeed; other commands may exit 1 for "found something" and are judged by the checks.
        const ok = command.startsWith('npm ') ? result.status === 0 : result.status === 0 || result.status === 1;
        if (ok) pass(`${where} $ ${command}`);
        else fail(`${where} $ ${command} (exit ${result.status})`, result.output);
      }
    } else if (annotation.target === 'options') {
      const file = 'eslint.options.config.js';
      writeFileSync(
        path.join(dir, file),
        [
          "import reuseClients from 'eslint-plugin-reuse-clients';",
          `const options = ${snippet.code.trim()};`,
          'const rules = Object.fromEntries(Object.keys(reuseClients.configs.recommended.rules).map((rule) => [rule, ["error", options]]));',
          'export default [{ ...reuseClients.configs.recommended, rules }];',
          '',
        ].join('\n'),
      );
      configs.push({ file, where, typed: false });
    } else if (annotation.target === 'package.json') {
      const manifestPath = path.join(dir, 'package.json');
      const merged = { ...JSON.parse(readFileSync(manifestPath, 'utf8')), ...JSON.parse(snippet.code) };
      writeFileSync(manifestPath, JSON.stringify(merged, null, 2) + '\n');
      pass(`${where} merged into package.json`);
    } else {
      writeFileSync(path.join(dir, annotation.target), snippet.code);
      configs.push({ file: annotation.target, where, typed: annotation.typed });
    }
  }

  for (const config of configs) lintWith(scenario, dir, run, config);
  for (const problem of scenario.check?.({ dir, run, outputs }) ?? []) fail(problem);
}

/** Lints the service with one config and compares the findings with its `// expect:` comments. */
function lintWith(scenario, dir, run, { file, where, typed }) {
  const isOxlint = file === '.oxlintrc.json';
  const result = isOxlint ? run('npx oxlint -f json src') : run(`npx eslint --config ${file} -f json src`);
  const expectedFailure = scenario.configsFail?.[file];
  if (expectedFailure) {
    if (result.status === 2 && expectedFailure.test(result.output)) pass(`${where} ${file} fails on this ESLint, as the README says (${expectedFailure.source})`);
    else fail(`${where} ${file} was expected to fail with ${expectedFailure}`, result.output);
    return;
  }
  let found;
  try {
    found = isOxlint ? oxlintFindings(result.output) : eslintFindings(dir, result.output);
  } catch {
    return fail(`${where} ${isOxlint ? 'oxlint' : 'eslint'} with ${file} (exit ${result.status}) printed no report`, result.output);
  }
  const expected = expectations(dir, typed);
  const missing = expected.filter((finding) => !found.includes(finding));
  const extra = found.filter((finding) => !expected.includes(finding));
  if (missing.length === 0 && extra.length === 0 && result.status === 1) {
    pass(`${where} ${isOxlint ? 'oxlint' : 'eslint'} with ${file}: ${found.length} expected findings`);
  } else {
    fail(`${where} ${isOxlint ? 'oxlint' : 'eslint'} with ${file} (exit ${result.status})`, [...missing.map((m) => `missing ${m}`), ...extra.map((e) => `unexpected ${e}`)].join('\n') || result.output);
  }
}

function eslintFindings(dir, output) {
  const results = JSON.parse(output);
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(dir, result.filePath)}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`),
  );
}

function oxlintFindings(output) {
  const { diagnostics } = JSON.parse(output);
  return diagnostics
    .map((diagnostic) => {
      const rule = /^reuse-clients\((.+)\)$/.exec(diagnostic.code ?? '');
      // oxlint's own default rules may report too; only ours are compared.
      return rule ? `${diagnostic.filename}:${diagnostic.labels[0].span.line} reuse-clients/${rule[1]}` : null;
    })
    .filter(Boolean);
}

/** `file:line rule` for every `// expect: rule` (and `// expect-typed: rule` in typed configs) in src. */
function expectations(dir, typed) {
  const srcDir = path.join(dir, 'src');
  return readdirSync(srcDir).flatMap((file) =>
    readFileSync(path.join(srcDir, file), 'utf8')
      .split('\n')
      .flatMap((text, index) => {
        const marker = /\/\/ expect(-typed)?: (reuse-clients\/\S+)/.exec(text);
        return marker && (typed || !marker[1]) ? [`src/${file}:${index + 1} ${marker[2]}`] : [];
      }),
  );
}

console.log(`\ninstall test: ${failures === 0 ? 'passed' : `${failures} failure(s)`} in ${seconds(started)} (scratch projects in ${scratch}${flags.keep ? '' : ', removed'})`);
if (!flags.keep) rmSync(scratch, { recursive: true, force: true });
process.exitCode = failures === 0 ? 0 : 1;
