// Rule kind `choice`: answers from a named list in force (the manifest's `lists`, which a community type
// or formality may replace), so that e.g. value areas fit the kind of community.
import type { NumberOrParam } from '../types.js';
import { numberOf, pathProblem, type RuleKindModule, ruleBase, NO_NOTES, PASSED, type RuleBase } from './rule-kind.js';

/** Answers from a named list in force (the manifest's `lists`, which profiles may replace). */
export interface ChoiceRule extends RuleBase {
  kind: 'choice';
  list: string;
  /** For a list of records, the key that holds the answer. */
  field?: string;
  min: NumberOrParam;
}

export const choiceRule: RuleKindModule<ChoiceRule> = {
  kind: 'choice',
  build: (raw) => ({
    kind: 'choice',
    ...ruleBase(raw),
    list: String(raw.list),
    ...(typeof raw.field === 'string' ? { field: raw.field } : {}),
    min: (raw.min as NumberOrParam | undefined) ?? 1,
  }),
  params: [{ key: 'min', field: 'min', stricter: 'higher' }],
  validate: (rule, context) => [
    ...pathProblem(rule, context),
    ...(context.lists[rule.list] === undefined
      ? [
          {
            path: ['list'],
            message: `unknown list '${rule.list}' (the manifest's lists: ${Object.keys(context.lists).join(', ') || 'none'})`,
          },
        ]
      : []),
  ],
  check(rule, context) {
    const allowed = new Set(context.lists[rule.list] ?? []);
    const value = context.fact(rule.segments);
    const entries: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
    const answers = entries.map((e) =>
      rule.field ? (e && typeof e === 'object' && !Array.isArray(e) ? (e as Record<string, unknown>)[rule.field] : undefined) : e,
    );
    const outside = answers.filter((a) => typeof a !== 'string' || !allowed.has(a)).length;
    const min = numberOf(rule.min, context.params);
    const pass = answers.length >= min && outside === 0;
    if (pass) return PASSED;
    const detail =
      outside > 0 ? `${outside} of ${answers.length} not one of: ${[...allowed].join(', ')}` : `${answers.length} of ${min} given`;
    return { pass, detail, notes: NO_NOTES };
  },
  describe: (rule, show) =>
    `${rule.path}${rule.field ? ` (each entry's ${rule.field})` : ''} holds ${rule.min === 1 ? 'an answer' : `at least ${show(rule.min)} answers`} from the list '${rule.list}' in force for the community's type`,
  schemas: () => [],
  lists: (rule) => [rule.list],
};
