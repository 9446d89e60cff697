// The catalog: which module exports build a connection pool, an SDK client or an axios instance,
// and which request functions take an agent in their options. The knowledge lives in the family
// table (families/*.ts, plain data with the facts and their sources); this module flattens it into
// the entries the resolver matches, and takes user entries from rule options in the same shape.
import { FAMILIES } from './families/index.js';
import type { AgentFamily, BuildsWhen, ClientFamily, ExportPattern, PathSegment, SiteKind } from './families/types.js';

export type { AgentFamily, BuildsWhen, ClientFamily, ExportPattern, Fact, FamilyFacts, FamilyGroup, Ownership, PathSegment, RecommendedSettings, SiteKind } from './families/types.js';
export { FAMILIES } from './families/index.js';

export interface CatalogEntry {
  /** Module specifier without `node:`; a trailing `*` matches any suffix (`@aws-sdk/client-*`). */
  module: string;
  /**
   * Export path after the module's default/namespace object; `[]` is the default export itself.
   * A segment is a name, a RegExp for a set of names, or `()` for what a construction returns.
   */
  path: readonly PathSegment[];
  /** Full paths that never match even when `path` does (aws-sdk v2 helpers such as `Credentials`). */
  except?: RegExp;
  via: 'new' | 'call' | 'new-or-call';
  kind: SiteKind;
  /** For agents: which settings the codemod merges in. */
  family?: AgentFamily;
  /** The id of the family in the table (`pg`, `aws-sdk-v3`), or undefined for user entries. */
  familyId?: string;
  /** For requests: the option names that take an agent, and which argument holds the options. */
  slots?: readonly string[];
  optionsArgument?: 'last-object';
  /** Extra text appended to the message (user entries). */
  message?: string;
  /** Short noun for messages: "connection pool", "database client". */
  noun?: string;
  /** What building it per call costs, as the message says it ("each run opens …"). */
  why?: string;
  /** Reported only for these arguments (see BuildsWhen). */
  builds?: BuildsWhen;
}

/** The entries one family contributes: one per export pattern. */
export function familyEntries(family: ClientFamily): CatalogEntry[] {
  return family.exports.flatMap((pattern) => family.modules.map((module) => patternEntry(family, pattern, module)));
}

function patternEntry(family: ClientFamily, pattern: ExportPattern, module: string): CatalogEntry {
  return {
    module,
    path: pattern.path,
    ...(pattern.except ? { except: pattern.except } : {}),
    via: pattern.via,
    kind: pattern.kind,
    ...(family.agentFamily ? { family: family.agentFamily } : {}),
    familyId: family.id,
    ...(pattern.slots ? { slots: pattern.slots, optionsArgument: 'last-object' as const } : {}),
    noun: pattern.noun ?? family.noun,
    ...(pattern.builds ? { builds: pattern.builds } : {}),
    ...(pattern.kind === 'request' || pattern.kind === 'axios-request' ? {} : { why: family.facts.perCall.text }),
  };
}

/** Families whose per-call construction is reported; the others are listed in the docs only. */
export const BUILTIN_CATALOG: readonly CatalogEntry[] = FAMILIES.filter((family) => family.reported).flatMap(familyEntries);

/**
 * A catalog extension as users write it in rule options: `{ module, export }`, `{ module, call }`,
 * or `{ family }` to report a built-in family that is off by default (its facts say why).
 */
export interface UserCatalogEntry {
  module?: string;
  /** The id of a built-in family to report (see docs/clients.md). */
  family?: string;
  /** An export constructed with `new`. */
  export?: string;
  /** An export called as a factory function. */
  call?: string;
  kind?: 'agent' | 'client' | 'axios-instance';
  message?: string;
  /** Optional facts, in the table's terms; `perCall` replaces the generic reason in messages. */
  facts?: UserFacts;
}

export interface UserFacts {
  /** What one construction owns: "its own connection pool". */
  owns?: string;
  /** What building it per call costs, as a clause: "each run opens a new TLS connection to the billing API." */
  perCall?: string;
  /** Methods that open and close it. */
  connect?: readonly string[];
  close?: readonly string[];
  /** Options that carry TLS identity or credentials. */
  identityOptions?: readonly string[];
  /** Where these facts come from. */
  source?: string;
}

