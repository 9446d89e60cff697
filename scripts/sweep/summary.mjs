// Turns per-file sweep results into counts and the committed markdown summary.

/** Reasons name the site's own identifiers (`tenant`, `opts`): grouped without them. */
export function reasonKey(reason) {
  return (reason || '(no reason given)').replace(/`[^`]*`/g, '`…`').replace(/\b\d+\b/g, 'N');
}

/** @param {object[]} results what checkSource (or the pool, for hangs) returned, one per file */
export function aggregate(results, unchecked = 0) {
  const summary = {
    files: results.length,
    unchecked,
    lint: { crashes: [], parseErrors: 0, parseErrorFiles: [], reports: 0 },
    codemod: { crashes: [], parseErrors: 0, changed: 0, hoisted: 0, left: 0, leftByReason: {}, unparsable: [], nonIdempotent: [] },
    keyed: { crashes: [], changed: 0, hoisted: 0, left: 0, unparsable: [], nonIdempotent: [] },
    seeded: { files: 0, lintCrashes: [], lintReports: 0, crashes: [], changed: 0, hoisted: 0, left: 0, leftByReason: {}, unparsable: [], nonIdempotent: [] },
    sweepErrors: [],
    /** Seeded files where the rules reported a different number of sites than the codemod saw. */
    disagreements: [],
    /** Seeded files whose rewrite changed lines of the library's own code (see check-file.mjs). */
    rewrittenOriginal: [],
  };
  for (const result of results) {
    if (result.error !== undefined) {
      // A hang or a dead thread: both checks ran together, so it counts against each.
      summary.sweepErrors.push({ file: result.file, error: result.error });
      continue;
    }
    const { lint, codemod, keyed, seeded, seededLint } = result;
    if (lint.status === 'crash') summary.lint.crashes.push({ file: result.file, error: lint.error });
    if (lint.status === 'parseError') {
      summary.lint.parseErrors++;
      summary.lint.parseErrorFiles.push({ file: result.file, error: lint.error });
    }
    summary.lint.reports += lint.reports;
    if (codemod.status === 'parseError') summary.codemod.parseErrors++;
    if (seeded !== null) {
      summary.seeded.files++;
      if (seeded.rewrittenOriginalLines?.length > 0) {
        summary.rewrittenOriginal.push({ file: result.file, error: seeded.rewrittenOriginalLines.map((line) => `\`${line.replace(/`/g, "'")}\``).join(', ') });
      }
      if (seeded.status !== 'crash' && seeded.status !== 'parseError' && seededLint.reports !== seeded.hoisted + seeded.left.length) {
        summary.disagreements.push({ file: result.file, error: `${seededLint.reports} lint report(s), ${seeded.hoisted} hoisted + ${seeded.left.length} left` });
      }
      if (seededLint.status === 'crash') summary.seeded.lintCrashes.push({ file: result.file, error: seededLint.error });
      summary.seeded.lintReports += seededLint.reports;
      for (const reason of seeded.left) {
        const key = reasonKey(reason);
        summary.seeded.leftByReason[key] = (summary.seeded.leftByReason[key] ?? 0) + 1;
      }
    }
    for (const [mode, outcome] of [['codemod', codemod], ['keyed', keyed], ['seeded', seeded]]) {
      if (outcome === null) continue;
      const target = summary[mode];
      if (outcome.status === 'crash') target.crashes.push({ file: result.file, error: outcome.error });
      if (outcome.status === 'changed') target.changed++;
      target.hoisted += outcome.hoisted;
      target.left += outcome.left.length;
      for (const problem of outcome.problems) {
        (problem.startsWith('unparsable') ? target.unparsable : target.nonIdempotent).push({ file: result.file, error: problem });
      }
    }
    for (const reason of codemod.left) {
      const key = reasonKey(reason);
      summary.codemod.leftByReason[key] = (summary.codemod.leftByReason[key] ?? 0) + 1;
    }
  }
  return summary;
}

/** True when the sweep found nothing wrong: what the issue's "done" asks for. */
export function isClean(summary) {
  return (
    summary.sweepErrors.length === 0 &&
    summary.seeded.lintCrashes.length === 0 &&
    [summary.lint, summary.codemod, summary.keyed, summary.seeded].every((part) => part.crashes.length === 0) &&
    [summary.codemod, summary.keyed, summary.seeded].every((part) => part.unparsable.length === 0 && part.nonIdempotent.length === 0)
  );
}

