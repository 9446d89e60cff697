// Execution frequency: does a construction run once (module scope, constructors, lazy singletons,
// start-up code) or on every call/iteration of something? Walks up from the construction and
// stops at the first thing that decides it. Factories are not judged where they build the client
// but where they are called, so one construction can yield several reportable occurrences.
import type { TSESTree } from '@typescript-eslint/types';
import {
  contains,
  displayText,
  isFunction,
  isTransparentWrapper,
  memberPropertyName,
  propertyKeyName,
  sameReference,
  unwrap,
  walk,
  type FunctionNode,
  type Node,
} from './ast.js';
import { isModuleLevel, isUndeclaredGlobal, readsOf, resolveName, type ScopeManagerLike, type ScopeVariable } from './scope.js';
import type { ModuleResolver } from './resolve.js';
import { CallbackRoles } from './callback-roles.js';
import { createCallbackApiTable } from './callback-apis.js';
import { testCallbackOf, testCallRunsOnce } from './context/test-framework.js';
import { scriptEntryEvidence } from './context/script-entry.js';

/** A function or class of this file that builds a catalog construction for its callers. */
export interface Builder {
  kind: 'function' | 'method' | 'class';
  /** The name other files import it by (the binding name; `default` for a default export). */
  name: string;
  exported: boolean;
  node: Node;
}

export type Frequency =
  | { kind: 'once'; reason: string; builder?: Builder }
  | { kind: 'per-call'; where: string }
  /** Decided outside this file (an exported factory): the project pass judges it. */
  | { kind: 'unknown'; reason: string; builder?: Builder };

export interface Occurrence {
  /** Where a report belongs: the construction itself, or a call of a factory that performs it. */
  node: Node;
  frequency: Frequency;
  /** The factory calls between `node` and the construction, outermost first ("makeAgent()"). */
  factories: string[];
}

export interface FrequencyOptions {
  /** Names or `/regex/` strings of functions that run once at start-up. */
  startupFunctions: readonly string[];
}

const ARRAY_ITERATION_METHODS = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
const MAX_FACTORY_DEPTH = 8;

/** How the value of the construction travels while we walk up. */
/** `derived`: a value made from the construction by a method chain (`new Agent().compose(…)`): storing it keeps the construction, returning it does not make a factory. */
type Flow = 'value' | 'derived' | 'returned' | 'dropped';

export class FrequencyClassifier {
  private readonly startupMatchers: ((name: string) => boolean)[];
  private readonly roles: CallbackRoles;
  private scriptEntryCache: string | null | undefined;

  constructor(
    private readonly scopeManager: ScopeManagerLike,
    private readonly resolver: ModuleResolver,
    private readonly sourceText: string,
    options: FrequencyOptions,
    roles?: CallbackRoles,
  ) {
    this.startupMatchers = options.startupFunctions.map(toMatcher);
    this.roles = roles ?? new CallbackRoles(scopeManager, resolver, createCallbackApiTable(), undefined);
  }

  /**
   * The occurrences of a construction. With `followFactories`, a function that returns the
   * construction is a factory and its in-file calls are classified instead.
   */
  occurrences(node: Node, followFactories: boolean): Occurrence[] {
    return this.ascend(node, node, 'value', { followFactories, depth: 0, visiting: new Set(), perElement: followFactories });
  }

  /** Why the file runs as a program (its module-scope calls run once per process), or null. */
  private scriptEntry(): string | null {
    if (this.scriptEntryCache === undefined) {
      const program = this.scopeManager.globalScope?.block;
      this.scriptEntryCache = program?.type === 'Program' ? scriptEntryEvidence(program, this.scopeManager, this.sourceText) : null;
    }
    return this.scriptEntryCache;
  }

  /** How often the body of `fn` runs, ignoring what it returns. */
  bodyFrequency(fn: FunctionNode, context: Context): Frequency {
    const results = this.functionBoundary(fn.body, fn, 'dropped', { ...context, followFactories: false });
    return summarize(results.map((occurrence) => occurrence.frequency));
  }

