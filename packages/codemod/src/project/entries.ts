// Cross-file knowledge handed to core as catalog entries: in a file that imports
// `createCatalogClient` from './clients.js', that import is a construction like `new S3Client()`
// is, so core classifies each call of it with the linter's own rules (route handlers, loops,
// start-up code, in-file factory layers) and no classification is re-implemented here.
import path from 'node:path';
import { normalizeModule, type CatalogEntry, type UserCatalogEntry } from '@reuse-clients/core';
import type { ProjectBuilder } from './builders.js';
import type { ExportedBuilder } from './exports.js';

export interface ProjectEntry {
  entry: UserCatalogEntry;
  builder: ProjectBuilder;
  specifier: string;
}

export function projectEntry(importingFile: string, specifier: string, exported: ExportedBuilder): ProjectEntry {
  const { builder, importName } = exported;
  const constructedWithNew = builder.kind === 'class' && !importName.includes('.');
  return {
    entry: {
      module: specifier,
      ...(constructedWithNew ? { export: importName } : { call: importName }),
      kind: builder.constructionKind,
      message: originMessage(importingFile, importName, builder),
      ...(builder.why ? { facts: { perCall: builder.why } } : {}),
    },
    builder,
    specifier,
  };
}

/** "`createCatalogClient` (from ./clients.ts) builds `new S3Client()`." — relative to the importing file. */
function originMessage(importingFile: string, importName: string, builder: ProjectBuilder): string {
  const name = importName !== 'default' ? `\`${importName}\`` : builder.display !== 'default' ? `\`${builder.display}\`` : 'The default export';
  return describeOrigin(importingFile, name, builder);
}

/** "<name> (from ./repo.ts) builds `new S3Client()` through `createClient` (./clients.ts)." */
export function describeOrigin(fromFile: string, name: string, builder: ProjectBuilder): string {
  const from = (file: string) => relativeModulePath(fromFile, file);
  const where = builder.kind === 'class' ? ' in its constructor' : '';
  const links = builder.chain.slice(1).map((link) => `\`${link.display}\` (${from(link.file)})`);
  const through = links.length > 0 ? ` through ${links.join(', ')}` : '';
  return `${name} (from ${from(builder.file)}) builds \`${builder.construct}\`${where}${through}.`;
}

function relativeModulePath(fromFile: string, toFile: string): string {
  const relative = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The identity core gives a user entry once it becomes a `CatalogEntry`, to map a site back to its entry. */
export function entryKey(module: string, path: readonly string[], via: string): string {
  return `${normalizeModule(module)}\0${path.join('.')}\0${via}`;
}

export function userEntryKey(entry: UserCatalogEntry): string {
  const name = entry.export ?? entry.call ?? 'default';
  return entryKey(entry.module ?? '', name === 'default' ? [] : name.split('.'), entry.call ? 'call' : 'new');
}

export function catalogEntryKey(entry: CatalogEntry): string | undefined {
  const names = entry.path.filter((segment): segment is string => typeof segment === 'string');
  return names.length === entry.path.length ? entryKey(entry.module, names, entry.via) : undefined;
}
