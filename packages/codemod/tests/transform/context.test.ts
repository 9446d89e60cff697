// What the project pass tells the transform about other files: builders imported from them (extra
// catalog entries) and global axios configuration made elsewhere.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTransform } from '../../src/transform/index.js';
import { FIXTURES_DIR } from './fixtures.js';

const filePath = path.join(FIXTURES_DIR, 'context-probe.ts');

describe('transform context', () => {
  it('keeps the default axios export when another file configures it', () => {
    const source = `import axios from 'axios';\n\nexport async function load(url: string) {\n  return axios.get(url);\n}\n`;
    const result = createTransform({ configuresGlobalAxios: true })(source, { keyed: false, filePath });
    expect(result.output).toContain('return axios.get(url, { httpAgent, httpsAgent });');
    expect(result.output).not.toContain('axios.create');
  });

  it('hoists constructions of builders that other files export', () => {
    const source = `import { HttpClient } from '@acme/http';\n\nexport async function load(url: string) {\n  const client = new HttpClient({ retries: 2 });\n  return client.get(url);\n}\n`;
    const plain = createTransform()(source, { keyed: false, filePath });
    expect(plain).toEqual({ output: null, hoisted: [], left: [] });
    const withProject = createTransform({ catalogFor: () => [{ module: '@acme/http', export: 'HttpClient', kind: 'client' }] })(source, { keyed: false, filePath });
    // Another file's class runs project code when built (a `paths` alias such as `@acme/http` too): at first use, not at import.
    expect(withProject.output).toBe(
      `import { HttpClient } from '@acme/http';\n\nlet _httpClient: HttpClient | undefined;\nfunction getHttpClient() {\n  return (_httpClient ??= new HttpClient({ retries: 2 }));\n}\n\nexport async function load(url: string) {\n  const client = getHttpClient();\n  return client.get(url);\n}\n`,
    );
    expect(withProject.hoisted).toEqual([{ line: 4, column: 18, rule: 'no-per-call-client', construct: 'new HttpClient()', placement: 'lazy-singleton' }]);
  });
});
