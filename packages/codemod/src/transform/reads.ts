// What a construction reads decides where a shared copy can live: literals, imports and module
// constants allow a module-level const; `this.*` a constructor-level instance; `process.env` or a
// mutable module `let` a lazy singleton; a per-call value no hoist at all (or a keyed cache).
import { contains, isFunction, isModuleLevel, isUndeclaredGlobal, memberPropertyName, topLevelStatement, walk, type Node, type ScopeVariable } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { environmentConstant, type EnvironmentLocal } from './env-locals.js';
import type { ParsedFile } from './parse.js';

export interface PerCallRead {
  identifier: TSESTree.Identifier;
  variable: ScopeVariable;
}

export interface Reads {
  /** `this.<name>` reads of the enclosing instance. */
  thisMembers: Set<string>;
  /** `this` used other than as `this.<name>`, or `super`. */
  otherThis: boolean;
  perCall: PerCallRead[];
  /** `process.env`, inline or through a local `const` computed from it (env-locals.ts). */
  env: boolean;
  /** Function-local `const`s computed only from `process.env` and constants: not per-call; their values move with a shared copy. */
  envLocals: EnvironmentLocal[];
  mutableModule: string[];
  /** Reads of module bindings that some function reassigns or writes through (state that changes at run time). */
  reassigned: { identifier: TSESTree.Identifier; name: string; writer: string | undefined }[];
  awaits: boolean;
  /** Functions its options call while it is built (`readFileSync()`): evaluated at first use, like `process.env`. */
  calls: string[];
  /** Offset after which every module declaration it reads exists. */
  after: number;
}


export function analyzeReads(node: Node, parsed: ParsedFile): Reads {
  const reads: Reads = { thisMembers: new Set(), otherThis: false, perCall: [], env: false, envLocals: [], mutableModule: [], reassigned: [], awaits: false, calls: [], after: 0 };
  walk(node, (inner) => {
    if (inner.type === 'ThisExpression' || inner.type === 'Super') {
      if (!bindsOwnThis(inner, node)) {
        const parent = inner.parent;
        const name = parent?.type === 'MemberExpression' && parent.object === inner ? memberPropertyName(parent) : undefined;
        if (inner.type === 'ThisExpression' && name) reads.thisMembers.add(name);
        else reads.otherThis = true;
      }
    } else if ((inner.type === 'AwaitExpression' || inner.type === 'YieldExpression') && !insideNestedFunction(inner, node)) {
      reads.awaits = true;
    } else if (inner.type === 'CallExpression' && inner !== node && !insideNestedFunction(inner, node) && !isModuleLoad(inner)) {
      reads.calls.push(parsed.text.slice(inner.callee.range[0], inner.callee.range[1]));
    }
  });
  for (const scope of parsed.scopeManager.scopes) {
    for (const reference of scope.references) {
      const identifier = reference.identifier as Node;
      if (!contains(node, identifier) || reference.isValueReference === false) continue;
      const variable = reference.resolved;
      if (!variable || isUndeclaredGlobal(variable)) {
        if (reference.identifier.name === 'process') reads.env = true;
        continue;
      }
      if (contains(node, variable.scope.block) && variable.scope.block !== node) continue; // declared inside it
      if (!isModuleLevel(variable.scope)) {
        const environment = environmentConstant(variable, parsed);
        if (environment) {
          reads.env = true;
          reads.envLocals.push({ identifier: reference.identifier as TSESTree.Identifier, variable });
          reads.after = Math.max(reads.after, environment.after);
          continue;
        }
        reads.perCall.push({ identifier: reference.identifier as TSESTree.Identifier, variable });
        continue;
      }
      const definition = variable.defs[0];
      if (!definition || definition.type === 'ImportBinding' || definition.type === 'FunctionName') continue;
      const declaration = definition.parent;
      const change = runtimeChange(variable);
      if (change) reads.reassigned.push({ identifier: reference.identifier as TSESTree.Identifier, name: variable.name, writer: functionName(change) });
      // A `var`/`let` written only by its declaration (`var AWS = require('aws-sdk')`) holds one value, like a `const`.
      if (definition.type === 'Variable' && declaration?.type === 'VariableDeclaration' && declaration.kind !== 'const' && writtenAfterDeclaration(variable)) {
        if (!reads.mutableModule.includes(variable.name)) reads.mutableModule.push(variable.name);
        continue;
      }
      const statement = topLevelStatement(definition.node, parsed.ast);
      if (statement) reads.after = Math.max(reads.after, statement.range[1]);
    }
  }
  return reads;
}

/** Declared twice, or assigned anywhere other than in its declaration. */
function writtenAfterDeclaration(variable: ScopeVariable): boolean {
  return variable.defs.length > 1 || variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** `require('x')` returns the same cached module whenever it runs. */
function isModuleLoad(call: TSESTree.CallExpression): boolean {
  return call.callee.type === 'Identifier' && call.callee.name === 'require' && call.arguments.length === 1 && call.arguments[0]?.type === 'Literal';
}

/** Is `this` here bound by a non-arrow function inside the construction itself? */
function bindsOwnThis(node: Node, root: Node): boolean {
  for (let current = node.parent; current && current !== root.parent; current = current.parent) {
    if (isFunction(current) && current.type !== 'ArrowFunctionExpression') return contains(root, current);
    if (current.type === 'ClassBody') return contains(root, current);
  }
  return false;
}

/**
 * The function that changes a module binding at run time, if one does: it assigns the binding
 * (`token = t`) or writes through it (`tls.ca = ca`, `config.n++`, `Object.assign(config, …)`).
 */
function runtimeChange(variable: ScopeVariable): Node | undefined {
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    const fn = enclosingFunction(identifier);
    if (!fn) continue;
    if (reference.isWrite() && !reference.init) return fn;
    let node = identifier;
    while (node.parent?.type === 'MemberExpression' && node.parent.object === node) node = node.parent;
    const parent = node.parent;
    if (node !== identifier && ((parent?.type === 'AssignmentExpression' && parent.left === node) || parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete'))) return fn;
    if (parent?.type === 'CallExpression' && parent.arguments[0] === node && parent.callee.type === 'MemberExpression' && parent.callee.object.type === 'Identifier' && parent.callee.object.name === 'Object' && memberPropertyName(parent.callee) === 'assign') return fn;
  }
  return undefined;
}

function enclosingFunction(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

function functionName(fn: Node): string | undefined {
  if (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') {
    if (fn.id) return fn.id.name;
  }
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && parent.key.type === 'Identifier') return parent.key.name;
  return undefined;
}

function insideNestedFunction(node: Node, root: Node): boolean {
  for (let current = node.parent; current && current !== root; current = current.parent) if (isFunction(current)) return true;
  return false;
}

/** The distinct per-call names, in order of appearance. */
export function perCallNames(reads: Reads): string[] {
  return [...new Set(reads.perCall.map((read) => read.variable.name))];
}
