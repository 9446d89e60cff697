// Applies the callback API table (callback-apis.ts) to one file: is this function handed to a known
// API, directly or through its binding, and how often does that API run it? Receivers are resolved
// through imports, requires and the table's instance sources, and every answer is cached per file,
// so the frequency walk pays for this only at the function boundaries it reaches.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, isTransparentWrapper, memberPropertyName, propertyKeyName, stringLiteralValue, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { SUBCLASS_METHODS, VALUE_REGISTRATIONS, moduleMatches, renderEvidence, samePath, type ApiCallee, type CallbackApi, type CallbackApiTable, type Runs } from './callback-apis.js';
import type { ModuleResolver } from './resolve.js';
import { isUndeclaredGlobal, readsOf, resolveName, type ScopeManagerLike, type ScopeVariable } from './scope.js';

export interface CallbackRole {
  runs: Runs;
  /** Message text: "on every request of the route `GET /users`" or the reason it is once. */
  evidence: string;
  /** The registering call, for `as-caller` (the callback runs as often as this call). */
  call?: Node;
}

type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type Position = { index: number; property?: undefined } | { index: number; property: string };

const MAX_DEPTH = 12;
const NEXT_ROUTE_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const NEST_LIFECYCLE = new Set(['onModuleInit', 'onApplicationBootstrap']);

export class CallbackRoles {
  private readonly variableKinds = new Map<ScopeVariable, string | null>();
  private readonly roles = new Map<Node, CallbackRole | null>();
  private readonly onceWrappers = new Map<Node, boolean>();
  private readonly inProgress = new Set<Node | ScopeVariable>();
  private importsNest: boolean | undefined;
  private useServerFile: boolean | undefined;

  constructor(
    private readonly scopeManager: ScopeManagerLike,
    private readonly resolver: ModuleResolver,
    private readonly table: CallbackApiTable,
    private readonly filename: string | undefined,
  ) {}

  private get program(): TSESTree.Program {
    return (this.scopeManager.globalScope ?? this.scopeManager.scopes[0]!).block as TSESTree.Program;
  }

  /** How often `fn` runs because of what it is handed to or what it is, or undefined when nothing says. */
  roleOf(fn: FunctionNode): CallbackRole | undefined {
    const known = this.roles.get(fn);
    if (known !== undefined) return known ?? undefined;
    if (this.inProgress.has(fn)) return undefined;
    this.inProgress.add(fn);
    const role = this.shapeRole(fn) ?? this.roleAt(fn) ?? this.roleThroughBinding(fn);
    this.inProgress.delete(fn);
    this.roles.set(fn, role ?? null);
    return role;
  }

