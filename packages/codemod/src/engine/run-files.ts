import { Worker } from 'node:worker_threads';
import type { TargetFile } from './discover.js';
import { loadTransform, TransformLoadError } from './load-transform.js';
import { processFile, type FileOutcome } from './process-file.js';
import type { FileRequest, WorkerMessage, WorkerSettings } from './worker-protocol.js';

export interface RunFilesSettings extends WorkerSettings {
  cpus: number;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Outcomes in the order of `files`, whatever the number of threads: output stays deterministic. */
export async function runFiles(files: TargetFile[], settings: RunFilesSettings, onFileDone: () => void): Promise<FileOutcome[]> {
  const threads = Math.min(settings.cpus, files.length);
  if (threads > 1) return runInWorkers(files, settings, threads, onFileDone);
  const transform = await loadTransform(settings.transformModule, settings.projectData);
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    outcomes.push(await processFile(file, transform, settings));
    onFileDone();
  }
  return outcomes;
}

function runInWorkers(files: TargetFile[], settings: RunFilesSettings, threads: number, onFileDone: () => void): Promise<FileOutcome[]> {
  const workerSettings: WorkerSettings = { transformModule: settings.transformModule, dry: settings.dry, keyed: settings.keyed, projectData: settings.projectData };
  return new Promise((resolve, reject) => {
    const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
    const running = new Set<Worker>();
    let nextIndex = 0;
    let finishedCount = 0;
    let settled = false;

    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of running) void worker.terminate();
      running.clear();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const record = (index: number, outcome: FileOutcome): void => {
      outcomes[index] = outcome;
      finishedCount++;
      onFileDone();
      if (finishedCount === files.length) settle();
    };

    const startWorker = (): void => {
      const worker = new Worker(WORKER_URL, { workerData: workerSettings });
      running.add(worker);
      let ready = false;
      let inFlight: number | undefined;

      const dispatch = (): void => {
        const file = files[nextIndex];
        if (settled || file === undefined) {
          inFlight = undefined;
          running.delete(worker);
          void worker.terminate();
          return;
        }
        inFlight = nextIndex++;
        worker.postMessage({ index: inFlight, file } satisfies FileRequest);
      };
      // A transform that kills its thread (stack overflow, process.exit) fails its file only.
      const stopped = (reason: string): void => {
        if (!running.delete(worker) || settled) return;
        if (!ready) return settle(new TransformLoadError(`the transform worker stopped while loading: ${reason}`));
        if (inFlight !== undefined) {
          const file = files[inFlight] as TargetFile;
          record(inFlight, { file: file.displayPath, status: 'failed', hoisted: [], left: [], failure: `the transform crashed: ${reason}` });
        }
        if (nextIndex < files.length) startWorker();
      };

      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'loadFailed') return settle(new TransformLoadError(message.message));
        if (message.kind === 'ready') ready = true;
        else record(message.index, message.outcome);
        dispatch();
      });
      worker.on('error', (error) => stopped(error.message));
      worker.on('exit', (code) => stopped(`exit code ${code}`));
    };

    for (let i = 0; i < threads; i++) startWorker();
  });
}
