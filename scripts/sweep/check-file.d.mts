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
export declare function transformSource(source: string, filePath: string, keyed: boolean): TransformOutcome;
export declare function parseErrorOf(source: string, filePath: string): string | null;
