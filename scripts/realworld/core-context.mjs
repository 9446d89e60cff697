// Where the detector says each finding runs, and what it kept silent because of that: the same
// analysis the rules run (core's analyzeFile, with the file's Node target, path and ESLint's
// working directory), repeated here for the files that mention a catalog module, because ESLint's
// results carry no context. Reported findings take their context from the matching analysis
// finding; `silenced` lists what core judged to be test, browser or build-time code.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const workspaceRoot = path.resolve(import.meta.dirname, '../..');
const load = (relative) => import(pathToFileURL(path.join(workspaceRoot, relative)).href);
const core = await load('packages/core/dist/index.js');
const { parseFile } = await load('packages/codemod/dist/transform/parse.js');
const catalog = core.createCatalog([]);

/**
 * @returns {{ findings: { rule: string, line: number, column: number, context: string, reason: string, message: string }[], silenced: object[] } | null}
 *   null when the file mentions no catalog module or does not parse.
 */
export function analyzeContexts(root, file, source) {
  if (!core.mayMentionCatalog(source, catalog)) return null;
  let parsed;
  try {
    parsed = parseFile(source, file);
  } catch {
    return null;
  }
  const analysis = core.analyzeFile(
    { ast: parsed.ast, scopeManager: parsed.scopeManager, sourceText: parsed.text },
    { nodeTarget: core.nodeTargetFor(file), filename: file, cwd: root },
  );
  const shape = (finding) => ({
    rule: `reuse-clients/${finding.rule}`,
    line: finding.node.loc.start.line,
    column: finding.node.loc.start.column + 1,
    context: finding.context?.kind ?? 'server',
    reason: finding.silencedBy ?? finding.context?.reason ?? '',
    message: finding.message,
  });
  return { findings: analysis.findings.map(shape), silenced: (analysis.silenced ?? []).map(shape) };
}
