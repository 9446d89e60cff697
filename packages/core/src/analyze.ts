// One analysis per file: find catalog sites, classify how often each runs, and turn that into
// findings for the five rules. The ESLint rules and the codemod both call `analyzeFile`, which is
// what keeps "the rule reports it" and "the codemod fixes it or says why" in agreement.
import type { TSESTree } from '@typescript-eslint/types';
import { findProperty, hasSpread, isFunction, isTransparentWrapper, staticKeyName, unwrap, type Node } from './ast.js';
import { catalogModuleHints, createCatalog, type Catalog, type UserCatalogEntry } from './catalog.js';
import { createCallbackApiTable, type UserCallbackApi } from './callback-apis.js';
import { CallbackRoles } from './callback-roles.js';
import { ProbeDetector } from './probes.js';
import { callerCredentials } from './caller-credentials.js';
import { FrequencyClassifier, summarize, toMatcher, type Builder, type Frequency, type Occurrence } from './frequency.js';
import { CodeContexts, type CodeContext } from './context/code-context.js';
import { planModuleHoist, type HoistInput, type ModuleHoist, type TextEdit } from './hoist.js';
import { DEFAULT_WHY, MESSAGES, renderMessage, type RuleName } from './messages.js';
import { knownCatalogSites, type KnownSite } from './known-sites.js';
import { ASSUMED_NODE_TARGET, GLOBAL_AGENT_KEEPALIVE_MAJOR, mayRunBelowMajor, nodeTargetFromOption, type NodeTarget } from './node-target.js';
import { ModuleResolver, type CatalogSite, type ImportedBindingResolver } from './resolve.js';
import type { ScopeManagerLike } from './scope.js';

export interface AnalysisOptions {
  catalog?: readonly UserCatalogEntry[];
  startupFunctions?: readonly string[];
  /**
   * The Node versions the project runs on: `nodeTargetFor(file)`, or a range given as an option.
   * Undefined: a maintained Node is assumed (ASSUMED_NODE_TARGET).
   */
  nodeTarget?: NodeTarget | string | undefined;
  /** Type-aware resolution of bindings imported from the project's own modules. */
  resolveImportedBinding?: ImportedBindingResolver | undefined;
  /** Constructions located by a caller that sees the whole project (see known-sites.ts). */
  knownSites?: readonly KnownSite[];
  /** Project entries for the callback API table (callback-apis.ts): how often callbacks of an API run. */
  callbackApis?: readonly UserCallbackApi[];
  /** Names or `/regex/` strings of functions that want a fresh connection on every run (health checks). */
  probeFunctions?: readonly string[];
  /** The file's absolute path, for conventions that live in file names (test globs, Next.js `pages/` and `app/`). */
  filename?: string | undefined;
  /** The directory test globs are relative to: ESLint's working directory, the codemod's. */
  cwd?: string | undefined;
  /** Report in test code too (by default only server code is reported; see docs/contexts.md). */
  lintTests?: boolean;
  /**
   * Report clients built from the caller's own credentials (a tenant's keys from the request or
   * event), with advice to cache one per credential set. Default: silent (see caller-credentials.ts).
   */
  reportCallerCredentials?: boolean;
}

export interface AnalysisInput extends HoistInput {
  ast: TSESTree.Program;
  scopeManager: ScopeManagerLike;
  sourceText: string;
}

/** Where an agent sits when it is built inline in a request's options. */
export interface InlineSlot {
  request: CatalogSite;
  /** `dispatcher`, `agent`, `httpsAgent`, `agent.https` */
  slot: string;
  property: TSESTree.Property;
}

export interface SiteAnalysis {
  site: CatalogSite;
  occurrences: Occurrence[];
  /** The construction's own frequency: per-call if any occurrence is. */
  frequency: Frequency;
  inlineSlot?: InlineSlot;
  /** Functions and classes of this file that build it for their callers (factories, client classes). */
  builders: Builder[];
  /** The catalog construction whose arguments hold this one (reported there, not here). */
  nestedIn?: CatalogSite;
}

export interface Finding {
  rule: RuleName;
  messageId: string;
  data: Record<string, string>;
  message: string;
  node: Node;
  analysis: SiteAnalysis;
  fix?: TextEdit[];
  /** Where the reported code runs (see context/code-context.ts). */
  context?: CodeContext;
  /**
   * Why a per-call construction is left alone although it is server code: a probe that wants a
   * fresh connection, a client built from the caller's credentials. Such findings go to `silenced`.
   */
  silencedBy?: string;
  suggestion?: { messageId: 'hoistToModule'; data: Record<string, string>; hoist: ModuleHoist };
}

