// Rule kind `relative`: a count of people at least a share of the community's size, never below an
// absolute floor (the sources state such figures relative to size). May be an observed, dated fact.
import type { NumberOrParam, RelativeRule } from '../types.js';
import { freshValue, unmeasured } from './observed-rule.js';
import {
  numberOf,
  paramProblems,
  pathProblem,
  type RuleContext,
  type RuleKindModule,
  ruleBase,
  FAILED,
  NO_NOTES,
  PASSED,
} from './rule-kind.js';

export const relativeRule: RuleKindModule<RelativeRule> = {
  kind: 'relative',
  build: (raw) => ({
    kind: 'relative',
    ...ruleBase(raw),
    share: raw.share as NumberOrParam,
    floor: raw.floor as NumberOrParam,
    ...(raw.max_age_days !== undefined ? { maxAge: raw.max_age_days as NumberOrParam } : {}),
  }),
  validate: (rule, context) => [
    ...pathProblem(rule, context),
    ...paramProblems({ share: rule.share, floor: rule.floor, max_age_days: rule.maxAge }, context.params),
  ],
  check(rule, context) {
    let value: unknown;
    if (rule.maxAge !== undefined) {
      const fresh = freshValue(rule.segments, rule.maxAge, context);
      if (!fresh.ok) return unmeasured(fresh);
      value = fresh.value;
    } else value = context.fact(rule.segments);
    if (typeof value !== 'number' || !Number.isFinite(value)) return FAILED;
    const needed = requiredCount(rule, context);
    return value >= needed ? PASSED : { pass: false, detail: `${value} of ${needed}`, notes: NO_NOTES };
  },
  describe(rule, show) {
    const dated = rule.maxAge !== undefined ? `, measured within the last ${show(rule.maxAge)} days` : '';
    return `${rule.path} is at least ${show(rule.share)} of community.size, and never below ${show(rule.floor)}${dated}`;
  },
  schemas: () => [],
};

/** max(floor, ⌈share × size⌉); the floor alone when the size is not given. */
export function requiredCount(rule: Pick<RelativeRule, 'share' | 'floor'>, context: Pick<RuleContext, 'params' | 'size'>): number {
  const floor = numberOf(rule.floor, context.params);
  if (context.size === undefined) return floor;
  return Math.max(floor, Math.ceil(numberOf(rule.share, context.params) * context.size - 1e-9));
}
