import type { FileTransform, SiteOutcome } from './contract.js';
import { writeFileAtomically } from './atomic-write.js';
import type { TargetFile } from './discover.js';
import { describeError, FileFailure } from './failure.js';
import { diffFile, type FileDiff } from './file-diff.js';
import { readSourceFile } from './source-file.js';

export interface ProcessSettings {
  /** Compute a diff instead of writing. */
  dry: boolean;
  keyed: boolean;
}

/** Plain data, so it crosses worker boundaries unchanged. */
export interface FileOutcome {
  file: string;
  status: 'changed' | 'unchanged' | 'failed';
  hoisted: SiteOutcome[];
  left: SiteOutcome[];
  /** Why the file failed; set only when status is 'failed'. */
  failure?: string;
  /** Set for changed files in dry runs. */
  diff?: FileDiff;
}

export async function processFile(file: TargetFile, transform: FileTransform, settings: ProcessSettings): Promise<FileOutcome> {
  const failed = (error: unknown): FileOutcome => ({
    file: file.displayPath,
    status: 'failed',
    hoisted: [],
    left: [],
    failure: describeError(error),
  });
  try {
    const source = await readSourceFile(file.path);
    let result;
    try {
      result = transform(source.text, { keyed: settings.keyed, filePath: file.path });
    } catch (error) {
      throw new FileFailure(`the transform threw ${error instanceof Error ? `${error.name}: ${describeError(error)}` : String(error)}`);
    }
    const outcome = { file: file.displayPath, hoisted: result.hoisted, left: result.left };
    if (result.output === null || result.output === source.text) return { ...outcome, status: 'unchanged' };
    if (settings.dry) return { ...outcome, status: 'changed', diff: diffFile(file.displayPath, source.text, result.output) };
    await writeFileAtomically(file.path, result.output, source.bytes);
    return { ...outcome, status: 'changed' };
  } catch (error) {
    return failed(error);
  }
}
