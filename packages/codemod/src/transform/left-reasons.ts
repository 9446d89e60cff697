// Reasons for leaving a site that say what is really in the way, where the generic "reads a
// per-call value" would not be true: a class the function itself imports with `await import()`
// is the module's export, the same on every call; a client built from the caller's credentials is
// one per credential set by design.
import type { Finding } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PerCallRead } from './reads.js';

/** The module a per-call binding comes from when its declaration is `await import('m')` (destructured or `.default`). */
export function dynamicImportModule(read: PerCallRead): string | undefined {
  const definition = read.variable.defs[0];
  if (definition?.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  let init: TSESTree.Expression | null = declarator.init;
  while (init && (init.type === 'MemberExpression' || init.type === 'TSAsExpression' || init.type === 'TSNonNullExpression')) init = init.type === 'MemberExpression' ? init.object : init.expression;
  if (init?.type !== 'AwaitExpression' || init.argument.type !== 'ImportExpression') return undefined;
  const source = init.argument.source;
  return source.type === 'Literal' && typeof source.value === 'string' ? source.value : undefined;
}

/** Per-call reads that are not the `await import()` bindings, and the first such binding if any. */
export function withoutDynamicImports(reads: readonly PerCallRead[]): { rest: PerCallRead[]; imported?: { name: string; module: string } } {
  const rest: PerCallRead[] = [];
  let imported: { name: string; module: string } | undefined;
  for (const read of reads) {
    const module = dynamicImportModule(read);
    if (module === undefined) rest.push(read);
    else imported ??= { name: read.variable.name, module };
  }
  return { rest, ...(imported ? { imported } : {}) };
}

export function dynamicImportReason(imported: { name: string; module: string }): string {
  return `\`${imported.name}\` comes from \`await import('${imported.module}')\` inside the function, the same export on every call, not a per-call value: a shared instance needs that import at module level, which the codemod does not move`;
}

/** Why a client built from the caller's own credentials stays per call (core reports it only with `reportCallerCredentials`). */
export function callerCredentialsReason(finding: Finding): string | undefined {
  if (finding.messageId !== 'perCallCredentials') return undefined;
  const option = finding.data['option'];
  return `it is built from the caller's own credentials${option ? ` (\`${option}\`)` : ''}: one client per credential set, never one shared across callers (\`--keyed\` caches one per set)`;
}
