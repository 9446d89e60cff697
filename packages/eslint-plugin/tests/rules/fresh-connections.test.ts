// Constructions that are per call on purpose, and say so: probes and monitors that want a fresh
// connection to the target they check (core/src/probes.ts, the probe table), and SDK clients built
// from the caller's own credentials (a tenant's keys from the request or event), which must never be
// shared. Both are silent by default; `reportCallerCredentials` reports the second with advice that
// fits it. Cases are written from how monitoring tools and multi-tenant APIs look (ESM, CJS, TS).
import { RuleTester } from '@typescript-eslint/rule-tester';
import agentRule from '../../src/rules/no-per-call-agent.js';
import clientRule from '../../src/rules/no-per-call-client.js';
import { commonjs, testable, whyOf } from './testers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-per-call-client: probes and caller credentials', testable(clientRule), {
  valid: [
    // ── probes: monitor types and health indicators ──────────────────────────────────────────
    {
      name: 'a monitor type (CommonJS) connects to the monitored DSN on every check',
      code: `const { Client } = require('pg');
const { MonitorType } = require('./monitor-type');
class PostgresMonitorType extends MonitorType {
  async check(monitor, heartbeat) {
    await this.query(monitor.databaseConnectionString, 'SELECT 1');
    heartbeat.status = 'up';
  }
  query(connectionString, sql) {
    return new Promise((resolve, reject) => {
      const client = new Client({ connectionString });
      client.connect().then(() => client.query(sql)).then(resolve, reject).finally(() => client.end());
    });
  }
}
module.exports = { PostgresMonitorType };`,
      languageOptions: commonjs,
    },
    {
      name: 'a monitor type (ESM) pings the monitored Redis per check',
      code: `import { createClient } from 'redis';
import { MonitorType } from './monitor-type.js';
export class RedisMonitorType extends MonitorType {
  async check(monitor) {
    const client = createClient({ url: monitor.databaseConnectionString });
    await client.connect();
    try { return await client.ping(); } finally { await client.quit(); }
  }
}`,
    },
    {
      name: 'a NestJS Terminus health indicator (TypeScript) checks a target it is given',
      code: `import { Injectable } from '@nestjs/common';
import { HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { MongoClient } from 'mongodb';
@Injectable()
export class ReplicaHealthIndicator extends HealthIndicator {
  async isHealthy(key: string, uri: string): Promise<HealthIndicatorResult> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2_000 });
    try { await client.db('admin').command({ ping: 1 }); return this.getStatus(key, true); } finally { await client.close(); }
  }
}`,
    },
    // ── caller credentials ───────────────────────────────────────────────────────────────────
    {
      name: 'a client built from the tenant credentials of the authorizer context (ESM Lambda)',
      code: `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
export const handler = async (event) => {
  const { accessKey, secretKey, sessionToken } = event.requestContext.authorizer;
  const client = new DynamoDBClient({ credentials: { accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken } });
  return client.send(new GetItemCommand({ TableName: process.env.TABLE, Key: { id: { S: event.pathParameters.id } } }));
};`,
    },
    {
      name: 'aws-sdk v2 client from the keys of the request (CommonJS)',
      code: `const AWS = require('aws-sdk');
exports.handler = async function (event) {
  const s3 = new AWS.S3({ accessKeyId: event.tenant.keyId, secretAccessKey: event.tenant.secret });
  return s3.listObjectsV2({ Bucket: event.tenant.bucket }).promise();
};`,
      languageOptions: commonjs,
    },
    {
      name: 'an express route builds a Twilio client from the account the request names (TypeScript)',
      code: `import express from 'express';
import twilio from 'twilio';
const app = express();
app.post('/sms', async (req: express.Request, res: express.Response) => {
  const client = twilio(req.body.accountSid, req.body.authToken);
  res.json(await client.messages.create({ to: req.body.to, from: req.body.from, body: 'hi' }));
});`,
    },
  ],
  invalid: [
    {
      name: 'the classic per-request bug stays reported: a pg client per route request',
      code: `import express from 'express';
import pg from 'pg';
const app = express();
app.get('/users/:id', async (req, res) => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  await client.end();
  res.json(rows[0]);
});`,
      errors: [{ messageId: 'perCall', line: 5, column: 18, data: { construct: 'new pg.Client()', where: 'on every request of the route `GET /users/:id`', why: whyOf('pg'), extra: '' } }],
    },
    {
      name: 'a class merely named like a monitor, with a constant target, is reported',
      code: `import pg from 'pg';
export class QueueMonitor {
  async depth() {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try { return (await client.query('SELECT count(*) FROM jobs')).rows[0]; } finally { await client.end(); }
  }
}`,
      errors: [{ messageId: 'perCall', line: 4, column: 20 }],
    },
    {
      name: 'region from the event is not a credential: one client per region is still the advice',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const handler = async (event) => {
  const s3 = new S3Client({ region: event.region });
  return s3.config.region();
};`,
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
    },
    {
      name: 'credentials from the environment are the deployment’s own: reported',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const handler = async () => {
  const s3 = new S3Client({ credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
  return s3.config.region();
};`,
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
    },
    {
      name: 'reportCallerCredentials: reported with advice to cache per credential set, never to share one client',
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export const handler = async (event) => {
  const { accessKey, secretKey } = event.requestContext.authorizer;
  const client = new DynamoDBClient({ credentials: { accessKeyId: accessKey, secretAccessKey: secretKey } });
  return client.config.region();
};`,
      options: [{ reportCallerCredentials: true }],
      errors: [
        {
          messageId: 'perCallCredentials',
          line: 4,
          column: 18,
          data: { construct: 'new DynamoDBClient()', where: 'on every call of `handler`', option: 'credentials', extra: '' },
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('no-per-call-agent: monitor beats', testable(agentRule), {
  valid: [
    {
      name: 'maxCachedSessions: 0 in an options object declared just before the agent',
      code: `import http from 'node:http';
import axios from 'axios';
export async function beat(url, family) {
  const httpAgentOptions = { maxCachedSessions: 0, ...(family ? { family } : {}) };
  const options = { url, timeout: 5_000 };
  options.httpAgent = new http.Agent(httpAgentOptions);
  return axios.request(options);
}`,
    },
    {
      name: 'a monitor builds a per-check agent from its own TLS settings (CommonJS)',
      code: `const https = require('https');
const axios = require('axios');
class Monitor {
  async start() {
    const beat = async () => {
      const httpsAgent = new https.Agent({ rejectUnauthorized: !this.ignoreTls, servername: this.hostname });
      await axios.get(this.url, { httpsAgent, timeout: this.timeout });
      this.timer = setTimeout(beat, this.interval);
    };
    await beat();
  }
}
module.exports = Monitor;`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'a monitor-named class whose agent takes nothing from the check is reported',
      code: `import https from 'node:https';
export class PriceMonitor {
  fetchPrice(symbol) {
    const timeout = 5_000;
    const agent = new https.Agent({ keepAlive: true, timeout });
    return fetch('https://prices.example.com/' + symbol, { agent });
  }
}`,
      errors: [{ messageId: 'perCall', line: 5, column: 19 }],
    },
  ],
});
