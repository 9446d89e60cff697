// One invalid and one valid case per reported family (packages/core/src/families), through imports
// and requires, under local aliases; the families that are not reported stay silent when built per
// call; look-alikes stay silent. Each invalid case checks the message states the family's facts.
import * as tsParser from '@typescript-eslint/parser';
import { FAMILIES, MESSAGES, renderMessage } from '@reuse-clients/core';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import noPerCallAgent from '../src/rules/no-per-call-agent.js';
import noPerCallClient from '../src/rules/no-per-call-client.js';
import preferAxiosInstance from '../src/rules/prefer-axios-instance.js';
import { whyOf } from './rules/testers.js';

interface FamilyCase {
  family: string;
  /** Imports or requires, and anything built once that the construction uses. */
  setup: string;
  /** The construction, as an expression. */
  expression: string;
  /** How the message names it. */
  construct: string;
  commonjs?: boolean;
}

const AGENT_CASES: FamilyCase[] = [
  { family: 'node-http', setup: `import { Agent as HttpsAgent } from 'node:https';`, expression: `new HttpsAgent({ keepAlive: true })`, construct: 'new HttpsAgent()' },
  { family: 'undici', setup: `import { Pool as UndiciPool } from 'undici';`, expression: `new UndiciPool(event.origin)`, construct: 'new UndiciPool()' },
  { family: 'agentkeepalive', setup: `const KeepAlive = require('agentkeepalive');`, expression: `new KeepAlive.HttpsAgent()`, construct: 'new KeepAlive.HttpsAgent()', commonjs: true },
  { family: 'proxy-agent', setup: `import { HttpsProxyAgent as Tunnel } from 'https-proxy-agent';`, expression: `new Tunnel(process.env.HTTPS_PROXY)`, construct: 'new Tunnel()' },
  { family: 'follow-redirects', setup: `const { https: redirecting } = require('follow-redirects');`, expression: `new redirecting.Agent({ keepAlive: true })`, construct: 'new redirecting.Agent()', commonjs: true },
];

