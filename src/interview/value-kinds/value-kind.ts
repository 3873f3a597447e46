// The contract every interview value kind fulfils (the kind of value a question asks for: text, a
// number, a date, a choice, a list of entries, a person…): how it is derived from the methodology and
// the plan schema, how an entered value is checked and converted, how it is asked in the terminal and
// how it is shown in plain words. Pure: the terminal is reached only through `TerminalPrompts`.
import type { QuestionKind } from '../../methodology/types.js';
import type { ChoiceSpec, FieldSpec, ValueKind, ValueSpec } from '../../methodology/question-types.js';
import type { OtherAction, Reply } from '../asker.js';

/** The spec of one kind. */
export type SpecOf<K extends ValueKind> = Extract<ValueSpec, { kind: K }>;

/** A value as entered, checked: converted to what the plan stores, or a short phrase for the prompt. */
export type Checked = { ok: true; value: unknown } | { ok: false; problem: string };

/** Checks a value of any kind: how a kind that holds others (a list's fields) checks them. */
export type CheckAny = (spec: ValueSpec, entered: unknown) => Checked;
/** Any kind's stored value as entered: for a kind that holds others. */
export type EnteredAny = (spec: ValueSpec, stored: unknown) => unknown;

/** What a question or one field of a list's entries is derived from: the methodology's word and the plan schema's facts. */
export interface DeriveFrom {
  /** The methodology's kind of question (an item's `question.kind`, or a list field's `kind`, `text` by default). */
  question: QuestionKind;
  /** A field of a list's entries rather than an item's question. */
  field: boolean;
  /** The fixed values the plan schema allows where the answer goes. */
  schemaChoices?: ChoiceSpec[];
  /** The point's rule at the path: its JSON Schema (a `minLength`, a `maximum`, a `type`). */
  rule?: Record<string, unknown>;
  /** The last key of the path (`newcomer_share`). */
  key: string;
  /** The item's own choices (`select`, `checkbox`). */
  choices?: readonly ChoiceSpec[];
  /** What each rating means for the item (`rating`). */
  rating?: { met: string; partial: string; unmet: string };
  /** The fields of a list's entries, as the methodology names them (`list`). */
  fields?: () => FieldSpec[];
}

/** Where a kind's choices get their labels: the plan schema's descriptions at a path. */
export interface LabelContext {
  planSchema: Record<string, unknown>;
  segments: readonly string[];
  /** Labels a spec of any kind at a path below (a list's field). */
  nested(spec: ValueSpec, segments: readonly string[]): ValueSpec;
}

/** How a kind is asked in the terminal: the question, its default and what else the user may do. */
export interface TerminalAsk<S extends ValueSpec> {
  spec: S;
  /** The question with how to type it and what meets the point. */
  prompt: string;
  /** The question without how to type it: for an answer picked from what is shown. */
  message: string;
  default: unknown;
  actions: readonly OtherAction[];
  /** Names on the plan's roster. */
  people: readonly string[];
  /** Those on the roster who hold the role asked for: ticked, or offered first, in advance. */
  holders?: readonly string[];
  /** Nothing is chosen in advance: Enter alone does not answer. */
  noDefault: boolean;
  /** The least number of entries that meets the point. */
  minimum: number;
  /** A list's entries saved as they are entered (see AskRequest.keep). */
  keep?(entries: readonly Record<string, unknown>[]): void;
}

/** A choice in the terminal; `checked` when ticked in advance. */
export interface TerminalChoice<T> {
  value: T;
  name: string;
  description?: string;
  checked?: boolean;
}

/** The terminal's prompts, as the kinds use them (the Inquirer asker implements them). */
export interface TerminalPrompts {
  /** One line typed, checked as `spec` checks it; `?` or nothing opens the other actions. */
  typed(message: string, spec: ValueSpec, def: unknown, actions: readonly OtherAction[]): Promise<Reply>;
  /** One of the choices, or one of the actions listed below them. */
  chosen(
    message: string,
    choices: readonly TerminalChoice<unknown>[],
    def: unknown,
    actions: readonly OtherAction[],
    noDefault?: boolean,
  ): Promise<Reply>;
  /** The values ticked (none ticked is an empty list). */
  ticked<T extends string>(message: string, choices: readonly TerminalChoice<T>[]): Promise<T[]>;
  /** What to do instead of answering: one of the actions, or `answer` to answer after all. */
  actionMenu(actions: readonly OtherAction[]): Promise<OtherAction | 'answer'>;
  /** A list of entries, field by field or one line each. */
  records(ask: TerminalAsk<SpecOf<'records'>>): Promise<Reply>;
  /** A long text written in the user's editor; a reason when it cannot be. */
  editor(initial: string): Promise<{ ok: true; text: string } | { ok: false; why: string }>;
  /** A line of warning. */
  warn(text: string): void;
}

