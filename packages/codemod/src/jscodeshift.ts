// Runs the transform as a plain jscodeshift transform:
//   npx jscodeshift@17 -t node_modules/@reuse-clients/codemod/dist/jscodeshift.js [--keyed] src
// This is also what the codemod CLI workflow (workflow.yaml) runs.
import type { API, FileInfo, Options } from 'jscodeshift';
import { runAsJscodeshift } from './jscodeshift-adapter.js';
import { transformFile } from './transform/index.js';

export default function transformer(file: FileInfo, api: API, options: Options): string | undefined {
  return runAsJscodeshift(transformFile, file, api, options);
}
