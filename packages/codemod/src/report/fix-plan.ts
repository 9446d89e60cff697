// What `reuse-clients fix` would do with each finding, asked of the transform's own planner on the
// same analysis (project entries included): the report's `fixable` and the codemod's summary then
// agree by construction. Planning computes edits in memory only; nothing is written.
import type { Finding } from '@reuse-clients/core';
import type { SiteOutcome } from '../engine/contract.js';
import type { AnalysedFile } from '../project/project-pass.js';
import { sourceTypeOf } from '../transform/parse.js';
import { Planner, type ProjectKnowledge } from '../transform/plan.js';
import { environmentFor } from '../transform/environment.js';
import { detectStyle } from '../transform/style.js';

export interface PlannedOutcome {
  hoisted: boolean;
  /** The existing instance a hoisted site now uses instead of a new one. */
  reuses?: SiteOutcome['reuses'];
  /** Where the fix puts the shared instance. */
  placement?: SiteOutcome['placement'];
  /** Why the codemod leaves it (only when not hoisted). */
  reason?: string;
}

export type FixPlan = ReadonlyMap<string, PlannedOutcome>;

/**
 * The planner's outcome per finding, or undefined if the planner failed on this file (the report
 * then estimates). Planned with what the fix run knows too: whether the project configures the
 * global axios, and which instances of other files this file's constructions can import.
 */
export function planFixes(file: AnalysedFile, project: ProjectKnowledge): FixPlan | undefined {
  if (file.analysis.findings.length === 0) return new Map();
  try {
    const { parsed, analysis, path } = file;
    const style = detectStyle(parsed.text, parsed.ast, parsed.isTypeScript, sourceTypeOf(parsed.ast, path), environmentFor(path, parsed.isTypeScript));
    const plan = new Planner(parsed, style, analysis, false, project).run();
    const outcomes = new Map<string, PlannedOutcome>();
    for (const site of plan.hoisted) outcomes.set(outcomeKey(site), { hoisted: true, ...(site.reuses ? { reuses: site.reuses } : {}), ...(site.placement ? { placement: site.placement } : {}) });
    for (const site of plan.left) outcomes.set(outcomeKey(site), { hoisted: false, ...(site.reason ? { reason: site.reason } : {}) });
    return outcomes;
  } catch {
    return undefined;
  }
}

export function findingKey(finding: Finding): string {
  const { line, column } = finding.node.loc.start;
  return outcomeKey({ line, column: column + 1, rule: finding.rule });
}

function outcomeKey(site: Pick<SiteOutcome, 'line' | 'column' | 'rule'>): string {
  return `${site.line}:${site.column}:${site.rule}`;
}
