// Types for the TypeScript tests that import the sweep's checks (test/hardening/sweep-sample.test.ts).
export interface LintOutcome {
  status: 'ok' | 'parseError' | 'crash';
  reports: number;
  error?: string;
}

export interface TransformOutcome {
  status: 'unchanged' | 'changed' | 'parseError' | 'crash';
  hoisted: number;
  left: string[];
  problems: string[];
  error?: string;
  /** Seeded runs only: lines of the library's own code that the rewrite changed (first three). */
  rewrittenOriginalLines?: string[];
}

export interface FileCheck {
  file: string;
  lint: LintOutcome;
  codemod: TransformOutcome;
  keyed: TransformOutcome;
  seededLint: LintOutcome | null;
  seeded: TransformOutcome | null;
}

export declare function checkSource(source: string, filePath: string): FileCheck;
export declare function lintSource(source: string, filePath: string): LintOutcome;
export declare function transformSource(source: string, filePath: string, keyed: boolean, keepOutput?: boolean): TransformOutcome & { output?: string };
export declare function parseErrorOf(source: string, filePath: string): string | null;