const CLIENT_CASES: FamilyCase[] = [
  { family: 'node-http2', setup: `const h2 = require('node:http2');`, expression: `h2.connect('https://api.example.com')`, construct: 'h2.connect()', commonjs: true },
  { family: 'aws-sdk-v3', setup: `const { SQSClient: Queue } = require('@aws-sdk/client-sqs');`, expression: `new Queue({})`, construct: 'new Queue()', commonjs: true },
  { family: 'aws-sdk-v3', setup: `import { SNSClient } from '@aws-sdk/client-sns';`, expression: `new SNSClient({ region: event.region })`, construct: 'new SNSClient()' },
  { family: 'aws-sdk-v2', setup: `const AWS = require('aws-sdk');`, expression: `new AWS.DynamoDB.DocumentClient()`, construct: 'new AWS.DynamoDB.DocumentClient()', commonjs: true },
  { family: 'aws-sdk-v2', setup: `const DocumentClient = require('aws-sdk').DynamoDB.DocumentClient;`, expression: `new DocumentClient({ region: 'eu-west-1' })`, construct: 'new DocumentClient()', commonjs: true },
  { family: 'aws-sdk-v2', setup: ``, expression: `new (require('aws-sdk').SQS)()`, construct: "new (require('aws-sdk').SQS)()", commonjs: true },
  { family: 'aws-sdk-v2-clients', setup: `import Topic from 'aws-sdk/clients/sns';`, expression: `new Topic()`, construct: 'new Topic()' },
  { family: 'google-cloud-storage', setup: `import { Storage as GCS } from '@google-cloud/storage';`, expression: `new GCS()`, construct: 'new GCS()' },
  { family: 'google-cloud-storage', setup: `const { BigQuery } = require('@google-cloud/bigquery');`, expression: `new BigQuery({ projectId: event.project })`, construct: 'new BigQuery()', commonjs: true },
  { family: 'google-cloud-grpc', setup: `const { PubSub } = require('@google-cloud/pubsub');`, expression: `new PubSub()`, construct: 'new PubSub()', commonjs: true },
  { family: 'google-cloud-grpc', setup: `import { Firestore as Db } from '@google-cloud/firestore';`, expression: `new Db()`, construct: 'new Db()' },
  { family: 'google-auth-library', setup: `import { google } from 'googleapis';`, expression: `new google.auth.GoogleAuth({ scopes: ['x'] })`, construct: 'new google.auth.GoogleAuth()' },
  { family: 'google-auth-library', setup: `const { GoogleAuth } = require('google-auth-library');`, expression: `new GoogleAuth()`, construct: 'new GoogleAuth()', commonjs: true },
  { family: 'azure-identity', setup: `import * as identity from '@azure/identity';`, expression: `new identity.DefaultAzureCredential()`, construct: 'new identity.DefaultAzureCredential()' },
  { family: 'azure-cosmos', setup: `import { CosmosClient as Cosmos } from '@azure/cosmos';`, expression: `new Cosmos({ endpoint: process.env.COSMOS_URL, key: process.env.COSMOS_KEY })`, construct: 'new Cosmos()' },
  { family: 'azure-service-bus', setup: `const { ServiceBusClient } = require('@azure/service-bus');`, expression: `new ServiceBusClient(process.env.SB)`, construct: 'new ServiceBusClient()', commonjs: true },
  { family: 'pg', setup: `import pg from 'pg';`, expression: `new pg.Pool()`, construct: 'new pg.Pool()' },
  { family: 'postgres', setup: `import sqlFor from 'postgres';`, expression: `sqlFor(process.env.DATABASE_URL)`, construct: 'sqlFor()' },
  { family: 'mysql2', setup: `const mysql = require('mysql2/promise');`, expression: `mysql.createConnection({ host: 'db' })`, construct: 'mysql.createConnection()', commonjs: true },
  { family: 'mssql', setup: `import sql from 'mssql';`, expression: `new sql.ConnectionPool(event.config)`, construct: 'new sql.ConnectionPool()' },
  { family: 'oracledb', setup: `const oracle = require('oracledb');`, expression: `oracle.getConnection({ user: 'app' })`, construct: 'oracle.getConnection()', commonjs: true },
  { family: 'mongodb', setup: `import { MongoClient as Mongo } from 'mongodb';`, expression: `Mongo.connect(process.env.MONGO_URL)`, construct: 'Mongo.connect()' },
  { family: 'mongoose', setup: `import mongoose from 'mongoose';`, expression: `mongoose.createConnection(process.env.MONGO_URL)`, construct: 'mongoose.createConnection()' },
  { family: 'ioredis', setup: `import Valkey from 'ioredis';`, expression: `new Valkey()`, construct: 'new Valkey()' },
  { family: 'ioredis', setup: `import { Redis } from 'ioredis';\nconst redis = new Redis();`, expression: `redis.duplicate()`, construct: 'redis.duplicate()' },
  { family: 'redis', setup: `const { createClient: makeRedis } = require('redis');`, expression: `makeRedis({ url: process.env.REDIS_URL })`, construct: 'makeRedis()', commonjs: true },
  { family: 'prisma', setup: `const { PrismaClient } = require('@prisma/client');`, expression: `new PrismaClient()`, construct: 'new PrismaClient()', commonjs: true },
  { family: 'sequelize', setup: `import { Sequelize as Orm } from 'sequelize';`, expression: `new Orm(process.env.DATABASE_URL)`, construct: 'new Orm()' },
  { family: 'knex', setup: `import makeKnex from 'knex';`, expression: `makeKnex({ client: 'pg', connection: process.env.DATABASE_URL })`, construct: 'makeKnex()' },
  { family: 'typeorm', setup: `import { DataSource } from 'typeorm';`, expression: `new DataSource({ type: 'postgres' })`, construct: 'new DataSource()' },
  { family: 'drizzle', setup: `import { drizzle } from 'drizzle-orm/node-postgres';`, expression: `drizzle(process.env.DATABASE_URL!)`, construct: 'drizzle()' },
  { family: 'drizzle', setup: `const { drizzle: orm } = require('drizzle-orm/postgres-js');`, expression: `orm({ connection: { url: event.url } })`, construct: 'orm()', commonjs: true },
  { family: 'elasticsearch', setup: `import { Client as OpenSearch } from '@opensearch-project/opensearch';`, expression: `new OpenSearch({ node: 'https://search:9200' })`, construct: 'new OpenSearch()' },
  { family: 'cassandra', setup: `const cassandra = require('cassandra-driver');`, expression: `new cassandra.Client({ contactPoints: ['db'] })`, construct: 'new cassandra.Client()', commonjs: true },
  { family: 'neo4j', setup: `import neo4j from 'neo4j-driver';`, expression: `neo4j.driver(process.env.NEO4J_URL)`, construct: 'neo4j.driver()' },
  { family: 'clickhouse', setup: `import { createClient as clickhouse } from '@clickhouse/client';`, expression: `clickhouse({ url: 'http://ch:8123' })`, construct: 'clickhouse()' },
  { family: 'kafkajs', setup: `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ brokers: ['kafka:9092'] });`, expression: `kafka.producer()`, construct: 'kafka.producer()' },
  { family: 'kafkajs', setup: `const { Kafka } = require('kafkajs');`, expression: `new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'g' })`, construct: "new Kafka({ brokers: ['kafka:9092'] }).…()", commonjs: true },
  { family: 'amqplib', setup: `const amqp = require('amqplib');`, expression: `amqp.connect(process.env.AMQP_URL)`, construct: 'amqp.connect()', commonjs: true },
  { family: 'bullmq', setup: `import { Queue as Jobs } from 'bullmq';`, expression: `new Jobs('emails', { connection: { host: 'redis' } })`, construct: 'new Jobs()' },
  { family: 'nats', setup: `import { connect as natsConnect } from 'nats';`, expression: `natsConnect({ servers: 'nats:4222' })`, construct: 'natsConnect()' },
  {
    family: 'grpc',
    setup: `const grpc = require('@grpc/grpc-js');\nconst proto = grpc.loadPackageDefinition(require('./definition'));`,
    expression: `new proto.helloworld.Greeter('svc:50051', grpc.credentials.createInsecure())`,
    construct: 'new proto.helloworld.Greeter()',
    commonjs: true,
  },
  { family: 'twilio', setup: `import twilio from 'twilio';`, expression: `twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN)`, construct: 'twilio()' },
];

