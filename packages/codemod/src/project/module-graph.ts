// Which project files a file imports, by the specifier it writes. `ts.preProcessFile` scans
// imports, re-exports, `require(...)` and `import(...)` without building a program, and
// `ts.resolveModuleName` applies the project's own resolution settings (paths, extensions,
// index files), so the specifier as written can be tied to the file it means.
import { ts, type Project } from 'ts-morph';

export interface ModuleImport {
  /** Exactly as written in the importing file: the catalog entries are keyed by it. */
  specifier: string;
  /** The absolute path of the project file it resolves to. */
  target: string;
}

export class ModuleGraph {
  /** Whether specifiers must name the file's extension (`./aws.js`): Node16/NodeNext resolution. */
  readonly extensionsRequired: boolean;

  private readonly resolutionCache: ts.ModuleResolutionCache;
  private readonly importsByFile = new Map<string, ModuleImport[]>();

  constructor(
    private readonly project: Project,
    private readonly projectFiles: ReadonlySet<string>,
  ) {
    const options = project.getCompilerOptions();
    const resolution = options.moduleResolution;
    this.extensionsRequired = resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext;
    this.resolutionCache = ts.createModuleResolutionCache(project.getFileSystem().getCurrentDirectory(), (name) => name, options);
  }

  /** The project files `filePath` imports; bare package specifiers resolving outside the project are left out. */
  importsOf(filePath: string, text: string): ModuleImport[] {
    const known = this.importsByFile.get(filePath);
    if (known) return known;
    const imports: ModuleImport[] = [];
    const seen = new Set<string>();
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (seen.has(specifier)) continue;
      seen.add(specifier);
      const target = this.resolve(specifier, filePath);
      if (target && target !== filePath) imports.push({ specifier, target });
    }
    this.importsByFile.set(filePath, imports);
    return imports;
  }

  /** The project file `specifier` means when written in `containingFile`, if it is one. */
  resolve(specifier: string, containingFile: string): string | undefined {
    const options = this.project.getCompilerOptions();
    const host = this.project.getModuleResolutionHost();
    const resolved = ts.resolveModuleName(specifier, containingFile, options, host, this.resolutionCache).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) return undefined;
    return this.projectFiles.has(resolved.resolvedFileName) ? resolved.resolvedFileName : undefined;
  }
}
