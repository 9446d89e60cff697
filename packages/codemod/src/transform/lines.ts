// Line-level text helpers: where a statement's line starts, its indentation, and how to remove a
// statement or move an expression without leaving stray blank lines or mis-indented code.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** After a statement ending at `offset`: the end of its line when only a comment follows. */
export function afterTrailingComment(text: string, offset: number): number {
  const lineEnd = nextLineBreak(text, offset);
  const rest = text.slice(offset, lineEnd);
  return /^\s*(?:\/\/.*|\/\*.*\*\/\s*)?$/.test(rest) ? lineEnd : offset;
}

/** The offset of the next `\n` (or `\r\n`), or the text's end. */
function nextLineBreak(text: string, offset: number): number {
  const index = text.indexOf('\n', offset);
  if (index === -1) return text.length;
  return text[index - 1] === '\r' ? index - 1 : index;
}

/** Removes a statement; when it is alone on its lines, the whole lines go. */
export function removeStatement(text: string, statement: TSESTree.Node): Edit {
  const [start, end] = statement.range;
  const from = lineStart(text, start);
  const before = text.slice(from, start);
  const lineEnd = nextLineBreak(text, end);
  const after = text.slice(end, lineEnd);
  if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after)) {
    const breakLength = text.startsWith('\r\n', lineEnd) ? 2 : text.startsWith('\n', lineEnd) ? 1 : 0;
    return { start: from, end: lineEnd + breakLength, text: '' };
  }
  const trailing = /^[ \t]*/.exec(after)![0].length;
  return { start, end: end + trailing, text: '' };
}

/**
 * Like `removeStatement`, but takes the line break before the statement and keeps the one after,
 * so that text inserted at the end of its line (new imports after the last import) survives.
 * Undefined when the statement does not stand alone on lines after another line.
 */
export function removeStatementBeforeLineEnd(text: string, statement: TSESTree.Node): Edit | undefined {
  const removal = removeStatement(text, statement);
  const lineEnd = nextLineBreak(text, statement.range[1]);
  if (removal.end <= lineEnd || removal.start === 0) return undefined;
  const breakBefore = text.slice(0, removal.start).endsWith('\r\n') ? 2 : 1;
  return { start: removal.start - breakBefore, end: lineEnd, text: '' };
}

/** Moves multi-line text from one indentation to another (lines after the first). */
export function reindent(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text.replace(/(\r?\n)([ \t]*)/g, (whole, newline: string, indentation: string) => (indentation.startsWith(from) ? `${newline}${to}${indentation.slice(from.length)}` : whole));
}
