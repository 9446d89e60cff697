// Where code runs, as data: the file globs of tests, the test frameworks' APIs and documented
// globals, and the React and Next.js conventions that mark browser and build-time code. The
// recognisers in this folder only read these tables; docs/contexts.md is generated from them
// (scripts/docs/contexts.mjs), so what the detector knows and what the docs say cannot drift.

/**
 * Files that are tests, fixtures or end-to-end suites, as minimatch globs relative to the project
 * root (ESLint's working directory, or the codemod's). The `recommended` configs ignore them too.
 * A bare `fixtures/` folder is not here: outside a test folder it is often a sample application.
 */
export const TEST_FILE_GLOBS: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.e2e-spec.*',
  '**/*.e2e.*',
  '**/*.tst.*',
  '**/*.cy.*',
  '**/*.fixture.*',
  '**/*.fixtures.*',
  '**/test/**',
  '**/tests/**',
  '**/spec/**',
  '**/e2e/**',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/__fixtures__/**',
  '**/cypress/**',
  // Set-up files the test runners load before the tests (vitest/jest `setupFiles`, CRA's
  // `setupTests`, playwright's `globalSetup`): named by the runners' documented conventions.
  '**/test-setup.*',
  '**/setupTests.*',
  '**/setup-tests.*',
  '**/jest.setup.*',
  '**/vitest.setup.*',
  '**/global-setup.*',
];

/**
 * How often a callback given to a test API runs. `suite`: a `describe` body, run once while the
 * suite is collected. `once`: a hook run once per suite (`before`, `beforeAll`, `after*`).
 * `per-test`: a test body or a hook run around every test (`beforeEach`); a client built there
 * lives for one test, which is what a test wants, so it is not reported either.
 */
export type TestRole = 'suite' | 'once' | 'per-test';

export interface TestFramework {
  name: string;
  /** Modules whose exports are the API (`node:` prefixes are dropped, as for the catalog). */
  modules: readonly string[];
  /** Export paths below the module (`''` is the default export itself) and what their callbacks are. */
  api: Readonly<Record<string, TestRole>>;
  /** Members that select a variant of the same API (`describe.only`, `test.describe.serial`). */
  modifiers: readonly string[];
  /** Names the framework documents as globals (resolved only when the file does not declare them). */
  globals: Readonly<Record<string, TestRole>>;
  /** Where the API is documented. */
  docs: string;
}

const BDD: Readonly<Record<string, TestRole>> = {
  describe: 'suite',
  it: 'per-test',
  test: 'per-test',
  beforeAll: 'once',
  afterAll: 'once',
  beforeEach: 'per-test',
  afterEach: 'per-test',
};

const MOCHA: Readonly<Record<string, TestRole>> = {
  describe: 'suite',
  context: 'suite',
  it: 'per-test',
  specify: 'per-test',
  before: 'once',
  after: 'once',
  beforeEach: 'per-test',
  afterEach: 'per-test',
  // the TDD interface
  suite: 'suite',
  test: 'per-test',
  suiteSetup: 'once',
  suiteTeardown: 'once',
  setup: 'per-test',
  teardown: 'per-test',
};

export const TEST_FRAMEWORKS: readonly TestFramework[] = [
  {
    name: 'vitest',
    modules: ['vitest'],
    api: { ...BDD, suite: 'suite', bench: 'per-test' },
    modifiers: ['only', 'skip', 'todo', 'each', 'for', 'concurrent', 'sequential', 'shuffle', 'runIf', 'skipIf', 'fails'],
    globals: { ...BDD, suite: 'suite' },
    docs: 'https://vitest.dev/api/',
  },
  {
    name: 'jest',
    modules: ['@jest/globals'],
    api: BDD,
    modifiers: ['only', 'skip', 'todo', 'each', 'concurrent', 'failing'],
    globals: { ...BDD, fdescribe: 'suite', xdescribe: 'suite', fit: 'per-test', xit: 'per-test', xtest: 'per-test' },
    docs: 'https://jestjs.io/docs/api',
  },
  {
    name: 'mocha',
    modules: ['mocha'],
    api: MOCHA,
    modifiers: ['only', 'skip'],
    globals: { ...MOCHA, xdescribe: 'suite', xcontext: 'suite', xit: 'per-test', xspecify: 'per-test' },
    docs: 'https://mochajs.org/#interfaces',
  },
  {
    name: 'node:test',
    modules: ['node:test'],
    api: { '': 'per-test', test: 'per-test', it: 'per-test', describe: 'suite', suite: 'suite', before: 'once', after: 'once', beforeEach: 'per-test', afterEach: 'per-test' },
    modifiers: ['only', 'skip', 'todo'],
    globals: {},
    docs: 'https://nodejs.org/api/test.html',
  },
  {
    name: 'ava',
    modules: ['ava'],
    api: { '': 'per-test', before: 'once', after: 'once', beforeEach: 'per-test', afterEach: 'per-test' },
    modifiers: ['serial', 'only', 'skip', 'todo', 'failing', 'always'],
    globals: {},
    docs: 'https://github.com/avajs/ava/blob/main/docs/01-writing-tests.md',
  },
  {
    name: 'tap',
    modules: ['tap'],
    api: { test: 'per-test', before: 'once', after: 'once', teardown: 'once', beforeEach: 'per-test', afterEach: 'per-test' },
    modifiers: ['only', 'skip', 'todo'],
    globals: {},
    docs: 'https://node-tap.org/basics/',
  },
  {
    name: '@playwright/test',
    modules: ['@playwright/test'],
    api: { test: 'per-test', 'test.describe': 'suite', 'test.beforeAll': 'once', 'test.afterAll': 'once', 'test.beforeEach': 'per-test', 'test.afterEach': 'per-test', 'test.step': 'per-test' },
    modifiers: ['only', 'skip', 'fixme', 'fail', 'slow', 'serial', 'parallel'],
    globals: {},
    docs: 'https://playwright.dev/docs/api/class-test',
  },
  {
    name: 'cypress',
    modules: [],
    api: {},
    modifiers: ['only', 'skip'],
    globals: { describe: 'suite', context: 'suite', it: 'per-test', specify: 'per-test', before: 'once', after: 'once', beforeEach: 'per-test', afterEach: 'per-test' },
    docs: 'https://docs.cypress.io/app/core-concepts/writing-and-organizing-tests',
  },
];