  private ascend(start: Node, from: Node, initialFlow: Flow, context: Context): Occurrence[] {
    let child = from;
    let flow = initialFlow;
    for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
      if ((flow === 'value' || flow === 'derived') && this.storesIntoLongLivedStorage(child, parent, context)) {
        return [once(start, 'stored in long-lived storage (lazy singleton or cache)')];
      }
      const initialiser = flow === 'value' || flow === 'derived' ? this.initialisesSharedBinding(child, parent) : undefined;
      if (initialiser) return [once(start, initialiser)];
      const loop = repeatedPart(child, parent);
      if (loop) return this.loopBody(start, parent, context);
      if (isFunction(parent) && child !== parent.id) return this.functionBoundary(start, parent, flow, context, child);
      if (parent.type === 'PropertyDefinition' && child === parent.value) return this.classMember(start, parent, context);
      if (parent.type === 'StaticBlock') return [once(start, 'class static block')];
      const initialised = this.guardedInitialisation(child, parent, context);
      if (initialised) return [once(start, `built while initialising \`${displayText(this.sourceText, initialised, 40)}\` under a guard on it (lazy singleton)`)];
      flow = this.nextFlow(flow, child, parent);
    }
    return [once(start, 'module scope')];
  }

  private nextFlow(flow: Flow, child: Node, parent: Node): Flow {
    if (flow === 'derived') {
      if (parent.type === 'CallExpression' && parent.callee === child) return 'derived';
      if (parent.type === 'MemberExpression' && parent.object === child && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) return 'derived';
      const next = this.nextFlow('value', child, parent);
      return next === 'returned' ? 'dropped' : next === 'value' ? 'derived' : next;
    }
    if (flow !== 'value') return flow;
    // `new Agent().compose(…)`: a method called on the new value.
    if (parent.type === 'MemberExpression' && parent.object === child && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) return 'derived';
    if (isTransparentWrapper(parent)) return 'value';
    switch (parent.type) {
      case 'AwaitExpression':
      case 'ObjectExpression':
      case 'ArrayExpression':
      case 'LogicalExpression':
        return 'value';
      case 'ConditionalExpression':
        return child === parent.test ? 'dropped' : 'value';
      case 'SequenceExpression':
        return child === parent.expressions[parent.expressions.length - 1] ? 'value' : 'dropped';
      case 'Property':
        return child === parent.value ? 'value' : 'dropped';
      case 'ReturnStatement':
        return 'returned';
      case 'CallExpression':
        if (this.isResolveCall(parent, child) || this.roles.isValueRegistration(parent, child) || this.isSetOnReturnedValue(parent, child)) return 'returned';
        return parent.callee !== child && this.isWrappedForReturnedClosure(parent) ? 'returned' : 'dropped';
      case 'VariableDeclarator':
        return child === parent.init && parent.id.type === 'Identifier' && this.isReturnedLocal(parent.id) ? 'returned' : 'dropped';
      case 'AssignmentExpression':
        return child === parent.right && parent.left.type === 'Identifier' && this.isReturnedLocal(parent.left) ? 'returned' : 'dropped';
      default:
        return 'dropped';
    }
  }

  /**
   * Does the construction end up on the instance: `this.x = site`, `this.x = cond ? site : …`, or a
   * local that is assigned to `this.x` or handed to another construction that is (`this.http =
   * axios.create({ httpsAgent: agent })`)?
   */
  private isKeptOnInstance(start: Node): boolean {
    let node = start;
    for (;;) {
      const parent = node.parent;
      if (!parent) return false;
      if (isTransparentWrapper(parent) || parent.type === 'AwaitExpression' || parent.type === 'ConditionalExpression' || parent.type === 'LogicalExpression' || parent.type === 'ObjectExpression' || parent.type === 'ArrayExpression' || (parent.type === 'Property' && parent.value === node) || ((parent.type === 'NewExpression' || parent.type === 'CallExpression') && parent.callee !== node)) {
        node = parent;
        continue;
      }
      if (parent.type === 'AssignmentExpression' && parent.right === node) {
        const target = unwrap(parent.left);
        if (isThisMember(target)) return true;
        return target.type === 'Identifier' && this.localIsKeptOnInstance(target);
      }
      if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return this.localIsKeptOnInstance(parent.id);
      return false;
    }
  }

  private localIsKeptOnInstance(identifier: TSESTree.Identifier): boolean {
    const variable = resolveName(this.scopeManager, identifier, identifier.name);
    if (!variable || isModuleLevel(variable.scope)) return false;
    return readsOf(variable).some((reference) => this.isKeptOnInstance(reference.identifier as Node));
  }

  /**
   * `client.setAgent(new Agent())` where `client` is (a member of) a value the function returns
   * (`const client = strategy._oauth2; …; return strategy;`): a setter of the returned object keeps
   * the construction, so the function builds it for its callers, like a factory.
   */
  private isSetOnReturnedValue(call: TSESTree.CallExpression, argument: Node): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== 'MemberExpression' || !/^set[A-Z]/.test(memberPropertyName(callee) ?? '') || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return false;
    let root = unwrap(callee.object);
    for (let steps = 0; steps < 4; steps += 1) {
      while (root.type === 'MemberExpression') root = unwrap(root.object);
      if (root.type !== 'Identifier') return false;
      if (this.isReturnedLocal(root)) return true;
      // `const client = strategy._oauth2`: follow the local to what it reads.
      const init = this.initOf(root);
      if (!init || unwrap(init).type !== 'MemberExpression') return false;
      root = unwrap(init);
    }
    return false;
  }

  /**
   * `db = new MongoClient(url)` in a named function (not a callback, not a per-call API's handler),
   * where `db` is a module-level `let`/`var` that other functions of the module read or that the
   * module exports: the function initialises the module's shared client (a connect or init
   * helper); the client lives in the module binding, and calling the helper again replaces it on
   * purpose (new credentials, a reconnect). A function that replaces the binding and only uses it
   * itself is not an initialiser and stays per call.
   */
  private initialisesSharedBinding(child: Node, parent: Node): string | undefined {
    if (parent.type !== 'AssignmentExpression' || parent.operator !== '=' || parent.right !== child) return undefined;
    const target = unwrap(parent.left);
    if (target.type !== 'Identifier') return undefined;
    const variable = resolveName(this.scopeManager, target, target.name);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition || definition.type !== 'Variable' || !isModuleLevel(variable.scope)) return undefined;
    const declaration = definition.node.parent;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind === 'const') return undefined;
    const fn = nearestFunction(parent);
    if (!fn || !isFunction(fn) || fn.parent?.type === 'CallExpression' || fn.parent?.type === 'NewExpression') return undefined;
    if (this.roles.roleOf(fn)?.runs === 'per-call') return undefined;
    const name = fn.type !== 'ArrowFunctionExpression' && fn.id ? fn.id.name : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : undefined;
    if (!name) return undefined;
    const exported = declaration.parent?.type === 'ExportNamedDeclaration' || isExportedElsewhere(variable);
    const sharedRead = readsOf(variable).some((reference) => nearestFunction(reference.identifier as Node) !== fn);
    if (!exported && !sharedRead) return undefined;
    return `kept in the module binding \`${target.name}\`, which \`${name}\` initialises for the rest of the module`;
  }

  /** Is this local returned by its function (`const a = new Agent(); …; return a;`)? */
  private isReturnedLocal(identifier: TSESTree.Identifier, depth = 0): boolean {
    const variable = resolveName(this.scopeManager, identifier, identifier.name);
    if (!variable || isModuleLevel(variable.scope)) return false;
    return readsOf(variable).some((reference) => {
      let node: Node = reference.identifier as Node;
      while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression' || (node.parent.type === 'Property' && node.parent.value === node) || node.parent.type === 'ObjectExpression')) {
        node = node.parent;
      }
      const parent = node.parent;
      if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === node)) return true;
      if (this.isResolveCall(parent, node) || this.roles.isValueRegistration(parent, node)) return true;
      return this.isInReturnedClosure(reference.identifier as Node, variable.scope.variableScope.block, depth);
    });
  }

  /**
   * `const http = wrapper(axios.create({ jar })); return (url) => http.get(url);`: the wrapper's
   * result holds the instance and a returned closure keeps it. Only through a closure: a result
   * returned directly (`return await run(new Client())`) is more often data than the instance.
   */
  private isWrappedForReturnedClosure(call: TSESTree.CallExpression): boolean {
    let node: Node = call;
    while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression')) node = node.parent;
    const declarator = node.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier') return false;
    const variable = resolveName(this.scopeManager, declarator.id, declarator.id.name);
    if (!variable || isModuleLevel(variable.scope)) return false;
    return readsOf(variable).some((reference) => this.isInReturnedClosure(reference.identifier as Node, variable.scope.variableScope.block));
  }

  /** `const agent = new Agent(); return (url) => fetch(url, { dispatcher: agent });`: the closure keeps it. */
  private isInReturnedClosure(read: Node, owner: Node, depth = 0): boolean {
    const closure = nearestFunction(read);
    if (!closure || closure === owner || nearestFunction(closure) !== owner) return false;
    let node: Node = closure;
    while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'ObjectExpression' || node.parent.type === 'ArrayExpression' || (node.parent.type === 'Property' && node.parent.value === node))) node = node.parent;
    const parent = node.parent;
    // `const shutdown = async () => { client.quit(); }; return { app, shutdown };`: bound, then returned.
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' && depth < 3) return this.isReturnedLocal(parent.id, depth + 1);
    return parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === node && parent === owner);
  }

  /**
   * A loop body runs once per element when the loop itself runs once (module scope, a start-up
   * function) over a bounded set: `for…of`/`for…in` (not `for await`) or a `for` with a test.
   * `while` loops and loops in per-call code repeat per call.
   */
  private loopBody(start: Node, loop: Node, context: Context): Occurrence[] {
    const bounded = (loop.type === 'ForOfStatement' && !loop.await) || loop.type === 'ForInStatement' || (loop.type === 'ForStatement' && !!loop.test);
    const header = loop.type === 'ForOfStatement' || loop.type === 'ForInStatement' ? loop.left : loop.type === 'ForStatement' ? loop.init : null;
    if (bounded && header && context.perElement && this.argumentsRead(start, header) && context.depth < MAX_FACTORY_DEPTH) {
      const outer = summarize(this.ascend(loop, loop, 'dropped', { ...context, followFactories: false, depth: context.depth + 1 }).map((occurrence) => occurrence.frequency));
      if (outer.kind === 'once') return [once(start, 'once per element of a loop that runs once')];
    }
    return [perCall(start, 'on every iteration of a loop')];
  }

  /** Do the arguments of a construction (or factory call) read a variable declared in `declaration` (the loop's element)? */
  private argumentsRead(construction: Node, declaration: Node): boolean {
    if (construction.type !== 'NewExpression' && construction.type !== 'CallExpression') return false;
    let found = false;
    for (const argument of construction.arguments) {
      walk(argument, (node) => {
        if (found) return false;
        if (node.type === 'Identifier') {
          const definition = resolveName(this.scopeManager, node, node.name)?.defs[0];
          if (definition && contains(declaration, definition.name as Node)) found = true;
        }
        return !found;
      });
    }
    return found;
  }

  /** `function Client(o) { this.agent = …; }`, or a function some code calls with `new` or extends through `.prototype`. */
  private isConstructorFunction(fn: FunctionNode): ScopeVariable | null {
    if (fn.type === 'ArrowFunctionExpression' || fn.async || fn.generator) return null;
    const parent = fn.parent;
    const name = fn.type === 'FunctionDeclaration' && fn.id ? fn.id.name : parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier' ? parent.id.name : undefined;
    if (!name) return null;
    const variable = resolveName(this.scopeManager, parent ?? fn, name);
    if (!variable) return null;
    const usedAsConstructor = readsOf(variable).some((reference) => {
      const use = reference.identifier.parent;
      return (use?.type === 'NewExpression' && use.callee === reference.identifier) || (use?.type === 'MemberExpression' && use.object === reference.identifier && memberPropertyName(use) === 'prototype');
    });
    const assignsThis = fn.body.body.some((statement) => statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && isThisMember(unwrap(statement.expression.left)));
    return usedAsConstructor || assignsThis ? variable : null;
  }

  /** `resolve(value)` where `resolve` is the first parameter of a `new Promise` executor. */
  private isResolveCall(call: Node | undefined, argument: Node): boolean {
    if (call?.type !== 'CallExpression' || call.arguments[0] !== argument) return false;
    const callee = unwrap(call.callee);
    if (callee.type !== 'Identifier') return false;
    const variable = resolveName(this.scopeManager, callee, callee.name);
    const definition = variable?.defs[0];
    if (definition?.type !== 'Parameter' || !isFunction(definition.node as Node)) return false;
    const executor = definition.node as FunctionNode;
    return executor.params[0] === definition.name && executor.parent?.type === 'NewExpression' && this.isPromiseExecutor(executor.parent);
  }

  private isPromiseExecutor(construction: TSESTree.NewExpression): boolean {
    const callee = unwrap(construction.callee);
    return callee.type === 'Identifier' && callee.name === 'Promise' && isUndeclaredGlobal(resolveName(this.scopeManager, callee, 'Promise'));
  }

  // ---- lazy singletons and caches -------------------------------------------------------------

  private storesIntoLongLivedStorage(child: Node, parent: Node, context: Context): boolean {
    switch (parent.type) {
      case 'AssignmentExpression': {
        if (child !== parent.right) return false;
        if (parent.operator === '??=' || parent.operator === '||=') return this.isLongLived(parent.left, context);
        if (parent.operator !== '=') return false;
        const target = unwrap(parent.left);
        if (target.type === 'Identifier' && this.isLocal(target)) return this.localEndsInLongLivedStorage(target, context);
        if (!this.isLongLived(target, context)) return false;
        // `this.client = new Client()` in a method initialises the instance (in a constructor the
        // walk goes on, so that `new C()` per call is still found); other targets need a guard
        // (`if (!x) x = …`) to be a singleton rather than a replacement on every call.
        if (isThisMember(target)) return !isConstructorBody(parent);
        return guarded(parent, target, this.initOf);
      }
      case 'LogicalExpression':
        return (parent.operator === '??' || parent.operator === '||') && child === parent.right && this.isLongLived(parent.left, context);
      case 'CallExpression': {
        if (!isMapSet(parent, child)) return false;
        // `cache.set(k, new Pool())` is a cache only when guarded (`if (!cache.has(k))`);
        // unguarded it replaces the pool on every call.
        const map = (unwrap(parent.callee) as TSESTree.MemberExpression).object;
        return this.isLongLived(map, context) && guarded(parent, map, this.initOf);
      }
      case 'VariableDeclarator':
        return child === parent.init && parent.id.type === 'Identifier' && this.localEndsInLongLivedStorage(parent.id, context);
      default:
        return false;
    }
  }

  /**
   * A block that runs only until it has set long-lived storage: `if (!p) { const c = createClient();
   * …; p = c.connect().then(() => c); }`, or `if (p) return p; …; p = …;`. Whatever the construction
   * inside becomes, the block runs once (again only if the storage is cleared, as after a failed
   * connect). Returns the storage, or undefined.
   */
  private guardedInitialisation(child: Node, parent: Node, context: Context): Node | undefined {
    const assignedIn = (statements: readonly Node[], test: Node) => {
      for (const statement of statements) {
        if (statement.type !== 'ExpressionStatement') continue;
        let expression = unwrap(statement.expression);
        if (expression.type === 'AwaitExpression') expression = unwrap(expression.argument);
        if (expression.type !== 'AssignmentExpression' || !['=', '??=', '||='].includes(expression.operator)) continue;
        const target = unwrap(expression.left);
        if (target.type !== 'Identifier' && target.type !== 'MemberExpression') continue;
        if (target.type === 'Identifier' && this.isLocal(target)) continue;
        if (mentionsReference(test, target) && this.isLongLived(target, context)) return target;
      }
      return undefined;
    };
    if (parent.type === 'IfStatement' && child === parent.consequent) {
      return assignedIn(child.type === 'BlockStatement' ? child.body : [child], parent.test);
    }
    if (parent.type === 'BlockStatement') {
      const index = parent.body.indexOf(child as TSESTree.Statement);
      for (const earlier of parent.body.slice(0, Math.max(index, 0))) {
        if (earlier.type !== 'IfStatement' || !exits(earlier.consequent)) continue;
        const target = assignedIn(parent.body.slice(index), earlier.test);
        if (target) return target;
      }
    }
    return undefined;
  }

  /** `let a = cache.get(k); if (!a) { a = new Agent(); cache.set(k, a); }`: the local is stored for later calls. */
  private localEndsInLongLivedStorage(identifier: TSESTree.Identifier, context: Context): boolean {
    const variable = resolveName(this.scopeManager, identifier, identifier.name);
    if (!variable || isModuleLevel(variable.scope)) return false;
    return readsOf(variable).some((reference) => {
      let node: Node = reference.identifier as Node;
      while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
      const parent = node.parent;
      if (!parent) return false;
      // Stored for later calls, under a guard on the local or on the storage (`if (!a) { a = …;
      // cache.set(k, a) }`, `if (cache.has(k)) return …`); unguarded it is replaced every call.
      const isGuarded = (storage: Node) => guarded(parent, identifier, this.initOf) || guarded(parent, storage, this.initOf);
      if (parent.type === 'AssignmentExpression' && parent.right === node && parent.operator === '=') {
        // In a constructor the walk goes on to the class (see the direct form in storesIntoLongLivedStorage).
        if (isThisMember(unwrap(parent.left))) return !isConstructorBody(parent);
        return this.isLongLived(parent.left, context) && isGuarded(unwrap(parent.left));
      }
      if (parent.type !== 'CallExpression' || !isMapSet(parent, node)) return false;
      const map = (unwrap(parent.callee) as TSESTree.MemberExpression).object;
      return this.isLongLived(map, context) && isGuarded(map);
    });
  }

  /** The initialiser of a `const`/`let` local that is never assigned again. */
  private readonly initOf = (identifier: TSESTree.Identifier): Node | undefined => {
    const variable = resolveName(this.scopeManager, identifier, identifier.name);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.id !== definition.name) return undefined;
    if (variable!.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
    return definition.node.init ?? undefined;
  };

  private isLocal(identifier: TSESTree.Identifier): boolean {
    const variable = resolveName(this.scopeManager, identifier, identifier.name);
    return !!variable && !isModuleLevel(variable.scope) && variable.scope.variableScope.block === nearestFunction(identifier);
  }

  /** Storage that outlives one call: module variables, `this.*`, `globalThis.*`, static members. */
  private isLongLived(target: Node, context: Context): boolean {
    let root = unwrap(target);
    while (root.type === 'MemberExpression') root = unwrap(root.object);
    if (root.type === 'ThisExpression') return true;
    if (root.type !== 'Identifier') return false;
    const variable = resolveName(this.scopeManager, root, root.name);
    // `globalThis.x`, `global.x`, or an implicit global: all outlive the call.
    if (isUndeclaredGlobal(variable)) return true;
    if (isModuleLevel(variable!.scope)) return true;
    // `Registry.instance = …` inside class Registry: the class's own name is bound in the class
    // scope; its static members live as long as the class, a module-level class as long as the module.
    if (variable!.scope.type === 'class' && variable!.defs[0]?.type === 'ClassName' && variable!.scope.upper && isModuleLevel(variable!.scope.upper)) return true;
    // A closure variable lives as long as the function that declares it, so it is long-lived
    // when that outer function runs once.
    const owner = variable!.scope.variableScope.block;
    if (isFunction(owner) && contains(owner, target) && owner !== nearestFunction(target) && context.depth < MAX_FACTORY_DEPTH) {
      return this.bodyFrequency(owner, { ...context, depth: context.depth + 1 }).kind === 'once';
    }
    return false;
  }

  // ---- functions ------------------------------------------------------------------------------

  private functionBoundary(start: Node, fn: FunctionNode, flow: Flow, context: Context, child?: Node): Occurrence[] {
    const returned = flow === 'returned' || (fn.type === 'ArrowFunctionExpression' && fn.expression && child === fn.body && flow === 'value');
    const parent = fn.parent;

    // `(() => { … })()`: runs where the call is.
    if (parent?.type === 'CallExpression' && parent.callee === fn) {
      return this.ascend(start, parent, returned ? 'value' : 'dropped', context);
    }
    // Test suites and hooks (`describe` bodies, `before`, `beforeEach`, test bodies) run once per suite or test.
    const testCall = testCallbackOf(fn, this.resolver, this.scopeManager);
    if (testCall) return [once(start, testCallRunsOnce(testCall))];
    if (parent?.type === 'MethodDefinition' && parent.value === fn && parent.kind === 'constructor') return this.classMember(start, parent, context);
    // `new Promise((resolve) => …)`: the executor runs once, synchronously, where the promise is made.
    if (parent?.type === 'NewExpression' && parent.arguments[0] === fn && this.isPromiseExecutor(parent)) {
      return this.ascend(start, parent, returned ? 'value' : 'dropped', context);
    }

    // Handed to a known API (a route, a plugin, a memoizer…): it runs as that API says.
    const role = this.roles.roleOf(fn);
    if (role?.runs === 'once') return [once(start, role.evidence)];
    if (role?.runs === 'per-call') return [perCall(start, role.evidence)];
    if (role?.runs === 'as-caller' && role.call) {
      // `const beat = () => { …; setTimeout(beat, n); }`: a function that schedules itself runs again and again.
      if (context.visiting.has(fn)) return [perCall(start, `on every run of \`${this.nameOf(fn).display}\`, which schedules itself again`)];
      return this.ascend(start, role.call, 'dropped', { ...context, visiting: new Set([...context.visiting, fn]) });
    }

    // An ES5 constructor function runs once per `new F()`, like a class constructor.
    const constructorVariable = this.isConstructorFunction(fn);
    if (constructorVariable && !context.visiting.has(fn) && context.depth < MAX_FACTORY_DEPTH) {
      const inner = { ...context, followFactories: false, perElement: false, depth: context.depth + 1, visiting: new Set([...context.visiting, fn]) };
      for (const construction of newExpressionsOf(constructorVariable)) {
        const frequency = summarize(this.ascend(construction, construction, 'dropped', inner).map((occurrence) => occurrence.frequency));
        if (frequency.kind === 'per-call') return [perCall(start, `on every \`new ${constructorVariable.name}()\`, which runs ${frequency.where}`)];
      }
      return [once(start, 'constructor function (once per instance)')];
    }

    const iteration = iterationCallback(fn);
    if (iteration) {
      if (returned && this.collectionIsKept(iteration)) return [once(start, 'collection built once')];
      if (context.perElement && fn.params.some((parameter) => this.argumentsRead(start, parameter)) && context.depth < MAX_FACTORY_DEPTH) {
        const outer = summarize(this.ascend(iteration, iteration, 'dropped', { ...context, followFactories: false, depth: context.depth + 1 }).map((occurrence) => occurrence.frequency));
        if (outer.kind === 'once') return [once(start, 'once per element of an iteration that runs once')];
      }
      return [perCall(start, `on every element passed to \`.${memberPropertyName(iteration.callee as TSESTree.MemberExpression)}()\``)];
    }

    const naming = this.nameOf(fn);
    if (naming.name && this.startupMatchers.some((matches) => matches(naming.name!))) return [once(start, 'start-up function')];

    if (naming.kind === 'getter') return [perCall(start, `on every read of \`${naming.display}\``)];

    if (returned && context.followFactories && context.depth < MAX_FACTORY_DEPTH && !context.visiting.has(fn)) {
      // `exports.f = () => new X()`: exported without a binding of its own, so no in-file calls to follow.
      // `export default (config) => new Client(config)` likewise. Through the exports object
      // (`exports.f`, `module.exports.f`, `utils.f` after `const utils = module.exports`), follow its in-file calls.
      const exportedAs = naming.kind === 'function' && !naming.variable ? this.resolver.exportedMemberName(fn.parent) : null;
      const exportedOnly = naming.kind === 'function' && !naming.variable && (isExportsAssignment(fn.parent) || fn.parent?.type === 'ExportDefaultDeclaration');
      const calls = this.callsOf(fn, naming) ?? (exportedAs !== null ? { calls: this.resolver.exportsMemberCalls(exportedAs), all: false } : exportedOnly ? { calls: [], all: false } : null);
      if (calls) return this.factoryOccurrences(start, fn, calls, naming, context);
    }

    const loadTime = returned ? this.moduleLoadFactory(fn) : undefined;
    if (loadTime) return [once(start, loadTime)];

    // A script's entry point (`main(...process.argv.slice(2))`) may also be exported for its tests:
    // the export does not make it per call when the file runs as a program.
    const scriptEntry = naming.exported && naming.variable ? this.scriptEntry() : null;
    if (naming.variable && (!naming.exported || scriptEntry) && !context.visiting.has(fn) && context.depth < MAX_FACTORY_DEPTH) {
      const calls = this.callsOf(fn, naming);
      const onlyCalled = calls && (calls.all || (scriptEntry !== null && readsAreCallsOrExports(naming.variable, fn)));
      if (calls && onlyCalled && calls.calls.length > 0) {
        // The calls only run the function: once per element of a loop is about constructions that read the element.
        const inner = { ...context, followFactories: false, perElement: false, depth: context.depth + 1, visiting: new Set([...context.visiting, fn]) };
        const frequencies = calls.calls.map((call) => summarize(this.ascend(call, call, 'dropped', inner).map((o) => o.frequency)));
        if (frequencies.every((frequency) => frequency.kind === 'once')) {
          const reason = scriptEntry ? `\`${naming.display}\` is this script's entry point, called once at start-up (${scriptEntry})` : `\`${naming.display}\` is only called at start-up`;
          return [once(start, reason)];
        }
      }
    }
    return [perCall(start, naming.where)];
  }

  /**
   * `const prisma = remember('prisma', () => new PrismaClient())` at module level: the helper is
   * called once, while the module loads, so a zero-argument factory handed to it runs then, at
   * most once per module evaluation, unless the helper keeps the factory and what it returns calls
   * it again later (a getter). That is ruled out when the helper is written in this file and calls
   * the factory only while it runs, or, for a helper imported from a project file, when this file
   * never calls the constant (it holds the value, not a getter). Memoizers of packages are in the
   * callback API table; a factory taking arguments (a wrapped handler) is never taken for one.
   */
  private moduleLoadFactory(fn: FunctionNode): string | undefined {
    const call = fn.parent;
    if (fn.params.length > 0 || call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    let node: Node = call;
    while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression')) node = node.parent;
    const declarator = node.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node || declarator.id.type !== 'Identifier' || declarator.parent?.type !== 'VariableDeclaration' || declarator.parent.kind !== 'const') return undefined;
    const constant = resolveName(this.scopeManager, declarator, declarator.id.name);
    if (!constant || !isModuleLevel(constant.scope)) return undefined;
    const callee = unwrap(call.callee);
    const helper = callee.type === 'Identifier' ? this.localFunction(callee) : undefined;
    if (helper) {
      if (!callsParameterWhileRunning(helper, call.arguments.indexOf(fn as TSESTree.CallExpressionArgument), this.scopeManager)) return undefined;
    } else {
      const value = this.resolver.valueOf(callee);
      if (!value || !(value.module.startsWith('.') || value.module.startsWith('/'))) return undefined;
      const calledHere = readsOf(constant).some((reference) => {
        let read: Node = reference.identifier as Node;
        while (read.parent && isTransparentWrapper(read.parent)) read = read.parent;
        return read.parent?.type === 'CallExpression' && read.parent.callee === read;
      });
      if (calledHere) return undefined;
    }
    return `\`${displayText(this.sourceText, callee, 40)}()\` runs once, at module load, with this zero-argument factory, and its result is kept in \`${declarator.id.name}\``;
  }

  /** The function a name of this file is bound to (`function f() {}`, `const f = () => …`). */
  private localFunction(name: TSESTree.Identifier): FunctionNode | undefined {
    const variable = resolveName(this.scopeManager, name, name.name);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!definition) return undefined;
    const node = definition.type === 'FunctionName' ? (definition.node as Node) : definition.node.type === 'VariableDeclarator' ? definition.node.init : null;
    return node && isFunction(node) ? node : undefined;
  }

  private factoryOccurrences(start: Node, fn: FunctionNode, calls: Calls, naming: Naming, context: Context): Occurrence[] {
    const inner = { ...context, depth: context.depth + 1, visiting: new Set([...context.visiting, fn]) };
    const results: Occurrence[] = [];
    for (const call of calls.calls) {
      const display = `${displayText(this.sourceText, call.type === 'CallExpression' || call.type === 'NewExpression' ? call.callee : call, 40)}()`;
      const label = call.type === 'NewExpression' ? `new ${display}` : display;
      for (const occurrence of this.ascend(call, call, 'value', inner)) {
        results.push({ ...occurrence, factories: [...occurrence.factories, label] });
      }
    }
    if (naming.exported || !calls.all) {
      const builder: Builder = { kind: naming.kind === 'method' ? 'method' : 'function', name: naming.exportName ?? naming.name ?? naming.display, exported: naming.exported, node: fn };
      results.push({ node: start, frequency: { kind: 'unknown', reason: `\`${naming.display}\` is a factory used outside this file`, builder }, factories: [] });
    }
    return results;
  }

  /** In a constructor or field initialiser: once per instance; each per-call `new C()` in this file is a per-call occurrence. */
  private classMember(start: Node, member: TSESTree.PropertyDefinition | TSESTree.MethodDefinition, context: Context): Occurrence[] {
    const reason = member.type === 'MethodDefinition' ? 'class constructor' : 'class field initialiser';
    const classNode = member.parent?.parent;
    const requestScoped = !member.static && (classNode?.type === 'ClassDeclaration' || classNode?.type === 'ClassExpression') ? this.roles.requestScopedClass(classNode) : undefined;
    if (requestScoped) return [perCall(start, requestScoped)];
    const variable = !member.static && (classNode?.type === 'ClassDeclaration' || classNode?.type === 'ClassExpression') ? this.classVariable(classNode) : null;
    if (!classNode || !variable || context.depth >= MAX_FACTORY_DEPTH || context.visiting.has(classNode)) return [once(start, reason)];
    const inner = { ...context, depth: context.depth + 1, visiting: new Set([...context.visiting, classNode]) };

    // Only a construction the instance keeps (a field, `this.x = …`) makes the class a client
    // builder whose `new C()` per call is the problem. One the constructor merely uses (a request
    // with an inline agent) runs once per `new C()`: judge it there, at the construction itself.
    if (member.type !== 'PropertyDefinition' && !this.isKeptOnInstance(start)) {
      for (const construction of newExpressionsOf(variable)) {
        const frequency = summarize(this.ascend(construction, construction, 'dropped', { ...inner, followFactories: false, perElement: false }).map((occurrence) => occurrence.frequency));
        if (frequency.kind === 'per-call') return [perCall(start, `on every \`new ${variable.name}()\`, which runs ${frequency.where}`)];
      }
      return [once(start, reason)];
    }

    const exported = classNode.parent?.type === 'ExportNamedDeclaration' || classNode.parent?.type === 'ExportDefaultDeclaration' || isExportedElsewhere(variable);
    const builder: Builder = { kind: 'class', name: variable.name, exported, node: classNode };
    const result: Occurrence[] = [{ node: start, frequency: { kind: 'once', reason, builder }, factories: [] }];
    if (!context.followFactories) return result;
    for (const construction of newExpressionsOf(variable)) {
      for (const occurrence of this.ascend(construction, construction, 'value', inner)) {
        if (occurrence.frequency.kind === 'per-call') result.push({ ...occurrence, factories: [...occurrence.factories, `new ${variable.name}()`] });
      }
    }
    return result;
  }


  private classVariable(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ScopeVariable | null {
    if (classNode.type === 'ClassDeclaration' && classNode.id) return resolveName(this.scopeManager, classNode.parent ?? classNode, classNode.id.name);
    const parent = classNode.parent;
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return resolveName(this.scopeManager, parent, parent.id.name);
    return null;
  }

  private collectionIsKept(call: TSESTree.CallExpression): boolean {
    let node: Node = call;
    while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression' || (node.parent.type === 'CallExpression' || node.parent.type === 'NewExpression') && node.parent.arguments.includes(node as TSESTree.CallExpressionArgument))) {
      node = node.parent;
    }
    const parent = node.parent;
    if (parent?.type !== 'VariableDeclarator' || parent.init !== node || parent.id.type !== 'Identifier') return false;
    const variable = resolveName(this.scopeManager, parent, parent.id.name);
    return !!variable && isModuleLevel(variable.scope);
  }

  private callsOf(fn: FunctionNode, naming: Naming): Calls | null {
    if (naming.kind === 'method' && naming.classNode && naming.methodName) return methodCalls(naming.classNode, naming.methodName, naming.isStatic ?? false);
    if (!naming.variable) return null;
    const calls: Node[] = [];
    let all = true;
    for (const reference of readsOf(naming.variable)) {
      const identifier = reference.identifier as Node;
      if (contains(fn, identifier)) continue; // recursion inside the function itself
      let node = identifier;
      while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
      const parent = node.parent;
      if (parent?.type === 'CallExpression' && parent.callee === node) calls.push(parent);
      else all = false;
    }
    return { calls, all };
  }

  private nameOf(fn: FunctionNode): Naming {
    const parent = fn.parent;
    const exportParent = (node: Node | undefined) => node?.type === 'ExportNamedDeclaration' || node?.type === 'ExportDefaultDeclaration';
    if (fn.type === 'FunctionDeclaration' && fn.id) {
      const variable = resolveName(this.scopeManager, parent ?? fn, fn.id.name);
      const naming = this.named(fn.id.name, variable, exportParent(parent));
      return parent?.type === 'ExportDefaultDeclaration' ? { ...naming, exportName: 'default' } : naming;
    }
    if (parent?.type === 'ExportDefaultDeclaration') return { kind: 'function', display: 'default export', exportName: 'default', where: 'on every call of the default export', exported: true };
    if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') {
      const variable = resolveName(this.scopeManager, parent, parent.id.name);
      return this.named(parent.id.name, variable, exportParent(parent.parent?.parent));
    }
    if (parent?.type === 'AssignmentExpression' && parent.right === fn) {
      const left = unwrap(parent.left);
      if (left.type === 'Identifier') return this.named(left.name, resolveName(this.scopeManager, parent, left.name), false);
      if (left.type === 'MemberExpression' && isModuleExports(left)) {
        return { kind: 'function', name: 'module.exports', display: 'module.exports', exportName: 'default', where: 'on every call of the function exported as `module.exports`', exported: true };
      }
      if (left.type === 'MemberExpression') {
        const name = memberPropertyName(left) ?? 'function';
        return { kind: 'function', name, display: name, where: `on every call of \`${name}\``, exported: true };
      }
    }
    if (parent?.type === 'MethodDefinition' || (parent?.type === 'PropertyDefinition' && parent.value === fn)) {
      const classNode = parent.parent?.parent;
      const className = classNode && (classNode.type === 'ClassDeclaration' || classNode.type === 'ClassExpression') ? classDisplayName(classNode) : 'class';
      const methodName = propertyKeyName(parent) ?? '[computed]';
      const display = `${className}.${methodName}`;
      const isGetter = parent.type === 'MethodDefinition' && parent.kind === 'get';
      return {
        kind: isGetter ? 'getter' : 'method',
        name: methodName,
        display,
        where: `on every call of method \`${display}\``,
        exported: true,
        methodName,
        isStatic: parent.static,
        ...(classNode && (classNode.type === 'ClassDeclaration' || classNode.type === 'ClassExpression') ? { classNode } : {}),
      };
    }
    if (parent?.type === 'Property' && parent.value === fn) {
      const name = propertyKeyName(parent) ?? 'method';
      return { kind: parent.kind === 'get' ? 'getter' : 'function', name, display: name, where: `on every call of \`${name}\``, exported: true };
    }
    if (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') {
      const callee = displayText(this.sourceText, parent.callee, 40);
      return { kind: 'callback', display: callee, where: `on every call of the callback passed to \`${callee}()\``, exported: true };
    }
    return { kind: 'callback', display: 'function', where: 'on every call of the enclosing function', exported: true };
  }

  private named(name: string, variable: ScopeVariable | null, exportedByDeclaration: boolean): Naming {
    const exported = exportedByDeclaration || (!!variable && isExportedElsewhere(variable));
    return { kind: 'function', name, display: name, where: `on every call of \`${name}\``, exported, ...(variable ? { variable } : {}) };
  }
}

