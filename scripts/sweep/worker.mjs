// A sweep worker thread: checks the files the main thread sends, one at a time, so that a slow or
// hanging file can be told apart (and its thread replaced) without losing the others.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { checkSource } from './check-file.mjs';

parentPort.on('message', ({ index, file }) => {
  let result;
  try {
    result = checkSource(readFileSync(file, 'utf8'), file);
  } catch (error) {
    // checkSource catches what the lint and the transform throw; this is the sweep's own failure.
    result = { file, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage({ index, result });
});
parentPort.postMessage({ ready: true });