const AXIOS_CASES: FamilyCase[] = [{ family: 'axios', setup: `import http from 'axios';`, expression: `http.create({ baseURL: event.url })`, construct: 'http.create()' }];

function perCallCode({ setup, expression }: FamilyCase): string {
  return `${setup}\nexport async function handler(event) {\n  const client = ${expression};\n  await client.ping?.(event);\n  return 'ok';\n}`;
}

function onceCode({ setup, expression }: FamilyCase): string {
  return `${setup}\nconst client = ${expression.replace(/event\.\w+/g, 'process.env.CONFIG')};\nexport async function handler(event) {\n  return [client, event];\n}`;
}

const parser = tsParser as unknown as Linter.Parser;

type RuleId = 'no-per-call-agent' | 'no-per-call-client' | 'prefer-axios-instance';
const RULES: Record<RuleId, unknown> = { 'no-per-call-agent': noPerCallAgent, 'no-per-call-client': noPerCallClient, 'prefer-axios-instance': preferAxiosInstance };

/** The rule's reports on `code`, linted as ESM or CommonJS with the TypeScript parser. */
function lint(rule: RuleId, code: string, options: { commonjs?: boolean; catalog?: unknown[] } = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, {
    files: ['**/*.ts'],
    languageOptions: { parser, sourceType: options.commonjs ? 'commonjs' : 'module' },
    plugins: { 'reuse-clients': { rules: { [rule]: RULES[rule] as Rule.RuleModule } } },
    rules: { [`reuse-clients/${rule}`]: ['error', { catalog: options.catalog ?? [] }] },
  }, 'handler.ts');
}

function expectPerCall(rule: RuleId, messageId: 'perCall' | 'createPerCall', code: string, construct: string, why: string, options: { commonjs?: boolean; catalog?: unknown[] } = {}) {
  const messages = lint(rule, code, options);
  const line = code.split('\n').findIndex((text) => text.startsWith('  const client = ')) + 1;
  const template = (MESSAGES[rule] as Record<string, string>)[messageId]!;
  expect(messages.map((message) => ({ line: message.line, message: message.message }))).toEqual([
    { line, message: renderMessage(template, { construct, where: 'on every call of `handler`', why, extra: '' }) },
  ]);
}

function familySuite(rule: RuleId, messageId: 'perCall' | 'createPerCall', list: FamilyCase[]) {
  describe(`${rule}: families`, () => {
    it.each(list.map((entry) => [`${entry.family}: ${entry.construct}`, entry] as const))('%s per call is reported with its facts', (_name, entry) => {
      expectPerCall(rule, messageId, perCallCode(entry), entry.construct, whyOf(entry.family), { commonjs: entry.commonjs ?? false });
    });
    it.each(list.map((entry) => [`${entry.family}: ${entry.construct}`, entry] as const))('%s once at module scope is not', (_name, entry) => {
      expect(lint(rule, onceCode(entry), { commonjs: entry.commonjs ?? false })).toEqual([]);
    });
  });
}

familySuite('no-per-call-agent', 'perCall', AGENT_CASES);
familySuite('prefer-axios-instance', 'createPerCall', AXIOS_CASES);
familySuite('no-per-call-client', 'perCall', CLIENT_CASES);

