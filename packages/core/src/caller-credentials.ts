// Clients built from the caller's own credentials: a tenant's keys taken from the request or the
// event (`new DynamoDBClient({ credentials: event.requestContext.authorizer… })`). "Create it once"
// is wrong advice there: one shared client would serve every tenant with the first tenant's keys.
// Which options (and positional arguments) carry credentials is family data
// (`facts.identity.credentials` in families/*.ts); where the value comes from is call-values.ts.
import type { TSESTree } from '@typescript-eslint/types';
import { findProperty, unwrap, type Node } from './ast.js';
import { callValueSource } from './call-values.js';
import { FAMILIES } from './families/index.js';
import type { CatalogSite } from './resolve.js';
import { resolveName, type ScopeManagerLike } from './scope.js';

export interface CallerCredentials {
  /** The option (`credentials`) or argument (`argument 1`) that carries them. */
  option: string;
  /** Where the value comes from: "parameter `event`". */
  source: string;
}

/** The credentials of this construction that come from the call it runs in, if any. */
export function callerCredentials(site: CatalogSite, scopeManager: ScopeManagerLike): CallerCredentials | undefined {
  const family = site.entry.familyId ? FAMILIES.find((candidate) => candidate.id === site.entry.familyId) : undefined;
  const credentials = family?.facts.identity?.credentials;
  if (!credentials) return undefined;
  const args = site.node.arguments;
  for (const index of credentials.arguments ?? []) {
    const argument = args[index];
    const source = argument && unwrap(argument).type !== 'ObjectExpression' ? callValueSource(scopeManager, argument) : undefined;
    if (source) return { option: `argument ${index + 1}`, source };
  }
  for (const argument of args) {
    const object = optionsObject(argument, scopeManager);
    if (!object) continue;
    for (const name of credentials.options) {
      const property = findProperty(object, name);
      const source = property && callValueSource(scopeManager, property.value);
      if (source) return { option: name, source };
    }
  }
  return undefined;
}

/** `{ … }`, or a local bound to one (`const options = { … }; new S3Client(options)`). */
function optionsObject(argument: Node, scopeManager: ScopeManagerLike): TSESTree.ObjectExpression | undefined {
  const value = unwrap(argument);
  if (value.type === 'ObjectExpression') return value;
  if (value.type !== 'Identifier') return undefined;
  const definition = resolveName(scopeManager, value, value.name)?.defs[0];
  const init = definition?.type === 'Variable' && definition.node.type === 'VariableDeclarator' ? definition.node.init : undefined;
  return init && unwrap(init).type === 'ObjectExpression' ? (unwrap(init) as TSESTree.ObjectExpression) : undefined;
}
