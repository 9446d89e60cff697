// Probes: code that wants a fresh connection on every run (a health check that must test
// connection set-up, a monitor that measures the handshake). Such a construction is per call on
// purpose. It is left alone when the project names the function (`probeFunctions`), or when the
// code itself says so in a way that only makes sense for a fresh connection:
// - an agent built with `maxCachedSessions: 0` (no TLS session reuse: every handshake is full);
// - a pooled connection released with `release(true)` (pg, mysql2: destroy it, do not return it).
// `agent: false` or a comment alone is not enough: it is what the rules exist to catch.
import type { TSESTree } from '@typescript-eslint/types';
import { findProperty, isFunction, isTransparentWrapper, memberPropertyName, propertyKeyName, unwrap, type Node } from './ast.js';
import { readsOf, resolveName, type ScopeManagerLike } from './scope.js';

export class ProbeDetector {
  constructor(
    private readonly scopeManager: ScopeManagerLike,
    private readonly matchers: readonly ((name: string) => boolean)[],
  ) {}

  /** Is the construction at `site`, judged per call at `at`, a deliberate fresh connection? */
  isProbe(site: Node, at: Node): boolean {
    return this.inProbeFunction(at) || saysFreshSession(site) || this.releasesDestroyed(site);
  }

  private inProbeFunction(node: Node): boolean {
    if (this.matchers.length === 0) return false;
    for (let current = node.parent; current; current = current.parent) {
      if (!isFunction(current)) continue;
      const name = functionName(current);
      if (name && this.matchers.some((matches) => matches(name))) return true;
    }
    return false;
  }

  /** `const c = await pool.connect(); … c.release(true)` on the construction or a connection from it. */
  private releasesDestroyed(site: Node): boolean {
    const local = boundLocal(site);
    if (!local) return false;
    const variable = resolveName(this.scopeManager, local, local.name);
    if (!variable) return false;
    return readsOf(variable).some((reference) => {
      const use = climb(reference.identifier as Node);
      if (isReleaseTrue(use)) return true;
      // `const connection = await pool.getConnection()` / `pool.connect()`: follow one step.
      const member = use.parent;
      if (member?.type !== 'MemberExpression' || member.object !== use || member.parent?.type !== 'CallExpression') return false;
      const connection = boundLocal(member.parent);
      const connectionVariable = connection && resolveName(this.scopeManager, connection, connection.name);
      return !!connectionVariable && readsOf(connectionVariable).some((inner) => isReleaseTrue(climb(inner.identifier as Node)));
    });
  }
}

/** `new https.Agent({ maxCachedSessions: 0 })`. */
function saysFreshSession(site: Node): boolean {
  if (site.type !== 'NewExpression' && site.type !== 'CallExpression') return false;
  return site.arguments.some((argument) => {
    const object = unwrap(argument);
    if (object.type !== 'ObjectExpression') return false;
    const property = findProperty(object, 'maxCachedSessions');
    return !!property && property.value.type === 'Literal' && property.value.value === 0;
  });
}

function isReleaseTrue(node: Node): boolean {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || memberPropertyName(member) !== 'release') return false;
  const call = member.parent;
  const argument = call?.type === 'CallExpression' && call.callee === member ? call.arguments[0] : undefined;
  return argument?.type === 'Literal' && argument.value === true;
}

/** The local a value is bound to: `const x = value`, `const x = await value`. */
function boundLocal(value: Node): TSESTree.Identifier | undefined {
  let node = value;
  while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression')) node = node.parent;
  const parent = node.parent;
  return parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' ? parent.id : undefined;
}

function climb(node: Node): Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

function functionName(fn: Node): string | undefined {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition' || parent?.type === 'Property') return propertyKeyName(parent);
  if (parent?.type === 'AssignmentExpression') {
    const left = unwrap(parent.left);
    if (left.type === 'Identifier') return left.name;
    if (left.type === 'MemberExpression') return memberPropertyName(left);
  }
  return undefined;
}
