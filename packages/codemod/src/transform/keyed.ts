// `--keyed`: a construction whose options read per-call values gets one instance per distinct
// tuple of those values, in a module-level Map — one pool per tenant, proxy or origin, never one
// pool shared across them. Keys must be plain values (an option value, part of a string, a
// connection string): keying by a per-call object would never hit and only grow.
import { isTransparentWrapper, staticKeyName, uniqueName, walk, type Node } from '@reuse-clients/core';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Edit } from './edits.js';
import { capitalize, type Namer } from './naming.js';
import type { PerCallRead } from './reads.js';
import type { FileStyle } from './style.js';

export interface CacheKey {
  /** The expression read at the call site (`tenant.cert`). */
  text: string;
  /** The cache function's parameter that replaces it inside the construction. */
  param: string;
  type: string | undefined;
  ranges: [number, number][];
}

/** The keys a construction's per-call reads give, or why they cannot key a cache. */
export function cacheKeys(reads: readonly PerCallRead[], text: string, namer: Namer, typescript: boolean): { keys: CacheKey[] } | { reason: string } {
  const keys: CacheKey[] = [];
  for (const read of reads) {
    const chain = keyChain(read.identifier);
    const keyText = text.slice(chain.range[0], chain.range[1]);
    let key = keys.find((candidate) => candidate.text === keyText);
    if (!key) {
      const param = chain === read.identifier ? read.identifier.name : namer.take(camelChain(keyText));
      key = { text: keyText, param, type: keyType(read.variable.defs[0], chain, text), ranges: [] };
      keys.push(key);
    }
    key.ranges.push([chain.range[0], chain.range[1]]);
    if (!readAsValue(chain, key.type) && !plainByEvidence(read, chain, text)) {
      return { reason: `its options pass \`${keyText}\` as it is, and nothing shows it is a plain value (a string, number or boolean) rather than a per-call object: a cache keyed by an object would never hit and only grow` };
    }
  }
  const untyped = keys.find((key) => !key.type);
  if (typescript && untyped) return { reason: `its cache key \`${untyped.text}\` has no declared type to key the cache with` };
  return { keys };
}

/** Inside the cached construction, each key expression becomes the cache function's parameter. */
export function keyReplacements(keys: readonly CacheKey[], text: string): Edit[] {
  return keys.flatMap((key) => key.ranges.filter(([start, end]) => text.slice(start, end) !== key.param).map(([start, end]) => ({ start, end, text: key.param })));
}

export interface CacheDeclaration {
  name: string;
  map: string;
  base: string;
  keys: readonly CacheKey[];
  construction: string;
  /** Names the construction reads: the cache function's locals must not shadow them. */
  reads: readonly string[];
  instanceType: string | undefined;
}

/** `const xsByKey = new Map(); function xFor(key) { … }` in the file's style. */
export function cacheDeclarationText(declaration: CacheDeclaration, style: FileStyle): string {
  const { name, map, base, keys, construction, instanceType } = declaration;
  const { typescript, indent, semicolon, newline } = style;
  const single = keys.length === 1;
  const used = new Set([...declaration.reads, ...keys.map((key) => key.param), name, map]);
  const local = uniqueName(base, used);
  const keyName = single ? keys[0]!.param : uniqueName('key', used);
  const mapTypes = typescript ? `<${single ? keys[0]!.type : 'string'}, ${instanceType}>` : '';
  const params = keys.map((key) => (typescript ? `${key.param}: ${key.type}` : key.param)).join(', ');
  return [
    `const ${map} = new Map${mapTypes}()${semicolon}`,
    `function ${name}(${params}) {`,
    ...(single ? [] : [`${indent}const ${keyName} = JSON.stringify([${keys.map((key) => key.param).join(', ')}])${semicolon}`]),
    `${indent}let ${local} = ${map}.get(${keyName})${semicolon}`,
    `${indent}if (!${local}) {`,
    `${indent}${indent}${local} = ${construction}${semicolon}`,
    `${indent}${indent}${map}.set(${keyName}, ${local})${semicolon}`,
    `${indent}}`,
    `${indent}return ${local}${semicolon}`,
    '}',
  ].join(newline);
}

export function cacheMapName(base: string, keys: readonly CacheKey[]): string {
  const plural = /[sx]$/.test(base) ? `${base}Instances` : `${base}s`;
  return `${plural}By${keys.length === 1 ? capitalize(keys[0]!.param) : 'Key'}`;
}

/** `tenant.tls.cert` read from a per-call `tenant`: the longest static member chain, short of a call. */
function keyChain(identifier: TSESTree.Identifier): Node {
  let node: Node = identifier;
  for (;;) {
    const parent: Node | undefined = node.parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.computed) return node;
    const grand: Node | undefined = parent.parent;
    if (grand?.type === 'CallExpression' && grand.callee === parent) return node;
    node = parent;
  }
}

const PRIMITIVE_TYPE = /^(?:string|number|boolean|bigint|'[^']*'|"[^"]*"|\d+)(?:\s*\|\s*(?:string|number|boolean|bigint|'[^']*'|"[^"]*"|\d+|undefined|null))*$/;

/**
 * Is a cache key used as a plain value (an option's value, part of a string, an origin), so that
 * keying by it means one instance per distinct value? A declared primitive type settles it.
 */
