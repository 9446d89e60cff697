// The first stack frame in the user's code: not Node's internals, not node_modules, not the tracer.
// Captured cheaply: structured call sites from a short stack, with the program's own
// Error.prepareStackTrace and stackTraceLimit put back before returning.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface UserFrame {
  file: string;
  line: number;
  column: number;
  /**
   * The next user frame down the stack: where the function holding this one was called from. A
   * construction inside a factory is counted at the factory's line; the static rules report the
   * factory's per-call callers instead, and this is how the summary finds them.
   */
  caller?: UserFrame;
}

/** Enough to get out of a client library's own layers (undici Agent → Pool → Client is 3). */
const STACK_FRAMES = 16;

const tracerDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function toPath(fileName: string): string | undefined {
  if (fileName.startsWith('file://')) {
    try {
      return fileURLToPath(fileName);
    } catch {
      return undefined;
    }
  }
  return path.isAbsolute(fileName) ? fileName : undefined;
}

function isUserFile(file: string): boolean {
  return !file.includes(`${path.sep}node_modules${path.sep}`) && !file.startsWith(tracerDir + path.sep);
}

/** File names as stack frames give them, to the user file they are (or null): most frames repeat. */
const userFiles = new Map<string, string | null>();
const USER_FILES_KEPT = 10_000;

function userFileOf(fileName: string): string | null {
  let file = userFiles.get(fileName);
  if (file !== undefined) return file;
  const resolved = fileName.startsWith('node:') ? undefined : toPath(fileName);
  file = resolved && isUserFile(resolved) ? resolved : null;
  if (userFiles.size >= USER_FILES_KEPT) userFiles.clear();
  userFiles.set(fileName, file);
  return file;
}

const rawCallSites = (_error: Error, callSites: NodeJS.CallSite[]): NodeJS.CallSite[] => callSites;

/**
 * The first user frame of the current stack. `skipConstructors` names subclass constructors
 * whose `super(...)` frames sit between a wrapped base class and the line that said `new`.
 */
export function userFrame(skipConstructors?: ReadonlySet<string>): UserFrame | undefined {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let callSites: NodeJS.CallSite[];
  try {
    Error.prepareStackTrace = rawCallSites;
    Error.stackTraceLimit = STACK_FRAMES;
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, userFrame);
    callSites = holder.stack ?? [];
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  let first: UserFrame | undefined;
  for (const callSite of callSites) {
    const fileName = callSite.getFileName();
    const file = fileName ? userFileOf(fileName) : null;
    if (!file) continue;
    if (!first && skipConstructors && callSite.isConstructor() && skipConstructors.has(callSite.getFunctionName() ?? '')) continue;
    const frame = { file, line: callSite.getLineNumber() ?? 0, column: callSite.getColumnNumber() ?? 0 };
    if (first) {
      first.caller = frame;
      break;
    }
    first = frame;
  }
  return first;
}
