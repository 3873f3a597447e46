// The methodology model: phases of items, levels with gates, adjustable parameters and profiles.
import type { QuestionSpec } from './question-types.js';
import type { EvidenceRule } from './rule-kinds/index.js';

export const SEVERITIES = ['blocker', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const QUESTION_KINDS = ['text', 'number', 'confirm', 'select', 'checkbox', 'list', 'date', 'url', 'rating'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Where something was defined: file and 1-based line and column. */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

export const STAGES = ['planning', 'launching', 'running'] as const;
/** Where a community is: designing, opening its doors, or open (with the date it opened). */
export type Stage = (typeof STAGES)[number];

export const FORMALITIES = ['funded', 'volunteer'] as const;
/** A funded programme with paid staff, or a volunteer group. */
export type Formality = (typeof FORMALITIES)[number];

export const DIMENSIONS = ['readiness', 'health'] as const;
/** Readiness scores the plan (designed, decided, staffed); health scores observed outcomes. */
export type Dimension = (typeof DIMENSIONS)[number];

/** A number, or the name of a parameter whose value in force is used. */
export type NumberOrParam = number | { $param: string };

/** A check on plan facts; each kind is one module in `methodology/rule-kinds/`, registered in one table there. */
export type { EvidenceRule, RuleKind } from './rule-kinds/index.js';

export interface Choice {
  value: string | number | boolean;
  name: string;
  description?: string;
}

export interface QuestionField {
  key: string;
  message: string;
  /** `person`: a name (several for a list) from the roster, where the plan schema does not already say the field names a person. */
  kind?: 'text' | 'number' | 'date' | 'url' | 'confirm' | 'select' | 'person';
}

export interface Question {
  kind: QuestionKind;
  message: string;
  help?: string;
  /** Plan path written by the answer, or `assessment` for a rating. */
  fills: string;
  choices?: readonly Choice[];
  fields?: readonly QuestionField[];
}

export interface Rating {
  met: string;
  partial: string;
  unmet: string;
}

export interface Reference {
  title: string;
  url: string;
}

/** A plan fact an item depends on: the value at `path` must be one of `values`. */
export interface Condition {
  path: string;
  segments: readonly string[];
  values: readonly (string | number | boolean)[];
}

export interface Item {
  id: string;
  phaseId: string;
  title: string;
  why: string;
  guidance: string;
  severity: Severity;
  weight: number;
  evidence: readonly EvidenceRule[];
  rating?: Rating;
  na: boolean;
  /** Keeps members safe: gates may count safety items alone (running communities' levels do). */
  safety: boolean;
  /** The stages the item is judged in; outside them it shows as not applicable, with `stageNote`. */
  stages: readonly Stage[];
  /** Why the item does not apply outside its stages (e.g. the item that judges it instead). */
  stageNote?: string;
  /**
   * For an observed outcome: days after the community opened before it can be measured at all (retention
   * needs a cohort and the quarter after it); until then it is n/a, not unmeasured.
   */
  observableAfterDays?: number;
  dimension: Dimension;
  /** Plan facts the item depends on; when one is not stated or does not match, the item is n/a. */
  appliesWhen: readonly Condition[];
  question: Question;
  covers: readonly string[];
  references: readonly Reference[];
  origin: Origin;
}

export interface Phase {
  id: string;
  title: string;
  summary: string;
  items: Item[];
  origin: Origin;
}

export type Gate =
  | {
      kind: 'no-open';
      severities: readonly Severity[];
      phases: readonly string[] | null;
      /** Only these items count (the safety items, for `safety: true`); null for every item. */
      items: readonly string[] | null;
    }
  | { kind: 'items-met'; items: readonly string[] }
  | { kind: 'share-met'; severity: Severity; min: number };

export interface Level {
  id: string;
  title: string;
  description: string;
  backedBy?: string;
  /** Minimum readiness score. */
  minScore: number;
  /** Minimum health score; a level with one needs observed outcomes (no health score, not reached). */
  minHealth?: number;
  /** Least share (0-1) of the applicable health measures measured and fresh for the health score to count. */
  minHealthCoverage?: number;
  gates: readonly Gate[];
  /**
   * The level as a running community meets it: outcomes and safety, not launch paperwork. Built from the
   * level with the manifest's `running` fields in place of its own.
   */
  running?: Pick<Level, 'title' | 'description' | 'minScore' | 'gates'>;
}

/** The level a plan at this stage is measured against: its running form for a running community. */
export function levelInStage(
  level: Level,
  stage: Stage,
): Pick<Level, 'id' | 'title' | 'description' | 'minScore' | 'minHealth' | 'minHealthCoverage' | 'gates' | 'backedBy'> {
  return stage === 'running' && level.running ? { ...level, ...level.running } : level;
}

export interface Param {
  value: number;
  description: string;
  basis?: string;
  /** Bounds on the values a plan may set. */
  minimum?: number;
  maximum?: number;
  integer?: boolean;
  /**
   * A plan path whose stated number is the value in force for that plan, within the bounds (a value
   * beyond a bound is held to it): the team's own target, e.g. its running response time.
   */
  from?: string;
}

/**
 * What a community type or a formality changes: parameter values, severities, items that do not apply
 * (with their basis) and the words the report uses.
 */
export interface ProfileEffects {
  notApplicable: readonly { item: string; reason: string }[];
  params: Readonly<Record<string, number>>;
  severities: Readonly<Record<string, Severity>>;
  /** Weights changed for this profile, by item id (a lower severity usually comes with a lower weight). */
  weights: Readonly<Record<string, number>>;
  words: Readonly<Record<string, string>>;
  /** Named lists replaced for this profile (e.g. the value areas that fit it). */
  lists: Readonly<Record<string, readonly string[]>>;
}

/** A named list of answers that `choice` rules accept. */
export interface AnswerList {
  values: readonly string[];
  description: string;
  basis?: string;
}

/** A community type (`community.type`). */
export interface Profile extends ProfileEffects {
  id: string;
  title: string;
  description: string;
  /** The formality assumed when the plan names none. */
  formality?: Formality;
}

/** A formality (`community.formality`): funded programme or volunteer group. */
export interface FormalityProfile extends ProfileEffects {
  id: Formality;
  title: string;
  description: string;
}

export interface Framework {
  id: string;
  title: string;
  url: string;
  elements: readonly { id: string; title: string }[];
}

export interface Methodology {
  id: string;
  title: string;
  version: string;
  description?: string;
  validityDays: number;
  phases: readonly Phase[];
  /** Words the report uses (`{word:host}` in item text); profiles may change them. */
  words: Readonly<Record<string, string>>;
  formalities: readonly FormalityProfile[];
  /** Asked first in the interview: what sets the profile, the thresholds and what is skipped. */
  screener: readonly QuestionSpec[];
  /** Interview questions beyond each item's own `question`. */
  questions: readonly QuestionSpec[];
  params: Readonly<Record<string, Param>>;
  /** Named lists of answers (`choice` rules); profiles may replace them. */
  lists: Readonly<Record<string, AnswerList>>;
  /** Renamed item ids, old → new: an answer under an old id counts for the new item. */
  aliases: Readonly<Record<string, string>>;
  /**
   * Plan fields now written in another shape: where a plan still writes the old one (a list of points),
   * it loads, meets nothing, and a finding says what is asked now.
   */
  restructured: readonly { path: string; segments: readonly string[]; now: string }[];
  /**
   * Every plan field that names a person (from the plan schema's personName and keyPersonName marks),
   * read once when the methodology is parsed, so that the built-in snapshot carries it.
   */
  personFields: readonly { segments: readonly string[]; key: boolean }[];
  /**
   * The plan's lists of people (peopleLists: dotted, `*` for an outer list's entries), whose entries are the
   * same when they name one person however written; read once with personFields, for the same reason.
   */
  peopleLists: readonly string[];
  changelog: readonly { version: string; changes: readonly string[] }[];
  levels: readonly Level[];
  profiles: readonly Profile[];
  frameworks: readonly Framework[];
  retired: readonly { id: string; reason: string }[];
  /** Directory the methodology was read from (for display). */
  location: string;
  /** Every directory its files were read from: its own and those of the methodologies it extends. */
  directories: readonly string[];
}

/** Every item in phase order. */
const itemsOf = new WeakMap<Methodology, readonly Item[]>();

/** Every item, phase by phase (made once per methodology: a lint asks for it several times per plan). */
export function allItems(methodology: Methodology): readonly Item[] {
  let items = itemsOf.get(methodology);
  if (!items) {
    items = Object.freeze(methodology.phases.flatMap((p) => p.items));
    itemsOf.set(methodology, items);
  }
  return items;
}

export function findItem(methodology: Methodology, id: string): Item | undefined {
  for (const phase of methodology.phases) {
    const item = phase.items.find((i) => i.id === id);
    if (item) return item;
  }
  return undefined;
}