interface Context {
  followFactories: boolean;
  /** Constructions (not requests) built from a loop's element are once per element in a once-run loop. */
  perElement?: boolean;
  depth: number;
  visiting: Set<Node>;
}

interface Calls {
  calls: Node[];
  /** False when the function is also used in ways we cannot follow (passed as a value, exported). */
  all: boolean;
}

interface Naming {
  kind: 'function' | 'method' | 'getter' | 'callback';
  name?: string;
  display: string;
  where: string;
  exported: boolean;
  variable?: ScopeVariable;
  classNode?: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  methodName?: string;
  isStatic?: boolean;
  /** The name importers use when it differs from `name` (`default`). */
  exportName?: string;
}

function once(node: Node, reason: string): Occurrence {
  return { node, frequency: { kind: 'once', reason }, factories: [] };
}

function perCall(node: Node, where: string): Occurrence {
  return { node, frequency: { kind: 'per-call', where }, factories: [] };
}

/** per-call wins over unknown, which wins over once. */
export function summarize(frequencies: Frequency[]): Frequency {
  return (
    frequencies.find((frequency) => frequency.kind === 'per-call') ??
    frequencies.find((frequency) => frequency.kind === 'unknown') ??
    frequencies[0] ?? { kind: 'once', reason: 'never called' }
  );
}

