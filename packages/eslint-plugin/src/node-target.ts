// Reads `engines.node` from the nearest package.json of the linted file. The memo only caches file
// reads per directory; it holds no findings, so each ESLint worker (`--concurrency`) can keep its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const targetByDirectory = new Map<string, string | undefined>();

export function nodeTargetFor(filename: string, cwd: string): string | undefined {
  const start = path.dirname(path.resolve(cwd, filename));
  return lookup(start);
}

function lookup(directory: string): string | undefined {
  if (targetByDirectory.has(directory)) return targetByDirectory.get(directory);
  let result: string | undefined;
  const manifest = readManifest(directory);
  if (manifest !== null) {
    const engines = (manifest as { engines?: { node?: unknown } }).engines;
    result = typeof engines?.node === 'string' ? engines.node : undefined;
  } else {
    const parent = path.dirname(directory);
    result = parent === directory ? undefined : lookup(parent);
  }
  targetByDirectory.set(directory, result);
  return result;
}

/** The parsed package.json in `directory`, `{}` when it is unreadable JSON, null when there is none. */
function readManifest(directory: string): object | null {
  let text: string;
  try {
    text = readFileSync(path.join(directory, 'package.json'), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
