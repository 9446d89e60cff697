// The project pass: core's per-file detector, run again on each file with catalog entries for
// what it imports from other files, until no new builders appear. Analysis only — nothing here
// edits a file; a codemod run consumes the result (index.ts, `buildProjectCatalog`) before it
// transforms anything, and `reuse-clients report` prints it.
//
// Rounds: (0) every file that can mention the catalog is analysed alone; its exported builders are
// collected. (n) every file importing a module that exports a builder is analysed again with one
// entry per such export; a file that wraps an imported factory in its own exported function
// thereby becomes a builder itself, and subclasses of client classes are added, so the next round
// reaches their importers. Builders no entry can name (instance methods, subclasses used in their
// own file) have their calls found by reference instead (reference-calls.ts) and handed to core as
// known sites of the calling file. Builders only accumulate, so this ends; MAX_ROUNDS bounds
// pathological chains as core bounds factory depth.
import { withoutSuppressed } from '../transform/suppressions.js';
import { analyzeFile, createCatalog, mayMentionCatalog, type Analysis, type Builder, type Finding, type KnownSite, type SiteAnalysis } from '@reuse-clients/core';
import type { SourceFile } from 'ts-morph';
import { callWithTimeLimit, TimeLimitExceeded } from '../engine/time-limit.js';
import { parseFile, type ParsedFile } from '../transform/parse.js';
import { analysisOptionsOf, ruleIsOn, ruleOptionsLookup, type FileRuleOptions } from '../options/rule-options.js';
import { builderDisplay, builderKey, exportAnchors, instanceMethodOf, type ConstructionKind, type ProjectBuilder } from './builders.js';
import { catalogEntryKey, projectEntry, userEntryKey, type ProjectEntry } from './entries.js';
import { exportedBuilders, type AnchorIndex } from './exports.js';
import { methodCalls, sameFileConstructions, type LocatedCall } from './reference-calls.js';
import { loadProject } from './load-project.js';
import { ModuleGraph, type ModuleImport } from './module-graph.js';
import { subclassBuilders } from './subclasses.js';

const MAX_ROUNDS = 8;
const BUILTIN_CATALOG = createCatalog();
const CONSTRUCTION_KINDS: ReadonlySet<string> = new Set<ConstructionKind>(['agent', 'client', 'axios-instance']);

export interface ProjectPassOptions {
  /** Where to look for the nearest tsconfig.json (a file or folder the user named, or the working directory). */
  searchFrom: string;
  /** Absolute paths of the files to analyse even when no tsconfig includes them. */
  files: readonly string[];
  /** The rules' options for a file (the project's ESLint config, or `--config`); absent: the defaults. */
  optionsFor?: (filePath: string) => FileRuleOptions;
  /** `--file-timeout`: a file whose parse or analysis takes longer is listed in `failures` and left out (0: no limit). */
  fileTimeoutMs?: number;
  /** Files already known to take too long (see worth-running.ts): left out without trying. */
  skip?: ReadonlySet<string>;
}

export interface AnalysedFile {
  path: string;
  parsed: ParsedFile;
  analysis: Analysis;
  /** Findings an `eslint-disable` comment silences (left out of `analysis.findings`). */
  suppressed: Finding[];
  /** The cross-file entries it was analysed with, by `userEntryKey`. */
  entries: ReadonlyMap<string, ProjectEntry>;
  /** Calls of builders no entry can name (instance methods, same-file subclasses), as core took them. */
  knownSites: KnownSite[];
}

export interface ProjectPass {
  tsConfigFilePath: string | undefined;
  /** Files that could mention a client, parsed and analysed; other files are not listed. */
  files: ReadonlyMap<string, AnalysedFile>;
  failures: { path: string; message: string }[];
  builders: ProjectBuilder[];
  /** The cross-file entry a site of `file` was found through, if any. */
  entryOf(file: AnalysedFile, site: SiteAnalysis): ProjectEntry | undefined;
  /** The project builder a site of `file` calls or constructs: through a cross-file entry or as a known site. */
  builderOf(file: AnalysedFile, site: SiteAnalysis): ProjectBuilder | undefined;
  /** The project files `file` imports, by the specifier it writes. */
  importsOf(file: string): readonly ModuleImport[];
  /** The project files that import `file` directly, with their text (parsed or not). */
  importersOf(file: string): { path: string; text: string }[];
  /** Module resolution as the project's tsconfig sets it up. */
  modules: Pick<ModuleGraph, 'resolve' | 'extensionsRequired'>;
}

