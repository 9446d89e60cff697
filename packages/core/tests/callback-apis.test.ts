// The callback API table is data: entries must be well-formed, instance kinds must be made
// somewhere, and docs/callback-apis.md must be the page generated from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE, render } from '../../../scripts/docs/callback-apis.mjs';
import { BUILTIN_CALLBACK_APIS, INSTANCE_SOURCES, SUBCLASS_METHODS, createCallbackApiTable, renderEvidence } from '../src/index.js';
import { analyze, findingsOf } from './parse.js';

describe('callback API table', () => {
  it('every instance kind an entry uses is made by an instance source', () => {
    const made = new Set(INSTANCE_SOURCES.map((source) => source.kind));
    const used = [
      ...BUILTIN_CALLBACK_APIS.flatMap((api) => ('instance' in api.callee ? [api.callee.instance] : [])),
      ...BUILTIN_CALLBACK_APIS.flatMap((api) => (api.parameters ?? []).filter((kind): kind is string => kind !== null)),
      ...INSTANCE_SOURCES.flatMap((source) => ('instance' in source.from ? [source.from.instance] : [])),
    ];
    // Parameter-only kinds (a socket handed to a connection listener) are made by the entry itself.
    const parameterKinds = new Set(BUILTIN_CALLBACK_APIS.flatMap((api) => api.parameters ?? []));
    for (const kind of used) expect(made.has(kind) || parameterKinds.has(kind), kind).toBe(true);
  });

  it('per-call entries read after "runs" in a message', () => {
    for (const api of BUILTIN_CALLBACK_APIS.filter((entry) => entry.runs === 'per-call')) {
      expect(api.evidence, api.group).toMatch(/^(on|for|in) /);
    }
  });

  it('renders evidence, leaving out optional parts without a value', () => {
    expect(renderEvidence('on every request of the route `{{METHOD}}[ {{arg0}}]`', { METHOD: 'GET', arg0: '/users/:id' })).toBe('on every request of the route `GET /users/:id`');
    expect(renderEvidence('on every request of the route `{{METHOD}}[ {{arg0}}]`', { METHOD: 'GET' })).toBe('on every request of the route `GET`');
  });

  it('puts project entries first', () => {
    const table = createCallbackApiTable([{ module: '@acme/jobs', call: 'every', runs: 'per-call', argument: 1 }]);
    expect(table.apis[0]).toMatchObject({ callee: { module: '@acme/jobs', path: ['every'] }, callback: 1, runs: 'per-call' });
    expect(table.modules.has('@acme/jobs')).toBe(true);
  });

  it('resolves receivers through imports, not names: a local `express` is not express', () => {
    const local = `import { Pool } from 'pg';\nconst express = () => ({ get() {} });\nconst app = express();\napp.get('/x', async () => { const pool = new Pool({ connectionString: process.env.DB }); await pool.query('x'); });`;
    expect(findingsOf(local)).toEqual(['no-per-call-client@4:42 perCall']);
    expect(analyze(local).findings[0]?.data.where).toBe('on every call of the callback passed to `app.get()`');
  });

  it('a NestJS dynamic module entry matches `X.registerAsync` of any package, never of a project file', () => {
    const code = (from: string) => `import { Module } from '@nestjs/common';\nimport { Pool } from 'pg';\nimport { DbModule } from '${from}';\n@Module({ imports: [DbModule.forRootAsync({ useFactory: async () => { const pool = new Pool(); await pool.query('select 1'); await pool.end(); return {}; } })] })\nexport class AppModule {}`;
    expect(findingsOf(code('@acme/nest-db'))).toEqual([]);
    expect(findingsOf(code('./db.module'))).toEqual(['no-per-call-client@4:84 perCall']);
  });

  it('docs/callback-apis.md is generated from the table', () => {
    const page = readFileSync(PAGE, 'utf8');
    expect(page).toBe(render());
    expect(page.startsWith('<!-- generated')).toBe(true);
    for (const api of BUILTIN_CALLBACK_APIS) expect(page).toContain(api.evidence.replace(/\|/g, '\\|'));
    for (const entry of SUBCLASS_METHODS) expect(page).toContain(`\`${[entry.base.module, ...entry.base.path].join('.')}\``);
  });
});
