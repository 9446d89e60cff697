// Generated code must run on every Node version the file targets (core's nodeTargetFor): each
// syntax or module form a template may write, with the Node releases that run it. Sources: the
// Node.js changelogs and node.green (V8 versions shipped unflagged); `node:` specifiers from the
// "node: imports" history of the Node.js ESM and modules docs.
import { targetWithin } from '@reuse-clients/core';

/** The Node releases that run each construct a template may write (semver ranges). */
export const NODE_SUPPORT = {
  /** `x ??= y`, `x ||= y`: V8 8.5, Node 15.0.0. */
  logicalAssignment: '>=15.0.0',
  /** `4_000`: V8 7.5, Node 12.5.0. */
  numericSeparators: '>=12.5.0',
  /** `import … from 'node:http'`: Node 14.13.1 and 12.20.0. */
  nodeSchemeImport: '^12.20.0 || >=14.13.1',
  /** `require('node:http')`: Node 16.0.0 and 14.18.0. */
  nodeSchemeRequire: '^14.18.0 || >=16.0.0',
} as const;

/** What generated code may use for one file's Node target. */
export interface TargetSyntax {
  logicalAssignment: boolean;
  numericSeparators: boolean;
  /** `node:` in a static import (ESM the runtime loads as such). */
  nodeSchemeImport: boolean;
  /** `node:` in `require()`, and in an import that a compiler may turn into one. */
  nodeSchemeRequire: boolean;
}

export function targetSyntax(range: string): TargetSyntax {
  return {
    logicalAssignment: targetWithin(range, NODE_SUPPORT.logicalAssignment),
    numericSeparators: targetWithin(range, NODE_SUPPORT.numericSeparators),
    nodeSchemeImport: targetWithin(range, NODE_SUPPORT.nodeSchemeImport),
    nodeSchemeRequire: targetWithin(range, NODE_SUPPORT.nodeSchemeRequire),
  };
}

/** Every construct is available: the default when no target is given. */
export const MODERN_SYNTAX: TargetSyntax = { logicalAssignment: true, numericSeparators: true, nodeSchemeImport: true, nodeSchemeRequire: true };

/** A numeric literal of a template (`4_000`) as the target can parse it. */
export function numericLiteral(text: string, syntax: Pick<TargetSyntax, 'numericSeparators'>): string {
  return syntax.numericSeparators || !/^\d[\d_]*$/.test(text) ? text : text.replace(/_/g, '');
}

/** `store ??= value` as an expression, or `store || (store = value)` where `??=` cannot run (the value is an object, never falsy). */
export function assignOnce(store: string, value: string, syntax: Pick<TargetSyntax, 'logicalAssignment'>): string {
  return syntax.logicalAssignment ? `(${store} ??= ${value})` : `${store} || (${store} = ${value})`;
}
