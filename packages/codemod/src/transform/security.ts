// What must never be shared (keepalive-facts.md §7): an agent whose TLS identity or trust, or a
// proxy agent whose credentials, come from per-call values would hand them to every caller; an
// axios instance whose headers read per-call values would send one caller's Authorization or
// tenant header with everybody's requests.
import { staticKeyName, type CatalogSite, type Node } from '@reuse-clients/core';
import type { Reads } from './reads.js';

const TLS_IDENTITY = new Set(['cert', 'key', 'pfx', 'passphrase', 'ca', 'rejectUnauthorized', 'servername']);
const PROXY_CREDENTIALS = new Set(['token', 'auth', 'proxy', 'uri', 'proxyTls', 'headers']);
const PER_REQUEST_HEADERS = new Set(['headers', 'auth']);

/** Why an agent built from per-call identity must not be shared, if it is one. */
export function sharedIdentity(site: CatalogSite, node: Node, reads: Reads): string | undefined {
  if (site.entry.kind !== 'agent') return undefined;
  const isProxy = site.entry.family === 'proxy-agent' || /Proxy/.test(site.value.path[site.value.path.length - 1] ?? '');
  const found = perCallInside(node, reads, isProxy ? new Set([...TLS_IDENTITY, ...PROXY_CREDENTIALS]) : TLS_IDENTITY);
  return found && `its TLS or proxy options (\`${found.property}\`) read \`${found.name}\`, a per-call value: a shared agent would hand that identity to every caller`;
}

/** Why an axios instance with per-call headers must stay per call, if it has them. */
export function perRequestHeaders(site: CatalogSite, node: Node, reads: Reads): string | undefined {
  if (site.entry.kind !== 'axios-instance') return undefined;
  const found = perCallInside(node, reads, PER_REQUEST_HEADERS);
  return found && `its \`${found.property}\` read \`${found.name}\`, a per-call value: per-request headers stay at the call, never in instance defaults`;
}

/** A per-call read inside one of the given option names (at any depth of the options). */
function perCallInside(node: Node, reads: Reads, properties: Set<string>): { property: string; name: string } | undefined {
  for (const read of reads.perCall) {
    for (let current: Node | undefined = read.identifier.parent; current && current !== node; current = current.parent) {
      if (current.type === 'Property') {
        const key = staticKeyName(current.key, current.computed);
        if (key && properties.has(key)) return { property: key, name: read.variable.name };
      }
    }
  }
  return undefined;
}
