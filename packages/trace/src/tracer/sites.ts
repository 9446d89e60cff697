// The live tables of one process or worker thread: sites by place and origins by name, with the
// tracer's own failures. Bounded: past MAX_SITES new places are counted, not kept.
import type { SiteKind } from '@reuse-clients/core/catalog';

import { siteKey, type TraceCaller, type TraceOrigin, type TraceSite } from '../report.js';
import type { UserFrame } from './stack.js';

const MAX_SITES = 2_000;
const MAX_ORIGINS = 500;
const FAILURE_MESSAGES_KEPT = 5;

/** The static rule that reports each kind of catalog construction (see core's analyze.ts). */
const RULE_BY_KIND: Record<SiteKind, string | null> = {
  agent: 'no-per-call-agent',
  client: 'no-per-call-client',
  'axios-instance': 'prefer-axios-instance',
  'axios-request': 'prefer-axios-instance',
  request: null,
};

export interface SiteIdentity {
  family: string;
  export: string;
  kind: SiteKind | 'connection';
  /** For connection-only sites: the rule that reports such a request, if any (`agent: false`). */
  rule?: string | null;
}

/** Callers kept per site, by how often they called (see UserFrame.caller). */
const CALLERS_PER_SITE = 4;

export class TraceTables {
  readonly sites = new Map<string, TraceSite>();
  /** For each site, where the function holding it was called from, with counts. */
  readonly callers = new Map<TraceSite, Map<string, TraceCaller>>();
  readonly origins = new Map<string, TraceOrigin>();
  droppedSites = 0;
  unattributedConnections = 0;
  failures = 0;
  readonly failureMessages: string[] = [];

  /** The site at `frame`, created on first sight; undefined when the table is full. */
  site(frame: UserFrame, identity: SiteIdentity): TraceSite | undefined {
    const draft = { file: frame.file, line: frame.line, column: frame.column, family: identity.family, export: identity.export };
    const key = siteKey(draft);
    let site = this.sites.get(key);
    if (site) return site;
    if (this.sites.size >= MAX_SITES) {
      this.droppedSites += 1;
      return undefined;
    }
    const rule = identity.kind === 'connection' ? (identity.rule ?? null) : RULE_BY_KIND[identity.kind];
    site = { ...draft, rule, constructions: 0, connections: 0 };
    this.sites.set(key, site);
    return site;
  }

  /** Counts `frame.caller` for `site`; a site keeps its few first callers. */
  noteCaller(site: TraceSite, frame: UserFrame): void {
    const caller = frame.caller;
    if (!caller) return;
    let known = this.callers.get(site);
    if (!known) this.callers.set(site, (known = new Map()));
    const key = `${caller.file}:${caller.line}:${caller.column}`;
    const entry = known.get(key);
    if (entry) entry.count += 1;
    else if (known.size < CALLERS_PER_SITE) known.set(key, { file: caller.file, line: caller.line, column: caller.column, count: 1 });
  }

  origin(name: string): TraceOrigin | undefined {
    let origin = this.origins.get(name);
    if (origin) return origin;
    if (this.origins.size >= MAX_ORIGINS) return undefined;
    origin = { origin: name, connections: 0, tlsHandshakes: 0, requests: 0 };
    this.origins.set(name, origin);
    return origin;
  }

  fail(error: unknown): void {
    this.failures += 1;
    if (this.failureMessages.length < FAILURE_MESSAGES_KEPT) {
      this.failureMessages.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }
}

export const tables = new TraceTables();

/** Runs tracer code that must never throw into the program: a failure is counted instead. */
export function guarded<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    tables.fail(error);
    return undefined;
  }
}
