// Real library code has almost no per-call clients, so on its own the sweep would prove little
// about the codemod's rewrites. Seeding plants a few per-call sites into each real file — a
// per-call `https.Agent` and a default-axios request at the start of some of its function bodies,
// with the imports they need — so the transform has to place hoisted instances, add imports, name
// things and edit text around code no one here wrote. Deterministic: same file, same seeds.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = fileURLToPath(new URL('../../', import.meta.url));
const fromCodemod = createRequire(path.join(workspaceRoot, 'packages/codemod/package.json'));
const { parse } = fromCodemod('@typescript-eslint/typescript-estree');
const { visitorKeys } = fromCodemod('@typescript-eslint/visitor-keys');

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const MAX_SEEDED_FUNCTIONS = 3;
const SITES = [
  "__sweepHttps.get('https://sweep.invalid/', { agent: new __sweepHttps.Agent({ keepAlive: true }) });",
  "__sweepAxios.get('https://sweep.invalid/');",
];

/** The seeded source, or null when the file has no function body to seed (or does not parse). */
export function seedSource(source, filePath) {
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = source.slice(bom.length);
  let ast;
  try {
    ast = parse(text, { range: true, jsx: !/\.[cm]?ts$/.test(filePath) });
  } catch {
    return null;
  }
  const bodies = functionBodies(ast);
  if (bodies.length === 0) return null;
  // First, middle and last function: spread over the file, stable across runs.
  const picked = [...new Set([0, Math.floor(bodies.length / 2), bodies.length - 1])].slice(0, MAX_SEEDED_FUNCTIONS).map((index) => bodies[index]);
  const insertions = picked.map((body, index) => ({ at: afterDirectives(body), text: ` ${SITES[index % SITES.length]} ` }));
  insertions.push({ at: importPosition(ast, text), text: importsFor(ast, text) });
  let seeded = text;
  for (const { at, text: inserted } of insertions.sort((a, b) => b.at - a.at)) seeded = seeded.slice(0, at) + inserted + seeded.slice(at);
  return bom + seeded;
}

function functionBodies(ast) {
  const bodies = [];
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (FUNCTIONS.has(node.type) && node.body?.type === 'BlockStatement') bodies.push(node.body);
    for (const key of visitorKeys[node.type] ?? []) {
      const value = node[key];
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') stack.push(child);
    }
  }
  return bodies.sort((a, b) => a.range[0] - b.range[0]);
}

/** Inside the body, after its `{` and any 'use strict'-like directives (they must stay first). */
function afterDirectives(body) {
  let at = body.range[0] + 1;
  for (const statement of body.body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) break;
    at = statement.range[1];
  }
  return at;
}

function isModule(ast) {
  return ast.body.some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export') || statement.type === 'TSExportAssignment');
}

function importsFor(ast, text) {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = isModule(ast)
    ? ["import __sweepHttps from 'node:https';", "import __sweepAxios from 'axios';"]
    : ["const __sweepHttps = require('node:https');", "const __sweepAxios = require('axios');"];
  return `${newline}${lines.join(newline)}${newline}`;
}

/** After the last import (ESM) or the top-level directives (and a shebang, which the parser skips). */
function importPosition(ast, text) {
  let at = text.startsWith('#!') ? text.indexOf('\n') : 0;
  if (at === -1) at = text.length;
  for (const statement of ast.body) {
    if (statement.type === 'ImportDeclaration' || (statement.type === 'ExpressionStatement' && statement.directive !== undefined)) at = statement.range[1];
    else if (!isModule(ast)) break;
  }
  return at;
}
