// Hooking modules the way established instrumentation does (OpenTelemetry's pair):
// require-in-the-middle for require(), import-in-the-middle for import, and Node's built-in
// modules patched in place before the program runs (then synced to their ESM named exports).
import http from 'node:http';
import https from 'node:https';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

import { normalizeModule, type Catalog } from '@reuse-clients/core/catalog';
import { Hook as ImportHook, type Namespace } from 'import-in-the-middle';

import { HOOKS_THREAD_ENV } from './hooks-thread.cjs';
import { guarded } from './sites.js';
import { instrumentMembers, instrumentRequired, targetFor } from './instrument.js';
import { wrapExport } from './wrap.js';

const require = createRequire(import.meta.url);

/** The module name a hook reports, as the catalog spells it: `aws-sdk/clients/s3`, `undici`. */
export function catalogModuleName(name: string): string {
  return normalizeModule(name.split(path.sep).join('/')).replace(/\.(?:c|m)?js$/, '').replace(/\/index$/, '');
}

/** A file URL inside node_modules of a package the catalog names (for the import hook's filter). */
export function catalogUrlPattern(catalog: Catalog): RegExp {
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const modules = [...new Set(catalog.entries.map((entry) => entry.module))].filter((module) => !isBuiltin(module));
  const alternatives = modules.map((module) => escape(module).replace(/\*$/, '[^/]+'));
  return new RegExp(`/node_modules/(?:${alternatives.join('|')})(?:/|$)`);
}

const BUILTINS = new Set(['http', 'https']);
function isBuiltin(module: string): boolean {
  return BUILTINS.has(module);
}

function instrumentBuiltins(catalog: Catalog): void {
  instrumentMembers(catalog, 'http', http);
  instrumentMembers(catalog, 'https', https);
  // `import { Agent } from 'node:http'` reads a copy made at start-up: update it.
  syncBuiltinESMExports();
}

/** Called once a catalog module is instrumented, with its module.exports (or default export). */
export type OnInstrumented = (moduleName: string, exported: unknown) => void;

function hookRequire(catalog: Catalog, onInstrumented: OnInstrumented): void {
  const { Hook } = require('require-in-the-middle') as typeof import('require-in-the-middle');
  // internals: true, because a catalog module may be a file inside a package (`aws-sdk/clients/s3`).
  new Hook(null, { internals: true }, (exported: unknown, name: string): never => {
    const moduleName = catalogModuleName(name);
    if (!catalog.hasModule(moduleName)) return exported as never;
    const result = guarded(() => instrumentRequired(catalog, moduleName, exported)) ?? exported;
    guarded(() => onInstrumented(moduleName, exported));
    // require() hands out whatever the hook returns; the hook's type cannot say "same module, traced".
    return result as never;
  });
}

function instrumentNamespace(catalog: Catalog, moduleName: string, namespace: Namespace): void {
  for (const key of Object.keys(namespace)) {
    if (key === 'default') continue;
    guarded(() => {
      const target = targetFor(catalog, moduleName, [key]);
      if (target) namespace[key] = wrapExport(namespace[key], target);
    });
  }
  const defaultExport: unknown = namespace.default;
  // The default export of a CommonJS module is its module.exports: patched in place, so that
  // require() of the same module sees the same stand-ins.
  instrumentMembers(catalog, moduleName, defaultExport);
  const defaultTarget = typeof defaultExport === 'function' ? targetFor(catalog, moduleName, []) : undefined;
  if (defaultTarget) namespace.default = wrapExport(defaultExport, defaultTarget);
}

function hookImport(catalog: Catalog, onInstrumented: OnInstrumented): void {
  // Only catalog packages go through import-in-the-middle's wrapper modules: the rest of the
  // program loads exactly as without the tracer.
  // The first register() starts the hooks' thread with a copy of this environment.
  process.env[HOOKS_THREAD_ENV] = '1';
  try {
    register('import-in-the-middle/hook.mjs', import.meta.url, { data: { include: [catalogUrlPattern(catalog)] } });
  } finally {
    delete process.env[HOOKS_THREAD_ENV];
  }
  new ImportHook((namespace, name) => {
    const moduleName = catalogModuleName(name);
    if (!catalog.hasModule(moduleName)) return;
    guarded(() => instrumentNamespace(catalog, moduleName, namespace));
    guarded(() => onInstrumented(moduleName, namespace.default ?? namespace));
  });
}

export function hookModules(catalog: Catalog, onInstrumented: OnInstrumented): void {
  instrumentBuiltins(catalog);
  hookRequire(catalog, onInstrumented);
  hookImport(catalog, onInstrumented);
}
