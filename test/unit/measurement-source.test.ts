// The stated source of an observed figure: which sources say it was never measured.
import { describe, expect, it } from 'vitest';
import { namesNoMeasurement } from '../../src/text/measurement-source.js';

describe('namesNoMeasurement', () => {
  it('reads non-answers, guesses, estimates, targets and plans as no measurement', () => {
    for (const source of [
      'none',
      'n/a',
      'unknown',
      'TBD',
      '-',
      'estimate',
      'Our estimate.',
      'a rough estimate',
      'best guess',
      'an educated guess',
      'team estimate',
      'guesstimate',
      'target',
      'the target',
      'our goal',
      'forecast',
      'projection',
      'the plan',
      'gut feeling',
      'made up',
      'placeholder',
      'not measured',
      'no data',
      'from memory',
    ])
      expect(namesNoMeasurement(source), source).toBe(true);
  });

  it('reads a place or a method as a measurement, however it mentions an estimate or a target', () => {
    for (const source of [
      'contribution export, last 90 days',
      'internal dashboard',
      'GitHub and forum analytics',
      'quarterly cohort query',
      'estimated from a 10% sample of the forum export',
      'target audience survey, March',
      'Discourse admin report',
      'plan',
      'estimate ' + 'x'.repeat(80),
    ])
      expect(namesNoMeasurement(source), source).toBe(source === 'plan');
  });
});
