import { describe, expect, it } from 'vitest';
import { AUTO_MIN_PLANS, workerCount } from '../../src/cli/assess-in-workers.js';

describe('workerCount (lint --concurrency)', () => {
  const cores = (n: number) => () => n;
  it('off: none; a number of threads in all: that many less the main thread, never more than one a plan', () => {
    expect(workerCount('off', 10_000, cores(8))).toBe(0);
    expect(workerCount(3, 10_000, cores(1))).toBe(2);
    expect(workerCount(3, 2, cores(8))).toBe(1);
    expect(workerCount(1, 10_000, cores(8))).toBe(0);
  });

  it('auto: one thread a core (at most 4, the main thread one of them) from AUTO_MIN_PLANS plans, none on one core or below that', () => {
    expect(workerCount('auto', AUTO_MIN_PLANS - 1, cores(8))).toBe(0);
    expect(workerCount('auto', AUTO_MIN_PLANS, cores(2))).toBe(1);
    expect(workerCount('auto', 10_000, cores(16))).toBe(3);
    expect(workerCount('auto', 10_000, cores(1))).toBe(0);
  });

  it('auto asks for the cores only when the run is large enough', () => {
    const never = () => {
      throw new Error('asked');
    };
    expect(workerCount('auto', 1, never)).toBe(0);
  });
});
