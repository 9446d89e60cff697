// The shape of one client family in the table. Entries are data only: what to match, which rule
// reports it, and facts a reader can check, each naming the package version and file (or the
// documentation page) it was read from.

export type SiteKind =
  /** node http/https Agent, undici dispatchers, agentkeepalive, proxy agents */
  | 'agent'
  /** SDK and database clients */
  | 'client'
  /** `axios.create()` */
  | 'axios-instance'
  /** a request on the default axios export */
  | 'axios-request'
  /** a request function that takes an agent or dispatcher in its options */
  | 'request';

/** Which family an agent belongs to decides the settings the codemod merges in. */
export type AgentFamily = 'node-http' | 'undici' | 'agentkeepalive' | 'proxy-agent';

/**
 * A name, a set of names, `()` (the value a `new`/call of the path so far returns), or `**` as the
 * last segment: any further members (`loadPackageDefinition(def).pkg.Service`).
 */
export type PathSegment = string | RegExp;

/**
 * When a call builds a client only for some arguments: `drizzle(url)` or `drizzle({ connection })`
 * builds a pool, `drizzle(pool)` wraps one. An argument that cannot be seen is not reported.
 */
export interface BuildsWhen {
  argument: number;
  when: 'string-or-connection';
}

export interface ExportPattern {
  /** Segments below the module's default/namespace object; `[]` is the module itself. */
  path: readonly PathSegment[];
  via: 'new' | 'call' | 'new-or-call';
  kind: SiteKind;
  /** Full dotted paths that do not match although `path` does. */
  except?: RegExp;
  /** For requests: the option names that take an agent (`agent`, `dispatcher`, `agent.https`). */
  slots?: readonly string[];
  /** Overrides the family's noun for this export. */
  noun?: string;
  /** Reported only for these arguments. */
  builds?: BuildsWhen;
}

export type FamilyGroup = 'http' | 'cloud' | 'database' | 'messaging' | 'saas' | 'rpc';

/**
 * What one construction owns:
 * - `own-pool`: a pool of connections (or an agent) of its own;
 * - `own-connection`: one connection (or session) of its own, opened when built or on connect();
 * - `shared-pool`: it sends through a pool shared by every instance (module-level or process-global);
 * - `nothing-until-used`: building it opens nothing; its connections belong to what it creates later.
 */
export type Ownership = 'own-pool' | 'own-connection' | 'shared-pool' | 'nothing-until-used';

/** One fact and where a reader can check it: `pg 8.23.1 lib/pool.js`, or a documentation URL. */
export interface Fact {
  text: string;
  source: string;
}

export interface FamilyFacts {
  /** What one construction owns. */
  owns: Fact & { kind: Ownership };
  /** What building it per call costs, as the message says it: one or two sentences, "Each run …". */
  perCall: Fact;
  /** How it opens and closes: methods on the built object. */
  lifecycle: { connect?: readonly string[]; close?: readonly string[]; source: string };
  /** Options that carry TLS identity, trust or credentials: never shared across their values. */
  identity?: {
    options: readonly string[];
    source: string;
    /**
     * The options (and positional arguments, 0-based) that carry the caller's credentials (keys,
     * tokens, passwords; not region or endpoint). A client whose credentials come from the call
     * (the request's or event's values) is one per credential set: it is not reported as "create
     * it once" (see caller-credentials.ts).
     */
    credentials?: { options: readonly string[]; arguments?: readonly number[] };
  };
}

/** What a fix that builds it once should set, agreeing with keepalive-facts.md. */
export interface RecommendedSettings {
  /** Option name → value as source text (`keepAlive: true`); empty when the defaults are right. */
  options: Readonly<Record<string, string>>;
  /** Why, in a sentence. */
  text: string;
  source: string;
}

export interface ClientFamily {
  /** Stable id: `pg`, `aws-sdk-v3`, `node-http`. */
  id: string;
  /** Display name for docs. */
  name: string;
  group: FamilyGroup;
  /** Module specifiers without `node:`; a trailing `*` matches any suffix. */
  modules: readonly string[];
  exports: readonly ExportPattern[];
  /** Is a per-call construction reported? False when it costs nothing network-related. */
  reported: boolean;
  /** For agents: which settings the codemod merges in. */
  agentFamily?: AgentFamily;
  /** Short noun for messages: "database client". */
  noun: string;
  facts: FamilyFacts;
  settings: RecommendedSettings;
}
