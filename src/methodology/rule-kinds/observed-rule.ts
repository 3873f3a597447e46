// Rule kind `observed`: a measured fact, dated, no older than the freshness limit, whose value
// satisfies a JSON Schema. A stale or undated measurement counts as missing.
import { daysBetween, isIsoDate } from '../../text/dates.js';
import { describeSchema } from '../describe-schema.js';
import { getPath, readDatedFact, withoutBlanks } from '../plan-facts.js';
import type { NumberOrParam } from '../types.js';
import {
  numberOf,
  pathProblem,
  type RuleContext,
  type RuleKindModule,
  type RuleNote,
  ruleBase,
  FAILED,
  NO_NOTES,
  PASSED,
  UNMEASURED,
  type RuleOutcome,
  type RuleBase,
} from './rule-kind.js';
import { compileProblems, showParam } from './schema-rule.js';

export const DEFAULT_MAX_AGE: NumberOrParam = { $param: 'observation_days_max' };

/** A measured fact: a value (satisfying `schema`) with the date it was measured, no older than the freshness limit. */
export interface ObservedRule extends RuleBase {
  kind: 'observed';
  schema: unknown;
  /** A band worth half: a fresh value that fails `schema` but satisfies this makes the rule partly met. */
  partial?: unknown;
  /** Oldest a measurement may be, in days. */
  maxAge: NumberOrParam;
}

export const observedRule: RuleKindModule<ObservedRule> = {
  kind: 'observed',
  build: (raw) => ({
    kind: 'observed',
    ...ruleBase(raw),
    schema: raw.schema,
    ...(raw.partial !== undefined ? { partial: raw.partial } : {}),
    maxAge: (raw.max_age_days as NumberOrParam | undefined) ?? DEFAULT_MAX_AGE,
  }),
  params: [{ key: 'max_age_days', field: 'maxAge', stricter: 'lower' }],
  validate(rule, context) {
    return [
      ...pathProblem(rule, context),
      ...compileProblems(rule.schema, context.params, context.compile),
      ...(rule.partial !== undefined
        ? compileProblems(rule.partial, context.params, context.compile).map((p) => ({ ...p, path: ['partial'] }))
        : []),
    ];
  },
  check(rule, context) {
    const fresh = freshValue(rule.segments, rule.maxAge, context);
    if (!fresh.ok) return unmeasured(fresh);
    if (context.validator(rule.schema)(fresh.value)) return PASSED;
    return rule.partial !== undefined && context.validator(rule.partial)(fresh.value) ? PARTLY : FAILED;
  },
  describe: (rule, show) =>
    `${rule.path} holds ${describeSchema(rule.schema, showParam(show))}, measured within the last ${show(rule.maxAge)} days` +
    (rule.partial !== undefined ? ` (half credit for ${describeSchema(rule.partial, showParam(show))})` : ''),
  schemas: (rule) => (rule.partial !== undefined ? [rule.schema, rule.partial] : [rule.schema]),
  evidenceSchema: (rule) => rule.schema,
  observes: () => true,
};

type Fresh = { ok: true; value: unknown } | { ok: false; detail?: string; notes: RuleNote[] };

/** Within the partial band: worth half. */
const PARTLY: RuleOutcome = Object.freeze({ pass: false, partial: true, detail: 'within the band worth half', notes: NO_NOTES });

/** The outcome of a fact that is not there to judge: missing, undated, stale or dated after today. */
export function unmeasured(fresh: Extract<Fresh, { ok: false }>): RuleOutcome {
  if (!fresh.detail && fresh.notes.length === 0) return UNMEASURED;
  return { pass: false, unmeasured: true, ...(fresh.detail ? { detail: fresh.detail } : {}), notes: fresh.notes };
}

/** The value of a dated fact when it is present, dated, not in the future and fresh enough. */
export function freshValue(segments: readonly string[], maxAge: NumberOrParam, context: RuleContext): Fresh {
  const fact = readDatedFact(context.data, segments);
  // One member leader written twice is one (a list of people, Methodology.peopleLists).
  const value = withoutBlanks(fact.value, undefined, fact.valuePath, undefined, context.peopleLists);
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
  // A figure from before the community opened measures something else (a forum it replaced, a pilot).
  const opened = getPath(context.data, ['community', 'opened']);
  if (typeof opened === 'string' && isIsoDate(opened) && fact.asOf < opened)
    return { ok: false, detail: `measured on ${fact.asOf}, before the community opened on ${opened}`, notes: [] };
  if (days > limit) {
    return {
      ok: false,
      detail: `measured on ${fact.asOf}, ${days} days ago (the limit is ${limit})`,
      notes: [{ code: 'observation-stale', path: fact.asOfPath, data: { asOf: fact.asOf, days, maxAge: limit } }],
    };
  }
  return { ok: true, value };
}
