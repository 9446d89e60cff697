import type { GeneratedProject } from './project-generator.mjs';

interface ReportLike {
  findings: { file: string; line: number; rule: string }[];
  globalAxiosConfiguration?: { file: string; line: number }[];
  sharedInstances?: { file: string; line: number; name: string; exported: boolean }[];
  failures?: { file: string; message: string }[];
}

export declare function differencesFromPlan(plan: Pick<GeneratedProject, 'findings' | 'globalAxiosConfiguration' | 'sharedInstances'>, report: ReportLike): string[];
export declare function crossFileFromText(text: string): { findings: number; crossFile: number } | undefined;
export declare function measureProjectPass(options: { repoRoot: string; files?: number; runs?: number; log?: (line: string) => void }): Promise<unknown>;
