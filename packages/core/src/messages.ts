// Message templates, shared by the ESLint rules (as `meta.messages`) and the codemod's summary so
// that both say the same thing about the same site.

export const RULE_NAMES = [
  'no-per-call-agent',
  'no-per-call-client',
  'no-inline-dispatcher',
  'prefer-axios-instance',
  'require-keep-alive',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

const HOIST = { hoistToModule: 'Hoist `{{construct}}` into a module-level constant `{{name}}`.' } as const;

export const MESSAGES = {
  'no-per-call-agent': {
    perCall:
      '`{{construct}}` runs {{where}}: {{why}} Create it once (module scope, constructor or lazy singleton) and reuse it.{{extra}}',
    perCallFactory:
      '`{{factory}}` builds `{{construct}}` and runs {{where}}: {{why}} Call it once and reuse the result.{{extra}}',
    ...HOIST,
  },
  'no-per-call-client': {
    perCall: '`{{construct}}` runs {{where}}: {{why}} Create it once and reuse it.{{extra}}',
    perCallFactory: '`{{factory}}` builds `{{construct}}` and runs {{where}}: {{why}} Call it once and reuse the result.{{extra}}',
    perCallCredentials:
      '`{{construct}}` runs {{where}} with the caller\'s own credentials (`{{option}}`): never share one client across credential sets. Cache one client per credential set, or share its HTTP handler/agent.{{extra}}',
    ...HOIST,
  },
  'no-inline-dispatcher': {
    inline:
      '`{{construct}}` is built inline in the `{{slot}}` option of `{{request}}` {{where}}: every request gets a new pool and a new connection. Pass one shared {{noun}} instead.',
    ...HOIST,
  },
  'prefer-axios-instance': {
    defaultPerCall:
      '`{{construct}}` runs {{where}} on the default axios export, which uses Node\'s global agent; on Node < 19 (this project\'s target: {{target}}) that agent does not keep connections alive, so every call opens a new connection. Use a shared axios instance with keep-alive agents.',
    createPerCall: '`{{construct}}` runs {{where}}: {{why}} Create the instance once at module scope and reuse it.{{extra}}',
    perCallFactory:
      '`{{factory}}` builds a new axios instance with `{{construct}}` and runs {{where}}. Call it once and reuse the instance.{{extra}}',
    ...HOIST,
  },
  'require-keep-alive': {
    missingKeepAlive:
      '`{{construct}}` is long-lived but has no `keepAlive: true`: a new `http.Agent` closes every connection after one request (Node ≥ 19 only changed the global agent). Add `keepAlive: true` with an idle `timeout`.',
    keepAliveFalse: '`{{construct}}` sets `keepAlive: false`: every request through it opens a new connection.',
    agentFalse:
      '`agent: false` in `{{request}}` makes Node build a one-time agent: every request opens a new connection. Pass a shared keep-alive agent.',
  },
} as const satisfies Record<RuleName, Record<string, string>>;

export type MessageId<R extends RuleName> = keyof (typeof MESSAGES)[R] & string;

/**
 * The `{{why}}` of a per-call report when the catalog entry has no facts (user entries without
 * `facts.perCall`): what its kind says, and no more.
 */
export const DEFAULT_WHY: Readonly<Record<'agent' | 'client' | 'axios-instance', string>> = {
  agent: 'each run builds a new agent with an empty connection pool, so requests through it open new connections instead of reusing them.',
  client: 'each run builds a new client and sets it up again, with any connections it opens.',
  'axios-instance': 'each run builds a new axios instance (and any agents in its config).',
};

/** Fills `{{key}}` placeholders the way ESLint does. */
export function renderMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? data[key]! : whole));
}
