// TypeScript outputs typecheck: compiled in memory (strict, no emit) against a small stub of the
// third-party modules the fixtures import, plus @types/node, each output may not have a diagnostic
// that its input did not already have.
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fixtureCases, isTypeScriptFixture } from './fixtures.js';

const require = createRequire(import.meta.url);
const NODE_TYPES = require.resolve('@types/node/index.d.ts');
const STUB_PATH = '/virtual/third-party.d.ts';
const STUB = `
declare module 'axios' {
  export interface AxiosInstance {
    (config: object): Promise<unknown>;
    (url: string, config?: object): Promise<unknown>;
    request(config: object): Promise<unknown>;
    get(url: string, config?: object): Promise<{ data: unknown }>;
    delete(url: string, config?: object): Promise<{ data: unknown }>;
    post(url: string, data?: unknown, config?: object): Promise<{ data: unknown }>;
    put(url: string, data?: unknown, config?: object): Promise<{ data: unknown }>;
    defaults: { headers: { common: Record<string, string> }; timeout?: number };
    interceptors: { request: { use(fn: (config: object) => object): void } };
  }
  const axios: AxiosInstance & { create(config?: object): AxiosInstance; isAxiosError(error: unknown): boolean };
  export default axios;
}
declare module 'undici' {
  export class Dispatcher { close(): Promise<void>; destroy(): Promise<void> }
  export class Agent extends Dispatcher { constructor(options?: object) }
  export class Pool extends Dispatcher { constructor(origin: string, options?: object); request(options: object): Promise<{ body: { json(): Promise<unknown> } }> }
  export class Client extends Pool {}
  export class ProxyAgent extends Dispatcher { constructor(options: string | object) }
  export function fetch(url: string, init?: { dispatcher?: Dispatcher; method?: string; headers?: object }): Promise<{ json(): Promise<unknown>; status: number }>;
  export function request(url: string, options?: { dispatcher?: Dispatcher; method?: string }): Promise<{ body: { json(): Promise<unknown> } }>;
}
declare module '@prisma/client' {
  export class PrismaClient {
    constructor(options?: object);
    user: { findMany(args?: object): Promise<object[]> };
    $connect(): Promise<void>;
    $disconnect(): Promise<void>;
  }
}
declare module 'pg' {
  export class Pool { constructor(config?: object); query(text: string, values?: unknown[]): Promise<{ rows: object[] }>; end(): Promise<void> }
  export class Client { constructor(config?: object); connect(): Promise<void>; query(text: string, values?: unknown[]): Promise<{ rows: object[] }>; end(): Promise<void> }
}
declare module '@aws-sdk/client-s3' {
  export class S3Client { constructor(config?: object); send(command: object): Promise<object>; destroy(): void }
  export class GetObjectCommand { constructor(input: object) }
}
declare module '@aws-sdk/client-dynamodb' {
  export class DynamoDBClient { constructor(config?: object); send(command: object): Promise<object>; destroy(): void }
}
declare module 'ioredis' {
  export default class Redis { constructor(url?: string | object); get(key: string): Promise<string | null>; quit(): Promise<void> }
}
declare module 'got' {
  const got: { (url: string, options?: object): Promise<{ body: string }>; get(url: string, options?: object): Promise<{ body: string }> };
  export default got;
}
declare module 'node-fetch' {
  export default function fetch(url: string, init?: object): Promise<{ json(): Promise<unknown> }>;
}
declare module 'openai' {
  export default class OpenAI { constructor(options?: object); chat: { completions: { create(body: object): Promise<object> } } }
}
declare namespace JSX { interface IntrinsicElements { [name: string]: unknown } interface Element {} }
`;

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts'],
  types: [],
  esModuleInterop: true,
  allowJs: false,
  jsx: ts.JsxEmit.Preserve,
};

const sourceFiles = new Map<string, ts.SourceFile>();

function diagnosticsOf(fileName: string, text: string): string[] {
  const host = ts.createCompilerHost(OPTIONS, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? text : name === STUB_PATH ? STUB : readFile(name));
  host.fileExists = ((exists) => (name: string) => name === fileName || name === STUB_PATH || exists(name))(host.fileExists.bind(host));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion) => {
    if (name === fileName) return ts.createSourceFile(name, text, languageVersion, true);
    if (name === STUB_PATH) return ts.createSourceFile(name, STUB, languageVersion, true);
    let file = sourceFiles.get(name);
    if (!file) {
      file = getSourceFile(name, languageVersion);
      if (file) sourceFiles.set(name, file);
    }
    return file;
  };
  const program = ts.createProgram([fileName, STUB_PATH, NODE_TYPES], OPTIONS, host);
  const file = program.getSourceFile(fileName)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
    (diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
  );
}

describe('TypeScript outputs typecheck', () => {
  it.each(fixtureCases().filter(isTypeScriptFixture).map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const fileName = `/virtual/${path.basename(fixture.inputPath)}`;
    const before = diagnosticsOf(fileName, fixture.input);
    const after = diagnosticsOf(fileName, fixture.output);
    const remaining = [...before];
    const introduced = after.filter((diagnostic) => {
      const index = remaining.indexOf(diagnostic);
      if (index === -1) return true;
      remaining.splice(index, 1);
      return false;
    });
    expect(introduced).toEqual([]);
  });
});
