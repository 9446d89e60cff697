// Left reasons are true (issue 12 item 17): a class from `await import()` is no per-call value, a
// client built from the caller's credentials says so, and a key the code shows to be a string or
// boolean keys a `--keyed` cache instead of being called "a whole object".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTransform } from '../../src/transform/index.js';
import type { RuleOptions } from '../../src/options/rule-options.js';
import { FIXTURES_DIR } from './fixtures.js';

// A CommonJS file next to the fixtures, whose package.json states no engines (see fixtures/codemod/README.md).
const filePath = path.join(FIXTURES_DIR, 'left-reasons-probe.js');
const run = (source: string, { keyed = false, options = {} as RuleOptions } = {}) => createTransform({ optionsFor: () => ({ options }) })(source, { keyed, filePath });

const CREDENTIALS = `const express = require('express');
const AWS = require('aws-sdk');
const app = express();
app.get('/buckets', async (req, res) => {
  const s3 = new AWS.S3({ accessKeyId: req.query.key, secretAccessKey: req.query.secret });
  res.json(await s3.listBuckets().promise());
});
`;

const DYNAMIC_IMPORT = `const express = require('express');
const app = express();
app.get('/pay', async (req, res) => {
  const { Pool } = await import('pg');
  const pool = new Pool({ max: 2 });
  res.json(await pool.query('select 1'));
});
`;

const KEYS = `const express = require('express');
const Redis = require('ioredis');
const app = express();
async function lookup(target, key) {
  const redis = new Redis(target);
  return redis.get(key);
}
async function checked(target, key) {
  if (!target.startsWith('redis://')) throw new Error('bad target');
  const redis = new Redis(target);
  return redis.get(key);
}
app.get('/a', async (req, res) => res.json(await lookup(\`redis://\${req.query.host}:6379\`, req.query.key)));
app.get('/b', async (req, res) => res.json(await checked(\`redis://\${req.query.host}:6379\`, req.query.key)));
app.get('/c', async (req, res) => {
  const readOnly = req.query.mode === 'ro';
  const redis = new Redis(readOnly);
  res.json(await redis.get('k'));
});
`;

describe('left reasons', () => {
  it("a client built from the caller's credentials (reported with reportCallerCredentials) says so", () => {
    const result = run(CREDENTIALS, { options: { reportCallerCredentials: true } });
    expect(result.output).toBeNull();
    expect(result.left.map((site) => site.reason)).toEqual(["it is built from the caller's own credentials (`accessKeyId`): one client per credential set, never one shared across callers (`--keyed` caches one per set)"]);
  });

  it("with --keyed, a client built from the caller's credentials gets one instance per credential set", () => {
    const result = run(CREDENTIALS, { keyed: true, options: { reportCallerCredentials: true } });
    expect(result.left).toEqual([]);
    expect(result.output).toContain('const key = JSON.stringify([reqQueryKey, reqQuerySecret]);');
  });

  it('is silent about such a client by default, as the rules are', () => {
    expect(run(CREDENTIALS)).toMatchObject({ output: null, left: [], hoisted: [] });
  });

  it('a class from `await import()` in the function is named as such, not as a per-call value', () => {
    const result = run(DYNAMIC_IMPORT);
    expect(result.output).toBeNull();
    const [reason] = result.left.map((site) => site.reason);
    expect(reason).toBe("`Pool` comes from `await import('pg')` inside the function, the same export on every call, not a per-call value: a shared instance needs that import at module level, which the codemod does not move");
  });

  it('--keyed keys on a string or boolean the code shows as one, and says truly why it leaves the rest', () => {
    const result = run(KEYS, { keyed: true });
    expect(result.hoisted.map((site) => site.line)).toEqual([10, 17]);
    expect(result.output).toContain('const redis = redisFor(target);');
    expect(result.output).toContain('redisInstancesByReadOnly.get(readOnly)');
    expect(result.left).toEqual([
      expect.objectContaining({ line: 5, reason: 'its options pass `target` as it is, and nothing shows it is a plain value (a string, number or boolean) rather than a per-call object: a cache keyed by an object would never hit and only grow' }),
    ]);
    expect(JSON.stringify(result.left)).not.toContain('whole object');
    // Idempotent: the cached constructions are not reported again.
    expect(run(result.output!, { keyed: true }).hoisted).toEqual([]);
  });
});
