import { describe, expect, test } from '@jest/globals';
import { prefersRespondAsync } from './prefer-header';

describe(prefersRespondAsync.name, () => {
  test.each([
    ['respond-async', true],
    ['Respond-Async', true],
    ['return=minimal, respond-async; wait=0', true],
    ['wait=10', false],
    ['respond-asynchronously', false],
    ['', false],
    [undefined, false],
  ])('%j asks for an answer before the first state: %s', (header, expected) => {
    expect(prefersRespondAsync(header)).toBe(expected);
  });
});
