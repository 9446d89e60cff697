// createRule replaces @typescript-eslint/utils' RuleCreator (see create-rule.ts): the rule must get
// its docs URL and options with meta.defaultOptions merged in, whether or not the host merges them.
import { describe, expect, it } from 'vitest';
import { createRule } from '../src/create-rule.js';

type Options = [{ catalog?: string[]; nested?: { a?: number; b?: number }; flag?: boolean }];

function optionsSeen(given: unknown[]): Options {
  let seen: Options | undefined;
  const rule = createRule<Options, 'x'>({
    name: 'some-rule',
    meta: {
      type: 'problem',
      docs: { description: 'test rule' },
      messages: { x: 'x' },
      schema: [],
      defaultOptions: [{ catalog: [], nested: { a: 1, b: 2 }, flag: false }],
    },
    create(_context, options) {
      seen = options;
      return {};
    },
  });
  rule.create({ options: given } as never);
  return seen!;
}

describe('createRule', () => {
  it('points docs.url at the rule page', () => {
    const rule = createRule<[], 'x'>({
      name: 'no-per-call-agent',
      meta: { type: 'problem', docs: { description: 'd' }, messages: { x: 'x' }, schema: [], defaultOptions: [] },
      create: () => ({}),
    });
    expect(rule.meta.docs?.url).toBe('https://github.com/reuse-clients/reuse-clients/blob/main/docs/rules/no-per-call-agent.md');
  });

  it('passes the defaults when no options are given', () => {
    expect(optionsSeen([])).toEqual([{ catalog: [], nested: { a: 1, b: 2 }, flag: false }]);
  });

  it('merges objects deeply and replaces arrays and values', () => {
    expect(optionsSeen([{ catalog: ['x'], nested: { b: 5 }, flag: true }])).toEqual([{ catalog: ['x'], nested: { a: 1, b: 5 }, flag: true }]);
  });

  it('does not share the defaults between runs', () => {
    optionsSeen([])[0].catalog!.push('mutated');
    expect(optionsSeen([])[0].catalog).toEqual([]);
  });
});
