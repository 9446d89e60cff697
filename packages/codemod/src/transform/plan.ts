// The planner: one outcome per finding, hoisted or left with a reason. Each finding is planned as a
// transaction: its edits, names and declarations are rolled back when it turns out not to be
// possible, so a left site never leaves half a rewrite behind.
import {
  axiosConfigArgument,
  BUILTIN_CATALOG,
  contains,
  createCatalog,
  findProperty,
  FrequencyClassifier,
  globalConfigurationEnd,
  isFunction,
  isTransparentWrapper,
  ModuleResolver,
  resolveName,
  sharedInstanceProblem,
  topLevelStatement,
  unwrap,
  type Analysis,
  type CatalogSite,
  type Finding,
  type Node,
  type SiteAnalysis,
} from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Placement, SiteOutcome } from '../engine/contract.js';
import type { ReusableInstance, UnshareableConstruction } from '../project/catalog-data.js';
import { looksLikeBrowserCode } from './axios.js';
import { connectChain } from './connect-once.js';
import { classConstructions, ClassFields, enclosingInstanceClass, reassignedAfterConstruction, unsetMember, type ClassNode } from './classes.js';
import { evaluationOf, isProjectSite } from './evaluation.js';
import { ownershipObstacle } from './ownership.js';
import { mergeEdits, overlaps, renderRange, type Edit } from './edits.js';
import { inlinedEnvironment, unusedEnvironmentLocals } from './env-locals.js';
import { Imports } from './imports.js';
import { cacheDeclarationText, cacheKeys, cacheMapName, identifiersIn, keyReplacements } from './keyed.js';
import { localBinding, planLifecycle } from './lifecycle.js';
import { indentationAt, reindent, removeStatement } from './lines.js';
import { ModuleScope } from './module-scope.js';
import { capitalize, factoryResultName, instanceName, Namer } from './naming.js';
import type { ParsedFile } from './parse.js';
import { removeProperty } from './properties.js';
import { callerCredentialsReason, dynamicImportReason, withoutDynamicImports } from './left-reasons.js';
import { analyzeReads, perCallNames, type Reads } from './reads.js';
import { frozenIdentity, perRequestHeaders, sharedIdentity } from './security.js';
import { nodeAgentOptionsText, settingsEdits } from './settings.js';
import { sharingKey } from './sharing.js';
import type { FileStyle } from './style.js';
import { assignOnce } from './target-syntax.js';
import { calleeText, instanceType, methodCallee } from './subject.js';
import { unusedImportRemovals } from './unused-imports.js';

export interface Plan {
  edits: Edit[];
  hoisted: SiteOutcome[];
  left: SiteOutcome[];
}

/** What is being moved: a catalog construction, or a call of an in-file factory that builds one. */
interface Subject {
  finding: Finding;
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  site: CatalogSite;
  baseName: string;
  /** `InstanceType<typeof X>` / `ReturnType<typeof f>`, when it can be written. */
  typeText: string | undefined;
  /** Edits inside `node` that the moved copy carries (recommended settings). */
  innerEdits: Edit[];
}

/** What the project pass tells the planner about other files. */
export interface ProjectKnowledge {
  configuresGlobalAxios: boolean;
  /** Constructions of this file that can import an instance another file shares. */
  reusable?: readonly ReusableInstance[];
  /** Constructions of other files' classes whose instances keep per-call state. */
  unshareable?: readonly UnshareableConstruction[];
  /** Modules of the project's own builders this file imports, as written (a `paths` alias too): their code runs when called. */
  projectModules?: ReadonlySet<string>;
}

export class Planner {
  private edits: Edit[] = [];
  private readonly hoisted: SiteOutcome[] = [];
  private readonly left: SiteOutcome[] = [];
  private readonly namer: Namer;
  private readonly scope: ModuleScope;
  private readonly imports: Imports;
  private readonly classes: ClassFields;
  private readonly settled = new Set<Node>();
  private classifier: FrequencyClassifier | undefined;
  private readonly catalogNodes: Set<Node>;
  /** The existing instance the finding being planned now uses, if any. */
  private reused: SiteOutcome['reuses'];
  /** Where the finding being planned ends up, for the report's wording (see report/fixability.ts). */
  private placement: Placement | undefined;
  /** Constructions moved out of a helper called with per-call arguments (`cfg(key)`): its other calls share them. */
  private readonly movedOutOfFactories = new Set<Node>();
  /** Where the edits of the finding being planned begin. */
  private attemptStart = 0;

  constructor(
    private readonly parsed: ParsedFile,
    private readonly style: FileStyle,
    private readonly analysis: Analysis,
    private readonly keyed: boolean,
    /** What the project pass knows: the global axios is configured in some other file; instances other files share. */
    private readonly project: ProjectKnowledge = { configuresGlobalAxios: false },
  ) {
    this.namer = new Namer(parsed.scopeManager, style.scriptPrefix);
    this.scope = new ModuleScope(parsed.ast, parsed.text, style, sharingKey, globalConfigurationEnd({ ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text }));
    this.imports = new Imports(parsed.ast, style, this.scope, this.namer);
    this.classes = new ClassFields(parsed, style, (edit) => this.edits.push(edit));
    this.catalogNodes = new Set(analysis.sites.map((built) => built.site.node));
  }

