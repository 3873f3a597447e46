// The result of assessing one plan: item statuses, findings as data, scores, level and the path onward.
import type { Dimension, Formality, Severity, Stage } from '../methodology/types.js';
import type { FindingCode } from '../methodology/finding-kinds.js';
import type { ParamOrigin } from './resolve-profile.js';
import type { AnswerStatus } from '../plan/types.js';

export const ITEM_STATUSES = ['met', 'partial', 'unmet', 'unanswered', 'stale', 'unmeasured', 'n/a'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * What each status is worth in a score, the one table of these values: an item's value, the points a gap
 * is worth, the score with items counted as met, and the words reports use all read it. n/a is null: it
 * leaves the denominator.
 */
export const STATUS_VALUES = {
  met: 1,
  partial: 0.5,
  unmet: 0,
  unanswered: 0,
  stale: 0,
  // An outcome nobody measured (or measured too long ago) is unknown, not failed: it is left out of the
  // health score, as n/a is, and stays open with a finding.
  unmeasured: null,
  'n/a': null,
} as const satisfies Record<ItemStatus, number | null>;

/** What decided an item's status. */
export type StatusBasis = 'evidence' | 'answer' | 'evidence+answer' | 'profile' | 'stage' | 'condition' | 'none';

/** Finding codes and their kinds live in one table, below scoring, because rule kinds raise findings too. */
export {
  FINDING_CODES,
  FINDING_KINDS,
  isGapCode,
  type FindingCode,
  type FindingCodeOf,
  type FindingKind,
} from '../methodology/finding-kinds.js';

export interface Location {
  file: string;
  line: number;
  col: number;
  /** Dotted plan path the finding concerns (the position may be of its nearest existing parent). */
  path: string;
}

export interface FailedRule {
  path: string;
  message: string;
  /** Specifics, e.g. "12 of 20 named" or "measured on 2025-01-10, 320 days ago". */
  detail?: string;
}

export interface FindingData {
  /** Score points the item is worth when met. */
  points?: number;
  failed?: readonly FailedRule[];
  claimed?: AnswerStatus;
  reviewed?: string;
  validityDays?: number;
  expires?: string;
  reason?: string;
  /** A person's name (person-unknown, person-overloaded). */
  name?: string;
  /** A critical function (single-point). */
  function?: string;
  holders?: number;
  count?: number;
  max?: number;
  /** When an observation was measured, its age and the limit (observation-stale, date-in-future). */
  asOf?: string;
  days?: number;
  maxAge?: number;
  /** A stage a plan is judged at besides the one it states (date-in-future at an opening day after today). */
  stage?: Stage;
  /** The old item id an answer was written under (id-renamed). */
  from?: string;
  /** The text written where an answer was asked (non-answer). */
  text?: string;
  /** The plan path of a fact the item depends on and the plan does not state (fact-unstated). */
  fact?: string;
  /** What kind of personal data a plan string holds (personal-data); never the data itself. */
  personal?: 'email' | 'phone' | 'street-address';
}

/** A finding is data; sentences are made by the report layer. */
export interface Finding {
  code: FindingCode;
  itemId: string;
  phaseId: string;
  severity: Severity;
  location: Location;
  data: FindingData;
}

export interface ItemResult {
  itemId: string;
  phaseId: string;
  /** The requirement, in this profile's words. */
  title: string;
  dimension: Dimension;
  /** The severity in force (a profile may change it). */
  severity: Severity;
  weight: number;
  status: ItemStatus;
  basis: StatusBasis;
  /**
   * n/a only because the community opened too recently to measure it: not shown yet, so a level gate
   * that needs it met is not passed on it (levels.ts).
   */
  notYetObservable?: true;
  /** STATUS_VALUES[status]: null when n/a (left out of the denominator). */
  value: number | null;
  /** Points of its dimension's score (readiness or health) gained by meeting it (0 when met or n/a). */
  points: number;
  failed: readonly FailedRule[];
  waiver?: { reason: string; expires: string; active: boolean; owner?: string };
  /**
   * An open item someone has taken on for later (the interview's "later", the answer's `due` and
   * `owner`): it stays open, judged on its facts, and reports list it as a to-do with who and by when.
   */
  later?: { due: string; owner?: string };
  /** Why the item is n/a: the answer's note, the profile's basis, or the stage. */
  naReason?: string;
}

export interface PhaseResult {
  phaseId: string;
  /** 0-100, or null when every item is n/a. */
  score: number | null;
  counts: Record<ItemStatus, number>;
}

export interface LevelRef {
  id: string;
  title: string;
  index: number;
}

export interface NextLevel extends LevelRef {
  minScore: number;
  minHealth?: number;
  /** The smallest set of open items whose completion reaches this level, in gap order. */
  items: readonly string[];
  /** The readiness score once they are met. */
  scoreAfter: number;
  /** The health score once they are met (null when nothing is observed yet). */
  healthAfter: number | null;
  /** Set when the level cannot be reached in this stage: it rests on outcomes observed after launch. */
  needsStage?: Stage;
}

export interface PlanAssessment {
  file: string;
  community: { name: string; type?: string };
  methodology: { id: string; version: string };
  /** The date the assessment was made for (YYYY-MM-DD). */
  today: string;
  /** Where the community is, and whether the plan said so or it was inferred (version-1 plans). */
  stage: { id: Stage; from: 'plan' | 'inferred'; opened?: string };
  /** The profile in force: community type and formality. */
  profile: { type?: string; formality: Formality; formalityFrom: 'plan' | 'type' | 'default' };
  /** Readiness: the weighted score of the plan's readiness items, 0-100, one decimal. */
  score: number;
  /**
   * Health: the weighted score of the outcomes measured and fresh; null while none is (before launch, or
   * when nothing was measured within the freshness limit). Never a zero for what was not measured.
   */
  health: number | null;
  /** How many of the applicable health measures were measured and fresh: the health score rests on `measured` of `of`. */
  healthCoverage: { measured: number; of: number };
  level: LevelRef;
  nextLevel: NextLevel | null;
  phases: readonly PhaseResult[];
  items: readonly ItemResult[];
  findings: readonly Finding[];
  /** Open items in priority order: blockers first, then phase order, then weight. */
  gaps: readonly string[];
  /** Parameters in force whose values differ from the methodology's defaults (set by the type, formality or plan). */
  customParams: Readonly<Record<string, number>>;
  /** Where each value of `customParams` came from. */
  paramOrigins: Readonly<Record<string, ParamOrigin>>;
  /** The words item text uses for this profile. */
  words: Readonly<Record<string, string>>;
}

export function isOpen(status: ItemStatus): boolean {
  return status !== 'met' && status !== 'n/a';
}
