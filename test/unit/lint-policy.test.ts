import { describe, expect, it } from 'vitest';
import { settlePolicy, splitPlanParams } from '../../src/cli/lint-policy.js';
import { readFileSync } from 'node:fs';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { paramDirection } from '../../src/methodology/param-direction.js';
import { builtinMethodology, miniMethodology, planFromYaml, validation } from '../helpers.js';

const mini = miniMethodology();
const builtin = builtinMethodology();

describe('lint policy for plan parameters', () => {
  it('reads which way a parameter gets stricter from the schema keyword it fills', () => {
    expect(paramDirection(mini, 'people_min')).toBe('higher');
    expect(paramDirection(builtin, 'first_response_hours_max')).toBe('lower');
    expect(paramDirection(builtin, 'founding_members_min')).toBe('higher');
    expect(paramDirection(mini, 'nope')).toBeUndefined();
  });

  it("reads a date rule's thresholds: the go/no-go window narrows downward, a plan may not widen it", () => {
    expect(paramDirection(builtin, 'go_no_go_days_max')).toBe('lower');
    const plan = (days: number) => ({ params: { go_no_go_days_max: days }, type: 'customer' });
    expect(splitPlanParams(plan(14), builtin, 'tighten-only')).toEqual({ kept: { go_no_go_days_max: 14 }, ignored: {} });
    expect(splitPlanParams(plan(60), builtin, 'tighten-only')).toEqual({ kept: {}, ignored: { go_no_go_days_max: 60 } });
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

describe("lint policy for a plan fact that sets a threshold (the team's own response target)", () => {
  // A customer community's running response threshold is 24 hours, unless the plan states its own target.
  const customer = readFileSync('examples/launch-ready.yaml', 'utf8');
  const withTarget = (hours: number) =>
    planFromYaml(customer.replace('first_response_target_hours: 8', `first_response_target_hours: ${hours}`), builtin);
  const inForce = (hours: number, planParams: 'tighten-only' | 'ignore' | 'allow') => {
    const settled = settlePolicy(withTarget(hours), builtin, { planParams });
    const a = assessPlan(settled.plan, builtin, validation, { today: '2026-11-25', factParamsSetAside: settled.factsSetAside });
    return { params: a.customParams.running_response_hours ?? 24, ignored: settled.ignored };
  };

  it('sets aside, under tighten-only, a target that would relax the threshold, and keeps one that tightens it', () => {
    expect(inForce(72, 'tighten-only')).toEqual({ params: 24, ignored: { running_response_hours: 72 } });
    expect(inForce(8, 'tighten-only')).toEqual({ params: 8, ignored: {} });
    expect(inForce(24, 'tighten-only')).toEqual({ params: 24, ignored: {} });
  });

  it('sets every such fact aside under ignore, and applies any under allow (as report does)', () => {
    expect(inForce(8, 'ignore')).toEqual({ params: 24, ignored: { running_response_hours: 8 } });
    expect(inForce(72, 'allow')).toEqual({ params: 72, ignored: {} });
  });
});
