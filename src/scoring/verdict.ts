// Pure: decides whether an assessed plan passes lint's thresholds, and says why not as data.
import { UnknownLevelError } from '../errors.js';
import { didYouMean } from '../text/closest-matches.js';
import type { Methodology, Severity } from '../methodology/types.js';
import { isOpen, type PlanAssessment } from './types.js';

export const FAIL_ON = ['blocker', 'major', 'minor', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface Thresholds {
  failOn: FailOn;
  minScore?: number;
  minLevel?: string;
}

export type VerdictReason =
  | { code: 'open-items'; failOn: Severity; items: readonly string[] }
  | { code: 'waiver-expired'; items: readonly string[] }
  | { code: 'score-below'; score: number; minScore: number }
  | { code: 'level-below'; level: string; minLevel: string };

export interface Verdict {
  passed: boolean;
  reasons: readonly VerdictReason[];
}

const RANK: Record<Severity, number> = { blocker: 0, major: 1, minor: 2 };

/**
 * A plan fails when an open item at or above `failOn` is not covered by an active waiver, when the
 * waiver of an open item (of any severity) has expired (unless `failOn` is none), or when score or
 * level is below the minimum.
 */
export function judgePlan(assessment: PlanAssessment, methodology: Methodology, thresholds: Thresholds): Verdict {
  const reasons: VerdictReason[] = [];
  if (thresholds.failOn !== 'none') {
    const limit = RANK[thresholds.failOn];
    const failing = assessment.gaps.filter((id) => {
      const r = assessment.items.find((x) => x.itemId === id)!;
      return RANK[r.severity] <= limit && !r.waiver?.active;
    });
    if (failing.length > 0) reasons.push({ code: 'open-items', failOn: thresholds.failOn, items: failing });
    const expired = assessment.items.filter((r) => isOpen(r.status) && r.waiver && !r.waiver.active).map((r) => r.itemId);
    if (expired.length > 0) reasons.push({ code: 'waiver-expired', items: expired });
  }
  if (thresholds.minScore !== undefined && assessment.score < thresholds.minScore) {
    reasons.push({ code: 'score-below', score: assessment.score, minScore: thresholds.minScore });
  }
  if (thresholds.minLevel !== undefined) {
    const wanted = methodology.levels.findIndex((l) => l.id === thresholds.minLevel);
    // An unknown level must not pass silently (every index is above -1).
    if (wanted < 0) {
      const ids = methodology.levels.map((l) => l.id);
      const message = `unknown level '${thresholds.minLevel}'${didYouMean(thresholds.minLevel, ids)} (levels: ${ids.join(', ')})`;
      throw new UnknownLevelError(thresholds.minLevel, ids, message);
    }
    if (assessment.level.index < wanted) reasons.push({ code: 'level-below', level: assessment.level.id, minLevel: thresholds.minLevel });
  }
  return { passed: reasons.length === 0, reasons };
}
