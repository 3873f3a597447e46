// Rule kind `schema`: the value at a plan path must satisfy a JSON Schema (parameters resolved).
import { describeSchema } from '../describe-schema.js';
import { resolveParams } from '../evidence-schema.js';
import { getPath, sameText, valuesAt } from '../plan-facts.js';
import { pathProblem, type RuleKindModule, type RuleProblem, ruleBase, FAILED, NOT_JUDGED, PASSED, type RuleBase } from './rule-kind.js';

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
  /**
   * A field of each entry of a list of records that must name one of the texts at other plan paths (`*`
   * for each entry of a list): a metric's goal is one of the plan's goals, not any words.
   */
  refersTo?: { field: string; oneOf: readonly string[] };
  /** The fact may be left out (a survey, if one was run): then the rule is not judged; a value given is. */
  optional?: true;
}

export const schemaRule: RuleKindModule<SchemaRule> = {
  kind: 'schema',
  build: (raw) => {
    const refersTo = refersToOf(raw.refers_to);
    return {
      kind: 'schema',
      ...ruleBase(raw),
      schema: raw.schema,
      ...(Array.isArray(raw.differs_from) ? { differsFrom: raw.differs_from.filter((p): p is string => typeof p === 'string') } : {}),
      ...(Array.isArray(raw.fields_differ) && raw.fields_differ.length === 2
        ? { fieldsDiffer: [String(raw.fields_differ[0]), String(raw.fields_differ[1])] as const }
        : {}),
      ...(refersTo ? { refersTo } : {}),
      ...(raw.optional === true ? { optional: true as const } : {}),
    };
  },
  params: [],
  validate(rule, context) {
    const problems = [...pathProblem(rule, context), ...compileProblems(rule.schema, context.params, context.compile)];
    rule.differsFrom?.forEach((other, index) => {
      if (!context.planHasPath(other.split('.')))
        problems.push({ path: ['differs_from', index], message: `'${other}' is not a field of the plan schema` });
      else if (other === rule.path) problems.push({ path: ['differs_from', index], message: `'${other}' is the rule's own path` });
    });
    rule.refersTo?.oneOf.forEach((other, index) => {
      if (!context.planHasPath(other.split('.')))
        problems.push({ path: ['refers_to', 'one_of', index], message: `'${other}' is not a field of the plan schema` });
    });
    if (rule.fieldsDiffer !== undefined && rule.fieldsDiffer[0] === rule.fieldsDiffer[1])
      problems.push({ path: ['fields_differ'], message: `'fields_differ' names '${rule.fieldsDiffer[0]}' twice` });
    // A field the entries cannot have is never written, and a check on it never fails.
    const entryField = (field: string) => context.planHasPath([...rule.segments, '*', field]);
    rule.fieldsDiffer?.forEach((field, index) => {
      if (!entryField(field)) problems.push({ path: ['fields_differ', index], message: notAnEntryField(rule.path, field) });
    });
    if (rule.refersTo !== undefined && !entryField(rule.refersTo.field))
      problems.push({ path: ['refers_to', 'field'], message: notAnEntryField(rule.path, rule.refersTo.field) });
    return problems;
  },
  check(rule, context) {
    const value = context.fact(rule.segments);
    if (value === undefined) return rule.optional ? NOT_JUDGED : FAILED;
    if (!context.validator(rule.schema)(value)) return FAILED;
    if (rule.differsFrom !== undefined && typeof value === 'string') {
      for (const other of rule.differsFrom) {
        const there = context.fact(other.split('.'));
        if (typeof there === 'string' && sameText(value, there)) return { pass: false, detail: `it repeats ${other}`, notes: [] };
      }
    }
    if (rule.fieldsDiffer !== undefined && Array.isArray(value)) {
      const [first, second] = rule.fieldsDiffer;
      const index = value.findIndex((entry) => sameValue(getPath(entry, [first]), getPath(entry, [second])));
      if (index >= 0) return { pass: false, detail: `${rule.path}.${index}: its ${second} is its ${first}`, notes: [] };
    }
    if (rule.refersTo !== undefined && Array.isArray(value)) {
      const { field, oneOf } = rule.refersTo;
      const named = oneOf.flatMap((path) => textsAt(context.data, path));
      const index = value.findIndex((entry) => {
        const text = getPath(entry, [field]);
        return typeof text === 'string' && !named.some((other) => sameText(text, other));
      });
      if (index >= 0) return { pass: false, detail: `${rule.path}.${index}: its ${field} is none of ${oneOf.join(', ')}`, notes: [] };
    }
    return PASSED;
  },
  describe: (rule, show) =>
    `${rule.optional ? `where the plan gives ${rule.path}, it` : rule.path} holds ${describeSchema(rule.schema, showParam(show))}${rule.differsFrom ? `, not the same text as ${rule.differsFrom.join(' or ')}` : ''}${
      rule.fieldsDiffer ? `, each entry's ${rule.fieldsDiffer[1]} other than its ${rule.fieldsDiffer[0]}` : ''
    }${rule.refersTo ? `, each entry's ${rule.refersTo.field} one of ${rule.refersTo.oneOf.join(' or ')}` : ''}`,
  schemas: (rule) => [rule.schema],
  evidenceSchema: (rule) => rule.schema,
};

function notAnEntryField(path: string, field: string): string {
  return `'${field}' is not a field of the entries of '${path}' in the plan schema, so this check can never fail`;
}

/** `refers_to` as written: a field and the paths whose texts it must name; undefined unless both are given. */
function refersToOf(raw: unknown): { field: string; oneOf: readonly string[] } | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const { field, one_of: oneOf } = raw as { field?: unknown; one_of?: unknown };
  if (typeof field !== 'string' || !Array.isArray(oneOf)) return undefined;
  return { field, oneOf: oneOf.filter((p): p is string => typeof p === 'string') };
}

/** The texts at a dotted path, `*` standing for each entry of a list (`purpose.goals.*.objective`). */
function textsAt(data: unknown, path: string): string[] {
  return valuesAt(data, path).filter((v): v is string => typeof v === 'string');
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
