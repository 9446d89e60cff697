// Keeps the plugin consistent with itself: every rule has a doc, a test suite and a docs URL;
// `recommended` enables every rule; every option is described in the schema and the docs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_NAMES } from '@reuse-clients/core';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const packageJson = JSON.parse(readFileSync(path.join(here, '../package.json'), 'utf8')) as { name: string; version: string };

describe('plugin shape', () => {
  it('names itself after its package', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'reuse-clients' });
  });

  it('exports exactly the rules the detector knows', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...RULE_NAMES].sort());
  });

  it('enables every rule as an error in recommended, under its own namespace', () => {
    const recommended = plugin.configs.recommended;
    expect(recommended.plugins?.['reuse-clients']).toBe(plugin);
    expect(recommended.rules).toEqual(Object.fromEntries(RULE_NAMES.map((rule) => [`reuse-clients/${rule}`, 'error'])));
  });
});

describe.each(RULE_NAMES)('%s', (rule) => {
  const module = plugin.rules[rule];
  const docPath = path.join(repoRoot, 'docs/rules', `${rule}.md`);

  it('has a doc page, and its docs URL points at it', () => {
    expect(existsSync(docPath)).toBe(true);
    expect(module.meta.docs?.url).toBe(`https://github.com/reuse-clients/reuse-clients/blob/main/docs/rules/${rule}.md`);
  });

  it('has a test suite', () => {
    expect(existsSync(path.join(here, 'rules', `${rule}.test.ts`))).toBe(true);
  });

  it('documents every option in the schema and in its doc', () => {
    const schema = module.meta.schema as unknown as { properties: Record<string, { description?: string }> }[];
    const properties = Object.entries(schema[0]!.properties);
    expect(properties.length).toBeGreaterThan(0);
    const doc = readFileSync(docPath, 'utf8');
    for (const [name, property] of properties) {
      expect(property.description, `${name} needs a description`).toBeTruthy();
      expect(doc, `docs/rules/${rule}.md documents ${name}`).toMatch(new RegExp(`^### \`?${name}\`?$`, "m"));
    }
    expect(module.meta.defaultOptions).toBeDefined();
  });

  it('declares fixes and suggestions honestly', () => {
    expect(module.meta.fixable === 'code').toBe(rule === 'require-keep-alive');
    expect(module.meta.hasSuggestions === true).toBe(rule !== 'require-keep-alive');
  });
});
