// The per-file time limit's own contract: a call over the limit always ends as TimeLimitExceeded
// (never as a raw vm error, which would read as a crash of the file), and a call within it returns.
import { describe, expect, it } from 'vitest';
import { callWithTimeLimit, TimeLimitExceeded } from '../src/engine/time-limit.js';

/** Runs for at least `ms` by the same clock the limit is judged by. */
function busy(ms: number): number {
  const start = performance.now();
  let spins = 0;
  while (performance.now() - start < ms) spins++;
  return spins;
}

describe('callWithTimeLimit', () => {
  it('stops every call over the limit as TimeLimitExceeded, even when the watchdog fires a tick early', () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 200; round++) {
      try {
        callWithTimeLimit(() => busy(5), 1);
        outcomes.add('returned');
      } catch (error) {
        outcomes.add(error instanceof TimeLimitExceeded ? error.message : `raw: ${(error as Error).message}`);
      }
    }
    expect([...outcomes]).toEqual(['took longer than 0.001 s; left as it was']);
  });

  it('returns what a call within the limit returns, and passes on what it throws', () => {
    expect(callWithTimeLimit(() => 'done', 1000)).toBe('done');
    expect(callWithTimeLimit(() => 'no limit', 0)).toBe('no limit');
    expect(() => callWithTimeLimit(() => JSON.parse('{'), 1000)).toThrow(SyntaxError);
  });
});
