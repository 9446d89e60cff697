// The code blocks of the READMEs, each with the annotation on the line before its fence that says
// how it is executed:
//   <!-- snippet: <scenario>[,<scenario>…] $ -->               shell commands, run line by line
//   <!-- snippet: <scenario>[,…] <file> [typed] -->             written to <file> (package.json: merged);
//                                                             an ESLint or oxlint config is then run
//   <!-- snippet: <scenario>[,…] options -->                    a rule options object, linted with
//   <!-- snippet: ci (<why>) -->                               run by .ci/run or a vitest test
//   <!-- snippet: not-run (<why>) -->                          not executable here, and why
// Blocks without a language (directory trees, output) are prose and need none.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SNIPPET_SOURCES = ['README.md', 'packages/eslint-plugin/README.md', 'packages/codemod/README.md', 'packages/core/README.md', 'packages/trace/README.md'];

const FENCE = /^```(\S*)\s*$/;
const ANNOTATION = /^<!-- snippet: (.+?) -->$/;

/**
 * @typedef {{ source: string, line: number, language: string, code: string, annotation: Annotation | null }} Snippet
 * @typedef {{ kind: 'run', scenarios: string[], target: string, typed: boolean } | { kind: 'ci' | 'not-run', reason: string }} Annotation
 */

/** @returns {Snippet[]} every fenced block with a language, in document order. */
export function readSnippets(repoRoot) {
  return SNIPPET_SOURCES.flatMap((source) => snippetsOf(source, readFileSync(path.join(repoRoot, source), 'utf8')));
}

export function snippetsOf(source, markdown) {
  const lines = markdown.split('\n');
  const snippets = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index]);
    if (!open) continue;
    const close = lines.findIndex((text, at) => at > index && text.startsWith('```'));
    if (close === -1) throw new Error(`${source}:${index + 1}: code block never closed`);
    if (open[1]) {
      const annotated = ANNOTATION.exec(lines[index - 1] ?? '');
      snippets.push({
        source,
        line: index + 1,
        language: open[1],
        code: lines.slice(index + 1, close).join('\n') + '\n',
        annotation: annotated ? parseAnnotation(annotated[1]) : null,
      });
    }
    index = close;
  }
  return snippets;
}

function parseAnnotation(text) {
  const reasoned = /^(ci|not-run) \((.+)\)$/.exec(text);
  if (reasoned) return { kind: reasoned[1], reason: reasoned[2] };
  const [scenarios, target, ...flags] = text.split(/\s+/);
  if (!scenarios || !target || flags.some((flag) => flag !== 'typed')) throw new Error(`unreadable snippet annotation: ${text}`);
  return { kind: 'run', scenarios: scenarios.split(','), target, typed: flags.includes('typed') };
}
