// The Node versions a project may run on decide whether the global agent keeps connections alive
// (it does since Node 19). The target comes from the places a project states it (the table in
// node-version-sources.ts), nearest to the file first; a project that states none is assumed to
// run on a maintained Node, since 18 and 20 are end-of-life.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { NODE_VERSION_SOURCES, readText } from './node-version-sources.js';

/** True when some Node version below `major` satisfies `target` (a range or version), or when unknown. */
export function mayRunBelowMajor(target: string | undefined, major: number): boolean {
  if (!target || !target.trim()) return true;
  const range = semver.validRange(target.trim()) ?? semver.validRange(semver.coerce(target)?.version ?? '');
  if (!range) return true;
  const lowest = semver.minVersion(range);
  return !lowest || lowest.major < major;
}

/**
 * True when every Node version `target` allows lies in `supported` (a semver range such as
 * `^14.18.0 || >=16.0.0`); false when the target cannot be read, since the oldest Node may run it.
 */
export function targetWithin(target: string | undefined, supported: string): boolean {
  if (!target || !target.trim()) return false;
  const range = semver.validRange(target.trim()) ?? semver.validRange(semver.coerce(target)?.version ?? '');
  return !!range && semver.subset(range, supported);
}

/** Node ≥ 19: `http.globalAgent` and `https.globalAgent` keep connections alive. */
export const GLOBAL_AGENT_KEEPALIVE_MAJOR = 19;

/** The Node versions a file runs on, and where that was found. */
export interface NodeTarget {
  /** A semver range or version: `>=20.19`, `22`, `18 || 20`. */
  range: string;
  /** Where it was stated (`.nvmrc`, `engines.node`, …), or why it is assumed. */
  source: string;
  /** The path of the file that states it; absent when assumed or given as an option. */
  file?: string;
  assumed?: true;
}

/**
 * With no evidence: the oldest maintained release line (keepalive-facts.md: 18 reached end of life
 * in April 2025 and 20 in April 2026; 22, 24 and 26 are maintained and keep the global agent alive).
 */
export const ASSUMED_NODE_TARGET: NodeTarget = {
  range: '>=22',
  source: 'assumed: the project states no Node version, and 18 and 20 are end-of-life',
  assumed: true,
};

/** A `nodeVersion` given as an option. */
export const nodeTargetFromOption = (range: string): NodeTarget => ({ range, source: 'the `nodeVersion` option' });

// The rules and the codemod must judge a file against the same target, so both read it here.
// Two memos, per directory: what the directory itself states, and the target resolved from there
// upwards. They hold file contents' verdicts only, so each ESLint worker keeps its own.
const statedByDirectory = new Map<string, NodeTarget | null>();
const targetByDirectory = new Map<string, NodeTarget>();

/** The Node target of `filePath` (absolute): the nearest stated one, else ASSUMED_NODE_TARGET. */
export function nodeTargetFor(filePath: string): NodeTarget {
  return targetIn(path.dirname(path.resolve(filePath)));
}

function targetIn(directory: string): NodeTarget {
  const cached = targetByDirectory.get(directory);
  if (cached !== undefined) return cached;
  const names = entriesOf(directory);
  let result = statedIn(directory, names);
  if (result === null) {
    const parent = path.dirname(directory);
    // The repository root ends the walk: what lies above it is not this project's.
    result = parent === directory || names.includes('.git') ? ASSUMED_NODE_TARGET : targetIn(parent);
  }
  targetByDirectory.set(directory, result);
  return result;
}

/** The first source of the table that `directory` holds and that states a version. */
function statedIn(directory: string, names: readonly string[]): NodeTarget | null {
  const cached = statedByDirectory.get(directory);
  if (cached !== undefined) return cached;
  let result: NodeTarget | null = null;
  for (const source of NODE_VERSION_SOURCES) {
    const files = names.filter((name) => source.matches(name)).sort().map((name) => path.join(directory, name));
    if (files.length === 0) continue;
    const read = source.expand ? files.flatMap(() => source.expand!(directory)) : files;
    const ranges = [...new Set(read.flatMap((file) => source.read(readText(file))))].sort(byLowestVersion);
    if (ranges.length === 0) continue;
    result = { range: ranges.join(' || '), source: source.label, file: files[0]! };
    break;
  }
  statedByDirectory.set(directory, result);
  return result;
}

/** `18 || 20`, not `20 || 18`: the oldest first, as people write ranges. */
function byLowestVersion(a: string, b: string): number {
  return (semver.coerce(a)?.major ?? 0) - (semver.coerce(b)?.major ?? 0);
}

function entriesOf(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
