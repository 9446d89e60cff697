// Is this file run as a program (`node file.js`, a CLI, a sample script)? Then a function it calls
// at module scope is its entry point: it runs once per process even when the file also exports it
// (samples and CLIs export `main` so that tests can call it). The signals are listed, for people,
// in SCRIPT_ENTRY_SIGNALS (docs/contexts.md); this module only looks for them.
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, memberPropertyName, unwrap, walk, type Node } from '../ast.js';
import { isUndeclaredGlobal, resolveName, type ScopeManagerLike } from '../scope.js';
import { SCRIPT_ENTRY_SIGNALS } from './tables.js';

/** The first script-entry signal of the file, described for a message, or null when it has none. */
export function scriptEntryEvidence(program: TSESTree.Program, scopeManager: ScopeManagerLike, sourceText: string): string | null {
  if (sourceText.startsWith('#!')) return SCRIPT_ENTRY_SIGNALS.shebang;
  let found: string | null = null;
  const isGlobal = (node: Node, name: string) => node.type === 'Identifier' && node.name === name && isUndeclaredGlobal(resolveName(scopeManager, node, name));
  walk(program, (node) => {
    if (found) return false;
    // Only module scope: code inside functions runs when they are called, not when the file starts.
    if (node !== program && isFunction(node)) return false;
    if (node.type === 'BinaryExpression' && (node.operator === '===' || node.operator === '==')) {
      const [left, right] = [unwrap(node.left), unwrap(node.right)];
      const isRequireMain = (side: Node) => side.type === 'MemberExpression' && memberPropertyName(side) === 'main' && isGlobal(unwrap(side.object), 'require');
      if ((isRequireMain(left) && isGlobal(right, 'module')) || (isRequireMain(right) && isGlobal(left, 'module'))) found = SCRIPT_ENTRY_SIGNALS.requireMain;
    } else if (node.type === 'MemberExpression' && memberPropertyName(node) === 'main') {
      const object = unwrap(node.object);
      if (object.type === 'MetaProperty' && object.meta.name === 'import' && object.property.name === 'meta') found = SCRIPT_ENTRY_SIGNALS.importMetaMain;
    } else if (node.type === 'MemberExpression' && memberPropertyName(node) === 'argv' && isGlobal(unwrap(node.object), 'process')) {
      found = SCRIPT_ENTRY_SIGNALS.argvAtModuleScope;
    }
    return undefined;
  });
  return found;
}
