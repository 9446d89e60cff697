import type { API, FileInfo, Options } from 'jscodeshift';
import type { FileTransform } from './engine/contract.js';

/** Runs a FileTransform with jscodeshift's transform signature and return conventions. */
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
