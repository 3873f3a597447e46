// Rule kind `observed`: a measured fact, dated, no older than the freshness limit, whose value
// satisfies a JSON Schema. A stale or undated measurement counts as missing.
import { daysBetween, isIsoDate } from '../../text/dates.js';
import { describeSchema } from '../describe-schema.js';
import { readDatedFact, withoutBlanks } from '../plan-facts.js';
import type { NumberOrParam, ObservedRule } from '../types.js';
import {
  numberOf,
  paramProblems,
  pathProblem,
  type RuleContext,
  type RuleKindModule,
  type RuleNote,
  ruleBase,
  FAILED,
  PASSED,
} from './rule-kind.js';
import { compileProblems, showParam } from './schema-rule.js';

export const DEFAULT_MAX_AGE: NumberOrParam = { $param: 'observation_days_max' };

export const observedRule: RuleKindModule<ObservedRule> = {
  kind: 'observed',
  build: (raw) => ({
    kind: 'observed',
    ...ruleBase(raw),
    schema: raw.schema,
    maxAge: (raw.max_age_days as NumberOrParam | undefined) ?? DEFAULT_MAX_AGE,
  }),
  validate(rule, context) {
    return [
      ...pathProblem(rule, context),
      ...paramProblems({ max_age_days: rule.maxAge }, context.params),
      ...compileProblems(rule.schema, context.params, context.compile),
    ];
  },
  check(rule, context) {
    const fresh = freshValue(rule.segments, rule.maxAge, context);
    if (!fresh.ok) return { pass: false, ...(fresh.detail ? { detail: fresh.detail } : {}), notes: fresh.notes };
    return context.validator(rule.schema)(fresh.value) ? PASSED : FAILED;
  },
  describe: (rule, show) =>
    `${rule.path} holds ${describeSchema(rule.schema, showParam(show))}, measured within the last ${show(rule.maxAge)} days`,
  schemas: (rule) => [rule.schema],
};

type Fresh = { ok: true; value: unknown } | { ok: false; detail?: string; notes: RuleNote[] };

/** The value of a dated fact when it is present, dated, not in the future and fresh enough. */
export function freshValue(segments: readonly string[], maxAge: NumberOrParam, context: RuleContext): Fresh {
  const fact = readDatedFact(context.data, segments);
  const value = withoutBlanks(fact.value);
  if (value === undefined) return { ok: false, notes: [] };
  if (!fact.asOf || !isIsoDate(fact.asOf))
    return { ok: false, detail: `give the date it was measured in ${fact.asOfPath.join('.')}`, notes: [] };
  const days = daysBetween(fact.asOf, context.today);
  const limit = numberOf(maxAge, context.params);
  if (days < 0) {
    return {
      ok: false,
      detail: `measured on ${fact.asOf}, after today`,
      notes: [{ code: 'date-in-future', path: fact.asOfPath, data: { asOf: fact.asOf } }],
    };
  }
  if (days > limit) {
    return {
      ok: false,
      detail: `measured on ${fact.asOf}, ${days} days ago (the limit is ${limit})`,
      notes: [{ code: 'observation-stale', path: fact.asOfPath, data: { asOf: fact.asOf, days, maxAge: limit } }],
    };
  }
  return { ok: true, value };
}
