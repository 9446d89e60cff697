// Client classes of other files whose instances keep per-call state (core's `perInstanceState`):
// `new CatalogClient()` per request is still reported, but a fix must not share one instance when
// the class — or a base class, in whichever file — also holds a timestamp, a cache or anything a
// method changes later. The transform sees one file, so the pass names these constructions for it.
import { sharedInstanceProblem, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ProjectBuilder } from './builders.js';
import type { UnshareableConstruction } from './catalog-data.js';
import type { AnalysedFile, ProjectPass } from './project-pass.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Absolute file path → the `new C()` of project classes there that must not be shared, with why. */
export function findUnshareableConstructions(pass: ProjectPass): Record<string, UnshareableConstruction[]> {
  const result: Record<string, UnshareableConstruction[]> = {};
  const stateOf = new Map<ProjectBuilder, string | undefined>();
  for (const file of pass.files.values()) {
    for (const finding of file.analysis.findings) {
      const node = finding.node;
      if (node.type !== 'NewExpression' || node !== finding.analysis.site.node) continue;
      const builder = pass.builderOf(file, finding.analysis);
      if (builder?.kind !== 'class') continue;
      if (!stateOf.has(builder)) stateOf.set(builder, classChainState(pass, builder));
      const state = stateOf.get(builder);
      if (!state) continue;
      (result[file.path] ??= []).push({ start: node.range[0], end: node.range[1], text: file.parsed.text.slice(node.range[0], node.range[1]), reason: state });
    }
  }
  return result;
}

/** "`ReportingClient` instances keep their own `startedAt`…" for the first class of the chain that holds per-call state. */
function classChainState(pass: ProjectPass, builder: ProjectBuilder): string | undefined {
  for (const link of builder.chain) {
    const file = pass.files.get(link.file);
    const declared = file && classNamed(file, link.display);
    if (!file || !declared) continue;
    const sites = new Set<Node>(file.analysis.sites.map((site) => site.site.node));
    const problem = sharedInstanceProblem(declared, file.parsed.scopeManager, (node) => sites.has(node));
    if (problem) return problem;
  }
  return undefined;
}

/** The module-level class declared (or default-exported) under `name`. */
function classNamed(file: AnalysedFile, name: string): ClassNode | undefined {
  for (const statement of file.parsed.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if ((declaration?.type === 'ClassDeclaration' || declaration?.type === 'ClassExpression') && (declaration.id?.name === name || (name === 'default' && statement.type === 'ExportDefaultDeclaration'))) return declaration;
  }
  return undefined;
}
