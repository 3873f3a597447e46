// The result of assessing one plan: item statuses, findings as data, scores, level and the path onward.
import type { Severity } from '../methodology/types.js';
import type { AnswerStatus } from '../plan/types.js';

export const ITEM_STATUSES = ['met', 'partial', 'unmet', 'unanswered', 'stale', 'n/a'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** What decided an item's status. */
export type StatusBasis = 'evidence' | 'answer' | 'evidence+answer' | 'profile' | 'none';

export const FINDING_CODES = [
  'item-unmet',
  'item-partial',
  'item-unanswered',
  'answer-stale',
  'claim-contradicted',
  'na-unjustified',
  'na-not-allowed',
  'waiver-expired',
  'item-waived',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

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
  severity: Severity;
  weight: number;
  status: ItemStatus;
  basis: StatusBasis;
  /** 1 met, 0.5 partial, 0 otherwise; null when n/a (left out of the denominator). */
  value: number | null;
  /** Overall score points gained by meeting it (0 when met or n/a). */
  points: number;
  failed: readonly FailedRule[];
  waiver?: { reason: string; expires: string; active: boolean; owner?: string };
  /** Why the item is n/a, from the answer or the profile. */
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
  /** The smallest set of open items whose completion reaches this level, in gap order. */
  items: readonly string[];
  /** The score once they are met. */
  scoreAfter: number;
}

export interface PlanAssessment {
  file: string;
  community: { name: string; type?: string };
  methodology: { id: string; version: string };
  /** The date the assessment was made for (YYYY-MM-DD). */
  today: string;
  /** Overall weighted score, 0-100, one decimal. */
  score: number;
  level: LevelRef;
  nextLevel: NextLevel | null;
  phases: readonly PhaseResult[];
  items: readonly ItemResult[];
  findings: readonly Finding[];
  /** Open items in priority order: blockers first, then phase order, then weight. */
  gaps: readonly string[];
  /** Parameters the plan set to values other than the methodology's defaults. */
  customParams: Readonly<Record<string, number>>;
}

export function isOpen(status: ItemStatus): boolean {
  return status !== 'met' && status !== 'n/a';
}
