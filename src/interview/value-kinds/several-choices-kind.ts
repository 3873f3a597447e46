// Several of a fixed set of choices, ticked in a list (a `checkbox`, a list field the plan schema fixes).
import type { Reply } from '../asker.js';
import { choiceLines, labelChoices, toChoice } from './choice-labels.js';
import { storedAsShown, unchanged, type TerminalAsk, type TerminalPrompts, type SpecOf, type ValueKindModule } from './value-kind.js';

export const severalChoicesKind: ValueKindModule<'several-choices'> = {
  derive: (from) =>
    !from.field && from.question === 'checkbox' ? { kind: 'several-choices', choices: (from.choices ?? []).map(toChoice) } : undefined,
  check: (spec, entered) => {
    if (!Array.isArray(entered) || entered.length === 0) return { ok: false, problem: 'pick at least one' };
    if (!entered.every((v) => spec.choices.some((c) => c.value === v))) return { ok: false, problem: 'pick only listed choices' };
    return { ok: true, value: [...new Set(entered)] };
  },
  toEntered: storedAsShown,
  hint: () => '',
  ownScale: false,
  neverAssumed: false,
  seconds: 15,
  labelled: (spec, at) => ({ ...spec, choices: labelChoices(spec.choices, at, true) }),
  inPlainWords: unchanged,
  shownLines: (spec) => choiceLines(spec.choices),
  ask: askTicked,
  inEntry: () => 'asked',
  inLine: () => undefined,
};

/** Ticked in the list; none ticked opens the other actions (or the list again). */
async function askTicked(ask: TerminalAsk<SpecOf<'several-choices'>>, terminal: TerminalPrompts): Promise<Reply> {
  const { spec } = ask;
  const values = await terminal.ticked(
    `${ask.message} (space to tick; none ticked for other options)`,
    spec.choices.map((c, i) => ({
      value: String(i),
      name: c.name,
      checked: Array.isArray(ask.default) && ask.default.includes(c.value),
      ...(c.description ? { description: c.description } : {}),
    })),
  );
  if (values.length > 0) return { action: 'answer', value: values.map((i) => spec.choices[Number(i)]!.value) };
  const picked = ask.actions.length > 0 ? await terminal.actionMenu(ask.actions) : 'answer';
  return picked === 'answer' ? askTicked(ask, terminal) : { action: picked };
}
