// The CHAOSS definitions detect computes, on their own worked examples and the edge cases they leave open.
import { describe, expect, it } from 'vitest';
import { contributorAbsenceFactor, elephantFactor, kaplanMeierMedian, median, organisationShare } from '../../src/detect/chaoss.js';

describe('the Contributor Absence Factor', () => {
  it("gives 2 on CHAOSS's worked example (half of 2,475 is 1,237.5; the top two make 1,433)", () => {
    expect(contributorAbsenceFactor([1000, 202, 90, 33, 332, 343, 42, 433])).toEqual({ factor: 2, share: 1433 / 2475, total: 2475 });
  });

  it('counts a tie at exactly half as enough', () => {
    expect(contributorAbsenceFactor([50, 30, 20])?.factor).toBe(1);
    expect(contributorAbsenceFactor([5, 5])?.factor).toBe(1);
    expect(contributorAbsenceFactor([49, 30, 21])?.factor).toBe(2);
  });

  it('is null without contributions, never 0', () => {
    expect(contributorAbsenceFactor([])).toBeNull();
    expect(contributorAbsenceFactor([0, 0])).toBeNull();
  });

  it('is 1 for a single contributor and grows with an even spread', () => {
    expect(contributorAbsenceFactor([7])?.factor).toBe(1);
    expect(contributorAbsenceFactor(Array.from({ length: 10 }, () => 3))?.factor).toBe(5);
  });
});

describe('the Elephant Factor and organisational diversity', () => {
  it('gives 4 for eight organisations at 12.5% each, and 1 for one at 50%', () => {
    expect(elephantFactor(Array.from({ length: 8 }, () => 125))).toBe(4);
    expect(elephantFactor([50, 25, 25])).toBe(1);
  });

  it('measures the share outside the largest organisation', () => {
    expect(organisationShare([60, 30, 10])).toBeCloseTo(0.4);
    expect(organisationShare([10])).toBe(0);
    expect(organisationShare([])).toBeNull();
  });
});

describe('medians of waiting times', () => {
  it('is the ordinary median when every item was answered', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const waits = [4, 1, 3, 2].map((time) => ({ time, answered: true }));
    expect(kaplanMeierMedian(waits)).toEqual({ median: 2.5 });
    expect(kaplanMeierMedian([5, 1, 3].map((time) => ({ time, answered: true })))).toEqual({ median: 3 });
  });

  it('counts unanswered items instead of dropping them (right-censored)', () => {
    // Answered after 1 and 2 hours; two still waiting after 10 hours: dropping them would give 1.5.
    const km = kaplanMeierMedian([
      { time: 1, answered: true },
      { time: 2, answered: true },
      { time: 10, answered: false },
      { time: 10, answered: false },
    ]);
    expect(km).toEqual({ median: 2 });
  });

  it('gives no median when fewer than half were ever answered, only that it is longer than the longest wait', () => {
    expect(
      kaplanMeierMedian([
        { time: 1, answered: true },
        { time: 50, answered: false },
        { time: 60, answered: false },
      ]),
    ).toEqual({ above: 60 });
    expect(kaplanMeierMedian([])).toBeNull();
  });
});
