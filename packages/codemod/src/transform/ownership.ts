// Constructions whose lifetime someone else decides, or that sharing would change: a client
// connected where it is built (`createClient().connect()`: a shared client must connect once), a
// single database connection (shared, every call would queue on it, and one that drops never comes
// back), and a construction registered in a DI container (the container owns its lifetime).
import { createCatalog, isFunction, isTransparentWrapper, memberPropertyName, ModuleResolver, propertyKeyName, unwrap, type CatalogSite, type Node } from '@reuse-clients/core';
import type { ParsedFile } from './parse.js';

/** Factories that open exactly one connection, with the pooled alternative to advise (mysql2 README, "Using connection pools"). */
const SINGLE_CONNECTION: readonly { module: string; path: readonly string[]; pooled: string }[] = [
  { module: 'mysql2', path: ['createConnection'], pooled: 'createPool()' },
  { module: 'mysql2/promise', path: ['createConnection'], pooled: 'createPool()' },
  { module: 'mysql', path: ['createConnection'], pooled: 'createPool()' },
];

/** DI registrations whose callback or class the container builds (awilix `asFunction`/`asClass`). */
const CONTAINER_REGISTRATIONS: readonly { module: string; path: readonly string[] }[] = [
  { module: 'awilix', path: ['asFunction'] },
  { module: 'awilix', path: ['asClass'] },
];

/** Provider shapes recognised in files importing the framework: NestJS `{ useFactory }`, inversify bindings. */
const CONTAINER_SHAPES: readonly { importPrefix: string; property?: string; methods?: readonly string[]; container: string }[] = [
  { importPrefix: '@nestjs/', property: 'useFactory', container: 'a NestJS provider (`useFactory`)' },
  { importPrefix: 'inversify', methods: ['toDynamicValue', 'toFactory', 'toProvider'], container: 'an inversify binding' },
];

/** Why the construction must stay where it is, if it must; `connectsOnce`: its `.connect()` chain becomes a cached connection (connect-once.ts). */
export function ownershipObstacle(node: Node, site: CatalogSite, parsed: ParsedFile, connectsOnce = false): string | undefined {
  return (connectsOnce ? undefined : connectedWhereBuilt(node)) ?? singleConnection(site) ?? containerRegistration(node, parsed);
}

function connectedWhereBuilt(node: Node): string | undefined {
  let current = node;
  while (current.parent && (isTransparentWrapper(current.parent) || current.parent.type === 'AwaitExpression')) current = current.parent;
  const member = current.parent;
  if (member?.type !== 'MemberExpression' || member.object !== current) return undefined;
  const method = memberPropertyName(member);
  if (method !== 'connect' || member.parent?.type !== 'CallExpression' || member.parent.callee !== member) return undefined;
  return 'it is connected where it is built (`.connect()`): a shared client must connect once, so it is left for a start-up connection or a cached connection promise';
}

function singleConnection(site: CatalogSite): string | undefined {
  const single = SINGLE_CONNECTION.find((entry) => entry.module === site.value.module && entry.path.join('.') === site.value.path.join('.'));
  if (!single) return undefined;
  return `\`${site.construct}\` opens one connection: shared, every call would queue on it and a dropped connection would not come back; use a module-level \`${single.pooled}\` instead`;
}

function containerRegistration(node: Node, parsed: ParsedFile): string | undefined {
  const imports = parsed.ast.body.flatMap((statement) => (statement.type === 'ImportDeclaration' ? [statement.source.value] : []));
  const requires = [...parsed.text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!);
  const modules = [...imports, ...requires];
  let resolver: ModuleResolver | undefined;
  for (let current: Node | undefined = node; current; current = current.parent) {
    const parent: Node | undefined = current.parent;
    if (!parent) break;
    if ((isFunction(current) || current.type === 'ClassExpression' || current.type === 'Identifier') && parent.type === 'CallExpression' && parent.arguments.includes(current as never)) {
      resolver ??= new ModuleResolver(parsed.scopeManager, createCatalog(), parsed.text);
      const value = resolver.valueOf(parent.callee);
      const registration = value && CONTAINER_REGISTRATIONS.find((entry) => entry.module === value.module && entry.path.join('.') === value.path.join('.'));
      if (registration && isFunction(current)) return `it is registered in a DI container (awilix \`${registration.path.join('.')}\`), which decides its lifetime`;
      const callee = unwrap(parent.callee);
      const method = callee.type === 'MemberExpression' ? memberPropertyName(callee) : undefined;
      const shape = method ? CONTAINER_SHAPES.find((entry) => entry.methods?.includes(method) && modules.some((module) => module.startsWith(entry.importPrefix))) : undefined;
      if (shape && isFunction(current)) return `it is registered in ${shape.container}, which decides its lifetime`;
    }
    if (isFunction(current) && parent.type === 'Property' && parent.value === current) {
      const key = propertyKeyName(parent);
      const shape = CONTAINER_SHAPES.find((entry) => entry.property === key && modules.some((module) => module.startsWith(entry.importPrefix)));
      if (shape) return `it is registered in ${shape.container}, which decides its lifetime`;
    }
  }
  return undefined;
}