  /** NestJS `@Injectable({ scope: Scope.REQUEST })`: its constructor runs on every request. */
  requestScopedClass(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | undefined {
    for (const decorator of classNode.decorators ?? []) {
      const expression = unwrap(decorator.expression);
      if (expression.type !== 'CallExpression') continue;
      const value = this.resolver.valueOf(expression.callee);
      if (!value || !value.module.startsWith('@nestjs/')) continue;
      for (const argument of expression.arguments) {
        const object = unwrap(argument);
        if (object.type === 'ObjectExpression' && this.isRequestScope(object)) {
          return `on every request (the NestJS request-scoped provider \`${classNode.id?.name ?? 'class'}\`)`;
        }
      }
    }
    return undefined;
  }

  private isRequestScope(object: TSESTree.ObjectExpression): boolean {
    return object.properties.some((property) => {
      if (property.type !== 'Property' || propertyKeyName(property) !== 'scope') return false;
      const value = this.resolver.valueOf(property.value);
      return !!value && value.module.startsWith('@nestjs/') && value.path.join('.') === 'Scope.REQUEST';
    });
  }

  // ---- shapes that are not a call of an API ---------------------------------------------------

  private shapeRole(fn: FunctionNode): CallbackRole | undefined {
    const parent = fn.parent;
    // hapi plugins: `{ name | pkg, register(server) {…} }`.
    if (parent?.type === 'Property' && parent.value === fn && propertyKeyName(parent) === 'register') {
      const object = parent.parent;
      if (object?.type === 'ObjectExpression' && object.properties.some((p) => p.type === 'Property' && ['name', 'pkg'].includes(propertyKeyName(p) ?? ''))) {
        return { runs: 'once', evidence: 'hapi plugin `register` (runs at start-up)' };
      }
    }
    if (parent?.type === 'MethodDefinition' && parent.value === fn && !parent.static && NEST_LIFECYCLE.has(propertyKeyName(parent) ?? '') && this.fileImportsNest()) {
      return { runs: 'once', evidence: `NestJS \`${propertyKeyName(parent)}\` hook (runs at start-up)` };
    }
    if (parent?.type === 'MethodDefinition' && parent.value === fn && !parent.static && parent.kind === 'method') {
      const subclassRole = this.subclassMethodRole(parent);
      if (subclassRole) return subclassRole;
    }
    if (parent?.type === 'Property' && parent.value === fn && propertyKeyName(parent) === 'useFactory' && this.fileImportsNest()) {
      const object = parent.parent;
      if (object?.type === 'ObjectExpression' && object.properties.some((p) => p.type === 'Property' && propertyKeyName(p) === 'provide')) {
        return this.isRequestScope(object)
          ? { runs: 'per-call', evidence: 'on every request (the `useFactory` of a NestJS request-scoped provider)' }
          : { runs: 'once', evidence: 'NestJS provider `useFactory` (runs once)' };
      }
    }
    const exportedName = this.exportedFunctionName(fn);
    if (exportedName && this.filename && NEXT_ROUTE_METHODS.has(exportedName) && /(^|[\\/])app[\\/](.*[\\/])?route\.[cm]?[jt]sx?$/.test(this.filename)) {
      return { runs: 'per-call', evidence: `on every \`${exportedName}\` request of the Next.js route handler` };
    }
    if (exportedName && this.isUseServerFile()) return { runs: 'per-call', evidence: `on every call of the server action \`${exportedName}\`` };
    if (fn.body.type === 'BlockStatement' && hasDirective(fn.body.body, 'use server')) return { runs: 'per-call', evidence: 'on every call of the server action' };
    const typed = this.typedHandler(fn);
    if (typed) return typed;
    return undefined;
  }

  /** `class Sync extends Command { run() {…} }` with `Command` imported from a framework of SUBCLASS_METHODS. */
  private subclassMethodRole(method: TSESTree.MethodDefinition): CallbackRole | undefined {
    const classNode = method.parent?.parent;
    if ((classNode?.type !== 'ClassDeclaration' && classNode?.type !== 'ClassExpression') || !classNode.superClass) return undefined;
    const base = this.resolver.valueOf(classNode.superClass);
    const name = propertyKeyName(method);
    if (!base || !name) return undefined;
    const entry = SUBCLASS_METHODS.find((candidate) => candidate.base.module === base.module && samePath(candidate.base.path, base.path) && candidate.methods.includes(name));
    return entry ? { runs: entry.runs, evidence: entry.evidence.replace('{{method}}', name) } : undefined;
  }

  private fileImportsNest(): boolean {
    this.importsNest ??= this.program.body.some((statement) => statement.type === 'ImportDeclaration' && statement.source.value.startsWith('@nestjs/'));
    return this.importsNest;
  }

  private isUseServerFile(): boolean {
    this.useServerFile ??= hasDirective(this.program.body, 'use server');
    return this.useServerFile;
  }

  private exportedFunctionName(fn: FunctionNode): string | undefined {
    const parent = fn.parent;
    if (fn.type === 'FunctionDeclaration' && fn.id && parent?.type === 'ExportNamedDeclaration') return fn.id.name;
    if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier' && parent.parent?.parent?.type === 'ExportNamedDeclaration') return parent.id.name;
    return undefined;
  }

  /** `(event: SQSEvent) => …`, `const handler: Handler = …`, `createContext(opts: CreateExpressContextOptions)`. */
  private typedHandler(fn: FunctionNode): CallbackRole | undefined {
    const annotations: Node[] = [];
    const first = fn.params[0];
    if (first && 'typeAnnotation' in first && first.typeAnnotation) annotations.push(first.typeAnnotation.typeAnnotation);
    const parent = fn.parent;
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.id.typeAnnotation) annotations.push(parent.id.typeAnnotation.typeAnnotation);
    for (const annotation of annotations) {
      if (annotation.type !== 'TSTypeReference') continue;
      let name: Node = annotation.typeName;
      while (name.type === 'TSQualifiedName') name = name.left;
      if (name.type !== 'Identifier') continue;
      const variable = resolveName(this.scopeManager, name, name.name);
      const definition = variable?.defs[0];
      if (definition?.type !== 'ImportBinding') continue;
      const declaration = definition.node.parent;
      if (declaration?.type !== 'ImportDeclaration') continue;
      const module = declaration.source.value;
      if (module === 'aws-lambda') return { runs: 'per-call', evidence: 'on every invocation of the Lambda handler' };
      if (module.startsWith('@trpc/server') && /Context(Fn)?Options$/.test(definition.name.type === 'Identifier' ? importedName(definition.node) : '')) {
        return { runs: 'per-call', evidence: 'on every request, in the tRPC `createContext`' };
      }
    }
    return undefined;
  }

