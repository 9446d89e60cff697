// The scratch projects of the install test. Each one starts as a fresh npm project outside the
// workspace with a small service (./service/js or ./service/ts) committed to git, installs what
// `setup` lists with plain npm (`<plugin>`/`<codemod>` stand for the packed tarballs, with core's),
// then runs the README snippets annotated with its id, then its own checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every installed copy of a package under node_modules (nested ones included). */
export function copiesOf(dir, name) {
  const found = [];
  const visit = (modules) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const scoped = entry.startsWith('@') ? readdirSync(path.join(modules, entry)).map((inner) => `${entry}/${inner}`) : [entry];
      for (const packageName of scoped) {
        const packageDir = path.join(modules, packageName);
        if (packageName === name) found.push(JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version);
        visit(path.join(packageDir, 'node_modules'));
      }
    }
  };
  visit(path.join(dir, 'node_modules'));
  return found;
}

const noTypeScript = (dir) => {
  const problems = [];
  for (const name of ['typescript', '@typescript-eslint/parser', '@typescript-eslint/typescript-estree', '@typescript-eslint/utils']) {
    const copies = copiesOf(dir, name);
    if (copies.length > 0) problems.push(`${name} ${copies.join(', ')} was installed into a JavaScript project`);
  }
  return problems;
};

const RULES = ['no-per-call-agent', 'no-per-call-client', 'no-inline-dispatcher', 'prefer-axios-instance', 'require-keep-alive'];

const TS_CONFIG = {
  compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
  include: ['src'],
};

export const SCENARIOS = [
  {
    id: 'eslint-10-js-ts7',
    what: 'a JavaScript project that already has TypeScript 7: the README install, ESLint (latest 10), oxlint, lint-staged + husky',
    service: 'js',
    setup: ['typescript@7'],
    check({ dir, run }) {
      const problems = [];
      const typescript = copiesOf(dir, 'typescript');
      if (typescript.length !== 1 || !typescript[0].startsWith('7.')) problems.push(`expected one TypeScript 7, found ${typescript.join(', ') || 'none'}`);
      for (const name of ['@typescript-eslint/parser', '@typescript-eslint/typescript-estree']) {
        if (copiesOf(dir, name).length > 0) problems.push(`${name} was installed into a JavaScript project`);
      }
      const eslint = copiesOf(dir, 'eslint');
      if (!eslint[0]?.startsWith('10.')) problems.push(`expected ESLint 10, found ${eslint.join(', ')}`);
      // The husky hook from the README runs lint-staged, which runs ESLint on the staged file.
      const commit = run('echo "// edited" >> src/server.js && git add src/server.js && git commit -q -m "per-call agent"');
      if (commit.status === 0) problems.push('the pre-commit hook let a commit with a per-call agent through');
      if (!/reuse-clients\/no-per-call-agent/.test(commit.output)) problems.push(`the pre-commit hook did not report the rule:\n${commit.output}`);
      return problems;
    },
  },
  {
    id: 'eslint-9.15-js',
    what: 'the lowest supported ESLint, 9.15.0, with the spread and CommonJS configs, no TypeScript',
    service: 'js',
    setup: ['eslint@9.15.0', '<plugin>'],
    check: ({ dir }) => noTypeScript(dir),
  },
  {
    id: 'eslint-9.21-js',
    what: 'ESLint 9.21.0: the README says defineConfig needs 9.22; check that it really fails before',
    service: 'js',
    setup: ['eslint@9.21.0', '<plugin>'],
    configsFail: { 'eslint.config.js': /ERR_PACKAGE_PATH_NOT_EXPORTED/ },
    check: ({ dir }) => noTypeScript(dir),
  },
  {
    id: 'eslint-9.22-js',
    what: 'ESLint 9.22.0, the first with defineConfig and extends',
    service: 'js',
    setup: ['eslint@9.22.0', '<plugin>'],
    check: ({ dir }) => noTypeScript(dir),
  },
  {
    id: 'eslint-10-ts',
    what: 'a TypeScript project with typescript-eslint: eslint.config.ts checked by tsc, untyped and typed configs, one copy of typescript-eslint',
    service: 'ts',
    setup: ['eslint@10', 'typescript@~6.0.3', 'typescript-eslint@8', 'jiti@2', '@types/node@20', '<plugin>'],
    files: {
      'tsconfig.json': JSON.stringify(TS_CONFIG, null, 2),
      'tsconfig.eslint-configs.json': JSON.stringify({ extends: './tsconfig.json', include: ['eslint*.config.ts'] }, null, 2),
    },
    check({ dir, run }) {
      const problems = [];
      const tsc = run('npx tsc -p tsconfig.eslint-configs.json');
      if (tsc.status !== 0) problems.push(`tsc rejects the README's eslint.config.ts files:\n${tsc.output}`);
      for (const name of ['typescript', '@typescript-eslint/types', '@typescript-eslint/parser', '@typescript-eslint/typescript-estree']) {
        const copies = copiesOf(dir, name);
        if (copies.length !== 1) problems.push(`expected one copy of ${name}, found ${copies.length} (${copies.join(', ')})`);
      }
      return problems;
    },
  },
  {
    id: 'codemod-npx',
    what: "the root README's codemod commands (npx @reuse-clients/codemod) on a committed service",
    service: 'both',
    setup: ['<codemod>'],
    check({ dir, outputs }) {
      const problems = [];
      const dry = outputs.find((entry) => entry.command.includes('--dry'));
      if (!dry || !/^\+\+\+ /m.test(dry.output)) problems.push(`--dry printed no diff:\n${dry?.output}`);
      problems.push(...sarifProblems(dir, 'reuse-clients.sarif', { findings: false }));
      return problems;
    },
  },
  {
    id: 'codemod',
    what: "the codemod package README: its install, reuse-clients --dry, report --format sarif, jscodeshift --no-babel",
    service: 'both',
    setup: [],
    check({ dir, outputs }) {
      const problems = [];
      const dry = outputs.find((entry) => / --dry/.test(entry.command) && entry.command.includes('reuse-clients'));
      if (!dry || !/^\+\+\+ .*server\.js/m.test(dry.output)) problems.push(`reuse-clients --dry printed no diff for src/server.js:\n${dry?.output}`);
      problems.push(...sarifProblems(dir, 'reuse-clients.sarif', { findings: true }));
      const jscodeshift = outputs.find((entry) => entry.command.includes('jscodeshift -t') || entry.command.includes('jscodeshift --'));
      if (!jscodeshift || !/[1-9]\d* ok/.test(jscodeshift.output) || !/\b0 errors/.test(jscodeshift.output)) {
        problems.push(`jscodeshift did not transform the service cleanly:\n${jscodeshift?.output}`);
      }
      return problems;
    },
  },
];

function sarifProblems(dir, file, { findings }) {
  const sarifPath = path.join(dir, file);
  if (!existsSync(sarifPath)) return [`${file} was not written`];
  let sarif;
  try {
    sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
  } catch (error) {
    return [`${file} is not JSON: ${error.message}`];
  }
  const problems = [];
  if (sarif.version !== '2.1.0') problems.push(`${file}: SARIF version ${sarif.version}`);
  const results = sarif.runs?.[0]?.results;
  if (!Array.isArray(results)) problems.push(`${file}: no runs[0].results`);
  else if (findings && !results.some((result) => RULES.includes(result.ruleId))) problems.push(`${file}: no results of our rules`);
  return problems;
}