  run(): Plan {
    const findings = [...this.analysis.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
    for (const finding of findings) this.attempt(finding);
    this.classes.finish();
    const edits = [...this.edits, ...this.scope.edits()];
    const removals = unusedImportRemovals(this.parsed, edits).filter((removal) => !edits.some((edit) => overlaps(removal, edit)));
    return { edits: [...edits, ...removals], hoisted: this.hoisted, left: this.left };
  }

  private attempt(finding: Finding): void {
    const restore = this.checkpoint();
    const start = this.edits.length;
    this.attemptStart = start;
    this.reused = undefined;
    this.placement = undefined;
    let reason = this.plan(finding);
    if (!reason) reason = this.settle(start);
    const outcome = this.outcome(finding);
    if (reason) {
      restore();
      this.left.push({ ...outcome, reason });
    } else {
      this.hoisted.push({ ...outcome, ...(this.reused ? { reuses: this.reused } : {}), ...(this.placement ? { placement: this.placement } : {}) });
    }
  }

  /** Everything planning a finding may change, to roll back to. */
  private checkpoint(): () => void {
    const restore = [this.scope.snapshot(), this.imports.snapshot(), this.classes.snapshot()];
    const taken = this.namer.snapshot();
    const settled = new Set(this.settled);
    const moved = new Set(this.movedOutOfFactories);
    const edits = [...this.edits];
    const reused = this.reused;
    return () => {
      this.edits = edits;
      restore.forEach((undo) => undo());
      this.namer.restore(taken);
      this.settled.clear();
      settled.forEach((node) => this.settled.add(node));
      this.movedOutOfFactories.clear();
      moved.forEach((node) => this.movedOutOfFactories.add(node));
      this.reused = reused;
    };
  }

  /** Folds this finding's edits into the earlier ones; they must not overlap what remains. */
  private settle(start: number): string | undefined {
    const earlier = this.edits.slice(0, start);
    const merged = mergeEdits(earlier, this.edits.slice(start));
    const mine = merged.filter((edit) => !earlier.includes(edit));
    const kept = merged.filter((edit) => earlier.includes(edit));
    if (mine.some((edit, index) => kept.some((other) => overlaps(edit, other)) || mine.slice(0, index).some((other) => overlaps(edit, other)))) return 'it overlaps another rewrite in this file';
    this.edits = merged;
    return undefined;
  }

  private outcome(finding: Finding): SiteOutcome {
    return outcomeOf(finding);
  }

  /** Plans one finding; returns why it is left, or undefined when planned. */
  private plan(finding: Finding): string | undefined {
    const { site } = finding.analysis;
    if (finding.rule === 'require-keep-alive') return this.planKeepAlive(finding);
    if (finding.messageId === 'defaultPerCall') return this.planDefaultAxios(site);
    if (finding.messageId === 'inline' && isBareUndiciAgent(site) && finding.analysis.inlineSlot?.slot === 'dispatcher') {
      // The global dispatcher already pools: the option goes, and nothing needs hoisting.
      this.edits.push(...removeProperty(this.parsed.text, finding.analysis.inlineSlot.property).map((edit) => ({ ...edit, drops: true })));
      return undefined;
    }
    const factory = finding.node !== site.node;
    const node = finding.node as TSESTree.NewExpression | TSESTree.CallExpression;
    const deliberate = this.explicitKeepAliveFalse(node);
    if (deliberate) return deliberate;
    if (factory && node.type !== 'CallExpression' && node.type !== 'NewExpression') return 'the factory call is not a plain call';
    const subject: Subject = {
      finding,
      node,
      site,
      // A factory's result is named after the factory (`makeCatalogRepo()` → `catalogRepo`): an in-file
      // one, or one the catalog was told about (project factories, user entries), unlike `axios.create`.
      baseName: factory || (site.entry.via === 'call' && !BUILTIN_CATALOG.includes(site.entry)) ? factoryResultName(calleeText(node) ?? methodCallee(node) ?? '', site) : instanceName(site),
      typeText: instanceType(node, this.parsed),
      innerEdits: this.innerSettings(node),
    };
    if (factory) {
      // The factory's agents become long-lived once its call is hoisted: give them keep-alive.
      for (const built of this.analysis.sites) {
        const agent = built.site;
        if (agent.entry.family !== 'node-http' || this.settled.has(agent.node) || !lacksKeepAlive(agent)) continue;
        if (!built.occurrences.some((occurrence) => occurrence.node === node)) continue;
        this.settled.add(agent.node);
        this.edits.push(...settingsEdits(agent, this.parsed.text, this.style));
      }
    }
    return this.hoist(subject);
  }

  // ---- require-keep-alive --------------------------------------------------------------------

  private planKeepAlive(finding: Finding): string | undefined {
    const { site } = finding.analysis;
    if (finding.messageId === 'agentFalse') {
      const property = finding.node as TSESTree.Property;
      if (this.hasNearbyComment(property)) return '`agent: false` comes with a comment, so it was chosen deliberately: left as it is';
      const protocol = site.value.module === 'https' ? 'https' : 'http';
      const name = this.sharedNodeAgent(protocol);
      this.edits.push({ start: property.value.range[0], end: property.value.range[1], text: name });
      return undefined;
    }
    if (this.settled.has(site.node)) return undefined;
    const deliberate = this.explicitKeepAliveFalse(site.node);
    if (deliberate) return deliberate;
    const edits = settingsEdits(site, this.parsed.text, this.style);
    if (edits.length === 0) return 'its options are built elsewhere, so keep-alive settings cannot be merged in';
    this.settled.add(site.node);
    this.edits.push(...edits);
    return undefined;
  }

  // ---- axios -----------------------------------------------------------------------------------

  private planDefaultAxios(site: CatalogSite): string | undefined {
    const call = site.node as TSESTree.CallExpression;
    const callee = unwrap(call.callee);
    const axiosObject = callee.type === 'MemberExpression' ? unwrap(callee.object) : callee;
    if (looksLikeBrowserCode(this.parsed)) return 'this file renders JSX and imports no Node module, so it may run in a browser, where Node keep-alive agents cannot be imported';
    if (this.project.configuresGlobalAxios || this.analysis.globalAxiosConfiguration.length > 0) return this.addAgentsToAxiosConfig(site, call);
    const reads = analyzeReads(axiosObject, this.parsed);
    if (reads.perCall.length > 0 || reads.thisMembers.size > 0 || reads.otherThis) return 'axios is not imported at module level here';
    const text = this.parsed.text.slice(axiosObject.range[0], axiosObject.range[1]);
    const httpAgent = this.sharedNodeAgent('http');
    const httpsAgent = this.sharedNodeAgent('https');
    const config = `{ ${shorthand('httpAgent', httpAgent)}, ${shorthand('httpsAgent', httpsAgent)} }`;
    const client = this.scope.declare(`axios:${text}`, reads.after, () => this.namer.take('httpClient'), (name) => `const ${name} = ${text}.create(${config})${this.style.semicolon}`);
    this.edits.push({ start: axiosObject.range[0], end: axiosObject.range[1], text: client });
    return undefined;
  }

  private addAgentsToAxiosConfig(site: CatalogSite, call: TSESTree.CallExpression): string | undefined {
    const agents = `${shorthand('httpAgent', this.sharedNodeAgent('http'))}, ${shorthand('httpsAgent', this.sharedNodeAgent('https'))}`;
    const config = axiosConfigArgument(site);
    if (config) {
      const object = unwrap(config);
      if (object.type !== 'ObjectExpression') return 'its config is built elsewhere';
      const first = object.properties[0];
      if (!first) this.edits.push({ start: object.range[0], end: object.range[1], text: `{ ${agents} }` });
      else this.edits.push({ start: first.range[0], end: first.range[0], text: `${agents}, ` });
      return undefined;
    }
    const method = site.value.path[0];
    const position = method === undefined || ['get', 'delete', 'head', 'options'].includes(method) ? 1 : method === 'request' ? 0 : 2;
    const args = call.arguments;
    if (args.length > position || (position > 0 && args.length === 0)) return 'its arguments are not in a form the codemod knows';
    const fillers = Array.from({ length: position - args.length }, () => 'undefined');
    const pieces = [...fillers, `{ ${agents} }`].join(', ');
    const last = args[args.length - 1];
    if (!last) {
      const end = call.range[1] - 1;
      this.edits.push({ start: end, end, text: pieces });
    } else {
      this.edits.push({ start: last.range[1], end: last.range[1], text: `, ${pieces}` });
    }
    return undefined;
  }

  /** One module-level keep-alive agent per protocol, shared by every rewrite that needs one. */
  private sharedNodeAgent(protocol: 'http' | 'https'): string {
    const text = `new ${this.imports.member(protocol, 'Agent')}(${nodeAgentOptionsText(this.style)})`;
    return this.scope.declare(`const:${sharingKey(text)}`, 0, () => this.namer.take(`${protocol}Agent`), (name) => `const ${name} = ${text}${this.style.semicolon}`);
  }

  // ---- hoisting --------------------------------------------------------------------------------

  private hoist(subject: Subject): string | undefined {
    const { node, site } = subject;
    const chain = connectChain(node, site, this.parsed);
    if (chain?.reason) return chain.reason;
    const owned = ownershipObstacle(node, site, this.parsed, !!chain);
    if (owned) return owned;
    if (chain) return this.connectOnce(subject, chain.call, chain.name ?? subject.baseName);
    const state = this.perInstanceState(node);
    if (state) return state;
    const lifecycle = planLifecycle(node, this.parsed, (statement) => this.edits.some((edit) => edit.text === '' && edit.start <= statement.range[0] && statement.range[1] <= edit.end));
    if (!lifecycle.ok) return lifecycle.reason;
    const reads = analyzeReads(node, this.parsed);
    // Locals computed from `process.env` move in as their values; nothing else reads those locals afterwards, they go.
    if (reads.envLocals.length > 0) {
      subject.innerEdits = [...subject.innerEdits, ...inlinedEnvironment(reads.envLocals, this.parsed)];
      lifecycle.edits.push(...unusedEnvironmentLocals(reads.envLocals, node, this.parsed));
    }
    if (reads.awaits) return 'its options await a value';
    if (reads.otherThis) return 'its options use `this` other than to read a field';
    // A class the function imports itself with `await import()` is no per-call value: say so rather than name it as one.
    const { rest: perCall, imported } = withoutDynamicImports(reads.perCall);
    if (imported && perCall.length === 0) return dynamicImportReason(imported);
    const names = perCallNames({ ...reads, perCall });
    const perRequest = perRequestHeaders(subject.site, node, reads);
    if (perRequest) return perRequest;
    const sensitive = sharedIdentity(site, node, reads);
    // Options reading `this` can only live on the instance; otherwise the class holds it only when
    // this file does not construct the class per call (the module level is better then).
    const classNode = reads.thisMembers.size > 0 ? enclosingInstanceClass(node) : this.instanceClassFor(node);
    if (names.length > 0) {
      // `cfg(key)` runs per call, but what it builds from constants need not: that moves out of the helper.
      if (subject.node !== site.node && this.hoistOutOfFactory(subject)) return undefined;
      if (this.keyed && reads.thisMembers.size === 0) return this.keyedCache(subject, reads, lifecycle.edits);
      const credentials = callerCredentialsReason(subject.finding);
      if (credentials) return credentials;
      if (sensitive) return sensitive;
      if (subject.node !== site.node) {
        const callee = unwrap(subject.node.callee);
        if (callee.type === 'Identifier' && callee.name === names[0]) return `\`${callee.name}\` is declared inside the function that calls it`;
        return `its arguments read \`${names[0]}\`, a per-call value`;
      }
      return `its options read \`${names[0]}\`, a per-call value`;
    }
    // Values computed when it is built (environment, mutable state, function calls) are read at
    // first use, as before, rather than when the module loads.
    const readsRunTimeValues = reads.env || reads.mutableModule.length > 0 || reads.calls.length > 0 || reads.reassigned.length > 0;
    // Another file already shares this very construction: import it rather than build a second pool.
    if (!readsRunTimeValues && reads.thisMembers.size === 0 && this.importShared(subject, lifecycle.edits)) return undefined;
    // A factory or client class of the project runs its code when called: not at import time.
    const evaluation = evaluationOf(node, site, this.parsed, (candidate) => this.catalogNodes.has(candidate), this.project.projectModules);
    if (evaluation.kind === 'left') return evaluation.reason;
    // The file already builds this very construction at module level: its own choice, reused as before.
    const ownConstant = evaluation.kind === 'first-use' && !readsRunTimeValues && !!this.scope.existing(`const:${sharingKey(this.rendered(subject, subject.innerEdits, ''))}`);
    const lazy = readsRunTimeValues || (evaluation.kind === 'first-use' && !ownConstant);
    if (classNode) {
      if (reads.thisMembers.size > 0) {
        // The constructor runs after start-up, so calls may stay there; environment and mutable module state are DESIGN's lazy cases.
        if (reads.env || reads.mutableModule.length > 0 || reads.reassigned.length > 0) return `its options read both \`this\` and ${reads.env ? '`process.env`' : `\`${reads.mutableModule[0] ?? reads.reassigned[0]!.name}\``}`;
        const unset = unsetMember(classNode, reads.thisMembers, this.parsed);
        if (unset) return `its options read \`this.${unset}\`, which the constructor does not set`;
        const changed = reassignedAfterConstruction(classNode, reads.thisMembers);
        if (changed) return `its options read \`this.${changed.member}\`, which \`${changed.method}\` reassigns after construction: one instance per object would keep the first value`;
        return this.toConstructor(subject, classNode, lifecycle.edits);
      }
      if (!lazy) return this.style.typescript ? this.toField(subject, classNode, lifecycle.edits) : this.toConstructor(subject, classNode, lifecycle.edits);
    } else if (reads.thisMembers.size > 0) {
      return 'its options read `this` outside an instance method';
    }
    if (lazy) {
      const frozen = frozenIdentity(site, node, reads);
      if (frozen) return frozen;
      return this.lazySingleton(subject, reads, lifecycle.edits);
    }
    return this.moduleConstant(subject, reads, lifecycle.edits);
  }

