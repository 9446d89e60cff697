import path from 'node:path';

/** What users see and what reports contain: relative to the working directory, `/`-separated. */
export function displayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath) || path.basename(absolutePath);
  return relative.split(path.sep).join('/');
}
