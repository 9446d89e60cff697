// Shared pieces of the rule suites. Every suite builds its own RuleTester; the default parser of
// @typescript-eslint/rule-tester is @typescript-eslint/parser, which parses plain JS as well.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { FAMILIES } from '@reuse-clients/core';

declare const _tester: RuleTester;
type TesterRule<MessageIds extends string, Options extends readonly unknown[]> = Parameters<
  typeof _tester.run<MessageIds, Options>
>[1];

/**
 * The rule as `RuleTester.run` types it. @typescript-eslint/rule-tester 8.72.0 is typed against
 * @typescript-eslint/utils 8.72.0 while the rules are built with utils 8.73.0; the two `RuleModule`
 * types are identical in shape but not assignable (private class members), so only the type changes.
 */
export function testable<MessageIds extends string, Options extends readonly unknown[], Docs>(
  rule: RuleModule<MessageIds, Options, Docs>,
): TesterRule<MessageIds, Options> {
  return rule as unknown as TesterRule<MessageIds, Options>;
}

/** `languageOptions` for a CommonJS file (the rule tester's types take `sourceType` in `parserOptions`). */
export const commonjs = { parserOptions: { sourceType: 'commonjs' } } as const;

/** Spread into a test case to lint it as a `.tsx` file with JSX enabled. */
export const tsx = {
  filename: 'file.tsx',
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
} as const;

const projectsRoot = path.join(os.tmpdir(), 'reuse-clients-rule-tests');

/**
 * A directory outside this repository (so the repository's own package.json, engines >=20.19, is not
 * the nearest one), holding a package.json with the given `engines.node`, or with no `engines`
 * field when `engines` is null, or no package.json at all when `engines` is undefined.
 * Returns the absolute path of a source file inside it (the file itself need not exist).
 */
export function fileInProject(name: string, engines?: string | null): string {
  const dir = path.join(projectsRoot, name);
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  const manifest = path.join(dir, 'package.json');
  if (engines === undefined) {
    fs.rmSync(manifest, { force: true });
  } else {
    const pkg = engines === null ? { name, private: true } : { name, private: true, engines: { node: engines } };
    fs.writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return path.join(dir, 'src', 'handler.ts');
}

/** A file in one of fixtures/node-targets' folders, each stating its Node version in its own way. */
export function nodeTargetFixture(folder: string): string {
  return path.resolve(import.meta.dirname, '../../../../fixtures/node-targets', folder, 'handler.ts');
}

/** Placeholder values used to compare a rule's message templates with the wording of the rule contract. */
export const sampleData: Readonly<Record<string, string>> = {
  construct: 'new X()',
  where: 'on every call of `f`',
  factory: 'makeX()',
  slot: 'dispatcher',
  request: 'fetch()',
  kindNoun: 'dispatcher',
  noun: 'dispatcher',
  target: '18',
  why: 'each run opens a new connection.',
  extra: '',
};

/** The per-call cost a family's facts state: the `{{why}}` of its reports. */
export function whyOf(familyId: string): string {
  const family = FAMILIES.find((candidate) => candidate.id === familyId);
  if (!family) throw new Error(`no family ${familyId}`);
  return family.facts.perCall.text;
}

/** Fills `{{key}}` placeholders the way ESLint does (unknown keys are left as they are). */
export function render(template: string, data: Readonly<Record<string, string>> = sampleData): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => data[key] ?? whole);
}
