// The file's own conventions, so inserted code looks like the code around it: newline, indentation
// unit, quotes, semicolons, `node:` prefix and ESM vs CommonJS, within what the file's Node target
// and TypeScript settings allow (environment.ts).
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { UNKNOWN_ENVIRONMENT, type FileEnvironment } from './environment.js';
import type { TargetSyntax } from './target-syntax.js';

export interface FileStyle {
  newline: string;
  indent: string;
  quote: string;
  semicolon: string;
  nodePrefix: boolean;
  module: 'esm' | 'cjs';
  /** `import * as x` for builtins when the file already does so or its tsconfig allows no default import of them, else a default import. */
  namespaceImports: boolean;
  typescript: boolean;
  /** What the file's Node target runs. */
  syntax: TargetSyntax;
  /**
   * A TypeScript file without import/export is a script: its top-level names share one global
   * scope with every other script of the program, so new ones start with this file-unique prefix.
   */
  scriptPrefix: string | undefined;
}

const BUILTINS = new Set(['http', 'https', 'net', 'tls', 'fs', 'path', 'url', 'os', 'crypto', 'util', 'stream', 'events', 'child_process', 'zlib', 'dns', 'buffer', 'assert', 'querystring', 'timers', 'worker_threads', 'process', 'readline', 'module']);

export function detectStyle(text: string, ast: TSESTree.Program, typescript: boolean, sourceType: 'module' | 'script', environment: FileEnvironment = UNKNOWN_ENVIRONMENT): FileStyle {
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  const indentMatch = /^(\t+|[ ]{2,})\S/m.exec(text);
  const indent = indentMatch ? (indentMatch[1]!.startsWith('\t') ? '\t' : indentMatch[1]!.length >= 4 && indentMatch[1]!.length % 4 === 0 && !/^ {2}\S/m.test(text) ? '    ' : '  ') : '  ';
  const specifiers = moduleSpecifiers(ast);
  const firstRaw = specifiers[0]?.raw ?? '';
  const quote = firstRaw.startsWith('"') ? '"' : "'";
  const builtins = specifiers.filter((specifier) => BUILTINS.has(specifier.value.replace(/^node:/, '')));
  const hasEsm = ast.body.some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export'));
  const module = hasEsm || (sourceType === 'module' && !/\brequire\s*\(/.test(text)) ? 'esm' : 'cjs';
  // `node:` only where every targeted Node loads it: an import a compiler may turn into `require()` counts as one.
  const { syntax } = environment;
  const prefixRuns = module === 'esm' && environment.nativeEsm ? syntax.nodeSchemeImport : syntax.nodeSchemeRequire;
  const nodePrefix = builtins.length === 0 ? prefixRuns : builtins.some((specifier) => specifier.value.startsWith('node:'));
  const namespaceImports =
    (typescript && environment.typeScript !== undefined && !environment.typeScript.syntheticDefaultImports) ||
    ast.body.some(
      (statement) => statement.type === 'ImportDeclaration' && statement.specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier') && BUILTINS.has(statement.source.value.replace(/^node:/, '')),
    );
  const globalScript = typescript && sourceType === 'script' && !/\.[mc]ts$/i.test(environment.filePath ?? '') && !environment.typeScript?.everyFileIsModule && !ast.body.some((statement) => statement.type === 'TSImportEqualsDeclaration');
  const scriptPrefix = globalScript && environment.filePath ? scriptNamePrefix(environment.filePath, environment.root) : undefined;
  const statements = ast.body.filter((statement) => statement.type === 'ImportDeclaration' || statement.type === 'VariableDeclaration' || statement.type === 'ExpressionStatement');
  const withSemicolon = statements.filter((statement) => text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';')).length;
  const semicolon = statements.length === 0 || withSemicolon * 2 >= statements.length ? ';' : '';
  return { newline, indent, quote, semicolon, nodePrefix, module, namespaceImports, typescript, syntax, scriptPrefix };
}

/** `functions/orders/handler.ts` → `functionsOrdersHandler`: the file's path from its project root, as a name. */
export function scriptNamePrefix(filePath: string, root: string): string {
  const relative = path.relative(root, filePath).replace(/\.[^./\\]+$/, '');
  const words = relative.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  const name = words.map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  return /^[A-Za-z]/.test(name) ? name : `file${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function moduleSpecifiers(ast: TSESTree.Program): { value: string; raw: string }[] {
  const result: { value: string; raw: string }[] = [];
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration') result.push({ value: statement.source.value, raw: statement.source.raw });
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments[0]?.type === 'Literal' && typeof init.arguments[0].value === 'string') {
          result.push({ value: init.arguments[0].value, raw: init.arguments[0].raw });
        }
      }
    }
  }
  return result;
}

export function quoted(style: FileStyle, value: string): string {
  return `${style.quote}${value}${style.quote}`;
}
