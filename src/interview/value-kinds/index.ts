// The interview's value kinds: one module per kind, one table. The table is checked against the
// methodology's `VALUE_KINDS`, so a kind without its module does not compile; what the interview does
// with a value (derive, check, show, ask) is read from the module through the functions below.
import type { ValueKind, ValueSpec } from '../../methodology/question-types.js';
import { dateKind } from './date-kind.js';
import { longTextKind } from './long-text-kind.js';
import { numberKind } from './number-kind.js';
import { oneChoiceKind } from './one-choice-kind.js';
import { percentageKind } from './percentage-kind.js';
import { personKind } from './person-kind.js';
import { recordsKind } from './records-kind.js';
import { severalChoicesKind } from './several-choices-kind.js';
import { shortTextKind } from './short-text-kind.js';
import { textListKind } from './text-list-kind.js';
import type { Checked, DeriveFrom, SpecOf, ValueKindModule } from './value-kind.js';
import { yesNoKind } from './yes-no-kind.js';

export { checkDueDate } from './date-kind.js';
export { checkRecord } from './records-kind.js';
export type {
  Checked,
  DeriveFrom,
  InEntry,
  LabelContext,
  SpecOf,
  TerminalAsk,
  TerminalChoice,
  TerminalPrompts,
  ValueKindModule,
} from './value-kind.js';

/**
 * Every value kind's module, under its name. The order is the order `deriveValue` tries them in: a
 * fixed choice before a text, a share before a number, a list of entries before a list of texts, a
 * long text before a short one (which takes what no other kind takes).
 */
export const VALUE_KIND_MODULES = {
  'one-choice': oneChoiceKind,
  'several-choices': severalChoicesKind,
  'yes-no': yesNoKind,
  date: dateKind,
  percentage: percentageKind,
  number: numberKind,
  records: recordsKind,
  'text-list': textListKind,
  person: personKind,
  'long-text': longTextKind,
  'short-text': shortTextKind,
} as const satisfies { [K in ValueKind]: ValueKindModule<K> };

/** A spec's module, typed for it. */
export function kindOf<S extends ValueSpec>(spec: S): ValueKindModule<S['kind']> {
  return VALUE_KIND_MODULES[spec.kind] as unknown as ValueKindModule<S['kind']>;
}

/** The kind a methodology question (or list field) is asked as: the first module that takes it. */
export function deriveValue(from: DeriveFrom): ValueSpec {
  for (const module of Object.values(VALUE_KIND_MODULES) as ValueKindModule<ValueKind>[]) {
    const spec = module.derive(from);
    if (spec) return spec;
  }
  return { kind: 'short-text' };
}

/**
 * Checks a value as entered (a percentage as 0-100, a list as its items) and converts it to what the
 * plan stores. Problems are short phrases for the prompt.
 */
export function checkEntered(spec: ValueSpec, entered: unknown): Checked {
  return kindOf(spec).check(spec as SpecOf<ValueKind>, entered, checkEntered);
}

/**
 * The stored value as the prompt shows it by default: a fraction as a percentage with its sign (`50%`,
 * `0.5%`), which the prompt takes back as it is.
 */
export function toEntered(spec: ValueSpec, stored: unknown): unknown {
  if (stored === undefined || stored === null) return undefined;
  return kindOf(spec).toEntered(spec as SpecOf<ValueKind>, stored, toEntered);
}

/** How an answer of this kind is typed, as a hint after the question ("" when it needs none). */
export function entryHint(spec: ValueSpec): string {
  return kindOf(spec).hint(spec as SpecOf<ValueKind>);
}
