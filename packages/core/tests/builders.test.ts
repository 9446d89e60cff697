// What the project pass needs from one file: which exported functions and classes build a
// catalog construction for their callers, and whether the global axios is configured here.
import { describe, expect, it } from 'vitest';
import { analyze } from './parse.js';

function builders(source: string) {
  return analyze(source).sites.flatMap((site) => site.builders.map(({ kind, name, exported }) => ({ kind, name, exported })));
}

describe('builders', () => {
  it('names an exported factory function', () => {
    expect(builders(`import { Pool } from 'pg';\nexport function createPool(url) { return new Pool({ connectionString: url }); }`)).toEqual([
      { kind: 'function', name: 'createPool', exported: true },
    ]);
  });

  it('names an exported arrow factory returning through a local', () => {
    expect(builders(`import axios from 'axios';\nexport const makeApi = () => { const api = axios.create(); return api; };`)).toEqual([
      { kind: 'function', name: 'makeApi', exported: true },
    ]);
  });

  it('names a default-exported factory `default`', () => {
    expect(builders(`import https from 'https';\nexport default function agent() { return new https.Agent(); }`)).toEqual([
      { kind: 'function', name: 'default', exported: true },
    ]);
  });

  it('names a class whose constructor or field builds a client, and whether it is exported', () => {
    expect(builders(`import { PrismaClient } from '@prisma/client';\nexport class Repo { db = new PrismaClient(); }\nclass Local { constructor() { this.db = new PrismaClient(); } }`)).toEqual([
      { kind: 'class', name: 'Repo', exported: true },
      { kind: 'class', name: 'Local', exported: false },
    ]);
  });

  it('names a CommonJS factory assigned to exports', () => {
    expect(builders(`const { Pool } = require('pg');\nexports.createPool = (url) => new Pool({ connectionString: url });`)).toEqual([
      { kind: 'function', name: 'createPool', exported: true },
    ]);
  });

  it('does not name a function whose construction is a lazy singleton', () => {
    expect(builders(`import { Pool } from 'pg';\nlet pool;\nexport function getPool() { return (pool ??= new Pool()); }`)).toEqual([]);
  });
});

describe('global axios configuration', () => {
  it('finds axios.defaults and axios.interceptors through imports and requires', () => {
    expect(analyze(`import ax from 'axios';\nax.defaults.headers.common.x = '1';`).globalAxiosConfiguration).toHaveLength(1);
    expect(analyze(`const axios = require('axios');\naxios.interceptors.request.use((c) => c);`).globalAxiosConfiguration).toHaveLength(1);
    expect(analyze(`require('axios').defaults.timeout = 5;`).globalAxiosConfiguration).toHaveLength(1);
  });

  it('ignores instances and look-alikes', () => {
    expect(analyze(`import axios from 'axios';\nconst api = axios.create();\napi.defaults.timeout = 1;`).globalAxiosConfiguration).toHaveLength(0);
    expect(analyze(`const axios = { defaults: {} };\naxios.defaults.x = 1;`).globalAxiosConfiguration).toHaveLength(0);
  });
});