interface FileState {
  sourceFile: SourceFile;
  text: string;
  /** Parsed on first need; null when it does not parse (listed in `failures`). */
  parsed?: ParsedFile | null;
  analysed?: AnalysedFile;
  /** The cross-file entries of its imports, as of the latest round. */
  entries: ProjectEntry[];
  /** Calls of instance methods and same-file subclasses, by `start:end`. */
  known: Map<string, LocatedCall>;
  /** What it was last analysed with (entries and known sites): analysed again only when that changes. */
  analysedSignature: string;
}

export function runProjectPass(options: ProjectPassOptions): ProjectPass {
  const { project, tsConfigFilePath, sourceFiles } = loadProject(options.searchFrom, options.files);
  const states = new Map<string, FileState>(sourceFiles.map((sourceFile) => [sourceFile.getFilePath(), { sourceFile, text: sourceFile.getFullText(), entries: [], known: new Map(), analysedSignature: '' }]));
  const graph = new ModuleGraph(project, new Set(states.keys()));
  const failures: ProjectPass['failures'] = [];
  const optionsFor = options.optionsFor ?? ruleOptionsLookup(undefined);

  const parsedOf = (filePath: string): ParsedFile | undefined => {
    const state = states.get(filePath);
    if (!state) return undefined;
    if (state.parsed === undefined) {
      try {
        if (options.skip?.has(filePath)) throw new TimeLimitExceeded(options.fileTimeoutMs ?? 0);
        state.parsed = callWithTimeLimit(() => parseFile(state.text, filePath), options.fileTimeoutMs ?? 0);
      } catch (error) {
        state.parsed = null;
        failures.push({ path: filePath, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return state.parsed ?? undefined;
  };

  const analyse = (filePath: string, state: FileState): void => {
    const parsed = parsedOf(filePath);
    if (!parsed) return;
    const { entries } = state;
    const knownSites = [...state.known.values()].map((call) => call.site);
    const fileOptions = optionsFor(filePath);
    let analysis: Analysis;
    try {
      analysis = callWithTimeLimit(
        () =>
          analyzeFile(
            { ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text },
            { ...analysisOptionsOf(fileOptions, filePath), catalog: [...(fileOptions.options.catalog ?? []), ...entries.map((entry) => entry.entry)], knownSites, filename: filePath, cwd: process.cwd() },
          ),
        options.fileTimeoutMs ?? 0,
      );
    } catch (error) {
      if (!(error instanceof TimeLimitExceeded)) throw error;
      state.parsed = null;
      failures.push({ path: filePath, message: error.message });
      return;
    }
    // A rule the file's ESLint config turns off reports nothing there, so nothing of it is fixed.
    if (fileOptions.rules) analysis = { ...analysis, findings: analysis.findings.filter((finding) => ruleIsOn(fileOptions, finding.rule)) };
    // What `eslint-disable` comments silence is neither fixed nor reported, only counted.
    const { analysis: unsuppressed, suppressed } = withoutSuppressed(analysis, parsed.ast.comments ?? []);
    state.analysed = { path: filePath, parsed, analysis: unsuppressed, suppressed, entries: new Map(entries.map((entry) => [userEntryKey(entry.entry), entry])), knownSites };
  };

  for (const [filePath, state] of states) {
    const userCatalog = optionsFor(filePath).options.catalog ?? [];
    if (mayMentionCatalog(state.text, userCatalog.length > 0 ? createCatalog(userCatalog) : BUILTIN_CATALOG)) analyse(filePath, state);
  }

  const builders = new Map<string, ProjectBuilder>();
  const instanceMethods = new Map<string, ProjectBuilder>();
  const baseClasses = new Map<string, ProjectBuilder>();
  const register = (builder: ProjectBuilder) => {
    for (const anchor of builder.anchors) builders.set(builderKey(builder.file, anchor.end), builder);
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const newMethods: ProjectBuilder[] = [];
    const added = collectBuilders(states, builders, instanceMethods, newMethods, baseClasses);
    // Their calls become known sites of the calling files, analysed below with everything else.
    const followCalls = (calls: LocatedCall[]) => {
      for (const call of calls) states.get(call.file)?.known.set(`${call.site.start}:${call.site.end}`, call);
    };
    const callContext = { sourceFileOf: (file: string) => states.get(file)?.sourceFile, parsedOf };
    for (const method of newMethods) followCalls(methodCalls(method, callContext));
    const candidates = [...importersOfBuilders(states, graph, builders).keys(), ...builderFiles(builders), ...builderFiles(baseClasses)];
    for (const subclass of subclassBuilders(unique(candidates).map((file) => states.get(file)!.sourceFile), new Map([...baseClasses, ...builders]))) {
      register(subclass);
      added.push(subclass);
      followCalls(sameFileConstructions(subclass, callContext));
    }
    const anchors = anchorIndex(builders);
    const exportsOf = memoize((target: string) => exportedBuilders(states.get(target)!.sourceFile, anchors));
    const importers = importersOfBuilders(states, graph, builders);

    for (const [filePath, targets] of importers) {
      states.get(filePath)!.entries = dedupe(targets.flatMap(({ specifier, target }) => exportsOf(target).map((exported) => projectEntry(filePath, specifier, exported))));
    }
    let reanalysed = false;
    for (const [filePath, state] of states) {
      const signature = analysisSignature(state);
      if (signature === state.analysedSignature) continue;
      state.analysedSignature = signature;
      analyse(filePath, state);
      reanalysed = true;
    }
    if (!reanalysed && added.length === 0) break;
  }

  const files = new Map<string, AnalysedFile>();
  for (const [filePath, state] of states) if (state.analysed) files.set(filePath, state.analysed);
  return {
    tsConfigFilePath,
    files,
    failures,
    builders: [...new Set(builders.values())],
    entryOf(file, site) {
      const key = catalogEntryKey(site.site.entry);
      return key === undefined ? undefined : file.entries.get(key);
    },
    builderOf(file, site) {
      const { range } = site.site.node;
      return this.entryOf(file, site)?.builder ?? states.get(file.path)?.known.get(`${range[0]}:${range[1]}`)?.builder;
    },
    importsOf: (file) => {
      const state = states.get(file);
      return state ? graph.importsOf(file, state.text) : [];
    },
    importersOf: (file) => {
      const importers: { path: string; text: string }[] = [];
      for (const [filePath, state] of states) {
        if (graph.importsOf(filePath, state.text).some((entry) => entry.target === file)) importers.push({ path: filePath, text: state.text });
      }
      return importers;
    },
    modules: graph,
  };
}

/**
 * New exported builders found in the latest analyses (each keyed by its anchors). Instance methods
 * go to `instanceMethods` instead, the new ones also to `newMethods`: their callers are found apart.
 * Client classes no export names go to `baseClasses`: only their subclasses can reach other files.
 */
function collectBuilders(
  states: ReadonlyMap<string, FileState>,
  builders: Map<string, ProjectBuilder>,
  instanceMethods: Map<string, ProjectBuilder>,
  newMethods: ProjectBuilder[],
  baseClasses: Map<string, ProjectBuilder>,
): ProjectBuilder[] {
  const added: ProjectBuilder[] = [];
  for (const [filePath, state] of states) {
    const analysed = state.analysed;
    if (!analysed) continue;
    const offset = analysed.parsed.bom.length;
    for (const site of analysed.analysis.sites) {
      if (!CONSTRUCTION_KINDS.has(site.site.entry.kind)) continue;
      const through = analysed.entries.get(catalogEntryKey(site.site.entry) ?? '')?.builder ?? state.known.get(`${site.site.node.range[0]}:${site.site.node.range[1]}`)?.builder;
      for (const builder of site.builders) {
        const found = projectBuilder(filePath, builder, offset, site.site.entry.kind as ConstructionKind, through, site.site.construct, site.site.entry.why);
        if (!builder.exported) {
          // No importer can name it, but its exported subclasses build the client too (subclasses.ts).
          if (builder.kind === 'class') for (const anchor of found.anchors) baseClasses.set(builderKey(filePath, anchor.end), found);
          continue;
        }
        if (found.instanceMethod) {
          const key = builderKey(filePath, builder.node.range[1] + offset);
          if (!instanceMethods.has(key)) {
            instanceMethods.set(key, found);
            newMethods.push(found);
          }
          continue;
        }
        if (found.anchors.some((anchor) => builders.has(builderKey(filePath, anchor.end)))) continue;
        for (const anchor of found.anchors) builders.set(builderKey(filePath, anchor.end), found);
        added.push(found);
      }
    }
  }
  return added;
}

/** A builder core found in `file`; `through` is the builder of another file it calls, if any. */
function projectBuilder(file: string, builder: Builder, offset: number, constructionKind: ConstructionKind, through: ProjectBuilder | undefined, construct = through?.construct ?? '', why?: string): ProjectBuilder {
  const reason = through ? through.why : why;
  const display = builderDisplay(builder);
  const instanceMethod = instanceMethodOf(builder, offset);
  return {
    file,
    kind: builder.kind,
    display,
    constructionKind,
    construct: through?.construct ?? construct,
    ...(reason ? { why: reason } : {}),
    chain: [{ display, file }, ...(through?.chain ?? [])],
    anchors: instanceMethod ? [] : exportAnchors(builder, offset),
    ...(instanceMethod ? { instanceMethod } : {}),
  };
}

/** What a file is analysed with besides its own text; '' for nothing (as in the first round). */
function analysisSignature(state: FileState): string {
  const entries = state.entries.map((entry) => `${userEntryKey(entry.entry)}\0${entry.builder.construct}`);
  return [...entries, ...state.known.keys()].join('\n');
}

function anchorIndex(builders: ReadonlyMap<string, ProjectBuilder>): AnchorIndex {
  const index = new Map<string, { builder: ProjectBuilder; memberPath: string[] }[]>();
  for (const builder of new Set(builders.values())) {
    for (const anchor of builder.anchors) {
      const key = builderKey(builder.file, anchor.end);
      index.set(key, [...(index.get(key) ?? []), { builder, memberPath: anchor.memberPath }]);
    }
  }
  return index;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function builderFiles(builders: ReadonlyMap<string, ProjectBuilder>): string[] {
  return [...new Set([...builders.values()].map((builder) => builder.file))];
}

/**
 * Files that import a module which exports a builder, directly or through barrels, with the
 * imports that lead there. A module "leads to" a builder when it declares one or imports a
 * module that leads to one; only those are asked for their exports.
 */
function importersOfBuilders(states: ReadonlyMap<string, FileState>, graph: ModuleGraph, builders: ReadonlyMap<string, ProjectBuilder>): Map<string, { specifier: string; target: string }[]> {
  const leadsToBuilder = new Set(builderFiles(builders));
  const importsByFile = new Map<string, { specifier: string; target: string }[]>();
  for (const [filePath, state] of states) {
    const imports = graph.importsOf(filePath, state.text);
    if (imports.length > 0) importsByFile.set(filePath, imports);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [filePath, imports] of importsByFile) {
      if (!leadsToBuilder.has(filePath) && imports.some((entry) => leadsToBuilder.has(entry.target))) {
        leadsToBuilder.add(filePath);
        grew = true;
      }
    }
  }
  const importers = new Map<string, { specifier: string; target: string }[]>();
  for (const [filePath, imports] of importsByFile) {
    const relevant = imports.filter((entry) => leadsToBuilder.has(entry.target));
    if (relevant.length > 0) importers.set(filePath, relevant);
  }
  return importers;
}

function dedupe(entries: ProjectEntry[]): ProjectEntry[] {
  const byKey = new Map<string, ProjectEntry>();
  for (const entry of entries) if (!byKey.has(userEntryKey(entry.entry))) byKey.set(userEntryKey(entry.entry), entry);
  return [...byKey.values()];
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

