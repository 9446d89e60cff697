// Our own small rule factory instead of @typescript-eslint/utils' RuleCreator: that package pulls in
// typescript-estree, whose required `typescript` peer would install TypeScript into JS-only
// projects and break `npm install` next to TypeScript 7. Only its types are used, at build time.
import type { TSESLint } from '@typescript-eslint/utils';

export interface ReuseClientsDocs {
  description: string;
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

export const DOCS_URL_BASE = 'https://github.com/reuse-clients/reuse-clients/blob/main/docs/rules/';

interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: Omit<TSESLint.RuleMetaData<MessageIds, ReuseClientsDocs, Options>, 'docs' | 'defaultOptions'> & {
    docs: ReuseClientsDocs;
    defaultOptions: Options;
  };
  create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options): TSESLint.RuleListener;
}

/**
 * A rule whose `meta.docs.url` points at its page and whose `create` receives the options with
 * `meta.defaultOptions` merged in (objects deeply, everything else replaced), the way ESLint ≥ 9.15
 * merges them, so the rules behave alike in hosts that do not merge (older ESLint, oxlint).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: RuleDefinition<Options, MessageIds>,
): TSESLint.RuleModule<MessageIds, Options, ReuseClientsDocs> {
  const { name, meta, create } = definition;
  return {
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_URL_BASE}${name}.md` } },
    defaultOptions: meta.defaultOptions,
    create(context) {
      return create(context, withDefaults(meta.defaultOptions, context.options));
    },
  };
}

function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[]): Options {
  return defaults.map((fallback, index) => {
    const value = given[index];
    if (value === undefined) return structuredClone(fallback);
    return isPlainObject(fallback) && isPlainObject(value) ? mergeDeep(fallback, value) : value;
  }) as unknown as Options;
}

function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeDeep(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
