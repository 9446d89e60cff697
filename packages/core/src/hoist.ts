// Hoistability: can a construction move to a module-level constant without changing what it
// builds? Only when it reads nothing but literals, imports and module-level constants declared
// before it, and its instance is not closed or replaced per call. The same analysis backs the
// editor suggestion and the codemod's module-level placement.
import type { TSESTree } from '@typescript-eslint/types';
import { contains, isFunction, isTransparentWrapper, memberPropertyName, unwrap, walk, type Node } from './ast.js';
import { globalConfigurationEnd } from './global-configuration.js';
import type { CatalogSite } from './resolve.js';
import { isModuleLevel, isUndeclaredGlobal, readsOf, resolveName, type ScopeManagerLike, type ScopeVariable } from './scope.js';

export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface ModuleHoist {
  name: string;
  edits: TextEdit[];
}

/** Methods that end an instance's life: a shared instance must not be closed by one caller. */
export const LIFECYCLE_METHODS = new Set(['close', 'destroy', 'end', 'disconnect', '$disconnect', 'quit', 'terminate']);

export interface HoistInput {
  ast: TSESTree.Program;
  scopeManager: ScopeManagerLike;
  sourceText: string;
}

export type ModuleReadiness =
  | { ok: true; after: number }
  | { ok: false; reason: string };

/**
 * What the construction reads, and so where a module-level copy could live: `after` is the
 * offset after which every module declaration it reads exists.
 */
export function moduleReadiness(site: Node, input: HoistInput, isCatalogConstruction: (node: Node) => boolean = () => false): ModuleReadiness {
  let reason: string | undefined;
  let after = 0;
  walk(site, (node) => {
    if (reason) return false;
    if (node !== site && isFunction(node)) return false; // a callback in the options runs later, not at construction
    if (node.type === 'ThisExpression' || node.type === 'Super') reason = 'its options read `this`';
    else if (node.type === 'AwaitExpression' || node.type === 'YieldExpression') reason = 'its options await a value';
    else if ((node.type === 'CallExpression' || node.type === 'NewExpression') && node !== site && !isCatalogConstruction(node) && !isModuleLoad(node)) {
      // Hoisting would run this call once instead of on every call: not provably the same.
      reason = `its options call \`${input.sourceText.slice(node.callee.range[0], node.callee.range[1])}()\`, which would then run once instead of per call`;
    }
    return !reason;
  });
  if (reason) return { ok: false, reason };
  for (const reference of referencesWithin(site, input.scopeManager)) {
    const variable = reference.resolved;
    if (!variable || isUndeclaredGlobal(variable)) {
      const name = reference.identifier.name;
      if (name === 'process') return { ok: false, reason: 'its options read `process.env` (evaluated per call; needs a lazy singleton)' };
      if (name === 'arguments') return { ok: false, reason: 'its options read `arguments`' };
      continue;
    }
    if (contains(site, variable.scope.block) && variable.scope.block !== site) continue; // declared inside the construction
    if (!isModuleLevel(variable.scope)) return { ok: false, reason: `its options read \`${variable.name}\`, a per-call value` };
    const definition = variable.defs[0];
    if (!definition) continue;
    if (definition.type === 'ImportBinding' || definition.type === 'FunctionName') continue;
    const declaration = definition.parent;
    const isConst = definition.type === 'ClassName' || (declaration?.type === 'VariableDeclaration' && declaration.kind === 'const');
    if (!isConst) return { ok: false, reason: `its options read \`${variable.name}\`, a mutable module variable (needs a lazy singleton)` };
    const statement = topLevelStatement(definition.node, input.ast);
    if (statement) after = Math.max(after, statement.range[1]);
  }
  return { ok: true, after };
}

/** `require('x')` returns the same cached module whenever it runs. */
function isModuleLoad(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1 && node.arguments[0]?.type === 'Literal';
}

/** All references made inside `site`, including from functions nested in it. */
function referencesWithin(site: Node, manager: ScopeManagerLike) {
  const result = [];
  for (const scope of manager.scopes) {
    for (const reference of scope.references) {
      if (contains(site, reference.identifier as Node)) result.push(reference);
    }
  }
  return result;
}

export function topLevelStatement(node: Node, program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let current: Node = node;
  while (current.parent && current.parent !== program) current = current.parent;
  return current.parent === program ? (current as TSESTree.ProgramStatement) : undefined;
}

/** Why the instance bound at the construction cannot be shared, if it cannot. */
export function bindingObstacle(site: Node, manager: ScopeManagerLike): string | undefined {
  let node = site;
  while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression')) node = node.parent;
  const parent = node.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== node) return undefined;
  const declaration = parent.parent;
  if (declaration?.type === 'VariableDeclaration' && (declaration.kind === 'using' || declaration.kind === 'await using')) {
    return 'it is bound with `using`, which disposes it at the end of the block';
  }
  if (parent.id.type !== 'Identifier') return undefined;
  const variable = resolveName(manager, parent, parent.id.name);
  if (!variable) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return `\`${variable.name}\` is reassigned`;
  const closing = lifecycleCalls(variable);
  if (closing.length > 0) return `\`${variable.name}.${closing[0]}()\` closes it after use`;
  return undefined;
}