  /**
   * `function cfg(key) { return { httpAgent: new http.Agent(…), headers: { Authorization: key } } }`:
   * the call reads a per-call value, but the constructions inside the helper read none, so each
   * becomes one shared instance the helper returns, and the call stays. All of them or nothing:
   * false leaves the edits as they were.
   */
  private hoistOutOfFactory(subject: Subject): boolean {
    const inside = this.analysis.sites.filter((built) => built.site.node !== subject.node && !built.nestedIn && built.occurrences.some((occurrence) => occurrence.node === subject.node));
    if (inside.length === 0) return false;
    const restore = this.checkpoint();
    const undo = (): false => {
      restore();
      return false;
    };
    for (const { site } of inside) {
      if (this.movedOutOfFactories.has(site.node)) continue; // another call of the helper moved it already
      // Only catalog constructions: a call of the project's own builder stays where its author put it.
      if (isProjectSite(site, this.project.projectModules ?? new Set()) || perCallNames(analyzeReads(site.node, this.parsed)).length > 0) return undo();
      // Keep-alive settings given to the helper's agents for this call are carried by the moved copy instead.
      this.edits = this.edits.filter((edit, index) => index < this.attemptStart || !(site.node.range[0] <= edit.start && edit.end <= site.node.range[1]));
      this.settled.delete(site.node);
      const inner: Subject = { finding: subject.finding, node: site.node, site, baseName: instanceName(site), typeText: instanceType(site.node, this.parsed), innerEdits: this.innerSettings(site.node) };
      if (this.hoist(inner)) return undo();
      this.movedOutOfFactories.add(site.node);
      this.settled.add(site.node);
    }
    this.placement = 'out-of-factory';
    return true;
  }

