import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

export interface FileDiff {
  /** A unified diff with `a/` and `b/` paths, as `git apply` and `patch -p1` expect. */
  patch: string;
  additions: number;
  deletions: number;
}

export function diffFile(shownPath: string, before: string, after: string): FileDiff {
  const patch = createTwoFilesPatch(`a/${shownPath}`, `b/${shownPath}`, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
  let additions = 0;
  let deletions = 0;
  // Count only inside hunks: a removed line reading "-- x" prints as "--- x", like a file header.
  const hunks = patch.slice(patch.indexOf('\n@@') + 1);
  for (const line of hunks.split('\n')) {
    if (line.startsWith('+')) additions++;
    else if (line.startsWith('-')) deletions++;
  }
  return { patch, additions, deletions };
}
