// The family table is data with sources: these checks keep it so (no logic in entries, every fact
// sourced, every reported family able to say what it costs), and pin the matching rules the table
// relies on (`()` instance segments, a trailing `**`, exclusions, `{ family }` user entries).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, createCatalog, FAMILIES, familyOf } from '../src/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every string in a family that names where a fact comes from. */
function sourcesOf(family: (typeof FAMILIES)[number]): string[] {
  const { facts, settings } = family;
  return [facts.owns.source, facts.perCall.source, facts.lifecycle.source, ...(facts.identity ? [facts.identity.source] : []), settings.source];
}

function containsFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object' || value instanceof RegExp) return false;
  return Object.values(value).some(containsFunction);
}

describe('the family table', () => {
  it('has at least 40 families, each with its own id', () => {
    expect(FAMILIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(FAMILIES.map((family) => family.id)).size).toBe(FAMILIES.length);
  });

  it('holds data only: no functions in any entry', () => {
    expect(FAMILIES.filter(containsFunction).map((family) => family.id)).toEqual([]);
  });

  it.each(FAMILIES.map((family) => [family.id, family] as const))('%s: every fact names a package version, a documentation page or a docs/ page', (_id, family) => {
    for (const source of sourcesOf(family)) {
      expect(source, `${family.id}: "${source}"`).toMatch(/\d+\.\d+\.\d+|https:\/\/|nodejs doc\/api\/|docs\/[\w-]+\.md/);
      for (const page of source.match(/docs\/[\w-]+\.md/g) ?? []) expect(existsSync(path.join(repoRoot, page)), page).toBe(true);
    }
    expect(family.facts.perCall.text).toMatch(/^(each run|a per-call|an agent|`initializeApp\(\)`)/);
  });

  it('reports only families whose construction costs something of its own, and says so', () => {
    // `axios.create()` is reported by prefer-axios-instance as the design's contract says; its
    // message claims only what it builds (an instance, and any agents in its config).
    const constructions = FAMILIES.filter((candidate) => candidate.reported && candidate.id !== 'axios' && candidate.exports.some((pattern) => pattern.kind !== 'request' && pattern.kind !== 'axios-request'));
    for (const family of constructions) {
      expect(family.facts.perCall.text, family.id).toMatch(/connection|pool|token|credential|channel|refresh/);
    }
  });

  it('turns every reported family into catalog entries carrying its id and facts', () => {
    const reported = FAMILIES.filter((family) => family.reported).map((family) => family.id);
    expect(new Set(BUILTIN_CATALOG.map((entry) => entry.familyId))).toEqual(new Set(reported));
    const pg = createCatalog().match('pg', ['Pool'], 'new');
    expect(pg && familyOf(pg)?.facts.owns.kind).toBe('own-pool');
  });
});

describe('matching the table', () => {
  const catalog = createCatalog();

  it('follows a construction to a method factory through `()`', () => {
    expect(catalog.match('kafkajs', ['Kafka', '()', 'producer'], 'call')?.familyId).toBe('kafkajs');
    expect(catalog.match('kafkajs', ['Kafka', '()', 'send'], 'call')).toBeUndefined();
    expect(catalog.match('ioredis', ['()', 'duplicate'], 'call')?.familyId).toBe('ioredis');
  });

  it('matches any members below a trailing `**`, but not the bare call', () => {
    expect(catalog.match('@grpc/grpc-js', ['loadPackageDefinition', '()', 'a', 'b', 'Svc'], 'new')?.familyId).toBe('grpc');
    expect(catalog.match('@grpc/grpc-js', ['loadPackageDefinition', '()'], 'new')).toBeUndefined();
  });

  it('keeps aws-sdk v2 helpers and v3 commands out', () => {
    expect(catalog.match('aws-sdk', ['S3'], 'new')?.familyId).toBe('aws-sdk-v2');
    expect(catalog.match('aws-sdk', ['EnvironmentCredentials'], 'new')).toBeUndefined();
    expect(catalog.match('aws-sdk/clients/dynamodb', ['DocumentClient'], 'new')?.familyId).toBe('aws-sdk-v2-clients');
    expect(catalog.match('@aws-sdk/client-s3', ['PutObjectCommand'], 'new')).toBeUndefined();
  });

  it('leaves families that are off by default out, until a user entry names them', () => {
    expect(catalog.match('openai', [], 'new')).toBeUndefined();
    const withOpenAI = createCatalog([{ family: 'openai', message: 'See ADR 12.' }]);
    expect(withOpenAI.match('openai', [], 'new')).toMatchObject({ familyId: 'openai', message: 'See ADR 12.' });
    expect(createCatalog([{ family: 'no-such-family' }]).entries).toHaveLength(BUILTIN_CATALOG.length);
  });

  it('gives user entries the facts they state', () => {
    const user = createCatalog([{ module: '@acme/billing', export: 'BillingClient', facts: { perCall: 'each run opens a TLS connection to billing' } }]);
    expect(user.match('@acme/billing', ['BillingClient'], 'new')?.why).toBe('each run opens a TLS connection to billing.');
  });

  it('keeps the text pre-check cheap: one exact-module lookup per module', () => {
    expect(catalog.hasModule('pg')).toBe(true);
    expect(catalog.hasModule('@aws-sdk/client-sqs')).toBe(true);
    expect(catalog.hasModule('left-pad')).toBe(false);
  });
});
