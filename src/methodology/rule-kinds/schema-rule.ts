// Rule kind `schema`: the value at a plan path must satisfy a JSON Schema (parameters resolved).
import { describeSchema } from '../describe-schema.js';
import { resolveParams } from '../evidence-schema.js';
import { sameText } from '../plan-facts.js';
import { pathProblem, type RuleKindModule, type RuleProblem, ruleBase, FAILED, PASSED, type RuleBase } from './rule-kind.js';

/** The value at `path` must satisfy a JSON Schema (which may hold `{ $param }`). */
export interface SchemaRule extends RuleBase {
  kind: 'schema';
  schema: unknown;
  /**
   * Plan paths of other parts of one answer: a text here that says the same as one there (sameText) is
   * no part of its own (a purpose statement's 'together' copied from its 'who').
   */
  differsFrom?: readonly string[];
  /**
   * Two fields of each entry of a list of records that must not hold the same value (sameText for texts):
   * a goal whose target is its baseline asks for no change at all.
   */
  fieldsDiffer?: readonly [string, string];
}

export const schemaRule: RuleKindModule<SchemaRule> = {
  kind: 'schema',
  build: (raw) => ({
    kind: 'schema',
    ...ruleBase(raw),
    schema: raw.schema,
    ...(Array.isArray(raw.differs_from) ? { differsFrom: raw.differs_from.filter((p): p is string => typeof p === 'string') } : {}),
    ...(Array.isArray(raw.fields_differ) && raw.fields_differ.length === 2
      ? { fieldsDiffer: [String(raw.fields_differ[0]), String(raw.fields_differ[1])] as const }
      : {}),
  }),
  params: [],
  validate(rule, context) {
    const problems = [...pathProblem(rule, context), ...compileProblems(rule.schema, context.params, context.compile)];
    rule.differsFrom?.forEach((other, index) => {
      if (!context.planHasPath(other.split('.')))
        problems.push({ path: ['differs_from', index], message: `'${other}' is not a field of the plan schema` });
      else if (other === rule.path) problems.push({ path: ['differs_from', index], message: `'${other}' is the rule's own path` });
    });
    if (rule.fieldsDiffer !== undefined && rule.fieldsDiffer[0] === rule.fieldsDiffer[1])
      problems.push({ path: ['fields_differ'], message: `'fields_differ' names '${rule.fieldsDiffer[0]}' twice` });
    return problems;
  },
  check(rule, context) {
    const value = context.fact(rule.segments);
    if (value === undefined) return FAILED;
    if (!context.validator(rule.schema)(value)) return FAILED;
    if (rule.differsFrom !== undefined && typeof value === 'string') {
      for (const other of rule.differsFrom) {
        const there = context.fact(other.split('.'));
        if (typeof there === 'string' && sameText(value, there)) return { pass: false, detail: `it repeats ${other}`, notes: [] };
      }
    }
    if (rule.fieldsDiffer !== undefined && Array.isArray(value)) {
      const [first, second] = rule.fieldsDiffer;
      const index = value.findIndex((entry) => sameValue(fieldOf(entry, first), fieldOf(entry, second)));
      if (index >= 0) return { pass: false, detail: `${rule.path}.${index}: its ${second} is its ${first}`, notes: [] };
    }
    return PASSED;
  },
  describe: (rule, show) =>
    `${rule.path} holds ${describeSchema(rule.schema, showParam(show))}${rule.differsFrom ? `, not the same text as ${rule.differsFrom.join(' or ')}` : ''}${
      rule.fieldsDiffer ? `, each entry's ${rule.fieldsDiffer[1]} other than its ${rule.fieldsDiffer[0]}` : ''
    }`,
  schemas: (rule) => [rule.schema],
  evidenceSchema: (rule) => rule.schema,
};

/** A field of a list's record, or undefined. */
function fieldOf(entry: unknown, field: string): unknown {
  return entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>)[field] : undefined;
}

/** Two written values that say the same: equal numbers ('40' and 40 too), or texts that sameText finds the same. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b) && String(a).trim() !== '' && String(b).trim() !== '';
  return typeof a === 'string' && typeof b === 'string' && sameText(a, b);
}

/** A schema's compile error as a problem at the rule's `schema` key. */
export function compileProblems(
  schema: unknown,
  params: Readonly<Record<string, number>>,
  compile: (schema: unknown) => void,
): RuleProblem[] {
  try {
    compile(resolveParams(schema, params));
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ path: ['schema'], message: `invalid evidence schema: ${message.split('\n')[0]}` }];
  }
}

/** Renders `{ $param }` objects inside a schema through `show`, plain numbers as they are. */
export function showParam(show: (value: number | { $param: string }) => string): (value: unknown) => string {
  return (value) => {
    if (typeof value === 'number') return show(value);
    if (value && typeof value === 'object' && typeof (value as { $param?: unknown }).$param === 'string')
      return show(value as { $param: string });
    return String(value);
  };
}
