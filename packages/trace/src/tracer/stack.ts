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
/**
 * Most sites are found in a shorter stack (the tracer's own frames, the user's line, its caller),
 * and a stack costs about in proportion to its frames: a short one is tried first, and the full
 * one only when the short one ended before it found both frames.
 */
const SHORT_STACK_FRAMES = 8;

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

function callSites(limit: number): NodeJS.CallSite[] {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  try {
    Error.prepareStackTrace = rawCallSites;
    Error.stackTraceLimit = limit;
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.captureStackTrace(holder, userFrame);
    return holder.stack ?? [];
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

/** The first user frame of `sites` with the next one as its caller; `complete` once both are found. */
function firstUserFrame(sites: readonly NodeJS.CallSite[], skipConstructors?: ReadonlySet<string>): { first?: UserFrame; complete: boolean } {
  let first: UserFrame | undefined;
  for (const callSite of sites) {
    const fileName = callSite.getFileName();
    const file = fileName ? userFileOf(fileName) : null;
    if (!file) continue;
    if (!first && skipConstructors && callSite.isConstructor() && skipConstructors.has(callSite.getFunctionName() ?? '')) continue;
    const frame = { file, line: callSite.getLineNumber() ?? 0, column: callSite.getColumnNumber() ?? 0 };
    if (first) {
      first.caller = frame;
      return { first, complete: true };
    }
    first = frame;
  }
  return { first, complete: false };
}

/**
 * The first user frame of the current stack. `skipConstructors` names subclass constructors
 * whose `super(...)` frames sit between a wrapped base class and the line that said `new`.
 * The same as reading the full STACK_FRAMES stack: the short stack is its beginning.
 */
export function userFrame(skipConstructors?: ReadonlySet<string>): UserFrame | undefined {
  const short = callSites(SHORT_STACK_FRAMES);
  const found = firstUserFrame(short, skipConstructors);
  if (found.complete || short.length < SHORT_STACK_FRAMES) return found.first;
  return firstUserFrame(callSites(STACK_FRAMES), skipConstructors).first;
}
