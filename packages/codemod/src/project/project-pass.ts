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
// own file) have their calls found by reference instead (reference-calls.ts). Builders only
// accumulate, so this ends; MAX_ROUNDS bounds pathological chains as core bounds factory depth.
import { analyzeFile, createCatalog, mayMentionCatalog, type Analysis, type Builder, type SiteAnalysis } from '@reuse-clients/core';
import type { SourceFile } from 'ts-morph';
import { parseFile, type ParsedFile } from '../transform/parse.js';
import { nodeTargetFor } from '@reuse-clients/core';
import { builderDisplay, builderKey, exportAnchors, instanceMethodOf, type ConstructionKind, type ProjectBuilder } from './builders.js';
import { catalogEntryKey, projectEntry, userEntryKey, type ProjectEntry } from './entries.js';
import { exportedBuilders, type AnchorIndex } from './exports.js';
import { analyseMethodCalls, analyseSameFileConstructions, type ReferenceCallAnalysis, type ReferenceCallFinding } from './reference-calls.js';
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
  startupFunctions?: readonly string[];
}

export interface AnalysedFile {
  path: string;
  parsed: ParsedFile;
  analysis: Analysis;
  /** The cross-file entries it was analysed with, by `userEntryKey`. */
  entries: ReadonlyMap<string, ProjectEntry>;
}

export interface ProjectPass {
  tsConfigFilePath: string | undefined;
  /** Files that could mention a client, parsed and analysed; other files are not listed. */
  files: ReadonlyMap<string, AnalysedFile>;
  failures: { path: string; message: string }[];
  builders: ProjectBuilder[];
  /** Per-call calls that catalog entries cannot express: instance methods (`factory.s3()`), subclasses in their own file. */
  referenceCallFindings: ReferenceCallFinding[];
  /** The cross-file entry a site of `file` was found through, if any. */
  entryOf(file: AnalysedFile, site: SiteAnalysis): ProjectEntry | undefined;
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
  entriesSignature: string;
}

export function runProjectPass(options: ProjectPassOptions): ProjectPass {
  const { project, tsConfigFilePath, sourceFiles } = loadProject(options.searchFrom, options.files);
  const states = new Map<string, FileState>(sourceFiles.map((sourceFile) => [sourceFile.getFilePath(), { sourceFile, text: sourceFile.getFullText(), entriesSignature: '' }]));
  const graph = new ModuleGraph(project, new Set(states.keys()));
  const failures: ProjectPass['failures'] = [];

  const parsedOf = (filePath: string): ParsedFile | undefined => {
    const state = states.get(filePath);
    if (!state) return undefined;
    if (state.parsed === undefined) {
      try {
        state.parsed = parseFile(state.text, filePath);
      } catch (error) {
        state.parsed = null;
        failures.push({ path: filePath, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return state.parsed ?? undefined;
  };

  const analyse = (filePath: string, state: FileState, entries: ProjectEntry[]): void => {
    const parsed = parsedOf(filePath);
    if (!parsed) return;
    const analysis = analyzeFile(
      { ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text },
      { catalog: entries.map((entry) => entry.entry), startupFunctions: options.startupFunctions ?? [], nodeTarget: nodeTargetFor(filePath) },
    );
    state.analysed = { path: filePath, parsed, analysis, entries: new Map(entries.map((entry) => [userEntryKey(entry.entry), entry])) };
  };

  for (const [filePath, state] of states) {
    if (mayMentionCatalog(state.text, BUILTIN_CATALOG)) analyse(filePath, state, []);
  }

  const builders = new Map<string, ProjectBuilder>();
  const instanceMethods = new Map<string, ProjectBuilder>();
  const referenceCallFindings: ReferenceCallFinding[] = [];
  const register = (builder: ProjectBuilder) => {
    for (const anchor of builder.anchors) builders.set(builderKey(builder.file, anchor.end), builder);
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const newMethods: ProjectBuilder[] = [];
    const added = collectBuilders(states, builders, instanceMethods, newMethods);
    const followCalls = (calls: ReferenceCallAnalysis, calledBuilder: ProjectBuilder) => {
      referenceCallFindings.push(...calls.findings);
      for (const { file, builder, offset } of calls.builders) {
        const layer = projectBuilder(file, builder, offset, calledBuilder.constructionKind, calledBuilder);
        if (layer.anchors.some((anchor) => builders.has(builderKey(file, anchor.end)))) continue;
        register(layer);
        added.push(layer);
      }
    };
    const callContext = { sourceFileOf: (file: string) => states.get(file)?.sourceFile, parsedOf, startupFunctions: options.startupFunctions ?? [] };
    for (const method of newMethods) followCalls(analyseMethodCalls(method, callContext), method);
    const candidates = [...importersOfBuilders(states, graph, builders).keys(), ...builderFiles(builders)];
    for (const subclass of subclassBuilders(unique(candidates).map((file) => states.get(file)!.sourceFile), builders)) {
      register(subclass);
      added.push(subclass);
      followCalls(analyseSameFileConstructions(subclass, callContext), subclass);
    }
    const anchors = anchorIndex(builders);
    const exportsOf = memoize((target: string) => exportedBuilders(states.get(target)!.sourceFile, anchors));
    const importers = importersOfBuilders(states, graph, builders);

    let reanalysed = false;
    for (const [filePath, targets] of importers) {
      const entries = dedupe(targets.flatMap(({ specifier, target }) => exportsOf(target).map((exported) => projectEntry(filePath, specifier, exported))));
      const state = states.get(filePath)!;
      const signature = entries.map((entry) => `${userEntryKey(entry.entry)}\0${entry.builder.construct}`).join('\n');
      if (signature === state.entriesSignature) continue;
      state.entriesSignature = signature;
      analyse(filePath, state, entries);
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
    referenceCallFindings,
    entryOf(file, site) {
      const key = catalogEntryKey(site.site.entry);
      return key === undefined ? undefined : file.entries.get(key);
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
 */
function collectBuilders(states: ReadonlyMap<string, FileState>, builders: Map<string, ProjectBuilder>, instanceMethods: Map<string, ProjectBuilder>, newMethods: ProjectBuilder[]): ProjectBuilder[] {
  const added: ProjectBuilder[] = [];
  for (const [filePath, state] of states) {
    const analysed = state.analysed;
    if (!analysed) continue;
    const offset = analysed.parsed.bom.length;
    for (const site of analysed.analysis.sites) {
      if (!CONSTRUCTION_KINDS.has(site.site.entry.kind)) continue;
      const through = analysed.entries.get(catalogEntryKey(site.site.entry) ?? '')?.builder;
      for (const builder of site.builders) {
        if (!builder.exported) continue;
        const found = projectBuilder(filePath, builder, offset, site.site.entry.kind as ConstructionKind, through, site.site.construct);
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
function projectBuilder(file: string, builder: Builder, offset: number, constructionKind: ConstructionKind, through: ProjectBuilder | undefined, construct = through?.construct ?? ''): ProjectBuilder {
  const display = builderDisplay(builder);
  const instanceMethod = instanceMethodOf(builder, offset);
  return {
    file,
    kind: builder.kind,
    display,
    constructionKind,
    construct: through?.construct ?? construct,
    chain: [{ display, file }, ...(through?.chain ?? [])],
    anchors: instanceMethod ? [] : exportAnchors(builder, offset),
    ...(instanceMethod ? { instanceMethod } : {}),
  };
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