/** Does `helper` call its parameter at `index` only in its own body (while it runs), never keeping it? */
function callsParameterWhileRunning(helper: FunctionNode, index: number, scopeManager: ScopeManagerLike): boolean {
  const parameter = helper.params[index];
  if (parameter?.type !== 'Identifier') return false;
  const variable = resolveName(scopeManager, helper.body, parameter.name);
  if (!variable) return false;
  const reads = readsOf(variable);
  return reads.length > 0 && reads.every((reference) => {
    const read = reference.identifier as Node;
    return read.parent?.type === 'CallExpression' && read.parent.callee === read && nearestFunction(read) === helper;
  });
}

/** Is `child` the part of a loop that runs on every iteration? */
function repeatedPart(child: Node, parent: Node): boolean {
  switch (parent.type) {
    case 'ForStatement':
      return child === parent.body || child === parent.test || child === parent.update;
    case 'ForInStatement':
    case 'ForOfStatement':
      return child === parent.body;
    case 'WhileStatement':
    case 'DoWhileStatement':
      return true;
    default:
      return false;
  }
}

function iterationCallback(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const parent = fn.parent;
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== fn) return undefined;
  const callee = unwrap(parent.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  return ARRAY_ITERATION_METHODS.has(memberPropertyName(callee) ?? '') ? parent : undefined;
}

