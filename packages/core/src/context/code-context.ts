// Where a piece of code runs: on a server (the default), in a test, in a browser, or at build time.
// The file decides first (test globs and framework use, `"use client"`, Next.js pages), then the
// functions around the code (React components and hooks and everything inside them, Next.js data
// functions, `"use server"` actions). Only server code is reported by default: Node agents cannot
// be in a browser bundle, build-time code runs once per build, and tests are linted on request.
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, propertyKeyName, memberPropertyName, unwrap, walk, type FunctionNode, type Node } from '../ast.js';
import type { ModuleResolver } from '../resolve.js';
import type { ScopeManagerLike } from '../scope.js';
import { browserAppPackageReason } from './browser-app.js';
import { matchesAnyGlob } from './glob.js';
import {
  FILE_DIRECTIVES,
  NEXT_API_GLOBS,
  NEXT_APP_GLOBS,
  NEXT_DATA_FUNCTIONS,
  NEXT_PAGE_GLOBS,
  NODE_ONLY_PACKAGES,
  REACT_COMPONENT_NAME,
  REACT_COMPONENT_WRAPPERS,
  REACT_HOOK_NAME,
  REACT_MODULES,
  TEST_FILE_GLOBS,
  type CodeContextKind,
} from './tables.js';
import { usesTestFramework } from './test-framework.js';

export interface CodeContext {
  kind: CodeContextKind;
  /** The evidence, for people: "file matches `**\/*.test.*`", "inside React component `TodoList`". */
  reason: string;
}

export interface FileLocation {
  /** The file's absolute path. */
  filename?: string | undefined;
  /** The directory the file globs are relative to (ESLint's working directory, the codemod's). */
  cwd?: string | undefined;
}

const SERVER: CodeContext = { kind: 'server', reason: 'server code' };

