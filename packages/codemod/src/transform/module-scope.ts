// New module-level code: imports and shared declarations. They are collected while planning and
// turned into insertions at the end, grouped by position, so that two sites with identical
// constant options share one declaration and imports always precede what uses them.
import { isImportLike, moduleInsertionOffset } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { afterTrailingComment } from './lines.js';
import type { FileStyle } from './style.js';

interface Insert {
  offset: number;
  /** At the top of the file (no imports to follow): the text goes before the first statement. */
  top: boolean;
  text: string;
  order: number;
}

export class ModuleScope {
  private inserts: Insert[] = [];
  private shared = new Map<string, string>();
  /** The file's own module-level constants, by sharing key: a fix reuses them. */
  private readonly ownConstants = new Map<string, { name: string; start: number; line: number }>();
  private sequence = 0;

  constructor(
    private readonly ast: TSESTree.Program,
    private readonly text: string,
    private readonly style: FileStyle,
    sharingKey: (text: string) => string,
    /** Where the last top-level statement configuring a client module or the process ends: declarations go below it. */
    private readonly configuredUntil = 0,
  ) {
    for (const statement of ast.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier' || declarator.id.typeAnnotation || !declarator.init) continue;
        const key = `const:${sharingKey(text.slice(declarator.init.range[0], declarator.init.range[1]))}`;
        if (!this.ownConstants.has(key)) this.ownConstants.set(key, { name: declarator.id.name, start: statement.range[0], line: statement.loc.start.line });
      }
    }
  }

  /** Where a declaration reading module bindings that exist after `after` goes (imports: `position(0, false)`). */
  position(after: number, belowConfiguration = true): { offset: number; top: boolean } {
    const offset = moduleInsertionOffset(this.ast, belowConfiguration ? Math.max(after, this.configuredUntil) : after);
    if (offset > 0) return { offset: afterTrailingComment(this.text, offset), top: false };
    const first = this.ast.body.find((statement) => !(statement.type === 'ExpressionStatement' && 'directive' in statement && statement.directive));
    if (first) return { offset: first.range[0], top: true };
    const last = this.ast.body[this.ast.body.length - 1];
    return last ? { offset: afterTrailingComment(this.text, last.range[1]), top: false } : { offset: this.text.length, top: true };
  }

  addImport(text: string): void {
    this.inserts.push({ ...this.position(0, false), text, order: -1_000_000 + this.sequence++ });
  }

  /** The file's own constant that `declare(key, …, usedBefore)` would return, if one exists and nothing declared it anew. */
  existing(key: string, usedBefore = Number.POSITIVE_INFINITY): { name: string; line: number } | undefined {
    if (this.shared.has(key)) return undefined;
    const existing = this.ownConstants.get(key);
    // One built above the configuration is not the one the site built below it.
    return existing && existing.start < usedBefore && existing.start >= this.configuredUntil ? existing : undefined;
  }

  /** Declares `text` (built from the chosen name) once per `key`; returns the name in use. */
  declare(key: string, after: number, name: () => string, text: (name: string) => string, usedBefore = Number.POSITIVE_INFINITY): string {
    const known = this.shared.get(key) ?? this.existing(key, usedBefore)?.name;
    if (known) return known;
    const chosen = name();
    this.shared.set(key, chosen);
    this.inserts.push({ ...this.position(after), text: text(chosen), order: this.sequence++ });
    return chosen;
  }

  snapshot(): () => void {
    const inserts = [...this.inserts];
    const shared = new Map(this.shared);
    return () => {
      this.inserts = inserts;
      this.shared = shared;
    };
  }

  edits(): Edit[] {
    const groups = new Map<string, Insert[]>();
    for (const insert of this.inserts) {
      const key = `${insert.offset}:${insert.top}`;
      groups.set(key, [...(groups.get(key) ?? []), insert]);
    }
    const { newline } = this.style;
    return [...groups.values()].map((group) => {
      const sorted = group.sort((a, b) => a.order - b.order);
      const { offset, top } = sorted[0]!;
      const imports = sorted.filter((insert) => insert.order < 0).map((insert) => insert.text);
      const declarations = sorted.filter((insert) => insert.order >= 0).map((insert) => insert.text);
      const body = joinDeclarations(declarations, newline);
      if (top) {
        const blocks = [imports.join(newline), body].filter((block) => block.length > 0);
        return { start: offset, end: offset, text: `${blocks.join(newline + newline)}${newline}${newline}` };
      }
      const importText = imports.map((line) => `${newline}${line}`).join('');
      // Declarations after the imports are set off from them by a blank line.
      const gap = declarations.length > 0 && (imports.length > 0 || this.needsGap(offset) || declarations[0]!.includes('\n')) ? newline : '';
      // A block (a lazy getter) is set off from a statement that follows right after it.
      const after = body.includes('\n') && /^\r?\n[ \t]*\S/.test(this.text.slice(offset)) ? newline : '';
      return { start: offset, end: offset, text: `${importText}${body ? `${newline}${gap}${body}${after}` : ''}` };
    });
  }

  /** After imports, a statement, or a multi-line declaration such as a class, a blank line reads better. */
  private needsGap(offset: number): boolean {
    const previous = [...this.ast.body].reverse().find((statement) => statement.range[1] <= offset);
    // A configuration call or assignment (`AWS.config.update(…)`) is not a declaration to line up with.
    return !!previous && (isImportLike(previous) || previous.type === 'ExpressionStatement' || this.text.slice(previous.range[0], previous.range[1]).includes('\n'));
  }
}

/** One-line declarations stay together; multi-line blocks are set off by blank lines. */
function joinDeclarations(declarations: string[], newline: string): string {
  let result = '';
  declarations.forEach((declaration, index) => {
    if (index > 0) {
      const blank = declaration.includes('\n') || declarations[index - 1]!.includes('\n');
      result += blank ? newline + newline : newline;
    }
    result += declaration;
  });
  return result;
}

