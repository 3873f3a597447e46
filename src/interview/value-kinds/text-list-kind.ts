// A list of short texts, typed on one line separated by commas.
import { nonAnswerProblem, partsOf } from './entered-text.js';
import { TYPED_ON_ONE_LINE, type ValueKindModule } from './value-kind.js';

export const textListKind: ValueKindModule<'text-list'> = {
  ...TYPED_ON_ONE_LINE,
  // After the records: a `list` without fields.
  derive: (from) => (!from.field && from.question === 'list' ? { kind: 'text-list' } : undefined),
  check: (_spec, entered) => {
    const items = partsOf(entered);
    if (items.length === 0) return { ok: false, problem: 'enter at least one, separated by commas' };
    const odd = items.length === 1 ? nonAnswerProblem(items[0]!) : undefined;
    return odd ? { ok: false, problem: odd } : { ok: true, value: items };
  },
  toEntered: (_spec, stored) => (Array.isArray(stored) ? stored.map(String).join(', ') : undefined),
  hint: () => ' (separate with commas)',
  seconds: 20,
};