/** The path below `cwd` with `/` separators, or undefined when the file is not inside it. */
export function projectRelativePath({ filename, cwd }: FileLocation): string | undefined {
  if (!filename || !cwd) return undefined;
  const relative = path.relative(cwd, path.resolve(cwd, filename));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** Does a file path (relative to the project root) match a test glob? The first glob that matches. */
export function testGlobOf(relativePath: string): string | undefined {
  return TEST_FILE_GLOBS.find((glob) => matchesAnyGlob(relativePath, [glob]));
}

export class CodeContexts {
  private readonly relativePath: string | undefined;
  private readonly filename: string | undefined;
  private fileContext: CodeContext | undefined;
  private reactFile: boolean | undefined;
  private renderedNames: Set<string> | undefined;
  private readonly byFunction = new Map<Node, CodeContext | null>();

  constructor(
    private readonly ast: TSESTree.Program,
    private readonly scopeManager: ScopeManagerLike,
    private readonly resolver: ModuleResolver,
    location: FileLocation,
  ) {
    this.relativePath = projectRelativePath(location);
    this.filename = location.filename;
  }

  /** The context of the whole file, before looking at functions. */
  get file(): CodeContext {
    this.fileContext ??= this.judgeFile();
    return this.fileContext;
  }

  /** Where the code at `node` runs. */
  of(node: Node): CodeContext {
    const file = this.file;
    if (file.kind === 'test') return file;
    for (let current = node.parent; current; current = current.parent) {
      if (!isFunction(current)) continue;
      const own = this.functionContext(current);
      if (own) return own;
    }
    if (this.isNextPage()) return { kind: 'browser', reason: 'Next.js page (rendered in the browser)' };
    return file;
  }

  private judgeFile(): CodeContext {
    if (this.relativePath) {
      const glob = testGlobOf(this.relativePath);
      if (glob) return { kind: 'test', reason: `test file (matches \`${glob}\`)` };
    }
    if (usesTestFramework(this.ast, this.resolver, this.scopeManager)) return { kind: 'test', reason: 'test file (uses a test framework)' };
    const directive = fileDirective(this.ast.body);
    if (directive) return { kind: FILE_DIRECTIVES[directive]!, reason: `\`"${directive}"\` file` };
    const browserApp = this.filename ? browserAppPackageReason(this.filename) : undefined;
    if (browserApp) return { kind: 'browser', reason: browserApp };
    return SERVER;
  }

  /** A function that decides the context of everything inside it, or null. */
  private functionContext(fn: FunctionNode): CodeContext | null {
    if (this.byFunction.has(fn)) return this.byFunction.get(fn)!;
    const result = this.judgeFunction(fn);
    this.byFunction.set(fn, result);
    return result;
  }

  private judgeFunction(fn: FunctionNode): CodeContext | null {
    if (fn.body.type === 'BlockStatement' && fileDirective(fn.body.body) === 'use server') return { kind: 'server', reason: '`"use server"` action' };
    const naming = functionName(fn, this.resolver);
    if (!naming) return null;
    const data = Object.hasOwn(NEXT_DATA_FUNCTIONS, naming.name) ? NEXT_DATA_FUNCTIONS[naming.name] : undefined;
    if (data && naming.exported && this.inRouter(data.router)) return { kind: data.context, reason: `Next.js \`${naming.name}\` (runs ${data.when})` };
    if (REACT_HOOK_NAME.test(naming.name) && this.isReactFile()) return { kind: 'browser', reason: `inside React hook \`${naming.name}\`` };
    // An async component can only be a React Server Component, which runs on the server per request.
    if (REACT_COMPONENT_NAME.test(naming.name) && !fn.async && this.isReactFile() && (naming.wrapped || returnsJsx(fn) || this.isRendered(naming.name))) {
      return { kind: 'browser', reason: `inside React component \`${naming.name}\`` };
    }
    return null;
  }

  private inRouter(router: 'pages' | 'app'): boolean {
    if (!this.relativePath) return false;
    return router === 'pages' ? this.isPagesFile() : matchesAnyGlob(this.relativePath, NEXT_APP_GLOBS);
  }

  private isPagesFile(): boolean {
    return !!this.relativePath && matchesAnyGlob(this.relativePath, NEXT_PAGE_GLOBS) && !matchesAnyGlob(this.relativePath, NEXT_API_GLOBS);
  }

  /** A Next.js page module: under `pages/` (not `pages/api/`), with the default export Next renders. */
  private isNextPage(): boolean {
    return this.isPagesFile() && this.ast.body.some((statement) => statement.type === 'ExportDefaultDeclaration');
  }

  /**
   * React code that can run in a browser: it contains JSX or imports React, and imports no Node
   * built-in or Node-only package (then its components render on a server).
   */
  private isReactFile(): boolean {
    if (this.reactFile === undefined) {
      const imports = this.ast.body.flatMap((statement) => (statement.type === 'ImportDeclaration' ? [statement.source.value] : []));
      this.reactFile = !imports.some(isNodeOnlyModule) && (imports.some((module) => REACT_MODULES.includes(module)) || this.jsxNames().size > 0);
    }
    return this.reactFile;
  }

  /** `<Name …>` somewhere in the file: the function is used as a component. */
  private isRendered(name: string): boolean {
    return this.jsxNames().has(name);
  }

  private jsxNames(): Set<string> {
    if (!this.renderedNames) {
      const names = new Set<string>();
      let hasJsx = false;
      walk(this.ast, (node) => {
        if (node.type === 'JSXElement' || node.type === 'JSXFragment') hasJsx = true;
        if (node.type === 'JSXOpeningElement' && node.name.type === 'JSXIdentifier') names.add(node.name.name);
      });
      // An empty set with JSX in the file still has to say "this file has JSX".
      if (hasJsx) names.add('');
      this.renderedNames = names;
    }
    return this.renderedNames;
  }
}

const NODE_BUILTINS = new Set(builtinModules);

function isNodeOnlyModule(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  const root = specifier.split('/')[0]!;
  return NODE_BUILTINS.has(root) || NODE_ONLY_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/** The file's (or a function body's) directive prologue: `"use client"`, `"use server"`. */
function fileDirective(body: readonly TSESTree.Node[]): string | undefined {
  for (const statement of body) {
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') return undefined;
    const value = statement.expression.type === 'Literal' ? statement.expression.value : undefined;
    if (typeof value === 'string' && Object.hasOwn(FILE_DIRECTIVES, value)) return value;
  }
  return undefined;
}

interface FunctionNaming {
  name: string;
  /** Exported (`export function`, `export const`), or a static data member (`Page.getInitialProps = …`). */
  exported: boolean;
  /** Wrapped in `memo()`/`forwardRef()` from React: a component by construction. */
  wrapped: boolean;
}

/** The name a function is known by, through the shapes React's lint rules accept. */
function functionName(fn: FunctionNode, resolver: ModuleResolver): FunctionNaming | undefined {
  let wrapped = false;
  let node: Node = fn;
  // memo(function Row() {…}), forwardRef((props, ref) => …), memo(forwardRef(…))
  while (node.parent?.type === 'CallExpression' && node.parent.arguments[0] === node && isComponentWrapper(node.parent, resolver)) {
    wrapped = true;
    node = node.parent;
  }
  const parent = node.parent;
  const exportedDeclaration = (statement: Node | undefined) => statement?.type === 'ExportNamedDeclaration' || statement?.type === 'ExportDefaultDeclaration';
  if (fn.type === 'FunctionDeclaration' && fn.id) return { name: fn.id.name, exported: exportedDeclaration(parent), wrapped };
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    return { name: parent.id.name, exported: exportedDeclaration(parent.parent?.parent), wrapped };
  }
  if (parent?.type === 'AssignmentExpression' && parent.right === node) {
    const left = unwrap(parent.left);
    if (left.type === 'Identifier') return { name: left.name, exported: false, wrapped };
    const name = left.type === 'MemberExpression' ? memberPropertyName(left) : undefined;
    return name ? { name, exported: true, wrapped } : undefined;
  }
  if (parent?.type === 'MethodDefinition' && parent.value === node) {
    const name = propertyKeyName(parent);
    return name ? { name, exported: parent.static, wrapped } : undefined;
  }
  // `memo(function Row() {…})` assigned nowhere, `export default memo(function Row() {…})`
  if (fn.type === 'FunctionExpression' && fn.id) return { name: fn.id.name, exported: parent?.type === 'ExportDefaultDeclaration', wrapped };
  return undefined;
}

function isComponentWrapper(call: TSESTree.CallExpression, resolver: ModuleResolver): boolean {
  const value = resolver.valueOf(call.callee);
  return !!value && value.path.length === 1 && REACT_COMPONENT_WRAPPERS.some((wrapper) => wrapper.module === value.module && wrapper.export === value.path[0]);
}

/** Does the function return JSX (`return <div/>`, `=> <div/>`, `return cond ? <A/> : null`)? */
function returnsJsx(fn: FunctionNode): boolean {
  if (fn.body.type !== 'BlockStatement') return containsJsx(fn.body);
  let found = false;
  walk(fn.body, (node) => {
    if (found) return false;
    if (isFunction(node)) return false; // a nested function's returns are not this one's
    if (node.type === 'ReturnStatement' && node.argument && containsJsx(node.argument)) found = true;
    return !found;
  });
  return found;
}

function containsJsx(root: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') found = true;
    return !found;
  });
  return found;
}
