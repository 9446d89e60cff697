// The project pass loads every target file into ts-morph, which dominates a large run. It can only
// add something when some file exports a builder (a factory or client class other files may call,
// or a client class whose subclasses may be exported)
// or a shared instance (which other files' fixes may import), or configures the global axios, and
// all need a catalog module named in that very file: a text pre-check and a parse of those few
// files tell whether the pass is worth running.
import { readFileSync } from 'node:fs';
import { analyzeFile, createCatalog, mayMentionCatalog } from '@reuse-clients/core';
import { callWithTimeLimit, TimeLimitExceeded } from '../engine/time-limit.js';
import { parseFile } from '../transform/parse.js';
import { analysisOptionsOf, type FileRuleOptions } from '../options/rule-options.js';
import { isExportedInstance } from './shared-instances.js';

export interface WorthRunningOptions {
  /** `--file-timeout`: a file whose parse and analysis take longer is skipped (0: no limit). */
  fileTimeoutMs?: number;
  /** Receives the files skipped for the time limit, so the pass does not try them again. */
  timedOut?: Set<string>;
  /** The rules' options for a file: a user catalog names more modules, start-up functions change what is per call. */
  optionsFor?: (filePath: string) => FileRuleOptions;
}

export function projectPassWorthRunning(files: readonly string[], { fileTimeoutMs = 0, timedOut, optionsFor }: WorthRunningOptions = {}): boolean {
  const builtin = createCatalog();
  for (const file of files) {
    const fileOptions = optionsFor?.(file);
    const userCatalog = fileOptions?.options.catalog ?? [];
    const catalog = userCatalog.length > 0 ? createCatalog(userCatalog) : builtin;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue; // the fix run reports unreadable files itself
    }
    if (!mayMentionCatalog(source, catalog)) continue;
    let analysis;
    let parsed;
    try {
      ({ parsed, analysis } = callWithTimeLimit(() => {
        const tree = parseFile(source, file);
        return { parsed: tree, analysis: analyzeFile({ ast: tree.ast, scopeManager: tree.scopeManager, sourceText: tree.text }, fileOptions ? analysisOptionsOf(fileOptions, file) : {}) };
      }, fileTimeoutMs));
    } catch (error) {
      if (error instanceof TimeLimitExceeded) timedOut?.add(file);
      continue; // does not parse, or not in time: the fix run reports it
    }
    if (analysis.globalAxiosConfiguration.length > 0) return true;
    // A client class no export names still reaches other files through its exported subclasses.
    if (analysis.sites.some((site) => site.builders.some((builder) => builder.exported || builder.kind === 'class') || isExportedInstance(site, parsed.ast))) return true;
  }
  return false;
}