/** The catalog entries one user entry stands for: none when it names neither a module nor a known family. */
export function fromUserEntries(entry: UserCatalogEntry): CatalogEntry[] {
  if (entry.module) return [fromUserEntry(entry)];
  const family = entry.family ? FAMILIES.find((candidate) => candidate.id === entry.family) : undefined;
  return family ? familyEntries(family).map((builtin) => (entry.message ? { ...builtin, message: entry.message } : builtin)) : [];
}

export function fromUserEntry(entry: UserCatalogEntry): CatalogEntry {
  const name = entry.export ?? entry.call;
  const path = !name || name === 'default' ? [] : name.split('.');
  const why = entry.facts?.perCall?.trim();
  return {
    module: normalizeModule(entry.module ?? ''),
    path,
    via: entry.call ? 'call' : 'new',
    kind: entry.kind ?? 'client',
    ...(entry.message ? { message: entry.message } : {}),
    ...(why ? { why: /[.!?]$/.test(why) ? why : `${why}.` } : {}),
    noun: entry.kind === 'agent' ? 'agent' : 'client',
  };
}

export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

function moduleMatches(pattern: string, module: string): boolean {
  return pattern.endsWith('*') ? module.startsWith(pattern.slice(0, -1)) && module.length > pattern.length - 1 : pattern === module;
}

function segmentMatches(segment: PathSegment, name: string): boolean {
  return typeof segment === 'string' ? segment === name : segment.test(name);
}

const ANY_MEMBERS = '**';

function pathMatches(entry: CatalogEntry, path: readonly string[]): boolean {
  const open = entry.path[entry.path.length - 1] === ANY_MEMBERS;
  const fixed = open ? entry.path.length - 1 : entry.path.length;
  if (open ? path.length <= fixed : path.length !== fixed) return false;
  for (let index = 0; index < fixed; index += 1) if (!segmentMatches(entry.path[index]!, path[index]!)) return false;
  return !entry.except || !entry.except.test(path.join('.'));
}

export interface Catalog {
  entries: readonly CatalogEntry[];
  /** Is anything from this module in the catalog? Lets the detector skip unrelated imports cheaply. */
  hasModule(module: string): boolean;
  match(module: string, path: readonly string[], via: 'new' | 'call'): CatalogEntry | undefined;
}

const builtinByModule = indexByModule(BUILTIN_CATALOG);

interface ModuleIndex {
  exact: Map<string, CatalogEntry[]>;
  prefixed: CatalogEntry[];
}

function indexByModule(entries: readonly CatalogEntry[]): ModuleIndex {
  const exact = new Map<string, CatalogEntry[]>();
  const prefixed: CatalogEntry[] = [];
  for (const entry of entries) {
    if (entry.module.endsWith('*')) prefixed.push(entry);
    else exact.set(entry.module, [...(exact.get(entry.module) ?? []), entry]);
  }
  return { exact, prefixed };
}

function candidates(index: ModuleIndex, module: string): CatalogEntry[] {
  const exact = index.exact.get(module) ?? [];
  const prefixed = index.prefixed.filter((entry) => moduleMatches(entry.module, module));
  return prefixed.length === 0 ? exact : [...exact, ...prefixed];
}

export function createCatalog(userEntries: readonly UserCatalogEntry[] = []): Catalog {
  // User entries first, so they can override a built-in entry's message.
  const user = userEntries.flatMap(fromUserEntries);
  const userIndex = indexByModule(user);
  const entries = user.length === 0 ? BUILTIN_CATALOG : [...user, ...BUILTIN_CATALOG];
  const forModule = (module: string) => (user.length === 0 ? candidates(builtinByModule, module) : [...candidates(userIndex, module), ...candidates(builtinByModule, module)]);
  return {
    entries,
    hasModule: (module) => forModule(module).length > 0,
    match(module, path, via) {
      return forModule(module).find((entry) => (entry.via === via || entry.via === 'new-or-call') && pathMatches(entry, path));
    },
  };
}

/** The path segment for the value a `new`/call returns: `new Kafka().producer` is `['Kafka', '()', 'producer']`. */
export const INSTANCE_SEGMENT = '()';

/** Module names as they appear in source, for a cheap text check before any analysis. */
export function catalogModuleHints(catalog: Catalog): string[] {
  return [...new Set(catalog.entries.map((entry) => entry.module.replace(/\*$/, '')))];
}

/** The family an entry came from, for docs and tools that want its facts. */
export function familyOf(entry: CatalogEntry): ClientFamily | undefined {
  return entry.familyId ? FAMILIES.find((family) => family.id === entry.familyId) : undefined;
}
