// Generated code follows what lies around a file: its Node target (package.json `engines`) and its
// TypeScript settings (the nearest tsconfig.json, `extends` included). Each folder of
// fixtures/codemod-settings is a small project: `<name>.input.<ext>` is transformed as
// `<name>.<ext>` in that folder and must give `<name>.output.<ext>`; a second run changes nothing;
// the outputs typecheck together under the folder's own tsconfig with no diagnostic the inputs did
// not have (script files share one global scope there); and the outputs use no syntax newer than
// the oldest Node the folder targets runs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { transformFile } from '../../src/transform/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/codemod-settings');

interface SettingsFile {
  /** Where the transform believes the file lives. */
  filePath: string;
  input: string;
  output: string;
}

function filesOf(folder: string): SettingsFile[] {
  return readdirSync(folder)
    .map((name) => /^(?<base>.+)\.input\.(?<ext>[cm]?[jt]sx?)$/.exec(name)?.groups)
    .filter((groups): groups is { base: string; ext: string } => !!groups)
    .map(({ base, ext }) => ({
      filePath: path.join(folder, `${base}.${ext}`),
      input: readFileSync(path.join(folder, `${base}.input.${ext}`), 'utf8'),
      output: readFileSync(path.join(folder, `${base}.output.${ext}`), 'utf8'),
    }));
}

/**
 * Syntax a template might write, with the first Node release that runs it (node.green, Node
 * changelogs): checked on the output's JavaScript, so a TypeScript compiler's lowering does not hide it.
 */
const SYNTAX_SINCE: readonly { feature: string; node: [number, number]; found: (node: ts.Node) => boolean }[] = [
  { feature: 'logical assignment (`??=`, `||=`, `&&=`)', node: [15, 0], found: (node) => ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken].includes(node.operatorToken.kind) },
  { feature: 'nullish coalescing (`??`)', node: [14, 0], found: (node) => ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken },
  { feature: 'optional chaining (`?.`)', node: [14, 0], found: (node) => (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && !!node.questionDotToken },
  { feature: 'numeric separators (`4_000`)', node: [12, 5], found: (node) => ts.isNumericLiteral(node) && node.getText().includes('_') },
  { feature: 'class fields', node: [12, 0], found: (node) => ts.isPropertyDeclaration(node) },
  { feature: 'class static blocks', node: [16, 11], found: (node) => ts.isClassStaticBlockDeclaration(node) },
];

/** The oldest Node release the folder's package.json `engines.node` allows, as [major, minor]. */
function lowestNode(folder: string): [number, number] {
  const engines = (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const [, major, minor] = /(\d+)(?:\.(\d+))?/.exec(engines)!;
  return [Number(major), Number(minor ?? 0)];
}

/** The syntax of the file's JavaScript (types stripped, nothing lowered) that `node` cannot run. */
function syntaxNewerThan(file: SettingsFile, text: string, node: [number, number]): string[] {
  const javascript = ts.transpileModule(text, { fileName: file.filePath, compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.Preserve } }).outputText;
  const source = ts.createSourceFile('check.js', javascript, ts.ScriptTarget.ESNext, true);
  const tooNew = SYNTAX_SINCE.filter(({ node: [major, minor] }) => node[0] < major || (node[0] === major && node[1] < minor));
  const found = new Set<string>();
  const visit = (current: ts.Node): void => {
    for (const syntax of tooNew) if (syntax.found(current)) found.add(syntax.feature);
    ts.forEachChild(current, visit);
  };
  visit(source);
  return [...found];
}

/** lib.*.d.ts and @types/node, parsed once for every program of the file. */
const libraries = new Map<string, ts.SourceFile | undefined>();

/** Every diagnostic of the folder's TypeScript files, compiled together under its tsconfig. */
function diagnostics(folder: string, files: SettingsFile[], pick: (file: SettingsFile) => string): string[] {
  const configFile = path.join(folder, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, folder, undefined, configFile);
  const texts = new Map(files.filter((file) => /\.[cm]?tsx?$/.test(file.filePath)).map((file) => [file.filePath, pick(file)]));
  const host = ts.createCompilerHost(options, true);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => texts.has(name) || fileExists(name);
  host.readFile = (name) => texts.get(name) ?? readFile(name);
  host.getSourceFile = (name, version) => {
    if (texts.has(name)) return ts.createSourceFile(name, texts.get(name)!, version, true);
    const key = `${version}:${name}`;
    if (!libraries.has(key)) libraries.set(key, getSourceFile(name, version));
    return libraries.get(key);
  };
  const program = ts.createProgram([...texts.keys()], options, host);
  return [...texts.keys()].flatMap((name) => {
    const source = program.getSourceFile(name)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
      (diagnostic) => `${path.basename(name)} TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
    );
  });
}

const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(ROOT, entry.name));

describe('generated code follows the Node target and TypeScript settings', () => {
  it.each(folders.map((folder) => [path.basename(folder), folder] as const))('%s', (_name, folder) => {
    const files = filesOf(folder);
    expect(files.length).toBeGreaterThan(0);
    const node = lowestNode(folder);
    for (const file of files) {
      const result = transformFile(file.input, { keyed: false, filePath: file.filePath });
      expect(result.output ?? file.input, path.basename(file.filePath)).toBe(file.output);
      expect(result.left).toEqual([]);
      expect(transformFile(file.output, { keyed: false, filePath: file.filePath }).output).toBeNull();
      expect(syntaxNewerThan(file, file.output, node), `${path.basename(file.filePath)} runs on Node ${node.join('.')}`).toEqual([]);
    }
    if (files.some((file) => /\.[cm]?tsx?$/.test(file.filePath))) {
      const before = diagnostics(folder, files, (file) => file.input);
      const after = diagnostics(folder, files, (file) => file.output);
      expect(after.filter((diagnostic) => !before.includes(diagnostic))).toEqual([]);
    }
  });

  it('writes `node:` specifiers only where every targeted Node loads them', () => {
    // Default-axios calls move to an instance with keep-alive agents, imported from http and https.
    const source = "import axios from 'axios';\nexport const load = (url: string) => axios.get(url);\n";
    const imports = (folder: string) => (transformFile(source, { keyed: false, filePath: path.join(ROOT, folder, 'load.ts') }).output ?? '').split('\n').filter((line) => /^import .* from '(?:node:)?https?';$/.test(line));
    // Node 12.0 (`require('node:http')` needs 14.18 or 16): the bare name.
    expect(imports('node12-cjs')).toEqual(["import http from 'http';", "import https from 'https';"]);
    // Node 18 and later: the `node:` form; no esModuleInterop there, so namespace imports.
    expect(imports('ts-scripts')).toEqual(["import * as http from 'node:http';", "import * as https from 'node:https';"]);
  });
});
