import { describe, expect, it } from 'vitest';
import { byCodeUnit } from '../../src/text/compare.js';

describe('byCodeUnit', () => {
  it('orders by UTF-16 code unit, whatever the locale (capitals before lower case, ASCII before accents)', () => {
    expect(['item-unmet', 'b', 'B', 'é', 'a', 'item-partial', 'a'].sort(byCodeUnit)).toEqual([
      'B',
      'a',
      'a',
      'b',
      'item-partial',
      'item-unmet',
      'é',
    ]);
  });
  it('is zero only for equal strings and antisymmetric', () => {
    expect(byCodeUnit('x', 'x')).toBe(0);
    expect(byCodeUnit('a', 'b')).toBe(-1);
    expect(byCodeUnit('b', 'a')).toBe(1);
  });
});