  /**
   * `await createClient(…).connect()` per call → `await getRedisClient()`: the first call connects,
   * later calls share the connection, and a failed attempt is dropped so that the next call
   * connects again. Closing calls on the old per-call connection go, as for any shared instance.
   */
  private connectOnce(subject: Subject, call: TSESTree.CallExpression, base: string): string | undefined {
    if (subject.node !== subject.site.node) return 'it is connected where a factory builds it';
    const state = this.perInstanceState(subject.node);
    if (state) return state;
    const reads = analyzeReads(call, this.parsed);
    if (reads.awaits) return 'its options await a value';
    if (reads.thisMembers.size > 0 || reads.otherThis) return 'its options read `this`';
    const names = perCallNames(reads);
    if (names.length > 0) return `its options read \`${names[0]}\`, a per-call value`;
    if (this.style.typescript && !subject.typeText) return 'its type cannot be written for a shared connection';
    const lifecycle = planLifecycle(call, this.parsed, (statement) => this.edits.some((edit) => edit.text === '' && edit.start <= statement.range[0] && statement.range[1] <= edit.end));
    if (!lifecycle.ok) return lifecycle.reason;
    const { indent, semicolon, newline, typescript } = this.style;
    const text = reindent(renderRange(this.parsed.text, call.range[0], call.range[1], subject.innerEdits), indentationAt(this.parsed.text, call.range[0]), indent);
    // A chain written over several lines gets `.catch(…)` on a line of its own, like its other links.
    const lastLine = text.split('\n').pop()!;
    const inner = text.includes('\n') ? (/^[ \t]*/.exec(lastLine)?.[0] ?? indent) : indent;
    const chained = text.includes('\n') ? `${newline}${inner}` : '';
    const getter = this.scope.declare(
      `connect:${sharingKey(text)}`,
      reads.after,
      () => this.namer.take(`get${capitalize(base)}`),
      (name) => {
        const storage = this.namer.take(`_${base}`);
        // `connect()` of these families resolves to the client itself (connect-once.ts).
        return [
          `let ${storage}${typescript ? `: Promise<${subject.typeText}> | undefined` : ''}${semicolon}`,
          '// Connects once and shares the connection; a failed attempt is dropped, so the next call connects again.',
          `function ${name}() {`,
          `${indent}return (${storage} ??= ${text}${chained}.catch((error${typescript ? ': unknown' : ''}) => {`,
          `${inner}${indent}${storage} = undefined${semicolon}`,
          `${inner}${indent}throw error${semicolon}`,
          `${inner}}))${semicolon}`,
          '}',
        ].join(newline);
      },
    );
    this.edits.push({ start: call.range[0], end: call.range[1], text: `${getter}()` }, ...lifecycle.edits);
    return undefined;
  }

