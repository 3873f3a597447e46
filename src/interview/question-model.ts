// Pure: what an interview question is (the plan paths it fills, the items it feeds, its kind, when it
// is asked, its tier and time), how answers are checked and converted, and when conditions hold.

// The question model itself is methodology data (methodology/question-types.ts); the interview adds
// how answers are checked, converted and conditions evaluated.
export { QUESTION_TIERS, VALUE_KINDS, conditionPaths } from '../methodology/question-types.js';
export type {
  ChoiceSpec,
  Condition,
  FieldSpec,
  FillSpec,
  QuestionSpec,
  QuestionTier,
  Scalar,
  ValueKind,
  ValueSpec,
} from '../methodology/question-types.js';
import type { Condition, Scalar, ValueSpec } from '../methodology/question-types.js';
import { percentOf } from '../methodology/placeholders.js';
import { isNonAnswer } from '../text/non-answer.js';

/** Why a typed text would count as not written ("none", "tbd"), or undefined. */
function nonAnswerProblem(text: string): string | undefined {
  return isNonAnswer(text)
    ? `'${text}' counts as not written: choose "No, not in place yet" or "Don't know yet" instead (type ? for them)`
    : undefined;
}

/**
 * A dotted plan path as segments. Item ids hold a dot themselves, so `assessment.<phase>.<item>.status`
 * keeps `<phase>.<item>` as one key.
 */
export function pathSegments(dotted: string): string[] {
  const parts = dotted.split('.').filter((s) => s.length > 0);
  if (parts[0] === 'assessment' && parts.length >= 3) return ['assessment', `${parts[1]}.${parts[2]}`, ...parts.slice(3)];
  return parts;
}

/** Reads a dotted path in plain plan data. */
export function valueAtPath(data: unknown, dotted: string): unknown {
  let node: unknown = data;
  for (const segment of pathSegments(dotted)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export function conditionHolds(condition: Condition | undefined, data: unknown): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, data));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, data));
  if ('not' in condition) return !conditionHolds(condition.not, data);
  const value = valueAtPath(data, condition.path);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value as Scalar);
  if ('answered' in condition) return isAnswered(value) === condition.answered;
  return typeof value === 'number' && value >= condition.atLeast;
}

export type Checked = { ok: true; value: unknown } | { ok: false; problem: string };

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Checks a value as entered (a percentage as 0-100, a list as its items) and converts it to what the
 * plan stores. Problems are short phrases for the prompt.
 */
export function checkEntered(spec: ValueSpec, entered: unknown): Checked {
  switch (spec.kind) {
    case 'person':
    case 'short-text':
    case 'long-text': {
      if (spec.kind === 'person' && spec.several) {
        const names = (Array.isArray(entered) ? entered.map(String) : String(entered ?? '').split(','))
          .map((n) => n.trim())
          .filter((n) => n.length > 0);
        if (names.length === 0) return { ok: false, problem: 'name at least one person' };
        const odd = names.map(nonAnswerProblem).find((p) => p !== undefined);
        return odd ? { ok: false, problem: odd } : { ok: true, value: [...new Set(names)] };
      }
      if (typeof entered !== 'string' || entered.trim().length === 0) return { ok: false, problem: 'enter some text' };
      const text = entered.trim();
      const odd = nonAnswerProblem(text);
      if (odd) return { ok: false, problem: odd };
      if (spec.kind === 'short-text' && spec.format === 'url' && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text))
        return { ok: false, problem: 'enter a web address such as https://example.org/' };
      return { ok: true, value: text };
    }
    case 'number': {
      const n = typeof entered === 'number' ? entered : Number(String(entered).trim());
      if (String(entered).trim() === '' || !Number.isFinite(n)) return { ok: false, problem: 'enter a number' };
      if (spec.integer && !Number.isInteger(n)) return { ok: false, problem: 'enter a whole number' };
      if (spec.minimum !== undefined && n < spec.minimum) return { ok: false, problem: `enter ${spec.minimum} or more` };
      if (spec.maximum !== undefined && n > spec.maximum) return { ok: false, problem: `enter ${spec.maximum} or less` };
      return { ok: true, value: n };
    }
    case 'percentage':
      return checkPercentage(entered);
    case 'yes-no':
      return typeof entered === 'boolean' ? { ok: true, value: entered } : { ok: false, problem: 'answer yes or no' };
    case 'date': {
      const text = String(entered ?? '').trim();
      if (
        !ISO_DATE.test(text) ||
        Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ||
        new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text
      ) {
        return { ok: false, problem: 'enter a date as YYYY-MM-DD' };
      }
      return { ok: true, value: text };
    }
    case 'one-choice':
      return spec.choices.some((c) => c.value === entered)
        ? { ok: true, value: entered }
        : { ok: false, problem: 'pick one of the choices' };
    case 'several-choices': {
      if (!Array.isArray(entered) || entered.length === 0) return { ok: false, problem: 'pick at least one' };
      if (!entered.every((v) => spec.choices.some((c) => c.value === v))) return { ok: false, problem: 'pick only listed choices' };
      return { ok: true, value: [...new Set(entered)] };
    }
    case 'text-list': {
      const items = (Array.isArray(entered) ? entered.map(String) : String(entered ?? '').split(','))
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      if (items.length === 0) return { ok: false, problem: 'enter at least one, separated by commas' };
      const odd = items.length === 1 ? nonAnswerProblem(items[0]!) : undefined;
      return odd ? { ok: false, problem: odd } : { ok: true, value: items };
    }
    case 'records': {
      if (!Array.isArray(entered)) return { ok: false, problem: 'enter a list of entries' };
      if (entered.length === 0) return { ok: false, problem: 'enter at least one entry' };
      const out: Record<string, unknown>[] = [];
      for (const [i, record] of entered.entries()) {
        if (record === null || typeof record !== 'object') return { ok: false, problem: `entry ${i + 1} is not a record` };
        // Keys the question does not know (written by hand) are kept as they are.
        const row: Record<string, unknown> = { ...(record as Record<string, unknown>) };
        for (const field of spec.fields) {
          const raw = (record as Record<string, unknown>)[field.key];
          delete row[field.key];
          if (raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0 && field.value.kind !== 'records')) {
            if (field.optional) continue;
            return { ok: false, problem: `entry ${i + 1}: ${field.message}: missing` };
          }
          const checked = checkEntered(field.value, raw);
          if (!checked.ok) return { ok: false, problem: `entry ${i + 1}, ${field.message}: ${checked.problem}` };
          row[field.key] = checked.value;
        }
        out.push(row);
      }
      if (spec.minItems !== undefined && out.length < spec.minItems) return { ok: false, problem: `enter at least ${spec.minItems}` };
      return out.length > 0 ? { ok: true, value: out } : { ok: false, problem: 'enter at least one entry' };
    }
  }
}

