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
    const plan = (p: Record<string, number>) => ({ params: p, type: 'customer' });
    expect(splitPlanParams(plan(params), builtin, 'tighten-only')).toEqual({
      kept: { founding_members_min: 30 },
      ignored: { first_response_hours_max: 48, backup_people_min: 0 },
    });
    expect(splitPlanParams(plan({ first_response_hours_max: 12 }), builtin, 'tighten-only').kept).toEqual({ first_response_hours_max: 12 });
    expect(splitPlanParams(plan(params), builtin, 'ignore').kept).toEqual({});
    expect(splitPlanParams(plan(params), builtin, 'allow').ignored).toEqual({});
  });

  it("compares with the threshold in force for the plan's type, not the methodology's default", () => {
    // A customer community asks 2% of its members to be active; the methodology's default is 10%. A plan
    // setting 5% raises its own type's bar, and is kept; one setting 1% lowers it, and is set aside.
    expect(splitPlanParams({ params: { active_share_established: 0.05 }, type: 'customer' }, builtin, 'tighten-only').kept).toEqual({
      active_share_established: 0.05,
    });
    expect(splitPlanParams({ params: { active_share_established: 0.01 }, type: 'customer' }, builtin, 'tighten-only').ignored).toEqual({
      active_share_established: 0.01,
    });
    // A volunteer group's organiser is asked for 2 hours: 3 tightens it, although it is below the default 20.
    expect(
      splitPlanParams({ params: { host_hours_per_week_min: 3 }, type: 'grassroots', formality: 'volunteer' }, builtin, 'tighten-only').kept,
    ).toEqual({ host_hours_per_week_min: 3 });
  });
});
