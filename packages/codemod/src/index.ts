// The programmatic API: the transform contract and the engine behind the CLI.
export type { FileResult, FileTransform, SiteOutcome, TransformOptions } from './engine/contract.js';
export { runCodemod, type RunOptions, type RunResult } from './engine/run.js';
export type { FileOutcome } from './engine/process-file.js';
export type { LeftSite, RunSummary } from './engine/summary.js';
export { MissingPathError } from './engine/discover.js';
export { UncommittedChangesError } from './engine/git-safety.js';
export { TransformLoadError } from './engine/load-transform.js';
