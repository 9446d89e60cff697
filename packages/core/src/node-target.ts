// The Node versions a project may run on decide whether the global agent keeps connections alive
// (it does since Node 19). Unknown or unparsable targets are treated as "may be older".
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
