// A local `const` computed only from `process.env` and constants (`const region = process.env.REGION
// ?? 'eu-west-1'`) has the same value on every call, like an inline `process.env.REGION`: a
// construction reading it is not per-call. The shared copy reads the environment at first use, so
// the local's initialiser is written into it in place of the name (and the local goes when nothing
// else reads it).
import { isModuleLevel, isUndeclaredGlobal, memberPropertyName, topLevelStatement, type Node, type ScopeVariable } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { removeStatement } from './lines.js';
import type { ParsedFile } from './parse.js';

/** Global functions that only convert their arguments: `Number(process.env.PORT)` is as constant as the variable. */
const CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'String', 'Boolean', 'JSON.parse']);

export interface EnvironmentLocal {
  identifier: TSESTree.Identifier;
  variable: ScopeVariable;
}

interface Declared {
  declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier; init: TSESTree.Expression };
  declaration: TSESTree.VariableDeclaration;
}

/** The `const` declaring a function-local variable with an initialiser, if that is all that writes it. */
function declaredConst(variable: ScopeVariable): Declared | undefined {
  if (variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  const declaration = definition.parent as Node | null | undefined;
  const declarator = definition.node as Node;
  if (definition.type !== 'Variable' || declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') return undefined;
  if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || !declarator.init) return undefined;
  return { declarator: declarator as Declared['declarator'], declaration };
}

/**
 * For a function-local variable: the offset after which every module declaration its value reads
 * exists, when it is a `const` computed only from `process.env`, literals, module constants and
 * other such locals; undefined otherwise.
 */
export function environmentConstant(variable: ScopeVariable, parsed: ParsedFile, seen = new Set<ScopeVariable>()): { after: number } | undefined {
  if (isModuleLevel(variable.scope) || seen.has(variable)) return undefined;
  const declared = declaredConst(variable);
  if (!declared) return undefined;
  seen.add(variable);
  let after = 0;
  let readsEnvironment = false;
  const constant = (node: Node): boolean => {
    switch (node.type) {
      case 'Literal':
        return true;
      case 'TemplateLiteral':
        return node.expressions.every(constant);
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
        return constant(node.expression);
      case 'UnaryExpression':
        return node.operator !== 'delete' && constant(node.argument);
      case 'BinaryExpression':
      case 'LogicalExpression':
        return node.left.type !== 'PrivateIdentifier' && constant(node.left) && constant(node.right);
      case 'ConditionalExpression':
        return constant(node.test) && constant(node.consequent) && constant(node.alternate);
      case 'MemberExpression': {
        if (isProcessEnv(node.object, parsed)) {
          readsEnvironment = true;
          return !node.computed || node.property.type === 'Literal';
        }
        return false;
      }
      case 'CallExpression':
        return CONVERSIONS.has(calleeName(node.callee) ?? '') && globalCallee(node.callee, parsed) && node.arguments.every((argument) => argument.type !== 'SpreadElement' && constant(argument));
      case 'Identifier': {
        if (node.name === 'undefined') return true;
        const read = referenced(node, parsed);
        if (!read) return false;
        if (isModuleLevel(read.scope)) {
          const definition = read.defs[0];
          const declaration = definition?.parent as Node | null | undefined;
          const fixed = definition?.type === 'ImportBinding' || (definition?.type === 'Variable' && declaration?.type === 'VariableDeclaration' && declaration.kind === 'const' && read.references.every((reference) => !reference.isWrite() || reference.init));
          if (!fixed || !definition) return false;
          const statement = topLevelStatement(definition.node as Node, parsed.ast);
          if (statement) after = Math.max(after, statement.range[1]);
          return true;
        }
        const inner = environmentConstant(read, parsed, seen);
        if (!inner) return false;
        readsEnvironment = true;
        after = Math.max(after, inner.after);
        return true;
      }
      default:
        return false;
    }
  };
  return constant(declared.declarator.init as Node) && readsEnvironment ? { after } : undefined;
}

/** Edits inside a construction that write each local's value in place of its name: `{ region }` → `{ region: process.env.REGION }`. */
export function inlinedEnvironment(locals: readonly EnvironmentLocal[], parsed: ParsedFile): Edit[] {
  return locals.map(({ identifier, variable }) => {
    const value = valueText(variable, parsed);
    const parent = identifier.parent as Node | undefined;
    if (parent?.type === 'Property' && parent.shorthand && parent.value === identifier) return { start: identifier.range[0], end: identifier.range[1], text: `${identifier.name}: ${value.text}` };
    return { start: identifier.range[0], end: identifier.range[1], text: value.single || standsAlone(identifier) ? value.text : `(${value.text})` };
  });
}

/** Removals of the locals that nothing outside `moved` reads any more. */
export function unusedEnvironmentLocals(locals: readonly EnvironmentLocal[], moved: Node, parsed: ParsedFile): Edit[] {
  const edits: Edit[] = [];
  for (const variable of new Set(locals.map((local) => local.variable))) {
    const declared = declaredConst(variable)!;
    const readElsewhere = variable.references.some((reference) => !reference.init && !within(moved, reference.identifier as Node));
    if (readElsewhere || declared.declaration.declarations.length !== 1 || declared.declaration.parent?.type === 'ExportNamedDeclaration') continue;
    edits.push(removeStatement(parsed.text, declared.declaration));
  }
  return edits;
}

/** The local's initialiser, with the locals it reads written out too; `single` when it needs no parentheses anywhere. */
function valueText(variable: ScopeVariable, parsed: ParsedFile): { text: string; single: boolean } {
  const init = declaredConst(variable)!.declarator.init as Node;
  const inner: Edit[] = [];
  for (const reference of allReferencesIn(init, parsed)) {
    const read = reference.resolved;
    if (!read || isModuleLevel(read.scope) || !environmentConstant(read, parsed)) continue;
    inner.push(...inlinedEnvironment([{ identifier: reference.identifier as TSESTree.Identifier, variable: read }], parsed));
  }
  let text = parsed.text.slice(init.range[0], init.range[1]);
  for (const edit of inner.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start - init.range[0]) + edit.text + text.slice(edit.end - init.range[0]);
  return { text, single: init.type === 'MemberExpression' || init.type === 'Literal' || init.type === 'TemplateLiteral' || init.type === 'CallExpression' || init.type === 'Identifier' };
}

/** A place where any expression reads the same without parentheses: an option value, a template slot, an argument. */
function standsAlone(identifier: Node): boolean {
  const parent = identifier.parent as Node | undefined;
  if (!parent) return false;
  if (parent.type === 'Property') return parent.value === identifier;
  if (parent.type === 'TemplateLiteral' || parent.type === 'ArrayExpression') return true;
  return (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(identifier as TSESTree.Expression);
}

function allReferencesIn(node: Node, parsed: ParsedFile): ScopeVariable['references'][number][] {
  return parsed.scopeManager.scopes.flatMap((scope) => scope.references.filter((reference) => within(node, reference.identifier as Node)));
}

function referenced(identifier: TSESTree.Identifier, parsed: ParsedFile): ScopeVariable | undefined {
  for (const scope of parsed.scopeManager.scopes) {
    for (const reference of scope.references) if (reference.identifier === identifier) return reference.resolved ?? undefined;
  }
  return undefined;
}

function isProcessEnv(node: Node, parsed: ParsedFile): boolean {
  if (node.type !== 'MemberExpression' || memberPropertyName(node) !== 'env' || node.object.type !== 'Identifier' || node.object.name !== 'process') return false;
  return globalCallee(node.object, parsed);
}

/** The callee names a global (not a local `Number` or `process`). */
function globalCallee(callee: Node, parsed: ParsedFile): boolean {
  const root = callee.type === 'MemberExpression' ? callee.object : callee;
  if (root.type !== 'Identifier') return false;
  for (const scope of parsed.scopeManager.scopes) {
    for (const reference of scope.references) if (reference.identifier === root) return isUndeclaredGlobal(reference.resolved);
  }
  return true;
}

function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') return `${callee.object.name}.${memberPropertyName(callee) ?? ''}`;
  return undefined;
}

function within(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
