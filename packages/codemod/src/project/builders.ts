// Builders as the project pass sees them: a function, static method or class of one file that
// builds a catalog construction for its callers (core reports them as `SiteAnalysis.builders`),
// together with where its declaration ends, so that ts-morph's view of a module's exports can be
// matched back to it without caring how the export was spelled (`export function`, `export { f as
// g }`, `export default`, `module.exports = { f }`, a barrel's `export *`).
import { isTransparentWrapper, propertyKeyName, staticKeyName, type Builder, type Node } from '@reuse-clients/core';

export type ConstructionKind = 'agent' | 'client' | 'axios-instance';

/** One step of a factory chain, for messages: "`makeRepo` (./repo.ts) … through `createClient` (./clients.ts)". */
export interface ChainLink {
  display: string;
  file: string;
}

export interface ProjectBuilder {
  /** Absolute path of the file that declares it. */
  file: string;
  kind: 'function' | 'method' | 'class';
  /** `createCatalogClient`, `CatalogClient`, `Repo.create`. */
  display: string;
  constructionKind: ConstructionKind;
  /** The catalog construction at the end of the chain, as messages show it: `new S3Client()`. */
  construct: string;
  /** What building that construction per call costs, from its family's facts (the reports' reason). */
  why?: string;
  /** This builder first, then the builders it calls in other files, down to the one with the construction. */
  chain: ChainLink[];
  anchors: ExportAnchor[];
  /** For an instance method, which no export names: its class (by end offset) and its name. */
  instanceMethod?: { classEnd: number; name: string };
}

/**
 * A way to reach the builder from a module export: the export's declaration ends at `end`
 * (an offset in the file text as ts-morph holds it) and the builder is `memberPath` below it
 * (`[]` for the declaration itself, `['create']` for a static method or an object property).
 */
export interface ExportAnchor {
  end: number;
  memberPath: string[];
}

export function builderKey(file: string, end: number): string {
  return `${file}\0${end}`;
}

/**
 * The anchors of a builder core found. `offset` converts ESTree ranges (BOM stripped) to ts-morph
 * offsets. Instance methods have none: reaching them needs the receiver's type (see the report).
 */
export function exportAnchors(builder: Builder, offset: number): ExportAnchor[] {
  const at = (node: Node, memberPath: string[] = []): ExportAnchor => ({ end: node.range[1] + offset, memberPath });
  const node = builder.node;
  if (builder.kind === 'class') return [at(node)];
  if (builder.kind === 'method') {
    const method = node.parent;
    const classNode = method?.parent?.parent;
    if (method?.type !== 'MethodDefinition' || !method.static || !classNode) return [];
    const name = propertyKeyName(method);
    return name ? [at(classNode, [name])] : [];
  }
  const anchors = [at(node)];
  const inObject = objectPathOf(node);
  if (inObject) anchors.push(at(inObject.declaration, inObject.path));
  return anchors;
}

/** `export const clients = { s3: { make: () => … } }`: the declarator and `['s3', 'make']`. */
function objectPathOf(fn: Node): { declaration: Node; path: string[] } | undefined {
  const path: string[] = [];
  let node = fn;
  for (;;) {
    const property = node.parent;
    if (property?.type !== 'Property' || property.value !== node || property.parent?.type !== 'ObjectExpression') break;
    const key = staticKeyName(property.key, property.computed);
    if (!key) return undefined;
    path.unshift(key);
    node = property.parent;
    while (node.parent && isTransparentWrapper(node.parent)) node = node.parent;
  }
  const declarator = node.parent;
  if (path.length === 0 || declarator?.type !== 'VariableDeclarator' || declarator.init !== node) return undefined;
  return { declaration: declarator, path };
}

/** How a builder reads in messages. */
export function builderDisplay(builder: Builder): string {
  if (builder.kind !== 'method') {
    // `export default function catalogService()`: core names it by its export, messages by its own name.
    const node = builder.node;
    const ownName = (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id ? node.id.name : undefined;
    return builder.name === 'default' && ownName ? ownName : builder.name;
  }
  const classNode = builder.node.parent?.parent?.parent;
  const className =
    classNode?.type === 'ClassDeclaration' || classNode?.type === 'ClassExpression'
      ? (classNode.id?.name ?? (classNode.parent?.type === 'VariableDeclarator' && classNode.parent.id.type === 'Identifier' ? classNode.parent.id.name : undefined))
      : undefined;
  return className ? `${className}.${builder.name}` : builder.name;
}

/** Instance methods cannot be followed through a module export (their callers hold an instance). */
export function instanceMethodOf(builder: Builder, offset: number): ProjectBuilder['instanceMethod'] {
  const method = builder.node.parent;
  const classNode = method?.parent?.parent;
  if (builder.kind !== 'method' || method?.type !== 'MethodDefinition' || method.static || !classNode) return undefined;
  const name = propertyKeyName(method);
  return name ? { classEnd: classNode.range[1] + offset, name } : undefined;
}
