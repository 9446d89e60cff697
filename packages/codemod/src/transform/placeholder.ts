import type { FileTransform } from '../engine/contract.js';

// Replaced by the real transform (issue 3); the CLI tests inject their own transforms.
export const transformFile: FileTransform = () => ({ output: null, hoisted: [], left: [] });
