// What the project pass hands the transform, as plain JSON: the main thread computes it once and
// worker threads rebuild it here without loading ts-morph.
import path from 'node:path';
import type { UserCatalogEntry } from '@reuse-clients/core';

export interface ProjectCatalogData {
  configuresGlobalAxios: boolean;
  /** Absolute file path → the extra catalog entries to analyse that file with. */
  catalogs: Record<string, UserCatalogEntry[]>;
}

export interface ProjectCatalog {
  projectCatalogFor(filePath: string): UserCatalogEntry[];
  readonly projectConfiguresGlobalAxios: boolean;
  readonly data: ProjectCatalogData;
}

export function projectCatalogFromData(data: ProjectCatalogData): ProjectCatalog {
  return {
    projectCatalogFor: (filePath) => data.catalogs[path.resolve(filePath)] ?? [],
    projectConfiguresGlobalAxios: data.configuresGlobalAxios,
    data,
  };
}
