// One of a fixed set of choices, picked from a list: a field the plan schema fixes, a `select`, a rating.
import { choiceLines, labelChoices, RATING_LABELS, toChoice } from './choice-labels.js';
import { storedAsShown, unchanged, type ValueKindModule } from './value-kind.js';

export const oneChoiceKind: ValueKindModule<'one-choice'> = {
  derive: (from) => {
    if (from.schemaChoices && (from.field || from.question === 'text')) return { kind: 'one-choice', choices: from.schemaChoices };
    if (!from.field && from.question === 'select') return { kind: 'one-choice', choices: (from.choices ?? []).map(toChoice) };
    if (from.question !== 'rating') return undefined;
    const choices = (['met', 'partial', 'unmet'] as const).map((status) => ({
      value: status,
      name: RATING_LABELS[status],
      ...(from.rating ? { description: from.rating[status] } : {}),
    }));
    return { kind: 'one-choice', choices };
  },
  check: (spec, entered) =>
    spec.choices.some((c) => c.value === entered) ? { ok: true, value: entered } : { ok: false, problem: 'pick one of the choices' },
  toEntered: storedAsShown,
  hint: () => '',
  ownScale: false,
  neverAssumed: true,
  seconds: 8,
  labelled: (spec, at) => ({ ...spec, choices: labelChoices(spec.choices, at, false) }),
  inPlainWords: unchanged,
  shownLines: (spec) => choiceLines(spec.choices),
  ask: (ask, terminal) => terminal.chosen(ask.message, ask.spec.choices, ask.default, ask.actions, ask.noDefault),
  inEntry: () => 'asked',
  inLine: (spec) => ({
    shape: `: ${spec.choices.map((c) => c.name).join(' / ')}`,
    read: (raw) => {
      const folded = raw.toLowerCase();
      const found = spec.choices.find((c) => String(c.value).toLowerCase() === folded || c.name.toLowerCase() === folded);
      return found ? { ok: true, value: found.value } : { ok: false, problem: `one of ${spec.choices.map((c) => c.name).join(', ')}` };
    },
  }),
};