  // ---- functions handed to an API ------------------------------------------------------------

  /** `app.get('/x', handler)` where `handler` is this function's binding. */
  private roleThroughBinding(fn: FunctionNode): CallbackRole | undefined {
    const variable = bindingOf(fn, this.scopeManager);
    if (!variable) return undefined;
    let found: CallbackRole | undefined;
    for (const reference of readsOf(variable)) {
      const role = this.roleAt(reference.identifier as Node);
      if (role && (!found || rank(role.runs) > rank(found.runs))) found = role;
    }
    return found;
  }

  /** The role of a callback expression at its position: an argument, or a property of an options argument. */
  private roleAt(start: Node): CallbackRole | undefined {
    let node = start;
    while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
    const parent = node.parent;
    if (!parent) return undefined;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee !== node) {
      return this.matchCall(parent, { index: parent.arguments.indexOf(node as TSESTree.CallExpressionArgument) });
    }
    if (parent.type === 'Property' && parent.value === node && parent.parent?.type === 'ObjectExpression') {
      const key = propertyKeyName(parent);
      let object: Node = parent.parent;
      while (object.parent && isTransparentWrapper(object.parent)) object = object.parent;
      const call = object.parent;
      if (key && (call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.callee !== object) {
        return this.matchCall(call, { index: call.arguments.indexOf(object as TSESTree.CallExpressionArgument), property: key });
      }
    }
    return undefined;
  }

  private matchCall(call: Call, position: Position): CallbackRole | undefined {
    const via = call.type === 'NewExpression' ? 'new' : 'call';
    const callee = unwrap(call.callee);
    const candidates: CallbackApi[] = [];
    let method: string | undefined;
    const value = this.resolver.valueOf(callee);
    if (value) candidates.push(...this.table.apis.filter((api) => 'module' in api.callee && moduleMatches(api.callee.module, value.module) && samePath(api.callee.path, value.path)));
    const global = globalPath(callee, this.scopeManager);
    if (global) candidates.push(...this.table.apis.filter((api) => 'global' in api.callee && samePath(api.callee.global, global)));
    if (callee.type === 'MemberExpression') {
      method = memberPropertyName(callee);
      const kind = method ? this.instanceOf(callee.object, 0) : null;
      if (kind) candidates.push(...this.table.apis.filter((api) => 'instance' in api.callee && api.callee.instance === kind && api.callee.methods.includes(method!)));
    } else if (callee.type === 'Identifier' && !value && this.isOnceWrapperCall(callee)) {
      return { runs: 'once', evidence: `wrapped in \`${callee.name}\` (a once/memoize wrapper in this file)` };
    }
    for (const api of candidates) {
      if ((api.via ?? 'call') !== via || !positionMatches(api, position)) continue;
      if (api.onlySingleton && !isSingletonRegistration(call, this.resolver)) continue;
      const values = {
        arg0: stringLiteralValue(call.arguments[0] && unwrap(call.arguments[0])),
        method,
        METHOD: method?.toUpperCase(),
        key: propertyKeyOf(call),
      };
      return { runs: api.runs, evidence: renderEvidence(api.evidence, values), call };
    }
    return undefined;
  }

  /** Is `argument` handed to a call that keeps it (awilix `asValue(x)`, inversify `toConstantValue(x)`)? */
  isValueRegistration(call: Node | undefined, argument: Node): boolean {
    if (call?.type !== 'CallExpression') return false;
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    if (index < 0) return false;
    const callee = unwrap(call.callee);
    return VALUE_REGISTRATIONS.some((registration) => registration.argument === index && this.calleeIs(callee, registration.callee));
  }

