// A worker thread: loads the transform by path (functions cannot be sent to a worker) and
// processes the files the main thread hands it, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileTransform } from './contract.js';
import { loadTransform } from './load-transform.js';
import { processFile } from './process-file.js';
import type { FileRequest, WorkerMessage, WorkerSettings } from './worker-protocol.js';

const settings = workerData as WorkerSettings;
const port = parentPort;
const send = (message: WorkerMessage): void => port?.postMessage(message);

let transform: FileTransform | undefined;
try {
  transform = await loadTransform(settings.transformModule, settings.projectData);
} catch (error) {
  send({ kind: 'loadFailed', message: (error as Error).message });
}

if (transform !== undefined) {
  const loaded = transform;
  const onRequest = (request: FileRequest): void => {
    void processFile(request.file, loaded, settings).then((outcome) => {
      // A transform stopped at the time limit may have left its module half-updated: this thread
      // takes no further file, and the main thread replaces it.
      if (outcome.timedOut) port?.off('message', onRequest);
      send({ kind: 'outcome', index: request.index, outcome });
    });
  };
  port?.on('message', onRequest);
  send({ kind: 'ready' });
}
