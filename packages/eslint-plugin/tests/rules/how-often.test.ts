// How often code runs, as the callback API table (core/src/callback-apis.ts), lifetimes and probes
// decide it: callbacks of known APIs run once or per request/message/job/tick, and the message
// names that evidence. Cases are written from how real projects look (ESM, CommonJS, TypeScript).
import { RuleTester } from '@typescript-eslint/rule-tester';
import agentRule from '../../src/rules/no-per-call-agent.js';
import clientRule from '../../src/rules/no-per-call-client.js';
import { commonjs, testable, whyOf } from './testers.js';

const ruleTester = new RuleTester();

/** The family each construction of these cases belongs to: its facts are the report's reason. */
const FAMILY_OF: Record<string, string> = { 'new AWS.S3()': 'aws-sdk-v2', 'new Pool()': 'pg', 'new PrismaClient()': 'prisma', 'new Redis()': 'ioredis', 'new S3Client()': 'aws-sdk-v3' };
const perCall = (line: number, column: number, construct: string, where: string) => ({ messageId: 'perCall' as const, line, column, data: { construct, where, why: whyOf(FAMILY_OF[construct]!), extra: '' } });

ruleTester.run('no-per-call-client: how often callbacks run', testable(clientRule), {
  valid: [
    // ── once: start-up APIs ───────────────────────────────────────────────────────────────────
    {
      name: 'NestJS custom provider useFactory runs once',
      code: `import { Module } from '@nestjs/common';
import Redis from 'ioredis';
@Module({ providers: [{ provide: 'REDIS', useFactory: () => new Redis(process.env.REDIS_URL) }], exports: ['REDIS'] })
export class RedisModule {}`,
    },
    {
      name: 'NestJS dynamic module: useFactory in the options of registerAsync runs once, when the module is built (TS)',
      code: `import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { S3Client } from '@aws-sdk/client-s3';
import multerS3 from 'multer-s3';
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => {
        const s3 = new S3Client({ region: config.get('region') });
        return { storage: multerS3({ s3, bucket: config.get('bucket') }) };
      },
    }),
  ],
})
export class FilesModule {}`,
    },
    {
      name: 'NestJS dynamic module: a named useFactory handed to forRootAsync (compiled CommonJS)',
      code: `const common_1 = require("@nestjs/common");
const ioredis_1 = require("@nestjs-modules/ioredis");
const Redis = require("ioredis");
async function redisOptions(config) {
  const probe = new Redis(config.get('REDIS_URL'), { lazyConnect: true });
  await probe.ping();
  probe.disconnect();
  return { type: 'single', url: config.get('REDIS_URL') };
}
let CacheModule = class CacheModule {};
CacheModule = __decorate([(0, common_1.Module)({ imports: [ioredis_1.RedisModule.forRootAsync({ useFactory: redisOptions, inject: ['ConfigService'] })] })], CacheModule);
exports.CacheModule = CacheModule;`,
      languageOptions: commonjs,
    },
    {
      name: 'NestJS dynamic module: forFeatureAsync useFactory (ESM)',
      code: `import { Module } from '@nestjs/common';
import { SqsModule } from '@ssut/nestjs-sqs';
import { SQSClient } from '@aws-sdk/client-sqs';
@Module({ imports: [SqsModule.forFeatureAsync({ useFactory: () => ({ sqs: new SQSClient({ region: process.env.AWS_REGION }) }) })] })
export class QueueModule {}`,
    },
    {
      name: 'TypeORM dataSourceFactory of TypeOrmModule.forRootAsync runs once (TS)',
      code: `import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { TypeOrmConfigService } from './typeorm-config.service';
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useClass: TypeOrmConfigService,
      dataSourceFactory: async (options?: DataSourceOptions) => new DataSource(options!).initialize(),
    }),
  ],
})
export class AppModule {}`,
    },
    {
      name: 'awilix singleton factory',
      code: `import { asFunction, createContainer } from 'awilix';
import { Pool } from 'pg';
const container = createContainer();
container.register({ db: asFunction(() => new Pool({ connectionString: process.env.DATABASE_URL })).singleton() });`,
    },
    {
      name: 'awilix factory with lifetime: Lifetime.SINGLETON (CommonJS)',
      code: `const { asFunction, Lifetime } = require('awilix');
const Redis = require('ioredis');
module.exports = (container) => container.register({ redis: asFunction(({ config }) => new Redis(config.redisUrl), { lifetime: Lifetime.SINGLETON }) });`,
      languageOptions: commonjs,
    },
    {
      name: 'lodash/once wrapper',
      code: `import once from 'lodash/once';
import Redis from 'ioredis';
export const getRedis = once(() => new Redis(process.env.REDIS_URL));`,
    },
    {
      name: 'memoize from lodash, keyed by region',
      code: `import { memoize } from 'lodash';
import { S3Client } from '@aws-sdk/client-s3';
export const s3For = memoize((region: string) => new S3Client({ region }));`,
    },
    {
      name: 'memoizee through require (CommonJS)',
      code: `const memoize = require('memoizee');
const { Pool } = require('pg');
exports.poolFor = memoize((url) => new Pool({ connectionString: url }));`,
      languageOptions: commonjs,
    },
    {
      name: 'a once wrapper written in the file',
      code: `import { Pool } from 'pg';
function once(fn) {
  let done = false;
  let value;
  return (...args) => {
    if (!done) { done = true; value = fn(...args); }
    return value;
  };
}
export const getPool = once(() => new Pool({ connectionString: process.env.DATABASE_URL }));`,
    },
    {
      name: 'a memoize wrapper written in the file (Map cache, early return)',
      code: `import Redis from 'ioredis';
const memo = (fn) => { const cache = new Map(); return (key) => { if (cache.has(key)) return cache.get(key); const value = fn(key); cache.set(key, value); return value; }; };
export const redisFor = memo((url) => new Redis(url));`,
    },
    {
      name: 'a memo helper from a project file, called at module load with a zero-argument factory (TS)',
      code: `import { PrismaClient } from '@prisma/client';
import { remember } from './utils/remember';
const prisma = remember('prisma', () => new PrismaClient({ datasourceUrl: process.env.DATABASE_URL }));
export const prismaWithLogging = remember('prismaWithLogging', () => {
  const client = new PrismaClient({ log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => console.log(event.query));
  return client;
});
export { prisma };`,
    },
    {
      name: '@epic-web/remember keeps one value per name',
      code: `import { remember } from '@epic-web/remember';
import Redis from 'ioredis';
export const redis = remember('redis', () => new Redis(process.env.REDIS_URL));`,
    },
    {
      name: 'a memo helper from a project file (CommonJS)',
      code: `const { singleton } = require('../lib/singleton');
const { Pool } = require('pg');
const pool = singleton('pg-pool', () => new Pool({ connectionString: process.env.DATABASE_URL }));
module.exports = { query: (sql, params) => pool.query(sql, params) };`,
      languageOptions: commonjs,
    },
    {
      name: 'a helper written in the file that calls the factory while it runs (globalThis map)',
      code: `import { PrismaClient } from '@prisma/client';
function remember(name, getValue) {
  globalThis.__memo ??= new Map();
  if (!globalThis.__memo.has(name)) globalThis.__memo.set(name, getValue());
  return globalThis.__memo.get(name);
}
export const prisma = remember('prisma', () => new PrismaClient());`,
    },
    {
      name: 'commander action runs once per CLI invocation',
      code: `import { program } from 'commander';
import { S3Client } from '@aws-sdk/client-s3';
program.command('sync <bucket>').option('-r, --region <region>').action(async (bucket, options) => {
  const s3 = new S3Client({ region: options.region });
  await s3.send(bucket);
});
program.parse();`,
    },
    {
      name: 'yargs command handler (CommonJS)',
      code: `const yargs = require('yargs');
const { Client } = require('pg');
yargs(process.argv.slice(2)).command('migrate', 'run migrations', () => {}, async (argv) => {
  const client = new Client({ connectionString: argv.url });
  await client.connect();
}).parse();`,
      languageOptions: commonjs,
    },
    {
      name: 'express app.listen callback',
      code: `import express from 'express';
import Redis from 'ioredis';
const app = express();
app.listen(3000, () => {
  const redis = new Redis(process.env.REDIS_URL);
  redis.publish('started', '1');
});`,
    },
    {
      name: 'a setTimeout callback at module level runs once',
      code: `import Redis from 'ioredis';
setTimeout(async () => {
  const redis = new Redis(process.env.REDIS_URL);
  await redis.publish('ready', '1');
}, 0);`,
    },
    {
      name: 'process.once at module level runs once',
      code: `import { Pool } from 'pg';
process.once('SIGUSR2', async () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('select 1');
});`,
    },
    // ── factories and lifetimes ───────────────────────────────────────────────────────────────
    {
      name: 'anonymous default-export factory (pg.Client)',
      code: `import pg from 'pg';
export default async (config) => { const client = new pg.Client(config); await client.connect(); return client; };`,
    },
    {
      name: 'a factory that resolves the client through new Promise (CommonJS)',
      code: `const { createClient } = require('redis');
exports.connect = (o) => new Promise((resolve, reject) => { const c = createClient(o); c.on('error', reject); c.connect().then(() => resolve(c)); });`,
      languageOptions: commonjs,
    },
    {
      name: 'a loader that registers its client with awilix asValue is a factory (TS default export)',
      code: `import { asValue } from 'awilix';
import Redis from 'ioredis';
export default async ({ container, options }: { container: any; options: { redisUrl: string } }): Promise<void> => {
  const connection = new Redis(options.redisUrl, { lazyConnect: true });
  await connection.connect();
  container.register({ cacheRedisConnection: asValue(connection) });
};`,
    },
    {
      name: 'a closure that keeps the client is returned: a factory, judged where it is called',
      code: `import { Pool } from 'pg';
export function makeQuery(url) {
  const pool = new Pool({ connectionString: url });
  return (sql) => pool.query(sql);
}`,
    },
    {
      name: 'a module `let` set by a connect helper that the module shares (ESM)',
      code: `import { MongoClient } from 'mongodb';
let client;
export async function connect(url) {
  client = new MongoClient(url);
  await client.connect();
}
export const users = () => client.db('app').collection('users');`,
    },
    {
      name: 'a module `let` set by a helper the handler calls when it is empty, and again on a release webhook (CommonJS)',
      code: `const express = require('express');
const pg = require('pg');
let pgPool;
const app = express();
const createConn = async () => {
  const config = await fetchCredentials();
  pgPool = new pg.Pool({ ...config, max: 1 });
};
app.get('/hello', async (req, res) => {
  if (!pgPool) await createConn();
  res.json((await pgPool.query('SELECT now()')).rows);
});
app.post('/onrelease', async (req, res) => { await createConn(); res.status(204).send(); });`,
      languageOptions: commonjs,
    },
    {
      name: 'an exported module `let` set by an init function (TS)',
      code: `import Redis from 'ioredis';
export let redis: Redis;
export function initRedis(url: string): void {
  redis = new Redis(url);
}`,
    },
    {
      name: 'a client read by a closure the function returns in an object is kept by it: a factory (TS)',
      code: `import Redis from 'ioredis';
import type { Express } from 'express';
export async function sessionLoader({ app, redisUrl }: { app: Express; redisUrl?: string }) {
  let redisClient: Redis | undefined;
  if (redisUrl) {
    redisClient = new Redis(redisUrl);
    app.locals.sessionStore = makeStore(redisClient);
  }
  const shutdown = async () => { redisClient?.disconnect(); };
  return { app, shutdown };
}`,
    },
    {
      name: 'one client per region built by a loop at module scope',
      code: `import { S3Client } from '@aws-sdk/client-s3';
const REGIONS = ['us-east-1', 'eu-west-1'];
export const clients = {};
for (const region of REGIONS) clients[region] = new S3Client({ region });`,
    },
    {
      name: 'one client per profile built by .map() in a start-up function called once',
      code: `import Redis from 'ioredis';
async function main(config) {
  const shards = config.shards.map((url) => new Redis(url));
  await Promise.all(shards.map((redis) => redis.ping()));
}
main(JSON.parse(process.env.CONFIG));`,
    },
    {
      name: 'ES5 constructor function (assigns this.*), built once',
      code: `var Redis = require('ioredis');
function Cache(url) {
  this.prefix = 'c:';
  var redis = new Redis(url);
  this.get = function (key) { return redis.get(this.prefix + key); };
}
module.exports = new Cache(process.env.REDIS_URL);`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'NestJS request-scoped provider: its constructor runs on every request',
      code: `import { Injectable, Scope } from '@nestjs/common';
import { Pool } from 'pg';
@Injectable({ scope: Scope.REQUEST })
export class TenantDb {
  private pool: Pool;
  constructor() {
    this.pool = new Pool({ connectionString: process.env.DATABASE_URL });
  }
}`,
      errors: [perCall(7, 17, 'new Pool()', 'on every request (the NestJS request-scoped provider `TenantDb`)')],
    },
    {
      name: 'NestJS provider with scope: Scope.REQUEST',
      code: `import { Module, Scope } from '@nestjs/common';
import Redis from 'ioredis';
@Module({ providers: [{ provide: 'REDIS', scope: Scope.REQUEST, useFactory: () => new Redis(process.env.REDIS_URL) }] })
export class RedisModule {}`,
      errors: [perCall(3, 83, 'new Redis()', 'on every request (the `useFactory` of a NestJS request-scoped provider)')],
    },
    {
      name: 'NestJS dynamic module: a callback inside the options useFactory returns still runs per call',
      code: `import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { S3Client } from '@aws-sdk/client-s3';
@Module({
  imports: [
    MulterModule.registerAsync({
      useFactory: () => ({
        fileFilter: async (req, file, callback) => {
          const s3 = new S3Client({ region: req.headers['x-region'] });
          callback(null, await exists(s3, file.originalname));
        },
      }),
    }),
  ],
})
export class FilesModule {}`,
      errors: [perCall(9, 22, 'new S3Client()', 'on every call of `fileFilter`')],
    },
    {
      name: 'useFactory of a dynamic module from a project file is not taken on trust',
      code: `import { Module } from '@nestjs/common';
import { S3Client } from '@aws-sdk/client-s3';
import { StorageModule } from './storage.module';
@Module({ imports: [StorageModule.registerAsync({ useFactory: (region) => new S3Client({ region }) })] })
export class FilesModule {}`,
      errors: [perCall(4, 75, 'new S3Client()', 'on every call of `useFactory`')],
    },
    {
      name: 'a zero-argument factory whose module constant is called per request is not taken for a memo',
      code: `import express from 'express';
import { S3Client } from '@aws-sdk/client-s3';
import { lazy } from './lazy';
const getS3 = lazy(() => new S3Client({ region: process.env.AWS_REGION }));
const app = express();
app.get('/files', async (req, res) => res.json(await getS3().send(list(req.query.prefix))));`,
      errors: [perCall(4, 26, 'new S3Client()', 'on every call of the callback passed to `lazy()`')],
    },
    {
      name: 'a handler wrapped at module level by a project helper still runs per invocation',
      code: `import { S3Client } from '@aws-sdk/client-s3';
import { withLogging } from './middleware';
export const handler = withLogging(async (event) => {
  const s3 = new S3Client({ region: event.region });
  return s3.send(event.command);
});`,
      errors: [perCall(4, 14, 'new S3Client()', 'on every call of the callback passed to `withLogging()`')],
    },
    {
      name: 'a helper written in the file that returns a closure calling the factory each time',
      code: `import { S3Client } from '@aws-sdk/client-s3';
function deferred(make) { return () => make(); }
export const getS3 = deferred(() => new S3Client({ region: process.env.AWS_REGION }));`,
      errors: [perCall(3, 37, 'new S3Client()', 'on every call of the callback passed to `deferred()`')],
    },
    {
      name: 'a handler that replaces a module `let` on every invocation and uses it itself',
      code: `import { S3Client } from '@aws-sdk/client-s3';
let s3;
export const handler = async (event) => {
  s3 = new S3Client({ region: event.region });
  return s3.send(event.command);
};`,
      errors: [perCall(4, 8, 'new S3Client()', 'on every call of `handler`')],
    },
    {
      name: 'a module `let` set inside a route handler is replaced on every request',
      code: `import express from 'express';
import { Pool } from 'pg';
let pool;
const app = express();
app.post('/reconnect', async (req, res) => { pool = new Pool({ connectionString: req.body.url }); res.end(); });
export const query = (sql) => pool.query(sql);`,
      errors: [perCall(5, 53, 'new Pool()', 'on every request of the route `POST /reconnect`')],
    },
    {
      name: 'a client handed to a method of the returned object that is not a setter is still per call',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export function upload(job) {
  job.run(new S3Client({ region: job.region }));
  return job;
}`,
      errors: [perCall(3, 11, 'new S3Client()', 'on every call of `upload`')],
    },
    {
      name: 'a client built in tRPC createContext',
      code: `import express from 'express';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { Pool } from 'pg';
import { appRouter } from './router';
const createContext = ({ req }) => ({ db: new Pool({ connectionString: req.headers['x-tenant-db'] }) });
const app = express();
app.use('/trpc', createExpressMiddleware({ router: appRouter, createContext }));`,
      errors: [perCall(5, 43, 'new Pool()', 'on every request, in the tRPC `createContext`')],
    },
    {
      name: 'tRPC createContext typed with the adapter options (TS)',
      code: `import type { CreateNextContextOptions } from '@trpc/server/adapters/next';
import Redis from 'ioredis';
export async function createContext(opts: CreateNextContextOptions) {
  const redis = new Redis(process.env.REDIS_URL!);
  return { redis, req: opts.req };
}`,
      errors: [perCall(4, 17, 'new Redis()', 'on every request, in the tRPC `createContext`')],
    },
    {
      name: 'tRPC procedure',
      code: `import { initTRPC } from '@trpc/server';
import { Pool } from 'pg';
const t = initTRPC.context().create();
const publicProcedure = t.procedure;
export const appRouter = t.router({
  getUser: publicProcedure.input((v) => v).query(async ({ input }) => {
    const pool = new Pool({ connectionString: input.db });
    return pool.query('select 1');
  }),
});`,
      errors: [perCall(7, 18, 'new Pool()', 'on every call of the tRPC query `getUser`')],
    },
    {
      name: 'a named function passed to app.get',
      code: `import express from 'express';
import { Pool } from 'pg';
const app = express();
async function getUser(req, res) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  res.json(await pool.query('select * from users where id = $1', [req.params.id]));
}
app.get('/users/:id', getUser);`,
      errors: [perCall(5, 16, 'new Pool()', 'on every request of the route `GET /users/:id`')],
    },
    {
      name: 'express Router through require (CommonJS)',
      code: `const router = require('express').Router();
const Redis = require('ioredis');
router.post('/cache', async (req, res) => {
  const redis = new Redis(req.body.url);
  res.json(await redis.get('k'));
});
module.exports = router;`,
      languageOptions: commonjs,
      errors: [perCall(4, 17, 'new Redis()', 'on every request of the route `POST /cache`')],
    },
    {
      name: 'hono route',
      code: `import { Hono } from 'hono';
import { S3Client } from '@aws-sdk/client-s3';
const app = new Hono();
app.post('/upload', async (c) => {
  const s3 = new S3Client({ region: c.env.REGION });
  return c.json(await s3.send(c.req));
});`,
      errors: [perCall(5, 14, 'new S3Client()', 'on every request of the route `POST /upload`')],
    },
    {
      name: 'koa middleware',
      code: `import Koa from 'koa';
import Redis from 'ioredis';
const app = new Koa();
app.use(async (ctx) => {
  const redis = new Redis(ctx.state.url);
  ctx.body = await redis.get(ctx.path);
});`,
      errors: [perCall(5, 17, 'new Redis()', 'on every request through the middleware')],
    },
    {
      name: 'fastify route inside a plugin registered on a fastify instance',
      code: `import Fastify from 'fastify';
import { Pool } from 'pg';
const app = Fastify();
app.register(async (instance) => {
  instance.get('/health', async (request) => {
    const pool = new Pool({ connectionString: request.headers['x-db'] });
    return pool.query('select 1');
  });
});`,
      errors: [perCall(6, 18, 'new Pool()', 'on every request of the route `GET /health`')],
    },
    {
      name: 'register on an object the file did not build with fastify() is not taken as a plugin',
      code: `import Redis from 'ioredis';
export function setup(app) {
  app.register(async (instance) => {
    instance.decorate('redis', new Redis(process.env.REDIS_URL));
  });
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 32 }],
    },
    {
      name: 'Kafka consumer eachMessage',
      code: `import { Kafka } from 'kafkajs';
import { S3Client } from '@aws-sdk/client-s3';
const kafka = new Kafka({ brokers: ['kafka:9092'] });
const consumer = kafka.consumer({ groupId: 'uploads' });
await consumer.run({
  eachMessage: async ({ message }) => {
    const s3 = new S3Client({ region: String(message.headers.region) });
    await s3.send(message.value);
  },
});`,
      errors: [perCall(7, 16, 'new S3Client()', 'for every message of the Kafka consumer')],
    },
    {
      name: 'BullMQ worker processor (CommonJS)',
      code: `const { Worker } = require('bullmq');
const Redis = require('ioredis');
new Worker('emails', async (job) => {
  const redis = new Redis(job.data.url);
  await redis.lpush('sent', job.id);
});`,
      languageOptions: commonjs,
      errors: [perCall(4, 17, 'new Redis()', 'for every job of the BullMQ worker `emails`')],
    },
    {
      name: 'amqplib channel.consume',
      code: `import amqp from 'amqplib';
import { Pool } from 'pg';
const connection = await amqp.connect(process.env.AMQP_URL);
const channel = await connection.createChannel();
channel.consume('orders', async (msg) => {
  const pool = new Pool({ connectionString: msg.properties.headers.db });
  await pool.query('insert');
});`,
      errors: [perCall(6, 16, 'new Pool()', 'for every message of the AMQP queue `orders`')],
    },
    {
      name: 'setInterval at module level runs on every tick',
      code: `import Redis from 'ioredis';
setInterval(async () => {
  const redis = new Redis(process.env.REDIS_URL);
  await redis.publish('heartbeat', String(Date.now()));
}, 5_000);`,
      errors: [perCall(3, 17, 'new Redis()', 'on every tick of `setInterval()`')],
    },
    {
      name: 'a setTimeout callback in a route handler runs per request',
      code: `import express from 'express';
import Redis from 'ioredis';
const app = express();
app.post('/jobs', (req, res) => {
  setTimeout(async () => { const redis = new Redis(req.body.url); await redis.lpush('jobs', req.body.id); }, 100);
  res.sendStatus(202);
});`,
      errors: [perCall(5, 42, 'new Redis()', 'on every request of the route `POST /jobs`')],
    },
    {
      name: 'node-cron job',
      code: `import cron from 'node-cron';
import { Pool } from 'pg';
cron.schedule('*/5 * * * *', async () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('delete from sessions where expires < now()');
});`,
      errors: [perCall(4, 16, 'new Pool()', 'on every run of the cron job `*/5 * * * *`')],
    },
    {
      name: 'Lambda handler typed with aws-lambda (TS)',
      code: `import type { SQSEvent } from 'aws-lambda';
import { S3Client } from '@aws-sdk/client-s3';
export const handler = async (event: SQSEvent) => {
  const s3 = new S3Client({ region: process.env.AWS_REGION });
  for (const record of event.Records) await s3.send(record.body as never);
};`,
      errors: [perCall(4, 14, 'new S3Client()', 'on every invocation of the Lambda handler')],
    },
    {
      name: 'module.exports = handler names the export, not `exports`',
      code: `const AWS = require('aws-sdk');
module.exports = async (event) => {
  const s3 = new AWS.S3({ region: event.region });
  return s3.getObject(event.params).promise();
};`,
      languageOptions: commonjs,
      errors: [perCall(3, 14, 'new AWS.S3()', 'on every call of the function exported as `module.exports`')],
    },
    {
      name: 'Next.js route handler (app/**/route.ts)',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
export async function GET(request: Request) {
  const prisma = new PrismaClient({ datasourceUrl: process.env.DATABASE_URL });
  return Response.json(await prisma.user.findMany());
}`,
      errors: [perCall(3, 18, 'new PrismaClient()', 'on every `GET` request of the Next.js route handler')],
    },
    {
      name: "Next.js server action ('use server' file)",
      code: `'use server';
import { Pool } from 'pg';
export async function createTodo(formData: FormData) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('insert into todos(title) values ($1)', [formData.get('title')]);
}`,
      errors: [perCall(4, 16, 'new Pool()', 'on every call of the server action `createTodo`')],
    },
    {
      name: 'socket.io message listener',
      code: `import { Server } from 'socket.io';
import { S3Client } from '@aws-sdk/client-s3';
const io = new Server(3000);
io.on('connection', (socket) => {
  socket.on('upload', async (data) => {
    const s3 = new S3Client({ region: data.region });
    await s3.send(data.command);
  });
});`,
      errors: [perCall(6, 16, 'new S3Client()', 'on every `upload` message of a socket.io socket')],
    },
    {
      name: 'awilix transient factory (no singleton) runs per resolution',
      code: `import { asFunction, createContainer } from 'awilix';
import { Pool } from 'pg';
const container = createContainer();
container.register({ db: asFunction(() => new Pool({ connectionString: process.env.DATABASE_URL })) });`,
      errors: [{ messageId: 'perCall', line: 4, column: 43 }],
    },
    {
      name: 'a loop in a request handler is per call',
      code: `import express from 'express';
import { S3Client } from '@aws-sdk/client-s3';
const app = express();
app.post('/copy', async (req, res) => {
  for (const region of req.body.regions) await new S3Client({ region }).send(req.body.command);
  res.end();
});`,
      errors: [perCall(5, 48, 'new S3Client()', 'on every iteration of a loop')],
    },
    {
      name: 'a while loop at module scope repeats',
      code: `import Redis from 'ioredis';
while (true) {
  const redis = new Redis(process.env.REDIS_URL);
  await redis.blpop('jobs', 0);
}`,
      errors: [perCall(3, 17, 'new Redis()', 'on every iteration of a loop')],
    },
    {
      name: 'ES5 constructor function built per request',
      code: `const express = require('express');
const Redis = require('ioredis');
function Session(url) {
  this.redis = null;
  const redis = new Redis(url);
  this.load = (id) => redis.get(id);
}
const app = express();
app.get('/me', (req, res) => { const session = new Session(req.query.url); session.load(req.query.id).then((v) => res.json(v)); });`,
      languageOptions: commonjs,
      errors: [perCall(5, 17, 'new Redis()', 'on every `new Session()`, which runs on every request of the route `GET /me`')],
    },
    {
      name: 'project entry from the callbackApis option',
      code: `import { createQueue } from '@acme/jobs';
import Redis from 'ioredis';
createQueue('mail').process(async (job) => {
  const redis = new Redis(job.url);
  await redis.get(job.id);
});`,
      options: [{ callbackApis: [{ module: '@acme/jobs', call: 'createQueue', method: 'process', runs: 'per-call', evidence: 'for every job of the acme queue' }] }],
      errors: [perCall(4, 17, 'new Redis()', 'for every job of the acme queue')],
    },
  ],
});

ruleTester.run('no-per-call-client: callbackApis can say once', testable(clientRule), {
  valid: [
    {
      name: 'a project API that runs its callback once',
      code: `import { onBoot } from '@acme/lifecycle';
import Redis from 'ioredis';
export function setup() {
  onBoot(async () => { const redis = new Redis(process.env.REDIS_URL); await redis.ping(); });
}`,
      options: [{ callbackApis: [{ module: '@acme/lifecycle', call: 'onBoot', runs: 'once' }] }],
    },
  ],
  invalid: [],
});

ruleTester.run('no-per-call-agent: how often callbacks run', testable(agentRule), {
  valid: [
    {
      name: 'Node-RED node constructor registered with RED.nodes.registerType (CommonJS)',
      code: `const http = require('http');
module.exports = function (RED) {
  function HTTPRequest(n) {
    RED.nodes.createNode(this, n);
    const agent = new http.Agent({ keepAlive: true });
    this.on('input', (m) => http.get(m.url, { agent }));
  }
  RED.nodes.registerType('http request', HTTPRequest);
};`,
      languageOptions: commonjs,
    },
    {
      name: 'a Map cache method: early return of the cached agent, then set',
      code: `import https from 'node:https';
export class Agents {
  agents = new Map();
  createAgent(key, o) { const cached = this.agents.get(key); if (cached !== undefined) return cached; const a = new https.Agent(o); this.agents.set(key, a); return a; }
}`,
    },
    {
      name: 'agents.has guard with a .compose() chain on the new agent',
      code: `import { Agent, interceptors } from 'undici';
const agents = new Map();
export function agentFor(key, tls) {
  if (!agents.has(key)) { const agent = new Agent({ connect: tls }).compose(interceptors.redirect()); agents.set(key, agent); }
  return agents.get(key);
}`,
    },
    {
      name: 'if/else on the cache: get in one branch, build and set in the other',
      code: `import { Agent } from 'undici';
const agents = new Map();
export function agentFor(origin) {
  let agent;
  if (agents.has(origin)) { agent = agents.get(origin); } else { agent = new Agent({ connect: { servername: origin } }); agents.set(origin, agent); }
  return agent;
}`,
    },
    // ── probes ────────────────────────────────────────────────────────────────────────────────
    {
      name: 'probeFunctions: a health check that wants a fresh connection',
      code: `import https from 'node:https';
export async function checkUpstream(url) {
  const agent = new https.Agent({ keepAlive: false, timeout: 2_000 });
  return new Promise((resolve) => https.get(url, { agent }, (res) => resolve(res.statusCode)));
}`,
      options: [{ probeFunctions: ['/^check[A-Z]/'] }],
    },
    {
      name: 'maxCachedSessions: 0 says every check wants a full handshake',
      code: `import https from 'node:https';
export function probeTls(host) {
  const agent = new https.Agent({ maxCachedSessions: 0, keepAlive: false });
  return https.get({ host, agent });
}`,
    },
  ],
  invalid: [
    {
      name: 'agent: false next to a comment is not a probe',
      code: `import https from 'node:https';
export function monitor(host) {
  // fresh connection on purpose
  const agent = new https.Agent({ keepAlive: false, host });
  return https.get({ host, agent });
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 17 }],
    },
  ],
});
