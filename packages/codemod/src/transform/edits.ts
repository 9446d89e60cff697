// Text edits on the original source. Untouched bytes stay byte-for-byte: the output is the input
// with these ranges replaced, nothing is reprinted.
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Among insertions at the same offset, lower goes first (imports before declarations). */
  order?: number;
  /** The removed text is gone for good (not moved elsewhere): its imports may become unused. */
  drops?: boolean;
}

export function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits; insertions at one offset keep their order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || (a.edit.order ?? 0) - (b.edit.order ?? 0) || a.index - b.index)
    .map(({ edit }) => edit);
  let output = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    output += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}

/** The text of `[start, end)` with the edits that fall inside it applied (for hoisted copies). */
export function renderRange(text: string, start: number, end: number, edits: readonly Edit[]): string {
  const inside = edits.filter((edit) => edit.start >= start && edit.end <= end).map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
  return applyEdits(text.slice(start, end), inside);
}
