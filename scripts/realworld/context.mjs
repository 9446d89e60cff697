// Where a finding's code runs: server, test, browser or build time. The rules' own answer wins:
// a finding that carries a `context` field (the core context module, once the rules report it)
// is grouped by that field. Until then the file's path and first statement give a rough answer,
// marked `guessed` in the output so that nobody mistakes it for the detector's.
export const CONTEXTS = ['server', 'test', 'browser', 'build'];

const TEST_PATH = /(?:^|\/)(?:__tests__|__mocks__|tests?|e2e|specs?|fixtures?|cypress|playwright|mocks?)\/|\.(?:test|spec|e2e|tst|stories|story)\.[cm]?[jt]sx?$/;
const BUILD_PATH = /(?:^|\/)[^/]*\.config\.[cm]?[jt]s$|(?:^|\/)(?:scripts|tools|gulpfile\.[cm]?js|Gruntfile\.js)(?:\/|$)/;
const BROWSER_PATH = /(?:^|\/)(?:components|hooks|pages(?!\/api\/)|views|client|frontend|web|app\/(?!api\/)[^/]*\.tsx$)(?:\/|$)|\.(?:jsx|tsx|vue)$/;
const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/;

/**
 * @param {{ context?: string }} finding
 * @param {string} relativeFile path inside the repository, with `/` separators
 * @param {string} source
 * @returns {{ context: string, guessed: boolean }}
 */
export function contextOf(finding, relativeFile, source) {
  if (typeof finding.context === 'string') return { context: finding.context, guessed: false };
  return { context: guessFromPath(relativeFile, source), guessed: true };
}

/** The rough fallback: test paths, then build-time files, then browser files, else server. */
export function guessFromPath(relativeFile, source) {
  if (TEST_PATH.test(relativeFile)) return 'test';
  if (BUILD_PATH.test(relativeFile)) return 'build';
  if (USE_CLIENT.test(source) || BROWSER_PATH.test(relativeFile)) return 'browser';
  return 'server';
}
