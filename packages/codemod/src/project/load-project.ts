// The ts-morph Project behind the project pass. It is only used to follow names across files
// (module resolution, exports, re-exports, base classes), never to type-check or to edit, so it
// is created with the cheapest settings that still resolve modules: no lib files, no automatic
// loading of dependencies, and JavaScript allowed so `require`-based projects resolve too.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Project, type SourceFile } from 'ts-morph';

export interface LoadedProject {
  project: Project;
  /** The tsconfig.json the project came from; undefined when the given files were loaded alone. */
  tsConfigFilePath: string | undefined;
  /** Every analysable source file of the project (no declaration files, nothing in node_modules). */
  sourceFiles: SourceFile[];
}

const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** The nearest tsconfig.json at or above `start` (a file or a folder). */
export function findNearestTsConfig(start: string): string | undefined {
  let directory = existsSync(start) && statSync(start).isDirectory() ? start : path.dirname(start);
  for (;;) {
    const candidate = path.join(directory, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/**
 * The project of the tsconfig nearest to `searchFrom`, plus `extraFiles` (the files the user
 * named, which a tsconfig may not include — JavaScript, say); only `extraFiles` without one.
 */
export function loadProject(searchFrom: string, extraFiles: readonly string[]): LoadedProject {
  const tsConfigFilePath = findNearestTsConfig(searchFrom);
  const project = new Project({
    ...(tsConfigFilePath ? { tsConfigFilePath } : {}),
    // Files are added below: the tsconfig's own list first, so that its compiler options (paths,
    // baseUrl, module resolution) decide how specifiers resolve.
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noEmit: true },
  });
  if (tsConfigFilePath) project.addSourceFilesFromTsConfig(tsConfigFilePath);
  for (const file of extraFiles) if (!project.getSourceFile(file)) project.addSourceFileAtPath(file);
  const sourceFiles = project.getSourceFiles().filter((file) => isAnalysable(file.getFilePath()));
  return { project, tsConfigFilePath, sourceFiles };
}

function isAnalysable(filePath: string): boolean {
  return !DECLARATION_FILE.test(filePath) && !filePath.split('/').includes('node_modules');
}
