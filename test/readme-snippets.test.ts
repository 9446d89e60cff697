// Every code block of the READMEs runs somewhere: the install test (scripts/install-test) runs the
// ones annotated with its scenarios in fresh npm projects; the others must say where they run or
// why they cannot. This test keeps a new block from slipping in unannotated.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Snippet {
  source: string;
  line: number;
  annotation: null | { kind: 'run'; scenarios: string[]; target: string } | { kind: 'ci' | 'not-run'; reason: string };
}
const load = async <T>(relative: string): Promise<T> => (await import(pathToFileURL(path.join(repoRoot, relative)).href)) as T;
const { readSnippets } = await load<{ readSnippets(root: string): Snippet[] }>('scripts/install-test/snippets.mjs');
const { SCENARIOS } = await load<{ SCENARIOS: { id: string }[] }>('scripts/install-test/scenarios.mjs');

describe('README code blocks', () => {
  const snippets = readSnippets(repoRoot);
  const scenarioIds = SCENARIOS.map((scenario) => scenario.id);

  it('are all annotated with how they run', () => {
    expect(snippets.filter((snippet) => !snippet.annotation).map((snippet) => `${snippet.source}:${snippet.line}`)).toEqual([]);
  });

  it('name only scenarios the install test has', () => {
    for (const snippet of snippets) {
      if (snippet.annotation?.kind === 'run') {
        for (const id of snippet.annotation.scenarios) expect(scenarioIds, `${snippet.source}:${snippet.line}`).toContain(id);
      }
    }
  });

  it('cover every documented config form', () => {
    const targets = snippets.flatMap((snippet) => (snippet.annotation?.kind === 'run' ? [snippet.annotation.target] : []));
    expect(targets).toEqual(expect.arrayContaining(['eslint.config.js', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.typed.config.ts', '.oxlintrc.json', 'options']));
  });
});

describe('packages/eslint-plugin/README.md', () => {
  it('lists exactly the plugin rules, linking the rule docs shipped in the package', async () => {
    const { default: plugin } = await import('../packages/eslint-plugin/src/index.js');
    const readme = readFileSync(path.join(repoRoot, 'packages/eslint-plugin/README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\(docs\/rules\/([a-z-]+)\.md\)/g)].map((match) => match[1]);
    expect(linked.sort()).toEqual(Object.keys(plugin.rules).sort());
  });
});
