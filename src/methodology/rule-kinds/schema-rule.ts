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
}

export const schemaRule: RuleKindModule<SchemaRule> = {
  kind: 'schema',
  build: (raw) => ({
    kind: 'schema',
    ...ruleBase(raw),
    schema: raw.schema,
    ...(Array.isArray(raw.differs_from) ? { differsFrom: raw.differs_from.filter((p): p is string => typeof p === 'string') } : {}),
  }),
  params: [],
  validate(rule, context) {
    const problems = [...pathProblem(rule, context), ...compileProblems(rule.schema, context.params, context.compile)];
    rule.differsFrom?.forEach((other, index) => {
      if (!context.planHasPath(other.split('.')))
        problems.push({ path: ['differs_from', index], message: `'${other}' is not a field of the plan schema` });
      else if (other === rule.path) problems.push({ path: ['differs_from', index], message: `'${other}' is the rule's own path` });
    });
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
    return PASSED;
  },
  describe: (rule, show) =>
    `${rule.path} holds ${describeSchema(rule.schema, showParam(show))}${rule.differsFrom ? `, not the same text as ${rule.differsFrom.join(' or ')}` : ''}`,
  schemas: (rule) => [rule.schema],
  evidenceSchema: (rule) => rule.schema,
};

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
