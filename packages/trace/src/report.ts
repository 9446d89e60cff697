// The trace report: what one traced command did, merged over every process and worker thread it
// started. The JSON shape is the one documented in docs/trace.md (version 1); `tracer` says what
// the tracer itself could not see or do, so a partial picture is never taken for a whole one.

export interface TraceSite {
  /** Absolute path, mapped back to the original source when the process had a source map for it. */
  file: string;
  /** 1-based line and column where the construction or the request call starts. */
  line: number;
  column: number;
  /** The catalog family: `node-http`, `undici`, `axios`, `pg`, `@aws-sdk/client-s3`… */
  family: string;
  /** The export that was called or constructed (`Agent`, `create`, `default`), or `request` for a site that only opened connections. */
  export: string;
  /** The static rule that reports this kind of site, or null when none does. */
  rule: string | null;
  constructions: number;
  connections: number;
}

export interface TraceOrigin {
  /** `https://api.example.com`, `http://127.0.0.1:8080`; `tcp://host:port` for plain sockets of other protocols. */
  origin: string;
  connections: number;
  tlsHandshakes: number;
  requests: number;
}

export interface TracerHealth {
  /** Processes and worker threads that wrote a part of this report. */
  processes: number;
  /** Errors inside the tracer, caught and counted instead of reaching the program. */
  failures: number;
  /** Sites not kept because a process's site table was full (their counts are not in `sites`). */
  droppedSites: number;
  /** New connections with no user frame to attribute them to (counted in `origins` only). */
  unattributedConnections: number;
  /** The first few failure messages, for a bug report. */
  failureMessages: string[];
}

export interface TraceReport {
  version: 1;
  command: string[];
  durationMs: number;
  sites: TraceSite[];
  origins: TraceOrigin[];
  tracer: TracerHealth;
}

/** Where the function holding a site was called from, and how often (not in the JSON report). */
export interface TraceCaller {
  file: string;
  line: number;
  column: number;
  count: number;
}

/** What one process or worker thread writes at exit. */
export interface TracePart {
  pid: number;
  threadId: number;
  command: string[];
  durationMs: number;
  sites: (TraceSite & { callers?: TraceCaller[] })[];
  origins: TraceOrigin[];
  failures: number;
  failureMessages: string[];
  droppedSites: number;
  unattributedConnections: number;
}

const FAILURE_MESSAGES_KEPT = 5;

export function siteKey(site: Pick<TraceSite, 'file' | 'line' | 'column' | 'family' | 'export'>): string {
  return `${site.file}\0${site.line}\0${site.column}\0${site.family}\0${site.export}`;
}

/** Worst first: by connections, then constructions, then place (so the order is stable). */
export function compareSites(a: TraceSite, b: TraceSite): number {
  return b.connections - a.connections || b.constructions - a.constructions || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

export function mergeParts(parts: readonly TracePart[], command: string[], durationMs: number): TraceReport {
  const sites = new Map<string, TraceSite>();
  const origins = new Map<string, TraceOrigin>();
  const tracer: TracerHealth = { processes: parts.length, failures: 0, droppedSites: 0, unattributedConnections: 0, failureMessages: [] };
  for (const part of parts) {
    for (const { callers: _callers, ...site } of part.sites) {
      const key = siteKey(site);
      const known = sites.get(key);
      if (known) {
        known.constructions += site.constructions;
        known.connections += site.connections;
      } else sites.set(key, site);
    }
    for (const origin of part.origins) {
      const known = origins.get(origin.origin);
      if (known) {
        known.connections += origin.connections;
        known.tlsHandshakes += origin.tlsHandshakes;
        known.requests += origin.requests;
      } else origins.set(origin.origin, { ...origin });
    }
    tracer.failures += part.failures;
    tracer.droppedSites += part.droppedSites;
    tracer.unattributedConnections += part.unattributedConnections;
    for (const message of part.failureMessages) if (tracer.failureMessages.length < FAILURE_MESSAGES_KEPT) tracer.failureMessages.push(message);
  }
  return {
    version: 1,
    command,
    durationMs: Math.round(durationMs),
    sites: [...sites.values()].sort(compareSites),
    origins: [...origins.values()].sort((a, b) => b.connections - a.connections || b.requests - a.requests || a.origin.localeCompare(b.origin)),
    tracer,
  };
}

/** Each site's callers over all parts, most frequent first, by siteKey. */
export function mergeCallers(parts: readonly TracePart[]): Map<string, TraceCaller[]> {
  const bySite = new Map<string, Map<string, TraceCaller>>();
  for (const part of parts) {
    for (const site of part.sites) {
      if (!site.callers?.length) continue;
      const key = siteKey(site);
      let callers = bySite.get(key);
      if (!callers) bySite.set(key, (callers = new Map()));
      for (const caller of site.callers) {
        const callerKey = `${caller.file}:${caller.line}:${caller.column}`;
        const known = callers.get(callerKey);
        if (known) known.count += caller.count;
        else callers.set(callerKey, { ...caller });
      }
    }
  }
  return new Map([...bySite].map(([key, callers]) => [key, [...callers.values()].sort((a, b) => b.count - a.count)]));
}
