// Name resolution: which expressions stand for an export of which module. Everything starts from
// import/require bindings found by scope analysis and follows references, so a local class called
// `Agent` or a parameter called `axios` never matches, whatever its name.
import type { TSESTree } from '@typescript-eslint/types';
import { findProperty, memberPropertyName, stringLiteralValue, unwrap, isTransparentWrapper, walk, type Node, displayText } from './ast.js';
import { INSTANCE_SEGMENT, normalizeModule, type BuildsWhen, type Catalog, type CatalogEntry } from './catalog.js';
import { isUndeclaredGlobal, readsOf, resolveName, type ScopeManagerLike, type ScopeVariable } from './scope.js';

/** An export of a module, as a path below its default/namespace object (`['Agent']`, or `[]` for the default). */
export interface ModuleValue {
  module: string;
  path: readonly string[];
}

export type ConstructionNode = TSESTree.NewExpression | TSESTree.CallExpression;

/** A `new`/call of a catalog export: the unit both the rules and the codemod work on. */
export interface CatalogSite {
  node: ConstructionNode;
  entry: CatalogEntry;
  value: ModuleValue;
  /** How the construction reads in a message: "new https.Agent()", "axios.post()". */
  construct: string;
}

/** The entry for the unshadowed global `fetch`, whose options take a `dispatcher`. */
export const GLOBAL_FETCH_ENTRY: CatalogEntry = {
  module: '<global>',
  path: ['fetch'],
  via: 'call',
  kind: 'request',
  slots: ['dispatcher'],
  optionsArgument: 'last-object',
};

/** The value of `value.name`. */
export function member(value: ModuleValue, name: string): ModuleValue {
  // `require('axios').default`, `import * as http` + `http.default.Agent`: the default export of a
  // CommonJS module is the module object itself, so a leading `default` adds nothing.
  if (value.path.length === 0 && name === 'default') return value;
  return { module: value.module, path: [...value.path, name] };
}

/**
 * Resolves a binding imported from one of the project's own modules (`import { http } from
 * './client'` where client.ts has `export const http = axios`) to the catalog export it stands
 * for. Only type-aware linting can answer this; without it the binding stays unknown.
 */
export type ImportedBindingResolver = (localName: TSESTree.Identifier) => ModuleValue | null;

export class ModuleResolver {
  private readonly variableValues = new Map<ScopeVariable, ModuleValue | null>();
  private readonly inProgress = new Set<ScopeVariable>();

  constructor(
    private readonly scopeManager: ScopeManagerLike,
    private readonly catalog: Catalog,
    private readonly sourceText: string,
    private readonly resolveImportedBinding?: ImportedBindingResolver,
  ) {}

  /** The module export an expression evaluates to, or null when it is anything else. */
  valueOf(expression: Node): ModuleValue | null {
    const node = unwrap(expression);
    switch (node.type) {
      case 'Identifier': {
        const variable = resolveName(this.scopeManager, node, node.name);
        return variable && !isUndeclaredGlobal(variable) ? this.valueOfVariable(variable) : null;
      }
      case 'CallExpression':
        return this.requiredModule(node) ?? this.interopValue(node) ?? this.instanceOf(node);
      case 'SequenceExpression':
        // Babel's indirect call `(0, _axios.default)(config)`: the value of the last expression.
        return this.valueOf(node.expressions[node.expressions.length - 1]!);
      case 'NewExpression':
        return this.instanceOf(node);
      case 'ImportExpression': {
        const specifier = stringLiteralValue(node.source);
        return specifier ? { module: normalizeModule(specifier), path: [] } : null;
      }
      case 'AwaitExpression':
        return node.argument.type === 'ImportExpression' || node.argument.type === 'CallExpression' ? this.valueOf(node.argument) : null;
      case 'MemberExpression': {
        const name = memberPropertyName(node);
        const base = name ? this.valueOf(node.object) : null;
        return base && name ? member(base, name) : null;
      }
      default:
        return null;
    }
  }

  /**
   * What a `new`/call of a module export returns, as the path segment `()`: `new Kafka()` is
   * `kafkajs` `['Kafka', '()']`, so `kafka.producer()` can match a method-factory entry.
   */
  private instanceOf(node: TSESTree.CallExpression | TSESTree.NewExpression): ModuleValue | null {
    if (node.callee.type === 'Super') return null;
    const callee = this.valueOf(node.callee);
    return callee ? member(callee, INSTANCE_SEGMENT) : null;
  }

