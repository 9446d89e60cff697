import type { SiteOutcome } from './contract.js';
import type { FileOutcome } from './process-file.js';

export interface LeftSite extends SiteOutcome {
  file: string;
}

/** The `--json` document. `skipped` counts files read and left unchanged. */
export interface RunSummary {
  files: { scanned: number; changed: number; skipped: number; failed: number };
  sites: { hoisted: number; left: LeftSite[] };
  failures: { file: string; message: string }[];
}

export function summarize(outcomes: FileOutcome[]): RunSummary {
  const summary: RunSummary = {
    files: { scanned: outcomes.length, changed: 0, skipped: 0, failed: 0 },
    sites: { hoisted: 0, left: [] },
    failures: [],
  };
  for (const outcome of outcomes) {
    if (outcome.status === 'changed') summary.files.changed++;
    else if (outcome.status === 'unchanged') summary.files.skipped++;
    else summary.files.failed++;
    if (outcome.failure !== undefined) summary.failures.push({ file: outcome.file, message: outcome.failure });
    summary.sites.hoisted += outcome.hoisted.length;
    for (const site of outcome.left) {
      summary.sites.left.push({
        file: outcome.file,
        line: site.line,
        column: site.column,
        rule: site.rule,
        construct: site.construct,
        reason: site.reason ?? '',
      });
    }
  }
  return summary;
}
