export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export type Paint = (text: string) => string;

export interface Palette {
  red: Paint;
  green: Paint;
  cyan: Paint;
  bold: Paint;
  dim: Paint;
}

const plain: Paint = (text) => text;
const sgr = (open: number, close: number): Paint => (text) => `\u001b[${open}m${text}\u001b[${close}m`;

/** Colours only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org). */
export function paletteFor(stream: OutputStream, env: NodeJS.ProcessEnv): Palette {
  const enabled = stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
  if (!enabled) return { red: plain, green: plain, cyan: plain, bold: plain, dim: plain };
  return { red: sgr(31, 39), green: sgr(32, 39), cyan: sgr(36, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
}
