// What the codemod takes from the project pass. A transform sees one file; these tell it what
// other files say about that file: which imports build clients (as extra catalog entries for
// core's `analyzeFile`), whether the global axios is configured anywhere, and which of its
// constructions can import an instance another file already shares. The data is plain
// JSON so that the main thread can compute it once and hand it to worker threads.
import type { KnownSite, UserCatalogEntry } from '@reuse-clients/core';
import { projectCatalogFromData, type ProjectCatalog } from './catalog-data.js';
import { findGlobalAxiosConfiguration } from './global-axios.js';
import { runProjectPass, type ProjectPassOptions } from './project-pass.js';
import { findUnshareableConstructions } from './instance-state.js';
import { findReusableInstances } from './reuse.js';
import { findSharedInstances } from './shared-instances.js';

export function buildProjectCatalog(options: ProjectPassOptions): ProjectCatalog {
  const pass = runProjectPass(options);
  const catalogs: Record<string, UserCatalogEntry[]> = {};
  const knownSites: Record<string, KnownSite[]> = {};
  for (const file of pass.files.values()) {
    if (file.entries.size > 0) catalogs[file.path] = [...file.entries.values()].map((entry) => entry.entry);
    if (file.knownSites.length > 0) knownSites[file.path] = file.knownSites;
  }
  const reusable = findReusableInstances(pass, findSharedInstances(pass));
  return projectCatalogFromData({ configuresGlobalAxios: findGlobalAxiosConfiguration(pass).length > 0, catalogs, reusable, knownSites, unshareable: findUnshareableConstructions(pass) });
}

export { projectCatalogFromData, type ProjectCatalog, type ProjectCatalogData } from './catalog-data.js';
export { runProjectPass, type ProjectPass, type ProjectPassOptions, type AnalysedFile } from './project-pass.js';
export { findSharedInstances, type SharedInstance } from './shared-instances.js';
export { findReusableInstances } from './reuse.js';
export type { ReusableInstance } from './catalog-data.js';
export { findGlobalAxiosConfiguration, type GlobalAxiosSetting } from './global-axios.js';
