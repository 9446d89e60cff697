// Per-call constructions that are per call on purpose keep their reason: probes (the probe table,
// `probeFunctions`, `maxCachedSessions: 0`) and clients built from the caller's own credentials are
// moved to `silenced` with `silencedBy`, which `pnpm realworld --show-silenced` prints.
import { describe, expect, it } from 'vitest';
import { PROBE_CONVENTIONS } from '../src/index.js';
import { analyze, findingsOf } from './parse.js';

const reasons = (source: string, options = {}) => analyze(source, options).silenced.map((finding) => `${finding.node.loc.start.line} ${finding.silencedBy}`);

describe('probes', () => {
  it('a monitor type names its class and where the target comes from', () => {
    const source = `import pg from 'pg';
import { MonitorType } from './monitor-type.js';
export class PostgresMonitorType extends MonitorType {
  async check(monitor) {
    const client = new pg.Client({ connectionString: monitor.databaseConnectionString });
    await client.connect();
    await client.end();
  }
}`;
    expect(findingsOf(source)).toEqual([]);
    expect(reasons(source)).toEqual([
      '5 probe: in `PostgresMonitorType`, a monitor or probe class checking a target it is given (monitoring tools build one connection per check on purpose); its target comes from parameter `monitor`',
    ]);
  });

  it('a @godaddy/terminus health check runs per request of its route, a fresh connection on purpose', () => {
    const source = `const { createTerminus } = require('@godaddy/terminus');
const { MongoClient } = require('mongodb');
createTerminus(server, { healthChecks: { '/healthz': async () => { const c = new MongoClient(process.env.MONGO_URL); await c.connect(); await c.close(); } } });`;
    expect(findingsOf(source)).toEqual([]);
    expect(reasons(source)).toEqual(['3 probe: a @godaddy/terminus health check (runs on every request of its health route)']);
  });

  it('a NestJS provider built on HealthIndicatorService is a health indicator', () => {
    const source = `import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
@Injectable()
export class CacheHealth {
  constructor(private readonly health: HealthIndicatorService) {}
  async isHealthy(key: string) {
    const redis = new Redis(process.env.REDIS_URL);
    try { await redis.ping(); return this.health.check(key).up(); } finally { redis.disconnect(); }
  }
}`;
    expect(findingsOf(source)).toEqual([]);
    expect(reasons(source)[0]).toMatch(/^8 probe: in `CacheHealth`, a NestJS Terminus health indicator/);
  });

  it('a class that only injects something else is not a health indicator', () => {
    const source = `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
@Injectable()
export class CacheHealth {
  constructor(private readonly config: ConfigService) {}
  async isHealthy() { const redis = new Redis(this.config.get('url')); await redis.ping(); redis.disconnect(); }
}`;
    expect(findingsOf(source)).toEqual(['no-per-call-client@7:37 perCall']);
  });

  it('probeFunctions and maxCachedSessions: 0 say why too', () => {
    const named = `import https from 'node:https';
export function checkUpstream(host) { const agent = new https.Agent({ keepAlive: false }); return https.get({ host, agent }); }`;
    expect(reasons(named, { probeFunctions: ['/^check/'] })).toEqual(['2 probe: inside `checkUpstream`, named in probeFunctions']);
    const fresh = `import https from 'node:https';
export function tls(host) { const agent = new https.Agent({ maxCachedSessions: 0 }); return https.get({ host, agent }); }`;
    expect(reasons(fresh)).toEqual(['2 probe: the agent sets `maxCachedSessions: 0` (a full TLS handshake on every use)']);
  });

  it('the table is data: every entry says what it is and where that is documented', () => {
    for (const entry of PROBE_CONVENTIONS) {
      expect(entry.evidence.length).toBeGreaterThan(10);
      expect(entry.source.length).toBeGreaterThan(10);
    }
  });
});

describe('a timer that schedules itself', () => {
  it('runs on every tick, and analysing it terminates', () => {
    const source = `import pg from 'pg';
export function start() {
  const beat = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect(); await client.end();
    setTimeout(beat, 60_000);
  };
  beat();
}`;
    const [finding] = analyze(source).findings;
    expect(finding?.data.where).toBe('on every run of `beat`, which schedules itself again');
  });
});

describe('caller credentials', () => {
  const lambda = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
export const handler = async (event) => {
  const { accessKey, secretKey, sessionToken } = event.requestContext.authorizer;
  const client = new DynamoDBClient({ credentials: { accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken } });
  return client.send(event.command);
};`;

  it('silent by default, with the option and the source as the reason', () => {
    expect(findingsOf(lambda)).toEqual([]);
    expect(reasons(lambda)).toEqual(["4 built from the caller's own credentials (`credentials` from parameter `event`): one per credential set"]);
  });

  it('reportCallerCredentials reports it with the per-credential-set advice and no hoist suggestion', () => {
    const [finding] = analyze(lambda, { reportCallerCredentials: true }).findings;
    expect(finding?.messageId).toBe('perCallCredentials');
    expect(finding?.message).toContain('Cache one client per credential set, or share its HTTP handler/agent.');
    expect(finding?.suggestion).toBeUndefined();
  });

  it('credentials from an outer options object built from the request count (positional twilio credentials too)', () => {
    const source = `const twilio = require('twilio');
module.exports = async function send(req) {
  const client = twilio(req.account.sid, req.account.token);
  return client.messages.create({ to: req.to, body: 'x' });
};`;
    expect(reasons(source)).toEqual(["3 built from the caller's own credentials (`argument 1` from parameter `req`): one per credential set"]);
  });
});
