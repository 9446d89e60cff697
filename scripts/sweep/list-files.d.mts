export declare const MAX_FILE_BYTES: number;
export declare function workspaceModuleRoots(workspaceRoot: string): string[];
export declare function listSourceFiles(roots: string[]): string[];