/** The in-file `new C()` expressions of a class binding. */
function newExpressionsOf(variable: ScopeVariable): TSESTree.NewExpression[] {
  return readsOf(variable).flatMap((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === 'NewExpression' && parent.callee === reference.identifier ? [parent] : [];
  });
}

function isConstructorBody(node: Node): boolean {
  const fn = nearestFunction(node);
  return fn?.parent?.type === 'MethodDefinition' && fn.parent.kind === 'constructor';
}

function isThisMember(target: Node): boolean {
  return target.type === 'MemberExpression' && unwrap(target.object).type === 'ThisExpression';
}

function isMapSet(call: TSESTree.CallExpression, value: Node): boolean {
  const callee = unwrap(call.callee);
  return callee.type === 'MemberExpression' && memberPropertyName(callee) === 'set' && call.arguments[1] === value;
}

function nearestFunction(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/**
 * Is the assignment guarded by a test of its own target? `if (!x) x = …`, `if (x == null)`,
 * `if (!map.has(k))`, or an earlier `if (x) return x;` in the same block.
 */
function guarded(assignment: Node, target: Node, initOf?: (identifier: TSESTree.Identifier) => Node | undefined): boolean {
  const isTarget = (node: Node) => sameReference(node, target) || (target.type === 'MemberExpression' && sameReference(node, target.object));
  // `const cached = this.agents.get(key); if (cached !== undefined) return cached;`
  const readsTarget = (node: Node): boolean => {
    if (node.type !== 'Identifier' || !initOf) return false;
    let init = initOf(node);
    if (init?.type === 'AwaitExpression') init = init.argument;
    if (!init) return false;
    init = unwrap(init);
    if (init.type === 'CallExpression') init = unwrap(init.callee);
    return init.type === 'MemberExpression' && isTarget(init.object);
  };
  const mentions = (test: Node): boolean => {
    let found = false;
    walk(test, (node) => {
      if (found) return false;
      if (isTarget(node) || readsTarget(node)) found = true;
      return !found;
    });
    return found;
  };
  for (let child: Node = assignment, parent = assignment.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
    if (parent.type === 'IfStatement' && (parent.consequent === child || parent.alternate === child) && mentions(parent.test)) return true;
    if (parent.type === 'ConditionalExpression' && parent.test !== child && mentions(parent.test)) return true;
    if (parent.type === 'LogicalExpression' && parent.right === child && mentions(parent.left)) return true;
    if (parent.type === 'BlockStatement' || parent.type === 'Program') {
      const index = parent.body.indexOf(child as TSESTree.Statement);
      for (const earlier of parent.body.slice(0, Math.max(index, 0))) {
        if (earlier.type === 'IfStatement' && exits(earlier.consequent) && mentions(earlier.test)) return true;
      }
    }
  }
  return false;
}

function mentionsReference(root: Node, target: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (sameReference(node, target)) found = true;
    return !found;
  });
  return found;
}

