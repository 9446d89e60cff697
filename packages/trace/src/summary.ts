// The text summary `reuse-clients trace` prints when the command has ended: the worst sites with
// their rates, whether the static rules report each one, the origins, and what to run next.
import path from 'node:path';

import type { TraceReport, TraceSite } from './report.js';

/**
 * What the static analysis says about the line of a site, or, for a construction inside a factory,
 * about the line that calls the factory (`at`: where the rules report it instead).
 */
export type StaticVerdict = { reported: true; rules: string[]; at?: { file: string; line: number } } | { reported: false } | { unknown: string };

export interface SummaryOptions {
  top: number;
  cwd: string;
  exitCode: number;
  verdictOf?: (site: TraceSite) => StaticVerdict | undefined;
}

/** A site worth changing: it built or connected more than once. */
export function isRepeated(site: TraceSite): boolean {
  return site.constructions > 1 || site.connections > 1;
}

function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function rate(count: number, durationMs: number): string {
  if (count === 0) return '-';
  const perSecond = count / Math.max(durationMs / 1000, 0.001);
  return perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

function verdictText(verdict: StaticVerdict | undefined, cwd: string): string {
  if (!verdict) return '';
  if ('unknown' in verdict) return `not analysed: ${verdict.unknown}`;
  if (!verdict.reported) return 'not reported by the static rules';
  const where = verdict.at ? ` at its caller ${shown(verdict.at.file, cwd)}:${verdict.at.line}` : '';
  return `reported${where} (${verdict.rules.join(', ')})`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column < 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function formatSummary(report: TraceReport, { top, cwd, exitCode, verdictOf }: SummaryOptions): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  const processes = report.tracer.processes === 1 ? '1 process' : `${report.tracer.processes} processes`;
  const lines = [`reuse-clients trace: \`${report.command.join(' ')}\` exited ${exitCode} after ${seconds} s (${processes} traced)`];
  const sites = report.sites.slice(0, top);
  if (sites.length === 0) {
    lines.push('No catalog client was built and no connection was opened in user code.');
  } else {
    lines.push('', `Sites, worst first (${sites.length} of ${report.sites.length}):`);
    const header = ['conns', 'built', 'conns/s', 'built/s', 'site', 'client', 'static rules'];
    const rows = sites.map((site) => [
      String(site.connections),
      String(site.constructions),
      rate(site.connections, report.durationMs),
      rate(site.constructions, report.durationMs),
      `${shown(site.file, cwd)}:${site.line}:${site.column}`,
      `${site.family} ${site.export}`,
      verdictText(verdictOf?.(site), cwd),
    ]);
    lines.push(...table([header, ...rows]).map((line) => `  ${line}`));
  }
  if (report.origins.length > 0) {
    lines.push('', 'Origins:');
    for (const origin of report.origins.slice(0, top)) {
      lines.push(`  ${origin.origin}: ${origin.connections} connections, ${origin.tlsHandshakes} TLS handshakes, ${origin.requests} requests`);
    }
  }
  const { failures, droppedSites, unattributedConnections } = report.tracer;
  if (unattributedConnections > 0) lines.push('', `${unattributedConnections} connections had no user frame to count them at (they are in Origins).`);
  if (droppedSites > 0) lines.push(`${droppedSites} sites were not kept: a process's site table was full.`);
  if (failures > 0) lines.push(`The tracer caught ${failures} errors of its own (the program was not affected): ${report.tracer.failureMessages.join('; ')}`);
  const files = [...new Set(sites.filter(isRepeated).map((site) => shown(site.file, cwd)))];
  if (files.length > 0) lines.push('', 'See what the codemod would change:', ...files.map((file) => `  reuse-clients --dry ${file}`));
  return `${lines.join('\n')}\n`;
}
