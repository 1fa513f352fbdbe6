import { describe, expect, test } from '@jest/globals';
import { routePath } from './route-path';

describe(routePath.name, () => {
  test('follows the route through its bends, rounding each corner', () => {
    expect(
      routePath([
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 30 },
      ]),
    ).toBe('M 0 0 L 14 0 Q 20 0 20 6 L 20 30');
  });

  test('a corner on a short leg rounds no further than half the leg', () => {
    expect(
      routePath([
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 30 },
      ]),
    ).toBe('M 0 0 L 2 0 Q 4 0 4 2 L 4 30');
  });

  test('no route, no path', () => {
    expect(routePath([])).toBe('');
  });
});
