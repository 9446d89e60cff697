// The small part of minimatch the context tables use (`**/`, `*`, `?`, `{a,b}`), so the globs
// ESLint's `ignores` reads and the ones the detector matches are the same strings.
const compiled = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let pattern = compiled.get(glob);
  if (pattern) return pattern;
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (glob.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (glob.startsWith('/**', index) && index + 3 === glob.length) {
      source += '/.*';
      index += 2;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const end = glob.indexOf('}', index);
      source += `(?:${glob.slice(index + 1, end).split(',').map(escape).join('|')})`;
      index = end;
    } else {
      source += escape(char);
    }
  }
  pattern = new RegExp(`^${source}$`);
  compiled.set(glob, pattern);
  return pattern;
}

/** Does a `/`-separated path relative to the project root match any of the globs? */
export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(relativePath));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
