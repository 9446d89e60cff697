export interface Finding {
  rule: string;
  /** Why core judged the context ("server code", "inside React component `X`"); '' when unknown. */
  reason?: string;
  context: string;
  contextGuessed: boolean;
  line: number;
  column: number;
  message: string;
}
export interface FileResult {
  root: string;
  file: string;
  findings: Finding[];
  silenced?: Finding[];
  parseError: string | null;
  ignored: boolean;
}
export interface FileFailure {
  root: string | undefined;
  file: string;
  error: string;
}
export interface Totals {
  findings: number;
  byRule: Record<string, number>;
  byContext: Record<string, number>;
  byRuleAndContext: Record<string, Record<string, number>>;
}
export interface RealworldSummary {
  roots: string[];
  files: { linted: number; ignoredByConfig: number; parseErrors: number; crashes: number; skippedGenerated: number; skippedTooLarge: number; unchecked: number };
  totals: Totals;
  /** What core judged test, browser or build-time code: not reported by `recommended`. */
  silencedTotals: Totals;
  contextGuessed: boolean;
  findings: (Finding & { file: string })[];
  silenced: (Finding & { file: string })[];
  parseErrors: { file: string; error: string }[];
  crashes: { file: string; error: string }[];
}
export declare const rootLabel: (root: string) => string;
export declare function aggregate(
  results: (FileResult | FileFailure)[],
  run: { roots: string[]; skipped: { generated: string[]; tooLarge: string[] }; unchecked: number },
): RealworldSummary;
export declare function renderText(summary: RealworldSummary, options?: { wallMs?: number; showSilenced?: boolean }): string;