  private calleeIs(callee: Node, target: ApiCallee): boolean {
    if ('module' in target) {
      const value = this.resolver.valueOf(callee);
      return !!value && moduleMatches(target.module, value.module) && samePath(target.path, value.path);
    }
    if ('global' in target) {
      const path = globalPath(callee, this.scopeManager);
      return !!path && samePath(target.global, path);
    }
    if (callee.type !== 'MemberExpression') return false;
    const method = memberPropertyName(callee);
    return !!method && target.methods.includes(method) && this.instanceOf(callee.object, 0) === target.instance;
  }

  // ---- instance kinds -------------------------------------------------------------------------

  /** The instance kind an expression evaluates to (`express.app`), or null. */
  instanceOf(expression: Node, depth: number): string | null {
    if (depth > MAX_DEPTH) return null;
    const node = unwrap(expression);
    switch (node.type) {
      case 'AwaitExpression':
        return this.instanceOf(node.argument, depth + 1);
      case 'Identifier': {
        const variable = resolveName(this.scopeManager, node, node.name);
        if (isUndeclaredGlobal(variable)) return this.fromSources((from, via) => 'global' in from && via === 'read' && samePath(from.global, [node.name]));
        return this.kindOfVariable(variable!, depth);
      }
      case 'MemberExpression': {
        const name = memberPropertyName(node);
        if (!name) return null;
        const viaModule = this.moduleKind(node, 'read');
        if (viaModule) return viaModule;
        const base = this.instanceOf(node.object, depth + 1);
        return base ? this.memberKind(base, name, 'read') : null;
      }
      case 'CallExpression':
      case 'NewExpression': {
        const via = node.type === 'NewExpression' ? 'new' : 'call';
        const callee = unwrap(node.callee);
        const viaModule = this.moduleKind(callee, via);
        if (viaModule) return viaModule;
        if (callee.type !== 'MemberExpression') return null;
        const name = memberPropertyName(callee);
        const base = name ? this.instanceOf(callee.object, depth + 1) : null;
        return base && name ? this.memberKind(base, name, via) : null;
      }
      default:
        return null;
    }
  }

  private kindOfVariable(variable: ScopeVariable, depth: number): string | null {
    const known = this.variableKinds.get(variable);
    if (known !== undefined) return known;
    if (this.inProgress.has(variable)) return null;
    this.inProgress.add(variable);
    const kind = this.computeVariableKind(variable, depth);
    this.inProgress.delete(variable);
    this.variableKinds.set(variable, kind);
    return kind;
  }

  private computeVariableKind(variable: ScopeVariable, depth: number): string | null {
    if (variable.defs.length !== 1) return null;
    const definition = variable.defs[0]!;
    if (definition.type === 'ImportBinding') return this.moduleKind(definition.name as Node, 'read');
    if (definition.type === 'Parameter') return this.parameterKind(definition.node as Node, definition.name as Node);
    if (definition.type !== 'Variable' || definition.node.type !== 'VariableDeclarator' || definition.node.id !== definition.name || !definition.node.init) return null;
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
    return this.instanceOf(definition.node.init, depth + 1);
  }

  private parameterKind(fnNode: Node, name: Node): string | null {
    if (!isFunction(fnNode)) return null;
    const index = fnNode.params.indexOf(name as TSESTree.Parameter);
    if (index < 0) return null;
    if (isModuleFunction(fnNode)) {
      const kind = this.fromSources((from) => 'moduleFunctionParameter' in from && from.moduleFunctionParameter === index);
      if (kind) return kind;
    }
    return this.apiOfRole(fnNode)?.parameters?.[index] ?? null;
  }