  /**
   * Compiled CommonJS wraps a require in an interop helper that returns the module (or a
   * `{ default: module }` object, which `member` reads the same): Babel's
   * `_interopRequireDefault(require('m'))`, TypeScript's `__importDefault`/`__importStar`, from
   * `@babel/runtime` or `tslib` (see INTEROP_HELPERS) or inlined by the compiler, which this
   * recognises by its `__esModule` test rather than by its name.
   */
  private interopValue(node: TSESTree.CallExpression): ModuleValue | null {
    const argument = node.arguments[0];
    if (node.arguments.length !== 1 || !argument || argument.type === 'SpreadElement') return null;
    const wrapped = unwrap(argument);
    if (wrapped.type !== 'CallExpression') return null;
    const required = this.requiredModule(wrapped);
    if (!required) return null;
    const helper = this.valueOf(node.callee);
    if (helper) return isInteropHelper(helper) ? required : null;
    return this.isInlineInteropHelper(unwrap(node.callee)) ? required : null;
  }

  /** A function of this file whose body tests `.__esModule`, called through its binding. */
  private isInlineInteropHelper(callee: Node): boolean {
    if (callee.type !== 'Identifier') return false;
    const variable = resolveName(this.scopeManager, callee, callee.name);
    if (!variable || isUndeclaredGlobal(variable) || variable.defs.length !== 1) return false;
    const definition = variable.defs[0]!;
    let fn: Node | null | undefined = definition.type === 'FunctionName' ? (definition.node as Node) : definition.node.type === 'VariableDeclarator' ? definition.node.init : null;
    // TypeScript: `var __importDefault = (this && this.__importDefault) || function (mod) {…}`.
    if (fn?.type === 'LogicalExpression' && fn.operator === '||') fn = fn.right;
    if (!fn || (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) return false;
    let testsEsModule = false;
    walk(fn.body, (inner) => {
      if (testsEsModule) return false;
      if (inner.type === 'MemberExpression' && memberPropertyName(inner) === '__esModule') testsEsModule = true;
      return !testsEsModule;
    });
    return testsEsModule;
  }

  /** `require('m')` with an unshadowed `require`. */
  requiredModule(node: TSESTree.CallExpression): ModuleValue | null {
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'require' || node.arguments.length !== 1) return null;
    const specifier = stringLiteralValue(node.arguments[0]);
    if (!specifier) return null;
    const variable = resolveName(this.scopeManager, node, 'require');
    return isUndeclaredGlobal(variable) ? { module: normalizeModule(specifier), path: [] } : null;
  }

  valueOfVariable(variable: ScopeVariable): ModuleValue | null {
    const known = this.variableValues.get(variable);
    if (known !== undefined) return known;
    if (this.inProgress.has(variable)) return null;
    this.inProgress.add(variable);
    const value = this.computeVariableValue(variable);
    this.inProgress.delete(variable);
    this.variableValues.set(variable, value);
    return value;
  }

  private computeVariableValue(variable: ScopeVariable): ModuleValue | null {
    if (variable.defs.length !== 1) return null;
    const definition = variable.defs[0]!;
    if (definition.type === 'ImportBinding') {
      const value = this.importedValue(definition.node);
      if (value && !this.catalog.hasModule(value.module) && this.resolveImportedBinding && definition.name.type === 'Identifier') {
        return this.resolveImportedBinding(definition.name) ?? value;
      }
      return value;
    }
    if (definition.type !== 'Variable' || definition.node.type !== 'VariableDeclarator') return null;
    const declarator = definition.node;
    if (!declarator.init) return null;
    // A binding that is assigned again later may hold anything.
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return null;
    const initial = this.valueOf(declarator.init);
    if (!initial) return null;
    const path = patternPath(declarator.id, definition.name);
    if (!path) return null;
    return path.reduce(member, initial);
  }

  private importedValue(node: Node): ModuleValue | null {
    if (node.type === 'TSImportEqualsDeclaration') {
      if (node.importKind === 'type' || node.moduleReference.type !== 'TSExternalModuleReference') return null;
      const specifier = stringLiteralValue(node.moduleReference.expression);
      return specifier ? { module: normalizeModule(specifier), path: [] } : null;
    }
    const declaration = node.parent;
    if (!declaration || declaration.type !== 'ImportDeclaration' || declaration.importKind === 'type') return null;
    const module = normalizeModule(declaration.source.value);
    switch (node.type) {
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return { module, path: [] };
      case 'ImportSpecifier': {
        if (node.importKind === 'type') return null;
        const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
        return member({ module, path: [] }, imported);
      }
      default:
        return null;
    }
  }

