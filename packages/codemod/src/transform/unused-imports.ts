// After a rewrite removes the last use of an imported name (`dispatcher: new Agent()` dropped in
// favour of the global dispatcher), its import specifier goes too, so no unused import is left.
import { readsOf, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { removeStatement } from './lines.js';
import type { ParsedFile } from './parse.js';

export function unusedImportRemovals(parsed: ParsedFile, edits: readonly Edit[]): Edit[] {
  const removed = edits.filter((edit) => edit.drops);
  if (removed.length === 0) return [];
  const isRemoved = (node: Node) => removed.some((edit) => edit.start <= node.range[0] && node.range[1] <= edit.end);
  const result: Edit[] = [];
  for (const statement of parsed.ast.body) {
    if (statement.type !== 'ImportDeclaration' || statement.specifiers.length === 0) continue;
    const unused = statement.specifiers.filter((specifier) => {
      const variable = findVariable(parsed, specifier.local);
      if (!variable) return false;
      const reads = readsOf(variable);
      // Only names whose every use this transform removed: an import unused before stays as it was.
      return reads.length > 0 && reads.every((reference) => isRemoved(reference.identifier as Node));
    });
    if (unused.length === 0) continue;
    if (unused.length === statement.specifiers.length) {
      const removal = removeStatement(parsed.text, statement);
      // The first statement of the file: the blank lines after it go too.
      if (parsed.text.slice(0, removal.start).trim() === '') removal.end += /^(?:\r?\n)*/.exec(parsed.text.slice(removal.end))![0].length;
      result.push(removal);
      continue;
    }
    for (const specifier of unused) result.push(removeSpecifier(parsed.text, statement, specifier));
  }
  return result;
}

function findVariable(parsed: ParsedFile, identifier: TSESTree.Identifier) {
  for (const scope of parsed.scopeManager.scopes) {
    for (const variable of scope.variables) {
      if (variable.defs.some((definition) => definition.name === identifier)) return variable;
    }
  }
  return undefined;
}

/** `{ Agent, fetch }` → `{ fetch }`: the specifier with the comma and space that follow (or precede) it. */
function removeSpecifier(text: string, statement: TSESTree.ImportDeclaration, specifier: TSESTree.ImportClause): Edit {
  const index = statement.specifiers.indexOf(specifier);
  const next = statement.specifiers[index + 1];
  if (next && next.type === specifier.type) return { start: specifier.range[0], end: next.range[0], text: '' };
  const previous = statement.specifiers[index - 1]!;
  return { start: previous.range[1], end: specifier.range[1], text: '' };
}
