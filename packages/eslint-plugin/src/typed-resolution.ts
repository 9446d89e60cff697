// Type-aware name resolution (the `recommended-type-checked` config). Follows a binding imported
// from the project's own modules through TypeScript's alias chain — re-exports, barrels,
// `export const http = axios` — to the package export it stands for. One alias step at a time, so
// it stops at the first import from a package, exactly where the untyped resolver would start.
import { createRequire } from 'node:module';
import { member, normalizeModule, type ImportedBindingResolver, type ModuleValue } from '@reuse-clients/core';
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import type * as TypeScript from 'typescript';

const MAX_ALIAS_STEPS = 16;

/**
 * The parser's type information for this file, or an error that says how to enable it (the same
 * check as typescript-eslint's getParserServices, without depending on @typescript-eslint/utils).
 */
export function typeInformationOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ParserServicesWithTypeInformation {
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) {
    throw new Error(
      `reuse-clients: the typeChecked option (config recommended-type-checked) needs type information, but ${context.filename} ` +
        'was parsed without it. Use typescript-eslint\'s parser with parserOptions.projectService: true ' +
        '(https://typescript-eslint.io/getting-started/typed-linting).',
    );
  }
  return services as ParserServicesWithTypeInformation;
}

export function createTypedResolver(services: ParserServicesWithTypeInformation): ImportedBindingResolver {
  // typescript is only needed here, so users of the untyped config never load it.
  const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
  const checker = services.program.getTypeChecker();

  const isPackageSpecifier = (specifier: string) => !specifier.startsWith('.') && !specifier.startsWith('/');

  const fromModule = (specifier: TypeScript.Expression | undefined, path: string[]): ModuleValue | null => {
    if (!specifier || !ts.isStringLiteral(specifier) || !isPackageSpecifier(specifier.text)) return null;
    return path.reduce(member, { module: normalizeModule(specifier.text), path: [] } as ModuleValue);
  };

  /** An import or re-export declaration that names a package directly. */
  const packageExportOf = (declaration: TypeScript.Declaration): ModuleValue | null => {
    if (ts.isImportClause(declaration)) return fromModule(declaration.parent.moduleSpecifier, []);
    if (ts.isNamespaceImport(declaration)) return fromModule(declaration.parent.parent.moduleSpecifier, []);
    if (ts.isImportSpecifier(declaration)) {
      return fromModule(declaration.parent.parent.parent.moduleSpecifier, [(declaration.propertyName ?? declaration.name).text]);
    }
    if (ts.isExportSpecifier(declaration)) {
      return fromModule(declaration.parent.parent.moduleSpecifier, [(declaration.propertyName ?? declaration.name).text]);
    }
    if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
      return fromModule(declaration.moduleReference.expression, []);
    }
    return null;
  };

  const valueOfSymbol = (symbol: TypeScript.Symbol, steps: number): ModuleValue | null => {
    if (steps > MAX_ALIAS_STEPS) return null;
    if (symbol.flags & ts.SymbolFlags.Alias) {
      const declaration = symbol.declarations?.[0];
      const direct = declaration ? packageExportOf(declaration) : null;
      if (direct) return direct;
      const next = checker.getImmediateAliasedSymbol(symbol);
      return next ? valueOfSymbol(next, steps + 1) : null;
    }
    const declaration = symbol.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return null;
    if (declaration.getSourceFile().isDeclarationFile) return null;
    // Only a `const` always holds what it was initialised with.
    if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return null;
    return valueOfExpression(declaration.initializer, steps + 1);
  };

  const valueOfExpression = (expression: TypeScript.Expression, steps: number): ModuleValue | null => {
    let inner = expression;
    while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner) || ts.isSatisfiesExpression(inner)) {
      inner = inner.expression;
    }
    if (ts.isIdentifier(inner)) {
      const symbol = checker.getSymbolAtLocation(inner);
      return symbol ? valueOfSymbol(symbol, steps) : null;
    }
    if (ts.isPropertyAccessExpression(inner)) {
      const base = valueOfExpression(inner.expression, steps);
      return base ? member(base, inner.name.text) : null;
    }
    if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'require' && inner.arguments.length === 1) {
      return fromModule(inner.arguments[0], []);
    }
    return null;
  };

  return (localName) => {
    const node = services.esTreeNodeToTSNodeMap.get(localName);
    const symbol = node ? checker.getSymbolAtLocation(node) : undefined;
    return symbol ? valueOfSymbol(symbol, 0) : null;
  };
}
