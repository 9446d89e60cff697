import type { OutputStream } from './color.js';

export interface Progress {
  tick(): void;
  finish(): void;
}

/** Short runs finish before a bar would help, so it only appears past this many files. */
const MIN_FILES_FOR_BAR = 20;
const REDRAW_INTERVAL_MS = 50;

export function renderProgressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((width * done) / total);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`;
}

/** A bar redrawn in place; a no-op unless `stream` is a terminal, so logs and pipes stay clean. */
export function createProgress(stream: OutputStream, total: number): Progress {
  if (stream.isTTY !== true || total <= MIN_FILES_FOR_BAR) return { tick() {}, finish() {} };
  let done = 0;
  let lastDraw = 0;
  stream.write(`\r${renderProgressBar(done, total)}`);
  return {
    tick() {
      done++;
      const now = Date.now();
      if (done < total && now - lastDraw < REDRAW_INTERVAL_MS) return;
      lastDraw = now;
      stream.write(`\r${renderProgressBar(done, total)}`);
    },
    finish() {
      stream.write('\r\u001b[2K'); // erase the bar: the summary follows
    },
  };
}