function exits(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  return statement.type === 'BlockStatement' && statement.body.some((inner) => inner.type === 'ReturnStatement' || inner.type === 'ThrowStatement');
}

function methodCalls(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, methodName: string, isStatic: boolean): Calls {
  const calls: Node[] = [];
  const className = classNode.id?.name;
  walk(classNode.body, (node) => {
    if (node.type !== 'CallExpression') return;
    const callee = unwrap(node.callee);
    if (callee.type !== 'MemberExpression' || memberPropertyName(callee) !== methodName) return;
    const object = unwrap(callee.object);
    if (object.type === 'ThisExpression' || (isStatic && object.type === 'Identifier' && object.name === className)) calls.push(node);
  });
  // Methods are public: callers outside the class may exist, so the factory is never fully known.
  return { calls, all: false };
}

function classDisplayName(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string {
  if (classNode.id) return classNode.id.name;
  const parent = classNode.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return '(anonymous class)';
}

/** `exports.f = …`, `module.exports.f = …`, `module.exports = …`. */
function isExportsAssignment(node: Node | undefined): boolean {
  if (node?.type !== 'AssignmentExpression') return false;
  let root = unwrap(node.left);
  while (root.type === 'MemberExpression') root = unwrap(root.object);
  return root.type === 'Identifier' && (root.name === 'module' || root.name === 'exports');
}

function isModuleExports(node: TSESTree.MemberExpression): boolean {
  const object = unwrap(node.object);
  return memberPropertyName(node) === 'exports' && object.type === 'Identifier' && object.name === 'module';
}

/** `export { f }`, `module.exports = f`, `module.exports = { f }`, `exports.f = f`. */
function isExportedElsewhere(variable: ScopeVariable): boolean {
  return readsOf(variable).some((reference) => isExportReference(reference.identifier as Node));
}

function isExportReference(identifier: Node): boolean {
  let node = identifier;
  const parent = node.parent;
  if (parent?.type === 'ExportSpecifier' || parent?.type === 'ExportDefaultDeclaration') return true;
  if (parent?.type === 'Property' && parent.value === node) node = parent.parent ?? node;
  const assignment = node.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.right !== node) return false;
  let root = unwrap(assignment.left);
  while (root.type === 'MemberExpression') root = unwrap(root.object);
  return root.type === 'Identifier' && (root.name === 'module' || root.name === 'exports');
}

/** Is every read of the function's binding (outside its own body) a call of it or an export of it? */
function readsAreCallsOrExports(variable: ScopeVariable, fn: FunctionNode): boolean {
  return readsOf(variable).every((reference) => {
    let node = reference.identifier as Node;
    if (contains(fn, node)) return true;
    if (isExportReference(node)) return true;
    while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
    return node.parent?.type === 'CallExpression' && node.parent.callee === node;
  });
}

export function toMatcher(pattern: string): (name: string) => boolean {
  const regex = /^\/(.*)\/([a-z]*)$/.exec(pattern);
  if (regex) {
    const compiled = new RegExp(regex[1]!, regex[2]);
    return (name) => compiled.test(name);
  }
  return (name) => name === pattern;
}