function readAsValue(chain: Node, type: string | undefined): boolean {
  if (type && PRIMITIVE_TYPE.test(type.trim())) return true;
  let node = chain;
  while (node.parent && (isTransparentWrapper(node.parent) || node.parent.type === 'LogicalExpression' || node.parent.type === 'ConditionalExpression')) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'Property' && parent.value === node) return true;
  if (parent.type === 'TemplateLiteral' || parent.type === 'BinaryExpression') return true;
  // `new Pool(origin, …)`, `new URL(url)`, `String(x)`: a leading string argument.
  if ((parent.type === 'NewExpression' || parent.type === 'CallExpression') && parent.arguments[0] === node && parent.arguments.length > 1) return true;
  if ((parent.type === 'NewExpression' || parent.type === 'CallExpression') && parent.arguments[0] === node) {
    // `new Redis(url)`, `new MongoClient(uri)`, `new Pool(origin)`: a connection string by its name.
    const name = chain.type === 'MemberExpression' ? staticKeyName(chain.property, chain.computed) : chain.type === 'Identifier' ? chain.name : undefined;
    return (parent.callee.type === 'Identifier' && /^(?:URL|String|Number)$/.test(parent.callee.name)) || /(?:url|uri|origin|host|hostname|dsn|connectionString|endpoint|address)$/i.test(name ?? '');
  }
  return false;
}

/**
 * A key the code itself shows to be a string, number or boolean: declared from one (`= 'eu'`,
 * `= a === b`, `= !x`, `String(x)`, a parameter default), or used as one elsewhere (compared with a
 * literal, put in a template, a string method called on it).
 */
function plainByEvidence(read: PerCallRead, chain: Node, text: string): boolean {
  const definition = read.variable.defs[0];
  if (chain === read.identifier && definition) {
    const declared = definition.node.type === 'VariableDeclarator' && definition.node.id === definition.name ? definition.node.init : undefined;
    const parameterDefault = definition.name.parent?.type === 'AssignmentPattern' && definition.name.parent.left === definition.name ? definition.name.parent.right : undefined;
    const source = declared ?? parameterDefault;
    if (source && isPlainExpression(source)) return true;
  }
  const chainText = text.slice(chain.range[0], chain.range[1]);
  return read.variable.references.some((reference) => {
    let node: Node = reference.identifier as Node;
    while (node.parent?.type === 'MemberExpression' && node.parent.object === node && text.slice(node.parent.range[0], node.parent.range[1]).length <= chainText.length) node = node.parent;
    return text.slice(node.range[0], node.range[1]) === chainText && usedAsPlainValue(node);
  });
}

const COMPARISON = new Set(['===', '!==', '==', '!=']);
const STRING_METHODS = new Set(['toLowerCase', 'toUpperCase', 'trim', 'startsWith', 'endsWith', 'split', 'padStart', 'padEnd', 'localeCompare']);

function isPlainExpression(node: Node): boolean {
  if (node.type === 'Literal') return typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean';
  if (node.type === 'TemplateLiteral') return true;
  if (node.type === 'UnaryExpression') return node.operator === '!' || node.operator === 'typeof';
  if (node.type === 'BinaryExpression') return COMPARISON.has(node.operator) || ['<', '>', '<=', '>=', 'in', 'instanceof'].includes(node.operator);
  if (node.type === 'CallExpression') return node.callee.type === 'Identifier' && /^(?:String|Number|Boolean)$/.test(node.callee.name);
  if (node.type === 'ConditionalExpression') return isPlainExpression(node.consequent) && isPlainExpression(node.alternate);
  return false;
}

function usedAsPlainValue(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'TemplateLiteral') return true;
  if (parent.type === 'BinaryExpression' && COMPARISON.has(parent.operator)) {
    const other = parent.left === node ? parent.right : parent.left;
    return other.type === 'Literal' && other.value !== null || other.type === 'TemplateLiteral';
  }
  if (parent.type === 'MemberExpression' && parent.object === node && !parent.computed && parent.property.type === 'Identifier') {
    return STRING_METHODS.has(parent.property.name) && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent;
  }
  return false;
}

export function identifiersIn(node: Node): string[] {
  const names: string[] = [];
  walk(node, (inner) => {
    if (inner.type === 'Identifier') {
      const parent = inner.parent;
      const isKey = (parent?.type === 'Property' && parent.key === inner && !parent.computed) || (parent?.type === 'MemberExpression' && parent.property === inner && !parent.computed);
      if (!isKey) names.push(inner.name);
    }
  });
  return names;
}

function camelChain(text: string): string {
  return text.split('.').map((part, index) => (index === 0 ? part : capitalize(part))).join('');
}

/** The type of a literal initialiser: `const host = \`api.${region}\`` is a string. */
function literalType(init: Node): string | undefined {
  if (init.type === 'TemplateLiteral') return 'string';
  if (init.type === 'Literal') return typeof init.value === 'string' ? 'string' : typeof init.value === 'number' ? 'number' : typeof init.value === 'boolean' ? 'boolean' : undefined;
  return undefined;
}

/** The declared type of a key: the annotation of its parameter or variable, indexed along the chain. */
function keyType(definition: { type: string; name: Node; node: Node } | undefined, chain: Node, text: string): string | undefined {
  if (!definition) return undefined;
  const name = definition.name as TSESTree.Identifier;
  const annotation = name.typeAnnotation?.typeAnnotation;
  const declarator = definition.node.type === 'VariableDeclarator' && definition.node.id === name ? definition.node : undefined;
  const base = annotation ? text.slice(annotation.range[0], annotation.range[1]) : declarator?.init ? literalType(declarator.init) : undefined;
  if (!base) return undefined;
  const path: string[] = [];
  for (let node: Node = chain; node.type === 'MemberExpression'; node = node.object) path.unshift((node.property as TSESTree.Identifier).name);
  return path.length === 0 ? base : `${/^[\w$.]+$/.test(base) ? base : `(${base})`}${path.map((part) => `[${JSON.stringify(part).replace(/"/g, "'")}]`).join('')}`;
}

