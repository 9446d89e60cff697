// Totals and the two outputs of `pnpm realworld`: a text report for people to read (findings by
// rule, then by context, each with file:line and message) and the same data as JSON.
import path from 'node:path';
import { CONTEXTS } from './context.mjs';

/**
 * @typedef {{ rule: string, context: string, contextGuessed: boolean, line: number, column: number, message: string }} Finding
 * @typedef {{ root: string, file: string, findings: Finding[], parseError: string | null, ignored: boolean, error?: undefined }} FileResult
 * @typedef {{ root: string | undefined, file: string, error: string }} FileFailure
 */

/** The label a root's files are shown under: its folder name. */
export const rootLabel = (root) => path.basename(root);

/**
 * @param {(FileResult | FileFailure)[]} results
 * @param {{ roots: string[], skipped: { generated: string[], tooLarge: string[] }, unchecked: number }} run
 */
export function aggregate(results, { roots, skipped, unchecked }) {
  const findings = [];
  const silenced = [];
  const parseErrors = [];
  const crashes = [];
  let linted = 0;
  let ignoredByConfig = 0;
  for (const result of results) {
    if (result.error !== undefined) {
      const where = typeof result.file === 'string' ? result.file : result.file.file;
      crashes.push({ file: result.root ? `${rootLabel(result.root)}/${where}` : where, error: result.error.split('\n')[0] });
      continue;
    }
    const shown = `${rootLabel(result.root)}/${result.file}`;
    if (result.ignored) {
      ignoredByConfig++;
      continue;
    }
    linted++;
    if (result.parseError !== null) parseErrors.push({ file: shown, error: result.parseError });
    for (const finding of result.findings) findings.push({ file: shown, ...finding });
    for (const finding of result.silenced ?? []) silenced.push({ file: shown, ...finding });
  }
  const byPlace = (a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line;
  findings.sort(byPlace);
  silenced.sort(byPlace);
  return {
    roots: roots.map((root) => path.resolve(root)),
    files: { linted, ignoredByConfig, parseErrors: parseErrors.length, crashes: crashes.length, skippedGenerated: skipped.generated.length, skippedTooLarge: skipped.tooLarge.length, unchecked },
    totals: totalsOf(findings),
    silencedTotals: totalsOf(silenced),
    contextGuessed: findings.some((finding) => finding.contextGuessed),
    findings,
    silenced,
    parseErrors,
    crashes,
  };
}

/** Counts by rule, by context, and by both. */
function totalsOf(findings) {
  const byRule = {};
  const byContext = {};
  const byRuleAndContext = {};
  for (const { rule, context } of findings) {
    byRule[rule] = (byRule[rule] ?? 0) + 1;
    byContext[context] = (byContext[context] ?? 0) + 1;
    byRuleAndContext[rule] ??= {};
    byRuleAndContext[rule][context] = (byRuleAndContext[rule][context] ?? 0) + 1;
  }
  return { findings: findings.length, byRule, byContext, byRuleAndContext };
}

/** Contexts in their usual order, then any others the rules report. */
function contextOrder(summary) {
  const extra = Object.keys({ ...summary.totals.byContext, ...summary.silencedTotals.byContext }).filter((context) => !CONTEXTS.includes(context)).sort();
  return [...CONTEXTS, ...extra];
}

/** @param {ReturnType<typeof aggregate>} summary */
export function renderText(summary, { wallMs, showSilenced = false } = {}) {
  const lines = [];
  const { files, totals } = summary;
  const contexts = contextOrder(summary);
  lines.push(`realworld: ${summary.roots.map(rootLabel).join(', ')}`);
  lines.push(
    `files linted: ${files.linted}` +
      `, parse errors: ${files.parseErrors}, crashes: ${files.crashes}` +
      `, skipped: ${files.skippedGenerated} generated/minified, ${files.skippedTooLarge} over 1 MB` +
      (files.ignoredByConfig > 0 ? `, ${files.ignoredByConfig} ignored by the config` : '') +
      (files.unchecked > 0 ? `, ${files.unchecked} not reached` : '') +
      (wallMs === undefined ? '' : `, ${(wallMs / 1000).toFixed(0)} s`),
  );
  lines.push(`findings: ${totals.findings}`);
  if (summary.contextGuessed) lines.push('context: guessed from file paths for findings that carry no context of their own');
  lines.push('');
  lines.push(...table(totals, contexts));
  if (summary.silencedTotals.findings > 0) {
    lines.push('', `silenced: not server code, or per call on purpose (not reported): ${summary.silencedTotals.findings}`, ...table(summary.silencedTotals, contexts));
  }
  for (const rule of Object.keys(totals.byRule).sort()) {
    lines.push('', `== ${rule} (${totals.byRule[rule]})`);
    for (const context of contexts) {
      const inContext = summary.findings.filter((finding) => finding.rule === rule && finding.context === context);
      if (inContext.length === 0) continue;
      lines.push(`  -- ${context} (${inContext.length})`);
      for (const finding of inContext) lines.push(`    ${finding.file}:${finding.line}  ${finding.message.replace(/\s+/g, ' ')}`);
    }
  }
  if (showSilenced && summary.silenced.length > 0) {
    lines.push('', `== silenced (${summary.silenced.length})`);
    for (const finding of summary.silenced) lines.push(`    [${finding.context}] ${finding.file}:${finding.line}  ${finding.rule}  (${finding.reason})`);
  }
  if (summary.parseErrors.length > 0) {
    lines.push('', `== parse errors (${summary.parseErrors.length}; counted, not fatal)`);
    for (const { file, error } of summary.parseErrors) lines.push(`    ${file}  ${error}`);
  }
  if (summary.crashes.length > 0) {
    lines.push('', `== crashes (${summary.crashes.length})`);
    for (const { file, error } of summary.crashes) lines.push(`    ${file}  ${error}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A rule × context table with totals. */
function table(totals, contexts) {
  const ruleWidth = Math.max(4, ...Object.keys(totals.byRule).map((rule) => rule.length));
  const cell = (value) => String(value).padStart(8);
  const lines = [`${'rule'.padEnd(ruleWidth)}${contexts.map(cell).join('')}${cell('total')}`];
  for (const rule of Object.keys(totals.byRule).sort()) {
    const row = contexts.map((context) => cell(totals.byRuleAndContext[rule][context] ?? 0)).join('');
    lines.push(`${rule.padEnd(ruleWidth)}${row}${cell(totals.byRule[rule])}`);
  }
  lines.push(`${'total'.padEnd(ruleWidth)}${contexts.map((context) => cell(totals.byContext[context] ?? 0)).join('')}${cell(totals.findings)}`);
  return lines;
}
