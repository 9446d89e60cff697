// Sites the user silenced in ESLint stay as they are: a finding under an `eslint-disable` comment
// that names its rule (`reuse-clients/<rule>`) or no rule at all is neither fixed nor reported, as
// ESLint would not report it. The directives follow ESLint's: `eslint-disable-next-line` and
// `eslint-disable-line` in line or block comments, `eslint-disable` … `eslint-enable` ranges (a
// disable with no enable runs to the end of the file) in block comments, a ` -- ` description ignored.
import type { Analysis, Finding } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';

const PLUGIN = 'reuse-clients';
const DIRECTIVE = /^\s*(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?:\s+([^]*?))?\s*(?:--[^]*)?$/;

interface Directive {
  kind: 'next-line' | 'line' | 'disable' | 'enable';
  /** Empty: every rule. */
  rules: string[];
  line: number;
  endLine: number;
  offset: number;
}

export interface SuppressionSplit {
  analysis: Analysis;
  suppressed: Finding[];
}

/** The analysis without the findings a disable comment silences, and those findings. */
export function withoutSuppressed(analysis: Analysis, comments: readonly TSESTree.Comment[]): SuppressionSplit {
  const directives = comments.map(directiveOf).filter((directive): directive is Directive => !!directive);
  if (directives.length === 0 || analysis.findings.length === 0) return { analysis, suppressed: [] };
  const suppressed = analysis.findings.filter((finding) => isSuppressed(finding, directives));
  if (suppressed.length === 0) return { analysis, suppressed };
  return { analysis: { ...analysis, findings: analysis.findings.filter((finding) => !suppressed.includes(finding)) }, suppressed };
}

function directiveOf(comment: TSESTree.Comment): Directive | undefined {
  const match = DIRECTIVE.exec(comment.value);
  if (!match) return undefined;
  const name = match[1]!;
  const kind = name === 'eslint-disable-next-line' ? 'next-line' : name === 'eslint-disable-line' ? 'line' : name === 'eslint-disable' ? 'disable' : 'enable';
  // ESLint reads range directives only from block comments.
  if ((kind === 'disable' || kind === 'enable') && comment.type !== 'Block') return undefined;
  const rules = (match[2] ?? '').split(',').map((rule) => rule.trim()).filter((rule) => rule.length > 0);
  return { kind, rules, line: comment.loc.start.line, endLine: comment.loc.end.line, offset: comment.range[0] };
}

function names(directive: Directive, rule: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(`${PLUGIN}/${rule}`);
}

function isSuppressed(finding: Finding, directives: readonly Directive[]): boolean {
  const { line } = finding.node.loc.start;
  const offset = finding.node.range[0];
  let disabled = false;
  for (const directive of directives) {
    if (!names(directive, finding.rule)) continue;
    if (directive.kind === 'next-line' && directive.endLine + 1 === line) return true;
    if (directive.kind === 'line' && directive.line === line) return true;
    if (directive.offset < offset && directive.kind === 'disable') disabled = true;
    if (directive.offset < offset && directive.kind === 'enable') disabled = false;
  }
  return disabled;
}
