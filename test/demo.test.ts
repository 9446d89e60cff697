// The demo service is our showcase and an end-to-end test of the plugin: it is linted exactly as
// scripts/demo.mjs lints it (ESLint with cwd = fixtures/demo-service, so the fixture's own
// eslint.config.js loads the built plugin through its package name), and the findings must be
// exactly the lines annotated `// expect: reuse-clients/<rule>`, none on lines annotated `// ok:`.
// Needs a build first (`pnpm build`; the root `test` script builds).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoServiceDir = path.join(repoRoot, 'fixtures', 'demo-service');

const RULES = [
  'reuse-clients/no-inline-dispatcher',
  'reuse-clients/no-per-call-agent',
  'reuse-clients/no-per-call-client',
  'reuse-clients/prefer-axios-instance',
  'reuse-clients/require-keep-alive',
] as const;

const EXPECT_ANNOTATION = /\/\/ expect: (reuse-clients\/[a-z-]+(?:\s*,\s*reuse-clients\/[a-z-]+)*)/;
const OK_ANNOTATION = /\/\/ ok: \S/;

interface Annotations {
  /** `file:line ruleId` for every expected finding. */
  expected: Set<string>;
  /** `file:line` of every line marked as a correct counterpart. */
  okLines: Set<string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:[cm]?js|tsx?)$/.test(entry.name) ? [full] : [];
  });
}

function relative(file: string): string {
  return path.relative(demoServiceDir, file).split(path.sep).join('/');
}

function readAnnotations(): Annotations {
  const expected = new Set<string>();
  const okLines = new Set<string>();
  for (const file of sourceFiles(demoServiceDir)) {
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((text, index) => {
        const where = `${relative(file)}:${index + 1}`;
        const expectation = EXPECT_ANNOTATION.exec(text);
        if (expectation?.[1]) {
          for (const ruleId of expectation[1].split(',')) expected.add(`${where} ${ruleId.trim()}`);
        }
        if (OK_ANNOTATION.test(text)) okLines.add(where);
      });
  }
  return { expected, okLines };
}

let results: ESLint.LintResult[] = [];
let annotations: Annotations;

beforeAll(async () => {
  annotations = readAnnotations();
  const eslint = new ESLint({ cwd: demoServiceDir });
  results = await eslint.lintFiles(['.']);
});

function findings(): { key: string; where: string; ruleId: string | null; message: string }[] {
  return results.flatMap((result) =>
    result.messages.map((message) => {
      const where = `${relative(result.filePath)}:${message.line}`;
      return { key: `${where} ${message.ruleId ?? '(none)'}`, where, ruleId: message.ruleId, message: message.message };
    }),
  );
}

describe('demo service', () => {
  it('parses every file with the fixture config (no fatal errors)', () => {
    const fatal = findings().filter((finding) => finding.ruleId === null);
    expect(fatal).toEqual([]);
  });

  it('lints every annotated source file', () => {
    const linted = new Set(results.map((result) => relative(result.filePath)));
    const annotated = new Set([...annotations.expected, ...annotations.okLines].map((key) => key.split(':')[0] ?? key));
    expect([...annotated].filter((file) => !linted.has(file))).toEqual([]);
  });

  it('reports exactly the lines annotated `// expect: reuse-clients/<rule>`', () => {
    const actual = [...new Set(findings().map((finding) => finding.key))].sort();
    expect(actual).toEqual([...annotations.expected].sort());
  });

  it('reports each expected line once', () => {
    const counts = new Map<string, number>();
    for (const { key } of findings()) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
  });

  it('exercises all five rules', () => {
    const annotatedRules = new Set([...annotations.expected].map((key) => key.split(' ')[1]));
    const reportedRules = new Set(findings().map((finding) => finding.ruleId));
    for (const rule of RULES) {
      expect(annotatedRules, `annotations for ${rule}`).toContain(rule);
      expect(reportedRules, `findings of ${rule}`).toContain(rule);
    }
  });

  it('reports nothing on lines annotated `// ok:`', () => {
    const onOkLines = findings()
      .filter((finding) => annotations.okLines.has(finding.where))
      .map((finding) => `${finding.key}: ${finding.message}`);
    expect(onOkLines).toEqual([]);
  });
});
