// Runs the transform as a plain jscodeshift transform:
//   npx jscodeshift@17 -t node_modules/@reuse-clients/codemod/dist/jscodeshift.js [--keyed] src
// This is also what the codemod CLI workflow (workflow.yaml) runs.
import type { API, FileInfo, Options } from 'jscodeshift';
import type { FileTransform } from './engine/contract.js';
import { transformFile } from './transform/index.js';

export default function transformer(file: FileInfo, api: API, options: Options): string | undefined {
  return runAsJscodeshift(transformFile, file, api, options);
}

/** Separate from the default export so tests can check the adaptation with their own transform. */
export function runAsJscodeshift(transform: FileTransform, file: FileInfo, api: API, options: Options): string | undefined {
  const result = transform(file.source, { keyed: isFlagSet(options.keyed), filePath: file.path });
  // jscodeshift's own API has report(); its testUtils and some runners do not.
  const report = (api as Partial<API>).report;
  if (typeof report === 'function') {
    for (const site of result.left) {
      report(`${file.path}:${site.line}:${site.column} ${site.rule} ${site.construct} — left: ${site.reason ?? 'no reason given'}`);
    }
  }
  // undefined tells jscodeshift "skipped", so unchanged files are not rewritten.
  return result.output === null || result.output === file.source ? undefined : result.output;
}

/** `--keyed` arrives as true; `--keyed=false` from a workflow parameter arrives as a string. */
function isFlagSet(value: unknown): boolean {
  return value === true || value === 'true';
}
