// ESTree helpers shared by the detector. Nodes come from ESLint (espree or @typescript-eslint/parser)
// or from @typescript-eslint/typescript-estree in the codemod; both carry `parent` and `range`.
import type { TSESTree } from '@typescript-eslint/types';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === 'FunctionDeclaration' ||
      node.type === 'FunctionExpression' ||
      node.type === 'ArrowFunctionExpression')
  );
}

/** Wrappers that do not change the value of the expression they hold. */
export function isTransparentWrapper(node: Node): boolean {
  switch (node.type) {
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
    case 'ChainExpression':
      return true;
    default:
      return false;
  }
}

/** Strips transparent wrappers such as `x as T`, `x!` and `a?.b` chains. */
export function unwrap(node: Node): Node {
  let current = node;
  while (isTransparentWrapper(current)) {
    current = (current as TSESTree.TSAsExpression).expression;
  }
  return current;
}

/** The name of a non-computed (or string-literal computed) member/property key. */
export function staticKeyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (!computed && key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function memberPropertyName(node: TSESTree.MemberExpression): string | undefined {
  return staticKeyName(node.property, node.computed);
}

export function propertyKeyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  return staticKeyName(node.key, node.computed);
}

/** A string literal argument such as the `'https'` of `require('https')`. */
export function stringLiteralValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Finds a property of an object literal by its static key; spreads are skipped. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === 'Property' && staticKeyName(property.key, property.computed) === name) return property;
  }
  return undefined;
}

export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === 'SpreadElement');
}

/** Structural equality of simple references: identifiers, `this`, and static member chains. */
export function sameReference(a: Node, b: Node): boolean {
  const left = unwrap(a);
  const right = unwrap(b);
  if (left.type === 'Identifier' && right.type === 'Identifier') return left.name === right.name;
  if (left.type === 'ThisExpression' && right.type === 'ThisExpression') return true;
  if (left.type === 'MemberExpression' && right.type === 'MemberExpression') {
    if (left.computed !== right.computed) return false;
    const sameProperty = left.computed
      ? sameReference(left.property, right.property) ||
        (left.property.type === 'Literal' && right.property.type === 'Literal' && left.property.value === right.property.value)
      : staticKeyName(left.property, false) === staticKeyName(right.property, false);
    return sameProperty && sameReference(left.object, right.object);
  }
  return false;
}

/** Calls `visit` on every node below `root` (root included); `visit` returns false to skip children. */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index -= 1) {
          const child = value[index] as unknown;
          if (isNodeLike(child)) stack.push(child);
        }
      } else if (isNodeLike(value)) {
        stack.push(value);
      }
    }
  }
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Source text of a node with whitespace folded, shortened for messages. */
export function displayText(sourceText: string, node: Node, max = 48): string {
  const text = sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
