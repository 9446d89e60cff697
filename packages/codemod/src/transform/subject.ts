// What the moved construction is called and typed as: `https.Agent` gives
// `InstanceType<typeof https.Agent>`, `axios.create` gives `ReturnType<typeof axios.create>`, a
// factory method `this.makePool()` gives `ReturnType<Orders['makePool']>`.
import { isTransparentWrapper, resolveName, staticKeyName, unwrap, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { enclosingInstanceClass } from './classes.js';
import type { ParsedFile } from './parse.js';

type Construction = TSESTree.NewExpression | TSESTree.CallExpression;

/** `https.Agent`, `axios.create`: a callee written as a static chain of names. */
export function calleeText(node: Construction): string | undefined {
  let callee: Node = node.callee;
  while (isTransparentWrapper(callee)) callee = (callee as TSESTree.TSNonNullExpression).expression;
  const parts: string[] = [];
  let current: Node = callee;
  while (current.type === 'MemberExpression' && !current.computed && current.property.type === 'Identifier') {
    parts.unshift(current.property.name);
    current = current.object;
  }
  if (current.type !== 'Identifier') return undefined;
  parts.unshift(current.name);
  return parts.join('.');
}

/** `this.makePool()` → `makePool`. */
export function methodCallee(node: Construction): string | undefined {
  const callee = unwrap(node.callee);
  return node.type === 'CallExpression' && callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression' ? staticKeyName(callee.property, callee.computed) : undefined;
}

/**
 * The TypeScript type of what the construction builds, when it can be written at module or class
 * level: the class itself (`S3Client`, `https.Agent`) when it is imported or declared as a class,
 * which is both a value and a type; else `InstanceType<typeof …>` / `ReturnType<typeof …>`.
 */
export function instanceType(node: Construction, parsed: ParsedFile): string | undefined {
  const callee = calleeText(node);
  if (callee && node.type === 'NewExpression' && namesAType(node, callee.split('.')[0]!, parsed)) return callee;
  if (callee) return `${node.type === 'NewExpression' ? 'InstanceType' : 'ReturnType'}<typeof ${callee}>`;
  const method = methodCallee(node);
  const className = method ? enclosingInstanceClass(node)?.id?.name : undefined;
  return method && className && /^[\w$]+$/.test(method) ? `ReturnType<${className}['${method}']>` : undefined;
}

/** Is the callee's root an import or a class declaration, so that `Root.Member` is also a type? */
function namesAType(node: Node, root: string, parsed: ParsedFile): boolean {
  const variable = resolveName(parsed.scopeManager, node, root);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return false;
  if (definition.type === 'ClassName') return true;
  if (definition.type !== 'ImportBinding') return false;
  const declaration = definition.node.type === 'TSImportEqualsDeclaration' ? definition.node : definition.node.parent;
  return declaration?.type === 'TSImportEqualsDeclaration' || (declaration?.type === 'ImportDeclaration' && declaration.importKind !== 'type');
}
