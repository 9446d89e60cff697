// Builders that catalog entries cannot reach: instance methods (`factory.s3()` — no module export
// names an instance) and subclasses of client classes in their own file (`new CachedClient()` next
// to `class CachedClient extends CatalogClient`). ts-morph finds their calls
// (`findReferencesAsNodes`, the language service); each becomes a core `KnownSite` of the calling
// file, which core then classifies, reports and the codemod fixes like any other construction.
import type { KnownSite } from '@reuse-clients/core';
import { Node as MorphNode, type CallExpression, type NewExpression, type SourceFile } from 'ts-morph';
import type { ParsedFile } from '../transform/parse.js';
import type { ProjectBuilder } from './builders.js';
import { describeOrigin } from './entries.js';

/** A call of `builder` in `file`, as core takes it. */
export interface LocatedCall {
  file: string;
  site: KnownSite;
  builder: ProjectBuilder;
}

export interface ReferenceCallContext {
  sourceFileOf(filePath: string): SourceFile | undefined;
  parsedOf(filePath: string): ParsedFile | undefined;
}

/** `x.s3()` for an instance method `s3` that builds a client, outside its own class. */
export function methodCalls(method: ProjectBuilder, context: ReferenceCallContext): LocatedCall[] {
  const declaration = methodDeclarationOf(method, context);
  if (!declaration || !method.instanceMethod) return [];
  const classNode = declaration.getParent();
  const calls = declaration.findReferencesAsNodes().flatMap((reference) => {
    const call = callThrough(reference);
    // `this.s3()` inside the class is core's in-file business.
    const insideClass = call && reference.getSourceFile() === declaration.getSourceFile() && classNode.containsRange(call.getPos(), call.getEnd());
    return call && !insideClass ? [call] : [];
  });
  return locate(calls, method, method.instanceMethod.name, `The method \`${method.display}\``, context);
}

/**
 * `new Sub()` in the file that declares a subclass of a client class. Other files reach an exported
 * subclass through catalog entries; in its own file core does not know it builds a client.
 */
export function sameFileConstructions(subclass: ProjectBuilder, context: ReferenceCallContext): LocatedCall[] {
  const declaration = context.sourceFileOf(subclass.file)?.getClasses().find((candidate) => subclass.anchors.some((anchor) => anchor.end === candidate.getEnd()));
  if (!declaration) return [];
  const constructions = declaration
    .findReferencesAsNodes()
    .filter((reference) => reference.getSourceFile() === declaration.getSourceFile())
    .flatMap((reference) => {
      const parent = reference.getParent();
      return MorphNode.isNewExpression(parent) && parent.getExpression() === reference ? [parent] : [];
    });
  return locate(constructions, subclass, subclass.display, `\`${subclass.display}\``, context);
}

function locate(calls: readonly (CallExpression | NewExpression)[], builder: ProjectBuilder, name: string, described: string, context: ReferenceCallContext): LocatedCall[] {
  return calls.flatMap((call) => {
    const file = call.getSourceFile().getFilePath();
    const parsed = context.parsedOf(file);
    if (!parsed) return [];
    // ts-morph counts the byte-order mark; core's ranges do not.
    const start = call.getStart() - parsed.bom.length;
    const end = call.getEnd() - parsed.bom.length;
    return [{ file, builder, site: { start, end, kind: builder.constructionKind, name, message: describeOrigin(file, described, builder) } }];
  });
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
