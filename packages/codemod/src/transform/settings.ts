// Recommended keep-alive settings merged into an agent's options (keepalive-facts.md,
// "Recommended settings"): explicit values win (an explicit `keepAlive: false` is a decision the
// planner leaves alone). Never `keepAliveMsecs`, which is only the TCP probe delay.
import { FAMILIES, findProperty, unwrap, type CatalogSite } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { numericLiteral, type TargetSyntax } from './target-syntax.js';

/** How settings are written in a file: its quote, and the syntax its Node target runs (`4_000` or `4000`). A string is a quote. */
export type Spelling = string | { quote: string; syntax: Pick<TargetSyntax, 'numericSeparators'> };

function spelled(settings: readonly [string, string][], spelling: Spelling): [string, string][] {
  const quote = typeof spelling === 'string' ? spelling : spelling.quote;
  const syntax = typeof spelling === 'string' ? { numericSeparators: true } : spelling.syntax;
  return settings.map(([key, value]) => [key, numericLiteral(value.replace(/'/g, quote), syntax)]);
}

/** The recommended options of a family in the table (packages/core/src/families), as source text. */
function familySettings(id: string): readonly [string, string][] {
  const family = FAMILIES.find((candidate) => candidate.id === id);
  if (!family) throw new Error(`no family ${id} in the catalog`);
  return Object.entries(family.settings.options);
}

export const NODE_AGENT_SETTINGS: readonly [string, string][] = familySettings('node-http');

export const UNDICI_SETTINGS: readonly [string, string][] = familySettings('undici');

const UNDICI_ORIGIN_FIRST = new Set(['Pool', 'Client', 'BalancedPool']);

export function nodeAgentOptionsText(spelling: Spelling = "'"): string {
  return `{ ${spelled(NODE_AGENT_SETTINGS, spelling).map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
}

/** Edits (on the original source) that merge the recommended settings into a catalog agent. */
export function settingsEdits(site: CatalogSite, text: string, spelling: Spelling = "'"): Edit[] {
  if (site.node.type !== 'NewExpression') return [];
  const family = site.entry.family;
  if (family === 'node-http') return mergeAt(site.node, 0, spelled(NODE_AGENT_SETTINGS, spelling), text);
  if (family === 'undici') {
    const undici = spelled(UNDICI_SETTINGS, spelling);
    const last = site.value.path[site.value.path.length - 1] ?? '';
    if (UNDICI_ORIGIN_FIRST.has(last)) return site.node.arguments.length === 0 ? [] : mergeAt(site.node, 1, undici, text);
    if (last === 'Agent' || last === 'EnvHttpProxyAgent') return mergeAt(site.node, 0, undici, text);
    if (last === 'ProxyAgent' && site.node.arguments[0] && unwrap(site.node.arguments[0]).type === 'ObjectExpression') return mergeAt(site.node, 0, undici, text);
  }
  return [];
}

function mergeAt(node: TSESTree.NewExpression, index: number, settings: readonly [string, string][], text: string): Edit[] {
  const all = settings.map(([key, value]) => `${key}: ${value}`).join(', ');
  const argument = node.arguments[index];
  if (!argument) {
    if (index > node.arguments.length) return [];
    if (index > 0) {
      const previous = node.arguments[index - 1]!;
      return [{ start: previous.range[1], end: previous.range[1], text: `, { ${all} }` }];
    }
    const end = node.range[1];
    const hasParens = text.slice(node.callee.range[1], end).includes('(');
    return hasParens ? [{ start: end - 1, end: end - 1, text: `{ ${all} }` }] : [{ start: end, end, text: `({ ${all} })` }];
  }
  const options = unwrap(argument);
  if (options.type === 'Identifier' || options.type === 'MemberExpression') {
    return [{ start: argument.range[0], end: argument.range[1], text: `{ ${all}, ...${text.slice(argument.range[0], argument.range[1])} }` }];
  }
  if (options.type !== 'ObjectExpression') return [];
  const edits: Edit[] = [];
  const missing = settings.filter(([key]) => !findProperty(options, key)).map(([key, value]) => `${key}: ${value}`);
  if (missing.length === 0) return edits;
  const first = options.properties[0];
  if (!first) return [...edits, { start: options.range[0], end: options.range[1], text: `{ ${missing.join(', ')} }` }];
  const separator = separatorBefore(first, text);
  // Next to an explicit `keepAlive`, so the settings read together; else first, so that any
  // spread later in the object still wins.
  const keepAlive = findProperty(options, 'keepAlive');
  if (keepAlive && !missing.some((entry) => entry.startsWith('keepAlive:')) && !options.properties.slice(0, options.properties.indexOf(keepAlive)).some((property) => property.type === 'SpreadElement')) {
    return [...edits, { start: keepAlive.range[1], end: keepAlive.range[1], text: `,${separator}${missing.join(`,${separator}`)}` }];
  }
  return [...edits, { start: first.range[0], end: first.range[0], text: `${missing.join(`,${separator}`)},${separator}` }];
}

/** `' '` for one-line objects, or the newline and indentation of the first property. */
function separatorBefore(node: TSESTree.Node, text: string): string {
  const start = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const indentation = text.slice(start, node.range[0]);
  if (!/^[ \t]*$/.test(indentation) || start === 0) return ' ';
  const newline = text[start - 2] === '\r' ? '\r\n' : '\n';
  return `${newline}${indentation}`;
}
