// Does this file configure the global axios (`axios.defaults…`, `axios.interceptors…`)? A new
// instance would silently drop that configuration (keepalive-facts.md §3), so the codemod then keeps
// `axios.<method>()` and passes the shared agents in the per-call config instead.
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
