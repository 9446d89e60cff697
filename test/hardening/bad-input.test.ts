// Bad and unusual input through the real CLI and the bundled transform, all in one project and one
// run: every file that cannot be processed gets exactly one message naming it and saying why, the
// run goes on with the others, the exit status is 1, and the files that were rewritten keep every
// byte the fix did not need to touch (BOM, CRLF, shebang, JSX, decorators, 5 MB of data).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksums, makeProject, removeProjects, type Summary } from '../../packages/codemod/tests/support/cli.js';
import type { CliRun } from '../../packages/codemod/tests/support/cli.js';
import { REAL_TRANSFORM } from './support/paths.js';
import { assertParses, linesOf, missingUntouchedLines, runCliJson } from './support/run-cli.js';

afterAll(removeProjects);

const IMPORT = "import https from 'node:https';\n";
const fetcher = (name: string): string => `export function ${name}(url) {\n  return https.get(url, { agent: new https.Agent({ keepAlive: true }) });\n}\n`;
const SITE = 'new https.Agent({ keepAlive: true })';

/** A generated 5 MB module (a data table, as checked-in lookup tables are) with one site at the end. */
function fiveMegabytes(): string {
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const row = `  { id: ${i}, text: '${'generated data, '.repeat(60)}' },\n`;
    rows.push(row);
    size += row.length;
  }
  return `${IMPORT}\n// Generated file.\nexport const TABLE = [\n${rows.join('')}];\n\n${fetcher('fetchRow')}`;
}

const inputs: Record<string, string | Buffer> = {
  'src/syntax-error.ts': `${IMPORT}export function broken( {\n  return 1;\n`,
  'src/empty.ts': '',
  'src/generated.mjs': fiveMegabytes(),
  'src/bom.ts': `\uFEFF${IMPORT}\n${fetcher('fetchIt')}`,
  'src/crlf.ts': `${IMPORT}\n// Windows line endings throughout.\n${fetcher('fetchIt')}\nexport const other = 1;\n`.replace(/\n/g, '\r\n'),
  'src/shebang.mjs': `#!/usr/bin/env node\n// A command-line tool.\n${IMPORT}\n${fetcher('main')}`,
  'src/jsx-in.js': `${IMPORT}\nexport function Button({ url }) {\n  const agent = ${SITE};\n  return <button onClick={() => https.get(url, { agent })}>Go</button>;\n}\n`,
  'src/decorated.ts': `${IMPORT}\nfunction logged(_target: object, _key: string) {}\nfunction sealed(constructor: Function) { Object.seal(constructor); }\n\n@sealed\nexport class Api {\n  @logged\n  fetchIt(url: string) {\n    return https.get(url, { agent: ${SITE} });\n  }\n}\n`,
  'src/decorated.js': `${IMPORT}\n@sealed\nexport class Api {\n  @logged\n  fetchIt(url) {\n    return https.get(url, { agent: ${SITE} });\n  }\n}\nfunction sealed(c) { return c; }\nfunction logged() {}\n`,
  'src/types.d.ts': `${IMPORT}export declare function fetchIt(url: string): void;\nexport function notReally() { return ${SITE}; }\n`,
  'src/binary.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02, 0x03]),
  'src/latin1.ts': Buffer.concat([Buffer.from(`${IMPORT}// caf`), Buffer.from([0xe9]), Buffer.from(`\n${fetcher('f')}`)]),
  'src/plain.ts': 'export const answer = 42;\n',
};
const FAILED = ['src/binary.js', 'src/latin1.ts', 'src/syntax-error.ts'];

let project: string;
let before: Record<string, string>;
let dry: CliRun;
let afterDry: Record<string, string>;
let run: CliRun;
let summary: Summary;
let second: Summary;

const read = (file: string): string => readFileSync(path.join(project, file), 'utf8');
const original = (file: string): string => String(inputs[file]);

