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
  line: number;
  column: number;
  identity: string;
}

export function findSharedInstances(pass: ProjectPass): SharedInstance[] {
  const found: SharedInstance[] = [];
  for (const file of pass.files.values()) {
    for (const site of file.analysis.sites) {
      const declarator = moduleConstant(site);
      if (!declarator || declarator.id.type !== 'Identifier') continue;
      const name = declarator.id.name;
      found.push({
        file: file.path,
        name,
        construct: site.site.construct,
        exported: isExported(file.parsed.ast, declarator, name),
        line: declarator.id.loc.start.line,
        column: declarator.id.loc.start.column + 1,
        identity: constructionIdentity(pass, file, site),
      });
    }
  }
  return found;
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

/** `export const x`, `export { x }`, `module.exports = { x }`, `exports.x = x`. */
function isExported(program: TSESTree.Program, declarator: TSESTree.VariableDeclarator, name: string): boolean {
  if (declarator.parent?.parent?.type === 'ExportNamedDeclaration') return true;
  return program.body.some((statement) => {
    if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      return statement.specifiers.some((specifier) => specifier.local.type === 'Identifier' && specifier.local.name === name);
    }
    if (statement.type === 'ExportDefaultDeclaration') return statement.declaration.type === 'Identifier' && statement.declaration.name === name;
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') return false;
    const { left, right } = statement.expression;
    const target = left.type === 'MemberExpression' ? left : undefined;
    const exportsObject = target && ((target.object.type === 'Identifier' && target.object.name === 'exports') || (target.object.type === 'MemberExpression' && target.object.object.type === 'Identifier' && target.object.object.name === 'module'));
    const moduleExports = left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module';
    if (exportsObject && right.type === 'Identifier' && right.name === name) return true;
    return moduleExports && right.type === 'ObjectExpression' && right.properties.some((property) => property.type === 'Property' && property.value.type === 'Identifier' && property.value.name === name);
  });
}