  /** Uses the instance another file exports for this construction (the project pass vouched for it); false if there is none to use. */
  private importShared(subject: Subject, lifecycleEdits: Edit[]): boolean {
    const { node } = subject;
    const shared = this.projectDataAt(this.project.reusable, node);
    if (!shared || shared.form !== this.style.module) return false;
    const local = this.imports.named(shared.specifier, shared.exportName, shared.exportName === 'default' ? shared.name : shared.exportName);
    this.edits.push({ ...this.replaceOrDrop(node, local), drops: true }, ...lifecycleEdits);
    this.reused = { name: shared.name, file: shared.file, line: shared.line };
    return true;
  }

  private moduleConstant(subject: Subject, reads: Reads, lifecycleEdits: Edit[]): string | undefined {
    this.placement = 'module-constant';
    const { node } = subject;
    const text = this.rendered(subject, subject.innerEdits, '');
    const position = this.scope.position(reads.after);
    const statement = topLevelStatement(node, this.parsed.ast);
    if (statement && !insideFunction(node) && position.offset > statement.range[0]) {
      return this.scope.position(reads.after, false).offset > statement.range[0] ? 'it reads a module declaration that comes after it' : 'it comes before a statement that configures its module or the process, which a shared instance must follow';
    }
    const binding = localBinding(node, this.parsed);
    // `const pool = new Pool()` in the function becomes `const pool = new Pool()` at module level when
    // the name is free and no comment hangs on the declaration (it would be left describing nothing).
    const reusable =
      binding && !this.style.scriptPrefix && binding.declarator.init === node && binding.declaration.declarations.length === 1 && !binding.declarator.id.typeAnnotation && this.uniqueInFile(binding.variable.name) && !this.hasAttachedComment(binding.declaration)
        ? binding.variable.name
        : undefined;
    const usedBefore = statement && !insideFunction(node) ? statement.range[0] : undefined;
    const key = `const:${sharingKey(text)}`;
    const existing = this.scope.existing(key, usedBefore);
    const name = this.scope.declare(key, reads.after, () => reusable ?? this.namer.take(subject.baseName), (chosen) => `const ${chosen} = ${text}${this.style.semicolon}`, usedBefore);
    if (existing) this.reused = { name: existing.name, line: existing.line };
    if (reusable && name === reusable) this.edits.push(removeStatement(this.parsed.text, binding!.declaration));
    else this.edits.push(this.replaceOrDrop(node, name));
    this.edits.push(...lifecycleEdits);
    return undefined;
  }

