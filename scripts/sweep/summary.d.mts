import type { FileCheck } from './check-file.mjs';

interface Problem {
  file: string;
  error: string;
}

interface TransformTotals {
  crashes: Problem[];
  changed: number;
  hoisted: number;
  left: number;
  unparsable: Problem[];
  nonIdempotent: Problem[];
}

export interface SweepSummary {
  files: number;
  unchecked: number;
  lint: { crashes: Problem[]; parseErrors: number; parseErrorFiles: Problem[]; reports: number };
  codemod: TransformTotals & { parseErrors: number; leftByReason: Record<string, number> };
  keyed: TransformTotals;
  seeded: TransformTotals & { files: number; lintCrashes: Problem[]; lintReports: number; leftByReason: Record<string, number> };
  sweepErrors: Problem[];
  disagreements: Problem[];
  rewrittenOriginal: Problem[];
}

export declare function reasonKey(reason: string): string;
export declare function aggregate(results: (FileCheck | Problem)[], unchecked?: number): SweepSummary;
export declare function isClean(summary: SweepSummary): boolean;
