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
  /**
   * An edit that takes over earlier edits inside its range (unwrapping a `try` whose `finally`
   * another site already trimmed): its text is built from them. Edits without it never overlap.
   */
  compose?: (inner: readonly Edit[]) => string;
  /** The edits a composing edit has taken over. */
  absorbed?: readonly Edit[];
}

/** Is `inner` inside the range a composing edit rewrites? */
export function within(outer: Edit, inner: Edit): boolean {
  if (inner === outer || inner.start < outer.start || inner.end > outer.end) return false;
  return !(inner.start === inner.end && (inner.start === outer.start || inner.start === outer.end));
}

/**
 * Adds edits to a list where a composing edit takes over every edit inside its range, whichever
 * comes first: its text is rebuilt from the edits it holds. Returns the new list; the old one is
 * left as it was (the planner rolls back by keeping it).
 */
export function mergeEdits(existing: readonly Edit[], added: readonly Edit[]): Edit[] {
  let all = [...existing];
  for (const edit of added) {
    if (edit.compose) {
      const inner = [...(edit.absorbed ?? []), ...all.filter((other) => within(edit, other))];
      all = all.filter((other) => !within(edit, other));
      all.push({ ...edit, absorbed: inner, text: edit.compose(inner) });
      continue;
    }
    const host = all.find((other) => other.compose && within(other, edit));
    if (host) {
      const inner = [...(host.absorbed ?? []), edit];
      all = all.map((other) => (other === host ? { ...host, absorbed: inner, text: host.compose!(inner) } : other));
      continue;
    }
    all.push(edit);
  }
  return all;
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
