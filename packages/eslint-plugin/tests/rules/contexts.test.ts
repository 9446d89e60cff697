// Where code runs (docs/contexts.md): only server code is reported by default. Tests are found by
// their path or by the test framework they use (resolved through imports, requires or documented
// globals, never by a name alone), browser code by "use client", React's naming rules and Next.js
// pages, build-time code by Next.js data functions. Each case is a minimal shape of a real project.
import { RuleTester } from '@typescript-eslint/rule-tester';
import noPerCallClient from '../../src/rules/no-per-call-client.js';
import preferAxiosInstance from '../../src/rules/prefer-axios-instance.js';
import { commonjs, testable, tsx } from './testers.js';

const ruleTester = new RuleTester();
const lintTests = [{ lintTests: true }] as const;
const node16 = [{ nodeVersion: '>=16' }] as const;
const node16Tests = [{ nodeVersion: '>=16', lintTests: true }] as const;

ruleTester.run('no-per-call-client in context', testable(noPerCallClient), {
  valid: [
    // ── tests: off by default ─────────────────────────────────────────────────────────────────
    {
      name: 'mocha globals: a describe body and a before hook (the issue shape)',
      code: `import { S3Client } from '@aws-sdk/client-s3';
describe('upload', () => {
  const s3 = new S3Client({ region: process.env.AWS_REGION });
  before(async () => { await s3.send(bucket()); });
});`,
    },
    {
      name: 'with lintTests, a describe body runs once (mocha globals, CommonJS)',
      code: `const { S3Client } = require('@aws-sdk/client-s3');
describe('upload', function () {
  const s3 = new S3Client({ region: 'eu-west-1' });
  it('puts', async () => { await s3.send(put()); });
});`,
      languageOptions: commonjs,
      options: lintTests,
    },
    {
      name: 'with lintTests, vitest beforeAll and beforeEach hooks imported from vitest (TS)',
      code: `import { beforeAll, beforeEach, describe, it } from 'vitest';
import { Pool } from 'pg';
import Redis from 'ioredis';
let pool: Pool;
let redis: Redis;
describe('orders', () => {
  beforeAll(() => { pool = new Pool({ connectionString: process.env.DATABASE_URL }); });
  beforeEach(() => { redis = new Redis(process.env.REDIS_URL!); });
  it('lists', async () => { await pool.query('select 1'); });
});`,
      options: lintTests,
    },
    {
      name: 'with lintTests, a client per test body (jest through @jest/globals, CommonJS)',
      code: `const { describe, test } = require('@jest/globals');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
describe.each([['eu-west-1'], ['us-east-1']])('%s', (region) => {
  test('reads', async () => {
    const ddb = new DynamoDBClient({ region });
    await ddb.send(get());
  });
});`,
      languageOptions: commonjs,
      options: lintTests,
    },
    {
      name: 'with lintTests, node:test default export and before hook',
      code: `import test, { before } from 'node:test';
import { MongoClient } from 'mongodb';
let client;
before(async () => { client = new MongoClient(process.env.MONGO_URL); await client.connect(); });
test.describe('users', () => { const other = new MongoClient(process.env.MONGO_URL); });`,
      options: lintTests,
    },
    {
      name: 'with lintTests, Playwright test.describe.serial and test.beforeAll',
      code: `import { test, expect } from '@playwright/test';
import { S3Client } from '@aws-sdk/client-s3';
test.describe.serial('uploads', () => {
  let s3: S3Client;
  test.beforeAll(async () => { s3 = new S3Client({ region: process.env.REGION }); });
  test('upload', async ({ page }) => { await page.goto('/'); });
});`,
      options: lintTests,
    },
    {
      name: 'with lintTests, ava test.serial.before and tap t.before',
      code: `import test from 'ava';
import tap from 'tap';
import { Pool } from 'pg';
test.serial.before((t) => { t.context.pool = new Pool({ connectionString: process.env.DB }); });
tap.before(() => { globalThis.pool = new Pool({ connectionString: process.env.DB }); });`,
      options: lintTests,
    },
    {
      name: 'a file under __tests__ is a test by its path',
      filename: '__tests__/orders.ts',
      code: `import { Pool } from 'pg';
export async function countOrders(url) {
  const pool = new Pool({ connectionString: url });
  return pool.query('select count(*) from orders');
}`,
    },
    {
      name: 'a *.e2e-spec.ts file (NestJS) is a test by its path',
      filename: 'src/app.e2e-spec.ts',
      code: `import { Pool } from 'pg';
export async function reset(url: string) {
  const pool = new Pool({ connectionString: url });
  await pool.query('truncate orders');
}`,
    },
    // ── browser and build time ────────────────────────────────────────────────────────────────
    {
      name: 'Next.js getStaticProps runs at build time',
      filename: 'pages/blog/[slug].tsx',
      code: `import { PrismaClient } from '@prisma/client';
export async function getStaticProps({ params }) {
  const prisma = new PrismaClient({ datasourceUrl: process.env.DB });
  return { props: { post: await prisma.post.findUnique({ where: { slug: params.slug } }) } };
}
export default function Post({ post }) { return <article>{post.title}</article>; }`,
      languageOptions: tsx.languageOptions,
    },
    {
      name: 'Next.js app router generateStaticParams runs at build time',
      code: `import { PrismaClient } from '@prisma/client';
export async function generateStaticParams() {
  const prisma = new PrismaClient({ datasourceUrl: process.env.DB });
  return (await prisma.post.findMany()).map((post) => ({ slug: post.slug }));
}`,
      filename: 'app/blog/[slug]/page.ts',
    },
  ],
  invalid: [
    {
      name: 'a local function called describe is not a test suite',
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { describe } from './routes';
describe('upload', (req) => {
  const s3 = new S3Client({ region: req.region });
  return s3.send(put(req));
});`,
      errors: [{ messageId: 'perCall', line: 4, column: 14 }],
    },
    {
      name: 'a declared describe is not the mocha global',
      code: `const { S3Client } = require('@aws-sdk/client-s3');
function describe(name, handler) { router.post(name, handler); }
describe('/upload', (req) => {
  const s3 = new S3Client({ region: req.region });
  return s3.send(put(req));
});`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 4, column: 14 }],
    },
    {
      name: 'with lintTests, a request handler of a test server is per call',
      code: `import http from 'node:http';
import { Pool } from 'pg';
import { describe, beforeAll } from 'vitest';
describe('proxy', () => {
  beforeAll(() => {
    http.createServer(async (req, res) => {
      const pool = new Pool({ connectionString: req.headers.db });
      res.end(String((await pool.query('select 1')).rowCount));
    }).listen(0);
  });
});`,
      options: lintTests,
      errors: [{ messageId: 'perCall', line: 7, column: 20 }],
    },
    {
      name: 'with lintTests, a test file found by its path reports per-call helpers',
      filename: 'test/helpers.ts',
      code: `import { Pool } from 'pg';
export async function countOrders(url: string) {
  const pool = new Pool({ connectionString: url });
  return pool.query('select count(*) from orders');
}`,
      options: lintTests,
      errors: [{ messageId: 'perCall', line: 3, column: 16 }],
    },
    {
      name: 'Next.js getServerSideProps runs on every request',
      filename: 'pages/users/[id].tsx',
      code: `import { PrismaClient } from '@prisma/client';
export async function getServerSideProps({ params }) {
  const prisma = new PrismaClient({ datasourceUrl: process.env.DB });
  return { props: { user: await prisma.user.findUnique({ where: { id: params.id } }) } };
}
export default function User({ user }) { return <p>{user.name}</p>; }`,
      languageOptions: tsx.languageOptions,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: 'Next.js pages/api is server code',
      filename: 'pages/api/users.ts',
      code: `import { PrismaClient } from '@prisma/client';
export default async function handler(req, res) {
  const prisma = new PrismaClient({ datasourceUrl: req.query.db });
  res.json(await prisma.user.findMany());
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: 'an async component is a React Server Component: server code, per request',
      code: `import { PrismaClient } from '@prisma/client';
export default async function Users({ tenant }: { tenant: string }) {
  const prisma = new PrismaClient({ datasourceUrl: tenant });
  const users = await prisma.user.findMany();
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>;
}`,
      ...tsx,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: 'a capitalised server function without JSX is not a component',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export function Upload(event) {
  const s3 = new S3Client({ region: event.region });
  return s3.send(put(event));
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
    },
  ],
});

ruleTester.run('prefer-axios-instance in context', testable(preferAxiosInstance), {
  valid: [
    {
      name: '"use client" component with a default-axios request in a handler (the issue shape)',
      code: `'use client';
import axios from 'axios';
export function DeleteTodo({ id }) {
  const onDelete = async () => { await axios.delete(\`/api/todo/\${id}\`); };
  return <button onClick={onDelete} />;
}`,
      ...tsx,
      options: node16,
    },
    {
      name: 'a component without "use client": its handlers run in the browser',
      code: `import axios from 'axios';
export const SaveButton = ({ form }: { form: object }) => {
  const api = axios.create({ baseURL: '/api' });
  return <button onClick={() => api.post('/save', form)}>Save</button>;
};`,
      ...tsx,
    },
    {
      name: 'a component wrapped in memo(), rendered elsewhere',
      code: `import { memo, useEffect } from 'react';
import axios from 'axios';
export const Row = memo(function Row({ id }: { id: string }) {
  useEffect(() => { axios.get(\`/api/rows/\${id}\`); }, [id]);
  return null;
});`,
      ...tsx,
      options: node16,
    },
    {
      name: 'a React hook',
      code: `import { useEffect, useState } from 'react';
import axios from 'axios';
export function useUser(id) {
  const [user, setUser] = useState(null);
  useEffect(() => { axios.get(\`/api/users/\${id}\`).then((res) => setUser(res.data)); }, [id]);
  return user;
}`,
      options: node16,
    },
    {
      name: 'a Next.js page module outside pages/api',
      filename: 'src/pages/settings.tsx',
      code: `import axios from 'axios';
async function save(settings) { await axios.put('/api/settings', settings); }
export default function Settings() { return <form onSubmit={(e) => save(e.target)} />; }`,
      languageOptions: tsx.languageOptions,
      options: node16,
    },
    {
      name: 'a Cypress spec (*.cy.ts) by its path',
      filename: 'cypress/e2e/login.cy.ts',
      code: `import axios from 'axios';
export const login = (user: string) => axios.post('/api/login', { user });`,
      options: node16,
    },
    {
      name: 'with lintTests, default axios in a before hook (mocha globals)',
      code: `import axios from 'axios';
let api;
describe('upload', () => { before(async () => { api = axios.create({ baseURL: process.env.BASE }); await axios.get(process.env.BASE); }); });`,
      options: node16Tests,
    },
  ],
  invalid: [
    {
      name: 'a use… function in a server file (no React) is not a hook',
      code: `import axios from 'axios';
export async function useQuota(req) {
  const api = axios.create({ baseURL: req.tenantUrl });
  return api.get('/quota');
}`,
      errors: [{ messageId: 'createPerCall', line: 3, column: 15 }],
    },
    {
      name: 'a "use server" action inside a component file is server code',
      code: `import axios from 'axios';
export function Form() {
  async function submit(data) {
    'use server';
    await axios.post(process.env.HOOK_URL, data);
  }
  return <form action={submit} />;
}`,
      ...tsx,
      options: node16,
      errors: [{ messageId: 'defaultPerCall', line: 5, column: 11 }],
    },
  ],
});
