// Does sharing one instance of a client class change what the program does? Hoisting `new Repo()`
// is only connection reuse when a Repo holds nothing but its clients and what it was given:
// constructor arguments, constants, functions. A field set from a clock, a random source, a
// fresh `Map`, or any state a method changes later belongs to one call, and sharing it would
// hand one call's state to the next.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, isTransparentWrapper, propertyKeyName, walk, type Node } from './ast.js';
import { resolveName, type ScopeManagerLike } from './scope.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class and the ancestors declared in the same file (`class B extends A`, A in this file). */
export function classWithSameFileAncestors(classNode: ClassNode, scopeManager: ScopeManagerLike): ClassNode[] {
  const chain: ClassNode[] = [classNode];
  for (let current = classNode; current.superClass?.type === 'Identifier' && chain.length < 16; ) {
    const variable = resolveName(scopeManager, current as Node, current.superClass.name);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declared = definition?.type === 'ClassName' ? (definition.node as Node) : undefined;
    if (declared?.type !== 'ClassDeclaration' && declared?.type !== 'ClassExpression') break;
    if (chain.includes(declared)) break;
    chain.push(declared);
    current = declared;
  }
  return chain;
}

/**
 * The first member (`startedAt`, `cache`) whose value makes instances of `classNode` differ from
 * one construction to the next, or undefined when every instance built with the same arguments is
 * interchangeable. `isClientConstruction` says which expressions build the clients themselves
 * (catalog sites and calls of builders), which are what sharing is for.
 */
export function perInstanceState(classNode: ClassNode, isClientConstruction: (node: Node) => boolean): string | undefined {
  const inert = (value: Node): boolean => isInert(value, isClientConstruction);
  for (const member of classNode.body.body) {
    if (member.type === 'PropertyDefinition' && !member.static && member.value && !inert(member.value as Node)) return propertyKeyName(member) ?? 'a field';
    if (member.type !== 'MethodDefinition' || member.static) continue;
    const isConstructor = member.kind === 'constructor';
    // Members holding a client: the constructor may wrap one in place (`this.axios = rateLimit(this.axios, …)`).
    const clients = new Set<string>();
    const changed = thisAssignments(member.value as Node).find(({ name, value }) => {
      if (!isConstructor || value === undefined) return true;
      if (isClientConstruction(value) || wrapsOwnClient(name, value, clients, inert)) {
        clients.add(name);
        return false;
      }
      return !inert(value);
    });
    if (changed) return changed.name;
  }
  return undefined;
}

/**
 * `this.axios = rateLimit(this.axios, { maxRPS: 20 })` in the constructor: the member still holds
 * the client, wrapped once by a module function (retry, rate limit, cache, instrumentation) with
 * constant options. What the wrapper keeps belongs to the client, so it is shared with the client:
 * a limiter then limits across calls, which per-call instances never did.
 */
function wrapsOwnClient(name: string, value: Node, clients: ReadonlySet<string>, inert: (node: Node) => boolean): boolean {
  const call = isTransparentWrapper(value) ? ((value as TSESTree.TSAsExpression).expression as Node) : value;
  if (call.type !== 'CallExpression' || !clients.has(name)) return false;
  const callee = call.callee as Node;
  const moduleFunction = callee.type === 'Identifier' || (callee.type === 'MemberExpression' && callee.object.type === 'Identifier');
  const args = call.arguments as Node[];
  return moduleFunction && args.some((argument) => thisMemberName(argument) === name && argument.type === 'MemberExpression' && argument.object.type === 'ThisExpression') && args.every((argument) => argument.type !== 'SpreadElement' && inert(argument));
}

/**
 * Why one shared instance of `classNode` would not behave like one per construction, judged on the
 * class and its ancestors in the same file; undefined when sharing one only reuses its clients.
 * The message both the transform and the project pass give.
 */
export function sharedInstanceProblem(classNode: ClassNode, scopeManager: ScopeManagerLike, isClientConstruction: (node: Node) => boolean): string | undefined {
  for (const declared of classWithSameFileAncestors(classNode, scopeManager)) {
    const member = perInstanceState(declared, isClientConstruction);
    if (member) return `\`${declared.id?.name ?? 'the class'}\` instances keep their own \`${member}\`: one shared instance would share it across calls`;
  }
  return undefined;
}

/** Literals, templates of them, names (parameters, constants, imports), `this.x`, functions, and client constructions. */
function isInert(node: Node, isClientConstruction: (node: Node) => boolean): boolean {
  if (isTransparentWrapper(node)) return isInert((node as TSESTree.TSAsExpression).expression as Node, isClientConstruction);
  if (isClientConstruction(node)) return true;
  switch (node.type) {
    case 'Literal':
    case 'Identifier':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every((expression) => isInert(expression as Node, isClientConstruction));
    case 'MemberExpression':
      // `this.x`, `options.x`, and deeper reads of a given value (`options.rateLimit.maxRPS`).
      return (node.object.type === 'ThisExpression' || isInert(node.object as Node, isClientConstruction)) && (!node.computed || isInert(node.property as Node, isClientConstruction));
    case 'UnaryExpression':
      return isInert(node.argument as Node, isClientConstruction);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isInert(node.left as Node, isClientConstruction) && isInert(node.right as Node, isClientConstruction);
    case 'ConditionalExpression':
      return [node.test, node.consequent, node.alternate].every((part) => isInert(part as Node, isClientConstruction));
    case 'ObjectExpression':
      // A configuration object; frozen or not, nothing in the class is seen to change it.
      return node.properties.every((property) => property.type === 'Property' && !property.computed && isInert(property.value as Node, isClientConstruction));
    default:
      return false;
  }
}

/** `this.x = …`, `this.x += …`, `this.x++` in a method body (not in nested functions with their own `this`). */
function thisAssignments(fn: Node): { name: string; value: Node | undefined }[] {
  const found: { name: string; value: Node | undefined }[] = [];
  walk(fn, (node) => {
    if (node !== fn && isFunction(node) && node.type !== 'ArrowFunctionExpression') return false;
    if (node.type !== 'AssignmentExpression' && node.type !== 'UpdateExpression') return undefined;
    const name = thisMemberName((node.type === 'AssignmentExpression' ? node.left : node.argument) as Node);
    if (name) found.push({ name, value: node.type === 'AssignmentExpression' && node.operator === '=' ? (node.right as Node) : undefined });
    return undefined;
  });
  return found;
}

/** `this.cache` (or `this.cache.x`, `this['cache']`) → `cache`. */
function thisMemberName(node: Node): string | undefined {
  let current = node;
  while (current.type === 'MemberExpression' && current.object.type === 'MemberExpression') current = current.object as Node;
  if (current.type !== 'MemberExpression' || current.object.type !== 'ThisExpression') return undefined;
  if (!current.computed && current.property.type === 'Identifier') return current.property.name;
  return current.property.type === 'Literal' ? String(current.property.value) : 'a member';
}
