import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { FileFailure } from './failure.js';

export interface SourceText {
  /** The exact bytes read, to detect a concurrent change before writing. */
  bytes: Buffer;
  /** Decoded text, BOM kept: the transform owns content, including BOMs and line endings. */
  text: string;
}

// `fatal` rejects invalid UTF-8 instead of silently inserting U+FFFD; `ignoreBOM` keeps the BOM.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readSourceFile(filePath: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    throw readFailure(error);
  }
  return decode(bytes);
}

/** The same, blocking: for the pre-check pass, where thousands of small awaits would cost more than the reads. */
export function readSourceFileSync(filePath: string): SourceText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    throw readFailure(error);
  }
  return decode(bytes);
}

function readFailure(error: unknown): FileFailure {
  const code = (error as NodeJS.ErrnoException).code;
  // Found by discovery, gone by the time its turn came: someone else is changing the tree.
  if (code === 'ENOENT') return new FileFailure('file was deleted before it could be read, skipped');
  return new FileFailure(`cannot read file (${code ?? String(error)})`);
}

function decode(bytes: Buffer): SourceText {
  if (bytes.includes(0)) throw notText();
  try {
    return { bytes, text: utf8.decode(bytes) };
  } catch {
    throw notText();
  }
}

function notText(): FileFailure {
  return new FileFailure('binary or non-UTF-8 file, skipped');
}
