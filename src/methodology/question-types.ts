// The interview's questions as methodology data: the plan paths each fills, the items it feeds
// (many-to-many), the kind of value it takes, when it is asked, its tier and its time.

export const QUESTION_TIERS = ['core', 'major', 'minor'] as const;
/** core: blockers and the items levels name; major and minor follow the items' severity. */
export type QuestionTier = (typeof QUESTION_TIERS)[number];

export const VALUE_KINDS = [
  'short-text',
  'long-text',
  'number',
  'percentage',
  'yes-no',
  'date',
  'one-choice',
  'several-choices',
  'text-list',
  'person',
  'records',
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export type Scalar = string | number | boolean;

export interface ChoiceSpec {
  value: Scalar;
  name: string;
  description?: string;
}

/** One field of a record; a field may itself be a list of records (nested lists). */
export interface FieldSpec {
  key: string;
  message: string;
  value: ValueSpec;
  optional?: boolean;
  /** Optional in the plan format, but the point's own rule needs it in every entry: left empty, the user is told. */
  pointNeeds?: boolean;
}

/** The kind of value a question or a record field takes. */
export type ValueSpec =
  | { kind: 'short-text'; format?: 'url' }
  | { kind: 'long-text' }
  | { kind: 'number'; minimum?: number; maximum?: number; integer?: boolean }
  /** Entered 0-100, stored 0-1. */
  | { kind: 'percentage' }
  | { kind: 'yes-no' }
  | { kind: 'date' }
  | { kind: 'one-choice'; choices: readonly ChoiceSpec[] }
  | { kind: 'several-choices'; choices: readonly ChoiceSpec[] }
  /** A list of short strings, entered on one line separated by commas. */
  | { kind: 'text-list' }
  /**
   * A name from the plan's roster `people[].name` (several names for a list of people); a new name is
   * added to the roster with `role`.
   */
  | { kind: 'person'; role?: string; several?: boolean }
  | { kind: 'records'; fields: readonly FieldSpec[]; minItems?: number };

/** A small declarative condition on plan values (the screener's answers and earlier answers). */
export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { path: string; equals: Scalar }
  | { path: string; in: readonly Scalar[] }
  | { path: string; answered: boolean }
  | { path: string; atLeast: number };

/** One plan path a question writes, with the kind of value it takes there. */
export interface FillSpec {
  path: string;
  value: ValueSpec;
  /** Asked as a follow-up when a question fills several paths. */
  message?: string;
}

export interface QuestionSpec {
  id: string;
  /** Cannot be skipped: the plan is not valid without it (the community's name). */
  required?: boolean;
  message: string;
  help?: string;
  /** The paths it writes; most questions write one. */
  fills: readonly FillSpec[];
  /** The items its answer counts for (many-to-many). */
  feeds: readonly string[];
  when?: Condition;
  tier: QuestionTier;
  /** Rough time to answer, in seconds. */
  seconds: number;
  /** The phase it is asked in, or `screener`. */
  phaseId: string;
}

/** Every plan path a condition reads (for checks that it names known fields). */
export function conditionPaths(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(conditionPaths);
  if ('any' in condition) return condition.any.flatMap(conditionPaths);
  if ('not' in condition) return conditionPaths(condition.not);
  return [condition.path];
}

/** Seconds a kind of answer takes, roughly; records count their fields. */
const SECONDS: Record<ValueSpec['kind'], number> = {
  'short-text': 30,
  'long-text': 90,
  number: 15,
  percentage: 15,
  'yes-no': 10,
  date: 15,
  'one-choice': 15,
  'several-choices': 20,
  'text-list': 30,
  person: 20,
  records: 20,
};

export function estimateSeconds(spec: ValueSpec): number {
  if (spec.kind === 'records') return SECONDS.records + 2 * spec.fields.reduce((sum, f) => sum + estimateSeconds(f.value), 0);
  return SECONDS[spec.kind];
}
