// Would `reuse-clients fix` change this finding, and if not, why? The transform's planner decides
// (see fix-plan.ts); the text of `reason` for a fixable finding says where the instance goes,
// following the codemod's placement order (DESIGN.md, The codemod) on core's hoistability
// analysis, which is also the estimate used if the planner could not run. When the fix uses an
// instance the code already has instead of building one, the reason names it.
import { moduleReadiness, type Finding } from '@reuse-clients/core';
import type { AnalysedFile } from '../project/project-pass.js';
import { findingKey, type FixPlan, type PlannedOutcome } from './fix-plan.js';

export interface Fixability {
  fixable: boolean;
  reason: string;
}

export interface FixContext {
  /** Where the global axios is configured ("src/setup.ts:4"), if anywhere in the project. */
  globalAxiosConfiguredAt: string | undefined;
  /** A file's path as the report shows it. */
  shown: (file: string) => string;
  /** The transform planner's outcomes for this file, when it could run. */
  plan: FixPlan | undefined;
}

export function fixabilityOf(finding: Finding, file: AnalysedFile, context: FixContext): Fixability {
  const estimate = estimatedFixability(finding, file, context);
  const planned = context.plan?.get(findingKey(finding));
  if (!planned) return estimate;
  if (!planned.hoisted) return { fixable: false, reason: planned.reason ?? estimate.reason };
  const { reuses } = planned;
  if (reuses) {
    const where = reuses.file === undefined || reuses.file === file.path ? `declared at line ${reuses.line}` : `exported from ${context.shown(reuses.file)}:${reuses.line}`;
    return { fixable: true, reason: `uses \`${reuses.name}\` ${where} instead of building another` };
  }
  // Worded from where the planner puts it, so the report says what the fix writes; the estimate's
  // text (which says why) when it names the same place.
  if (planned.placement) {
    const reason = PLACEMENT_REASONS[planned.placement];
    const samePlace = estimate.fixable && estimate.reason.startsWith(reason.split(',')[0]!.replace(/ of its class$/, ''));
    return { fixable: true, reason: samePlace ? estimate.reason : reason };
  }
  return { fixable: true, reason: estimate.fixable ? estimate.reason : 'rewritten by `reuse-clients fix`' };
}

const PLACEMENT_REASONS: Record<NonNullable<PlannedOutcome['placement']>, string> = {
  'module-constant': 'hoists it to a module-level constant',
  'lazy-singleton': 'makes it a lazy module-level singleton, built at first use',
  instance: 'builds it once per instance of its class',
  'keyed-cache': 'caches one instance per key (`--keyed`)',
  'out-of-factory': 'moves what the helper builds from constants into shared module-level instances; the call stays',
};

function estimatedFixability(finding: Finding, file: AnalysedFile, context: FixContext): Fixability {
  switch (finding.messageId) {
    case 'missingKeepAlive':
      return { fixable: true, reason: 'adds `keepAlive: true` and an idle `timeout`' };
    case 'keepAliveFalse':
      return { fixable: false, reason: '`keepAlive: false` is an explicit choice: left for a person to change' };
    case 'agentFalse':
      return { fixable: false, reason: 'replacing `agent: false` needs a shared agent chosen by a person' };
    case 'defaultPerCall':
      return context.globalAxiosConfiguredAt
        ? { fixable: true, reason: `the project configures the global axios (${context.globalAxiosConfiguredAt}), which a new instance would drop: the fix keeps the default export and passes shared keep-alive agents per call` }
        : { fixable: true, reason: 'moves the request to one shared axios instance with keep-alive agents' };
  }
  return placementOf(finding, file);
}

function placementOf(finding: Finding, file: AnalysedFile): Fixability {
  const input = { ast: file.parsed.ast, scopeManager: file.parsed.scopeManager, sourceText: file.parsed.text };
  const readiness = moduleReadiness(finding.node, input);
  if (readiness.ok) return { fixable: true, reason: 'hoists it to a module-level constant' };
  const why = readiness.reason;
  if (why.includes('`this`')) {
    return inInstanceMethod(finding)
      ? { fixable: true, reason: `builds it once per instance in the constructor (${why})` }
      : { fixable: false, reason: `not hoisted: ${why}` };
  }
  if (why.includes('lazy singleton')) return { fixable: true, reason: `makes it a lazy module-level singleton: ${why.replace(/ \((?:evaluated per call; )?needs a lazy singleton\)$/, '')}` };
  if (why.includes('per-call value')) return { fixable: false, reason: `not hoisted: ${why} (\`--keyed\` caches one per value)` };
  return { fixable: false, reason: `not hoisted: ${why}` };
}

function inInstanceMethod(finding: Finding): boolean {
  for (let node = finding.node.parent; node; node = node.parent) {
    if (node.type === 'MethodDefinition') return !node.static && node.kind === 'method';
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') {
      if (node.parent?.type !== 'MethodDefinition') return false;
    }
  }
  return false;
}
