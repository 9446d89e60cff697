// Test framework calls, resolved the way eslint-plugin-jest resolves them: the callee's root name
// must be imported or required from a framework module, or be an undeclared global that the
// framework documents. A local function called `describe` is nobody's test suite.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, memberPropertyName, unwrap, type FunctionNode, type Node } from '../ast.js';
import { normalizeModule } from '../catalog.js';
import type { ModuleResolver } from '../resolve.js';
import { isUndeclaredGlobal, resolveName, type ScopeManagerLike, type ScopeReference } from '../scope.js';
import { TEST_FRAMEWORKS, type TestFramework, type TestRole } from './tables.js';

export interface TestCall {
  framework: string;
  /** The API as written, without modifiers (`describe`, `test.beforeAll`). */
  api: string;
  role: TestRole;
}

const byModule = new Map<string, TestFramework>(TEST_FRAMEWORKS.flatMap((framework) => framework.modules.map((module) => [normalizeModule(module), framework] as const)));

/** The framework API a call invokes, or undefined when it is not one. */
export function testCallOf(call: TSESTree.CallExpression, resolver: ModuleResolver, scopeManager: ScopeManagerLike): TestCall | undefined {
  // `describe.each(table)` only makes the function that `(…)('name', fn)` then calls.
  if (call.parent?.type === 'CallExpression' && unwrap(call.parent.callee) === call) return undefined;
  let callee = unwrap(call.callee);
  // `describe.each(table)('name', fn)` and `it.each\`table\`('name', fn)`
  if (callee.type === 'CallExpression') callee = unwrap(callee.callee);
  else if (callee.type === 'TaggedTemplateExpression') callee = unwrap(callee.tag);
  const members: string[] = [];
  while (callee.type === 'MemberExpression') {
    const name = memberPropertyName(callee);
    if (!name) return undefined;
    members.unshift(name);
    callee = unwrap(callee.object);
  }
  if (callee.type !== 'Identifier') return undefined;
  const value = resolver.valueOf(callee);
  if (value) {
    const framework = byModule.get(value.module);
    return framework && lookUp(framework, framework.api, [...value.path, ...members]);
  }
  if (!isUndeclaredGlobal(resolveName(scopeManager, callee, callee.name))) return undefined;
  // Several frameworks document the same globals (`describe`, `it`): which one runs is configuration.
  for (const framework of TEST_FRAMEWORKS) {
    const found = lookUp(framework, framework.globals, [callee.name, ...members]);
    if (found) return { ...found, framework: 'test framework global' };
  }
  return undefined;
}

function lookUp(framework: TestFramework, api: Readonly<Record<string, TestRole>>, path: readonly string[]): TestCall | undefined {
  // Modifiers select a variant of the API they follow (`describe.only`, `test.serial.before`).
  const key = path.filter((segment) => !framework.modifiers.includes(segment)).join('.');
  const role = Object.hasOwn(api, key) ? api[key] : undefined;
  return role ? { framework: framework.name, api: key || 'default export', role } : undefined;
}

/** Why a callback of a test API is not per call (suites and hooks run once, tests and per-test hooks once per test). */
export function testCallRunsOnce(call: TestCall): string {
  const api = `\`${call.api}()\` (${call.framework})`;
  if (call.role === 'suite') return `the body of ${api}, run once when the suite is collected`;
  if (call.role === 'once') return `the ${api} hook, run once per suite`;
  return `the ${api} callback, run once per test`;
}

/** The test API call that `fn` is a callback of (`describe('x', fn)`, `before(fn)`). */
export function testCallbackOf(fn: FunctionNode, resolver: ModuleResolver, scopeManager: ScopeManagerLike): TestCall | undefined {
  const parent = fn.parent;
  if (parent?.type !== 'CallExpression' || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  return testCallOf(parent, resolver, scopeManager);
}

/**
 * Is this a test file by what it uses: it imports or requires a test framework module, or calls a
 * framework's documented global with a callback (`describe('x', () => …)` with no `describe` declared).
 */
export function usesTestFramework(ast: TSESTree.Program, resolver: ModuleResolver, scopeManager: ScopeManagerLike): boolean {
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type' && byModule.has(normalizeModule(statement.source.value))) return true;
  }
  for (const reference of globalReferences(scopeManager)) {
    const identifier = reference.identifier as Node;
    let node = identifier;
    while (node.parent?.type === 'MemberExpression' && node.parent.object === node) node = node.parent;
    const call = node.parent;
    if (call?.type !== 'CallExpression' || unwrap(call.callee) !== node) continue;
    if (identifier.type === 'Identifier' && identifier.name === 'require') {
      const required = resolver.requiredModule(call);
      if (required && byModule.has(required.module)) return true;
    } else if (call.arguments.some((argument) => isFunction(argument)) && testCallOf(call, resolver, scopeManager)) {
      return true;
    }
  }
  return false;
}

const GLOBAL_NAMES = new Set(['require', ...TEST_FRAMEWORKS.flatMap((framework) => Object.keys(framework.globals))]);

/** References to the framework globals and `require` that the file does not declare (configured globals included). */
function globalReferences(scopeManager: ScopeManagerLike): ScopeReference[] {
  const global = scopeManager.globalScope;
  if (!global) return [];
  const references = global.through.filter((reference) => GLOBAL_NAMES.has(reference.identifier.name));
  for (const name of GLOBAL_NAMES) {
    const declared = global.set.get(name);
    if (declared && declared.defs.length === 0) references.push(...declared.references);
  }
  return references;
}
