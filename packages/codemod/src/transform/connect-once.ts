// `await createClient(…).connect()` on every request: a shared client must connect once. Where the
// family's `connect()` resolves to the client itself and the client re-opens a dropped connection
// on its own, the chain becomes a cached connection promise: the first call connects, later calls
// share that connection, and a failed attempt is dropped so that the next call connects again
// (a rejected promise kept forever would fail every later request). Other families stay left.
import { isTransparentWrapper, memberPropertyName, readsOf, type CatalogSite, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { localBinding } from './lifecycle.js';
import type { ParsedFile } from './parse.js';

interface ConnectOnceFamily {
  family: string;
  /** Names the shared connection's declarations: `getRedis()`. */
  name: string;
  /** Methods that give the connection a state of its own (a subscriber, a blocked pop, a watched transaction): not for a shared client. */
  connectionState: readonly string[];
  source: string;
}

/** Families whose `connect()` resolves to the client and which reconnect by themselves once connected. */
const CONNECT_ONCE_FAMILIES: readonly ConnectOnceFamily[] = [
  {
    family: 'redis',
    name: 'redis',
    connectionState: ['subscribe', 'pSubscribe', 'sSubscribe', 'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'blPop', 'brPop', 'blMove', 'brPopLPush', 'bzPopMin', 'bzPopMax', 'blmPop', 'bzmPop', 'BLPOP', 'BRPOP', 'watch', 'WATCH', 'select', 'SELECT', 'monitor', 'MONITOR'],
    source: '@redis/client 6.4.0 dist/lib/client/index.js (connect() returns this; the socket reconnects by reconnectStrategy); pub/sub and blocking commands hold the connection (README "Pub/Sub", "Blocking Commands")',
  },
  {
    family: 'mongodb',
    name: 'mongo',
    connectionState: [],
    source: 'mongodb 7.9.1 lib/mongo_client.js connect() (returns this; the topology monitors and re-opens pooled connections)',
  },
];

/** Listener registrations that may come between the construction and `.connect()` (`createClient().on('error', log).connect()`). */
const CHAIN_LISTENERS = new Set(['on', 'once']);

export interface ConnectChain {
  /** The `.connect()` call ending the chain: what the shared promise caches. */
  call: TSESTree.CallExpression;
  /** Why it cannot connect once here, when it cannot. */
  reason?: string;
  /** The base of the generated names. */
  name?: string;
}

/** The `.connect()` chain built on `node`, if any, and whether connecting once is equivalent for its family. */
export function connectChain(node: Node, site: CatalogSite, parsed: ParsedFile): ConnectChain | undefined {
  let current = node;
  for (;;) {
    while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
    const member = current.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current || member.parent?.type !== 'CallExpression' || member.parent.callee !== member) return undefined;
    const method = memberPropertyName(member);
    if (method === 'connect') return { call: member.parent, ...whyNotOnce(member.parent, site, parsed) };
    if (!method || !CHAIN_LISTENERS.has(method)) return undefined;
    current = member.parent;
  }
}

function whyNotOnce(call: TSESTree.CallExpression, site: CatalogSite, parsed: ParsedFile): { reason?: string; name?: string } {
  const family = CONNECT_ONCE_FAMILIES.find((candidate) => candidate.family === site.entry.familyId);
  if (!family) return { reason: 'it is connected where it is built (`.connect()`): a shared client must connect once, so it is left for a start-up connection or a cached connection promise' };
  const binding = localBinding(call, parsed);
  if (!binding) return { reason: 'its connection is used without a name, so what it is used for cannot be checked' };
  for (const reference of readsOf(binding.variable)) {
    const member = (reference.identifier as Node).parent;
    const method = member?.type === 'MemberExpression' && member.object === reference.identifier ? memberPropertyName(member) : undefined;
    if (method && family.connectionState.includes(method)) {
      return { reason: `\`${binding.variable.name}.${method}()\` gives the connection a state of its own (a subscription, a blocked pop, a watch): a shared connection would carry it into other calls` };
    }
  }
  return { name: family.name };
}
