import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  // dist/cli/version.js → the package root, where package.json ships.
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
