// Is a file part of a bundled browser app? Decided per package (the nearest package.json), from
// the signals in BROWSER_APP_PACKAGE (tables.ts): an HTML entry, a bundler, a UI library, and no
// server framework. Read once per package folder and cached for the process, like the Node target.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { matchesAnyGlob } from './glob.js';
import { BROWSER_APP_PACKAGE, type BrowserAppSignals } from './tables.js';

const byPackageFolder = new Map<string, string | null>();
const manifestFolderOf = new Map<string, string | null>();

/** The reason a file's package is a browser app ("browser app package `web` (index.html, …)"), or undefined. */
export function browserAppPackageReason(filename: string, signals: BrowserAppSignals = BROWSER_APP_PACKAGE): string | undefined {
  const folder = nearestManifestFolder(path.dirname(path.resolve(filename)));
  if (!folder) return undefined;
  if (signals !== BROWSER_APP_PACKAGE) return judge(folder, signals) ?? undefined;
  if (!byPackageFolder.has(folder)) byPackageFolder.set(folder, judge(folder, signals));
  return byPackageFolder.get(folder) ?? undefined;
}

function nearestManifestFolder(start: string): string | undefined {
  const visited: string[] = [];
  let found: string | null | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (manifestFolderOf.has(dir)) {
      found = manifestFolderOf.get(dir);
      break;
    }
    visited.push(dir);
    if (existsSync(path.join(dir, 'package.json'))) {
      found = dir;
      break;
    }
    if (path.dirname(dir) === dir) {
      found = null;
      break;
    }
  }
  for (const dir of visited) manifestFolderOf.set(dir, found ?? null);
  return found ?? undefined;
}

function judge(folder: string, signals: BrowserAppSignals): string | null {
  let dependencies: Set<string>;
  let name: string;
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
    const names = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((field) => {
      const value = manifest[field];
      return value && typeof value === 'object' ? Object.keys(value) : [];
    });
    dependencies = new Set(names);
    name = typeof manifest.name === 'string' ? manifest.name : path.basename(folder);
  } catch {
    return null; // an unreadable manifest says nothing
  }
  if (signals.serverPackages.some((server) => dependencies.has(server))) return null;
  const ui = signals.uiPackages.find((library) => dependencies.has(library));
  if (!ui) return null;
  const html = signals.htmlEntries.find((entry) => existsSync(path.join(folder, entry)));
  if (!html) return null;
  let files: string[] = [];
  try {
    files = readdirSync(folder);
  } catch {
    // no listing: only dependencies can show the bundler
  }
  const bundler = files.find((file) => matchesAnyGlob(file, signals.bundlerConfigs)) ?? signals.bundlerPackages.find((bundlerPackage) => dependencies.has(bundlerPackage));
  if (!bundler) return null;
  return `browser app package \`${name}\` (${html}, ${bundler}, ${ui}; no server framework)`;
}