describe('no-per-call-client: silent families and look-alikes', () => {
  const silent: [string, string, boolean?][] = [
    // Families whose per-call construction opens nothing of its own (their facts say why).
    ['not reported: ' + `import OpenAI from 'openai';\nexport async function POST(req) { const ai = new OpenAI(); return ai; }`.split('\n')[0], `import OpenAI from 'openai';\nexport async function POST(req) { const ai = new OpenAI(); return ai; }`],
    ['not reported: ' + `import Anthropic from '@anthropic-ai/sdk';\nexport async function ask(q) { return new Anthropic().messages.create(q); }`.split('\n')[0], `import Anthropic from '@anthropic-ai/sdk';\nexport async function ask(q) { return new Anthropic().messages.create(q); }`],
    ['not reported: ' + `import Stripe from 'stripe';\nexport async function charge(key) { return Stripe(key); }`.split('\n')[0], `import Stripe from 'stripe';\nexport async function charge(key) { return Stripe(key); }`],
    ['not reported: ' + `import { Octokit } from '@octokit/rest';\nexport const list = async (auth) => new Octokit({ auth });`.split('\n')[0], `import { Octokit } from '@octokit/rest';\nexport const list = async (auth) => new Octokit({ auth });`],
    ['not reported: ' + `import { WebClient } from '@slack/web-api';\nexport async function post(token) { return new WebClient(token).chat.postMessage({}); }`.split('\n')[0], `import { WebClient } from '@slack/web-api';\nexport async function post(token) { return new WebClient(token).chat.postMessage({}); }`],
    ['not reported: ' + `import { MailService } from '@sendgrid/mail';\nexport async function send(msg) { return new MailService().send(msg); }`.split('\n')[0], `import { MailService } from '@sendgrid/mail';\nexport async function send(msg) { return new MailService().send(msg); }`],
    ['not reported: ' + `import ky from 'ky';\nexport async function get(url) { return ky.create({ prefixUrl: url }).get('x'); }`.split('\n')[0], `import ky from 'ky';\nexport async function get(url) { return ky.create({ prefixUrl: url }).get('x'); }`],
    ['not reported: ' + `import superagent from 'superagent';\nexport async function get() { return superagent.agent(); }`.split('\n')[0], `import superagent from 'superagent';\nexport async function get() { return superagent.agent(); }`],
    ['not reported: ' + `import { Kafka } from 'kafkajs';\nexport async function config(brokers) { return new Kafka({ brokers }); }`.split('\n')[0], `import { Kafka } from 'kafkajs';\nexport async function config(brokers) { return new Kafka({ brokers }); }`],
    ['not reported: ' + `import { BlobServiceClient } from '@azure/storage-blob';\nexport async function upload(name) { const blobs = BlobServiceClient.fromConnectionString(process.env.AZ); return blobs.getContainerClient(name); }`.split('\n')[0], `import { BlobServiceClient } from '@azure/storage-blob';\nexport async function upload(name) { const blobs = BlobServiceClient.fromConnectionString(process.env.AZ); return blobs.getContainerClient(name); }`],
    ['not reported: ' + `import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth();\nexport async function rows(id) { const sheets = google.sheets({ version: 'v4', auth }); return sheets.spreadsheets.get({ spreadsheetId: id }); }`.split('\n')[0], `import { google } from 'googleapis';\nconst auth = new google.auth.GoogleAuth();\nexport async function rows(id) { const sheets = google.sheets({ version: 'v4', auth }); return sheets.spreadsheets.get({ spreadsheetId: id }); }`],
    ['not reported: ' + `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst ddb = new DynamoDBClient({});\nexport async function get() { return DynamoDBDocumentClient.from(ddb); }`.split('\n')[0], `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst ddb = new DynamoDBClient({});\nexport async function get() { return DynamoDBDocumentClient.from(ddb); }`],
    ['not reported: ' + `import admin from 'firebase-admin';\nexport async function save(doc) { admin.initializeApp(); return admin.firestore().collection('x').add(doc); }`.split('\n')[0], `import admin from 'firebase-admin';\nexport async function save(doc) { admin.initializeApp(); return admin.firestore().collection('x').add(doc); }`],
    // Look-alikes.
    ['a local Storage class', `class Storage { constructor() { this.items = []; } }\nexport function handler() { const s = new Storage(); s.items.push(1); }`],
    ['new Client() from an unrelated module', `import { Client } from 'ssh2';\nexport function handler() { const c = new Client(); c.end(); }`],
    ['admin.firestore() accessors on an app built once', `import admin from 'firebase-admin';\nadmin.initializeApp();\nexport async function handler(doc) { await admin.firestore().collection('orders').add(doc); }`],
    ['getContainerClient() on a shared service client', `import { BlobServiceClient } from '@azure/storage-blob';\nconst blobs = BlobServiceClient.fromConnectionString(process.env.AZ);\nexport async function handler(name) { await blobs.getContainerClient(name).getBlockBlobClient('x').upload('x', 1); }`],
    ['a command object per call', `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport async function handler(key) { await s3.send(new PutObjectCommand({ Bucket: 'b', Key: key })); }`],
    ['drizzle() around a pool built once', `import { drizzle } from 'drizzle-orm/node-postgres';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nexport async function handler() { const db = drizzle(pool); await db.execute('select 1'); }`],
    ['producer() on a local object', `const kafka = { producer: () => ({}) };\nexport async function handler() { const p = kafka.producer(); await p.send?.(); }`],
    ['aws-sdk v2 config helpers per call', `const AWS = require('aws-sdk');\nexports.handler = async () => { const c = new AWS.Credentials('a', 'b'); await c.getPromise(); };`, true],
  ];
  it.each(silent)('%s', (_name, code, isCommonjs) => {
    expect(lint('no-per-call-client', code, { commonjs: isCommonjs ?? false })).toEqual([]);
  });

  it('reports a family that is off by default when the catalog option names it', () => {
    const code = `import OpenAI from 'openai';\nexport async function handler() {\n  const client = new OpenAI();\n  await client.ping?.();\n}`;
    expect(lint('no-per-call-client', code)).toEqual([]);
    expectPerCall('no-per-call-client', 'perCall', code, 'new OpenAI()', whyOf('openai'), { catalog: [{ family: 'openai' }] });
  });

  it('says what a user entry\'s facts say', () => {
    const code = `import { BillingClient } from '@acme/billing';\nexport async function handler() {\n  const client = new BillingClient();\n  await client.ping?.();\n}`;
    const catalog = [{ module: '@acme/billing', export: 'BillingClient', facts: { perCall: 'each run opens a new TLS connection to the billing API', source: '@acme/billing 2.1.0 src/client.ts' } }];
    expectPerCall('no-per-call-client', 'perCall', code, 'new BillingClient()', 'each run opens a new TLS connection to the billing API.', { catalog });
  });
});

