// Rule kind `schema`: the value at a plan path must satisfy a JSON Schema (parameters resolved).
import { describeSchema } from '../describe-schema.js';
import { resolveParams } from '../evidence-schema.js';
import { pathProblem, type RuleKindModule, type RuleProblem, ruleBase, FAILED, PASSED, type RuleBase } from './rule-kind.js';

/** The value at `path` must satisfy a JSON Schema (which may hold `{ $param }`). */
export interface SchemaRule extends RuleBase {
  kind: 'schema';
  schema: unknown;
}

export const schemaRule: RuleKindModule<SchemaRule> = {
  kind: 'schema',
  build: (raw) => ({ kind: 'schema', ...ruleBase(raw), schema: raw.schema }),
  params: [],
  validate(rule, context) {
    return [...pathProblem(rule, context), ...compileProblems(rule.schema, context.params, context.compile)];
  },
  check(rule, context) {
    const value = context.fact(rule.segments);
    if (value === undefined) return FAILED;
    return context.validator(rule.schema)(value) ? PASSED : FAILED;
  },
  describe: (rule, show) => `${rule.path} holds ${describeSchema(rule.schema, showParam(show))}`,
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
