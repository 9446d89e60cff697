// A stand-in for the real transform, so the CLI tests do not depend on what it does:
// - `new Agent(` anywhere: a comment is appended and each occurrence counts as hoisted;
// - `LEAVE_ME`: reported as a left site, file unchanged unless it also has `new Agent(`;
// - `SYNTAX_ERROR`: throws, as a parser would;
// - `EDITED_MEANWHILE`: the file is changed on disk while being transformed, as by an editor;
// - `EXIT_THREAD`: the thread running the transform exits (a worker thread, with --cpus > 1);
// - `BAD_RESULT`: returns something that is not a FileResult;
// - `HANG`: never returns (a busy loop), as a transform stuck on a pathological file.
// The appended comment records `keyed` and the file name, to prove both reach the transform.

import { writeFileSync } from 'node:fs';

/** @param {string} source @param {{ keyed: boolean, filePath: string }} options */
export function transformFile(source, options) {
  if (source.includes('SYNTAX_ERROR')) throw new SyntaxError('Unexpected token (1:1)');
  if (source.includes('EDITED_MEANWHILE')) writeFileSync(options.filePath, `${source}// edited meanwhile\n`);
  if (source.includes('EXIT_THREAD')) process.exit(7);
  if (source.includes('BAD_RESULT')) return { output: 42 };
  if (source.includes('HANG')) for (;;);
  const hoisted = sitesOf(source, 'new Agent(').map((site) => ({ ...site, rule: 'no-per-call-agent', construct: 'new Agent()' }));
  const left = sitesOf(source, 'LEAVE_ME').map((site) => ({
    ...site,
    rule: 'no-per-call-client',
    construct: 'new Pool()',
    reason: 'options read the per-call value `tenant`',
  }));
  const name = options.filePath.split(/[\\/]/).pop();
  const output = hoisted.length > 0 ? `${source}// hoisted by fake transform (keyed: ${options.keyed}, file: ${name})\n` : null;
  return { output, hoisted, left };
}

function sitesOf(source, needle) {
  const sites = [];
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    for (let column = text.indexOf(needle); column !== -1; column = text.indexOf(needle, column + 1)) {
      sites.push({ line: index + 1, column: column + 1 });
    }
  });
  return sites;
}
