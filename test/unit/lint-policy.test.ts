import { describe, expect, it } from 'vitest';
import { paramDirection, splitPlanParams } from '../../src/cli/lint-policy.js';
import { builtinMethodology, miniMethodology } from '../helpers.js';

const mini = miniMethodology();
const builtin = builtinMethodology();

describe('lint policy for plan parameters', () => {
  it('reads which way a parameter gets stricter from the schema keyword it fills', () => {
    expect(paramDirection(mini, 'people_min')).toBe('higher');
    expect(paramDirection(builtin, 'first_response_hours_max')).toBe('lower');
    expect(paramDirection(builtin, 'founding_members_min')).toBe('higher');
    expect(paramDirection(mini, 'nope')).toBeUndefined();
  });

  it('keeps only values that tighten under tighten-only; none under ignore; all under allow', () => {
    const params = { founding_members_min: 30, first_response_hours_max: 48, backup_people_min: 0 };
    expect(splitPlanParams(params, builtin, 'tighten-only')).toEqual({
      kept: { founding_members_min: 30 },
      ignored: { first_response_hours_max: 48, backup_people_min: 0 },
    });
    expect(splitPlanParams({ first_response_hours_max: 12 }, builtin, 'tighten-only').kept).toEqual({ first_response_hours_max: 12 });
    expect(splitPlanParams(params, builtin, 'ignore').kept).toEqual({});
    expect(splitPlanParams(params, builtin, 'allow').ignored).toEqual({});
  });
});
