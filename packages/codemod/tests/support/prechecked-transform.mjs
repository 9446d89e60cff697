// The fake transform with a pre-check, as the bundled transform has one: `mayChange` rules out the
// files that hold none of the fake transform's markers, and the transform fails any such file it
// is handed anyway, so a test sees it if the engine ever does. One marker of its own:
// - `WHICH_THREAD`: reports a left site whose reason says which thread ran the transform.
import { isMainThread } from 'node:worker_threads';
import { transformFile as fakeTransform } from './fake-transform.mjs';

const MARKERS = ['new Agent(', 'LEAVE_ME', 'SYNTAX_ERROR', 'EDITED_MEANWHILE', 'EXIT_THREAD', 'BAD_RESULT', 'HANG', 'WHICH_THREAD'];

/** @param {string} source */
const mayChange = (source) => MARKERS.some((marker) => source.includes(marker));

/** @param {string} source @param {{ keyed: boolean, filePath: string }} options */
export function transformFile(source, options) {
  if (!mayChange(source)) throw new Error('handed a file its pre-check ruled out');
  const result = fakeTransform(source, options);
  if (!source.includes('WHICH_THREAD')) return result;
  const site = { line: 1, column: 1, rule: 'test', construct: 'WHICH_THREAD', reason: isMainThread ? 'main thread' : 'worker thread' };
  return { ...result, left: [...result.left, site] };
}
transformFile.mayChange = mayChange;
