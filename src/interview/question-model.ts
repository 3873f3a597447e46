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
import { checkEntered, entryHint, kindOf, toEntered, type Checked } from './value-kinds/index.js';

// What a value kind does with an answer is read from its module (value-kinds/).
export { checkEntered, entryHint, toEntered, type Checked };

/** Where the answer to an item's rating question is written. */
export function ratingPath(itemId: string): string {
  return `assessment.${itemId}.status`;
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

/** A scale the methodology's wording states, `(0 to 1)` or `(0 to 100)`: the prompt states its own. */
const STATED_SCALE = /\s*\((?:0 ?(?:to|-|\u2013) ?1|0 ?(?:to|-|\u2013) ?100)(?: ?%)?\)/g;

/** The message without a scale it states: a percentage is asked with its own hint, whatever the text said. */
export function withoutStatedScale(message: string): string {
  return message.replace(STATED_SCALE, '');
}

/** The prompt for a typed answer: the question in the unit it is asked in, and how to type it. */
export function promptFor(message: string, spec: ValueSpec): string {
  return `${kindOf(spec).ownScale ? withoutStatedScale(message) : message}${entryHint(spec)}`;
}
