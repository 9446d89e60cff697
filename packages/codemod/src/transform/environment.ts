// What lies around a file and decides which generated code is legal in it: the Node versions it
// runs on (core's nodeTargetFor) and the TypeScript settings it is compiled with (ts-settings.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { nodeTargetFor } from '@reuse-clients/core';
import { MODERN_SYNTAX, targetSyntax, type TargetSyntax } from './target-syntax.js';
import { typeScriptSettingsFor, type TypeScriptSettings } from './ts-settings.js';

export interface FileEnvironment {
  syntax: TargetSyntax;
  /** `.mjs`/`.mts`: Node loads its imports as ESM, never turned into `require()` by a compiler. */
  nativeEsm: boolean;
  /** The nearest tsconfig.json's settings, for a TypeScript file that has one. */
  typeScript: TypeScriptSettings | undefined;
  /** Where the file's name in a shared global scope is counted from (its tsconfig's or package's folder). */
  root: string;
  filePath: string | undefined;
}

/** No file to look around: every construct is allowed, as before targets were known. */
export const UNKNOWN_ENVIRONMENT: FileEnvironment = { syntax: MODERN_SYNTAX, nativeEsm: false, typeScript: undefined, root: '', filePath: undefined };

export function environmentFor(filePath: string, typescript: boolean): FileEnvironment {
  const absolute = path.resolve(filePath);
  const typeScript = typescript ? typeScriptSettingsFor(absolute) : undefined;
  return {
    syntax: targetSyntax(nodeTargetFor(absolute).range),
    nativeEsm: /\.m[jt]s$/i.test(absolute),
    typeScript,
    // Only TypeScript scripts name things after their path (style.ts, scriptPrefix).
    root: typeScript ? path.dirname(typeScript.file) : typescript ? packageRoot(path.dirname(absolute)) : '',
    filePath: absolute,
  };
}

function packageRoot(directory: string): string {
  for (let current = directory; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'package.json'))) return current;
    if (path.dirname(current) === current) return directory;
  }
}
