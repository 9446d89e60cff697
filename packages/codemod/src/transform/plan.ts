// The planner: one outcome per finding, hoisted or left with a reason. Each finding is planned as a
// transaction: its edits, names and declarations are rolled back when it turns out not to be
// possible, so a left site never leaves half a rewrite behind.
import {
  axiosConfigArgument,
  contains,
  createCatalog,
  findProperty,
  FrequencyClassifier,

  isFunction,
  isTransparentWrapper,
  ModuleResolver,
  staticKeyName,
  topLevelStatement,
  uniqueName,
  unwrap,
  walk,

  type Analysis,
  type CatalogSite,
  type Finding,
  type Node,
  type SiteAnalysis,
} from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SiteOutcome } from '../engine/contract.js';
import { axiosBindingIsConfigured } from './axios.js';
import { classConstructions, ClassFields, enclosingInstanceClass, unsetMember, type ClassNode } from './classes.js';
import { overlaps, renderRange, type Edit } from './edits.js';
import { Imports } from './imports.js';
import { planLifecycle, localBinding } from './lifecycle.js';
import { indentationAt, reindent, removeStatement } from './lines.js';
import { ModuleScope } from './module-scope.js';
import { capitalize, factoryResultName, instanceName, Namer } from './naming.js';
import type { ParsedFile } from './parse.js';
import { removeProperty } from './properties.js';
import { unusedImportRemovals } from './unused-imports.js';
import { analyzeReads, perCallNames, type Reads } from './reads.js';
import { sharingKey } from './sharing.js';
import { nodeAgentOptionsText, settingsEdits } from './settings.js';
import type { FileStyle } from './style.js';

const TLS_IDENTITY = new Set(['cert', 'key', 'pfx', 'passphrase', 'ca', 'rejectUnauthorized', 'servername']);
const PROXY_CREDENTIALS = new Set(['token', 'auth', 'proxy', 'uri', 'proxyTls', 'headers']);
const PER_REQUEST_HEADERS = new Set(['headers', 'auth']);

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

export class Planner {
  private edits: Edit[] = [];
  private readonly hoisted: SiteOutcome[] = [];
  private readonly left: SiteOutcome[] = [];
  private readonly namer: Namer;
  private readonly scope: ModuleScope;
  private readonly imports: Imports;
  private readonly classes: ClassFields;
  private readonly settled = new Set<Node>();
  private axiosConfigured: boolean | undefined;
  private classifier: FrequencyClassifier | undefined;

  constructor(
    private readonly parsed: ParsedFile,
    private readonly style: FileStyle,
    private readonly analysis: Analysis,
    private readonly keyed: boolean,
  ) {
    this.namer = new Namer(parsed.scopeManager);
    this.scope = new ModuleScope(parsed.ast, parsed.text, style, sharingKey);
    this.imports = new Imports(parsed.ast, style, this.scope, this.namer);
    this.classes = new ClassFields(parsed.text, style, (edit) => this.edits.push(edit));
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
    const restore = [this.scope.snapshot(), this.imports.snapshot(), this.classes.snapshot()];
    const taken = this.namer.snapshot();
    const settled = new Set(this.settled);
    const start = this.edits.length;
    let reason = this.plan(finding);
    if (!reason) {
      const mine = this.edits.slice(start);
      if (mine.some((edit) => this.edits.slice(0, start).some((other) => overlaps(edit, other)))) reason = 'it overlaps another rewrite in this file';
    }
    const outcome = this.outcome(finding);
    if (reason) {
      this.edits = this.edits.slice(0, start);
      restore.forEach((undo) => undo());
      this.namer.restore(taken);
      this.settled.clear();
      settled.forEach((node) => this.settled.add(node));
      this.left.push({ ...outcome, reason });
    } else {
      this.hoisted.push(outcome);
    }
  }