/** A scale the methodology's wording states, `(0 to 1)` or `(0 to 100)`: the prompt states its own. */
const STATED_SCALE = /\s*\((?:0 ?(?:to|-|\u2013) ?1|0 ?(?:to|-|\u2013) ?100)(?: ?%)?\)/g;

/** The message without a scale it states: a percentage is asked with its own hint, whatever the text said. */
export function withoutStatedScale(message: string): string {
  return message.replace(STATED_SCALE, '');
}

/** How an answer of this kind is typed, shown after the question: the unit and form it takes. */
const ENTRY_HINTS: Partial<Record<ValueSpec['kind'], string>> = {
  percentage: ' (in %, 0 to 100)',
  date: ' (a date: YYYY-MM-DD, e.g. 2026-09-30)',
  'text-list': ' (separate with commas)',
};

/** How an answer of this kind is typed, as a hint after the question ("" when it needs none). */
export function entryHint(spec: ValueSpec): string {
  if (spec.kind === 'short-text' && spec.format === 'url') return ' (a web address: https://…)';
  if (spec.kind === 'person' && spec.several) return ' (names, separated by commas)';
  return ENTRY_HINTS[spec.kind] ?? '';
}

/** The prompt for a typed answer: the question in the unit it is asked in, and how to type it. */
export function promptFor(message: string, spec: ValueSpec): string {
  return `${spec.kind === 'percentage' ? withoutStatedScale(message) : message}${entryHint(spec)}`;
}

const PERCENT = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(%?)$/;

/**
 * A percentage as entered, stored as the fraction the plan holds: `50` and `50%` store 0.5, `12.5` 0.125.
 * A bare number between 0 and 1 is refused: `0.5` is far more often a fraction typed by habit (meaning
 * 50%) than half of one percent, so it must be typed `50`, or `0.5%` when half a percent is meant.
 */
function checkPercentage(entered: unknown): Checked {
  const text = typeof entered === 'number' ? String(entered) : String(entered ?? '').trim();
  const m = PERCENT.exec(text);
  const n = m ? Number(m[1]) : Number.NaN;
  if (!m || !Number.isFinite(n) || n > 100) return { ok: false, problem: 'enter a percentage from 0 to 100' };
  if (n > 0 && n < 1 && m[2] !== '%')
    return {
      ok: false,
      problem: `this asks for a percentage: type ${percentOf(n)} for ${percentOf(n)}% (or ${m[1]}% if you mean ${m[1]} percent)`,
    };
  return { ok: true, value: fractionOf(m[1]!) };
}

/** `12.5` (percent) → 0.125, by moving the decimal point, so the plan stores exactly the number typed. */
function fractionOf(percent: string): number {
  const [whole = '', decimals = ''] = percent.split('.');
  const digits = `${whole.padStart(3, '0')}${decimals}`;
  return Number(`${digits.slice(0, -2 - decimals.length) || '0'}.${digits.slice(-2 - decimals.length)}`);
}

/**
 * The stored value as the prompt shows it by default: a fraction as a percentage with its sign (`50%`,
 * `0.5%`), which the prompt takes back as it is.
 */
export function toEntered(spec: ValueSpec, stored: unknown): unknown {
  if (stored === undefined || stored === null) return undefined;
  if (spec.kind === 'percentage') return typeof stored === 'number' ? `${percentOf(stored)}%` : undefined;
  if (spec.kind === 'text-list') return Array.isArray(stored) ? stored.map(String).join(', ') : undefined;
  if (spec.kind === 'records') {
    if (!Array.isArray(stored)) return undefined;
    return stored.map((record: unknown) => {
      if (record === null || typeof record !== 'object') return record;
      const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
      for (const field of spec.fields) if (out[field.key] !== undefined) out[field.key] = toEntered(field.value, out[field.key]);
      return out;
    });
  }
  return stored;
}
