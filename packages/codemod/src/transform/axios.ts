// Before moving default-axios calls to a shared keep-alive instance: may the file run in a
// browser, where `node:http` cannot be imported at all? (Whether the global axios is configured,
// which a new instance would silently drop, core reports as `globalAxiosConfiguration`.)
import { walk } from '@reuse-clients/core';
import type { ParsedFile } from './parse.js';

const NODE_BUILTIN = /^(?:node:)?(?:http|https|net|tls|fs|fs\/promises|path|os|crypto|child_process|worker_threads|stream|zlib|dns)$/;

/**
 * Code that renders JSX (or says 'use client') and imports no Node module runs in a browser, or
 * may: importing `node:http` for keep-alive agents there would break the bundle.
 */
export function looksLikeBrowserCode(parsed: ParsedFile): boolean {
  const { body } = parsed.ast;
  const usesClient = body.some((statement) => statement.type === 'ExpressionStatement' && 'directive' in statement && statement.directive === 'use client');
  if (usesClient) return true;
  const importsNode = body.some((statement) => statement.type === 'ImportDeclaration' && NODE_BUILTIN.test(statement.source.value)) || /\brequire\(\s*['"](?:node:)?(?:http|https|fs|path)['"]/.test(parsed.text);
  if (importsNode) return false;
  let jsx = false;
  walk(parsed.ast, (node) => {
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') jsx = true;
    return !jsx;
  });
  return jsx;
}