export interface Analysis {
  sites: SiteAnalysis[];
  findings: Finding[];
  /**
   * Findings left out: the code is not server code (browser, build time, tests unless `lintTests`;
   * see `context`), or it is per call on purpose (`silencedBy`).
   */
  silenced: Finding[];
  /** `axios.defaults…`/`axios.interceptors…` in this file (see DESIGN.md, The codemod, axios). */
  globalAxiosConfiguration: Node[];
}

const EMPTY: Analysis = { sites: [], findings: [], silenced: [], globalAxiosConfiguration: [] };

const mentionPatterns = new Map<string, RegExp>();

/**
 * A cheap text test: can this file mention anything in the catalog at all? A module name counts
 * only as a whole quoted specifier (`'http'`, `"node:https"`, `'aws-sdk/clients/s3'`), so the
 * `'https://…'` URLs found in most files do not send them to the parser.
 */
export function mayMentionCatalog(sourceText: string, catalog: Catalog): boolean {
  const modules = catalog.entries.map((entry) => entry.module);
  const key = modules.join('\n');
  let pattern = mentionPatterns.get(key);
  if (!pattern) {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const exact = [...new Set(modules.filter((module) => !module.endsWith('*')))].map(escape);
    const prefixes = [...new Set(catalogModuleHints(catalog).filter((hint) => !exact.includes(escape(hint))))].map(escape);
    const alternatives = [`\\bfetch\\s*\\(`, `['"\`](?:node:)?(?:${exact.join('|')})['"\`/]`];
    if (prefixes.length > 0) alternatives.push(`['"\`](?:${prefixes.join('|')})`);
    pattern = new RegExp(alternatives.join('|'));
    // Per-file project entries make many catalogs in one codemod run: keep the memo small.
    if (mentionPatterns.size > 64) mentionPatterns.clear();
    mentionPatterns.set(key, pattern);
  }
  return pattern.test(sourceText);
}

export function analyzeFile(input: AnalysisInput, options: AnalysisOptions = {}): Analysis {
  const catalog = createCatalog(options.catalog ?? []);
  const known = options.knownSites ?? [];
  if (!options.resolveImportedBinding && known.length === 0 && !mayMentionCatalog(input.sourceText, catalog)) return EMPTY;
  const resolver = new ModuleResolver(input.scopeManager, catalog, input.sourceText, options.resolveImportedBinding);
  const resolved = resolver.findSites();
  const resolvedNodes = new Set<Node>(resolved.map((site) => site.node));
  const sites = [...resolved, ...knownCatalogSites(input.ast, input.sourceText, known).filter((site) => !resolvedNodes.has(site.node))];
  const globalAxiosConfiguration = input.sourceText.includes('axios') ? resolver.findGlobalAxiosConfiguration() : [];
  if (sites.length === 0) return { ...EMPTY, globalAxiosConfiguration };
  const roles = new CallbackRoles(input.scopeManager, resolver, createCallbackApiTable(options.callbackApis ?? []), options.filename);
  const classifier = new FrequencyClassifier(input.scopeManager, resolver, input.sourceText, { startupFunctions: options.startupFunctions ?? [] }, roles);
  const byNode = new Map<Node, CatalogSite>(sites.map((site) => [site.node, site]));
  const isCatalogConstruction = (node: Node) => {
    const site = byNode.get(node);
    return !!site && site.entry.kind !== 'request' && site.entry.kind !== 'axios-request';
  };
  const analyses = sites.map((site): SiteAnalysis => {
    const followFactories = site.entry.kind === 'agent' || site.entry.kind === 'client' || site.entry.kind === 'axios-instance';
    const occurrences = classifier.occurrences(site.node, followFactories);
    const direct = occurrences.filter((occurrence) => occurrence.node === site.node).map((occurrence) => occurrence.frequency);
    const inlineSlot = findInlineSlot(site, byNode);
    const nestedIn = inlineSlot ? undefined : findEnclosingConstruction(site, byNode);
    const builders = occurrences.flatMap((occurrence) => ('builder' in occurrence.frequency && occurrence.frequency.builder ? [occurrence.frequency.builder] : []));
    return {
      site,
      occurrences,
      builders,
      frequency: summarize(direct.length > 0 ? direct : occurrences.map((occurrence) => occurrence.frequency)),
      ...(inlineSlot ? { inlineSlot } : {}),
      ...(nestedIn ? { nestedIn } : {}),
    };
  });
  const nodeTarget = typeof options.nodeTarget === 'string' ? nodeTargetFromOption(options.nodeTarget) : (options.nodeTarget ?? ASSUMED_NODE_TARGET);
  const mayLackGlobalKeepAlive = mayRunBelowMajor(nodeTarget.range, GLOBAL_AGENT_KEEPALIVE_MAJOR);
  const probes = new ProbeDetector(input.scopeManager, resolver, (options.probeFunctions ?? []).map(toMatcher));
  const reportCallerCredentials = options.reportCallerCredentials === true;
  const findings = analyses.flatMap((analysis) => findingsFor(analysis, input, { mayLackGlobalKeepAlive, nodeTarget, isCatalogConstruction, probes, reportCallerCredentials }));
  const { reported, silenced } = byContext(onePerProblem(findings), new CodeContexts(input.ast, input.scopeManager, resolver, options), options.lintTests === true);
  return { sites: analyses, findings: reported, silenced, globalAxiosConfiguration };
}

