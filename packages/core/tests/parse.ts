// Parses like ESLint does with @typescript-eslint/parser, so core tests see the same AST and
// scope analysis the rules see.
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/types';
import { analyzeFile, type AnalysisOptions, type ScopeManagerLike } from '../src/index.js';

export function parse(sourceText: string, { jsx = false } = {}) {
  const result = parseForESLint(sourceText, { range: true, loc: true, comment: true, tokens: true, sourceType: 'module', ecmaFeatures: { jsx } });
  const ast = result.ast as unknown as TSESTree.Program;
  setParents(ast);
  return { ast, scopeManager: result.scopeManager as unknown as ScopeManagerLike, sourceText };
}

export function analyze(sourceText: string, options: AnalysisOptions = {}, parseOptions: { jsx?: boolean } = {}) {
  return analyzeFile(parse(sourceText, parseOptions), options);
}

/** `rule@line:column messageId` for each finding, the shape most core tests compare. */
export function findingsOf(sourceText: string, options: AnalysisOptions = {}, parseOptions: { jsx?: boolean } = {}): string[] {
  return analyze(sourceText, options, parseOptions).findings.map(
    (finding) => `${finding.rule}@${finding.node.loc.start.line}:${finding.node.loc.start.column + 1} ${finding.messageId}`,
  );
}

function setParents(root: TSESTree.Node): void {
  const stack: [TSESTree.Node, TSESTree.Node | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    (node as { parent?: TSESTree.Node }).parent = parent;
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'range' || key === 'loc' || key === 'tokens' || key === 'comments') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') stack.push([child as TSESTree.Node, node]);
      }
    }
  }
}
