import { describe, expect, it } from 'vitest';
import { createCatalog } from '../src/index.js';

describe('catalog matching', () => {
  const catalog = createCatalog();

  it.each([
    ['http', ['Agent'], 'new', 'agent'],
    ['undici', ['Pool'], 'new', 'agent'],
    ['agentkeepalive', [], 'new', 'agent'],
    ['axios', [], 'call', 'axios-request'],
    ['axios', ['post'], 'call', 'axios-request'],
    ['axios', ['create'], 'call', 'axios-instance'],
    ['@aws-sdk/client-dynamodb', ['DynamoDBClient'], 'new', 'client'],
    ['aws-sdk', ['S3'], 'new', 'client'],
    ['mysql2/promise', ['createPool'], 'call', 'client'],
    ['http2', ['connect'], 'call', 'client'],
    ['kafkajs', ['Kafka', '()', 'producer'], 'call', 'client'],
    ['aws-sdk', ['DynamoDB', 'DocumentClient'], 'new', 'client'],
    ['@grpc/grpc-js', ['loadPackageDefinition', '()', 'helloworld', 'Greeter'], 'new', 'client'],
  ] as const)('%s %j via %s is %s', (module, path, via, kind) => {
    expect(catalog.match(module, path, via)?.kind).toBe(kind);
  });

  it.each([
    ['axios', ['isAxiosError'], 'call'],
    ['axios', ['CancelToken'], 'new'],
    ['@aws-sdk/client-s3', ['GetObjectCommand'], 'new'],
    ['aws-sdk', ['Credentials'], 'new'],
    ['aws-sdk', ['SharedIniFileCredentials'], 'new'],
    ['http', ['Agent'], 'call'],
    ['stripe', [], 'call'],
    ['openai', ['OpenAI'], 'new'],
    ['kafkajs', ['Kafka'], 'new'],
    ['@grpc/grpc-js', ['loadPackageDefinition', '()'], 'new'],
    ['@aws-sdk/lib-dynamodb', ['DynamoDBDocumentClient', 'from'], 'call'],
    ['@aws-sdk/client-', ['Client'], 'new'],
    ['./http', ['Agent'], 'new'],
  ] as const)('%s %j via %s is not in the catalog', (module, path, via) => {
    expect(catalog.match(module, path, via)).toBeUndefined();
  });

  it('takes user entries for new and for factory calls, with their message', () => {
    const extended = createCatalog([
      { module: '@acme/http', export: 'HttpClient', kind: 'client' },
      { module: 'node:@acme/pool', call: 'createPool', kind: 'agent', message: 'Use the shared pool.' },
    ]);
    expect(extended.match('@acme/http', ['HttpClient'], 'new')?.kind).toBe('client');
    expect(extended.match('@acme/http', ['HttpClient'], 'call')).toBeUndefined();
    expect(extended.match('@acme/pool', ['createPool'], 'call')).toMatchObject({ kind: 'agent', message: 'Use the shared pool.' });
  });
});
