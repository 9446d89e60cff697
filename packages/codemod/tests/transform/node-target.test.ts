// The transform judges default-axios calls by the Node target exactly as the rule does: the nearest
// version the project states (core's nodeTargetFor). On Node ≥ 19 the global agent keeps alive, so there is nothing to fix.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { transformFile } from '../../src/transform/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'reuse-clients-node-target-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fileIn(project: string, engines: string | undefined): string {
  const directory = path.join(root, project);
  mkdirSync(path.join(directory, 'src'), { recursive: true });
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify(engines ? { name: project, engines: { node: engines } } : { name: project }));
  return path.join(directory, 'src', 'handler.ts');
}

const source = `import axios from 'axios';

export async function handler(url: string) {
  return axios.get(url);
}
`;

describe('Node target', () => {
  it('leaves default-axios calls alone when every supported Node keeps alive globally', () => {
    expect(transformFile(source, { keyed: false, filePath: fileIn('modern', '>=20') })).toEqual({ output: null, hoisted: [], left: [] });
  });

  it('leaves them alone when the project states no Node version: a maintained Node is assumed', () => {
    expect(transformFile(source, { keyed: false, filePath: fileIn('unknown', undefined) })).toEqual({ output: null, hoisted: [], left: [] });
  });

  it('moves them to a shared keep-alive instance when older Node may run the code', () => {
    for (const filePath of [fileIn('legacy', '>=16')]) {
      const result = transformFile(source, { keyed: false, filePath });
      expect(result.output).toContain('const httpClient = axios.create({ httpAgent, httpsAgent });');
      expect(result.output).toContain('return httpClient.get(url);');
      expect(result.hoisted).toEqual([{ line: 4, column: 10, rule: 'prefer-axios-instance', construct: 'axios.get()' }]);
    }
  });

  it('still fixes per-call agents on modern Node: only the global agent keeps alive there', () => {
    const agent = `import https from 'node:https';\nexport function get(url: string) {\n  return https.get(url, { agent: new https.Agent() });\n}\n`;
    const result = transformFile(agent, { keyed: false, filePath: fileIn('modern-agent', '>=22') });
    expect(result.output).toContain("const httpsAgent = new https.Agent({ keepAlive: true, timeout: 4_000, scheduling: 'lifo' });");
  });
});
