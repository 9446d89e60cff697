import { Worker } from 'node:worker_threads';
import type { FileTransform } from './contract.js';
import type { TargetFile } from './discover.js';
import { describeError } from './failure.js';
import { loadTransform, TransformLoadError } from './load-transform.js';
import { processFile, type FileOutcome } from './process-file.js';
import { readSourceFileSync } from './source-file.js';
import type { FileRequest, WorkerMessage, WorkerSettings } from './worker-protocol.js';

export interface RunFilesSettings extends WorkerSettings {
  cpus: number;
}

/**
 * Below this much source left for the transform after its pre-check, the files are transformed in
 * the main thread: a worker thread loads the transform all over again (the bundled one brings
 * TypeScript, about half a second of CPU) and starts with a cold JIT, while the main thread has it
 * loaded and warm already. The bundled transform gets through about 1 MB/s in a warm thread, so
 * two or more workers pay for their start-up from about 1 MB on (on a shared 2-core box, where
 * two threads barely run faster than one, the main thread alone was still faster at 2.4 MB).
 */
export const IN_PROCESS_MAX_BYTES = 1024 * 1024;

const WORKER_URL = new URL('./worker.js', import.meta.url);

type RecordOutcome = (index: number, outcome: FileOutcome) => void;

/**
 * Outcomes in the order of `files`, whatever the number of threads: output stays deterministic.
 * The transform's pre-check (`mayChange`), when it has one, runs here first, over every file;
 * only the files it lets through are transformed, in worker threads when there are enough of them
 * (and `cpus` > 1), in this thread otherwise.
 */
export async function runFiles(files: TargetFile[], settings: RunFilesSettings, onFileDone: () => void): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(files.length);
  const record: RecordOutcome = (index, outcome) => {
    outcomes[index] = outcome;
    onFileDone();
  };
  const transform = await loadTransform(settings.transformModule, settings.projectData);
  const { mayChange } = transform;
  const pending = mayChange ? preCheck(files, mayChange, record) : { indices: files.map((_, index) => index), bytes: Infinity };

  const threads = Math.min(settings.cpus, pending.indices.length);
  let rest = pending.indices;
  if (threads <= 1 || pending.bytes < IN_PROCESS_MAX_BYTES) rest = await runInProcess(files, rest, transform, settings, record);
  // After a file ran out of time in this thread (its transform may be left half-way), or when
  // there is enough to do for several threads.
  if (rest.length > 0) await runInWorkers(files, rest, settings, Math.max(1, Math.min(settings.cpus, rest.length)), record);
  return outcomes;
}

/** Reads every file and asks the pre-check; settles the files it rules out, returns the others. */
function preCheck(files: TargetFile[], mayChange: NonNullable<FileTransform['mayChange']>, record: RecordOutcome): { indices: number[]; bytes: number } {
  const indices: number[] = [];
  let bytes = 0;
  files.forEach((file, index) => {
    let source;
    try {
      source = readSourceFileSync(file.path);
    } catch (error) {
      record(index, { file: file.displayPath, status: 'failed', hoisted: [], left: [], failure: describeError(error) });
      return;
    }
    let worthTransforming = true;
    try {
      worthTransforming = mayChange(source.text, file.path) !== false;
    } catch {
      // A pre-check that throws rules nothing out: the transform itself says what is wrong.
    }
    if (!worthTransforming) {
      record(index, { file: file.displayPath, status: 'unchanged', hoisted: [], left: [] });
      return;
    }
    indices.push(index);
    bytes += source.bytes.length;
  });
  return { indices, bytes };
}

/** Transforms in this thread, in order; returns the files left when one ran out of time. */
async function runInProcess(files: TargetFile[], indices: number[], transform: FileTransform, settings: RunFilesSettings, record: RecordOutcome): Promise<number[]> {
  for (const [position, index] of indices.entries()) {
    const outcome = await processFile(files[index] as TargetFile, transform, settings);
    record(index, outcome);
    if (outcome.timedOut) return indices.slice(position + 1);
  }
  return [];
}

function runInWorkers(files: TargetFile[], indices: number[], settings: RunFilesSettings, threads: number, record: RecordOutcome): Promise<void> {
  const workerSettings: WorkerSettings = {
    transformModule: settings.transformModule,
    dry: settings.dry,
    keyed: settings.keyed,
    timeLimitMs: settings.timeLimitMs,
    projectData: settings.projectData,
  };
  return new Promise((resolve, reject) => {
    const running = new Set<Worker>();
    let next = 0; // position in `indices` of the next file to hand out
    let finishedCount = 0;
    let settled = false;

    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of running) void worker.terminate();
      running.clear();
      if (error) reject(error);
      else resolve();
    };
    const finish = (index: number, outcome: FileOutcome): void => {
      record(index, outcome);
      finishedCount++;
      if (finishedCount === indices.length) settle();
    };

    const startWorker = (): void => {
      const worker = new Worker(WORKER_URL, { workerData: workerSettings });
      running.add(worker);
      let ready = false;
      let inFlight: number | undefined;

      const retire = (): void => {
        inFlight = undefined;
        running.delete(worker);
        void worker.terminate();
      };
      const dispatch = (): void => {
        const index = indices[next];
        if (settled || index === undefined) return retire();
        next++;
        inFlight = index;
        worker.postMessage({ index, file: files[index] as TargetFile } satisfies FileRequest);
      };
      // A transform that kills its thread (stack overflow, process.exit) fails its file only.
      const stopped = (reason: string): void => {
        if (!running.delete(worker) || settled) return;
        if (!ready) return settle(new TransformLoadError(`the transform worker stopped while loading: ${reason}`));
        if (inFlight !== undefined) {
          const file = files[inFlight] as TargetFile;
          finish(inFlight, { file: file.displayPath, status: 'failed', hoisted: [], left: [], failure: `the transform crashed: ${reason}` });
        }
        if (!settled && next < indices.length) startWorker();
      };

      worker.on('message', (message: WorkerMessage) => {
        if (!running.has(worker) || settled) return;
        if (message.kind === 'loadFailed') return settle(new TransformLoadError(message.message));
        if (message.kind === 'ready') ready = true;
        else {
          inFlight = undefined;
          if (message.outcome.timedOut) {
            // Its transform was stopped mid-way: a fresh thread takes over.
            retire();
            finish(message.index, message.outcome);
            if (!settled && next < indices.length) startWorker();
            return;
          }
          finish(message.index, message.outcome);
        }
        dispatch();
      });
      worker.on('error', (error) => stopped(error.message));
      worker.on('exit', (code) => stopped(`exit code ${code}`));
    };

    if (indices.length === 0) return resolve();
    for (let i = 0; i < threads; i++) startWorker();
  });
}
