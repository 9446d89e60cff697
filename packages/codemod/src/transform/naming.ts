// Names for new bindings: derived from what they hold, never colliding with any name the file
// binds or reads (core's `takenNames`), nor with each other. In a TypeScript script file the
// module level is one global scope shared with the program's other scripts: names there carry the
// file's own prefix (style.ts, scriptPrefix), so the same fix in two scripts cannot collide.
import { instanceName, takenNames, uniqueName, type CatalogSite, type ScopeManagerLike } from '@reuse-clients/core';

export class Namer {
  private readonly taken: Set<string>;

  constructor(
    scopeManager: ScopeManagerLike,
    private readonly globalPrefix?: string,
  ) {
    this.taken = takenNames(scopeManager);
  }

  take(base: string): string {
    const name = uniqueName(this.globalPrefix ? prefixed(this.globalPrefix, base) : base, this.taken);
    this.taken.add(name);
    return name;
  }

  /** Would `take(base)` return `base` itself (prefixed in a script file), not a numbered variant? */
  isFree(base: string): boolean {
    return !this.taken.has(this.globalPrefix ? prefixed(this.globalPrefix, base) : base);
  }

  snapshot(): Set<string> {
    return new Set(this.taken);
  }

  restore(snapshot: Set<string>): void {
    this.taken.clear();
    for (const name of snapshot) this.taken.add(name);
  }
}

export { instanceName };

/** `makeAgent()` → `agent`, `createS3()` → `s3`, `new ApiClient()` → `apiClient`. */
export function factoryResultName(calleeText: string, site: CatalogSite): string {
  const last = calleeText.split('.').pop() ?? '';
  const stripped = last.replace(/^(?:make|create|build|new|get|init)(?=[A-Z])/, '').replace(/(?<=[a-z0-9])(?:For|ByKey)$/, '');
  if (!/^[A-Za-z_$][\w$]*$/.test(stripped) || stripped.length === 0) return instanceName(site);
  return stripped.charAt(0).toLowerCase() + stripped.slice(1);
}

/** `_pool` in `orders.ts` → `_ordersPool`. */
function prefixed(prefix: string, base: string): string {
  const underscores = /^_*/.exec(base)![0];
  return `${underscores}${prefix}${capitalize(base)}`;
}

export function capitalize(name: string): string {
  return name.replace(/^_+/, '').charAt(0).toUpperCase() + name.replace(/^_+/, '').slice(1);
}
