/** A per-file problem with a message meant for users: the file is reported as failed, the run goes on. */
export class FileFailure extends Error {}

/** One line for a user, from anything a read, a write or a transform may throw. */
export function describeError(error: unknown): string {
  if (error instanceof FileFailure) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const firstLine = error.message.split('\n', 1)[0] ?? '';
    return code !== undefined && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
  }
  return String(error);
}