/**
 * How a field of a list's entries is asked: `asked` the kind's own way (a choice, a person; an optional
 * one may be skipped), `typed` on one line the kind checks, or `entries` (a nested list).
 */
export type InEntry = 'asked' | 'typed' | 'entries';

export interface ValueKindModule<K extends ValueKind> {
  /**
   * The spec when the methodology's question (or list field) is asked as this kind, else undefined. The
   * registry tries the kinds in its order; the first that takes a question asks it.
   */
  derive(from: DeriveFrom): SpecOf<K> | undefined;
  /** Checks a value as entered and converts it to what the plan stores. */
  check(spec: SpecOf<K>, entered: unknown, checkAny: CheckAny): Checked;
  /** The stored value as the prompt shows it by default (a fraction as `50%`); undefined when there is none. */
  toEntered(spec: SpecOf<K>, stored: unknown, enteredAny: EnteredAny): unknown;
  /** How an answer is typed, shown after the question (`" (separate with commas)"`; "" when it needs none). */
  hint(spec: SpecOf<K>): string;
  /** The question states its own scale: a scale the methodology's wording gives (`(0 to 1)`) is left out. */
  ownScale: boolean;
  /**
   * Said, never assumed: with no answer yet nothing is chosen in advance and Enter alone does not answer
   * (a yes, a choice, a person switch points on or off).
   */
  neverAssumed: boolean;
  /** Seconds to answer one value of this kind, as measured in sessions (a list adds its entries). */
  seconds: number;
  /** Its choices labelled in words where the file names them by their stored value. */
  labelled(spec: SpecOf<K>, at: LabelContext): SpecOf<K>;
  /** Its texts in plain words (a list's field prompts): `plain` turns one text into them. */
  inPlainWords(spec: SpecOf<K>, plain: (text: string) => string): SpecOf<K>;
  /** What the screen shows of it under the question, in words (its choices, a list's fields). */
  shownLines(spec: SpecOf<K>, hintAny: (spec: ValueSpec) => string): string[];
  /** How it is asked in the terminal. */
  ask(ask: TerminalAsk<SpecOf<K>>, terminal: TerminalPrompts): Promise<Reply>;
  /** How it is asked as a field of a list's entries. */
  inEntry(spec: SpecOf<K>): InEntry;
  /**
   * How one field of an entry is typed in a line of fields (`; `-separated): the shape the line shows
   * for it (`: yes / no`) and how a part is read (the value kept, checked afterwards as `check` does);
   * undefined when this kind cannot be typed so (a nested list, ticks, several people).
   */
  inLine(spec: SpecOf<K>): { shape: string; read(raw: string): Checked } | undefined;
}

/** Asked by typing one line, checked as the kind checks it; the question says how to type it. */
export function askTyped<S extends ValueSpec>(ask: TerminalAsk<S>, terminal: TerminalPrompts): Promise<Reply> {
  return terminal.typed(ask.prompt, ask.spec, ask.default, ask.actions);
}

/** For a kind with nothing to label or put in plain words. */
export function unchanged<S>(spec: S): S {
  return spec;
}

/** For a kind shown with nothing under the question. */
export function noLines(): string[] {
  return [];
}

/** For a kind typed in a line as it is written. */
export function asTyped(): { shape: string; read(raw: string): Checked } {
  return { shape: '', read: (raw) => ({ ok: true, value: raw }) };
}

/** For a kind whose stored value is shown as it is. */
export function storedAsShown(_spec: unknown, stored: unknown): unknown {
  return stored ?? undefined;
}

/**
 * What a kind typed on one line does like every other such kind: its stored value shown as it is, no
 * scale of its own, no choices to label or show, asked by typing (in an entry too) and typed in a line
 * of fields as it is.
 */
export const TYPED_ON_ONE_LINE = {
  toEntered: storedAsShown,
  ownScale: false,
  neverAssumed: false,
  labelled: unchanged,
  inPlainWords: unchanged,
  shownLines: noLines,
  ask: askTyped,
  inEntry: (): InEntry => 'typed',
  inLine: asTyped,
} as const;
