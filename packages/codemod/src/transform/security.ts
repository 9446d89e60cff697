// What must never be shared (keepalive-facts.md §7): an agent whose TLS identity or trust, or a
// proxy agent whose credentials, come from per-call values would hand them to every caller; an
// axios instance whose headers read per-call values would send one caller's Authorization or
// tenant header with everybody's requests.
import { staticKeyName, type CatalogSite, type Node } from '@reuse-clients/core';
import type { Reads } from './reads.js';

const TLS_IDENTITY = new Set(['cert', 'key', 'pfx', 'passphrase', 'ca', 'rejectUnauthorized', 'servername']);
const PROXY_CREDENTIALS = new Set(['token', 'auth', 'proxy', 'uri', 'proxyTls', 'headers']);
const PER_REQUEST_HEADERS = new Set(['headers', 'auth']);

function identityOptions(site: CatalogSite): Set<string> | undefined {
  if (site.entry.kind !== 'agent') return undefined;
  const isProxy = site.entry.family === 'proxy-agent' || /Proxy/.test(site.value.path[site.value.path.length - 1] ?? '');
  return isProxy ? new Set([...TLS_IDENTITY, ...PROXY_CREDENTIALS]) : TLS_IDENTITY;
}

/** Why an agent built from per-call identity must not be shared, if it is one. */
export function sharedIdentity(site: CatalogSite, node: Node, reads: Reads): string | undefined {
  const options = identityOptions(site);
  const found = options && readInside(node, reads.perCall.map((read) => ({ identifier: read.identifier, name: read.variable.name })), options);
  return found && `its TLS or proxy options (\`${found.property}\`) read \`${found.name}\`, a per-call value: a shared agent would hand that identity to every caller`;
}

/**
 * Why an agent whose TLS or proxy options read state that changes at run time (a module `let` a
 * function reassigns) must not become one lazily built instance: it would keep the first value.
 */
export function frozenIdentity(site: CatalogSite, node: Node, reads: Reads): string | undefined {
  const options = identityOptions(site);
  const found = options && readInside(node, reads.reassigned.map((read) => ({ identifier: read.identifier, name: read.name })), options);
  const writer = found && reads.reassigned.find((read) => read.name === found.name)?.writer;
  return found && `its TLS or proxy options (\`${found.property}\`) read \`${found.name}\`, which ${writer ? `\`${writer}\`` : 'a function'} changes at run time: one shared agent would keep the first value for every caller`;
}

/** Why an axios instance with per-call (or changing) headers must stay per call, if it has them. */
export function perRequestHeaders(site: CatalogSite, node: Node, reads: Reads): string | undefined {
  if (site.entry.kind !== 'axios-instance') return undefined;
  const found = readInside(node, reads.perCall.map((read) => ({ identifier: read.identifier, name: read.variable.name })), PER_REQUEST_HEADERS);
  if (found) return `its \`${found.property}\` read \`${found.name}\`, a per-call value: per-request headers stay at the call, never in instance defaults`;
  const changing = readInside(node, reads.reassigned, PER_REQUEST_HEADERS);
  const writer = changing && reads.reassigned.find((read) => read.name === changing.name)?.writer;
  return changing && `its \`${changing.property}\` read \`${changing.name}\`, which ${writer ? `\`${writer}\`` : 'a function'} changes at run time: a shared instance would keep sending the first value`;
}

/** One of the reads inside one of the given option names (at any depth of the options). */
function readInside(node: Node, reads: readonly { identifier: Node; name: string }[], properties: Set<string>): { property: string; name: string } | undefined {
  for (const read of reads) {
    for (let current: Node | undefined = read.identifier.parent; current && current !== node; current = current.parent) {
      if (current.type === 'Property') {
        const key = staticKeyName(current.key, current.computed);
        if (key && properties.has(key)) return { property: key, name: read.name };
      }
    }
  }
  return undefined;
}
