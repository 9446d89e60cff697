// When may a shared instance be built? A module-level `const` runs at import time, before the app
// has loaded its settings; that is only safe for what reads nothing but constants. A call of user or
// project code (a factory, a client class) runs that code, so it is built at first use instead
// (a lazy singleton), unless what the code reads is decided per call, when even first use would
// freeze one call's value for all.
import { KNOWN_SITE_MODULE, isFunction, memberPropertyName, normalizeModule, resolveName, unwrap, walk, type CatalogSite, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ParsedFile } from './parse.js';
import { analyzeReads } from './reads.js';

export type Evaluation =
  /** Only constants and catalog constructions: building it at import time is the same. */
  | { kind: 'constant' }
  /** Runs code that may read settings loaded at start-up: build it at first use. */
  | { kind: 'first-use'; why: string }
  /** Reads per-call state: one instance, even built at first use, would keep one call's value. */
  | { kind: 'left'; reason: string };

/** Methods that return state of the current call (AsyncLocalStorage and its wrappers). */
const PER_CALL_STATE_METHODS = new Set(['getStore']);

/**
 * How a construction or factory call may be evaluated once. `node` is the hoisted expression and
 * `site` the catalog construction it builds; `isCatalogConstruction` tells catalog calls from user code.
 */
export function evaluationOf(
  node: TSESTree.NewExpression | TSESTree.CallExpression,
  site: CatalogSite,
  parsed: ParsedFile,
  isCatalogConstruction: (node: Node) => boolean,
  /** Modules the project pass named as the project's own (relative, or through a tsconfig `paths` alias like `@server/api`). */
  projectModules: ReadonlySet<string> = new Set(),
): Evaluation {
  const ownCode = node !== site.node;
  if (!ownCode && !isProjectSite(site, projectModules)) return { kind: 'constant' };
  const callee = unwrap(node.callee);
  const name = parsed.text.slice(callee.range[0], callee.range[1]);
  const body = ownCode && callee.type === 'Identifier' ? declarationOf(callee, parsed) : undefined;
  // Another file's code, or a method: what it reads cannot be seen here.
  if (!body) return { kind: 'first-use', why: `\`${name}\` is project code` };
  const code = constructionCode(body);
  for (const part of code) {
    const changed = analyzeReads(part, parsed).reassigned[0];
    if (changed) return { kind: 'left', reason: `\`${name}\` reads \`${changed.name}\`, which ${changed.writer ? `\`${changed.writer}\`` : 'a function'} changes at run time: one instance, even built at first use, would keep one call's value` };
    const store = perCallStateCall(part);
    if (store) return { kind: 'left', reason: `\`${name}\` reads per-call state (\`${store}()\`): one instance, even built at first use, would keep one call's value` };
  }
  for (const part of code) {
    const reads = analyzeReads(part, parsed);
    if (reads.env || reads.mutableModule.length > 0 || callsUserCode(part, isCatalogConstruction)) return { kind: 'first-use', why: `\`${name}\` runs code that may read settings loaded at start-up` };
  }
  return { kind: 'constant' };
}

/** A construction of the project's own code (a builder of another file), not of a package. */
export function isProjectSite(site: CatalogSite, projectModules: ReadonlySet<string>): boolean {
  return isProjectModule(site.entry.module) || projectModules.has(normalizeModule(site.entry.module));
}

/** A relative or absolute specifier: a project's own module (the project pass's entries), or a builder only it located. */
function isProjectModule(module: string): boolean {
  return module === KNOWN_SITE_MODULE || module.startsWith('.') || module.startsWith('/');
}

/** The function or class an identifier callee names in this file. */
function declarationOf(callee: TSESTree.Identifier, parsed: ParsedFile): Node | undefined {
  const definition = resolveName(parsed.scopeManager, callee, callee.name)?.defs[0];
  if (!definition) return undefined;
  if (definition.type === 'FunctionName' || definition.type === 'ClassName') return definition.node as Node;
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator') {
    const init = definition.node.init ? unwrap(definition.node.init as Node) : undefined;
    if (init && (isFunction(init) || init.type === 'ClassExpression')) return init;
  }
  return undefined;
}

/** What runs when it is called or constructed: a function; a class's constructor and field initialisers. */
function constructionCode(declaration: Node): Node[] {
  if (declaration.type !== 'ClassDeclaration' && declaration.type !== 'ClassExpression') return [declaration];
  return declaration.body.body.flatMap((member): Node[] => {
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') return [member.value];
    if (member.type === 'PropertyDefinition' && !member.static && member.value) return [member.value];
    return [];
  });
}

/** Calls in the body, other than catalog constructions and `require()`, run user code. */
function callsUserCode(body: Node, isCatalogConstruction: (node: Node) => boolean): boolean {
  let found = false;
  walk(body, (node) => {
    if (found) return false;
    // A nested function runs later, if at all.
    if (node !== body && isFunction(node)) return false;
    if (node.type === 'CallExpression' && !isCatalogConstruction(node) && !isRequire(node)) found = true;
    return !found;
  });
  return found;
}

function perCallStateCall(body: Node): string | undefined {
  let found: string | undefined;
  walk(body, (node) => {
    if (found) return false;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const method = memberPropertyName(node.callee);
      if (method && PER_CALL_STATE_METHODS.has(method)) found = method;
    }
    return !found;
  });
  return found;
}

function isRequire(call: TSESTree.CallExpression): boolean {
  return call.callee.type === 'Identifier' && call.callee.name === 'require';
}
