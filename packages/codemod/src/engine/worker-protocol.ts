import type { TargetFile } from './discover.js';
import type { FileOutcome, ProcessSettings } from './process-file.js';

export interface WorkerSettings extends ProcessSettings {
  transformModule: string;
  /** The project pass's findings (plain JSON), for the transform of every thread. */
  projectData?: unknown;
}

/** Main thread → worker: one file at a time, so a slow file never holds up a queue of others. */
export interface FileRequest {
  index: number;
  file: TargetFile;
}

/** Worker → main thread. After an outcome with `timedOut`, the worker takes no more files. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'loadFailed'; message: string }
  | { kind: 'outcome'; index: number; outcome: FileOutcome };