  private lazySingleton(subject: Subject, reads: Reads, lifecycleEdits: Edit[]): string | undefined {
    this.placement = 'lazy-singleton';
    if (this.style.typescript && !subject.typeText) return 'its type cannot be written for a lazy singleton';
    const { indent, semicolon, newline } = this.style;
    const text = this.rendered(subject, subject.innerEdits, indent);
    const storageType = this.style.typescript ? `: ${subject.typeText} | undefined` : '';
    let role = subject.baseName;
    const getter = this.scope.declare(
      `lazy:${sharingKey(text)}`,
      reads.after,
      () => {
        role = this.roleName(subject, lazyNames);
        return this.namer.take(`get${capitalize(role)}`);
      },
      (name) => {
        const storage = this.namer.take(`_${role}`);
        return [`let ${storage}${storageType}${semicolon}`, `function ${name}() {`, `${indent}return ${assignOnce(storage, text, this.style.syntax)}${semicolon}`, '}'].join(newline);
      },
    );
    this.edits.push(this.replaceWith(subject.node, `${getter}()`), ...lifecycleEdits);
    return undefined;
  }

  private toField(subject: Subject, classNode: ClassNode, lifecycleEdits: Edit[]): string | undefined {
    this.placement = 'instance';
    const name = this.classes.fieldInitialiser(classNode, subject.baseName, (indent) => this.rendered(subject, subject.innerEdits, indent));
    this.edits.push({ start: subject.node.range[0], end: subject.node.range[1], text: `this.${name}` }, ...lifecycleEdits);
    return undefined;
  }

  private toConstructor(subject: Subject, classNode: ClassNode, lifecycleEdits: Edit[]): string | undefined {
    this.placement = 'instance';
    if (this.style.typescript && !subject.typeText) return 'its type cannot be written for a constructor-assigned field';
    const name = this.classes.constructorAssignment(classNode, subject.baseName, subject.typeText, (indent) => this.rendered(subject, subject.innerEdits, indent));
    if (!name) return 'its constructor cannot take the assignment (it ends in `return`, or the class extends an expression)';
    this.edits.push({ start: subject.node.range[0], end: subject.node.range[1], text: `this.${name}` }, ...lifecycleEdits);
    return undefined;
  }

