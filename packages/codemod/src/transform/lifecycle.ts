// A per-call instance is usually closed by its caller (`finally { await pool.end() }`). Once the
// instance is shared those calls must go, and a `try/finally` left with an empty `finally` is
// unwrapped. Anything that cannot be removed cleanly leaves the site, with the reason.
import { isTransparentWrapper, LIFECYCLE_METHODS, lifecycleCalls, memberPropertyName, readsOf, resolveName, type Node, type ScopeVariable } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { renderRange, type Edit } from './edits.js';
import { indentationAt, lineStart, reindent, removeStatement } from './lines.js';
import type { ParsedFile } from './parse.js';

export interface LocalBinding {
  declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  declaration: TSESTree.VariableDeclaration;
  variable: ScopeVariable;
}

const REMOVABLE = new Set([...LIFECYCLE_METHODS, '$connect']);
const LISTENER_METHODS = new Set(['on', 'addListener', 'prependListener', 'addEventListener', '$on', '$use']);

/**
 * A write through the instance: `agent.options.ca = …`, `delete agent.x`, `agent.n++`,
 * `Object.assign(agent.options, …)`. Returns the expression that changes it.
 */
function mutation(identifier: Node): Node | undefined {
  let node = identifier;
  while (node.parent?.type === 'MemberExpression' && node.parent.object === node) node = node.parent;
  const parent = node.parent;
  if (node !== identifier) {
    if (parent?.type === 'AssignmentExpression' && parent.left === node) return parent;
    if (parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete')) return parent;
  }
  if (parent?.type === 'CallExpression' && parent.arguments[0] === node) {
    const callee = parent.callee;
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && ['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf'].includes(memberPropertyName(callee) ?? '')) return parent;
  }
  return undefined;
}

/** The local a construction is bound to (`const pool = new Pool()`, also through `await`). */
export function localBinding(node: Node, parsed: ParsedFile): LocalBinding | undefined {
  let current = node;
  while (current.parent && (isTransparentWrapper(current.parent) || current.parent.type === 'AwaitExpression')) current = current.parent;
  const declarator = current.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== current || declarator.id.type !== 'Identifier') return undefined;
  const declaration = declarator.parent;
  if (declaration?.type !== 'VariableDeclaration') return undefined;
  const variable = resolveName(parsed.scopeManager, declarator, declarator.id.name);
  return variable ? { declarator: declarator as LocalBinding['declarator'], declaration, variable } : undefined;
}

export type LifecyclePlan = { ok: true; edits: Edit[]; removed: string[] } | { ok: false; reason: string };

/**
 * `isGone` tells which statements earlier rewrites already removed (another instance closed in the
 * same `finally`), so the last one to go unwraps the `try`.
 */
export function planLifecycle(node: Node, parsed: ParsedFile, isGone: (statement: Node) => boolean = () => false): LifecyclePlan {
  let current = node;
  while (current.parent && (isTransparentWrapper(current.parent) || current.parent.type === 'AwaitExpression')) current = current.parent;
  const holder = current.parent;
  if (holder?.type === 'VariableDeclarator' && holder.parent?.type === 'VariableDeclaration' && (holder.parent.kind === 'using' || holder.parent.kind === 'await using')) {
    return { ok: false, reason: 'it is bound with `using`, which disposes it at the end of the block' };
  }
  if (holder?.type === 'AssignmentExpression' && holder.right === current && holder.left.type === 'Identifier') {
    // `client = new Client()` into an existing variable: its closing calls may be anywhere.
    const target = resolveName(parsed.scopeManager, holder, holder.left.name);
    const closing = target ? lifecycleCalls(target) : [];
    if (closing.length > 0) return { ok: false, reason: `\`${holder.left.name}.${closing[0]}()\` closes it after use, outside the statement that builds it` };
  }
  const binding = localBinding(node, parsed);
  if (!binding) return { ok: true, edits: [], removed: [] };
  const { variable } = binding;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return { ok: false, reason: `\`${variable.name}\` is reassigned` };
  const statements: TSESTree.Statement[] = [];
  const removed: string[] = [];
  for (const reference of readsOf(variable)) {
    const identifier = reference.identifier as Node;
    const changed = mutation(identifier);
    if (changed) return { ok: false, reason: `\`${variable.name}\` is changed after it is built (\`${parsed.text.slice(changed.range[0], changed.range[1]).split('\n')[0]}\`): a shared instance would carry one caller's change to every other` };
    const member = identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== identifier) continue;
    const method = memberPropertyName(member);
    const call = member.parent;
    if (!method || call?.type !== 'CallExpression' || call.callee !== member) continue;
    if (method === 'connect') return { ok: false, reason: `\`${variable.name}.connect()\` is called per call; a shared client must connect once at start-up` };
    if (LISTENER_METHODS.has(method)) return { ok: false, reason: `\`${variable.name}.${method}()\` adds a listener on every call; on a shared instance they would pile up` };
    if (!REMOVABLE.has(method)) continue;
    const statement = enclosingExpressionStatement(call);
    if (!statement) return { ok: false, reason: `\`${variable.name}.${method}()\` is used as a value, so it cannot simply be removed` };
    statements.push(statement);
    removed.push(`${variable.name}.${method}()`);
  }
  const edits: Edit[] = [];
  const handledBlocks = new Set<Node>();
  for (const statement of statements) {
    const block = statement.parent;
    if (block?.type === 'BlockStatement' && block.parent?.type === 'TryStatement' && block.parent.finalizer === block) {
      if (handledBlocks.has(block)) continue;
      const rest = block.body.filter((inner) => !statements.includes(inner) && !isGone(inner));
      if (rest.length === 0) {
        handledBlocks.add(block);
        const unwrap = unwrapTry(block.parent, parsed);
        if (!unwrap.ok) return unwrap;
        edits.push(...unwrap.edits);
        continue;
      }
    }
    if (!block || (block.type !== 'BlockStatement' && block.type !== 'Program' && block.type !== 'SwitchCase')) {
      return { ok: false, reason: `\`${variable.name}\` is closed in a position that cannot be removed cleanly` };
    }
    edits.push(removeStatement(parsed.text, statement));
  }
  return { ok: true, edits, removed };
}

