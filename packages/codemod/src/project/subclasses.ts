// A class that extends a client class builds the client too: its constructor must call
// `super()`. Core sees one file, so `class CachedCatalog extends CatalogClient` in another file
// (or the same one) is not a builder to it; ts-morph's `getBaseClass()` follows the `extends`
// clause through imports and re-exports.
import type { ClassDeclaration, SourceFile } from 'ts-morph';
import { builderKey, type ProjectBuilder } from './builders.js';

/** Subclasses of known class builders, declared in `files`, that are not builders yet. */
export function subclassBuilders(files: readonly SourceFile[], builders: ReadonlyMap<string, ProjectBuilder>): ProjectBuilder[] {
  const found: ProjectBuilder[] = [];
  for (const file of files) {
    for (const subclass of file.getClasses()) {
      if (!subclass.getExtends() || builders.has(builderKey(file.getFilePath(), subclass.getEnd()))) continue;
      const base = classBuilderOf(subclass.getBaseClass(), builders);
      if (!base) continue;
      const display = subclass.getName() ?? 'default';
      found.push({
        file: file.getFilePath(),
        kind: 'class',
        display,
        constructionKind: base.constructionKind,
        construct: base.construct,
        ...(base.why ? { why: base.why } : {}),
        chain: [{ display, file: file.getFilePath() }, ...base.chain],
        anchors: [{ end: subclass.getEnd(), memberPath: [] }],
      });
    }
  }
  return found;
}

function classBuilderOf(declaration: ClassDeclaration | undefined, builders: ReadonlyMap<string, ProjectBuilder>): ProjectBuilder | undefined {
  if (!declaration) return undefined;
  const builder = builders.get(builderKey(declaration.getSourceFile().getFilePath(), declaration.getEnd()));
  return builder?.kind === 'class' ? builder : undefined;
}
