import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileTransform } from './contract.js';

/** For tests only: a module exporting `transformFile` to run instead of the real transform. */
export const TRANSFORM_MODULE_ENV = 'REUSE_CLIENTS_TRANSFORM';

export class TransformLoadError extends Error {}

export function resolveTransformModule(cwd: string, env: NodeJS.ProcessEnv): string {
  const override = env[TRANSFORM_MODULE_ENV];
  if (override !== undefined && override !== '') return path.resolve(cwd, override);
  return fileURLToPath(new URL('../transform/index.js', import.meta.url));
}

/**
 * Loads the transform. With `projectData` (what the project pass found), a module that exports
 * `transformForProject` builds its transform from it; test transforms just export `transformFile`.
 */
export async function loadTransform(modulePath: string, projectData?: unknown): Promise<FileTransform> {
  let loaded: { transformFile?: unknown; transformForProject?: unknown };
  try {
    loaded = (await import(pathToFileURL(modulePath).href)) as typeof loaded;
  } catch (error) {
    throw new TransformLoadError(`cannot load the transform ${modulePath}: ${(error as Error).message}`);
  }
  if (projectData !== undefined && typeof loaded.transformForProject === 'function') {
    return (loaded.transformForProject as (data: unknown) => FileTransform)(projectData);
  }
  if (typeof loaded.transformFile !== 'function') {
    throw new TransformLoadError(`the transform ${modulePath} does not export a transformFile function`);
  }
  return loaded.transformFile as FileTransform;
}
