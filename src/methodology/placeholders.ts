// Pure: the placeholders methodology text holds, `{word:name}` for a profile's word and `{name}` for a
// parameter's value, and the one way they are filled in before the text reaches a reader.
import { paramValues } from './evidence-schema.js';
import type { Methodology, Param } from './types.js';

/**
 * How a parameter's value is written. `prose` is for a reader: a share as a percentage ("50%"), as the
 * interview asks it. `stored` is the value as the plan file stores it ("0.5"): for sentences that say
 * what to write under a plan key.
 */
export type ParamForm = 'prose' | 'stored';

/** What fills the placeholders: the words in force, and each parameter's value as text. */
export interface TextValues {
  readonly words: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string>>;
}

/** A share (a fraction from 0 to 1): a parameter bounded above by 1 that is not a whole number. */
export function isShareParam(param: Pick<Param, 'maximum' | 'integer'>): boolean {
  return param.maximum === 1 && param.integer !== true;
}

/** A fraction as a percentage, without the noise of binary arithmetic: 0.5 → "50", 0.125 → "12.5". */
export function percentOf(fraction: number): string {
  return String(Math.round(fraction * 1_000_000) / 10_000);
}

/** A parameter's value as text in the given form. */
export function paramText(param: Pick<Param, 'maximum' | 'integer'> | undefined, value: number, form: ParamForm): string {
  return form === 'prose' && param !== undefined && isShareParam(param) ? `${percentOf(value)}%` : String(value);
}

/** Every parameter's value in force as text; `values` are the values in force (the defaults when absent). */
export function paramTexts(
  params: Readonly<Record<string, Param>>,
  values: Readonly<Record<string, number>>,
  form: ParamForm,
): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [name, param] of Object.entries(params))
    out[name] = paramText(param, Object.hasOwn(values, name) ? values[name]! : param.value, form);
  return out;
}

const defaults = new WeakMap<Methodology, Partial<Record<ParamForm, TextValues>>>();

/** The methodology's own words and default parameter values: for text shown without a plan. */
export function defaultTextValues(m: Methodology, form: ParamForm = 'prose'): TextValues {
  let byForm = defaults.get(m);
  if (!byForm) defaults.set(m, (byForm = {}));
  return (byForm[form] ??= Object.freeze({ words: m.words, params: Object.freeze(paramTexts(m.params, paramValues(m.params), form)) }));
}

const PLACEHOLDER = /\{(word:)?([a-z][a-z0-9_]*)\}/g;

/**
 * The text with every placeholder filled in: `{word:host}` with the word in force, `{name}` with the
 * parameter's value. A name that is neither stays as it is (validate-checklists refuses one in the
 * texts it checks; elsewhere, braces around a plain word may be meant).
 */
export function fillPlaceholders(text: string, values: TextValues): string {
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, word: string | undefined, name: string) => {
    const table = word ? values.words : values.params;
    return Object.hasOwn(table, name) ? table[name]! : whole;
  });
}