/**
 * React's naming rules, as eslint-plugin-react-hooks applies them: a component is a function whose
 * name starts with a capital letter (and that returns JSX or is rendered as `<Name />`), a hook is
 * a function named `use` followed by a capital letter or digit.
 */
export const REACT_COMPONENT_NAME = /^[A-Z]/;
export const REACT_HOOK_NAME = /^use[A-Z0-9]/;

/** Exports of these modules wrap a component and keep it one (`memo(function Row() {…})`). */
export const REACT_COMPONENT_WRAPPERS: readonly { module: string; export: string }[] = [
  { module: 'react', export: 'memo' },
  { module: 'react', export: 'forwardRef' },
  { module: 'preact/compat', export: 'memo' },
  { module: 'preact/compat', export: 'forwardRef' },
];

/** Modules whose import makes a file React code (where a `use…` function is a hook). */
export const REACT_MODULES: readonly string[] = ['react', 'react-dom', 'react-native', 'preact', 'preact/hooks', 'preact/compat'];

/**
 * Packages that only run on Node. A file importing one of them (or a Node built-in module) is not
 * browser code whatever it renders: its components run on a server (SSR, e-mail templates, Ink).
 */
export const NODE_ONLY_PACKAGES: readonly string[] = ['undici'];

/** File directives (the first statements of a file) and the context they give the whole file. */
export const FILE_DIRECTIVES: Readonly<Record<string, CodeContextKind>> = {
  'use client': 'browser',
  'use server': 'server',
};

export type CodeContextKind = 'server' | 'test' | 'browser' | 'build';

/**
 * Next.js pages: modules under `pages/` (outside `pages/api/`) that export a default component
 * render in the browser; the named exports below are data functions with their own context.
 * `generateStaticParams` (app router) runs at build time wherever it is exported.
 */
export const NEXT_PAGE_GLOBS: readonly string[] = ['**/pages/**'];
export const NEXT_API_GLOBS: readonly string[] = ['**/pages/api/**'];
export const NEXT_APP_GLOBS: readonly string[] = ['**/app/**'];
export const NEXT_DATA_FUNCTIONS: Readonly<Record<string, { router: 'pages' | 'app'; context: CodeContextKind; when: string }>> = {
  getServerSideProps: { router: 'pages', context: 'server', when: 'on every request of the page' },
  getInitialProps: { router: 'pages', context: 'server', when: 'on every request of the page (and on client-side navigation)' },
  getStaticProps: { router: 'pages', context: 'build', when: 'at build time (and on revalidation)' },
  getStaticPaths: { router: 'pages', context: 'build', when: 'at build time' },
  generateStaticParams: { router: 'app', context: 'build', when: 'at build time' },
};

/**
 * Signals that a file runs as a program (a CLI, a sample, a one-off script), as the message states
 * them. In such a file a function called at module scope is the entry point and runs once per
 * process, even when the file also exports it for its tests.
 */
export const SCRIPT_ENTRY_SIGNALS = {
  shebang: 'the file starts with a `#!` line',
  requireMain: 'the file checks `require.main === module`',
  importMetaMain: 'the file reads `import.meta.main`',
  argvAtModuleScope: 'the file reads `process.argv` at module scope',
} as const;

/**
 * A package that is a bundled browser app (a single-page app built by Vite, Create React App,
 * webpack…): every file under its nearest package.json runs in the browser, also the plain modules
 * that are neither components nor hooks (API clients, stores). All four signals must hold, read
 * from the package folder and its package.json (dependencies, devDependencies, peerDependencies).
 */
export interface BrowserAppSignals {
  /** The HTML entry the bundler serves, relative to the package folder: one must exist. */
  htmlEntries: readonly string[];
  /** A bundler: one of these config files in the package folder, or one of `bundlerPackages` as a dependency. */
  bundlerConfigs: readonly string[];
  bundlerPackages: readonly string[];
  /** A UI library the page renders with: one must be a dependency. */
  uiPackages: readonly string[];
  /** A server framework, SSR meta-framework or Node desktop shell: none may be a dependency (its code runs on Node too). */
  serverPackages: readonly string[];
}

export const BROWSER_APP_PACKAGE: BrowserAppSignals = {
  htmlEntries: ['index.html', 'public/index.html', 'src/index.html'],
  bundlerConfigs: ['vite.config.*', 'webpack.config.*', 'rsbuild.config.*', 'rspack.config.*', 'config-overrides.js', 'craco.config.*'],
  bundlerPackages: ['vite', 'react-scripts', '@vue/cli-service', 'parcel', 'webpack', '@rsbuild/core', '@rspack/cli'],
  uiPackages: ['react-dom', 'vue', 'svelte', 'solid-js', 'preact', '@angular/core', 'lit'],
  serverPackages: [
    'express', 'koa', 'fastify', 'hono', '@hapi/hapi', '@nestjs/core', 'socket.io',
    'next', 'nuxt', '@remix-run/node', '@remix-run/serve', '@react-router/node', '@sveltejs/kit', 'astro', 'vike', 'vite-plugin-ssr',
    '@angular/ssr', '@angular/platform-server', 'electron',
  ],
};
