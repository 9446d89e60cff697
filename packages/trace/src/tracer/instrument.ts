// Which exports of a loaded module the catalog names, and replacing them with traced stand-ins.
// The same function serves require() (require-in-the-middle hands over `module.exports`), import
// (import-in-the-middle hands over a namespace whose properties write through to the bindings)
// and Node's built-in modules (patched in place at start-up).
import type { Catalog, CatalogEntry } from '@reuse-clients/core/catalog';

import { guarded } from './sites.js';
import { isWrapped, wrapExport, type WrapTarget } from './wrap.js';

/** Export paths are looked up this deep: `AWS.DynamoDB.DocumentClient` is two below the module. */
const MAX_DEPTH = 2;
/** A namespace object with more members than this is not searched below its first level. */
const MAX_MEMBERS_SEARCHED = 400;

/** Kinds the tracer counts as constructions. Requests are seen through their connections instead. */
function traced(entry: CatalogEntry): boolean {
  if (entry.kind === 'request') return false;
  // A default-axios request builds nothing: on Node ≥ 19 it goes through the keep-alive global
  // agent, so core reports it only for older targets; count it only where it costs a connection.
  if (entry.kind === 'axios-request') return nodeMajor() < 19;
  return true;
}

function nodeMajor(): number {
  return Number(process.versions.node.split('.')[0]);
}

/** The family a site is reported under: the agent family when the catalog has one, else the module. */
export function familyName(entry: CatalogEntry, moduleName: string): string {
  return entry.family ?? moduleName;
}

export function targetFor(catalog: Catalog, moduleName: string, path: readonly string[]): WrapTarget | undefined {
  const asNew = catalog.match(moduleName, path, 'new');
  const asCall = catalog.match(moduleName, path, 'call');
  const construct = !!asNew && traced(asNew);
  const call = !!asCall && traced(asCall);
  const entry = construct ? asNew : call ? asCall : undefined;
  if (!entry) return undefined;
  return { entry, family: familyName(entry, moduleName), exportName: path.length === 0 ? 'default' : path.join('.'), construct, call };
}

function isSearchable(value: unknown): value is Record<string, unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/**
 * Puts a traced stand-in for `holder[key]` in place. A getter (lazy exports, compiled re-exports)
 * stays lazy: the new getter wraps what the old one returns, so nothing is loaded early. Returns
 * false when the property is fixed (non-writable and non-configurable).
 */
function replace(holder: Record<string, unknown>, key: string, descriptor: PropertyDescriptor, target: WrapTarget): boolean {
  if ('value' in descriptor) {
    const wrapped = wrapExport(descriptor.value, target);
    if (wrapped === descriptor.value) return true;
    if (descriptor.writable) {
      holder[key] = wrapped;
      if (holder[key] === wrapped) return true;
    }
    // A frozen binding cannot be replaced, nor shown differently through a Proxy (its invariants
    // forbid it): such an export goes untraced.
    if (!descriptor.configurable) return true;
    Object.defineProperty(holder, key, { ...descriptor, value: wrapped });
    return true;
  }
  const get = descriptor.get;
  if (!get) return true;
  if (!descriptor.configurable) return false;
  Object.defineProperty(holder, key, { ...descriptor, get: function tracedExport(this: unknown) { return wrapExport(get.call(this), target); } });
  return true;
}

/**
 * Wraps, inside `holder`, every member the catalog names for `moduleName` (matched by name, so no
 * getter runs for a member that is not a client). Returns the fixed getters that could not be
 * replaced in place, so the caller can hand out a read-through view.
 */
export function instrumentMembers(catalog: Catalog, moduleName: string, holder: unknown, prefix: readonly string[] = []): Map<string, WrapTarget> {
  const fixed = new Map<string, WrapTarget>();
  if (!isSearchable(holder)) return fixed;
  const keys = guarded(() => Object.keys(holder)) ?? [];
  if (prefix.length > 0 && keys.length > MAX_MEMBERS_SEARCHED) return fixed;
  for (const key of keys) {
    guarded(() => {
      const descriptor = Object.getOwnPropertyDescriptor(holder, key);
      if (!descriptor) return;
      const path = [...prefix, key];
      const target = targetFor(catalog, moduleName, path);
      if (target) {
        if (!replace(holder, key, descriptor, target)) fixed.set(key, target);
      } else if (path.length < MAX_DEPTH && /^[A-Z]/.test(key) && 'value' in descriptor && isSearchable(descriptor.value) && !isWrapped(descriptor.value)) {
        // Nested namespaces (`AWS.DynamoDB.DocumentClient`) are capitalised objects or classes.
        instrumentMembers(catalog, moduleName, descriptor.value, path);
      }
    });
  }
  return fixed;
}

/**
 * Instruments `module.exports` of a required module. Returns what require() should hand out: the
 * wrapped export itself when the module exports a catalog class or factory, a read-through view
 * when some members were read-only getters, else the same object.
 */
export function instrumentRequired(catalog: Catalog, moduleName: string, exported: unknown): unknown {
  if (!isSearchable(exported)) return exported;
  let result: unknown = exported;
  if (typeof exported === 'function') {
    const target = targetFor(catalog, moduleName, []);
    if (target) result = wrapExport(exported, target);
  }
  const fixed = instrumentMembers(catalog, moduleName, exported);
  if (fixed.size === 0) return result;
  return new Proxy(result as object, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      const target = typeof key === 'string' ? fixed.get(key) : undefined;
      return target ? wrapExport(value, target) : value;
    },
  });
}
