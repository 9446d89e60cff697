// The report: every finding of every file under the given paths, in-file and cross-file, with
// what a fix would do, plus the project facts a fix must respect (global axios configuration)
// or use (existing shared instances). Paths are relative to the working directory.
import { KNOWN_SITE_MODULE, normalizeModule, type RuleName } from '@reuse-clients/core';
import { displayPath } from '../engine/paths.js';
import { findGlobalAxiosConfiguration } from '../project/global-axios.js';
import type { ProjectPass } from '../project/project-pass.js';
import { findUnshareableConstructions } from '../project/instance-state.js';
import { findReusableInstances } from '../project/reuse.js';
import { findSharedInstances } from '../project/shared-instances.js';
import { planFixes } from './fix-plan.js';
import { fixabilityOf } from './fixability.js';

export interface ReportFinding {
  file: string;
  line: number;
  /** 1-based, as in ESLint and SARIF. */
  column: number;
  endLine: number;
  endColumn: number;
  rule: RuleName;
  message: string;
  fixable: boolean;
  reason: string;
  /** Found by the project pass (a builder of another file, an instance method, a subclass), not by the rules alone. */
  crossFile: boolean;
}

export interface ReportLocation {
  file: string;
  line: number;
  column: number;
}

export interface Report {
  findings: ReportFinding[];
  globalAxiosConfiguration: (ReportLocation & { code: string })[];
  sharedInstances: (ReportLocation & { name: string; construct: string; exported: boolean })[];
  /** Findings silenced with `eslint-disable` comments: not listed in `findings`, only counted here. */
  suppressed: (ReportLocation & { rule: RuleName })[];
  failures: { file: string; message: string }[];
}

export interface ReportScope {
  cwd: string;
  /** Absolute paths of the files whose findings are reported (the project may hold more). */
  files: ReadonlySet<string>;
}

export function buildReport(pass: ProjectPass, scope: ReportScope): Report {
  const shown = (file: string) => displayPath(scope.cwd, file);
  const globalAxios = findGlobalAxiosConfiguration(pass);
  const shared = findSharedInstances(pass);
  const reusable = findReusableInstances(pass, shared);
  const unshareable = findUnshareableConstructions(pass);
  const firstGlobalAxios = globalAxios[0];
  const globalAxiosConfiguredAt = firstGlobalAxios ? `${shown(firstGlobalAxios.file)}:${firstGlobalAxios.line}` : undefined;

  const findings: ReportFinding[] = [];
  const suppressed: Report['suppressed'] = [];
  for (const file of pass.files.values()) {
    if (!scope.files.has(file.path)) continue;
    for (const finding of file.suppressed) suppressed.push({ file: shown(file.path), line: finding.node.loc.start.line, column: finding.node.loc.start.column + 1, rule: finding.rule });
    const plan = planFixes(file, { configuresGlobalAxios: globalAxios.length > 0, reusable: reusable[file.path] ?? [], unshareable: unshareable[file.path] ?? [], projectModules: new Set([...file.entries.values()].map((entry) => normalizeModule(entry.entry.module ?? ''))) });
    for (const finding of file.analysis.findings) {
      const { fixable, reason } = fixabilityOf(finding, file, { globalAxiosConfiguredAt, plan, shown });
      findings.push({
        file: shown(file.path),
        ...positionOf(finding.node),
        rule: finding.rule,
        message: finding.message,
        fixable,
        reason,
        crossFile: pass.entryOf(file, finding.analysis) !== undefined || finding.analysis.site.entry.module === KNOWN_SITE_MODULE,
      });
    }
  }
  findings.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule));

  return {
    findings,
    globalAxiosConfiguration: globalAxios.map((setting) => ({ ...setting, file: shown(setting.file) })).sort(byLocation),
    sharedInstances: shared.map(({ file, line, column, name, construct, exported }) => ({ file: shown(file), line, column, name, construct, exported })).sort(byLocation),
    suppressed: suppressed.sort(byLocation),
    failures: pass.failures.filter((failure) => scope.files.has(failure.path)).map((failure) => ({ file: shown(failure.path), message: failure.message })),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byLocation(a: ReportLocation, b: ReportLocation): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** 1-based line and column of a node's start and end, as reports and SARIF count them. */
function positionOf(node: { loc: { start: { line: number; column: number }; end: { line: number; column: number } } }) {
  const { start, end } = node.loc;
  return { line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 };
}