  private outcome(finding: Finding): SiteOutcome {
    const { line, column } = finding.node.loc.start;
    const construct = finding.messageId === 'agentFalse' ? 'agent: false' : (finding.data.factory ?? finding.data.construct ?? finding.analysis.site.construct);
    return { line, column: column + 1, rule: finding.rule, construct };
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
    if (factory && node.type !== 'CallExpression' && node.type !== 'NewExpression') return 'the factory call is not a plain call';
    const callee = this.calleeText(node);
    const subject: Subject = {
      finding,
      node,
      site,
      baseName: factory ? factoryResultName(callee ?? methodCallee(node) ?? '', site) : instanceName(site),
      typeText: callee ? `${node.type === 'NewExpression' ? 'InstanceType' : 'ReturnType'}<typeof ${callee}>` : methodReturnType(node),
      innerEdits: this.innerSettings(node),
    };
    if (factory) {
      // The factory's agents become long-lived once its call is hoisted: give them keep-alive.
      for (const built of this.analysis.sites) {
        const agent = built.site;
        if (agent.entry.family !== 'node-http' || this.settled.has(agent.node) || !lacksKeepAlive(agent)) continue;
        if (!built.occurrences.some((occurrence) => occurrence.node === node)) continue;
        this.settled.add(agent.node);
        this.edits.push(...settingsEdits(agent, this.parsed.text, this.style.quote));
      }
    }
    return this.hoist(subject);
  }

  // ---- require-keep-alive --------------------------------------------------------------------

  private planKeepAlive(finding: Finding): string | undefined {
    const { site } = finding.analysis;
    if (finding.messageId === 'agentFalse') {
      const property = finding.node as TSESTree.Property;
      const protocol = site.value.module === 'https' ? 'https' : 'http';
      const name = this.sharedNodeAgent(protocol);
      this.edits.push({ start: property.value.range[0], end: property.value.range[1], text: name });
      return undefined;
    }
    if (this.settled.has(site.node)) return undefined;
    const edits = settingsEdits(site, this.parsed.text, this.style.quote);
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
    this.axiosConfigured ??= axiosBindingIsConfigured(this.parsed, this.analysis);
    if (this.axiosConfigured) return this.addAgentsToAxiosConfig(site, call);
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
    const binding = this.imports.binding(protocol);
    const text = `new ${binding}.Agent(${nodeAgentOptionsText(this.style.quote)})`;
    return this.scope.declare(`const:${sharingKey(text)}`, 0, () => this.namer.take(`${protocol}Agent`), (name) => `const ${name} = ${text}${this.style.semicolon}`);
  }

  // ---- hoisting --------------------------------------------------------------------------------

