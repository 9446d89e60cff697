// Builders that catalog entries cannot reach: instance methods (`factory.s3()` — no module export
// names an instance) and subclasses of client classes in their own file (`new CachedClient()` next
// to `class CachedClient extends CatalogClient`). ts-morph finds their calls
// (`findReferencesAsNodes`, the language service) and core's own FrequencyClassifier classifies
// each exactly as it classifies a construction: handlers, loops, start-up code, in-file layers.
import {
  createCatalog,
  displayText,
  FrequencyClassifier,
  MESSAGES,
  ModuleResolver,
  renderMessage,
  walk,
  type Builder,
  type Node,
  type Occurrence,
  type RuleName,
} from '@reuse-clients/core';
import { Node as MorphNode, type CallExpression, type NewExpression, type SourceFile } from 'ts-morph';
import type { ParsedFile } from '../transform/parse.js';
import type { ProjectBuilder } from './builders.js';
import { describeOrigin } from './entries.js';

/** A per-call call of an instance-method builder, or a per-call `new` of a subclass in its own file. */
export interface ReferenceCallFinding {
  file: string;
  node: Node;
  rule: RuleName;
  message: string;
  /** Why the codemod leaves it: its catalog cannot name the builder. */
  reason: string;
}

export interface ReferenceCallAnalysis {
  findings: ReferenceCallFinding[];
  /** Exported functions of the calling files that return the call: builders for the next round. */
  builders: { file: string; builder: Builder; offset: number }[];
}

export interface ReferenceCallContext {
  sourceFileOf(filePath: string): SourceFile | undefined;
  parsedOf(filePath: string): ParsedFile | undefined;
  startupFunctions: readonly string[];
}

const RULE_BY_KIND = { agent: 'no-per-call-agent', client: 'no-per-call-client', 'axios-instance': 'prefer-axios-instance' } as const;

export function analyseMethodCalls(method: ProjectBuilder, context: ReferenceCallContext): ReferenceCallAnalysis {
  const declaration = methodDeclarationOf(method, context);
  if (!declaration) return { findings: [], builders: [] };
  const classNode = declaration.getParent();
  const calls = declaration.findReferencesAsNodes().flatMap((reference) => {
    const call = callThrough(reference);
    // `this.s3()` inside the class is core's in-file business.
    const insideClass = call && reference.getSourceFile() === declaration.getSourceFile() && classNode.containsRange(call.getPos(), call.getEnd());
    return call && !insideClass ? [call] : [];
  });
  const reason = `not rewritten: the codemod does not follow instance methods of other files yet; build the result of \`${method.display}\` once (module scope or constructor) and reuse it`;
  return classifyCalls(calls, method, `The method \`${method.display}\``, reason, context);
}

/**
 * `new Sub()` in the file that declares a subclass of a client class. Other files reach an exported
 * subclass through catalog entries; in its own file core does not know it builds a client.
 */
export function analyseSameFileConstructions(subclass: ProjectBuilder, context: ReferenceCallContext): ReferenceCallAnalysis {
  const declaration = context.sourceFileOf(subclass.file)?.getClasses().find((candidate) => subclass.anchors.some((anchor) => anchor.end === candidate.getEnd()));
  if (!declaration) return { findings: [], builders: [] };
  const constructions = declaration
    .findReferencesAsNodes()
    .filter((reference) => reference.getSourceFile() === declaration.getSourceFile())
    .flatMap((reference) => {
      const parent = reference.getParent();
      return MorphNode.isNewExpression(parent) && parent.getExpression() === reference ? [parent] : [];
    });
  const reason = `not rewritten: the codemod does not yet treat subclasses of client classes as clients; build one \`${subclass.display}\` once (module scope or constructor) and reuse it`;
  return classifyCalls(constructions, subclass, `\`${subclass.display}\``, reason, context);
}

/** Core's classification of each call, as findings (per-call) and builders (exported functions that return it). */
function classifyCalls(calls: readonly (CallExpression | NewExpression)[], builderOfCalls: ProjectBuilder, name: string, reason: string, context: ReferenceCallContext): ReferenceCallAnalysis {
  const result: ReferenceCallAnalysis = { findings: [], builders: [] };
  for (const call of calls) {
    const file = call.getSourceFile().getFilePath();
    const parsed = context.parsedOf(file);
    if (!parsed) continue;
    const node = estreeConstructionAt(parsed, call.getStart() - parsed.bom.length, call.getEnd() - parsed.bom.length);
    if (!node) continue;
    const classifier = new FrequencyClassifier(parsed.scopeManager, new ModuleResolver(parsed.scopeManager, createCatalog(), parsed.text), parsed.text, {
      startupFunctions: context.startupFunctions,
    });
    for (const occurrence of classifier.occurrences(node, true)) {
      const finding = findingFor(builderOfCalls, name, file, parsed, node, occurrence);
      if (finding) result.findings.push({ ...finding, reason });
      const builder = 'builder' in occurrence.frequency ? occurrence.frequency.builder : undefined;
      if (builder?.exported) result.builders.push({ file, builder, offset: parsed.bom.length });
    }
  }
  return result;
}

function findingFor(builder: ProjectBuilder, name: string, file: string, parsed: ParsedFile, call: Node, occurrence: Occurrence): Omit<ReferenceCallFinding, 'reason'> | undefined {
  if (occurrence.frequency.kind !== 'per-call') return undefined;
  const rule = RULE_BY_KIND[builder.constructionKind];
  const callee = `${displayText(parsed.text, (call as { callee: Node }).callee, 40)}()`;
  const construct = call.type === 'NewExpression' ? `new ${callee}` : callee;
  const extra = ` ${describeOrigin(file, name, builder)}`;
  const data = { construct, where: occurrence.frequency.where, extra, factory: occurrence.factories[0] ?? construct };
  const messages = MESSAGES[rule] as Record<string, string>;
  const template = occurrence.node === call ? messages[rule === 'prefer-axios-instance' ? 'createPerCall' : 'perCall']! : messages.perCallFactory!;
  return { file, node: occurrence.node, rule, message: renderMessage(template, data) };
}

function methodDeclarationOf(method: ProjectBuilder, context: ReferenceCallContext) {
  if (!method.instanceMethod) return undefined;
  const { classEnd, name } = method.instanceMethod;
  const classDeclaration = context.sourceFileOf(method.file)?.getClasses().find((candidate) => candidate.getEnd() === classEnd);
  return classDeclaration?.getInstanceMethod(name);
}

/** `x.s3()` from the reference to `s3`; undefined for any other use of the name. */
function callThrough(reference: MorphNode) {
  const access = reference.getParent();
  if (!MorphNode.isPropertyAccessExpression(access) || access.getNameNode() !== reference) return undefined;
  const call = access.getParent();
  return MorphNode.isCallExpression(call) && call.getExpression() === access ? call : undefined;
}

function estreeConstructionAt(parsed: ParsedFile, start: number, end: number): Node | undefined {
  let found: Node | undefined;
  walk(parsed.ast, (node) => {
    if (found || node.range[1] < start || node.range[0] > end) return false;
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && node.range[0] === start && node.range[1] === end) found = node;
    return !found;
  });
  return found;
}
