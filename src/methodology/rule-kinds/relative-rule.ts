// Rule kind `relative`: a count of people at least a share of the community's size, never below an
// absolute floor (the sources state such figures relative to size). May be an observed, dated fact.
import type { NumberOrParam } from '../types.js';
import { freshValue, unmeasured } from './observed-rule.js';
import {
  numberOf,
  pathProblem,
  type RuleContext,
  type RuleKindModule,
  ruleBase,
  type RuleNote,
  type RuleOutcome,
  FAILED,
  NO_NOTES,
  PASSED,
  type RuleBase,
} from './rule-kind.js';

/** A count at least `share` of the community's size, and never below `floor`. */
export interface RelativeRule extends RuleBase {
  kind: 'relative';
  share: NumberOrParam;
  floor: NumberOrParam;
  /** When set, the value is an observed fact (`{ value, as_of }`) no older than this many days. */
  maxAge?: NumberOrParam;
}

export const relativeRule: RuleKindModule<RelativeRule> = {
  kind: 'relative',
  build: (raw) => ({
    kind: 'relative',
    ...ruleBase(raw),
    share: raw.share as NumberOrParam,
    floor: raw.floor as NumberOrParam,
    ...(raw.max_age_days !== undefined ? { maxAge: raw.max_age_days as NumberOrParam } : {}),
  }),
  params: [
    { key: 'share', field: 'share', stricter: 'higher' },
    { key: 'floor', field: 'floor', stricter: 'higher' },
    { key: 'max_age_days', field: 'maxAge', stricter: 'lower' },
  ],
  validate: (rule, context) => pathProblem(rule, context),
  // With a freshness limit, the count is an observed, dated fact.
  observes: (rule) => rule.maxAge !== undefined,
  check(rule, context) {
    // Without a size there is no share to judge: never the floor alone, which let a large community
    // pass by leaving its size out. A fact to state; an observed count is then unmeasured, not failed.
    if (context.size === undefined) return rule.maxAge !== undefined ? SIZE_UNSTATED_OBSERVED : SIZE_UNSTATED;
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

const SIZE_NOTE: RuleNote = Object.freeze({ code: 'fact-unstated', path: ['community', 'size'], data: { fact: 'community.size' } });
const SIZE_UNSTATED: RuleOutcome = Object.freeze({
  pass: false,
  detail: 'community.size is not stated',
  notes: Object.freeze([SIZE_NOTE]),
});
const SIZE_UNSTATED_OBSERVED: RuleOutcome = Object.freeze({ ...SIZE_UNSTATED, unmeasured: true });

/** max(floor, ⌈share × size⌉); the floor alone when the size is not given (the rule itself then fails). */
export function requiredCount(rule: Pick<RelativeRule, 'share' | 'floor'>, context: Pick<RuleContext, 'params' | 'size'>): number {
  const floor = numberOf(rule.floor, context.params);
  if (context.size === undefined) return floor;
  return Math.max(floor, Math.ceil(numberOf(rule.share, context.params) * context.size - 1e-9));
}
