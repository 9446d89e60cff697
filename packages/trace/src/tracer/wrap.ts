// Wrapping a catalog export so that every construction or factory call is counted at the user's
// line. A Proxy keeps what code relies on: `instanceof` (the prototype is the original's), static
// members (every other property read goes through), subclassing (`new.target` is passed on), and
// `this` for factory calls. Nothing the program sees changes but the export's identity.
import { AsyncLocalStorage } from 'node:async_hooks';

import type { CatalogEntry } from '@reuse-clients/core/catalog';

import type { TraceSite } from '../report.js';
import { guarded, tables, type SiteIdentity } from './sites.js';
import { userFrame } from './stack.js';

/** Which user site built an instance: its connections are counted there. */
export const builtAt = new WeakMap<object, TraceSite>();

/**
 * The site whose construction is running (or started the async work now running): a client that
 * connects after its constructor returns (a database driver, an SDK) still has its connections
 * counted at the line that built it.
 */
export const constructionContext = new AsyncLocalStorage<TraceSite>();

/**
 * Only SDK and database clients start work of their own while they are built. On Node 20 the
 * first `run()` turns on async hooks for the rest of the process (every promise and callback then
 * pays for them: 10% more CPU on a loop of requests through a shared agent), so agents and axios
 * instances, whose connections are counted through the agent that opens them, are built outside it.
 */
function startsOwnWork(target: WrapTarget): boolean {
  return target.entry.kind === 'client';
}

type Constructor = new (...args: unknown[]) => object;

const proxies = new WeakMap<object, object>();
const ours = new WeakSet<object>();

export interface WrapTarget {
  entry: CatalogEntry;
  family: string;
  exportName: string;
  /** Which traps the catalog asks for: `new X()`, `x()`, or both. */
  construct: boolean;
  call: boolean;
}

function identityOf(target: WrapTarget): SiteIdentity {
  return { family: target.family, export: target.exportName, kind: target.entry.kind };
}

/** Names of the subclass constructors between `newTarget` and the wrapped class. */
function subclassNames(newTarget: unknown, base: unknown): Set<string> | undefined {
  if (newTarget === base || typeof newTarget !== 'function') return undefined;
  const names = new Set<string>();
  for (let current: unknown = newTarget; typeof current === 'function' && current !== base && names.size < 16; current = Object.getPrototypeOf(current)) {
    names.add((current as { name?: string }).name ?? '');
  }
  return names;
}

function record(target: WrapTarget, skip?: ReadonlySet<string>): TraceSite | undefined {
  const frame = userFrame(skip);
  if (!frame) return undefined;
  const site = tables.site(frame, identityOf(target));
  if (site) {
    site.constructions += 1;
    tables.noteCaller(site, frame);
  }
  return site;
}

function remember(site: TraceSite | undefined, instance: unknown): void {
  if (site && instance !== null && (typeof instance === 'object' || typeof instance === 'function')) builtAt.set(instance, site);
}

/** The traced stand-in for `original`; the same one every time it is asked for. */
export function wrapExport<T>(original: T, target: WrapTarget): T {
  if (typeof original !== 'function' || ours.has(original)) return original;
  const known = proxies.get(original);
  if (known) return known as T;
  const handler: ProxyHandler<T & object> = {};
  const tracked = startsOwnWork(target);
  if (target.construct) {
    handler.construct = (base, args, newTarget) => {
      const site = guarded(() => record(target, subclassNames(newTarget, proxy)));
      // `new Proxy()` must build with the original as new.target: V8 gives objects built for a
      // Proxy new.target a map of their own each time, which makes every instance slow.
      const original = base as unknown as Constructor;
      const builtFor = (newTarget as unknown) === proxy ? original : (newTarget as Constructor);
      const instance = site && tracked ? constructionContext.run(site, () => Reflect.construct(original, args, builtFor)) : Reflect.construct(original, args, builtFor);
      guarded(() => remember(site, instance));
      return instance;
    };
  }
  if (target.call) {
    handler.apply = (fn, thisArg, args) => {
      const site = guarded(() => record(target));
      const result = site && tracked ? constructionContext.run(site, () => Reflect.apply(fn as never, thisArg, args)) : Reflect.apply(fn as never, thisArg, args);
      guarded(() => remember(site, result));
      return result;
    };
  }
  const proxy = new Proxy(original as T & object, handler);
  proxies.set(original as object, proxy);
  ours.add(proxy);
  return proxy;
}

export function isWrapped(value: unknown): boolean {
  return typeof value === 'function' && ours.has(value);
}