export function renderMarkdown(summary, meta) {
  const { lint, codemod, keyed, seeded } = summary;
  const rows = [
    ['files checked', summary.files],
    ['files not checked (--limit, or time budget spent)', summary.unchecked],
    ['lint: rule crashes', lint.crashes.length],
    ['lint: inputs that do not parse (not crashes)', lint.parseErrors],
    ['lint: reports', lint.reports],
    ['codemod: crashes', codemod.crashes.length],
    ['codemod: inputs that do not parse (reported, left as is)', codemod.parseErrors],
    ['codemod: files changed', codemod.changed],
    ['codemod: sites hoisted', codemod.hoisted],
    ['codemod: sites left', codemod.left],
    ['codemod: unparsable outputs', codemod.unparsable.length],
    ['codemod: non-idempotent outputs', codemod.nonIdempotent.length],
    ['codemod --keyed: crashes', keyed.crashes.length],
    ['codemod --keyed: files changed', keyed.changed],
    ['codemod --keyed: sites hoisted / left', `${keyed.hoisted} / ${keyed.left}`],
    ['codemod --keyed: unparsable / non-idempotent outputs', `${keyed.unparsable.length} / ${keyed.nonIdempotent.length}`],
    ['seeded: files seeded', seeded.files],
    ['seeded: lint crashes / reports', `${seeded.lintCrashes.length} / ${seeded.lintReports}`],
    ['seeded: codemod crashes', seeded.crashes.length],
    ['seeded: files changed', seeded.changed],
    ['seeded: sites hoisted / left', `${seeded.hoisted} / ${seeded.left}`],
    ['seeded: unparsable / non-idempotent outputs', `${seeded.unparsable.length} / ${seeded.nonIdempotent.length}`],
    ['seeded: files where lint reports ≠ codemod sites (informational)', summary.disagreements.length],
    ["seeded: files whose rewrite changed the library's own lines (to review)", summary.rewrittenOriginal.length],
    ["sweep errors (hangs, dead threads, the sweep's own failures)", summary.sweepErrors.length],
  ];
  const seededReasons = Object.entries(seeded.leftByReason).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const reasons = Object.entries(codemod.leftByReason).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const problems = [
    ...lint.crashes.map((p) => ['lint crash', p]),
    ...codemod.crashes.map((p) => ['codemod crash', p]),
    ...keyed.crashes.map((p) => ['codemod --keyed crash', p]),
    ...codemod.unparsable.map((p) => ['unparsable output', p]),
    ...keyed.unparsable.map((p) => ['unparsable output (--keyed)', p]),
    ...codemod.nonIdempotent.map((p) => ['non-idempotent output', p]),
    ...keyed.nonIdempotent.map((p) => ['non-idempotent output (--keyed)', p]),
    ...seeded.lintCrashes.map((p) => ['lint crash (seeded)', p]),
    ...seeded.crashes.map((p) => ['codemod crash (seeded)', p]),
    ...seeded.unparsable.map((p) => ['unparsable output (seeded)', p]),
    ...seeded.nonIdempotent.map((p) => ['non-idempotent output (seeded)', p]),
    ...summary.sweepErrors.map((p) => ['sweep error', p]),
  ];
  return [
    '# Robustness sweep — latest full run',
    '',
    'Generated by `pnpm sweep` (scripts/sweep): every JS/TS file installed under the workspace\'s',
    'node_modules (real paths, deduplicated; `.d.ts` files and files over 1 MB left out) is linted with',
    'the plugin\'s `recommended` config (`@typescript-eslint/parser`) and run through the codemod',
    'transform, plain and `--keyed`. A changed output must parse and must not change on a second run.',
    'Library code has almost no per-call clients, so each file is also checked *seeded*: a per-call',
    '`https.Agent` and a default-axios request planted at the start of up to three of its function',
    'bodies (scripts/sweep/seed.mjs), which makes the transform rewrite real code.',
    'A fixed sample of the same checks runs in CI (test/hardening/sweep-sample.test.ts).',
    '',
    `- date: ${meta.date}`,
    `- command: \`${meta.command}\``,
    `- commit: ${meta.commit}`,
    `- wall time: ${(meta.wallMs / 1000).toFixed(1)} s with ${meta.workers} worker thread(s)`,
    `- result: **${isClean(summary) ? 'clean' : 'PROBLEMS FOUND'}**`,
    '',
    '| | count |',
    '| --- | ---: |',
    ...rows.map(([label, value]) => `| ${label} | ${value} |`),
    '',
    '## Sites left, by reason',
    '',
    reasons.length === 0 ? 'None.' : '| reason | sites |\n| --- | ---: |',
    ...reasons.map(([reason, count]) => `| ${reason.replace(/\|/g, '\\|')} | ${count} |`),
    '',
    '## Seeded sites left, by reason',
    '',
    seededReasons.length === 0 ? 'None.' : '| reason | sites |\n| --- | ---: |',
    ...seededReasons.map(([reason, count]) => `| ${reason.replace(/\|/g, '\\|')} | ${count} |`),
    '',
    '## Inputs the lint parser rejects (first 20)',
    '',
    'Not crashes: ESLint reports them as a parse error of the file, as it would for any user.',
    '',
    lint.parseErrorFiles.length === 0 ? 'None.' : '',
    ...lint.parseErrorFiles.slice(0, 20).map((p) => `- \`${meta.relative(p.file)}\` — ${p.error}`),
    '',
    '## Lint and codemod disagreements on seeded files (first 20)',
    '',
    'Informational: one report per problem and one site per construction need not match one to one.',
    '',
    summary.disagreements.length === 0 ? 'None.' : '',
    ...summary.disagreements.slice(0, 20).map((p) => `- \`${meta.relative(p.file)}\` — ${p.error}`),
    '',
    "## Seeded rewrites that changed the library's own lines (first 20)",
    '',
    'To review: the library code has no sites of its own, so these are rewrites of code the seeds made',
    'the detector see (e.g. a class whose constructor now builds an agent). Parse and idempotence hold.',
    '',
    summary.rewrittenOriginal.length === 0 ? 'None.' : '',
    ...summary.rewrittenOriginal.slice(0, 20).map((p) => `- \`${meta.relative(p.file)}\` — ${p.error}`),
    '',
    '## Problems',
    '',
    problems.length === 0 ? 'None.' : '',
    ...problems.map(([kind, p]) => `- ${kind}: \`${meta.relative(p.file)}\` — ${p.error}`),
    '',
  ].join('\n');
}
