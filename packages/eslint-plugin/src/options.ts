// The one options object every rule takes. Rules share it so a project configures the catalog,
// its start-up functions and its Node target once (e.g. through `settings`-like spreading).
import type { JSONSchema } from '@typescript-eslint/utils';
import type { RuleOptions } from '@reuse-clients/core';

export type { RuleOptions };

export type Options = [RuleOptions];

export const DEFAULT_OPTIONS: Options = [{ catalog: [], startupFunctions: [], callbackApis: [], probeFunctions: [], typeChecked: false, lintTests: false, reportCallerCredentials: false }];

export const OPTIONS_SCHEMA: JSONSchema.JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      catalog: {
        type: 'array',
        description:
          'Extra constructions to treat as clients or agents: `{ module, export }` for a class built with `new`, or `{ module, call }` for a factory function, with an optional `kind`, `message` and `facts`; or `{ family }` to report a built-in family that is off by default (docs/clients.md).',
        items: {
          type: 'object',
          additionalProperties: false,
          anyOf: [{ type: 'object', required: ['module'] }, { type: 'object', required: ['family'] }],
          properties: {
            family: { type: 'string', description: 'Id of a built-in family to report although its facts say a per-call construction opens nothing of its own (`openai`, `stripe`; see docs/clients.md).' },
            module: { type: 'string', description: 'Module specifier, e.g. `@acme/http`; a trailing `*` matches any suffix.' },
            export: { type: 'string', description: 'Export constructed with `new` (`default` for the default export).' },
            call: { type: 'string', description: 'Export called as a factory function.' },
            kind: { type: 'string', enum: ['agent', 'client', 'axios-instance'], description: 'Which rule reports it (default `client`).' },
            message: { type: 'string', description: 'Text appended to the report, e.g. "Use createHttpClient() from @acme/http."' },
            facts: {
              type: 'object',
              additionalProperties: false,
              description: 'What the reports say about it, as the built-in families do (all optional).',
              properties: {
                owns: { type: 'string', description: 'What one construction owns, e.g. "its own connection pool".' },
                perCall: { type: 'string', description: 'What building it per call costs, as a clause: "each run opens a new TLS connection to the billing API."' },
                connect: { type: 'array', items: { type: 'string' }, description: 'Methods that open it.' },
                close: { type: 'array', items: { type: 'string' }, description: 'Methods that close it.' },
                identityOptions: { type: 'array', items: { type: 'string' }, description: 'Options that carry TLS identity or credentials.' },
                source: { type: 'string', description: 'Where the facts come from (package version and file, or a URL).' },
              },
            },
          },
        },
      },
      startupFunctions: {
        type: 'array',
        description: 'Names, or `/regex/` strings, of functions that run once at start-up; constructions inside them are not per-call.',
        items: { type: 'string' },
      },
      callbackApis: {
        type: 'array',
        description:
          'Extra entries for the table of callback APIs (docs/callback-apis.md): `{ module, call | export, method?, runs, argument? | property?, evidence? }` says how often a callback handed to that API runs: `once`, `per-call` or `as-caller`.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['module', 'runs'],
          properties: {
            module: { type: 'string', description: 'Module specifier of the API, as imported.' },
            call: { type: 'string', description: 'Export called with the callback (`default` for the default export; dotted for members).' },
            export: { type: 'string', description: 'Export constructed with `new` and the callback.' },
            method: { type: 'string', description: 'A method of what `call`/`export` returns, which takes the callback.' },
            runs: { type: 'string', enum: ['once', 'per-call', 'as-caller'], description: 'How often the callback runs.' },
            argument: { type: 'integer', minimum: 0, description: 'Index of the argument holding the callback (default: any function argument).' },
            property: { type: 'string', description: 'Property of an options argument holding the callback (`handler`).' },
            evidence: { type: 'string', description: 'How reports say it, after "runs" (`for every job of the acme queue`).' },
          },
        },
      },
      probeFunctions: {
        type: 'array',
        description:
          'Names, or `/regex/` strings, of functions that deliberately open a fresh connection on every run (health checks, monitors); constructions inside them are not reported.',
        items: { type: 'string' },
      },
      typeChecked: {
        type: 'boolean',
        description:
          'Resolve names through type information, following re-exports and aliases across modules (`export const http = axios`). Requires typed linting (`parserOptions.projectService`); set by the `recommended-type-checked` config.',
      },
      lintTests: {
        type: 'boolean',
        description:
          'Report in test code too: files matching the test globs or using a test framework (see docs/contexts.md). Suite bodies, hooks and test bodies count as run once. Default `false`; the `recommended` configs also ignore test files, so set it in a config object of your own for them.',
      },
      reportCallerCredentials: {
        type: 'boolean',
        description:
          "Report SDK clients built per call from the caller's own credentials (a tenant's keys from the request or event; which options carry credentials is family data). Default `false`: one shared client would serve every tenant with one tenant's keys, so \"create it once\" is wrong advice; when on, the report says to cache one client per credential set or share its HTTP handler/agent.",
      },
      nodeVersion: {
        type: 'string',
        description:
          'The Node versions the project runs on (a semver range or version). Default: the nearest version the project states (`engines.node`, `.nvmrc`, `.node-version`, `.tool-versions`, `volta.node`, Dockerfile `FROM node:N`, Lambda runtimes of serverless/SAM/CDK/terraform); none stated means a maintained Node (>=22).',
      },
    },
  },
];
