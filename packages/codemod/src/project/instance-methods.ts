// Instance methods that build a client (`class ClientFactory { s3() { return new S3Client() } }`)
// are called on instances (`factory.s3()`), which no module export names, so catalog entries
// cannot reach them. ts-morph finds their call sites (`findReferencesAsNodes`, the language
// service) and core's own FrequencyClassifier classifies each call exactly as it classifies a
// construction: handlers, loops, start-up code, in-file factory layers.
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
import { Node as MorphNode, type SourceFile } from 'ts-morph';
import type { ParsedFile } from '../transform/parse.js';
import type { ProjectBuilder } from './builders.js';
import { describeOrigin } from './entries.js';

/** A per-call call of an instance-method builder in another part of the project. */
export interface MethodCallFinding {
  file: string;
  node: Node;
  rule: RuleName;
  message: string;
}

export interface MethodCallAnalysis {
  findings: MethodCallFinding[];
  /** Exported functions of the calling files that return the call: builders for the next round. */
  builders: { file: string; builder: Builder; offset: number }[];
}

export interface MethodCallContext {
  sourceFileOf(filePath: string): SourceFile | undefined;
  parsedOf(filePath: string): ParsedFile | undefined;
  startupFunctions: readonly string[];
}

const RULE_BY_KIND = { agent: 'no-per-call-agent', client: 'no-per-call-client', 'axios-instance': 'prefer-axios-instance' } as const;

export function analyseMethodCalls(method: ProjectBuilder, context: MethodCallContext): MethodCallAnalysis {
  const result: MethodCallAnalysis = { findings: [], builders: [] };
  const declaration = methodDeclarationOf(method, context);
  if (!declaration) return result;
  const classNode = declaration.getParent();
  for (const reference of declaration.findReferencesAsNodes()) {
    const call = callThrough(reference);
    // `this.s3()` inside the class is core's in-file business.
    if (!call || (reference.getSourceFile() === declaration.getSourceFile() && classNode.containsRange(call.getPos(), call.getEnd()))) continue;
    const file = reference.getSourceFile().getFilePath();
    const parsed = context.parsedOf(file);
    if (!parsed) continue;
    const node = estreeCallAt(parsed, call.getStart() - parsed.bom.length, call.getEnd() - parsed.bom.length);
    if (!node) continue;
    const classifier = new FrequencyClassifier(parsed.scopeManager, new ModuleResolver(parsed.scopeManager, createCatalog(), parsed.text), parsed.text, {
      startupFunctions: context.startupFunctions,
    });
    for (const occurrence of classifier.occurrences(node, true)) {
      const finding = findingFor(method, file, parsed, node, occurrence);
      if (finding) result.findings.push(finding);
      const builder = 'builder' in occurrence.frequency ? occurrence.frequency.builder : undefined;
      if (builder?.exported) result.builders.push({ file, builder, offset: parsed.bom.length });
    }
  }
  return result;
}

function findingFor(method: ProjectBuilder, file: string, parsed: ParsedFile, call: Node, occurrence: Occurrence): MethodCallFinding | undefined {
  if (occurrence.frequency.kind !== 'per-call') return undefined;
  const rule = RULE_BY_KIND[method.constructionKind];
  const construct = `${displayText(parsed.text, (call as { callee: Node }).callee, 40)}()`;
  const extra = ` ${describeOrigin(file, `The method \`${method.display}\``, method)}`;
  const data = { construct, where: occurrence.frequency.where, extra, factory: occurrence.factories[0] ?? construct };
  const messages = MESSAGES[rule] as Record<string, string>;
  const template = occurrence.node === call ? messages[rule === 'prefer-axios-instance' ? 'createPerCall' : 'perCall']! : messages.perCallFactory!;
  return { file, node: occurrence.node, rule, message: renderMessage(template, data) };
}

function methodDeclarationOf(method: ProjectBuilder, context: MethodCallContext) {
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

function estreeCallAt(parsed: ParsedFile, start: number, end: number): Node | undefined {
  let found: Node | undefined;
  walk(parsed.ast, (node) => {
    if (found || node.range[1] < start || node.range[0] > end) return false;
    if (node.type === 'CallExpression' && node.range[0] === start && node.range[1] === end) found = node;
    return !found;
  });
  return found;
}
