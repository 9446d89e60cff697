// Parsing exactly the way the ESLint rules see a file: typescript-estree for the tree and
// @typescript-eslint/scope-manager for scopes, so core's detector finds the same sites here as in
// the editor. JSX is on for every extension that may hold it, off for .ts (where `<T>x` is a cast).
import type { ScopeManagerLike } from '@reuse-clients/core';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export interface ParsedFile {
  ast: TSESTree.Program;
  scopeManager: ScopeManagerLike;
  /** The source without its byte-order mark: every range points into this text. */
  text: string;
  bom: string;
  isTypeScript: boolean;
}

const BOM = '\uFEFF';

export function isTypeScriptPath(filePath: string): boolean {
  return /\.(?:[mc]?ts|tsx)$/i.test(filePath);
}

export function jsxEnabled(filePath: string): boolean {
  return !/\.[mc]?ts$/i.test(filePath);
}

export function sourceTypeOf(ast: TSESTree.Program, filePath: string): 'module' | 'script' {
  if (/\.cjs$/i.test(filePath)) return 'script';
  const hasModuleSyntax = ast.body.some(
    (statement) =>
      statement.type === 'ImportDeclaration' ||
      statement.type === 'ExportNamedDeclaration' ||
      statement.type === 'ExportDefaultDeclaration' ||
      statement.type === 'ExportAllDeclaration' ||
      statement.type === 'TSExportAssignment',
  );
  return hasModuleSyntax ? 'module' : 'script';
}

/**
 * A fix run may parse a file three times in one thread: the check whether the project pass is worth
 * running, the pass, and the transform. Trees are never changed after parsing, so the last few are
 * kept, by path and exact text, within a bound on the text they hold.
 */
const recent = new Map<string, { source: string; parsed: ParsedFile }>();
const RECENT_TEXT_LIMIT = 16 * 1024 * 1024;
let recentText = 0;

/** Throws on a syntax error; the engine reports the file as failed. */
export function parseFile(source: string, filePath: string): ParsedFile {
  const known = recent.get(filePath);
  if (known?.source === source) return known.parsed;
  const parsed = parseUncached(source, filePath);
  if (known) {
    recent.delete(filePath);
    recentText -= known.source.length;
  }
  if (source.length <= RECENT_TEXT_LIMIT / 4) {
    recent.set(filePath, { source, parsed });
    recentText += source.length;
    for (const [oldest, entry] of recent) {
      if (recentText <= RECENT_TEXT_LIMIT) break;
      recent.delete(oldest);
      recentText -= entry.source.length;
    }
  }
  return parsed;
}

function parseUncached(source: string, filePath: string): ParsedFile {
  const bom = source.startsWith(BOM) ? BOM : '';
  const text = bom ? source.slice(1) : source;
  const jsx = jsxEnabled(filePath);
  const ast = parse(text, { range: true, loc: true, comment: true, tokens: true, jsx });
  setParents(ast);
  const scopeManager = analyze(ast, { sourceType: sourceTypeOf(ast, filePath), jsxPragma: jsx ? 'React' : null }) as unknown as ScopeManagerLike;
  return { ast, scopeManager, text, bom, isTypeScript: isTypeScriptPath(filePath) };
}

function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
}
