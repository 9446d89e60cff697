// After a rewrite removes the last use of an imported name (`dispatcher: new Agent()` dropped in
// favour of the global dispatcher, a construction replaced by another file's shared instance), its
// import specifier or required name goes too, so no unused import is left.
import { readsOf, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { removeStatement, removeStatementBeforeLineEnd } from './lines.js';
import type { ParsedFile } from './parse.js';

export function unusedImportRemovals(parsed: ParsedFile, edits: readonly Edit[]): Edit[] {
  const removed = edits.filter((edit) => edit.drops);
  if (removed.length === 0) return [];
  const isRemoved = (node: Node) => removed.some((edit) => edit.start <= node.range[0] && node.range[1] <= edit.end);
  // Only names whose every use this transform removed: an import unused before stays as it was.
  const unusedNow = (local: TSESTree.Identifier) => {
    const variable = findVariable(parsed, local);
    if (!variable) return false;
    const reads = readsOf(variable);
    return reads.length > 0 && reads.every((reference) => isRemoved(reference.identifier as Node));
  };
  const result: Edit[] = [];
  for (const statement of parsed.ast.body) {
    const bindings = importBindings(statement);
    if (!bindings || bindings.length === 0) continue;
    const unused = bindings.filter((binding) => unusedNow(binding.local));
    if (unused.length === 0) continue;
    if (unused.length === bindings.length) {
      let removal = removeStatement(parsed.text, statement);
      // New imports go after the last import: keep the end of its line for them.
      if (edits.some((edit) => edit.start === edit.end && removal.start < edit.start && edit.start < removal.end)) removal = removeStatementBeforeLineEnd(parsed.text, statement) ?? removal;
      // The first statement of the file: the blank lines after it go too.
      if (parsed.text.slice(0, removal.start).trim() === '') removal.end += /^(?:\r?\n)*/.exec(parsed.text.slice(removal.end))![0].length;
      result.push(removal);
      continue;
    }
    for (const binding of unused) result.push(removeListItem(parsed.text, bindings, binding));
  }
  return result;
}

/** One imported name: the node listing it (a specifier, or a property of a destructured require) and its local binding. */
interface ImportBinding {
  node: Node;
  local: TSESTree.Identifier;
}

/**
 * The names a module-level import binds: `import a, { b } from 'm'`, and `const { b } = require('m')`
 * or `const a = require('m')`. Undefined for other statements and for patterns it cannot take apart.
 */
function importBindings(statement: TSESTree.ProgramStatement): ImportBinding[] | undefined {
  if (statement.type === 'ImportDeclaration') return statement.specifiers.map((specifier) => ({ node: specifier, local: specifier.local }));
  if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) return undefined;
  const [declarator] = statement.declarations;
  const init = declarator!.init;
  const isRequire = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments.length === 1 && init.arguments[0]!.type === 'Literal';
  if (!isRequire) return undefined;
  const id = declarator!.id;
  if (id.type === 'Identifier') return [{ node: id, local: id }];
  if (id.type !== 'ObjectPattern') return undefined;
  const bindings: ImportBinding[] = [];
  for (const property of id.properties) {
    if (property.type !== 'Property' || property.value.type !== 'Identifier') return undefined;
    bindings.push({ node: property, local: property.value });
  }
  return bindings;
}

function findVariable(parsed: ParsedFile, identifier: TSESTree.Identifier) {
  for (const scope of parsed.scopeManager.scopes) {
    for (const variable of scope.variables) {
      if (variable.defs.some((definition) => definition.name === identifier)) return variable;
    }
  }
  return undefined;
}

/**
 * `{ Agent, fetch }` → `{ fetch }`: the item with the comma and space that follow (or precede) it.
 * A default import goes with the comma after it (`a, { b }` → `{ b }`); the only name in braces
 * after a default goes with its braces (`a, { b }` → `a`).
 */
function removeListItem(text: string, bindings: readonly ImportBinding[], binding: ImportBinding): Edit {
  const index = bindings.indexOf(binding);
  const [start, end] = binding.node.range;
  const next = bindings[index + 1];
  if (next && next.node.type === binding.node.type) return { start, end: next.node.range[0], text: '' };
  const previous = bindings[index - 1];
  if (previous && previous.node.type === binding.node.type) return { start: previous.node.range[1], end, text: '' };
  if (binding.node.type === 'ImportDefaultSpecifier') {
    const comma = text.indexOf(',', end);
    return { start, end: comma + 1 + /^\s*/.exec(text.slice(comma + 1))![0].length, text: '' };
  }
  const through = binding.node.type === 'ImportSpecifier' ? text.indexOf('}', end) + 1 : end;
  return { start: previous!.node.range[1], end: through, text: '' };
}