  private hoist(subject: Subject): string | undefined {
    const { node, site } = subject;
    const lifecycle = planLifecycle(node, this.parsed, this.style.indent);
    if (!lifecycle.ok) return lifecycle.reason;
    const reads = analyzeReads(node, this.parsed);
    if (reads.awaits) return 'its options await a value';
    if (reads.otherThis) return 'its options use `this` other than to read a field';
    const names = perCallNames(reads);
    if (site.entry.kind === 'axios-instance') {
      const header = this.perCallInside(node, reads, PER_REQUEST_HEADERS);
      if (header) return `its \`${header.property}\` read \`${header.name}\`, a per-call value: per-request headers stay at the call, never in instance defaults`;
    }
    const sensitive = site.entry.kind === 'agent' ? this.perCallInside(node, reads, site.entry.family === 'proxy-agent' || isProxy(site) ? new Set([...TLS_IDENTITY, ...PROXY_CREDENTIALS]) : TLS_IDENTITY) : undefined;
    const classNode = this.instanceClassFor(node);
    if (names.length > 0) {
      if (this.keyed && reads.thisMembers.size === 0) return this.keyedCache(subject, reads, lifecycle.edits);
      if (sensitive) return `its TLS or proxy options (\`${sensitive.property}\`) read \`${sensitive.name}\`, a per-call value: a shared agent would hand that identity to every caller`;
      return `its options read \`${names[0]}\`, a per-call value`;
    }
    const lazy = reads.env || reads.mutableModule.length > 0;
    if (classNode) {
      if (reads.thisMembers.size > 0) {
        if (lazy) return `its options read both \`this\` and ${reads.env ? '`process.env`' : `\`${reads.mutableModule[0]}\``}`;
        const unset = unsetMember(classNode, reads.thisMembers);
        if (unset) return `its options read \`this.${unset}\`, which the constructor does not set`;
        return this.toConstructor(subject, classNode, lifecycle.edits);
      }
      if (!lazy) return this.style.typescript ? this.toField(subject, classNode, lifecycle.edits) : this.toConstructor(subject, classNode, lifecycle.edits);
    } else if (reads.thisMembers.size > 0) {
      return 'its options read `this` outside an instance method';
    }
    return lazy ? this.lazySingleton(subject, reads, lifecycle.edits) : this.moduleConstant(subject, reads, lifecycle.edits);
  }

  private moduleConstant(subject: Subject, reads: Reads, lifecycleEdits: Edit[]): string | undefined {
    const { node } = subject;
    const text = this.rendered(subject, subject.innerEdits, '');
    const position = this.scope.position(reads.after);
    const statement = topLevelStatement(node, this.parsed.ast);
    if (statement && !insideFunction(node) && position.offset > statement.range[0]) return 'it reads a module declaration that comes after it';
    const binding = localBinding(node, this.parsed);
    const reusable = binding && binding.declarator.init === node && binding.declaration.declarations.length === 1 && !binding.declarator.id.typeAnnotation && this.uniqueInFile(binding.variable.name) ? binding.variable.name : undefined;
    const usedBefore = statement && !insideFunction(node) ? statement.range[0] : undefined;
    const name = this.scope.declare(`const:${sharingKey(text)}`, reads.after, () => reusable ?? this.namer.take(subject.baseName), (chosen) => `const ${chosen} = ${text}${this.style.semicolon}`, usedBefore);
    if (reusable && name === reusable) this.edits.push(removeStatement(this.parsed.text, binding!.declaration));
    else this.edits.push(this.replaceWith(node, name));
    this.edits.push(...lifecycleEdits);
    return undefined;
  }

  private lazySingleton(subject: Subject, reads: Reads, lifecycleEdits: Edit[]): string | undefined {
    if (this.style.typescript && !subject.typeText) return 'its type cannot be written for a lazy singleton';
    const { indent, semicolon, newline } = this.style;
    const text = this.rendered(subject, subject.innerEdits, indent);
    const storageType = this.style.typescript ? `: ${subject.typeText} | undefined` : '';
    const getter = this.scope.declare(
      `lazy:${sharingKey(text)}`,
      reads.after,
      () => this.namer.take(`get${capitalize(subject.baseName)}`),
      (name) => {
        const storage = this.namer.take(`_${subject.baseName}`);
        return [`let ${storage}${storageType}${semicolon}`, `function ${name}() {`, `${indent}return (${storage} ??= ${text})${semicolon}`, '}'].join(newline);
      },
    );
    this.edits.push(this.replaceWith(subject.node, `${getter}()`), ...lifecycleEdits);
    return undefined;
  }

  private toField(subject: Subject, classNode: ClassNode, lifecycleEdits: Edit[]): string | undefined {
    const name = this.classes.fieldInitialiser(classNode, subject.baseName, (indent) => this.rendered(subject, subject.innerEdits, indent));
    this.edits.push({ start: subject.node.range[0], end: subject.node.range[1], text: `this.${name}` }, ...lifecycleEdits);
    return undefined;
  }

  private toConstructor(subject: Subject, classNode: ClassNode, lifecycleEdits: Edit[]): string | undefined {
    if (this.style.typescript && !subject.typeText) return 'its type cannot be written for a constructor-assigned field';
    const name = this.classes.constructorAssignment(classNode, subject.baseName, subject.typeText, (indent) => this.rendered(subject, subject.innerEdits, indent));
    if (!name) return 'its class extends an expression, so a constructor cannot be added for it';
    this.edits.push({ start: subject.node.range[0], end: subject.node.range[1], text: `this.${name}` }, ...lifecycleEdits);
    return undefined;
  }

  /** `--keyed`: one instance per tuple of the per-call values its options read. */
  private keyedCache(subject: Subject, reads: Reads, lifecycleEdits: Edit[]): string | undefined {
    const { node } = subject;
    const { typescript, indent, semicolon, newline } = this.style;
    if (reads.env || reads.mutableModule.length > 0) return 'its options read both per-call values and `process.env`; the codemod does not key those';
    if (typescript && !subject.typeText) return 'its type cannot be written for a keyed cache';
    const keys: { text: string; param: string; type: string | undefined; ranges: [number, number][] }[] = [];
    for (const read of reads.perCall) {
      const chain = keyChain(read.identifier);
      const text = this.parsed.text.slice(chain.range[0], chain.range[1]);
      let key = keys.find((candidate) => candidate.text === text);
      if (!key) {
        const param = chain === read.identifier ? read.identifier.name : this.namer.take(camelChain(text));
        key = { text, param, type: keyType(read.variable.defs[0], chain, this.parsed.text), ranges: [] };
        keys.push(key);
      }
      key.ranges.push([chain.range[0], chain.range[1]]);
      if (!readAsValue(chain, key.type)) return `its options use \`${text}\` as a whole object; a cache keyed by a per-call object would never hit and only grow`;
    }
    const untyped = keys.find((key) => !key.type);
    if (typescript && untyped) return `its cache key \`${untyped.text}\` has no declared type to key the cache with`;
    const replacements: Edit[] = keys.flatMap((key) => key.ranges.filter(([start, end]) => this.parsed.text.slice(start, end) !== key.param).map(([start, end]) => ({ start, end, text: key.param })));
    const text = this.rendered(subject, [...subject.innerEdits, ...replacements], indent + indent);
    const base = subject.baseName;
    const single = keys.length === 1;
    const fn = this.scope.declare(
      `keyed:${normalize(text)}:${keys.map((key) => key.param).join(',')}`,
      reads.after,
      () => this.namer.take(`${base}For`),
      (name) => {
        const map = this.namer.take(`${/[sx]$/.test(base) ? `${base}Instance` : base}sBy${single ? capitalize(keys[0]!.param) : 'Key'}`);
        const used = new Set([...identifiersIn(node), ...keys.map((key) => key.param), name, map]);
        const local = uniqueName(base, used);
        const keyName = single ? keys[0]!.param : uniqueName('key', used);
        const mapTypes = typescript ? `<${single ? keys[0]!.type : 'string'}, ${subject.typeText}>` : '';
        const params = keys.map((key) => (typescript ? `${key.param}: ${key.type}` : key.param)).join(', ');
        return [
          `const ${map} = new Map${mapTypes}()${semicolon}`,
          `function ${name}(${params}) {`,
          ...(single ? [] : [`${indent}const ${keyName} = JSON.stringify([${keys.map((key) => key.param).join(', ')}])${semicolon}`]),
          `${indent}let ${local} = ${map}.get(${keyName})${semicolon}`,
          `${indent}if (!${local}) {`,
          `${indent}${indent}${local} = ${text}${semicolon}`,
          `${indent}${indent}${map}.set(${keyName}, ${local})${semicolon}`,
          `${indent}}`,
          `${indent}return ${local}${semicolon}`,
          '}',
        ].join(newline);
      },
    );
    this.edits.push({ start: node.range[0], end: node.range[1], text: `${fn}(${keys.map((key) => key.text).join(', ')})` }, ...lifecycleEdits);
    return undefined;
  }

  // ---- helpers ---------------------------------------------------------------------------------

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
      if (inner.node === node || inner.entry.family === 'node-http') edits.push(...settingsEdits(inner, this.parsed.text, this.style.quote));
    }
    return edits;
  }

  private calleeText(node: TSESTree.NewExpression | TSESTree.CallExpression): string | undefined {
    let callee: Node = node.callee;
    while (isTransparentWrapper(callee)) callee = (callee as TSESTree.TSNonNullExpression).expression;
    const parts: string[] = [];
    let current: Node = callee;
    while (current.type === 'MemberExpression' && !current.computed && current.property.type === 'Identifier') {
      parts.unshift(current.property.name);
      current = current.object;
    }
    if (current.type === 'Identifier') parts.unshift(current.name);
    else if (current.type === 'ThisExpression') parts.unshift('this');
    else return undefined;
    if (parts[0] === 'this') return undefined;
    return parts.join('.');
  }

  /** A per-call read inside one of the given option names (at any depth of the options). */
  private perCallInside(node: Node, reads: Reads, properties: Set<string>): { property: string; name: string } | undefined {
    for (const read of reads.perCall) {
      for (let current: Node | undefined = read.identifier.parent; current && current !== node; current = current.parent) {
        if (current.type === 'Property') {
          const key = staticKeyName(current.key, current.computed);
          if (key && properties.has(key)) return { property: key, name: read.variable.name };
        }
      }
    }
    return undefined;
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

/** `this.makePool()` → `makePool`. */
function methodCallee(node: TSESTree.NewExpression | TSESTree.CallExpression): string | undefined {
  const callee = unwrap(node.callee);
  return node.type === 'CallExpression' && callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression' ? (staticKeyName(callee.property, callee.computed) ?? undefined) : undefined;
}

/** `this.makePool()` in class `Orders` → `ReturnType<Orders['makePool']>`. */
function methodReturnType(node: TSESTree.NewExpression | TSESTree.CallExpression): string | undefined {
  const method = methodCallee(node);
  const classNode = method ? enclosingInstanceClass(node) : undefined;
  const className = classNode?.id?.name;
  return method && className && /^[\w$]+$/.test(method) ? `ReturnType<${className}['${method}']>` : undefined;
}

function isBareUndiciAgent(site: CatalogSite): boolean {
  return site.entry.family === 'undici' && site.value.path.join('.') === 'Agent' && site.node.arguments.length === 0;
}

function isProxy(site: CatalogSite): boolean {
  const last = site.value.path[site.value.path.length - 1] ?? '';
  return /Proxy/.test(last);
}

function shorthand(key: string, name: string): string {
  return key === name ? key : `${key}: ${name}`;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function insideFunction(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return true;
  return false;
}

/** `tenant.tls.cert` read from a per-call `tenant`: the longest static member chain, short of a call. */
function keyChain(identifier: TSESTree.Identifier): Node {
  let node: Node = identifier;
  for (;;) {
    const parent: Node | undefined = node.parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.computed) return node;
    const grand: Node | undefined = parent.parent;
    if (grand?.type === 'CallExpression' && grand.callee === parent) return node;
    node = parent;
  }
}

const PRIMITIVE_TYPE = /^(?:string|number|boolean|bigint|'[^']*'|"[^"]*"|\d+)(?:\s*\|\s*(?:string|number|boolean|bigint|'[^']*'|"[^"]*"|\d+|undefined|null))*$/;

/**
 * Is a cache key used as a plain value (an option's value, part of a string, an origin), so that
 * keying by it means one instance per distinct value? A declared primitive type settles it.
 */
function readAsValue(chain: Node, type: string | undefined): boolean {
  if (type && PRIMITIVE_TYPE.test(type.trim())) return true;
  let node = chain;
  while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'LogicalExpression' || node.parent.type === 'ConditionalExpression')) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'Property' && parent.value === node) return true;
  if (parent.type === 'TemplateLiteral' || parent.type === 'BinaryExpression') return true;
  // `new Pool(origin, …)`, `new URL(url)`, `String(x)`: a leading string argument.
  if ((parent.type === 'NewExpression' || parent.type === 'CallExpression') && parent.arguments[0] === node && parent.arguments.length > 1) return true;
  if ((parent.type === 'NewExpression' || parent.type === 'CallExpression') && parent.arguments[0] === node) {
    // `new Redis(url)`, `new MongoClient(uri)`, `new Pool(origin)`: a connection string by its name.
    const name = chain.type === 'MemberExpression' ? staticKeyName(chain.property, chain.computed) : chain.type === 'Identifier' ? chain.name : undefined;
    return (parent.callee.type === 'Identifier' && /^(?:URL|String|Number)$/.test(parent.callee.name)) || /(?:url|uri|origin|host|hostname|dsn|connectionString|endpoint|address)$/i.test(name ?? '');
  }
  return false;
}

