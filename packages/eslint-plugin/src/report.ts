// The adapter from ESLint to the shared detector. Five rules, one analysis: the first rule to ask
// analyses the file and the others read the cached result, so the tree is not walked per rule.
// The cache is keyed by the AST object, which exists only while ESLint lints that file.
import { analyzeFile, nodeTargetFor, type Analysis, type Finding, type RuleName, type ScopeManagerLike } from '@reuse-clients/core';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import type { RuleOptions } from './options.js';
import { createTypedResolver, typeInformationOf } from './typed-resolution.js';

const analyses = new WeakMap<object, Map<string, Analysis>>();

function analysisFor(context: Readonly<TSESLint.RuleContext<string, unknown[]>>, options: RuleOptions): Analysis {
  const { sourceCode } = context;
  const filename = path.resolve(context.cwd, context.filename);
  const nodeTarget = options.nodeVersion ?? nodeTargetFor(filename);
  const key = JSON.stringify([options.catalog ?? [], options.startupFunctions ?? [], options.callbackApis ?? [], options.probeFunctions ?? [], nodeTarget, options.typeChecked === true, options.lintTests === true, options.reportCallerCredentials === true]);
  let byOptions = analyses.get(sourceCode.ast);
  if (!byOptions) {
    byOptions = new Map();
    analyses.set(sourceCode.ast, byOptions);
  }
  let analysis = byOptions.get(key);
  if (!analysis) {
    analysis = analyzeFile(
      {
        ast: sourceCode.ast as TSESTree.Program,
        scopeManager: sourceCode.scopeManager as unknown as ScopeManagerLike,
        sourceText: sourceCode.text,
      },
      {
        catalog: options.catalog ?? [],
        startupFunctions: options.startupFunctions ?? [],
        callbackApis: options.callbackApis ?? [],
        probeFunctions: options.probeFunctions ?? [],
        filename,
        nodeTarget,
        // Test globs are matched like the config's `ignores`: relative to ESLint's working directory.
        cwd: context.cwd,
        lintTests: options.lintTests === true,
        reportCallerCredentials: options.reportCallerCredentials === true,
        // typeInformationOf throws a message that says how to enable type information: asking
        // for type-aware mode without it is a configuration error, not something to ignore.
        resolveImportedBinding: options.typeChecked ? createTypedResolver(typeInformationOf(context)) : undefined,
      },
    );
    byOptions.set(key, analysis);
  }
  return analysis;
}

/** Listeners that report this rule's findings once the whole file has been seen. */
export function reportFindings<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, [RuleOptions]>>,
  options: RuleOptions,
  rule: RuleName,
): TSESLint.RuleListener {
  return {
    'Program:exit'() {
      const analysis = analysisFor(context as unknown as Readonly<TSESLint.RuleContext<string, unknown[]>>, options);
      for (const finding of analysis.findings) {
        if (finding.rule === rule) context.report(toDescriptor<MessageIds>(finding));
      }
    },
  };
}

function toDescriptor<MessageIds extends string>(finding: Finding): TSESLint.ReportDescriptor<MessageIds> {
  const fix = finding.fix;
  const suggestion = finding.suggestion;
  return {
    node: finding.node as TSESTree.Node,
    messageId: finding.messageId as MessageIds,
    data: finding.data,
    ...(fix ? { fix: (fixer: TSESLint.RuleFixer) => fix.map((edit) => fixer.replaceTextRange(edit.range, edit.text)) } : {}),
    ...(suggestion
      ? {
          suggest: [
            {
              messageId: suggestion.messageId as MessageIds,
              data: suggestion.data,
              fix: (fixer: TSESLint.RuleFixer) => suggestion.hoist.edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
            },
          ],
        }
      : {}),
  };
}
