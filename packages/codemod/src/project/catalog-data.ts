// What the project pass hands the transform, as plain JSON: the main thread computes it once and
// worker threads rebuild it here without loading ts-morph.
import path from 'node:path';
import type { KnownSite, UserCatalogEntry } from '@reuse-clients/core';

/**
 * A per-call construction in one file that an existing module-level instance of another file
 * builds identically: the fix imports that instance instead of creating a second one.
 */
export interface ReusableInstance {
  /** The construction (or factory call) in the fixed file: its range in the text without BOM, and that text, checked before use. */
  start: number;
  end: number;
  text: string;
  /** How to import it: the name it is exported under (`default` for a default export), the specifier to write, ESM or CommonJS. */
  exportName: string;
  specifier: string;
  form: 'esm' | 'cjs';
  /** Where it is declared, for messages: absolute path and 1-based line. */
  file: string;
  line: number;
  /** Its own name in that file. */
  name: string;
}

/** A `new C()` of another file's client class whose instances keep per-call state: never shared. */
export interface UnshareableConstruction {
  start: number;
  end: number;
  text: string;
  reason: string;
}

export interface ProjectCatalogData {
  configuresGlobalAxios: boolean;
  /** Absolute file path → the extra catalog entries to analyse that file with. */
  catalogs: Record<string, UserCatalogEntry[]>;
  /** Absolute file path → constructions there that can reuse another file's instance. */
  reusable?: Record<string, ReusableInstance[]>;
  /** Absolute file path → calls there of builders no catalog entry can name (instance methods, same-file subclasses). */
  knownSites?: Record<string, KnownSite[]>;
  /** Absolute file path → constructions there of classes whose instances must not be shared. */
  unshareable?: Record<string, UnshareableConstruction[]>;
}

export interface ProjectCatalog {
  projectCatalogFor(filePath: string): UserCatalogEntry[];
  reusableFor(filePath: string): ReusableInstance[];
  knownSitesFor(filePath: string): KnownSite[];
  unshareableFor(filePath: string): UnshareableConstruction[];
  readonly projectConfiguresGlobalAxios: boolean;
  readonly data: ProjectCatalogData;
}

export function projectCatalogFromData(data: ProjectCatalogData): ProjectCatalog {
  return {
    projectCatalogFor: (filePath) => data.catalogs[path.resolve(filePath)] ?? [],
    reusableFor: (filePath) => data.reusable?.[path.resolve(filePath)] ?? [],
    knownSitesFor: (filePath) => data.knownSites?.[path.resolve(filePath)] ?? [],
    unshareableFor: (filePath) => data.unshareable?.[path.resolve(filePath)] ?? [],
    projectConfiguresGlobalAxios: data.configuresGlobalAxios,
    data,
  };
}
