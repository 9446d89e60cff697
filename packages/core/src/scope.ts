// The part of a scope manager the detector needs. Both eslint-scope (ESLint on plain JS) and
// @typescript-eslint/scope-manager (TS files, and the codemod) satisfy it structurally, so the
// detector works on whatever scope analysis its host already did instead of redoing it.
import type { Node } from './ast.js';
import type { TSESTree } from '@typescript-eslint/types';

export interface ScopeDefinition {
  type: string;
  node: Node;
  name: Node;
  parent?: Node | null;
}

export interface ScopeReference {
  identifier: TSESTree.Identifier | TSESTree.JSXIdentifier;
  resolved: ScopeVariable | null;
  from: Scope;
  isWrite(): boolean;
  isRead(): boolean;
  init?: boolean | null;
  /** @typescript-eslint/scope-manager only: false for a reference in a type position. */
  isValueReference?: boolean;
}

export interface ScopeVariable {
  name: string;
  defs: readonly ScopeDefinition[];
  references: readonly ScopeReference[];
  scope: Scope;
}

export interface Scope {
  type: string;
  block: Node;
  upper: Scope | null;
  variableScope: Scope;
  set: Map<string, ScopeVariable>;
  variables: readonly ScopeVariable[];
  references: readonly ScopeReference[];
  through: readonly ScopeReference[];
  childScopes: readonly Scope[];
}

export interface ScopeManagerLike {
  scopes: readonly Scope[];
  globalScope: Scope | null;
  acquire(node: Node, inner?: boolean): Scope | null;
}

/** The innermost scope that contains `node`. */
export function scopeOf(manager: ScopeManagerLike, node: Node): Scope {
  for (let current: Node | undefined = node; current; current = current.parent) {
    const scope = manager.acquire(current, true);
    if (scope) {
      // A function's own scope does not contain its name or its position in the parent.
      if (current === node || !isScopeOfHeaderOnly(scope)) return scope;
    }
  }
  return manager.globalScope ?? manager.scopes[0]!;
}

function isScopeOfHeaderOnly(scope: Scope): boolean {
  return scope.type === 'function-expression-name';
}

/** Resolves a name at `node` through the scope chain; null for globals that nobody declared. */
export function resolveName(manager: ScopeManagerLike, node: Node, name: string): ScopeVariable | null {
  for (let scope: Scope | null = scopeOf(manager, node); scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return null;
}

/** True when `variable` is a global nobody declared in the file (a configured or implicit global). */
export function isUndeclaredGlobal(variable: ScopeVariable | null): boolean {
  return variable === null || (variable.defs.length === 0 && variable.scope.type === 'global');
}

/** The scope kinds whose variables live as long as the module. */
export function isModuleLevel(scope: Scope): boolean {
  return scope.type === 'module' || scope.type === 'global' || (scope.type === 'function' && isCommonJsWrapper(scope));
}

// eslint-scope models `sourceType: 'commonjs'` as a function scope wrapping the Program.
function isCommonJsWrapper(scope: Scope): boolean {
  return scope.block.type === 'Program';
}

/** All references (reads) that resolve to `variable`, excluding its own initialisation. */
export function readsOf(variable: ScopeVariable): ScopeReference[] {
  return variable.references.filter((reference) => !reference.init && reference.isRead());
}
