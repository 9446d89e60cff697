// When are two constructions "the same client"? When they call the same thing — the same catalog
// export, or the same project factory — with the same arguments, written the same way. Only then
// may a fix reuse one for the other: different options never share an instance (DESIGN.md).
import { KNOWN_SITE_MODULE, type Node, type SiteAnalysis } from '@reuse-clients/core';
import type { AnalysedFile, ProjectPass } from './project-pass.js';

/**
 * The construction's identity. Undefined for a call of an in-file factory (`node` is not the site
 * itself): its arguments are the factory's, not the construction's, so the text says nothing; and
 * for known sites (see below).
 */
export function constructionIdentity(pass: ProjectPass, file: AnalysedFile, site: SiteAnalysis, node: Node = site.site.node): string | undefined {
  // A call of another file's instance method depends on its receiver; a same-file subclass is this file's own.
  if (node !== site.site.node || site.site.entry.module === KNOWN_SITE_MODULE) return undefined;
  const entry = pass.entryOf(file, site);
  const callee = entry
    ? `factory:${entry.builder.file}#${entry.builder.display}`
    : `catalog:${site.site.value.module}:${site.site.value.path.join('.')}`;
  return `${callee}(${argumentsText(file, node)})`;
}

function argumentsText(file: AnalysedFile, node: Node): string {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return '';
  return node.arguments.map((argument) => file.parsed.text.slice(argument.range[0], argument.range[1]).replace(/\s+/g, '')).join(',');
}
