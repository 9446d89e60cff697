// The TypeScript settings that decide which generated code compiles: whether a default import of a
// CommonJS module (`import http from 'node:http'`) is allowed, and whether a file without
// import/export is a module or a script sharing one global scope with the others. Read from the
// nearest tsconfig.json (up to the repository root), `extends` chains included, by TypeScript's own
// config reader; cached per folder.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ts as TypeScript } from 'ts-morph';

export interface TypeScriptSettings {
  /** The tsconfig.json the settings come from. */
  file: string;
  /** `esModuleInterop` or `allowSyntheticDefaultImports` in effect (as TypeScript computes them). */
  syntheticDefaultImports: boolean;
  /** `moduleDetection: "force"`: every file is a module, even without import/export. */
  everyFileIsModule: boolean;
}

const byDirectory = new Map<string, TypeScriptSettings | null>();
let typescript: typeof TypeScript | undefined;

/** The settings for `filePath`, or undefined when no tsconfig.json lies between it and the repository root. */
export function typeScriptSettingsFor(filePath: string): TypeScriptSettings | undefined {
  return settingsIn(path.dirname(path.resolve(filePath))) ?? undefined;
}

function settingsIn(directory: string): TypeScriptSettings | null {
  const cached = byDirectory.get(directory);
  if (cached !== undefined) return cached;
  const names = entriesOf(directory);
  let result: TypeScriptSettings | null;
  if (names.includes('tsconfig.json')) result = readSettings(path.join(directory, 'tsconfig.json'));
  else {
    const parent = path.dirname(directory);
    result = parent === directory || names.includes('.git') ? null : settingsIn(parent);
  }
  byDirectory.set(directory, result);
  return result;
}

function readSettings(file: string): TypeScriptSettings | null {
  // Loaded on first need: most files of a run are not TypeScript, and TypeScript is large.
  typescript ??= (createRequire(import.meta.url)('ts-morph') as { ts: typeof TypeScript }).ts;
  const ts = typescript;
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return null;
  // Only the options matter: no file listing (a large project would be walked for nothing).
  const host: TypeScript.ParseConfigHost = { useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames, readDirectory: () => [], fileExists: ts.sys.fileExists, readFile: ts.sys.readFile };
  const { options } = ts.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file);
  return { file, syntheticDefaultImports: allowsSyntheticDefaultImports(options, ts), everyFileIsModule: options.moduleDetection === ts.ModuleDetectionKind.Force };
}

/** TypeScript's own rule (getAllowSyntheticDefaultImports, getESModuleInterop in its utilities). */
function allowsSyntheticDefaultImports(options: TypeScript.CompilerOptions, ts: typeof TypeScript): boolean {
  if (options.allowSyntheticDefaultImports !== undefined) return options.allowSyntheticDefaultImports;
  const nodeModules = [ts.ModuleKind.Node16, ts.ModuleKind.NodeNext, ts.ModuleKind.Preserve, ...optionalKinds(ts)];
  const interop = options.esModuleInterop ?? (options.module !== undefined && nodeModules.includes(options.module));
  return interop || options.module === ts.ModuleKind.System || options.moduleResolution === ts.ModuleResolutionKind.Bundler;
}

/** Module kinds newer TypeScript versions add (node18, node20). */
function optionalKinds(ts: typeof TypeScript): TypeScript.ModuleKind[] {
  const kinds = ts.ModuleKind as unknown as Record<string, number | string>;
  return ['Node18', 'Node20'].map((name) => kinds[name]).filter((kind): kind is number => typeof kind === 'number');
}

function entriesOf(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
