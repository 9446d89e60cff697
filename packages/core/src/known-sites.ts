// Constructions the detector cannot resolve from one file, located for it by a caller that sees
// the whole project (the codemod's project pass): `factory.s3()` where `s3` is an instance method
// of another file's class that builds a client, or `new Sub()` next to `class Sub extends
// ImportedClient`. Given their ranges, core classifies and reports them like any catalog site.
import type { TSESTree } from '@typescript-eslint/types';
import { displayText, walk, type Node } from './ast.js';
import type { CatalogEntry } from './catalog.js';
import type { CatalogSite, ConstructionNode } from './resolve.js';

/** The module of every known site's entry: no import names it, and no two known sites are "the same construction". */
export const KNOWN_SITE_MODULE = '<project>';

export interface KnownSite {
  /** The call's or `new`'s range in the source text (without a byte-order mark). */
  start: number;
  end: number;
  kind: 'agent' | 'client' | 'axios-instance';
  /** The builder's name, for the instance's name: `s3` for `factory.s3()`, `CachedClient`. */
  name: string;
  /** Appended to the message: what it builds, and where. */
  message?: string;
}

const NOUNS = { agent: 'agent', client: 'client', 'axios-instance': 'axios instance' } as const;

/** The catalog sites for the known sites found in `ast` (a range that no longer holds a call is skipped). */
export function knownCatalogSites(ast: TSESTree.Program, sourceText: string, known: readonly KnownSite[]): CatalogSite[] {
  if (known.length === 0) return [];
  const byRange = new Map(known.map((site) => [`${site.start}:${site.end}`, site]));
  const sites: CatalogSite[] = [];
  walk(ast as Node, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return;
    const site = byRange.get(`${node.range[0]}:${node.range[1]}`);
    if (site) sites.push(catalogSite(node, sourceText, site));
  });
  return sites;
}

function catalogSite(node: ConstructionNode, sourceText: string, known: KnownSite): CatalogSite {
  const via = node.type === 'NewExpression' ? 'new' : 'call';
  const entry: CatalogEntry = { module: KNOWN_SITE_MODULE, path: [known.name], via, kind: known.kind, noun: NOUNS[known.kind], ...(known.message ? { message: known.message } : {}) };
  const callee = `${displayText(sourceText, node.callee, 40)}()`;
  return { node, entry, value: { module: KNOWN_SITE_MODULE, path: [known.name] }, construct: via === 'new' ? `new ${callee}` : callee };
}