  /** The table entry a function is handed to (for its parameters' kinds). */
  private apiOfRole(fn: Node): CallbackApi | undefined {
    let node = fn;
    while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
    const call = node.parent;
    if (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') return undefined;
    const callee = unwrap(call.callee);
    const value = this.resolver.valueOf(callee);
    const method = callee.type === 'MemberExpression' ? memberPropertyName(callee) : undefined;
    const kind = callee.type === 'MemberExpression' && method ? this.instanceOf(callee.object, 1) : null;
    return this.table.apis.find(
      (api) =>
        !!api.parameters &&
        (('module' in api.callee && !!value && moduleMatches(api.callee.module, value.module) && samePath(api.callee.path, value.path)) ||
          ('instance' in api.callee && api.callee.instance === kind && api.callee.methods.includes(method!))),
    );
  }

  private moduleKind(expression: Node, via: 'call' | 'new' | 'read'): string | null {
    const value = this.resolver.valueOf(expression);
    if (!value) return null;
    return this.fromSources((from, sourceVia) => 'module' in from && viaMatches(sourceVia, via) && moduleMatches(from.module, value.module) && samePath(from.path, value.path));
  }

  private memberKind(base: string, name: string, via: 'call' | 'new' | 'read'): string | null {
    return this.fromSources((from, sourceVia) => 'instance' in from && from.instance === base && viaMatches(sourceVia, via) && (from.member === '*' || from.member.includes(name)));
  }

  private fromSources(test: (from: (typeof this.table.sources)[number]['from'], via: (typeof this.table.sources)[number]['via']) => boolean): string | null {
    return this.table.sources.find((source) => test(source.from, source.via))?.kind ?? null;
  }

  // ---- once wrappers written in the file ------------------------------------------------------

  /**
   * `once(fn)` where `once` is a function of this file whose returned closure calls its parameter
   * only under a test of state the wrapper keeps (`if (!called) { called = true; value = fn(); }`,
   * `cache ??= fn()`, `if (!map.has(k)) map.set(k, fn(k))`).
   */
  private isOnceWrapperCall(callee: TSESTree.Identifier): boolean {
    const variable = resolveName(this.scopeManager, callee, callee.name);
    const definition = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || !definition) return false;
    const wrapper = definition.type === 'FunctionName' ? (definition.node as Node) : definition.node.type === 'VariableDeclarator' ? definition.node.init : null;
    if (!wrapper || !isFunction(wrapper)) return false;
    const known = this.onceWrappers.get(wrapper);
    if (known !== undefined) return known;
    const result = this.computeOnceWrapper(wrapper);
    this.onceWrappers.set(wrapper, result);
    return result;
  }

  private computeOnceWrapper(wrapper: FunctionNode): boolean {
    const parameter = wrapper.params[0];
    if (parameter?.type !== 'Identifier') return false;
    const variable = resolveName(this.scopeManager, wrapper.body, parameter.name);
    if (!variable) return false;
    const isWrapperState = (node: Node): boolean => {
      if (node.type !== 'Identifier' || node.name === parameter.name) return false;
      const state = resolveName(this.scopeManager, node, node.name);
      return !!state && state.scope.block === wrapper;
    };
    const mentionsState = (test: Node): boolean => {
      let found = false;
      walk(test, (inner) => {
        if (found) return false;
        if (isWrapperState(inner)) found = true;
        return !found;
      });
      return found;
    };
    return readsOf(variable).some((reference) => {
      let node: Node = reference.identifier as Node;
      if (node.parent?.type === 'MemberExpression' && node.parent.object === node && ['apply', 'call'].includes(memberPropertyName(node.parent) ?? '')) node = node.parent;
      const call = node.parent;
      if (call?.type !== 'CallExpression' || call.callee !== node) return false;
      let guardedByState = false;
      let child: Node = call;
      let parent: Node | undefined = call.parent;
      for (; parent && !isFunction(parent); child = parent, parent = parent.parent) {
        if (parent.type === 'IfStatement' && parent.test !== child && mentionsState(parent.test)) guardedByState = true;
        if (parent.type === 'ConditionalExpression' && parent.test !== child && mentionsState(parent.test)) guardedByState = true;
        if (parent.type === 'LogicalExpression' && parent.right === child && mentionsState(parent.left)) guardedByState = true;
        if (parent.type === 'AssignmentExpression' && (parent.operator === '??=' || parent.operator === '||=') && parent.right === child && mentionsState(parent.left)) guardedByState = true;
        if (parent.type === 'BlockStatement') {
          const index = parent.body.indexOf(child as TSESTree.Statement);
          if (parent.body.slice(0, Math.max(index, 0)).some((earlier) => earlier.type === 'IfStatement' && exits(earlier.consequent) && mentionsState(earlier.test))) guardedByState = true;
        }
      }
      // The guarded call must sit in a closure the wrapper itself creates.
      return guardedByState && !!parent && parent !== wrapper && nearestFunctionOf(parent) === wrapper;
    });
  }
}

