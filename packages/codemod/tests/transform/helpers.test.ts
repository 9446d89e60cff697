// The transform's building blocks, one concept each: text edits, sharing keys, the file's style.
import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { applyEdits, mergeEdits, overlaps, renderRange, type Edit } from '../../src/transform/edits.js';
import { sharingKey } from '../../src/transform/sharing.js';
import { detectStyle } from '../../src/transform/style.js';
import { parseFile } from '../../src/transform/parse.js';
import { unusedImportRemovals } from '../../src/transform/unused-imports.js';

describe('text edits', () => {
  it('applies non-overlapping edits by offset, insertions at one offset in order', () => {
    const edits: Edit[] = [
      { start: 4, end: 4, text: 'B', order: 2 },
      { start: 0, end: 3, text: 'xyz' },
      { start: 4, end: 4, text: 'A', order: 1 },
    ];
    expect(applyEdits('abc def', edits)).toBe('xyz ABdef');
  });

  it('refuses overlapping edits instead of producing garbage', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow(/overlapping/);
    expect(overlaps({ start: 2, end: 2, text: 'x' }, { start: 0, end: 4, text: '' })).toBe(true);
    expect(overlaps({ start: 4, end: 4, text: 'x' }, { start: 0, end: 4, text: '' })).toBe(false);
  });

  it('renders a range with the edits inside it (the text a hoist moves)', () => {
    expect(renderRange('f(new A({ x: 1 }))', 2, 17, [{ start: 10, end: 10, text: 'k: 2, ' }])).toBe('new A({ k: 2, x: 1 })');
  });

  it('lets a composing edit take over the edits inside its range, whichever comes first', () => {
    const compose = (inner: readonly Edit[]) => `[${inner.map((edit) => edit.text).join('+')}]`;
    const inner: Edit = { start: 2, end: 3, text: 'in' };
    const outer: Edit = { start: 0, end: 10, text: '', compose };
    expect(mergeEdits([inner], [outer]).map((edit) => edit.text)).toEqual(['[in]']);
    expect(mergeEdits([outer], [inner]).map((edit) => edit.text)).toEqual(['[in]']);
  });
});

describe('sharing keys', () => {
  it('ignores property order, quotes, numeric separators and layout', () => {
    expect(sharingKey("new https.Agent({ keepAlive: true, timeout: 4_000, scheduling: 'lifo' })")).toBe(sharingKey('new https.Agent({\n  scheduling: "lifo",\n  timeout: 4000,\n  keepAlive: true,\n})'));
  });

  it('tells different option values apart', () => {
    expect(sharingKey("new S3Client({ region: 'eu-west-1' })")).not.toBe(sharingKey("new S3Client({ region: 'us-east-1' })"));
    expect(sharingKey('new Pool({ ...base })')).not.toBe(sharingKey('new Pool({ ...other })'));
  });
});

describe('file style', () => {
  const style = (text: string, typescript = false) => detectStyle(text, parse(text, { range: true }), typescript, 'module');

  it('follows CRLF, tabs, double quotes, no semicolons and bare builtin names', () => {
    const detected = style('import fs from "fs"\r\nimport axios from "axios"\r\nfunction f() {\r\n\treturn 1\r\n}\r\n');
    expect(detected).toMatchObject({ newline: '\r\n', indent: '\t', quote: '"', semicolon: '', nodePrefix: false, module: 'esm' });
  });

  it('defaults to LF, two spaces, single quotes, semicolons and the node: prefix', () => {
    expect(style("import axios from 'axios';\n")).toMatchObject({ newline: '\n', indent: '  ', quote: "'", semicolon: ';', nodePrefix: true });
  });

  it('recognises CommonJS by its requires', () => {
    const text = "const https = require('node:https');\nmodule.exports = {};\n";
    expect(detectStyle(text, parse(text, { range: true }), false, 'script')).toMatchObject({ module: 'cjs', nodePrefix: true });
  });
});

describe('imports a rewrite leaves unused', () => {
  /** Drops the text `dropped` (its first occurrence after the imports) and removes what became unused. */
  function dropAndClean(source: string, dropped: string, inserted?: { after: string; text: string }): string {
    const parsed = parseFile(source, 'file.ts');
    const start = source.lastIndexOf(dropped);
    const edits: Edit[] = [{ start, end: start + dropped.length, text: 'shared', drops: true }];
    if (inserted) {
      const at = source.indexOf(inserted.after) + inserted.after.length;
      edits.push({ start: at, end: at, text: inserted.text });
    }
    return applyEdits(source, [...edits, ...unusedImportRemovals(parsed, edits)]);
  }

  it('removes a named import, a default import before braces, and the only name in braces after a default', () => {
    expect(dropAndClean("import { A, b } from 'm';\nb(new A());\n", 'new A()')).toBe("import { b } from 'm';\nb(shared);\n");
    expect(dropAndClean("import { b, A } from 'm';\nb(new A());\n", 'new A()')).toBe("import { b } from 'm';\nb(shared);\n");
    expect(dropAndClean("import A, { b } from 'm';\nb(new A());\n", 'new A()')).toBe("import { b } from 'm';\nb(shared);\n");
    expect(dropAndClean("import b, { A } from 'm';\nb(new A());\n", 'new A()')).toBe("import b from 'm';\nb(shared);\n");
  });

  it('removes required names the same way, and leaves names still used or unused before', () => {
    expect(dropAndClean("const { A, b } = require('m');\nb(new A());\n", 'new A()')).toBe("const { b } = require('m');\nb(shared);\n");
    expect(dropAndClean("const x = 1;\nconst A = require('m');\nf(new A(), x);\n", 'new A()')).toBe("const x = 1;\nf(shared, x);\n");
    expect(dropAndClean("import { A, unused } from 'm';\nf(new A(), A);\n", 'new A()')).toBe("import { A, unused } from 'm';\nf(shared, A);\n");
  });

  it('keeps an import added at the end of the removed import line', () => {
    const source = "import { x } from 'x';\nimport { A } from 'm';\nf(new A(), x);\n";
    expect(dropAndClean(source, 'new A()', { after: "from 'm';", text: "\nimport { shared } from './shared.js';" })).toBe("import { x } from 'x';\nimport { shared } from './shared.js';\nf(shared, x);\n");
  });
});

describe('parsing a file again', () => {
  it('gives the same tree for the same path and text, and a new one when either differs', () => {
    const text = "import https from 'node:https';\nexport const agent = new https.Agent();\n";
    const first = parseFile(text, '/project/a.ts');
    expect(parseFile(text, '/project/a.ts')).toBe(first);
    expect(parseFile(`${text}\n`, '/project/a.ts')).not.toBe(first);
    expect(parseFile(text, '/project/b.ts')).not.toBe(first);
    expect(parseFile(text, '/project/a.ts').ast.body).toHaveLength(2);
  });
});
