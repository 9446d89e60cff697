export declare const CONTEXTS: string[];
export declare function contextOf(finding: { context?: string }, relativeFile: string, source: string): { context: string; guessed: boolean };
export declare function guessFromPath(relativeFile: string, source: string): string;
