// When may one instance of a client class stand in for one per call? Only when instances built
// with the same arguments are interchangeable: no clock, random, fresh container or later change.
import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { classWithSameFileAncestors, perInstanceState, walk, type Node } from '../src/index.js';
import { analyze, parse } from './parse.js';

/** The per-instance state of the last class in `source`, counting its in-file ancestors. */
function stateOf(source: string): string | undefined {
  const input = parse(`import { S3Client } from '@aws-sdk/client-s3';\n${source}`);
  const sites = new Set<Node>(analyze(input.sourceText).sites.map((site) => site.site.node));
  const classes: TSESTree.ClassDeclaration[] = [];
  walk(input.ast as Node, (node) => void (node.type === 'ClassDeclaration' && classes.push(node)));
  // Sites are found on a second parse: compare by position.
  const isSite = (node: Node) => [...sites].some((site) => site.range[0] === node.range[0] && site.range[1] === node.range[1]);
  for (const classNode of classWithSameFileAncestors(classes[classes.length - 1]!, input.scopeManager)) {
    const member = perInstanceState(classNode, isSite);
    if (member) return member;
  }
  return undefined;
}

describe('per-instance state', () => {
  it('none for a class holding its client and what it was given', () => {
    expect(stateOf(`class Repo { s3 = new S3Client({}); prefix = 'a/'; constructor(private readonly region: string, name: string) { this.name = name; this.label = \`repo-\${name}\`; } get(k: string) { return this.s3.send(k); } }`)).toBeUndefined();
    expect(stateOf(`class Repo { handler = () => this.s3; s3 = new S3Client({}); options = { retries: 3, region: 'x' }; }`)).toBeUndefined();
  });

  it('a field from a clock, a random source or a fresh container', () => {
    expect(stateOf(`class Repo { s3 = new S3Client({}); startedAt = Date.now(); }`)).toBe('startedAt');
    expect(stateOf(`class Repo { id = crypto.randomUUID(); }`)).toBe('id');
    expect(stateOf(`class Repo { cache = new Map(); }`)).toBe('cache');
    expect(stateOf(`class Repo { constructor() { this.seen = []; } }`)).toBe('seen');
  });

  it('a member a method changes after construction, however it is written', () => {
    expect(stateOf(`class Repo { calls = 0; count() { return ++this.calls; } }`)).toBe('calls');
    expect(stateOf(`class Repo { last = ''; remember(k) { this.last = k; } }`)).toBe('last');
    expect(stateOf(`class Repo { stats = { hits: 0 }; hit() { this.stats.hits += 1; } }`)).toBe('stats');
  });

  it('in an ancestor declared in the same file', () => {
    expect(stateOf(`class Base { startedAt = Date.now(); }\nclass Repo extends Base { s3 = new S3Client({}); }`)).toBe('startedAt');
    expect(stateOf(`class Base { s3 = new S3Client({}); }\nclass Repo extends Base {}`)).toBeUndefined();
  });

  it('none for a client the constructor wraps in place (a rate limiter, retries)', () => {
    expect(stateOf(`class Api { constructor() { this.s3 = new S3Client({}); this.s3 = limit(this.s3, { rps: 20 }); } }`)).toBeUndefined();
    expect(stateOf(`class Api { constructor(o) { this.s3 = new S3Client({}); if (o.limit) { this.s3 = limits.wrap(this.s3, { rps: o.limit.rps }); } } }`)).toBeUndefined();
  });

  it('a member built from the client, or a wrapper with per-construction arguments', () => {
    expect(stateOf(`class Api { constructor() { this.s3 = new S3Client({}); this.stats = collect(this.s3); } }`)).toBe('stats');
    expect(stateOf(`class Api { constructor() { this.s3 = limit(this.s3, {}); } }`)).toBe('s3');
    expect(stateOf(`class Api { constructor() { this.s3 = new S3Client({}); this.s3 = limit(this.s3, { since: Date.now() }); } }`)).toBe('s3');
    expect(stateOf(`class Api { constructor() { this.s3 = new S3Client({}); this.s3 = this.wrap(this.s3); } }`)).toBe('s3');
    expect(stateOf(`class Api { constructor() { this.s3 = new S3Client({}); } reset() { this.s3 = limit(this.s3, {}); } }`)).toBe('s3');
  });

  it('not in a nested function with its own `this`', () => {
    expect(stateOf(`class Repo { make() { return { bump() { this.n = 1; } }; } }`)).toBeUndefined();
  });
});