describe('name resolution: factories reached through the exports object', () => {
  const factoryCall = (code: string) => lint('no-per-call-client', code, { commonjs: true }).map((message) => message.message.split(' and runs ')[0]);

  it.each([
    ['const utils = module.exports', `const { Pool } = require('pg');\nconst utils = module.exports;\nutils.getPool = () => new Pool();\nexports.handler = async () => { const pool = utils.getPool(); await pool.query('x'); };`, '`utils.getPool()` builds `new Pool()`'],
    ['exports.x', `const { Pool } = require('pg');\nexports.getPool = function () { return new Pool(); };\nexports.handler = async () => { const pool = exports.getPool(); await pool.query('x'); };`, '`exports.getPool()` builds `new Pool()`'],
    ['module.exports.x', `const { Pool } = require('pg');\nmodule.exports.getPool = () => new Pool();\nmodule.exports.handler = async () => { const pool = module.exports.getPool(); await pool.query('x'); };`, '`module.exports.getPool()` builds `new Pool()`'],
  ])('reports the per-call call of a factory assigned through %s', (_name, code, expected) => {
    expect(factoryCall(code)).toEqual([expected]);
  });

  it('stays silent when the exported factory is only called at start-up', () => {
    expect(factoryCall(`const { Pool } = require('pg');\nexports.getPool = () => new Pool();\nconst pool = exports.getPool();\nexports.handler = async () => pool.query('x');`)).toEqual([]);
  });

  it('does not take a local object called exports for the exports object', () => {
    expect(factoryCall(`const { Pool } = require('pg');\nfunction wire(exports) { exports.getPool = () => new Pool(); }\nmodule.exports = wire;`)).toEqual([]);
  });
});

describe('family test coverage', () => {
  it('has a per-call and a once case for every reported family that builds something', () => {
    const covered = new Set([...AGENT_CASES, ...CLIENT_CASES, ...AXIOS_CASES].map((entry) => entry.family));
    const building = FAMILIES.filter((family) => family.reported && family.exports.some((pattern) => pattern.kind !== 'request' && pattern.kind !== 'axios-request'));
    expect(building.map((family) => family.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