  /** Every construction of a catalog export in the file, found by following references. */
  findSites(): CatalogSite[] {
    const sites = new Map<Node, CatalogSite>();
    const visit = (start: Node, value: ModuleValue): void => {
      const site = this.siteAt(start, value);
      if (site && !sites.has(site.node)) sites.set(site.node, site);
    };
    for (const scope of this.scopeManager.scopes) {
      for (const variable of scope.variables) {
        if (variable.defs.length === 0) continue;
        const value = this.valueOfVariable(variable);
        if (!value || !this.catalog.hasModule(value.module)) continue;
        for (const reference of readsOf(variable)) visit(reference.identifier as Node, value);
      }
    }
    for (const reference of this.globalReferences('require')) {
      const call = reference.identifier.parent;
      if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) continue;
      const value = this.requiredModule(call);
      if (value && this.catalog.hasModule(value.module)) visit(call, value);
    }
    for (const reference of this.globalReferences('fetch')) {
      const identifier = reference.identifier as Node;
      const call = climbWrappers(identifier).parent;
      if (call?.type === 'CallExpression' && unwrap(call.callee) === identifier) {
        sites.set(call, { node: call, entry: GLOBAL_FETCH_ENTRY, value: { module: '<global>', path: ['fetch'] }, construct: 'fetch()' });
      }
    }
    return [...sites.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /**
   * `axios.defaults.*` and `axios.interceptors.*` on the default axios export: a new instance
   * would silently drop that configuration, so fixes must keep using the global axios.
   */
  findGlobalAxiosConfiguration(): Node[] {
    const found: Node[] = [];
    const check = (start: Node) => {
      let node = start;
      while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
      const parent = node.parent;
      if (parent?.type === 'MemberExpression' && parent.object === node) {
        const name = memberPropertyName(parent);
        if (name === 'defaults' || name === 'interceptors') found.push(parent);
      }
    };
    for (const scope of this.scopeManager.scopes) {
      for (const variable of scope.variables) {
        if (variable.defs.length === 0) continue;
        const value = this.valueOfVariable(variable);
        if (value?.module !== 'axios' || value.path.length !== 0) continue;
        for (const reference of readsOf(variable)) check(reference.identifier as Node);
      }
    }
    for (const reference of this.globalReferences('require')) {
      const call = reference.identifier.parent;
      if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) continue;
      const value = this.requiredModule(call);
      if (value?.module === 'axios') check(call);
    }
    return found;
  }

  /**
   * The exported name when `node` is an assignment to a member of the module's exports object:
   * `exports.f = …`, `module.exports.f = …`, or `utils.f = …` after `const utils = module.exports`.
   */
  exportedMemberName(node: Node | undefined): string | null {
    if (node?.type !== 'AssignmentExpression') return null;
    const left = unwrap(node.left);
    if (left.type !== 'MemberExpression' || !this.isModuleExports(left.object)) return null;
    return memberPropertyName(left) ?? null;
  }

  /** In-file calls of an export through the exports object: `exports.f()`, `module.exports.f()`, `utils.f()`. */
  exportsMemberCalls(name: string): TSESTree.CallExpression[] {
    const roots: Node[] = [];
    for (const reference of [...this.globalReferences('exports'), ...this.globalReferences('module')]) {
      const identifier = climbWrappers(reference.identifier as Node);
      roots.push(reference.identifier.name === 'module' && identifier.parent?.type === 'MemberExpression' && identifier.parent.object === identifier ? identifier.parent : identifier);
    }
    for (const scope of this.scopeManager.scopes) {
      for (const variable of scope.variables) {
        if (this.isExportsAlias(variable)) roots.push(...readsOf(variable).map((reference) => reference.identifier as Node));
      }
    }
    const calls: TSESTree.CallExpression[] = [];
    for (const root of roots) {
      if (!this.isModuleExports(root)) continue;
      const access = climbWrappers(root).parent;
      if (access?.type !== 'MemberExpression' || memberPropertyName(access) !== name) continue;
      const call = climbWrappers(access).parent;
      if (call?.type === 'CallExpression' && unwrap(call.callee) === access) calls.push(call);
    }
    return calls;
  }

  /** `exports`, `module.exports` (both unshadowed), or a constant bound to one of them. */
  private isModuleExports(expression: Node): boolean {
    const node = unwrap(expression);
    if (node.type === 'Identifier') {
      const variable = resolveName(this.scopeManager, node, node.name);
      if (!variable) return false;
      if (isUndeclaredGlobal(variable) || variable.defs.length === 0) return node.name === 'exports';
      return this.isExportsAlias(variable);
    }
    if (node.type !== 'MemberExpression' || memberPropertyName(node) !== 'exports') return false;
    const object = unwrap(node.object);
    if (object.type !== 'Identifier' || object.name !== 'module') return false;
    const variable = resolveName(this.scopeManager, object, 'module');
    return !variable || isUndeclaredGlobal(variable) || variable.defs.length === 0;
  }

