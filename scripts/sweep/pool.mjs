// Runs the files through a few worker threads, pull-based: each thread asks for the next file when
// it is done. A file that takes longer than `fileTimeoutMs` is recorded as a hang (a crash) and its
// thread replaced; once `budgetMs` is spent no new file is started and the rest count as unchecked.
// `pnpm realworld` runs its own worker (`workerUrl`) through the same pool.
import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/**
 * @param {string[]} files
 * @param {{ workers: number, budgetMs: number, fileTimeoutMs: number, onResult: (result: object, done: number) => void, workerUrl?: URL }} options
 * @returns {Promise<{ results: object[], unchecked: number }>}
 */
export function checkFiles(files, { workers, budgetMs, fileTimeoutMs, onResult, workerUrl = WORKER_URL }) {
  const started = Date.now();
  const results = [];
  let next = 0;
  let done = 0;
  let active = 0;

  return new Promise((resolve) => {
    const finishIfIdle = () => {
      if (active === 0) resolve({ results: results.filter(Boolean), unchecked: files.length - done });
    };
    const record = (index, result) => {
      results[index] = result;
      done++;
      onResult(result, done);
    };
    const start = () => {
      active++;
      const worker = new Worker(workerUrl);
      let current = null;
      let timer = null;
      const stop = () => {
        clearTimeout(timer);
        active--;
        void worker.terminate();
        finishIfIdle();
      };
      const dispatch = () => {
        if (next >= files.length || Date.now() - started > budgetMs) return stop();
        current = next++;
        const index = current;
        timer = setTimeout(() => {
          record(index, { file: files[index], error: `hang: no answer within ${fileTimeoutMs} ms` });
          current = null;
          worker.removeAllListeners();
          start(); // a fresh thread for the remaining files, before this one counts as gone
          stop();
        }, fileTimeoutMs);
        worker.postMessage({ index, file: files[index] });
      };
      worker.on('message', (message) => {
        if (message.ready) return dispatch();
        clearTimeout(timer);
        current = null;
        record(message.index, message.result);
        dispatch();
      });
      worker.on('error', (error) => {
        // A thread that dies (stack overflow in a rule, say) fails its file; the others go on.
        if (current !== null) record(current, { file: files[current], error: `worker died: ${error.message}` });
        current = null;
        worker.removeAllListeners();
        start();
        stop();
      });
    };
    for (let i = 0; i < Math.max(1, Math.min(workers, files.length)); i++) start();
    if (files.length === 0) resolve({ results: [], unchecked: 0 });
  });
}
