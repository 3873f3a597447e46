// The property tests' own unit must stay what its comment says: fast-check's 'binary' unit, value for value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyCodePoint } from '../properties.js';

describe('anyCodePoint', () => {
  it("draws the very strings fast-check's binary unit draws under the same seed, its special strings included", () => {
    const ours = fc.string({ unit: anyCodePoint, maxLength: 40 });
    const theirs = fc.string({ unit: anyCodePoint, maxLength: 40 });
    for (const seed of [1, 8, 42, 20261126]) {
      const drawn = fc.sample(ours, { seed, numRuns: 2000 });
      expect(drawn).toEqual(fc.sample(theirs, { seed, numRuns: 2000 }));
      // Not vacuous: what the unit exists for is drawn, control characters, the astral planes and '__proto__'.
      expect(drawn.some((s) => /[\0-\x1f]/.test(s))).toBe(true);
      expect(drawn.some((s) => /[\u{10000}-\u{10ffff}]/u.test(s))).toBe(true);
      if (seed === 1) expect(drawn.some((s) => s.includes('__proto__') || s.includes('constructor'))).toBe(true);
    }
  });

  it('takes back every unit it draws, and refuses what is not one code point', () => {
    fc.assert(
      fc.property(anyCodePoint, (unit) => {
        expect(anyCodePoint.canShrinkWithoutContext(unit)).toBe(true);
      }),
    );
    for (const other of ['', 'ab', '\ud800', 7, undefined]) expect(anyCodePoint.canShrinkWithoutContext(other)).toBe(false);
  });
});
