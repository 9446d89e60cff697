// The Node versions a project may run on decide whether the global agent keeps connections alive
// (it does since Node 19). Unknown or unparsable targets are treated as "may be older".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/** True when some Node version below `major` satisfies `target` (a range or version), or when unknown. */
export function mayRunBelowMajor(target: string | undefined, major: number): boolean {
  if (!target || !target.trim()) return true;
  const range = semver.validRange(target.trim()) ?? semver.validRange(semver.coerce(target)?.version ?? '');
  if (!range) return true;
  const lowest = semver.minVersion(range);
  return !lowest || lowest.major < major;
}

/** Node ≥ 19: `http.globalAgent` and `https.globalAgent` keep connections alive. */
export const GLOBAL_AGENT_KEEPALIVE_MAJOR = 19;

// `engines.node` of the nearest package.json. The rules and the codemod must judge a file against
// the same target, so both read it here. The memo caches file reads per directory only; it holds
// no findings, so each ESLint worker (`--concurrency`) keeps its own without changing results.
const targetByDirectory = new Map<string, string | undefined>();

/** `engines.node` of the package.json nearest to `filePath` (absolute), or undefined. */
export function nodeTargetFor(filePath: string): string | undefined {
  return targetIn(path.dirname(path.resolve(filePath)));
}

function targetIn(directory: string): string | undefined {
  if (targetByDirectory.has(directory)) return targetByDirectory.get(directory);
  let result: string | undefined;
  const manifest = readManifest(directory);
  if (manifest !== null) {
    const engines = (manifest as { engines?: { node?: unknown } }).engines;
    result = typeof engines?.node === 'string' ? engines.node : undefined;
  } else {
    const parent = path.dirname(directory);
    result = parent === directory ? undefined : targetIn(parent);
  }
  targetByDirectory.set(directory, result);
  return result;
}

/** The parsed package.json in `directory`, `{}` when it is not valid JSON, null when there is none. */
function readManifest(directory: string): object | null {
  let text: string;
  try {
    text = readFileSync(path.join(directory, 'package.json'), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
