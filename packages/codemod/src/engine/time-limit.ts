// The per-file time limit (`--file-timeout`). A transform is synchronous, so no timer can stop it
// from the thread it runs in; V8 can, though: a script run with `timeout` is ended by a watchdog
// thread when the limit passes, whatever it calls. The transform is called from such a script, in
// the main thread and in workers alike, and only the transform: a file is never written unless its
// transform returned within the limit, so a file that ran out of time keeps every byte.
import vm from 'node:vm';
import { FileFailure } from './failure.js';

export const DEFAULT_FILE_TIMEOUT_SECONDS = 60;
/** The largest limit V8's watchdog takes (a 32-bit count of milliseconds). */
export const MAX_FILE_TIMEOUT_SECONDS = Math.floor(0xffffffff / 1000);

/**
 * Raised when a transform ran out of time. It was stopped mid-way, past any `finally`, so whatever
 * state its module keeps may be half-updated: the thread that ran it is not used for another file.
 */
export class TimeLimitExceeded extends FileFailure {
  constructor(limitMs: number) {
    super(`took longer than ${limitMs / 1000} s; left as it was`);
  }
}

// The function to call is handed over through a global, since a script sees only globals.
const SLOT = '__reuseClientsTimedCall';
const callSlot = new vm.Script(`globalThis.${SLOT}()`, { filename: 'reuse-clients-file-timeout' });

/** Calls `fn`; throws TimeLimitExceeded if it has not returned after `limitMs` (0: no limit). */
export function callWithTimeLimit<T>(fn: () => T, limitMs: number): T {
  if (limitMs <= 0) return fn();
  const global = globalThis as Record<string, unknown>;
  global[SLOT] = fn;
  const started = performance.now();
  try {
    return callSlot.runInThisContext({ timeout: limitMs, displayErrors: false }) as T;
  } catch (error) {
    // The elapsed time tells our watchdog from one the transform may run itself. The watchdog's
    // timer ticks in whole milliseconds, so it may fire up to 1 ms before `performance.now()` says
    // the limit has passed (seen: 22 of 300 one-millisecond limits).
    const timedOut = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' && performance.now() - started >= limitMs - 1;
    if (timedOut) throw new TimeLimitExceeded(limitMs);
    throw error;
  } finally {
    delete global[SLOT];
  }
}
