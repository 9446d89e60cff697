// Known sites: constructions a whole-project caller located (another file's instance method, a
// same-file subclass of an imported client class) are classified and reported like catalog sites.
import { describe, expect, it } from 'vitest';
import type { KnownSite } from '../src/index.js';
import { analyze, findingsOf } from './parse.js';

const source = [
  `import { factory } from './factory';`,
  `export const archive = factory.s3();`,
  `export async function handler() {`,
  `  const client = factory.s3();`,
  `  await client.send();`,
  `}`,
  `for (const region of ['a', 'b']) factory.s3();`,
].join('\n');

function knownCalls(text: string, kind: KnownSite['kind'] = 'client'): KnownSite[] {
  const sites: KnownSite[] = [];
  for (let start = text.indexOf('factory.s3()'); start !== -1; start = text.indexOf('factory.s3()', start + 1)) {
    sites.push({ start, end: start + 'factory.s3()'.length, kind, name: 's3', message: 'The method `Factory.s3` builds `new S3Client()`.' });
  }
  return sites;
}

describe('known sites', () => {
  it('are nothing without the caller: the file names no catalog module', () => {
    expect(findingsOf(source)).toEqual([]);
  });

  it('are classified like any construction: module level once, handler and loop per call', () => {
    expect(findingsOf(source, { knownSites: knownCalls(source) })).toEqual(['no-per-call-client@4:18 perCall', 'no-per-call-client@7:34 perCall']);
  });

  it('carry the rule of their kind, the caller message and a construct read from the call', () => {
    const [finding] = analyze(source, { knownSites: knownCalls(source, 'agent') }).findings;
    expect(finding).toMatchObject({ rule: 'no-per-call-agent', data: { construct: 'factory.s3()' } });
    expect(finding!.message).toMatch(/^`factory\.s3\(\)` runs on every call of `handler`.*The method `Factory\.s3` builds `new S3Client\(\)`\.$/);
  });

  it('skip a range that no longer holds a call or `new`', () => {
    expect(findingsOf(source, { knownSites: [{ start: 0, end: 6, kind: 'client', name: 'x' }] })).toEqual([]);
  });

  it('make an exported function that returns one a builder, like a catalog construction would', () => {
    const layer = `import { factory } from './factory';\nexport function storage() { return factory.s3(); }`;
    const builders = analyze(layer, { knownSites: knownCalls(layer) }).sites.flatMap((site) => site.builders.map(({ name, exported }) => ({ name, exported })));
    expect(builders).toEqual([{ name: 'storage', exported: true }]);
  });
});