  /** `--keyed`: one instance per tuple of the per-call values its options read. */
  private keyedCache(subject: Subject, reads: Reads, lifecycleEdits: Edit[]): string | undefined {
    this.placement = 'keyed-cache';
    const { node } = subject;
    if (this.style.typescript && !subject.typeText) return 'its type cannot be written for a keyed cache';
    const found = cacheKeys(reads.perCall, this.parsed.text, this.namer, this.style.typescript);
    if ('reason' in found) return found.reason;
    const { keys } = found;
    const construction = this.rendered(subject, [...subject.innerEdits, ...keyReplacements(keys, this.parsed.text)], this.style.indent + this.style.indent);
    const fn = this.scope.declare(
      `keyed:${sharingKey(construction)}:${keys.map((key) => key.param).join(',')}`,
      reads.after,
      () => this.namer.take(`${subject.baseName}For`),
      (name) =>
        cacheDeclarationText(
          { name, map: this.namer.take(cacheMapName(subject.baseName, keys)), base: subject.baseName, keys, construction, reads: identifiersIn(node), instanceType: subject.typeText },
          this.style,
        ),
    );
    this.edits.push({ start: node.range[0], end: node.range[1], text: `${fn}(${keys.map((key) => key.text).join(', ')})` }, ...lifecycleEdits);
    return undefined;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /**
   * The name a shared copy is built from: the instance's usual name, or, when that is taken in the
   * file (another instance of the family), the name the author gave this one (`const tenantPool =
   * new Pool(…)` → `getTenantPool`) rather than a numbered `getPool2`.
   */
  private roleName(subject: Subject, names: (base: string) => string[]): string {
    const free = (base: string) => names(base).every((name) => this.namer.isFree(name));
    if (free(subject.baseName)) return subject.baseName;
    const local = localBinding(subject.node, this.parsed)?.variable.name;
    return local && local !== subject.baseName && free(local) ? local : subject.baseName;
  }

  /**
   * The class to hold the instance, unless this file constructs that class per call: a
   * constructor-level instance would then still be built per call (and reported at `new C()`), so
   * the module level is the better home.
   */
  private instanceClassFor(node: Node): ClassNode | undefined {
    const classNode = enclosingInstanceClass(node);
    if (!classNode) return undefined;
    this.classifier ??= new FrequencyClassifier(this.parsed.scopeManager, new ModuleResolver(this.parsed.scopeManager, createCatalog(), this.parsed.text), this.parsed.text, { startupFunctions: [] });
    const classifier = this.classifier;
    const perCall = classConstructions(classNode, this.parsed).some((construction) => classifier.occurrences(construction, false).some((occurrence) => occurrence.frequency.kind === 'per-call'));
    return perCall ? undefined : classNode;
  }

  /** What the project pass said about the construction at `node`, if its text is still what the pass saw. */
  private projectDataAt<T extends { start: number; end: number; text: string }>(data: readonly T[] | undefined, node: Node): T | undefined {
    const [start, end] = node.range;
    return data?.find((entry) => entry.start === start && entry.end === end && entry.text === this.parsed.text.slice(start, end));
  }

  /**
   * Why one shared instance of this `new C()` would not behave like one per call: C (or a base
   * class) keeps per-call state. Classes of this file are judged here, other files' by the project pass.
   */
  private perInstanceState(node: TSESTree.NewExpression | TSESTree.CallExpression): string | undefined {
    if (node.type !== 'NewExpression') return undefined;
    const known = this.projectDataAt(this.project.unshareable, node);
    if (known) return known.reason;
    const callee = unwrap(node.callee);
    if (callee.type !== 'Identifier') return undefined;
    const definition = resolveName(this.parsed.scopeManager, node, callee.name)?.defs[0];
    const declared = definition?.type === 'ClassName' ? (definition.node as Node) : undefined;
    if (declared?.type !== 'ClassDeclaration' && declared?.type !== 'ClassExpression') return undefined;
    const sites = new Set<Node>(this.analysis.sites.map((site) => site.site.node));
    return sharedInstanceProblem(declared, this.parsed.scopeManager, (candidate) => sites.has(candidate));
  }

  /**
   * Replaces an expression by the name of its shared instance, or, when its result was discarded
   * (`makeRepo();` as a statement in a block), removes the statement: a bare `repo;` would do nothing.
   */
  private replaceOrDrop(node: Node, name: string): Edit {
    let expression: Node = node;
    // Not through `await`: awaiting the shared instance each call may still throw or yield.
    while (expression.parent && isTransparentWrapper(expression.parent)) expression = expression.parent;
    const statement = expression.parent;
    const list = statement?.parent;
    const inList = list?.type === 'BlockStatement' || list?.type === 'Program' || list?.type === 'SwitchCase';
    if (statement?.type === 'ExpressionStatement' && statement.expression === expression && inList) return removeStatement(this.parsed.text, statement);
    return this.replaceWith(node, name);
  }

  /** Replaces an expression by a name; `{ agent: makeAgent() }` becomes `{ agent }`. */
  private replaceWith(node: Node, name: string): Edit {
    const parent = node.parent;
    if (parent?.type === 'Property' && parent.value === node && !parent.computed && !parent.shorthand && parent.kind === 'init' && !parent.method && parent.key.type === 'Identifier' && parent.key.name === name) {
      return { start: parent.range[0], end: parent.range[1], text: name };
    }
    return { start: node.range[0], end: node.range[1], text: name };
  }

  /** The moved text: the construction with its inner edits, re-indented for its new place. */
  private rendered(subject: Subject, edits: Edit[], indent: string): string {
    const { node } = subject;
    const text = renderRange(this.parsed.text, node.range[0], node.range[1], edits);
    return reindent(text, indentationAt(this.parsed.text, node.range[0]), indent);
  }

  /** Keep-alive settings for the construction and for node agents nested in its options. */
  private innerSettings(node: Node): Edit[] {
    const edits: Edit[] = [];
    for (const analysis of this.analysis.sites as SiteAnalysis[]) {
      const inner = analysis.site;
      if (!contains(node, inner.node)) continue;
      if (inner.node === node || inner.entry.family === 'node-http') edits.push(...settingsEdits(inner, this.parsed.text, this.style));
    }
    return edits;
  }

  /** Why the construction must keep its own settings: an agent in it says `keepAlive: false` (in the factory it calls, too). */
  private explicitKeepAliveFalse(node: Node): string | undefined {
    for (const built of this.analysis.sites) {
      const agent = built.site;
      if (agent.entry.family !== 'node-http' || !(contains(node, agent.node) || built.occurrences.some((occurrence) => occurrence.node === node))) continue;
      const options = agent.node.arguments[0] ? unwrap(agent.node.arguments[0]) : undefined;
      const keepAlive = options?.type === 'ObjectExpression' ? findProperty(options, 'keepAlive') : undefined;
      if (keepAlive?.value.type === 'Literal' && keepAlive.value.value === false) return 'its agent says `keepAlive: false` explicitly, a decision the codemod does not overturn';
    }
    return undefined;
  }

  /** A comment on the node's lines, on the line above it, or right above the statement holding it: the author explained a choice. */
  private hasNearbyComment(node: Node): boolean {
    const statement = enclosingStatement(node);
    const first = Math.min(node.loc.start.line, statement.loc.start.line) - 1;
    return (this.parsed.ast.comments ?? []).some((comment) => {
      if (isToolDirective(comment.value)) return false;
      const nearNode = comment.loc.end.line >= node.loc.start.line - 1 && comment.loc.start.line <= node.loc.end.line;
      const aboveStatement = comment.loc.end.line === statement.loc.start.line - 1 || (comment.loc.end.line === first && comment.range[1] <= statement.range[0]);
      return nearNode || aboveStatement;
    });
  }

  /** A comment on the line above a statement, or after it on its own line. */
  private hasAttachedComment(statement: Node): boolean {
    const { text } = this.parsed;
    return (this.parsed.ast.comments ?? []).some((comment) => {
      if (comment.range[0] >= statement.range[1]) return !text.slice(statement.range[1], comment.range[0]).includes('\n');
      if (comment.range[1] <= statement.range[0]) return /^[ \t]*\r?\n[ \t]*$/.test(text.slice(comment.range[1], statement.range[0])) || /^[ \t]*$/.test(text.slice(comment.range[1], statement.range[0]));
      return false;
    });
  }

  private uniqueInFile(name: string): boolean {
    let count = 0;
    for (const scope of this.parsed.scopeManager.scopes) {
      for (const variable of scope.variables) if (variable.name === name) count += 1;
      if (scope.through.some((reference) => reference.identifier.name === name && !reference.resolved)) return false;
    }
    return count === 1;
  }
}

/** Where a finding is and what it names, as the summary lists it. */
export function outcomeOf(finding: Finding): SiteOutcome {
  const { line, column } = finding.node.loc.start;
  const construct = finding.messageId === 'agentFalse' ? 'agent: false' : (finding.data.factory ?? finding.data.construct ?? finding.analysis.site.construct);
  return { line, column: column + 1, rule: finding.rule, construct };
}

/** Would require-keep-alive report this agent once it is long-lived? */
function lacksKeepAlive(site: CatalogSite): boolean {
  const options = site.node.arguments[0];
  if (!options) return true;
  const object = unwrap(options);
  if (object.type !== 'ObjectExpression') return false;
  const keepAlive = findProperty(object, 'keepAlive');
  if (keepAlive) return keepAlive.value.type === 'Literal' && keepAlive.value.value === false;
  return !object.properties.some((property) => property.type === 'SpreadElement');
}

function isBareUndiciAgent(site: CatalogSite): boolean {
  return site.entry.family === 'undici' && site.value.path.join('.') === 'Agent' && site.node.arguments.length === 0;
}

/** The names a lazy singleton declares for a base name. */
function lazyNames(base: string): string[] {
  return [`get${capitalize(base)}`, `_${base}`];
}

function shorthand(key: string, name: string): string {
  return key === name ? key : `${key}: ${name}`;
}

function enclosingStatement(node: Node): Node {
  let current = node;
  while (current.parent && !/Statement$|Declaration$/.test(current.type)) current = current.parent;
  return current;
}

function insideFunction(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return true;
  return false;
}

/**
 * Comments addressed to a tool rather than to a reader: they explain no choice. ESLint directives
 * are handled as suppressions (suppressions.ts); `expect:` is the finding marker of this
 * repository's fixtures and of `pnpm sweep` corpora.
 */
const TOOL_DIRECTIVES: readonly RegExp[] = [/^eslint(?:-disable|-enable|\s)/, /^@ts-/, /^prettier-ignore/, /^biome-ignore/, /^(?:istanbul|c8|v8) ignore/, /^expect:/];

function isToolDirective(commentText: string): boolean {
  const text = commentText.replace(/^\*+/, '').trim();
  return TOOL_DIRECTIVES.some((pattern) => pattern.test(text));
}