/** Only server code is reported (and test code on request); the rest is kept aside with its context. */
function byContext(findings: Finding[], contexts: CodeContexts, lintTests: boolean): { reported: Finding[]; silenced: Finding[] } {
  const reported: Finding[] = [];
  const silenced: Finding[] = [];
  for (const finding of findings) {
    finding.context = contexts.of(finding.node);
    const report = finding.silencedBy === undefined && (finding.context.kind === 'server' || (finding.context.kind === 'test' && lintTests));
    (report ? reported : silenced).push(finding);
  }
  return { reported, silenced };
}

/**
 * A factory that can build either of two clients (`cond ? new Redis() : new Cluster()`) is one
 * problem at each call: keep the first finding per rule and reported node.
 */
function onePerProblem(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}:${finding.node.range[0]}:${finding.node.range[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface FindingContext {
  mayLackGlobalKeepAlive: boolean;
  nodeTarget: NodeTarget;
  isCatalogConstruction: (node: Node) => boolean;
  probes: ProbeDetector;
  reportCallerCredentials: boolean;
}

function findingsFor(analysis: SiteAnalysis, input: AnalysisInput, context: FindingContext): Finding[] {
  const { site } = analysis;
  const findings: Finding[] = [];
  const extra = site.entry.message ? ` ${site.entry.message}` : '';
  const noun = site.entry.noun ?? 'client';
  const why = site.entry.why ?? (site.entry.kind === 'agent' || site.entry.kind === 'client' || site.entry.kind === 'axios-instance' ? DEFAULT_WHY[site.entry.kind] : '');
  const make = (rule: RuleName, messageId: string, node: Node, data: Record<string, string>, more: Partial<Finding> = {}): Finding => {
    const template = (MESSAGES[rule] as Record<string, string>)[messageId]!;
    return { rule, messageId, data, message: renderMessage(template, data), node, analysis, ...more };
  };
  const hoistSuggestion = (): Partial<Finding> => {
    const hoist = planModuleHoist(site, input, context.isCatalogConstruction);
    return hoist ? { suggestion: { messageId: 'hoistToModule', data: { construct: site.construct, name: hoist.name }, hoist } } : {};
  };

  switch (site.entry.kind) {
    case 'agent':
    case 'client':
    case 'axios-instance': {
      if (analysis.nestedIn) break; // one report per problem: the enclosing construction carries it
      for (const occurrence of analysis.occurrences) {
        if (occurrence.frequency.kind !== 'per-call') continue;
        const where = occurrence.frequency.where;
        const rule: RuleName = site.entry.kind === 'agent' ? 'no-per-call-agent' : site.entry.kind === 'client' ? 'no-per-call-client' : 'prefer-axios-instance';
        // A fresh connection on purpose: kept aside with the reason, never reported.
        const probe = context.probes.probeReason(site.node, occurrence.node);
        const credentials = !probe && rule === 'no-per-call-client' && occurrence.node === site.node ? callerCredentials(site, input.scopeManager) : undefined;
        if (probe) {
          findings.push(make(rule, occurrence.node === site.node ? 'perCall' : 'perCallFactory', occurrence.node, { construct: site.construct, where, why, noun, extra, factory: occurrence.factories[0] ?? site.construct }, { silencedBy: probe }));
        } else if (credentials) {
          // Tenant credentials must never be shared: no hoist, and the advice is one client per credential set.
          const data = { construct: site.construct, where, option: credentials.option, extra };
          const silencedBy = context.reportCallerCredentials ? {} : { silencedBy: `built from the caller's own credentials (\`${credentials.option}\` from ${credentials.source}): one per credential set` };
          findings.push(make('no-per-call-client', 'perCallCredentials', site.node, data, silencedBy));
        } else if (occurrence.node !== site.node) {
          findings.push(make(rule, 'perCallFactory', occurrence.node, { factory: occurrence.factories[0] ?? site.construct, construct: site.construct, where, why, noun, extra }));
        } else if (analysis.inlineSlot && site.entry.kind === 'agent') {
          const { request, slot } = analysis.inlineSlot;
          findings.push(make('no-inline-dispatcher', 'inline', site.node, { construct: site.construct, slot, request: request.construct, where, noun }, hoistSuggestion()));
        } else {
          const messageId = rule === 'prefer-axios-instance' ? 'createPerCall' : 'perCall';
          findings.push(make(rule, messageId, site.node, { construct: site.construct, where, why, noun, extra }, hoistSuggestion()));
        }
      }
      if (site.entry.family === 'node-http' && analysis.frequency.kind === 'once') {
        const keepAlive = keepAliveFinding(site, input);
        if (keepAlive) findings.push(make('require-keep-alive', keepAlive.messageId, site.node, { construct: site.construct }, keepAlive.fix ? { fix: keepAlive.fix } : {}));
      }
      break;
    }
    case 'axios-request': {
      if (!context.mayLackGlobalKeepAlive || analysis.frequency.kind !== 'per-call') break;
      const config = axiosConfigArgument(site);
      // `cond ? { headers } : undefined` is as literal as `{ headers }`: neither branch can carry an agent.
      const literals = config ? literalObjectBranches(config) : [];
      if (!literals) break; // a config built elsewhere may carry agents
      if (literals.some((object) => findProperty(object, 'httpAgent') || findProperty(object, 'httpsAgent') || hasSpread(object))) break;
      findings.push(make('prefer-axios-instance', 'defaultPerCall', site.node, { construct: site.construct, where: analysis.frequency.where, target: `${context.nodeTarget.range}, from ${context.nodeTarget.source}` }));
      break;
    }
    case 'request': {
      if (site.entry.slots?.includes('agent') && (site.value.module === 'http' || site.value.module === 'https')) {
        const options = requestOptionsArgument(site);
        const agent = options?.type === 'ObjectExpression' ? findProperty(options, 'agent') : undefined;
        if (agent && agent.value.type === 'Literal' && agent.value.value === false) {
          findings.push(make('require-keep-alive', 'agentFalse', agent, { request: site.construct }));
        }
      }
      break;
    }
  }
  return findings;
}

/** require-keep-alive on a long-lived node Agent: missing `keepAlive` (fixable) or `keepAlive: false`. */
function keepAliveFinding(site: CatalogSite, input: AnalysisInput): { messageId: string; fix?: TextEdit[] } | undefined {
  const node = site.node as TSESTree.NewExpression;
  const options = node.arguments[0];
  const recommended = 'keepAlive: true, timeout: 4_000';
  if (!options) {
    const end = node.range[1];
    const hasParens = input.sourceText.slice(node.callee.range[1], end).includes('(');
    const fix: TextEdit = hasParens
      ? { range: [end - 1, end - 1], text: `{ ${recommended} }` }
      : { range: [end, end], text: `({ ${recommended} })` };
    return { messageId: 'missingKeepAlive', fix: [fix] };
  }
  const object = unwrap(options);
  if (object.type !== 'ObjectExpression') return undefined; // options built elsewhere: cannot know
  const keepAlive = findProperty(object, 'keepAlive');
  if (keepAlive) {
    return keepAlive.value.type === 'Literal' && keepAlive.value.value === false ? { messageId: 'keepAliveFalse' } : undefined;
  }
  if (hasSpread(object)) return undefined;
  const additions = findProperty(object, 'timeout') ? 'keepAlive: true' : recommended;
  const first = object.properties[0];
  if (!first) return { messageId: 'missingKeepAlive', fix: [{ range: [object.range[0], object.range[1]], text: `{ ${additions} }` }] };
  const separator = separatorBefore(first, input.sourceText);
  return { messageId: 'missingKeepAlive', fix: [{ range: [first.range[0], first.range[0]], text: `${additions.split(', ').join(`,${separator}`)},${separator}` }] };
}

/** `' '` for one-line objects, or the newline and indentation of the first property. */
function separatorBefore(node: Node, sourceText: string): string {
  const lineStart = sourceText.lastIndexOf('\n', node.range[0] - 1) + 1;
  const indentation = sourceText.slice(lineStart, node.range[0]);
  return /^[ \t]*$/.test(indentation) ? `\n${indentation}` : ' ';
}

/**
 * The object literals an options argument can evaluate to, when every outcome is one or nothing:
 * `{ … }`, `cond ? { … } : undefined`, `cond && { … }`. Null when some outcome is built elsewhere.
 */
export function literalObjectBranches(node: Node): TSESTree.ObjectExpression[] | null {
  const value = unwrap(node);
  if (value.type === 'ObjectExpression') return [value];
  if ((value.type === 'Identifier' && value.name === 'undefined') || (value.type === 'Literal' && value.value === null)) return [];
  if (value.type === 'UnaryExpression' && value.operator === 'void') return [];
  if (value.type === 'ConditionalExpression') {
    const consequent = literalObjectBranches(value.consequent);
    const alternate = literalObjectBranches(value.alternate);
    return consequent && alternate ? [...consequent, ...alternate] : null;
  }
  if (value.type === 'LogicalExpression' && value.operator === '&&') return literalObjectBranches(value.right);
  return null;
}

/** The config argument of an axios request: position depends on the method. */
export function axiosConfigArgument(site: CatalogSite): Node | undefined {
  const call = site.node;
  const method = site.value.path[0];
  const args = call.arguments;
  if (method === undefined) {
    const first = args[0] && unwrap(args[0]);
    return first?.type === 'ObjectExpression' ? first : args[1];
  }
  if (method === 'request') return args[0];
  if (['get', 'delete', 'head', 'options'].includes(method)) return args[1];
  return args[2];
}

export function requestOptionsArgument(site: CatalogSite): Node | undefined {
  if (site.entry.kind === 'axios-request') return axiosConfigArgument(site);
  for (let index = site.node.arguments.length - 1; index >= 0; index -= 1) {
    const argument = unwrap(site.node.arguments[index]!);
    if (argument.type === 'ObjectExpression') return argument;
  }
  return undefined;
}

/** `fetch(url, { dispatcher: new Agent() })`: the agent is in a request's agent slot. */
function findInlineSlot(site: CatalogSite, sites: Map<Node, CatalogSite>): InlineSlot | undefined {
  if (site.entry.kind !== 'agent') return undefined;
  const keys: string[] = [];
  let node: Node = site.node;
  let property: TSESTree.Property | undefined;
  for (;;) {
    const parent: Node | undefined = node.parent;
    if (!parent) return undefined;
    if (isTransparentWrapper(parent)) {
      node = parent;
      continue;
    }
    if (parent.type === 'Property' && parent.value === node && parent.parent?.type === 'ObjectExpression') {
      const key = staticKeyName(parent.key, parent.computed);
      if (!key) return undefined;
      keys.unshift(key);
      property ??= parent;
      node = parent.parent;
      continue;
    }
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      const request = sites.get(parent);
      if (!request || !property || (request.entry.kind !== 'request' && request.entry.kind !== 'axios-request')) return undefined;
      if (requestOptionsArgument(request) !== node) return undefined;
      const slot = keys.join('.');
      return request.entry.slots?.includes(slot) ? { request, slot, property } : undefined;
    }
    return undefined;
  }
}

/** The nearest catalog construction (agent, client, axios instance) whose arguments contain this one. */
function findEnclosingConstruction(site: CatalogSite, sites: Map<Node, CatalogSite>): CatalogSite | undefined {
  let child: Node = site.node;
  for (let parent: Node | undefined = child.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return undefined;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee !== child) {
      const outer = sites.get(parent);
      if (outer && outer.entry.kind !== 'request' && outer.entry.kind !== 'axios-request') return outer;
    }
  }
  return undefined;
}