  private isExportsAlias(variable: ScopeVariable): boolean {
    if (variable.defs.length !== 1) return false;
    const declarator = variable.defs[0]!.node;
    if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || !declarator.init) return false;
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
    const init = unwrap(declarator.init);
    return init.type !== 'Identifier' && this.isModuleExports(init);
  }

  /** References to a global that the file does not declare (`require`, `fetch`). */
  private globalReferences(name: string) {
    const global = this.scopeManager.globalScope;
    if (!global) return [];
    const declared = global.set.get(name);
    const references = global.through.filter((reference) => reference.identifier.name === name);
    if (declared && declared.defs.length === 0) references.push(...declared.references);
    return references;
  }

  /** From an expression holding `value`, follows `.member` accesses to a `new`/call of a catalog export. */
  private siteAt(start: Node, value: ModuleValue): CatalogSite | null {
    let node = start;
    let current = value;
    for (;;) {
      const parent = node.parent;
      if (!parent) return null;
      if (isTransparentWrapper(parent) || (parent.type === 'SequenceExpression' && parent.expressions[parent.expressions.length - 1] === node)) {
        node = parent;
        continue;
      }
      if (parent.type === 'MemberExpression' && parent.object === node) {
        const name = memberPropertyName(parent);
        if (!name) return null;
        current = member(current, name);
        node = parent;
        continue;
      }
      if ((parent.type === 'NewExpression' || parent.type === 'CallExpression') && parent.callee === node) {
        const via = parent.type === 'NewExpression' ? 'new' : 'call';
        const entry = this.catalog.match(current.module, current.path, via);
        if (!entry || (entry.builds && !buildsFor(entry.builds, parent))) {
          // Not a construction itself: follow what it returns (`new Kafka(config).producer()`).
          current = member(current, INSTANCE_SEGMENT);
          node = parent;
          continue;
        }
        const callee = displayText(this.sourceText, parent.callee, 40);
        // `new (require('https').Agent)()` needs its parentheses to mean the same thing.
        const newCallee = unwrap(parent.callee).type === 'MemberExpression' && callee.includes('(') ? `(${callee})` : callee;
        return { node: parent, entry, value: current, construct: via === 'new' ? `new ${newCallee}()` : `${callee}()` };
      }
      return null;
    }
  }
}

/**
 * Interop helpers of compilers' runtime packages: each returns the required module itself or an
 * object whose `default` is it (`@babel/runtime` 7 `helpers/interopRequire{Default,Wildcard}`,
 * also as `helpers/esm/…`; `tslib` 2 `__importDefault`/`__importStar`).
 */
const INTEROP_HELPERS: readonly ModuleValue[] = [
  ...['@babel/runtime', '@babel/runtime-corejs2', '@babel/runtime-corejs3'].flatMap((runtime) =>
    ['interopRequireDefault', 'interopRequireWildcard'].flatMap((name) => [
      { module: `${runtime}/helpers/${name}`, path: [] },
      { module: `${runtime}/helpers/esm/${name}`, path: [] },
    ]),
  ),
  { module: 'tslib', path: ['__importDefault'] },
  { module: 'tslib', path: ['__importStar'] },
];

function isInteropHelper(value: ModuleValue): boolean {
  return INTEROP_HELPERS.some((helper) => helper.module === value.module && helper.path.length === value.path.length && helper.path.every((segment, index) => segment === value.path[index]));
}

/** Does this call build a client, for an entry that builds one only for some arguments? */
function buildsFor(builds: BuildsWhen, call: ConstructionNode): boolean {
  const argument = call.arguments[builds.argument];
  if (!argument) return false;
  const value = unwrap(argument);
  switch (builds.when) {
    case 'string-or-connection':
      return isConnectionString(value) || (value.type === 'ObjectExpression' && !!findProperty(value, 'connection'));
  }
}

/** A string literal, a template, `process.env.X`, or one of them with a `??`/`||` default. */
function isConnectionString(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === 'TemplateLiteral' || (value.type === 'Literal' && typeof value.value === 'string')) return true;
  if (value.type === 'LogicalExpression') return isConnectionString(value.left) || isConnectionString(value.right);
  if (value.type !== 'MemberExpression') return false;
  const env = unwrap(value.object);
  return env.type === 'MemberExpression' && memberPropertyName(env) === 'env' && unwrap(env.object).type === 'Identifier' && (unwrap(env.object) as TSESTree.Identifier).name === 'process';
}

function climbWrappers(node: Node): Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

/**
 * The property path from a declarator's pattern to one bound name:
 * `const { Agent: A } = x` gives `['Agent']` for `A`; null for rest elements and computed keys.
 */
function patternPath(pattern: Node, target: Node): string[] | null {
  if (pattern === target) return [];
  if (pattern.type === 'AssignmentPattern') return patternPath(pattern.left, target);
  if (pattern.type !== 'ObjectPattern') return null;
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const key = property.computed ? stringLiteralValue(property.key) : property.key.type === 'Identifier' ? property.key.name : stringLiteralValue(property.key);
    if (!key) continue;
    const rest = patternPath(property.value, target);
    if (rest) return [key, ...rest];
  }
  return null;
}
