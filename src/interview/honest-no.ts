// Pure: what an honest "No" records. Where the plan format has a value that says so (a yes-or-no field's
// false, a fixed choice such as `dm_policy: allowed` or `insurance: not-insured` that the point does not
// accept, a rating's unmet), "No" is that fact, written where the question writes. Elsewhere it is an
// open answer for the point, unmet, with what is missing as its note.
import type { Item } from '../methodology/types.js';
import { ratingPath, type FillSpec, type Scalar } from './question-model.js';

export type HonestNo = { kind: 'value'; value: Scalar } | { kind: 'unmet' };

/** The value a "No" writes at `fill`, or that it is an unmet answer for the point. */
export function honestNo(fill: FillSpec, items: readonly Item[]): HonestNo {
  const spec = fill.value;
  if (spec.kind === 'yes-no') return { kind: 'value', value: false };
  if (spec.kind === 'one-choice') {
    // A rating's own "No" is one of its choices: unmet.
    const rated = items.some((i) => i.question.kind === 'rating' && ratingPath(i.id) === fill.path);
    if (rated && spec.choices.some((c) => c.value === 'unmet')) return { kind: 'value', value: 'unmet' };
    const accepted = acceptedValues(fill.path, items);
    if (accepted) {
      // The last choice the point does not accept: the plainest "no" ("not enforced" after "encouraged").
      const refused = spec.choices.filter((c) => !accepted.includes(c.value));
      const last = refused.at(-1);
      if (last) return { kind: 'value', value: last.value };
    }
  }
  return { kind: 'unmet' };
}

/** The values a point's rule at `path` accepts, where its schema lists them (`enum`, `const`). */
function acceptedValues(path: string, items: readonly Item[]): Scalar[] | undefined {
  for (const item of items)
    for (const rule of item.evidence) {
      if (rule.path !== path || !('schema' in rule)) continue;
      const schema = rule.schema as { enum?: unknown; const?: unknown } | undefined;
      if (Array.isArray(schema?.enum)) return schema.enum as Scalar[];
      if (schema && 'const' in schema) return [schema.const as Scalar];
    }
  return undefined;
}
