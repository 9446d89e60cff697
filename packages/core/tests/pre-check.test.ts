// The text pre-check decides which files are parsed at all (codemod) or analysed (rules): it may
// let a file through needlessly, but must never turn away one that names a catalog module.
import { describe, expect, it } from 'vitest';
import { createCatalog, mayMentionCatalog } from '../src/index.js';

const catalog = createCatalog();

describe('mayMentionCatalog', () => {
  it.each([
    [`import https from 'node:https';`],
    [`const http = require("http");`],
    ['const { Agent } = await import(`undici`);'],
    [`import axios from 'axios/dist/node/axios.cjs';`],
    [`import { S3Client } from '@aws-sdk/client-s3';`],
    [`const S3 = require('aws-sdk/clients/s3');`],
    [`const res = await fetch (url);`],
    [`import { PrismaClient } from '@prisma/client';`],
  ])('lets through %s', (source) => {
    expect(mayMentionCatalog(source, catalog)).toBe(true);
  });

  it.each([
    [`const url = 'https://example.com/api';`],
    [`const doc = "see http://nodejs.org";`],
    [`import { readFile } from 'node:fs';`],
    [`import pgp from 'pg-promise';`],
    [`const prefetch = 1; refetch();`],
    [`import x from './my-axios-wrapper';`],
  ])('turns away %s', (source) => {
    expect(mayMentionCatalog(source, catalog)).toBe(false);
  });

  it('takes user catalog modules, exactly as written', () => {
    const extended = createCatalog([{ module: './clients.js', call: 'createClient' }]);
    expect(mayMentionCatalog(`import { createClient } from './clients.js';`, extended)).toBe(true);
    expect(mayMentionCatalog(`import { createClient } from './clients.js';`, catalog)).toBe(false);
  });
});
