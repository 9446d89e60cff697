import type { FileDiff } from '../engine/file-diff.js';
import type { LeftSite, RunSummary, SiteInFile } from '../engine/summary.js';
import type { Palette } from './color.js';

/** At most this many files are named when refusing a dirty tree; the rest are counted. */
const LISTED_UNCOMMITTED_FILES = 10;

export function renderDiff(diff: FileDiff, palette: Palette): string {
  const lines = diff.patch.trimEnd().split('\n');
  const painted = lines.map((line, index) => {
    if (index < 2) return palette.bold(line); // the --- and +++ file headers
    if (line.startsWith('@@')) return palette.cyan(line);
    if (line.startsWith('+')) return palette.green(line);
    if (line.startsWith('-')) return palette.red(line);
    return line;
  });
  return `${painted.join('\n')}\n${renderDiffStat(diff)}\n`;
}

export function renderDiffStat(diff: FileDiff): string {
  return `+${plural(diff.additions, 'addition')}, -${plural(diff.deletions, 'deletion')}`;
}

export function renderLeftSite(site: LeftSite): string {
  return `${site.file}:${site.line}:${site.column} ${site.rule} ${site.construct} — ${site.reason}`;
}

export function renderHoistedSite(site: SiteInFile): string {
  const reuse = site.reuses ? ` (reuses \`${site.reuses.name}\`${site.reuses.file ? ` of ${site.reuses.file}` : ''}, line ${site.reuses.line})` : '';
  return `${site.file}:${site.line}:${site.column} ${site.rule} ${site.construct}${reuse}`;
}

export function renderSummary(summary: RunSummary, dry: boolean, palette: Palette): string {
  const { files, sites } = summary;
  const rows: [string, number][] = [
    ['files scanned', files.scanned],
    [dry ? 'files to change' : 'files changed', files.changed],
    ['files unchanged', files.skipped],
    ['files failed', files.failed],
    [dry ? 'sites to hoist' : 'sites hoisted', sites.hoisted],
    ['sites left', sites.left.length],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => String(value).length));
  const lines = rows.map(([label, value]) => {
    const line = `${label.padEnd(labelWidth)}  ${String(value).padStart(valueWidth)}`;
    return label === 'files failed' && value > 0 ? palette.red(line) : line;
  });
  if (summary.changedFiles.length > 0) lines.push(dry ? 'to change:' : 'changed:', ...summary.changedFiles.map((file) => `  ${file}`));
  if (sites.hoistedSites.length > 0) lines.push(dry ? 'to hoist:' : 'hoisted:', ...sites.hoistedSites.map((site) => `  ${renderHoistedSite(site)}`));
  if (sites.left.length > 0) lines.push('left:');
  for (const site of sites.left) lines.push(`  ${renderLeftSite(site)}`);
  if (sites.suppressed.length > 0) lines.push(palette.dim(`${plural(sites.suppressed.length, 'site')} silenced by eslint-disable comments: not changed.`));
  if (summary.options) lines.push(palette.dim(`Judged with ${summary.options.detail}.`));
  if (dry) lines.push(palette.dim('Dry run: nothing was written.'));
  return `${lines.join('\n')}\n`;
}

export function renderUncommitted(files: string[]): string {
  const listed = files.slice(0, LISTED_UNCOMMITTED_FILES).map((file) => `  ${file}`);
  if (files.length > LISTED_UNCOMMITTED_FILES) listed.push(`  … and ${files.length - LISTED_UNCOMMITTED_FILES} more`);
  return [
    `${plural(files.length, 'target file')} ${files.length === 1 ? 'has' : 'have'} uncommitted changes:`,
    ...listed,
    'The codemod rewrites files in place: commit or stash them, or pass --force.',
  ].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
