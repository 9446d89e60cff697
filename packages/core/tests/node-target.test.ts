import { describe, expect, it } from 'vitest';
import { mayRunBelowMajor } from '../src/index.js';

describe('mayRunBelowMajor (does the global agent lack keep-alive on some supported Node?)', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['>=16', true],
    ['^18 || ^20', true],
    ['18', true],
    ['18.19.0', true],
    ['>=18.0.0 <21', true],
    ['not a range', true],
  ])('%j may run below Node 19: %s', (target, expected) => {
    expect(mayRunBelowMajor(target, 19)).toBe(expected);
  });

  it.each([['>=19'], ['>=20.19'], ['^20 || ^22'], ['20'], ['22.1.0'], ['>=19.0.0']])('%j only runs on Node 19 or later', (target) => {
    expect(mayRunBelowMajor(target, 19)).toBe(false);
  });
});
