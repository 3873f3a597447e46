// The one place where findings and verdicts become sentences, shared by every format.
import { assertNever } from '../errors.js';
import { findItem, type Methodology } from '../methodology/types.js';
import type { Finding } from '../scoring/types.js';
import type { VerdictReason } from '../scoring/verdict.js';

export function describeFinding(finding: Finding, methodology: Methodology): string {
  const title = findItem(methodology, finding.itemId)?.title ?? finding.itemId;
  const d = finding.data;
  const todo = (d.failed ?? []).map((f) => f.message).join(' ');
  switch (finding.code) {
    case 'item-unmet':
      return todo ? `${title}. ${todo}` : `${title}. Answered unmet in the assessment.`;
    case 'item-partial':
      return todo ? `Partly met: ${title}. Still: ${todo}` : `Partly met: ${title}.`;
    case 'item-unanswered':
      return `${title}. Not answered yet: rate it under assessment.${finding.itemId}.`;
    case 'answer-stale':
      return `${title}. The answer was last reviewed on ${d.reviewed}, more than ${d.validityDays} days ago: review it and update 'reviewed'.`;
    case 'claim-contradicted':
      return `The assessment claims '${d.claimed}', but the plan's facts do not show it; the facts win.`;
    case 'na-unjustified':
      return `'n/a' needs a note saying why; the answer is set aside until it has one.`;
    case 'na-not-allowed':
      return `'n/a' is not accepted for this item; the answer is set aside.`;
    case 'waiver-expired':
      return `The waiver expired on ${d.expires} (${d.reason}): meet the item or renew the waiver.`;
    case 'item-waived':
      return `Gap accepted until ${d.expires}: ${d.reason}`;
    default:
      return assertNever(finding.code, 'finding code');
  }
}

export function describeVerdictReason(reason: VerdictReason): string {
  switch (reason.code) {
    case 'open-items':
      return `${count(reason.items.length, 'open item')} at or above '${reason.failOn}': ${reason.items.join(', ')}`;
    case 'waiver-expired':
      return `${count(reason.items.length, 'expired waiver')}: ${reason.items.join(', ')}`;
    case 'score-below':
      return `score ${reason.score} is below the minimum ${reason.minScore}`;
    case 'level-below':
      return `level '${reason.level}' is below the minimum '${reason.minLevel}'`;
    default:
      return assertNever(reason, 'verdict reason');
  }
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
