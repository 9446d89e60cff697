// `--format text` (the default): findings grouped by file, each with what a fix would do, then
// the project facts, then a one-line total.
import type { Palette } from '../cli/color.js';
import type { Report, ReportFinding } from './build-report.js';

export function formatText(report: Report, palette: Palette): string {
  const lines: string[] = [];
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, findings] of byFile) {
    lines.push(palette.bold(file));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`;
      lines.push(`  ${palette.dim(position.padEnd(7))} ${palette.red(finding.rule)}  ${finding.message}`);
      lines.push(`  ${' '.repeat(7)} ${finding.fixable ? palette.green('fix:') : palette.dim('no fix:')} ${finding.reason}`);
    }
    lines.push('');
  }
  if (report.globalAxiosConfiguration.length > 0) {
    lines.push(palette.bold('Global axios configuration (a new axios instance would drop it, so fixes keep the default export):'));
    for (const setting of report.globalAxiosConfiguration) lines.push(`  ${setting.file}:${setting.line}:${setting.column}  ${setting.code}`);
    lines.push('');
  }
  if (report.sharedInstances.length > 0) {
    lines.push(palette.bold('Module-level shared instances (a fix of the same construction in another file imports an exported one when that is safe):'));
    for (const instance of report.sharedInstances) {
      lines.push(`  ${instance.file}:${instance.line}:${instance.column}  ${instance.name} = ${instance.construct}${instance.exported ? ' (exported)' : ''}`);
    }
    lines.push('');
  }
  lines.push(totalLine(report, palette));
  if (report.suppressed.length > 0) lines.push(palette.dim(`${plural(report.suppressed.length, 'finding')} silenced by eslint-disable comments (not listed).`));
  return `${lines.join('\n')}\n`;
}

function totalLine(report: Report, palette: Palette): string {
  const count = report.findings.length;
  if (count === 0) return palette.green('No findings.');
  const files = new Set(report.findings.map((finding) => finding.file)).size;
  const fixable = report.findings.filter((finding) => finding.fixable).length;
  const crossFile = report.findings.filter((finding) => finding.crossFile).length;
  return palette.red(
    `${plural(count, 'finding')} in ${plural(files, 'file')} (${crossFile} cross-file; ${fixable} fixable by \`reuse-clients fix\`).`,
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
