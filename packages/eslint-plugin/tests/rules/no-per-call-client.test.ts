import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-per-call-client.js';
import { commonjs, render, testable, tsx, whyOf } from './testers.js';

const ruleTester = new RuleTester();

const acmeClass = { module: '@acme/http', export: 'HttpClient', kind: 'client' } as const;
const acmeFactory = {
  module: '@acme/http',
  call: 'createHttpClient',
  kind: 'client',
  message: 'use the shared client from @acme/http',
} as const;

ruleTester.run('no-per-call-client', testable(rule), {
  valid: [
    {
      name: 'one mysql2 pool per shard, built by a loop at module level (CommonJS): once per element',
      code: `const { createPool } = require('mysql2');
for (const shard of shards) {
  const pool = createPool({ host: shard.host });
  migrate(pool);
}`,
      languageOptions: commonjs,
    },
    // ── once: module top level ────────────────────────────────────────────────────────────────
    {
      name: 'Lambda: S3 client at module scope, commands per call',
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (event) => {
  return s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
};`,
    },
    {
      name: 'Lambda (CommonJS): DynamoDB client at module scope',
      code: `const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');
const ddb = new DynamoDBClient({ region: process.env.AWS_REGION });
exports.handler = async (event) => ddb.send(new GetItemCommand({ TableName: 'users', Key: event.key }));`,
      languageOptions: commonjs,
    },
    {
      name: 'Next.js Prisma singleton on globalThis at module scope',
      code: `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis;
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;`,
    },
    {
      name: 'mysql2/promise createPool at module scope',
      code: `import mysql from 'mysql2/promise';
export const pool = mysql.createPool({ host: 'db', user: 'app', connectionLimit: 10 });
export async function findUser(id) {
  const [rows] = await pool.query('SELECT * FROM users WHERE id = ?', [id]);
  return rows[0];
}`,
    },
    {
      name: 'stripe default export called without new at module scope',
      code: `import Stripe from 'stripe';
const stripe = Stripe(process.env.STRIPE_KEY);
export async function charge(amount) {
  await stripe.charges.create({ amount, currency: 'eur' });
}`,
    },
    {
      name: 'aws-sdk v2 service at module scope (namespace import)',
      code: `import * as AWS from 'aws-sdk';
const sqs = new AWS.SQS({ region: 'eu-west-1' });
export const handler = async (event) => {
  await sqs.sendMessage({ QueueUrl: event.queue, MessageBody: 'x' }).promise();
};`,
    },
    {
      name: 'module-level IIFE connecting a MongoClient',
      code: `import { MongoClient } from 'mongodb';
let db;
(async () => {
  const client = new MongoClient('mongodb://localhost:27017');
  await client.connect();
  db = client.db('app');
})();`,
    },
    // ── once: classes ─────────────────────────────────────────────────────────────────────────
    {
      name: 'pg Pool in a constructor',
      code: `import pg from 'pg';
export class UserRepository {
  private readonly pool: pg.Pool;
  constructor() {
    this.pool = new pg.Pool({ max: 10 });
  }
  async find(id: string) {
    return this.pool.query('SELECT * FROM users WHERE id = $1', [id]);
  }
}`,
    },
    {
      name: 'ioredis default export as a field initialiser',
      code: `import Redis from 'ioredis';
export class Cache {
  private readonly redis = new Redis(process.env.REDIS_URL);
  get(key: string) {
    return this.redis.get(key);
  }
}`,
    },
    {
      name: 'MongoClient in a static block',
      code: `const { MongoClient } = require('mongodb');
class Db {
  static client;
  static {
    Db.client = new MongoClient('mongodb://localhost:27017');
  }
}
module.exports = Db;`,
      languageOptions: commonjs,
    },
    {
      name: 'OpenAI default export as a static field',
      code: `import OpenAI from 'openai';
export class Assistant {
  static openai = new OpenAI();
}`,
    },
    // ── once: lazy singletons and keyed caches ────────────────────────────────────────────────
    {
      name: 'redis createClient behind if (!client) { … } with other statements',
      code: `import { createClient } from 'redis';
let client;
export async function getRedis() {
  if (!client) {
    client = createClient({ url: process.env.REDIS_URL });
    await client.connect();
  }
  return client;
}`,
    },
    {
      name: 'Anthropic lazy singleton x ??= site',
      code: `import Anthropic from '@anthropic-ai/sdk';
let anthropic;
export async function complete(prompt) {
  anthropic ??= new Anthropic();
  return anthropic.messages.create({ model: 'claude', max_tokens: 100, messages: [{ role: 'user', content: prompt }] });
}`,
    },
    {
      name: 'Octokit on this: this.x ??= site',
      code: `import { Octokit } from '@octokit/rest';
export class GitHub {
  #octokit;
  async repo(owner, repo) {
    this.#octokit ??= new Octokit({ auth: process.env.GITHUB_TOKEN });
    return this.#octokit.repos.get({ owner, repo });
  }
}`,
    },
    {
      name: 'keyed cache per region: let c = map.get(k); if (!c) { c = site; map.set(k, c) }',
      code: `import { S3Client } from '@aws-sdk/client-s3';
const clients = new Map();
export function s3For(region) {
  let client = clients.get(region);
  if (!client) {
    client = new S3Client({ region });
    clients.set(region, client);
  }
  return client;
}`,
    },
    {
      name: 'keyed cache cache[k] ??= site',
      code: `import { Client } from '@elastic/elasticsearch';
const clients = {};
export function esFor(node) {
  return (clients[node] ??= new Client({ node }));
}`,
    },
    // ── once: start-up functions and framework hooks ──────────────────────────────────────────
    {
      name: 'non-exported main() called at the bottom',
      code: `import { PrismaClient } from '@prisma/client';
async function main() {
  const prisma = new PrismaClient();
  await prisma.user.deleteMany();
  await prisma.$disconnect();
}
main();`,
    },
    {
      name: 'NestJS onModuleInit',
      code: `import { Injectable, OnModuleInit } from '@nestjs/common';
import { MongoClient } from 'mongodb';
@Injectable()
export class MongoService implements OnModuleInit {
  private client!: MongoClient;
  async onModuleInit() {
    this.client = new MongoClient(process.env.MONGO_URL!);
    await this.client.connect();
  }
}`,
    },
    {
      name: 'hapi plugin register method (object with pkg)',
      code: `import { Client } from '@elastic/elasticsearch';
import pkg from './package.json';
export const plugin = {
  pkg,
  async register(server) {
    const es = new Client({ node: 'http://localhost:9200' });
    server.decorate('request', 'es', () => es);
  },
};`,
    },
    {
      name: 'fastify plugin body with a pg Pool',
      code: `import fp from 'fastify-plugin';
import { Pool } from 'pg';
export default fp(async function db(fastify) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  fastify.decorate('pg', pool);
});`,
    },
    {
      name: 'startupFunctions by /regex/',
      code: `import Redis from 'ioredis';
export async function initCache() {
  const redis = new Redis();
  registerCache(redis);
}`,
      options: [{ startupFunctions: ['/^init/'] }],
    },
    // ── factories ─────────────────────────────────────────────────────────────────────────────
    {
      name: 'factory called once at module scope',
      code: `import { PrismaClient } from '@prisma/client';
function createPrisma() {
  return new PrismaClient({ log: ['error'] });
}
export const prisma = createPrisma();`,
    },
    {
      name: 'class building a client in its constructor, instantiated at module scope',
      code: `import { S3Client } from '@aws-sdk/client-s3';
class Storage {
  constructor() {
    this.s3 = new S3Client({});
  }
}
export const storage = new Storage();`,
    },
    // ── not clients ───────────────────────────────────────────────────────────────────────────
    {
      name: 'commands are not clients',
      code: `import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from './s3';
export async function copy(event) {
  const object = await s3.send(new GetObjectCommand({ Bucket: event.from, Key: event.key }));
  await s3.send(new PutObjectCommand({ Bucket: event.to, Key: event.key, Body: object.Body }));
}`,
    },
    {
      name: 'aws-sdk v2 Credentials and Config helpers are not clients',
      code: `const AWS = require('aws-sdk');
exports.handler = async (event) => {
  const credentials = new AWS.Credentials(event.key, event.secret);
  const config = new AWS.Config({ credentials, region: event.region });
  await run(config);
};`,
      languageOptions: commonjs,
    },
    {
      name: 'undici Client is an agent, not an SDK client',
      code: `import { Client } from 'undici';
export async function ping(origin) {
  const client = new Client(origin);
  await client.request({ path: '/', method: 'GET' });
}`,
    },
    {
      name: 'aws-sdk v2 Endpoint helper is not a client',
      code: `import AWS from 'aws-sdk';
export function endpointFor(url) {
  const endpoint = new AWS.Endpoint(url);
  register(endpoint);
}`,
    },
    // ── look-alikes ───────────────────────────────────────────────────────────────────────────
    {
      name: 'a local class called PrismaClient',
      code: `class PrismaClient {
  user = { findMany: async () => [] };
}
export async function handler() {
  const prisma = new PrismaClient();
  await prisma.user.findMany();
}`,
    },
    {
      name: 'a parameter named Redis',
      code: `export function connect(Redis, url) {
  const redis = new Redis(url);
  redis.ping();
}`,
    },
    {
      name: 'a local shadowing the pg import',
      code: `import { Pool } from 'pg';
export const pool = new Pool();
export function makeWorkers(n) {
  const Pool = class {
    constructor(size) {
      this.size = size;
    }
  };
  const workers = new Pool(n);
  start(workers);
}`,
    },
    {
      name: 'an import from a different module (generated Prisma client path)',
      code: `import { PrismaClient } from './generated/prisma-stub';
export async function handler() {
  const prisma = new PrismaClient();
  await prisma.run();
}`,
    },
    {
      name: 'TSX component reading a module-level client',
      code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function Answer({ q }: { q: string }) {
  const res = await openai.responses.create({ model: 'gpt', input: q });
  return <p>{res.output_text}</p>;
}`,
      ...tsx,
    },
    {
      name: 'catalog option entry constructed at module scope',
      code: `import { HttpClient } from '@acme/http';
export const http = new HttpClient();`,
      options: [{ catalog: [acmeClass] }],
    },
    {
      name: 'lib-dynamodb document client wrapper is not in the catalog',
      code: `import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './ddb';
export const handler = async (event) => {
  const doc = DynamoDBDocumentClient.from(ddb);
  return doc.send(new GetCommand({ TableName: 'users', Key: { id: event.id } }));
};`,
    },
    {
      name: 'lazy singleton if (client === undefined) in CommonJS',
      code: `const { Pool } = require('pg');
let pool;
module.exports.query = async (sql) => {
  if (pool === undefined) pool = new Pool();
  return pool.query(sql);
};`,
      languageOptions: commonjs,
    },
    {
      name: 'keyed cache: a local stored into module-level storage',
      code: `import { MongoClient } from 'mongodb';
const clients = new Map();
export async function clientFor(url) {
  const existing = clients.get(url);
  if (existing) return existing;
  const client = new MongoClient(url);
  clients.set(url, client);
  return client;
}`,
    },
    {
      name: 'NestJS onApplicationBootstrap with Stripe called with new',
      code: `import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
@Injectable()
export class Billing {
  private stripe!: Stripe;
  onApplicationBootstrap() {
    this.stripe = new Stripe(process.env.STRIPE_KEY!);
  }
}`,
    },
    {
      name: 'function passed to app.register builds a client',
      code: `import Fastify from 'fastify';
import Redis from 'ioredis';
const app = Fastify();
app.register(async (instance) => {
  instance.decorate('redis', new Redis());
});`,
    },
    {
      name: 'lazy singleton this.x = this.x ?? site',
      code: `import Redis from 'ioredis';
export class Cache {
  redis;
  get(key) {
    this.redis = this.redis ?? new Redis();
    return this.redis.get(key);
  }
}`,
    },
    {
      name: 'lazy singleton if (!this.x) { this.x = site }',
      code: `import { PrismaClient } from '@prisma/client';
export class Repo {
  async all() {
    if (!this.prisma) {
      this.prisma = new PrismaClient();
    }
    return this.prisma.user.findMany();
  }
}`,
    },
    {
      name: 'lazy singleton on globalThis inside a function',
      code: `import { PrismaClient } from '@prisma/client';
export function db() {
  return (globalThis.prisma ??= new PrismaClient());
}`,
    },
    {
      name: 'lazy singleton on a module-level object: cache.x ||= site',
      code: `import { S3Client } from '@aws-sdk/client-s3';
const cache = {};
export function s3() {
  cache.s3 ||= new S3Client({});
  return cache.s3;
}`,
    },
    {
      name: 'lazy getter on this',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export class Storage {
  #s3;
  get s3() {
    return (this.#s3 ??= new S3Client({}));
  }
}`,
    },
  ],
  invalid: [
    // ── serverless and route handlers ─────────────────────────────────────────────────────────
    {
      name: 'Lambda handler builds an S3 client per invocation; commands are not reported',
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
export const handler = async (event) => {
  const s3 = new S3Client({});
  return s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
};`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 14,
          data: { construct: 'new S3Client()', where: 'on every call of `handler`', noun: 'client', why: whyOf('aws-sdk-v3'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3Client = new S3Client({});
export const handler = async (event) => {
  const s3 = s3Client;
  return s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'Lambda (CommonJS) with aws-sdk v2',
      code: `const AWS = require('aws-sdk');
exports.handler = async (event) => {
  const s3 = new AWS.S3({ region: event.region });
  await s3.getObject({ Bucket: event.bucket, Key: event.key }).promise();
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
    },
    {
      name: 'Next.js route handler (TypeScript) with PrismaClient',
      code: `import { PrismaClient } from '@prisma/client';
export async function GET(): Promise<Response> {
  const db = new PrismaClient();
  const users = await db.user.findMany();
  return Response.json(users);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 14,
          data: { construct: 'new PrismaClient()', where: 'on every call of `GET`', noun: 'client', why: whyOf('prisma'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { PrismaClient } from '@prisma/client';
const prismaClient = new PrismaClient();
export async function GET(): Promise<Response> {
  const db = prismaClient;
  const users = await db.user.findMany();
  return Response.json(users);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Express route with a pg Pool that is ended after use (no suggestion)',
      code: `import express from 'express';
import { Pool } from 'pg';
const app = express();
app.get('/users', async (req, res) => {
  const pool = new Pool({ max: 1 });
  const { rows } = await pool.query('SELECT * FROM users');
  await pool.end();
  res.json(rows);
});`,
      errors: [
        {
          messageId: 'perCall',
          line: 5,
          column: 16,
          data: {
            construct: 'new Pool()',
            where: 'on every request of the route `GET /users`',
            noun: 'client',
            why: whyOf('pg'), extra: '',
          },
        },
      ],
    },
    {
      name: 'Fastify route with ioredis reading process.env (no suggestion)',
      code: `import Fastify from 'fastify';
import Redis from 'ioredis';
const app = Fastify();
app.get('/count', async () => {
  const redis = new Redis(process.env.REDIS_URL);
  return redis.incr('count');
});`,
      errors: [{ messageId: 'perCall', line: 5, column: 17 }],
    },
    {
      name: 'TSX server component with PrismaClient',
      code: `import { PrismaClient } from '@prisma/client';
export default async function Page() {
  const db = new PrismaClient();
  const posts = await db.post.findMany();
  return <ul>{posts.map((p) => <li key={p.id}>{p.title}</li>)}</ul>;
}`,
      ...tsx,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { PrismaClient } from '@prisma/client';
const prismaClient = new PrismaClient();
export default async function Page() {
  const db = prismaClient;
  const posts = await db.post.findMany();
  return <ul>{posts.map((p) => <li key={p.id}>{p.title}</li>)}</ul>;
}`,
            },
          ],
        },
      ],
    },
    // ── catalog entries and import forms ──────────────────────────────────────────────────────
    {
      name: 'mysql2/promise createConnection (a call) ended after use',
      code: `import mysql from 'mysql2/promise';
export async function findUser(id) {
  const conn = await mysql.createConnection({ host: 'db', user: 'app' });
  const [rows] = await conn.execute('SELECT * FROM users WHERE id = ?', [id]);
  await conn.end();
  console.log(rows);
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 22 }],
    },
    {
      name: 'redis createClient reading process.env',
      code: `import { createClient } from 'redis';
export async function publish(channel, message) {
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  await client.publish(channel, message);
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: 'MongoClient in a class method',
      code: `import { MongoClient } from 'mongodb';
export class UserRepo {
  async find(id) {
    const client = new MongoClient(this.url);
    await client.connect();
    await client.db().collection('users').findOne({ id });
  }
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 20,
          data: {
            construct: 'new MongoClient()',
            where: 'on every call of method `UserRepo.find`',
            noun: 'client',
            why: whyOf('mongodb'), extra: '',
          },
        },
      ],
    },
    {
      name: 'Elasticsearch Client in a for…of loop',
      code: `import { Client } from '@elastic/elasticsearch';
for (const index of indices) {
  const es = new Client({ node: 'http://localhost:9200' });
  await es.indices.refresh({ index });
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 14,
          data: { construct: 'new Client()', where: 'on every iteration of a loop', noun: 'client', why: whyOf('elasticsearch'), extra: '' },
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Client } from '@elastic/elasticsearch';
const client = new Client({ node: 'http://localhost:9200' });
for (const index of indices) {
  const es = client;
  await es.indices.refresh({ index });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'OpenAI default export in a Next.js POST handler (off by default; reported with the family option openai)',
      code: `import OpenAI from 'openai';
export async function POST(request) {
  const ai = new OpenAI({ apiKey: request.headers.get('x-key') });
  const body = await request.json();
  return Response.json(await ai.responses.create({ model: 'gpt', input: body.q }));
}`,
      options: [{ catalog: [{ family: 'openai' }] }],
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
    },
    {
      name: 'OpenAI named AzureOpenAI export (off by default; reported with the family option openai)',
      code: `import { AzureOpenAI } from 'openai';
export async function ask(question, deployment) {
  const ai = new AzureOpenAI({ deployment });
  await ai.chat.completions.create({ messages: [{ role: 'user', content: question }] });
}`,
      options: [{ catalog: [{ family: 'openai' }] }],
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
    },
    {
      name: '@anthropic-ai/sdk default export under another local name (off by default; reported with the family option anthropic)',
      code: `import Claude from '@anthropic-ai/sdk';
export async function summarize(text, apiKey) {
  const claude = new Claude({ apiKey });
  await claude.messages.create({ model: 'claude', max_tokens: 200, messages: [{ role: 'user', content: text }] });
}`,
      options: [{ catalog: [{ family: 'anthropic' }] }],
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: 'stripe default export called without new, per call (off by default; reported with the family option stripe)',
      code: `import Stripe from 'stripe';
export async function charge(key, amount) {
  const stripe = Stripe(key);
  await stripe.charges.create({ amount, currency: 'eur' });
}`,
      options: [{ catalog: [{ family: 'stripe' }] }],
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: '@octokit/rest Octokit in an arrow function (off by default; reported with the family option octokit)',
      code: `import { Octokit } from '@octokit/rest';
export const listRepos = async (token, org) => {
  const octokit = new Octokit({ auth: token });
  await octokit.repos.listForOrg({ org });
};`,
      options: [{ catalog: [{ family: 'octokit' }] }],
      errors: [{ messageId: 'perCall', line: 3, column: 19 }],
    },
    {
      name: 'ioredis named Cluster export in a setInterval callback',
      code: `import { Cluster } from 'ioredis';
setInterval(async () => {
  const redis = new Cluster([{ host: 'redis', port: 6379 }]);
  await redis.ping();
}, 30_000);`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { Cluster } from 'ioredis';
const cluster = new Cluster([{ host: 'redis', port: 6379 }]);
setInterval(async () => {
  const redis = cluster;
  await redis.ping();
}, 30_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'aws-sdk v2 namespace import in a while loop',
      code: `import * as AWS from 'aws-sdk';
let more = true;
while (more) {
  const queue = new AWS.SQS({ region: 'eu-west-1' });
  more = await drain(queue);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 17,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import * as AWS from 'aws-sdk';
const sqs = new AWS.SQS({ region: 'eu-west-1' });
let more = true;
while (more) {
  const queue = sqs;
  more = await drain(queue);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'renamed destructured require of an AWS SDK v3 client',
      code: `const { SQSClient: Sqs } = require('@aws-sdk/client-sqs');
module.exports.send = async function send(region, body) {
  const sqs = new Sqs({ region });
  await sqs.send(body);
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 3, column: 15 }],
    },
    {
      name: "inline new (require('@prisma/client').PrismaClient)()",
      code: `exports.count = async (where) => {
  const db = new (require('@prisma/client').PrismaClient)();
  await db.user.count({ where });
};`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perCall',
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `const prismaClient = new (require('@prisma/client').PrismaClient)();

exports.count = async (where) => {
  const db = prismaClient;
  await db.user.count({ where });
};`,
            },
          ],
        },
      ],
    },
    {
      name: "default import member: pg.Client, with require('pg').default",
      code: `const pg = require('pg').default;
async function query(sql, connectionString) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(sql);
}
module.exports = { query };`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: 'TS import = require form',
      code: `import pg = require('pg');
export async function count(table: string, connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.query(\`SELECT count(*) FROM \${table}\`);
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: "destructured dynamic import inside the handler: const { MongoClient } = await import('mongodb')",
      code: `export async function handler(event) {
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(event.url);
  await client.connect();
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: '.map callback over a parameter',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export function clientsFor(regions) {
  return regions.map((region) => ping(new S3Client({ region })));
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 39 }],
    },
    {
      name: 'lazy init on a function-local let is not a singleton',
      code: `import { MongoClient } from 'mongodb';
export async function find(url, id) {
  let client;
  if (!client) client = new MongoClient(url);
  await client.db().collection('users').findOne({ id });
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 25 }],
    },
    {
      name: 'startupFunctions that do not match',
      code: `import { PrismaClient } from '@prisma/client';
export async function handle(id) {
  const db = new PrismaClient();
  await db.user.delete({ where: { id } });
}`,
      options: [{ startupFunctions: ['bootstrap'] }],
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { PrismaClient } from '@prisma/client';
const prismaClient = new PrismaClient();
export async function handle(id) {
  const db = prismaClient;
  await db.user.delete({ where: { id } });
}`,
            },
          ],
        },
      ],
    },
    // ── factories ─────────────────────────────────────────────────────────────────────────────
    {
      name: 'factory called per call is reported at the call; the start-up call is not',
      code: `import { PrismaClient } from '@prisma/client';
function createPrisma() {
  return new PrismaClient();
}
export const prisma = createPrisma();
export async function handler(event) {
  const db = createPrisma();
  await db.user.create({ data: event.user });
}`,
      errors: [
        {
          messageId: 'perCallFactory',
          line: 7,
          column: 14,
          data: {
            factory: 'createPrisma()',
            construct: 'new PrismaClient()',
            where: 'on every call of `handler`',
            noun: 'client',
            why: whyOf('prisma'), extra: '',
          },
        },
      ],
    },
    {
      name: 'async factory returning through await, called in a route',
      code: `import mysql from 'mysql2/promise';
import express from 'express';
async function connect() {
  return await mysql.createConnection({ host: 'db' });
}
const app = express();
app.get('/', async (req, res) => {
  const conn = await connect();
  res.json(await conn.query('SELECT 1'));
});`,
      errors: [{ messageId: 'perCallFactory', line: 8, column: 22 }],
    },
    {
      name: 'class whose field initialiser builds a client, instantiated per request',
      code: `import { PrismaClient } from '@prisma/client';
import express from 'express';
class UserRepo {
  prisma = new PrismaClient();
  all() {
    return this.prisma.user.findMany();
  }
}
const app = express();
app.get('/users', async (req, res) => {
  const repo = new UserRepo();
  res.json(await repo.all());
});`,
      errors: [{ messageId: 'perCallFactory', line: 11, column: 16 }],
    },
    {
      name: 'conditional factory',
      code: `import { Redis, Cluster } from 'ioredis';
const makeRedis = (clustered) => (clustered ? new Cluster([{ host: 'redis' }]) : new Redis());
export async function handler(event) {
  const redis = makeRedis(event.clustered);
  await redis.ping();
}`,
      errors: [{ messageId: 'perCallFactory', line: 4, column: 17 }],
    },
    // ── catalog option ────────────────────────────────────────────────────────────────────────
    {
      name: 'catalog option: { module, export, kind: client } constructed per call',
      code: `import { HttpClient } from '@acme/http';
export async function handler(event) {
  const http = new HttpClient({ baseUrl: event.baseUrl });
  await http.get('/health');
}`,
      options: [{ catalog: [acmeClass] }],
      errors: [{ messageId: 'perCall', line: 3, column: 16 }],
    },
    {
      name: 'catalog option: { module, call, kind: client, message } called per call',
      code: `import { createHttpClient } from '@acme/http';
export async function handler(event) {
  const http = createHttpClient({ baseUrl: event.baseUrl });
  await http.get('/health');
}`,
      options: [{ catalog: [acmeFactory] }],
      errors: [{ messageId: 'perCall', line: 3, column: 16 }],
    },
    {
      name: 'stripe default export with new, per call (off by default; reported with the family option stripe)',
      code: `import Stripe from 'stripe';
export async function refund(key, charge) {
  const stripe = new Stripe(key);
  await stripe.refunds.create({ charge });
}`,
      options: [{ catalog: [{ family: 'stripe' }] }],
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
    },
    {
      name: 'mysql2 (callback API) createConnection via require, per call',
      code: `const mysql = require('mysql2');
exports.handler = (event, context, callback) => {
  const conn = mysql.createConnection({ host: event.host });
  conn.query('SELECT 1', callback);
};`,
      languageOptions: commonjs,
      errors: [{ messageId: 'perCall', line: 3, column: 16 }],
    },
    {
      name: 'an arrow function in a class field initialiser runs per call',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export class Uploads {
  upload = async (file) => {
    const s3 = new S3Client({ region: file.region });
    await s3.send(file.command);
  };
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 16 }],
    },
    {
      name: 'export default Next.js pages API handler with Prisma',
      code: `import { PrismaClient } from '@prisma/client';
export default async function handler(req, res) {
  const db = new PrismaClient();
  res.json(await db.user.findUnique({ where: { id: req.query.id } }));
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { PrismaClient } from '@prisma/client';
const prismaClient = new PrismaClient();
export default async function handler(req, res) {
  const db = prismaClient;
  res.json(await db.user.findUnique({ where: { id: req.query.id } }));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'Prisma client disconnected after use (no suggestion)',
      code: `import { PrismaClient } from '@prisma/client';
export async function cleanup() {
  const db = new PrismaClient();
  await db.session.deleteMany();
  await db.$disconnect();
}`,
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
    },
    {
      name: 'the hoisted name never collides: s3Client already bound',
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { s3Client } from './legacy';
export async function copy(command) {
  const s3 = new S3Client({});
  await s3.send(command);
  await s3Client.send(command);
}`,
      errors: [
        {
          messageId: 'perCall',
          line: 4,
          column: 14,
          suggestions: [
            {
              messageId: 'hoistToModule',
              output: `import { S3Client } from '@aws-sdk/client-s3';
import { s3Client } from './legacy';
const s3Client2 = new S3Client({});
export async function copy(command) {
  const s3 = s3Client2;
  await s3.send(command);
  await s3Client.send(command);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an exported factory called per call in this file is reported at the call',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export function makeS3() {
  return new S3Client({});
}
export async function handler(event) {
  const s3 = makeS3();
  await s3.send(event.command);
}`,
      errors: [{ messageId: 'perCallFactory', line: 6, column: 14 }],
    },
  ],
});

describe('no-per-call-client catalog message', () => {
  it('appends the message of a user catalog entry to the report', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      `import { createHttpClient } from '@acme/http';
export async function handler() {
  const http = createHttpClient();
  await http.get('/health');
}`,
      {
        plugins: { 'reuse-clients': { rules: { 'no-per-call-client': rule as unknown as Rule.RuleModule } } },
        rules: { 'reuse-clients/no-per-call-client': ['error', { catalog: [acmeFactory] }] },
      },
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toContain('`createHttpClient()` runs on every call of `handler`');
    expect(messages[0]?.message).toContain('use the shared client from @acme/http');
  });
});

// The wording of each message as the rule contract (rules-spec.md) states it, rendered with sample data.
describe('no-per-call-client messages', () => {
  it('perCall matches the contract', () => {
    expect(render(rule.meta.messages.perCall)).toBe(
      render(
        '`{{construct}}` runs {{where}}: {{why}} Create it once and reuse it.',
      ),
    );
  });
});
