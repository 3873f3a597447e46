// What the property tests share: how many cases they try, and a string unit cheaper to build.
import fc from 'fast-check';

// The full run (`npm test`, CI, mutation testing) tries every case a test asks for; the fast loop (`npm run
// test:fast`) tries the first FAST_LOOP_RUNS of them, with the same seed, so each of its cases is one the
// full run tries too. The loop is for a quick answer while editing: the properties' long tails are CI's.
const FAST_LOOP_RUNS = 100;

/** The runs of a property test asked for `n` cases: `n`, or the fast loop's share of them. */
export function runs(n: number): number {
  return process.env.COMMREADY_TEST_LOOP === 'fast' ? Math.min(n, FAST_LOOP_RUNS) : n;
}

/**
 * The rows a table-driven test runs: every row in the full run; in the fast loop, the rows `keep` picks,
 * chosen so that the loop still meets every value of every column once (each community type, with the
 * formalities and stages taken in turn), as a property test there tries its first cases.
 */
export function rowsToRun<T>(rows: readonly T[], keep: (row: T) => boolean): readonly T[] {
  return process.env.COMMREADY_TEST_LOOP === 'fast' ? rows.filter(keep) : rows;
}

/** The code points outside the surrogates, as fast-check's 'binary' unit numbers them. */
const SURROGATES = 0x800;
const FIRST_SURROGATE = 0xd800;

/**
 * Any code point but a lone surrogate: fast-check's `unit: 'binary'`, value for value under the same seed,
 * without the 1.8 s its first use takes (fast-check maps all 1.1 million code points back to their indexes
 * to cut its special strings such as `__proto__` into units; this unit's own inverse does that for nothing).
 */
export const anyCodePoint: fc.Arbitrary<string> = fc.nat(0x10ffff - SURROGATES).map(
  (i) => String.fromCodePoint(i < FIRST_SURROGATE ? i : i + SURROGATES),
  (unit) => {
    if (typeof unit !== 'string') throw new Error('not a string');
    const cp = unit.codePointAt(0);
    if (cp === undefined || String.fromCodePoint(cp) !== unit || (cp >= FIRST_SURROGATE && cp < FIRST_SURROGATE + SURROGATES))
      throw new Error('not one code point');
    return cp < FIRST_SURROGATE ? cp : cp - SURROGATES;
  },
);
