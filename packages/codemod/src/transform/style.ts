// The file's own conventions, so inserted code looks like the code around it: newline, indentation
// unit, quotes, semicolons, `node:` prefix and ESM vs CommonJS.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export interface FileStyle {
  newline: string;
  indent: string;
  quote: string;
  semicolon: string;
  nodePrefix: boolean;
  module: 'esm' | 'cjs';
  /** `import * as x` for builtins when the file already does so, else a default import. */
  namespaceImports: boolean;
  typescript: boolean;
}

const BUILTINS = new Set(['http', 'https', 'net', 'tls', 'fs', 'path', 'url', 'os', 'crypto', 'util', 'stream', 'events', 'child_process', 'zlib', 'dns', 'buffer', 'assert', 'querystring', 'timers', 'worker_threads', 'process', 'readline', 'module']);

export function detectStyle(text: string, ast: TSESTree.Program, typescript: boolean, sourceType: 'module' | 'script'): FileStyle {
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  const indentMatch = /^(\t+|[ ]{2,})\S/m.exec(text);
  const indent = indentMatch ? (indentMatch[1]!.startsWith('\t') ? '\t' : indentMatch[1]!.length >= 4 && indentMatch[1]!.length % 4 === 0 && !/^ {2}\S/m.test(text) ? '    ' : '  ') : '  ';
  const specifiers = moduleSpecifiers(ast);
  const firstRaw = specifiers[0]?.raw ?? '';
  const quote = firstRaw.startsWith('"') ? '"' : "'";
  const builtins = specifiers.filter((specifier) => BUILTINS.has(specifier.value.replace(/^node:/, '')));
  const nodePrefix = builtins.length === 0 ? true : builtins.some((specifier) => specifier.value.startsWith('node:'));
  const hasEsm = ast.body.some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export'));
  const module = hasEsm || (sourceType === 'module' && !/\brequire\s*\(/.test(text)) ? 'esm' : 'cjs';
  const namespaceImports = ast.body.some(
    (statement) => statement.type === 'ImportDeclaration' && statement.specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier') && BUILTINS.has(statement.source.value.replace(/^node:/, '')),
  );
  const statements = ast.body.filter((statement) => statement.type === 'ImportDeclaration' || statement.type === 'VariableDeclaration' || statement.type === 'ExpressionStatement');
  const withSemicolon = statements.filter((statement) => text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';')).length;
  const semicolon = statements.length === 0 || withSemicolon * 2 >= statements.length ? ';' : '';
  return { newline, indent, quote, semicolon, nodePrefix, module, namespaceImports, typescript };
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
