// Yes or no, picked from the two (never assumed where a fact switches points on or off).
import { noLines, storedAsShown, unchanged, type ValueKindModule } from './value-kind.js';

export const yesNoKind: ValueKindModule<'yes-no'> = {
  derive: (from) => (from.question === 'confirm' ? { kind: 'yes-no' } : undefined),
  check: (_spec, entered) => (typeof entered === 'boolean' ? { ok: true, value: entered } : { ok: false, problem: 'answer yes or no' }),
  toEntered: storedAsShown,
  hint: () => '',
  ownScale: false,
  neverAssumed: true,
  seconds: 6,
  labelled: unchanged,
  inPlainWords: unchanged,
  shownLines: noLines,
  ask: (ask, terminal) =>
    terminal.chosen(
      ask.message,
      [
        { value: true, name: 'Yes' },
        { value: false, name: 'No' },
      ],
      ask.default,
      ask.actions,
      ask.noDefault,
    ),
  inEntry: () => 'asked',
  inLine: () => ({
    shape: ': yes / no',
    read: (raw) =>
      /^(y|yes|n|no|true|false)$/i.test(raw) ? { ok: true, value: /^(y|yes|true)$/i.test(raw) } : { ok: false, problem: 'yes or no' },
  }),
};
