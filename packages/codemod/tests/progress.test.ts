import { describe, expect, it } from 'vitest';
import { paletteFor } from '../src/cli/color.js';
import { createProgress, renderProgressBar } from '../src/cli/progress.js';

function fakeStream(isTTY: boolean): { isTTY: boolean; written: string[]; write(text: string): boolean } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 };
}

describe('progress bar', () => {
  it('renders filled and empty cells with a count', () => {
    expect(renderProgressBar(0, 4, 10)).toBe('[----------] 0/4 files');
    expect(renderProgressBar(2, 4, 10)).toBe('[#####-----] 2/4 files');
    expect(renderProgressBar(4, 4, 10)).toBe('[##########] 4/4 files');
  });

  it('draws in place on a terminal for more than 20 files, and erases itself', () => {
    const stream = fakeStream(true);
    const progress = createProgress(stream, 21);
    for (let i = 0; i < 21; i++) progress.tick();
    progress.finish();
    expect(stream.written[0]).toBe(`\r${renderProgressBar(0, 21)}`);
    expect(stream.written).toContain(`\r${renderProgressBar(21, 21)}`);
    expect(stream.written.at(-1)).toBe('\r\u001b[2K');
  });

  it('stays silent off a terminal, and for 20 files or fewer', () => {
    for (const [isTTY, total] of [
      [false, 500],
      [true, 20],
    ] as const) {
      const stream = fakeStream(isTTY);
      const progress = createProgress(stream, total);
      for (let i = 0; i < total; i++) progress.tick();
      progress.finish();
      expect(stream.written).toEqual([]);
    }
  });
});

describe('colours', () => {
  it('are used on a terminal unless NO_COLOR is set', () => {
    expect(paletteFor({ isTTY: true, write: () => true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(paletteFor({ isTTY: true, write: () => true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(paletteFor({ isTTY: false, write: () => true }, {}).red('x')).toBe('x');
  });
});
