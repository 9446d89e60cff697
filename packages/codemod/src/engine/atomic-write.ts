import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, lstat, open, readFile, rename, unlink } from 'node:fs/promises';
import { FileFailure } from './failure.js';

/**
 * Temp files are named `<file>.reuse-clients-<12 hex>.tmp`, next to the file they replace. A run
 * killed between creating one and renaming it (SIGKILL, power loss) leaves it behind; the name is
 * ours alone, so the next run can find and remove it (see discover.ts).
 */
export const STALE_TEMP_FILE = /\.reuse-clients-[0-9a-f]{12}\.tmp$/;

function tempPathFor(filePath: string): string {
  return `${filePath}.reuse-clients-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Replaces `filePath` with `content` so that readers see the old file or the new one, never a
 * half-written one: a temp file in the same directory (same file system, so rename is atomic),
 * with the original mode, flushed to disk, renamed over the original. Refuses when the file is
 * read-only or no longer holds `expected` (someone changed it while we were transforming it).
 */
export async function writeFileAtomically(filePath: string, content: string, expected: Buffer): Promise<void> {
  const info = await lstat(filePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new FileFailure('file was deleted while being transformed, not written');
    throw error;
  });
  // Renaming over a symlink would replace the link; discovery never yields one, but it may have
  // been swapped in since.
  if (!info.isFile()) throw new FileFailure('no longer a regular file, not written');
  // rename() ignores the file's own permissions, so honour them here; the mode bits also cover
  // root, for whom access() always succeeds.
  const writable = (info.mode & 0o222) !== 0 && (await access(filePath, constants.W_OK).then(() => true, () => false));
  if (!writable) throw new FileFailure('file is read-only, not written');
  const current = await readFile(filePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new FileFailure('file was deleted while being transformed, not written');
    throw error;
  });
  if (!current.equals(expected)) {
    throw new FileFailure('file changed on disk while being transformed, not written');
  }

  const mode = info.mode & 0o7777;
  const tempPath = tempPathFor(filePath);
  try {
    const handle = await open(tempPath, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tempPath, mode); // open()'s mode is filtered by the umask
    await rename(tempPath, filePath);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
}
