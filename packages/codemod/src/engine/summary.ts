import type { SiteOutcome } from './contract.js';
import type { FileOutcome } from './process-file.js';

export interface LeftSite extends SiteOutcome {
  file: string;
}

/** A site in a file: a hoisted one (with the instance it reuses, if any) or one an `eslint-disable` comment silences. */
export interface SiteInFile extends Omit<SiteOutcome, 'reason'> {
  file: string;
}

/**
 * The `--json` document. `skipped` counts files read and left unchanged. `changedFiles` names every
 * file changed (or, in a dry run, to change); `sites.hoistedSites` every hoisted site;
 * `sites.suppressed` the sites `eslint-disable` comments silence, which are neither fixed nor left.
 */
export interface RunSummary {
  files: { scanned: number; changed: number; skipped: number; failed: number };
  changedFiles: string[];
  sites: { hoisted: number; hoistedSites: SiteInFile[]; left: LeftSite[]; suppressed: SiteInFile[] };
  failures: { file: string; message: string }[];
  /** Where the rules' options came from (the CLI sets it; a run with a test transform has none). */
  options?: { from: 'eslint' | 'file' | 'defaults'; detail: string };
}

export function summarize(outcomes: FileOutcome[]): RunSummary {
  const summary: RunSummary = {
    files: { scanned: outcomes.length, changed: 0, skipped: 0, failed: 0 },
    changedFiles: [],
    sites: { hoisted: 0, hoistedSites: [], left: [], suppressed: [] },
    failures: [],
  };
  for (const outcome of outcomes) {
    if (outcome.status === 'changed') {
      summary.files.changed++;
      summary.changedFiles.push(outcome.file);
    }
    else if (outcome.status === 'unchanged') summary.files.skipped++;
    else summary.files.failed++;
    if (outcome.failure !== undefined) summary.failures.push({ file: outcome.file, message: outcome.failure });
    summary.sites.hoisted += outcome.hoisted.length;
    for (const { line, column, rule, construct, reuses } of outcome.hoisted) summary.sites.hoistedSites.push({ file: outcome.file, line, column, rule, construct, ...(reuses ? { reuses } : {}) });
    for (const { line, column, rule, construct } of outcome.suppressed ?? []) summary.sites.suppressed.push({ file: outcome.file, line, column, rule, construct });
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
