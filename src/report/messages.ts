// The one place where findings and verdicts become sentences, shared by every format.
import { assertNever } from '../errors.js';
import { interpolateWords } from '../methodology/evidence-schema.js';
import { findItem, type Methodology } from '../methodology/types.js';
import type { FailedRule, Finding } from '../scoring/types.js';
import type { VerdictReason } from '../scoring/verdict.js';

/** A failed rule as an instruction, with its specifics: "Name at least 2 moderators. (1 of 2 named)". */
export function describeFailedRule(rule: FailedRule): string {
  return rule.detail ? `${rule.message} (${rule.detail})` : rule.message;
}

/** One finding as a sentence; `words` are the profile's (from the assessment), for item titles. */
export function describeFinding(finding: Finding, methodology: Methodology, words: Readonly<Record<string, string>> = methodology.words): string {
  const title = interpolateWords(findItem(methodology, finding.itemId)?.title ?? finding.itemId, words);
  const d = finding.data;
  const todo = (d.failed ?? []).map(describeFailedRule).join(' ');
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
    case 'person-unknown':
      return `'${d.name}' is not in the plan's roster (people): add them there once, or correct the name.`;
    case 'observation-stale':
      return `Measured on ${d.asOf}, ${d.days} days ago: older than ${d.maxAge} days, so it counts as missing. Measure it again.`;
    case 'date-in-future':
      return `The date ${d.asOf} is after today: a measurement or review cannot come from the future.`;
    case 'single-point':
      return `Single point of failure: '${d.function}' has ${d.holders === 1 ? 'one holder' : `${d.holders} holders`}; it needs ${d.max}.`;
    case 'id-renamed':
      return `'${d.from}' was renamed '${finding.itemId}': the answer counts for it; rename the key under assessment before the next major version drops the old id.`;
    case 'person-overloaded':
      return `Single point of failure: ${d.name} holds ${d.count} critical functions (at most ${d.max}).`;
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