/** Lifecycle method names called on a variable (`pool.end()`, `prisma.$disconnect()`). */
export function lifecycleCalls(variable: ScopeVariable): string[] {
  const names: string[] = [];
  for (const reference of readsOf(variable)) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
    const name = memberPropertyName(member);
    if (name && LIFECYCLE_METHODS.has(name) && member.parent?.type === 'CallExpression' && member.parent.callee === member) names.push(name);
  }
  return names;
}

/** Where new module-level declarations go: after the imports/requires, and after `after`. */
export function moduleInsertionOffset(program: TSESTree.Program, after: number): number {
  let offset = after;
  for (const statement of program.body) {
    if (isImportLike(statement)) offset = Math.max(offset, statement.range[1]);
  }
  return offset;
}

/** An import, `import x = require()`, or a declaration initialised from `require()`/`import()`. */
export function isImportLike(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration') return true;
  if (statement.type !== 'VariableDeclaration') return false;
  return statement.declarations.every((declarator) => {
    let init = declarator.init ? unwrap(declarator.init) : undefined;
    while (init?.type === 'MemberExpression') init = unwrap(init.object);
    if (init?.type === 'AwaitExpression') init = unwrap(init.argument);
    return (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require') || init?.type === 'ImportExpression';
  });
}

/** Every name bound or used anywhere in the file, so a new name never shadows or collides. */
export function takenNames(manager: ScopeManagerLike): Set<string> {
  const names = new Set<string>();
  for (const scope of manager.scopes) {
    for (const variable of scope.variables) names.add(variable.name);
    for (const reference of scope.through) names.add(reference.identifier.name);
  }
  return names;
}

export function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let index = 2; ; index += 1) if (!taken.has(`${base}${index}`)) return `${base}${index}`;
}

/** A readable name for the shared instance: `httpsAgent`, `dispatcher`, `prisma`, `s3Client`. */
export function instanceName(site: CatalogSite): string {
  const { entry, value } = site;
  const last = value.path[value.path.length - 1];
  if (entry.kind === 'axios-instance') return 'apiClient';
  if (entry.family === 'node-http') return `${value.module}Agent`;
  if (entry.family === 'undici' && last === 'Agent') return 'dispatcher';
  if (entry.family === 'agentkeepalive') return last === 'HttpsAgent' ? 'httpsKeepAliveAgent' : 'keepAliveAgent';
  if (last) return lowerFirst(last);
  // A default export: the local name the file already gives it reads best (`new Redis()` → `redis`).
  const callee = site.node.callee;
  if (callee.type === 'Identifier') return lowerFirst(callee.name);
  return camelCase(value.module.replace(/^@[^/]+\//, ''));
}

function lowerFirst(text: string): string {
  // `S3Client` → `s3Client`, `MongoClient` → `mongoClient`, `Pool` → `pool`.
  const leadingCapitals = /^[A-Z0-9]+(?=[A-Z][a-z]|$)/.exec(text)?.[0] ?? text.charAt(0);
  return leadingCapitals.toLowerCase() + text.slice(leadingCapitals.length);
}

function camelCase(text: string): string {
  return text.replace(/[-_./]+(\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toLowerCase());
}

/** The editor suggestion: `const <name> = <construction>;` after the imports, and the site replaced by `<name>`. */
export function planModuleHoist(site: CatalogSite, input: HoistInput, isCatalogConstruction?: (node: Node) => boolean): ModuleHoist | null {
  if (bindingObstacle(site.node, input.scopeManager)) return null;
  const readiness = moduleReadiness(site.node, input, isCatalogConstruction);
  if (!readiness.ok) return null;
  const statement = topLevelStatement(site.node, input.ast);
  if (!statement) return null;
  // Below the statements that configure the module or the process, or it would miss that configuration.
  const insertAt = moduleInsertionOffset(input.ast, Math.max(readiness.after, globalConfigurationEnd(input)));
  if (insertAt > statement.range[0]) return null;
  const name = uniqueName(instanceName(site), takenNames(input.scopeManager));
  const text = input.sourceText.slice(site.node.range[0], site.node.range[1]);
  const declaration = `const ${name} = ${text};`;
  const insert: TextEdit =
    insertAt > 0 ? { range: [insertAt, insertAt], text: `\n${declaration}` } : { range: [statementStart(statement, input), statementStart(statement, input)], text: `${declaration}\n\n` };
  return { name, edits: [insert, { range: [site.node.range[0], site.node.range[1]], text: name }] };
}

/** The start of a statement including the comments right above it, so a doc comment stays with its statement. */
function statementStart(statement: TSESTree.ProgramStatement, input: HoistInput): number {
  let start = statement.range[0];
  const comments = input.ast.comments ?? [];
  for (let index = comments.length - 1; index >= 0; index -= 1) {
    const comment = comments[index]!;
    if (comment.range[1] > start) continue;
    if (input.sourceText.slice(comment.range[1], start).trim() !== '') break;
    start = comment.range[0];
  }
  return start;
}
