export declare function seedSource(source: string, filePath: string): string | null;