beforeAll(() => {
  project = makeProject(inputs);
  before = checksums(project);
  dry = runCliJson(project, ['--dry'], { REUSE_CLIENTS_TRANSFORM: REAL_TRANSFORM }, 120_000).run;
  afterDry = checksums(project);
  ({ run, summary } = runCliJson(project, ['--cpus', '2'], { REUSE_CLIENTS_TRANSFORM: REAL_TRANSFORM }, 120_000));
  second = runCliJson(project, ['--cpus', '2'], { REUSE_CLIENTS_TRANSFORM: REAL_TRANSFORM }, 120_000).summary;
}, 240_000);

describe('one run over bad and unusual input', () => {
  it('--dry first: same failures, and not a byte written', () => {
    expect(dry.status).toBe(1);
    expect(dry.stderr).toBe(run.stderr);
    expect(afterDry).toEqual(before);
  });

  it('goes on past every failed file and exits 1', () => {
    expect(run.status).toBe(1);
    // Every file but the .d.ts is looked at; the ones with sites are all rewritten.
    expect(summary.files).toEqual({ scanned: 12, changed: 7, skipped: 2, failed: 3 });
  });

  it('gives each failed file one message that names it and the reason', () => {
    expect(summary.failures.map((failure) => failure.file)).toEqual(FAILED);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(FAILED.length);
    expect(lines).toEqual([
      'failed src/binary.js: binary or non-UTF-8 file, skipped',
      'failed src/latin1.ts: binary or non-UTF-8 file, skipped',
      expect.stringMatching(/^failed src\/syntax-error\.ts: does not parse \(line \d+, column \d+: .+\), left as is$/),
    ]);
  });

  it('leaves failed files, the empty file and a .d.ts file byte for byte as they were', () => {
    const after = checksums(project);
    for (const file of [...FAILED, 'src/empty.ts', 'src/types.d.ts', 'src/plain.ts']) expect(after[file], file).toBe(before[file]);
  });

  it('is idempotent: a second run over the rewritten files changes nothing', () => {
    expect(second.files).toEqual({ scanned: 12, changed: 0, skipped: 9, failed: 3 });
  });

  it.each(['src/generated.mjs', 'src/bom.ts', 'src/crlf.ts', 'src/shebang.mjs', 'src/jsx-in.js', 'src/decorated.ts', 'src/decorated.js'])(
    '%s: the site is hoisted, the output parses, every untouched line keeps its bytes',
    (file) => {
      const output = read(file);
      assertParses(output, file);
      expect(output.split(SITE)).toHaveLength(1); // the per-call construction is gone
      const input = original(file);
      const siteLine = linesOf(input).findIndex((line) => line.includes(SITE)) + 1;
      expect(missingUntouchedLines(input, output, [siteLine])).toEqual([]);
    },
  );

  it('keeps the byte-order mark, once', () => {
    const bytes = readFileSync(path.join(project, 'src/bom.ts'));
    expect([...bytes.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x69]); // BOM, then "i" of import
  });

  it('keeps CRLF endings on untouched lines and writes inserted lines with CRLF too', () => {
    const output = read('src/crlf.ts');
    const added = linesOf(output).filter((line) => !linesOf(original('src/crlf.ts')).includes(line));
    expect(added.length).toBeGreaterThan(0);
    for (const line of added) expect(line.endsWith('\r\n'), JSON.stringify(line)).toBe(true);
    expect(/(?:^|[^\r])\n/.test(output)).toBe(false);
  });

  it('keeps the shebang as the first line', () => {
    expect(read('src/shebang.mjs').startsWith('#!/usr/bin/env node\n// A command-line tool.\n')).toBe(true);
  });

  it('keeps JSX in a .js file and decorators in .ts and .js files', () => {
    expect(read('src/jsx-in.js')).toContain('<button onClick={() => https.get(url, { agent })}>Go</button>');
    for (const file of ['src/decorated.ts', 'src/decorated.js']) {
      expect(read(file)).toMatch(/@sealed\nexport class Api \{/);
      expect(read(file)).toContain('  @logged\n');
    }
  });

  it('rewrites the 5 MB file without touching its data', () => {
    const input = original('src/generated.mjs');
    const table = input.slice(input.indexOf('export const TABLE'), input.indexOf('];') + 2);
    expect(table.length).toBeGreaterThan(5_000_000);
    expect(read('src/generated.mjs')).toContain(table);
  });
});
