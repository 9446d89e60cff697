// What a module exports that builds a catalog construction. ts-morph's `getExportedDeclarations`
// already follows `export { x as y }`, `export * from`, `export { default as z } from` and
// CommonJS `module.exports`/`exports.x`; this module takes each declaration to the node whose end
// anchors a builder, and names the export the way an importer's catalog entry must spell it.
import { Node, type SourceFile } from 'ts-morph';
import { builderKey, type ProjectBuilder } from './builders.js';

export interface ExportedBuilder {
  builder: ProjectBuilder;
  /** The name an importer uses below the module object: `createClient`, `Repo.create`; `default` for the default export itself. */
  importName: string;
}

/** Builders by `builderKey(file, end)` → the member path below that declaration. */
export type AnchorIndex = ReadonlyMap<string, { builder: ProjectBuilder; memberPath: string[] }[]>;

/** Declarations ts-morph calls "exported" under these names are the module object's default. */
const DEFAULT_EXPORT_NAMES = new Set(['default', 'export=']);

export function exportedBuilders(module: SourceFile, anchors: AnchorIndex): ExportedBuilder[] {
  const found: ExportedBuilder[] = [];
  for (const [exportName, declarations] of module.getExportedDeclarations()) {
    for (const declaration of declarations) {
      const definition = definitionOf(declaration);
      if (!definition) continue;
      const matches = anchors.get(builderKey(definition.getSourceFile().getFilePath(), definition.getEnd())) ?? [];
      for (const { builder, memberPath } of matches) {
        const path = DEFAULT_EXPORT_NAMES.has(exportName) ? memberPath : [exportName, ...memberPath];
        found.push({ builder, importName: path.length > 0 ? path.join('.') : 'default' });
      }
    }
  }
  return found;
}

/**
 * The node that holds what an export stands for: CommonJS exports are assignments or object
 * properties whose value is the function, or an identifier naming it.
 */
function definitionOf(declaration: Node, depth = 0): Node | undefined {
  if (depth > 4) return undefined;
  if (Node.isShorthandPropertyAssignment(declaration)) {
    const value = declaration.getValueSymbol()?.getValueDeclaration();
    return value ? definitionOf(value, depth + 1) : undefined;
  }
  if (Node.isPropertyAssignment(declaration)) {
    const initializer = declaration.getInitializer();
    return initializer ? valueDefinition(initializer, depth) : undefined;
  }
  if (Node.isPropertyAccessExpression(declaration)) {
    const assignment = declaration.getParent();
    return Node.isBinaryExpression(assignment) && assignment.getLeft() === declaration ? valueDefinition(assignment.getRight(), depth) : undefined;
  }
  if (Node.isExportAssignment(declaration)) return valueDefinition(declaration.getExpression(), depth);
  return declaration;
}

function valueDefinition(value: Node, depth: number): Node | undefined {
  if (!Node.isIdentifier(value)) return value;
  const symbol = value.getSymbol();
  const declaration = (symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol)?.getDeclarations()[0];
  return declaration ? definitionOf(declaration, depth + 1) : undefined;
}
