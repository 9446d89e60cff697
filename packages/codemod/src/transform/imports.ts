// Bindings for node:http / node:https and for instances other project files export: reuse the
// file's own import or require, else add one in the file's style (ESM or CommonJS, quotes,
// `node:` prefix).
import { normalizeModule } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ModuleScope } from './module-scope.js';
import type { Namer } from './naming.js';
import { quoted, type FileStyle } from './style.js';

/** The file's own module-level binding of a module's default/namespace object, if any. */
export function existingBinding(ast: TSESTree.Program, module: string): string | undefined {
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type' && normalizeModule(statement.source.value) === module) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier' || specifier.type === 'ImportNamespaceSpecifier') return specifier.local.name;
      }
    }
    if (statement.type === 'TSImportEqualsDeclaration' && statement.importKind !== 'type' && statement.moduleReference.type === 'TSExternalModuleReference') {
      const source = statement.moduleReference.expression;
      if (source.type === 'Literal' && typeof source.value === 'string' && normalizeModule(source.value) === module) return statement.id.name;
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          declarator.id.type === 'Identifier' &&
          init?.type === 'CallExpression' &&
          init.callee.type === 'Identifier' &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === 'Literal' &&
          typeof init.arguments[0].value === 'string' &&
          normalizeModule(init.arguments[0].value) === module
        ) {
          return declarator.id.name;
        }
      }
    }
  }
  return undefined;
}

/** The file's own module-level binding of one export of a module (`import { Agent } from 'https'`, `const { Agent } = require('https')`), if any. */
function existingMemberBinding(ast: TSESTree.Program, module: string, exportName: string): string | undefined {
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type' && normalizeModule(statement.source.value) === module) {
      for (const clause of statement.specifiers) {
        if (clause.type !== 'ImportSpecifier' || clause.importKind === 'type') continue;
        const imported = clause.imported.type === 'Identifier' ? clause.imported.name : clause.imported.value;
        if (imported === exportName) return clause.local.name;
      }
    }
    if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      const required = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments[0]?.type === 'Literal' && init.arguments[0].value;
      if (declarator.id.type !== 'ObjectPattern' || typeof required !== 'string' || normalizeModule(required) !== module) continue;
      for (const property of declarator.id.properties) {
        if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === exportName && property.value.type === 'Identifier') return property.value.name;
      }
    }
  }
  return undefined;
}

/** The local name of `import { exportName } from 'specifier'` (or its default import) in the file, if any. */
function existingNamedImport(ast: TSESTree.Program, specifier: string, exportName: string): string | undefined {
  for (const statement of ast.body) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type' || statement.source.value !== specifier) continue;
    for (const clause of statement.specifiers) {
      if (exportName === 'default' && clause.type === 'ImportDefaultSpecifier') return clause.local.name;
      if (clause.type !== 'ImportSpecifier' || clause.importKind === 'type') continue;
      const imported = clause.imported.type === 'Identifier' ? clause.imported.name : clause.imported.value;
      if (imported === exportName) return clause.local.name;
    }
  }
  return undefined;
}

export class Imports {
  private added = new Map<string, string>();

  constructor(
    private readonly ast: TSESTree.Program,
    private readonly style: FileStyle,
    private readonly scope: ModuleScope,
    private readonly namer: Namer,
  ) {}

  /** A module-level name for the module, importing it when the file does not yet. */
  binding(module: 'http' | 'https'): string {
    const existing = existingBinding(this.ast, module) ?? this.added.get(module);
    if (existing) return existing;
    const name = this.namer.take(module);
    const specifier = quoted(this.style, this.style.nodePrefix ? `node:${module}` : module);
    const { semicolon } = this.style;
    const text =
      this.style.module === 'cjs'
        ? `const ${name} = require(${specifier})${semicolon}`
        : this.style.namespaceImports
          ? `import * as ${name} from ${specifier}${semicolon}`
          : `import ${name} from ${specifier}${semicolon}`;
    this.scope.addImport(text);
    this.added.set(module, name);
    return name;
  }

  /** `http.Agent`, or the file's own `Agent` when it imports that export by name: the file's existing form. */
  member(module: 'http' | 'https', exportName: string): string {
    return existingMemberBinding(this.ast, module, exportName) ?? `${this.binding(module)}.${exportName}`;
  }

  /**
   * A module-level name for `exportName` of the module `specifier` (another file of the project):
   * the file's own value import of it if there is one, else a new import or require below the others.
   */
  named(specifier: string, exportName: string, preferred: string): string {
    const key = `${specifier}\0${exportName}`;
    const known = existingNamedImport(this.ast, specifier, exportName) ?? this.added.get(key);
    if (known) return known;
    const name = this.namer.take(preferred);
    const source = quoted(this.style, specifier);
    const { semicolon } = this.style;
    let text: string;
    if (this.style.module === 'cjs') {
      text = `const { ${name === exportName ? name : `${exportName}: ${name}`} } = require(${source})${semicolon}`;
    } else if (exportName === 'default') {
      text = `import ${name} from ${source}${semicolon}`;
    } else {
      text = `import { ${name === exportName ? name : `${exportName} as ${name}`} } from ${source}${semicolon}`;
    }
    this.scope.addImport(text);
    this.added.set(key, name);
    return name;
  }

  snapshot(): () => void {
    const added = new Map(this.added);
    return () => {
      this.added = added;
    };
  }
}
