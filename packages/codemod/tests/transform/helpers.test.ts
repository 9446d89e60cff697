// The transform's building blocks, one concept each: text edits, sharing keys, the file's style.
import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { applyEdits, mergeEdits, overlaps, renderRange, type Edit } from '../../src/transform/edits.js';
import { sharingKey } from '../../src/transform/sharing.js';
import { detectStyle } from '../../src/transform/style.js';

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
