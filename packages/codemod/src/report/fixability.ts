// Would `reuse-clients fix` change this finding, and if not, why? This follows the codemod's
// placement order (DESIGN.md, The codemod) on top of core's own hoistability analysis; a reuse
// hint names an existing shared instance of the very same construction.
import { moduleReadiness, type Finding } from '@reuse-clients/core';
import type { AnalysedFile } from '../project/project-pass.js';

export interface Fixability {
  fixable: boolean;
  reason: string;
}

export interface FixContext {
  /** Where the global axios is configured ("src/setup.ts:4"), if anywhere in the project. */
  globalAxiosConfiguredAt: string | undefined;
  /** An existing shared instance of the same construction, as a hint ("`s3` exported from src/aws.ts:3"). */
  reuse: string | undefined;
}

export function fixabilityOf(finding: Finding, file: AnalysedFile, context: FixContext): Fixability {
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
  const placement = placementOf(finding, file);
  if (!context.reuse) return placement;
  return { fixable: placement.fixable, reason: `reuse ${context.reuse} instead of building another; ${placement.reason}` };
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
  if (why.includes('lazy singleton')) return { fixable: true, reason: `makes it a lazy module-level singleton (${why.replace(/ \(needs a lazy singleton\)$/, '')})` };
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
