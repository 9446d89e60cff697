// Which per-call constructions can import an instance another file already shares, instead of
// the fix building a second one next to them. Only when that is certainly the same client:
//   - the same construction (catalog export or project factory) with the same arguments, and
//     arguments that are constants (a name would be a different binding in each file);
//   - the instance is a module-level `const`, exported in a module system the fixed file can
//     import from, and nothing configures it after construction (interceptors, middleware,
//     assigned members) — reusing it would hand those settings to new callers;
//   - the exporting module does not import the fixed file, directly or not: in an import cycle
//     the instance may not exist yet when the fixed file first runs;
//   - a specifier written in the fixed file resolves back to the exporting file.
import path from 'node:path';
import { contains, resolveName, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isTypeScriptPath } from '../transform/parse.js';
import type { ReusableInstance } from './catalog-data.js';
import { constructionIdentity } from './construction-identity.js';
import type { AnalysedFile, ProjectPass } from './project-pass.js';
import type { SharedInstance } from './shared-instances.js';

/** Members whose use configures a client for everyone who holds it. */
const CONFIGURING_MEMBERS = new Set(['defaults', 'interceptors', 'middlewareStack', 'use', '$use', '$on', '$extends', 'on', 'once', 'addListener', 'prependListener', 'setMaxListeners']);
const CONFIGURING_TEXT = /\.\s*(?:defaults|interceptors|middlewareStack|\$use|\$on|\$extends)\b/;

/** Absolute file path → the constructions there that can import an existing instance. */
export function findReusableInstances(pass: ProjectPass, shared: readonly SharedInstance[]): Record<string, ReusableInstance[]> {
  const candidates = shared.filter((instance) => instance.identity !== undefined && instance.exportName !== undefined && !isConfigured(pass, instance));
  const result: Record<string, ReusableInstance[]> = {};
  if (candidates.length === 0) return result;
  for (const file of pass.files.values()) {
    for (const finding of file.analysis.findings) {
      if (finding.rule === 'require-keep-alive' || finding.messageId === 'defaultPerCall') continue;
      const node = finding.node;
      if ((node.type !== 'NewExpression' && node.type !== 'CallExpression') || !constantArguments(node)) continue;
      const identity = constructionIdentity(pass, file, finding.analysis, node);
      if (identity === undefined) continue;
      for (const instance of candidates) {
        if (instance.identity !== identity || instance.file === file.path || dependsOn(pass, instance.file, file.path)) continue;
        const specifier = specifierFor(pass, file, instance.file);
        if (!specifier) continue;
        (result[file.path] ??= []).push({
          start: node.range[0],
          end: node.range[1],
          text: file.parsed.text.slice(node.range[0], node.range[1]),
          exportName: instance.exportName!,
          specifier,
          form: instance.exportForm!,
          file: instance.file,
          line: instance.line,
          name: instance.name,
        });
        break;
      }
    }
  }
  return result;
}

/** Literals, and objects and arrays of them: values that mean the same in every file. */
function constantArguments(node: TSESTree.NewExpression | TSESTree.CallExpression): boolean {
  return node.arguments.every((argument) => argument.type !== 'SpreadElement' && isConstant(argument));
}

function isConstant(node: TSESTree.Node): boolean {
  switch (node.type) {
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'UnaryExpression':
      return (node.operator === '-' || node.operator === '+' || node.operator === '!') && isConstant(node.argument);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return isConstant(node.expression);
    case 'ArrayExpression':
      return node.elements.every((element) => element !== null && element.type !== 'SpreadElement' && isConstant(element));
    case 'ObjectExpression':
      return node.properties.every((property) => property.type === 'Property' && !property.computed && !property.method && !property.shorthand && property.kind === 'init' && isConstant(property.value));
    default:
      return false;
  }
}

/** Does the instance's own file, or a file importing it, configure clients after construction? */
function isConfigured(pass: ProjectPass, instance: SharedInstance): boolean {
  const home = pass.files.get(instance.file);
  if (!home) return true;
  const variable = resolveName(home.parsed.scopeManager, instance.id, instance.name);
  if (!variable) return true;
  for (const reference of variable.references) {
    const identifier = reference.identifier as Node;
    if (identifier === instance.id || (instance.exportStatement && contains(instance.exportStatement as Node, identifier))) continue;
    // Anything but `x.method(…)` / `x.member` reads — passed along, aliased, configured — may
    // configure it somewhere we do not look: the instance then stays its file's own.
    const parent = identifier.parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== identifier) return true;
    const member = !parent.computed && parent.property.type === 'Identifier' ? parent.property.name : undefined;
    if (member === undefined || CONFIGURING_MEMBERS.has(member) || assignedThrough(parent)) return true;
  }
  // Importers are not all parsed; any text in them that could configure a client keeps this one private.
  return pass.importersOf(instance.file).some((importer) => CONFIGURING_TEXT.test(importer.text));
}

/** `x.a = …`, `x.a.b = …`, `x.a++`, `delete x.a`. */
function assignedThrough(member: TSESTree.MemberExpression): boolean {
  let node: Node = member;
  while (node.parent?.type === 'MemberExpression' && node.parent.object === node) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression' && parent.left === node) return true;
  if (parent.type === 'UpdateExpression') return true;
  return parent.type === 'UnaryExpression' && parent.operator === 'delete';
}

/** Does `from` import `to`, directly or through other project files? */
function dependsOn(pass: ProjectPass, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.pop()!;
    for (const { target } of pass.importsOf(current)) {
      if (target === to) return true;
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return false;
}

/**
 * The specifier `file` should write for `target`: the one it already uses for that module, else a
 * relative path in the file's own habit (with or without extension; the project's module
 * resolution decides when the file has no relative import), accepted only if it resolves back.
 */
function specifierFor(pass: ProjectPass, file: AnalysedFile, target: string): string | undefined {
  const imports = pass.importsOf(file.path);
  const existing = imports.find((entry) => entry.target === target);
  if (existing) return existing.specifier;
  let relative = path.relative(path.dirname(file.path), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const bare = relative.replace(/\.[cm]?[jt]sx?$/i, '');
  const emitted = bare + emittedExtension(target);
  const relativeSpecifiers = imports.map((entry) => entry.specifier).filter((specifier) => specifier.startsWith('.'));
  const withExtension =
    relativeSpecifiers.length > 0 ? relativeSpecifiers.some((specifier) => /\.[cm]?[jt]sx?$/i.test(specifier)) : pass.modules.extensionsRequired || !isTypeScriptPath(file.path);
  const order = withExtension ? [emitted, bare] : [bare, emitted];
  return order.find((specifier) => pass.modules.resolve(specifier, file.path) === target);
}

/** The extension the module has once compiled: `aws.ts` is imported as `./aws.js`. */
function emittedExtension(file: string): string {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.mts' || extension === '.mjs') return '.mjs';
  if (extension === '.cts' || extension === '.cjs') return '.cjs';
  return '.js';
}
