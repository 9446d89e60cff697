// The Node target the rules would use for this file: `engines.node` of the nearest package.json.
// The codemod must judge default-axios calls exactly as the rule does, so it reads the same field.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const byDirectory = new Map<string, string | undefined>();

export function nodeTargetFor(filePath: string): string | undefined {
  return lookup(path.dirname(path.resolve(filePath)));
}

function lookup(directory: string): string | undefined {
  if (byDirectory.has(directory)) return byDirectory.get(directory);
  let result: string | undefined;
  let text: string | undefined;
  try {
    text = readFileSync(path.join(directory, 'package.json'), 'utf8');
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    try {
      const engines = (JSON.parse(text) as { engines?: { node?: unknown } } | null)?.engines;
      result = typeof engines?.node === 'string' ? engines.node : undefined;
    } catch {
      result = undefined;
    }
  } else {
    const parent = path.dirname(directory);
    result = parent === directory ? undefined : lookup(parent);
  }
  byDirectory.set(directory, result);
  return result;
}