/** `x.close();`, `await x.close();`, `void x.close();`, `x.close().catch(…);` as a statement. */
function enclosingExpressionStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  let node: Node = call;
  for (;;) {
    const parent: Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === 'ExpressionStatement') return parent;
    if (parent.type === 'AwaitExpression' || isTransparentWrapper(parent) || (parent.type === 'UnaryExpression' && parent.operator === 'void')) {
      node = parent;
      continue;
    }
    if (parent.type === 'MemberExpression' && parent.object === node && ['catch', 'then', 'finally'].includes(memberPropertyName(parent) ?? '') && parent.parent?.type === 'CallExpression') {
      node = parent.parent;
      continue;
    }
    return undefined;
  }
}

/** `try { A } finally { close }` → `A`; with a `catch`, only the `finally` clause goes. */
function unwrapTry(statement: TSESTree.TryStatement, parsed: ParsedFile): LifecyclePlan {
  const { text } = parsed;
  const finalizer = statement.finalizer!;
  if (statement.handler) {
    return { ok: true, edits: [{ start: statement.handler.range[1], end: finalizer.range[1], text: '' }], removed: [] };
  }
  const outer = statement.parent;
  if (!outer || (outer.type !== 'BlockStatement' && outer.type !== 'Program' && outer.type !== 'SwitchCase')) {
    return { ok: false, reason: 'its `try/finally` is not in a block, so it cannot be unwrapped' };
  }
  const inner = statement.block.body;
  const outerBody: readonly Node[] = outer.type === 'SwitchCase' ? outer.consequent : outer.body;
  const clash = declaredNames(inner).find((name) => outerBody.some((sibling) => sibling !== statement && declaredNames([sibling]).includes(name)));
  if (clash) return { ok: false, reason: `unwrapping its \`try/finally\` would declare \`${clash}\` twice in the same block` };
  if (inner.length === 0) return { ok: true, edits: [removeStatement(text, statement)], removed: [] };
  // The try block's content, from the line after `{` to the line before `}`, moved out one level.
  const open = statement.block.range[0] + 1;
  const close = statement.block.range[1] - 1;
  const firstBreak = text.indexOf('\n', open);
  const closeLine = lineStart(text, close);
  if (firstBreak === -1 || text.slice(open, firstBreak).trim() !== '' || text.slice(closeLine, close).trim() !== '' || closeLine <= firstBreak) {
    return { ok: false, reason: 'its `try/finally` is not laid out one statement per line, so it cannot be unwrapped cleanly' };
  }
  const contentStart = firstBreak + 1;
  const contentEnd = text[closeLine - 2] === '\r' ? closeLine - 2 : closeLine - 1;
  const outerIndent = indentationAt(text, statement.range[0]);
  const innerIndent = indentationAt(text, inner[0]!.range[0]);
  const moveOut = (body: string) => (innerIndent.length > outerIndent.length && innerIndent.startsWith(outerIndent) ? reindent(`\n${body}`, innerIndent, outerIndent).slice(1) : body);
  const start = lineStart(text, statement.range[0]);
  // Earlier rewrites inside the try block (a site replaced there) are carried into the moved body;
  // those in the `finally` go with it.
  const compose = (inner: readonly Edit[]) => moveOut(renderRange(text, contentStart, contentEnd, inner));
  return { ok: true, edits: [{ start, end: statement.range[1], text: compose([]), compose }], removed: [] };
}

function declaredNames(statements: readonly Node[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) collectPatternNames(declarator.id, names);
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      names.push(statement.id.name);
    }
  }
  return names;
}

function collectPatternNames(pattern: Node, names: string[]): void {
  if (pattern.type === 'Identifier') names.push(pattern.name);
  else if (pattern.type === 'ObjectPattern') pattern.properties.forEach((property) => collectPatternNames(property.type === 'Property' ? property.value : property.argument, names));
  else if (pattern.type === 'ArrayPattern') pattern.elements.forEach((element) => element && collectPatternNames(element, names));
  else if (pattern.type === 'AssignmentPattern') collectPatternNames(pattern.left, names);
  else if (pattern.type === 'RestElement') collectPatternNames(pattern.argument, names);
}
