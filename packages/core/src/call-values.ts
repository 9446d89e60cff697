// Where the value of an expression comes from, as far as one file shows it: from the call it runs
// in (a parameter of an enclosing function: the request, the event, the monitored target), from
// the instance (`this.url`: per-object settings), or from neither (literals, module constants,
// `process.env`). Probes and per-credential clients are recognised by it: a connection whose
// target or credentials come from the call cannot be one shared object.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, type Node } from './ast.js';
import { isModuleLevel, resolveName, type ScopeManagerLike, type ScopeVariable } from './scope.js';

export interface CallValueOptions {
  /** Count `this` (and `this.x`) as coming from the call: the object it runs on. */
  instance?: boolean;
}

const MAX_DEPTH = 6;

/**
 * The first per-call source `expression` reads, followed through local variables (`const { key }
 * = event.auth`, `const config = parse(dsn)`): "parameter `event`", "`this`"; undefined when
 * none. Functions written inside the expression are not followed (they run later, if at all).
 */
export function callValueSource(scopeManager: ScopeManagerLike, expression: Node, options: CallValueOptions = {}): string | undefined {
  const seen = new Set<ScopeVariable>();
  const visit = (node: Node, depth: number): string | undefined => {
    if (isFunction(node)) return undefined;
    switch (node.type) {
      case 'ThisExpression':
        return options.instance ? '`this`' : undefined;
      case 'Identifier':
        return fromVariable(node, depth);
      case 'MemberExpression':
        return visit(node.object, depth) ?? (node.computed ? visit(node.property, depth) : undefined);
      case 'Property':
        return (node.computed ? visit(node.key, depth) : undefined) ?? visit(node.value, depth);
      default:
        break;
    }
    for (const child of children(node)) {
      const found = visit(child, depth);
      if (found) return found;
    }
    return undefined;
  };
  const fromVariable = (identifier: TSESTree.Identifier, depth: number): string | undefined => {
    const variable = resolveName(scopeManager, identifier, identifier.name);
    if (!variable || seen.has(variable) || isModuleLevel(variable.scope) || depth > MAX_DEPTH) return undefined;
    seen.add(variable);
    for (const definition of variable.defs) {
      if (definition.type === 'Parameter') return `parameter \`${variable.name}\``;
      if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.init) {
        const found = visit(definition.node.init, depth + 1);
        if (found) return found;
      }
    }
    // `let x; … x = event.y;`
    for (const reference of variable.references) {
      const write = reference.isWrite() ? (reference.identifier.parent as Node | undefined) : undefined;
      if (write?.type === 'AssignmentExpression' && write.left === reference.identifier) {
        const found = visit(write.right, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(expression, 0);
}

function children(node: Node): Node[] {
  const result: Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments' || key === 'typeAnnotation' || key === 'typeArguments') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') result.push(child as Node);
    }
  }
  return result;
}
