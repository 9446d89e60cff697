// Module-level instances that already exist: `export const s3 = new S3Client(config)`. A fix of
// the same construction elsewhere should import this one rather than create a second pool.
import { isTransparentWrapper, type Node, type SiteAnalysis } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { constructionIdentity } from './construction-identity.js';
import type { ProjectPass } from './project-pass.js';

export interface SharedInstance {
  file: string;
  name: string;
  /** `new S3Client()`, or the factory call that builds it: `createCatalogClient()`. */
  construct: string;
  exported: boolean;
  /** How other modules name it: `s3` for `export const s3`/`exports.s3 = s3`, `default`; undefined when not exported. */
  exportName: string | undefined;
  /** ESM exports are imported, CommonJS ones required: a fix only crosses within one system. */
  exportForm: 'esm' | 'cjs' | undefined;
  line: number;
  column: number;
  identity: string | undefined;
  /** The declared name's node in its file's tree. */
  id: TSESTree.Identifier;
  /** The statement that exports it (`export { s3 }`, `module.exports = { s3 }`), when that is not the declaration. */
  exportStatement: TSESTree.Node | undefined;
}

export function findSharedInstances(pass: ProjectPass): SharedInstance[] {
  const found: SharedInstance[] = [];
  for (const file of pass.files.values()) {
    for (const site of file.analysis.sites) {
      const declarator = moduleConstant(site);
      if (!declarator || declarator.id.type !== 'Identifier') continue;
      const name = declarator.id.name;
      const exported = exportOf(file.parsed.ast, declarator, name);
      found.push({
        file: file.path,
        name,
        construct: site.site.construct,
        exported: exported !== undefined,
        exportName: exported?.name,
        exportForm: exported?.form,
        line: declarator.id.loc.start.line,
        column: declarator.id.loc.start.column + 1,
        identity: constructionIdentity(pass, file, site),
        id: declarator.id,
        exportStatement: exported?.statement,
      });
    }
  }
  return found;
}

/** Is this site a module-level constant that other files can import (so a fix there may reuse it)? */
export function isExportedInstance(site: SiteAnalysis, program: TSESTree.Program): boolean {
  const declarator = moduleConstant(site);
  return declarator?.id.type === 'Identifier' && exportOf(program, declarator, declarator.id.name) !== undefined;
}

/** `const x = <construction>` (or `await …`) as a statement of the module itself. */
function moduleConstant(site: SiteAnalysis): TSESTree.VariableDeclarator | undefined {
  if (site.frequency.kind !== 'once' || site.nestedIn || site.inlineSlot) return undefined;
  let node: Node = site.site.node;
  while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'AwaitExpression')) node = node.parent;
  const declarator = node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== node) return undefined;
  const declaration = declarator.parent;
  if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') return undefined;
  const statement = declaration.parent?.type === 'ExportNamedDeclaration' ? declaration.parent : declaration;
  return statement.parent?.type === 'Program' ? declarator : undefined;
}

/** `export const x`, `export { x as y }`, `export default x`, `module.exports = { x }`, `exports.x = x`: the name and the module system. */
function exportOf(program: TSESTree.Program, declarator: TSESTree.VariableDeclarator, name: string): { name: string; form: 'esm' | 'cjs'; statement?: TSESTree.Node } | undefined {
  if (declarator.parent?.parent?.type === 'ExportNamedDeclaration') return { name, form: 'esm' };
  for (const statement of program.body) {
    if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      const specifier = statement.specifiers.find((candidate) => candidate.local.type === 'Identifier' && candidate.local.name === name && statement.exportKind !== 'type' && candidate.exportKind !== 'type');
      if (specifier) return { name: specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value), form: 'esm', statement };
    }
    if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'Identifier' && statement.declaration.name === name) return { name: 'default', form: 'esm', statement };
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression' || statement.expression.operator !== '=') continue;
    const { left, right } = statement.expression;
    if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') continue;
    const onExports = isIdentifier(left.object, 'exports') || (left.object.type === 'MemberExpression' && isIdentifier(left.object.object, 'module') && !left.object.computed && isIdentifier(left.object.property, 'exports'));
    if (onExports && isIdentifier(right, name)) return { name: left.property.name, form: 'cjs', statement };
    const moduleExports = isIdentifier(left.object, 'module') && left.property.name === 'exports';
    if (moduleExports && right.type === 'ObjectExpression') {
      for (const property of right.properties) {
        if (property.type === 'Property' && !property.computed && property.kind === 'init' && isIdentifier(property.value, name)) {
          const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
          if (key !== undefined) return { name: key, form: 'cjs', statement };
        }
      }
    }
  }
  return undefined;
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  return node.type === 'Identifier' && node.name === name;
}
