// Pure: the one finding that explains why an item is open (its gap finding: item-unmet, item-partial,
// item-unanswered, item-unmeasured or answer-stale), chosen here once for every format. A note about the
// same item (a claim the facts contradict, a non-answer, a waiver) never stands in for it, whatever its
// place in the plan: code scanning keys its alerts on this finding's location.
import { isGapCode, type Finding, type PlanAssessment } from './types.js';

/** The finding that explains why the item is open, or undefined for an item that is not. */
export function gapFindingOf(assessment: PlanAssessment, itemId: string): Finding | undefined {
  return assessment.findings.find((f) => f.itemId === itemId && isGapCode(f.code));
}
