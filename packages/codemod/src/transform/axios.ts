// Two questions before moving default-axios calls to a shared keep-alive instance. Does this file
// configure the global axios (`axios.defaults…`, `axios.interceptors…`)? A new instance would
// silently drop that configuration (keepalive-facts.md §3), so the codemod then keeps
// `axios.<method>()` and passes the shared agents in the per-call config instead. And may the file
// run in a browser, where `node:http` cannot be imported at all?
import { createCatalog, memberPropertyName, ModuleResolver, walk, type Analysis } from '@reuse-clients/core';
import type { ParsedFile } from './parse.js';

const GLOBAL_CONFIGURATION = new Set(['defaults', 'interceptors']);

export function axiosBindingIsConfigured(parsed: ParsedFile, analysis: Analysis): boolean {
  if (!analysis.sites.some((site) => site.site.value.module === 'axios')) return false;
  const resolver = new ModuleResolver(parsed.scopeManager, createCatalog(), parsed.text);
  let configured = false;
  walk(parsed.ast, (node) => {
    if (configured) return false;
    if (node.type === 'MemberExpression' && GLOBAL_CONFIGURATION.has(memberPropertyName(node) ?? '')) {
      const value = resolver.valueOf(node.object);
      if (value?.module === 'axios' && value.path.length === 0) configured = true;
    }
    return !configured;
  });
  return configured;
}

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
