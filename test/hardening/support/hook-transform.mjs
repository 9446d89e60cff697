// A stand-in transform for the engine's hardening tests (loaded through REUSE_CLIENTS_TRANSFORM):
// it does what real life does to a run, on cue, so each case is deterministic.
// - `REWRITE`: the output is the source plus REWRITTEN_MARK (once: a second run changes nothing);
// - `SLOW_MS=<n>`: takes n ms first, so a run over many files can be killed half-way;
// - `DELETE_SIBLING=<name>`: deletes that file of the same folder, as if someone else did, after
//   discovery found it and before its turn comes (with --cpus 1 files go in sorted order);
// - `DELETE_SELF`: deletes the file being transformed, between its read and its write.
import { unlinkSync } from 'node:fs';
import path from 'node:path';

export const REWRITTEN_MARK = '// rewritten by the hook transform\n';

/** @param {string} source @param {{ keyed: boolean, filePath: string }} options */
export function transformFile(source, options) {
  const slow = /SLOW_MS=(\d+)/.exec(source);
  if (slow) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(slow[1]));
  const sibling = /DELETE_SIBLING=([\w.-]+)/.exec(source);
  if (sibling) unlinkSync(path.join(path.dirname(options.filePath), sibling[1]));
  if (source.includes('DELETE_SELF')) unlinkSync(options.filePath);
  const rewrite = (source.includes('REWRITE') || source.includes('DELETE_SELF')) && !source.endsWith(REWRITTEN_MARK);
  return { output: rewrite ? `${source}${REWRITTEN_MARK}` : null, hoisted: [], left: [] };
}
