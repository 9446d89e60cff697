// Top-level statements that configure a client module or the process for everything built after
// them: `AWS.config.update(…)`, `axios.defaults.… = …`, `setGlobalDispatcher(…)`, `dotenv.config()`,
// `process.env.X = …`. A hoisted construction must stay below them, or it is built before the
// configuration it used to see (AWS SDK v2 clients copy `AWS.config` when constructed; `axios.create`
// merges `axios.defaults` when called; dotenv fills `process.env` that options read).
import type { TSESTree } from '@typescript-eslint/types';
import { isFunction, memberPropertyName, unwrap, walk, type Node } from './ast.js';
import { createCatalog } from './catalog.js';
import { ModuleResolver, type ModuleValue } from './resolve.js';
import { isUndeclaredGlobal, resolveName, type ScopeManagerLike } from './scope.js';

/** A module export (and everything below it) whose call or assignment configures later constructions. */
export interface GlobalConfigurationEntry {
  module: string;
  path: readonly string[];
}

export const GLOBAL_CONFIGURATION: readonly GlobalConfigurationEntry[] = [
  // aws-sdk v2: service clients read the global config object at construction (lib/service.js).
  { module: 'aws-sdk', path: ['config'] },
  { module: 'aws-sdk/global', path: ['config'] },
  // axios.create merges axios.defaults into the new instance when it is called (lib/axios.js).
  { module: 'axios', path: ['defaults'] },
  { module: 'axios', path: ['interceptors'] },
  // undici and global fetch use the dispatcher installed last.
  { module: 'undici', path: ['setGlobalDispatcher'] },
  // Node agents built from `http.globalAgent` options, and requests without an agent.
  { module: 'http', path: ['globalAgent'] },
  { module: 'https', path: ['globalAgent'] },
  // dotenv fills process.env, which options read.
  { module: 'dotenv', path: ['config'] },
  { module: 'dotenv', path: ['configDotenv'] },
  { module: 'dotenv', path: ['populate'] },
];

export interface ConfigurationInput {
  ast: TSESTree.Program;
  scopeManager: ScopeManagerLike;
  sourceText: string;
}

/** The top-level statements that configure a client module or the process, in file order. */
export function globalConfigurationStatements(input: ConfigurationInput, entries: readonly GlobalConfigurationEntry[] = GLOBAL_CONFIGURATION): TSESTree.ProgramStatement[] {
  if (!mayConfigure(input.sourceText, entries)) return [];
  const resolver = new ModuleResolver(input.scopeManager, createCatalog(), input.sourceText);
  const configures = (value: ModuleValue | null): boolean =>
    !!value && entries.some((entry) => entry.module === value.module && entry.path.every((name, index) => value.path[index] === name));
  return input.ast.body.filter((statement) => {
    let found = false;
    walk(statement as Node, (node) => {
      if (found) return false;
      // Code in a function runs when it is called, not where it stands.
      if (isFunction(node)) return false;
      if (node.type === 'CallExpression') found = configures(resolver.valueOf(node.callee));
      else if (node.type === 'AssignmentExpression' || node.type === 'UpdateExpression' || (node.type === 'UnaryExpression' && node.operator === 'delete')) {
        const target = node.type === 'AssignmentExpression' ? node.left : node.argument;
        found = memberChain(unwrap(target)).some((member) => configures(resolver.valueOf(member)) || isProcessEnv(member, input.scopeManager));
      }
      return !found;
    });
    return found;
  });
}

/** Where the last configuring statement ends (0 when there is none): new declarations go after it. */
export function globalConfigurationEnd(input: ConfigurationInput): number {
  const statements = globalConfigurationStatements(input);
  return statements.length > 0 ? statements[statements.length - 1]!.range[1] : 0;
}

/** `a.b.c` and each object below it: `a.b.c`, `a.b`, `a`. */
function memberChain(node: Node): Node[] {
  const chain: Node[] = [];
  let current: Node = node;
  while (current.type === 'MemberExpression') {
    chain.push(current);
    current = unwrap(current.object);
  }
  chain.push(current);
  return chain;
}

/** `process.env` (or a member below it) on the undeclared global `process`. */
function isProcessEnv(node: Node, manager: ScopeManagerLike): boolean {
  const chain = memberChain(node);
  const root = chain[chain.length - 1];
  const env = chain[chain.length - 2];
  if (root?.type !== 'Identifier' || root.name !== 'process' || env?.type !== 'MemberExpression') return false;
  if (memberPropertyName(env) !== 'env') return false;
  return isUndeclaredGlobal(resolveName(manager, root, 'process'));
}

/** A cheap text check before any resolving: every entry's module, or `process.env`, is named in the file. */
function mayConfigure(text: string, entries: readonly GlobalConfigurationEntry[]): boolean {
  return text.includes('process') || entries.some((entry) => text.includes(entry.module));
}