function identifiersIn(node: Node): string[] {
  const names: string[] = [];
  walk(node, (inner) => {
    if (inner.type === 'Identifier') {
      const parent = inner.parent;
      const isKey = (parent?.type === 'Property' && parent.key === inner && !parent.computed) || (parent?.type === 'MemberExpression' && parent.property === inner && !parent.computed);
      if (!isKey) names.push(inner.name);
    }
  });
  return names;
}

function camelChain(text: string): string {
  return text.split('.').map((part, index) => (index === 0 ? part : capitalize(part))).join('');
}

/** The declared type of a key: the annotation of its parameter or variable, indexed along the chain. */
/** The type of a literal initialiser: `const host = \`api.${region}\`` is a string. */
function literalType(init: Node): string | undefined {
  if (init.type === 'TemplateLiteral') return 'string';
  if (init.type === 'Literal') return typeof init.value === 'string' ? 'string' : typeof init.value === 'number' ? 'number' : typeof init.value === 'boolean' ? 'boolean' : undefined;
  return undefined;
}

function keyType(definition: { type: string; name: Node; node: Node } | undefined, chain: Node, text: string): string | undefined {
  if (!definition) return undefined;
  const name = definition.name as TSESTree.Identifier;
  const annotation = name.typeAnnotation?.typeAnnotation;
  const declarator = definition.node.type === 'VariableDeclarator' && definition.node.id === name ? definition.node : undefined;
  const base = annotation ? text.slice(annotation.range[0], annotation.range[1]) : declarator?.init ? literalType(declarator.init) : undefined;
  if (!base) return undefined;
  const path: string[] = [];
  for (let node: Node = chain; node.type === 'MemberExpression'; node = node.object) path.unshift((node.property as TSESTree.Identifier).name);
  return path.length === 0 ? base : `${/^[\w$.]+$/.test(base) ? base : `(${base})`}${path.map((part) => `[${JSON.stringify(part).replace(/"/g, "'")}]`).join('')}`;
}

