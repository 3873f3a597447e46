// Calendar dates without time zones: isIsoDate counts days instead of making a Date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate } from '../../src/text/dates.js';
import { runs } from '../properties.js';

/** What isIsoDate answered when it made a Date: the date must survive a round trip through one. */
function byRoundTrip(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

describe('isIsoDate', () => {
  it('accepts exactly the dates a round trip through Date keeps', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const written = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(fc.oneof(written, fc.string({ maxLength: 12 })), (value) => {
        expect(isIsoDate(value)).toBe(byRoundTrip(value));
      }),
      { numRuns: runs(5000) },
    );
    for (const [value, ok] of [
      ['2024-02-29', true],
      ['2026-02-29', false],
      ['1900-02-29', false],
      ['2000-02-29', true],
      ['2026-04-31', false],
      ['2026-12-31', true],
      ['2026-1-01', false],
      [' 2026-01-01', false],
    ] as const)
      expect(isIsoDate(value), value).toBe(ok);
  });

  it('counts whole days between dates, across leap days and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2025-11-26', '2026-11-26')).toBe(365);
  });
});