function rank(runs: Runs): number {
  return runs === 'per-call' ? 2 : runs === 'as-caller' ? 1 : 0;
}

function viaMatches(sourceVia: 'call' | 'new' | 'new-or-call' | 'read', via: 'call' | 'new' | 'read'): boolean {
  return sourceVia === via || (sourceVia === 'new-or-call' && via !== 'read');
}

function positionMatches(api: CallbackApi, position: Position): boolean {
  const callback = api.callback ?? 'functions';
  if (callback === 'functions') return position.property === undefined && position.index >= 0;
  if (typeof callback === 'number') return position.property === undefined && position.index === callback;
  return position.property !== undefined && callback.properties.includes(position.property);
}

/** awilix `asFunction(f).singleton()` / `{ lifetime: Lifetime.SINGLETON }`; inversify `.inSingletonScope()`. */
function isSingletonRegistration(call: Call, resolver: ModuleResolver): boolean {
  for (const argument of call.arguments) {
    const object = unwrap(argument);
    if (object.type !== 'ObjectExpression') continue;
    for (const property of object.properties) {
      if (property.type !== 'Property' || propertyKeyName(property) !== 'lifetime') continue;
      const value = unwrap(property.value);
      if (stringLiteralValue(value) === 'SINGLETON') return true;
      const resolved = resolver.valueOf(value);
      if (resolved?.path.join('.') === 'Lifetime.SINGLETON') return true;
    }
  }
  let node: Node = call;
  for (let steps = 0; steps < 4; steps += 1) {
    const member: Node | undefined = node.parent;
    if (member?.type !== 'MemberExpression' || member.object !== node) return false;
    const name = memberPropertyName(member);
    if (name === 'singleton' || name === 'inSingletonScope') return true;
    const next: Node | undefined = member.parent;
    if (next?.type !== 'CallExpression' || next.callee !== member) return false;
    node = next;
  }
  return false;
}

/** `process.on` → ['process', 'on'] when `process` is an undeclared global. */
function globalPath(callee: Node, scopeManager: ScopeManagerLike): string[] | null {
  const path: string[] = [];
  let node = callee;
  while (node.type === 'MemberExpression') {
    const name = memberPropertyName(node);
    if (!name) return null;
    path.unshift(name);
    node = unwrap(node.object);
  }
  if (node.type !== 'Identifier') return null;
  const variable = resolveName(scopeManager, node, node.name);
  if (!isUndeclaredGlobal(variable)) return null;
  return [node.name, ...path];
}

/** `getUser: procedure.query(…)`: the property a call (through method chains) is the value of. */
function propertyKeyOf(call: Node): string | undefined {
  let node = call;
  while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression')) node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'Property' && parent.value === node) return propertyKeyName(parent);
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return parent.id.name;
  return undefined;
}

function bindingOf(fn: FunctionNode, scopeManager: ScopeManagerLike): ScopeVariable | null {
  if (fn.type === 'FunctionDeclaration' && fn.id) return resolveName(scopeManager, fn.parent ?? fn, fn.id.name);
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') return resolveName(scopeManager, parent, parent.id.name);
  return null;
}

/** `module.exports = function (RED) {…}` or `export default function (RED) {…}`. */
function isModuleFunction(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type === 'ExportDefaultDeclaration') return true;
  if (parent?.type !== 'AssignmentExpression' || parent.right !== fn) return false;
  const left = unwrap(parent.left);
  return left.type === 'MemberExpression' && memberPropertyName(left) === 'exports' && unwrap(left.object).type === 'Identifier' && (unwrap(left.object) as TSESTree.Identifier).name === 'module';
}

function nearestFunctionOf(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

function exits(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  return statement.type === 'BlockStatement' && statement.body.some((inner) => inner.type === 'ReturnStatement' || inner.type === 'ThrowStatement');
}

function hasDirective(body: readonly Node[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'Literal') return false;
    if (statement.expression.value === directive) return true;
  }
  return false;
}

function importedName(specifier: Node): string {
  if (specifier.type === 'ImportSpecifier') return specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
  return '';
}

