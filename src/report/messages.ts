// The one place where findings and verdicts become sentences, shared by every format.
import { assertNever } from '../errors.js';
import { paramValues } from '../methodology/evidence-schema.js';
import { defaultTextValues, fillPlaceholders, paramTexts, type TextValues } from '../methodology/placeholders.js';
import { findItem, type Methodology } from '../methodology/types.js';
import { ITEM_STATUSES, STATUS_VALUES, type FailedRule, type Finding, type PlanAssessment } from '../scoring/types.js';
import type { JudgedProfile, LintVerdictReason, PlanResult } from './types.js';
import type { TakenOut } from './lint-details.js';

const PERSONAL_WORDS = { email: 'an e-mail address', phone: 'a phone number', 'street-address': 'a street address' } as const;

/** A failed rule as an instruction, with its specifics: "Name at least 2 moderators. (1 of 2 named)". */
export function describeFailedRule(rule: FailedRule): string {
  return rule.detail ? `${rule.message} (${rule.detail})` : rule.message;
}

/**
 * Who answers for an item taken on for later, and by when: "Ana, by 2026-09-30" ("by 2026-09-30" without
 * an owner); a date already gone is said to be overdue, never left to read as a plan.
 */
export function describeLater(later: { due: string; owner?: string; overdue?: boolean }): string {
  const when = later.overdue ? `by ${later.due}, overdue` : `by ${later.due}`;
  return later.owner ? `${later.owner}, ${when}` : when;
}

const planTexts = new WeakMap<PlanAssessment, TextValues>();

/**
 * What fills the placeholders of methodology text shown for an assessed plan: its profile's words, and
 * the thresholds in force for it (its type's, its formality's and its own `params`), a share in %.
 */
export function planTextValues(assessment: PlanAssessment, methodology: Methodology): TextValues {
  let values = planTexts.get(assessment);
  if (!values) {
    const params = paramTexts(methodology.params, paramValues(methodology.params, assessment.customParams), 'prose');
    values = { words: assessment.words, params };
    planTexts.set(assessment, values);
  }
  return values;
}

/** The title of a finding's item in the plan's words and thresholds (its id when the methodology has no such item). */
function itemTitle(finding: Finding, methodology: Methodology, text: TextValues): string {
  return fillPlaceholders(findItem(methodology, finding.itemId)?.title ?? finding.itemId, text);
}

/** One finding as a sentence; `text` fills item titles' placeholders (planTextValues; the methodology's defaults without a plan). */
export function describeFinding(finding: Finding, methodology: Methodology, text: TextValues = defaultTextValues(methodology)): string {
  const title = itemTitle(finding, methodology, text);
  const d = finding.data;
  const todo = (d.failed ?? []).map(describeFailedRule).join(' ');
  switch (finding.code) {
    case 'item-unmet':
      return todo ? `${title}. ${todo}` : `${title}. Answered unmet in the assessment.`;
    case 'item-partial':
      return todo ? `Partly met: ${title}. Still: ${todo}` : `Partly met: ${title}.`;
    case 'item-unanswered':
      return `${title}. Not answered yet: rate it under assessment.${finding.itemId}.`;
    case 'item-unmeasured':
      return `${title}. Not measured (it is left out of the health score until it is): ${todo}`;
    case 'answer-stale':
      return d.reviewed
        ? `${title}. The answer was last reviewed on ${d.reviewed}, more than ${d.validityDays} days ago: review it and update 'reviewed'.`
        : `${title}. The answer has no 'reviewed' date, so nothing shows it still holds: review it and write the date in 'reviewed'.`;
    case 'claim-contradicted':
      return `The assessment claims '${d.claimed}', but the plan's facts do not show it; the facts win.`;
    case 'claim-unsupported':
      return `'met' is claimed, but the note says nothing that meets it ('${d.text}'); the answer is set aside until the note says what is in place, or the status says what is true.`;
    case 'na-unjustified':
      return `'n/a' needs a note saying why, in a few words (such as 'Online only'; not 'n/a', 'none' or 'x'); the answer is set aside until it has one.`;
    case 'na-not-allowed':
      return d.max === 0
        ? `The project accepts no waiver and no n/a of the plan's own for this item's severity (lint.maxWaiverDays); the answer is set aside.`
        : `'n/a' is not accepted for this item; the answer is set aside.`;
    case 'na-claimed':
      return `Marked n/a by the plan's own answer, which takes it out of the score and the gate: ${d.reason}`;
    case 'waiver-expired':
      return `The waiver expired on ${d.expires} (${d.reason}): meet the item or renew the waiver.`;
    case 'item-waived':
      return `Gap accepted until ${d.expires}: ${d.reason}`;
    case 'person-unknown':
      return `'${d.name}' is not in the plan's roster (people): add them there once, or correct the name.`;
    case 'observation-stale':
      return `Measured on ${d.asOf}, ${d.days} days ago: older than ${d.maxAge} days, so it counts as missing. Measure it again.`;
    case 'date-in-future':
      if (d.stage !== undefined)
        return `The community opens to its first members on ${d.asOf}, after today: it is not running yet, so it is judged as ${d.stage} as well, launch points included. Set community.stage to ${d.stage}, or correct the date.`;
      return `The date ${d.asOf} is after today: a measurement, a review or an opening day cannot come from the future.`;
    case 'single-point':
      return `Single point of failure: '${d.function}' has ${d.holders === 1 ? 'one holder' : `${d.holders} holders`}; it needs ${d.max}.`;
    case 'id-renamed':
      return `'${d.from}' was renamed '${finding.itemId}': the answer counts for it; rename the key under assessment before the next major version drops the old id.`;
    case 'person-overloaded':
      return `Single point of failure: ${d.name} holds ${d.count} critical functions (at most ${d.max}).`;
    case 'non-answer':
      return `'${d.text}' decides nothing, so it counts as not written: write what was decided, or leave the point open.`;
    case 'waiver-unjustified':
      return `The waiver's reason '${d.reason}' says no why (a few words are needed; not 'n/a', 'tbd' or 'x'): it is not in force; write why the gap is accepted until ${d.expires}.`;
    case 'waiver-too-long':
      return d.max === 0
        ? `The project accepts no waiver for this item's severity (lint.maxWaiverDays) (${d.reason}): it is not in force; meet the item.`
        : `The waiver runs to ${d.expires}, more than ${d.max} days from today (${d.reason}): it is not in force; waive for at most ${d.max} days, and renew it if the risk is still accepted then.`;
    case 'field-restructured':
      return `Written in an older form (a list of points), which no longer meets this point: ${d.text}`;
    case 'personal-data':
      return `This text holds ${PERSONAL_WORDS[d.personal ?? 'email']}: personal contact details do not belong in a plan others may read; keep them in the platform or a CRM.`;
    case 'date-past':
      return `The date ${d.asOf} is past (${d.days === 1 ? '1 day' : `${d.days} days`} ago): update it, or record what happened.`;
    case 'fact-unstated':
      return `The plan does not state ${d.fact}, which decides whether this point applies, so it is judged: state ${d.fact} under community.`;
    default:
      return assertNever(finding.code, 'finding code');
  }
}

/**
 * The health score with what it rests on: "80/100 (3 of 7 measures)"; with nothing measured, no score
 * at all ("not measured: 0 of 7 measures"), and before anything can be observed, "not yet observed".
 */
export function describeHealth(health: number | null, coverage: { measured: number; of: number }): string {
  if (coverage.of === 0) return 'not yet observed';
  const measures = `${coverage.measured} of ${coverage.of} ${coverage.of === 1 ? 'measure' : 'measures'}`;
  return health === null ? `not measured (${measures})` : `${health}/100 (${measures})`;
}

/** Where a value in force came from, in words: "the type", "the formality", "the plan", or the plan field that states it. */
export function describeParamOrigin(methodology: Methodology, name: string, origin: string | undefined): string {
  if (origin === 'fact') return `the plan's ${methodology.params[name]?.from ?? 'own figure'}`;
  return `the ${origin ?? 'plan'}`;
}

/** The profile a plan was judged by, each part with its source: "judged as customer (the plan), funded (the type's default), size 2000 (the plan)". */
export function describeJudgedAs(j: JudgedProfile): string {
  const FROM = {
    plan: 'the plan',
    config: 'pinned by the project config',
    type: "the type's default",
    default: 'assumed: stated nowhere',
    none: '',
  };
  const type = j.type.value !== undefined ? `${j.type.value} (${FROM[j.type.from]})` : 'no type (the plan states none)';
  const size = j.size.value !== undefined ? `size ${j.size.value} (${FROM[j.size.from]})` : 'no size (the plan states none)';
  return `judged as ${type}, ${j.formality.value} (${FROM[j.formality.from]}), ${size}`;
}

/** How the plan's own word takes an item out of the gate, as the summaries list it: 'waived until 2027-03-31'. */
export function describeTakenOut(t: Pick<TakenOut, 'kind' | 'expires'>): string {
  return t.kind === 'n/a'
    ? "n/a by the plan's own answer"
    : t.kind === 'waived'
      ? `waived until ${t.expires ?? ''}`
      : 'known in the baseline';
}

/** The methodology a plan was judged by, as every output names it: id, version and where it came from. */
export function describeMethodology(plan: PlanResult): string {
  const m = plan.methodology;
  return `methodology ${m.id} ${m.version}${plan.methodologyLocation ? ` (${plan.methodologyLocation})` : ''}`;
}

/** One short phrase per finding, for lint's one-line-per-finding text. */
export function describeFindingShort(
  finding: Finding,
  methodology: Methodology,
  text: TextValues = defaultTextValues(methodology),
): string {
  const title = itemTitle(finding, methodology, text);
  const d = finding.data;
  switch (finding.code) {
    case 'item-unmet':
      return `${title}: not met`;
    case 'item-partial':
      return `${title}: partly met`;
    case 'item-unanswered':
      return `${title}: not answered`;
    case 'item-unmeasured':
      return `${title}: not measured`;
    case 'answer-stale':
      return d.reviewed ? `${title}: answer older than ${d.validityDays} days` : `${title}: answer without a review date`;
    case 'claim-contradicted':
      return `${title}: '${d.claimed}' claimed, the facts disagree`;
    case 'claim-unsupported':
      return `${title}: 'met' with a note that says nothing`;
    case 'na-unjustified':
      return `${title}: 'n/a' without a reason`;
    case 'na-not-allowed':
      return d.max === 0 ? `${title}: 'n/a' not accepted by the project (lint.maxWaiverDays)` : `${title}: 'n/a' not accepted`;
    case 'na-claimed':
      return `${title}: n/a by the plan's answer`;
    case 'waiver-expired':
      return `${title}: waiver expired on ${d.expires}`;
    case 'item-waived':
      return `${title}: waived until ${d.expires}`;
    case 'person-unknown':
      return `'${d.name}' is not in the roster (people)`;
    case 'observation-stale':
      return `${title}: measured ${d.days} days ago, older than ${d.maxAge}`;
    case 'date-in-future':
      if (d.stage !== undefined) return `${title}: opens on ${d.asOf}, after today, so judged as ${d.stage} too`;
      return `${title}: dated ${d.asOf}, after today`;
    case 'single-point':
      return `single point of failure: '${d.function}' has ${d.holders} of ${d.max} holders`;
    case 'person-overloaded':
      return `single point of failure: ${d.name} holds ${d.count} critical functions (at most ${d.max})`;
    case 'id-renamed':
      return `'${d.from}' is now '${finding.itemId}': rename the key under assessment`;
    case 'non-answer':
      return `${title}: '${d.text}' decides nothing`;
    case 'waiver-too-long':
      return d.max === 0 ? `${title}: no waiver accepted` : `${title}: waiver to ${d.expires}, beyond ${d.max} days`;
    case 'waiver-unjustified':
      return `${title}: waiver without a reason`;
    case 'field-restructured':
      return `${title}: written in an older form`;
    case 'personal-data':
      return `${PERSONAL_WORDS[d.personal ?? 'email']} in the plan`;
    case 'date-past':
      return `${title}: ${d.asOf} is past`;
    case 'fact-unstated':
      return `${title}: judged because ${d.fact} is not stated`;
    default:
      return assertNever(finding.code, 'finding code');
  }
}

/** A verdict reason in a few words: the open items themselves are listed line by line beside it. */
export function describeVerdictReasonShort(reason: LintVerdictReason): string {
  if (reason.code === 'open-items') return `${count(reason.items.length, 'open item')} at or above '${reason.failOn}'`;
  if (reason.code === 'waiver-expired') return count(reason.items.length, 'expired waiver');
  return describeVerdictReason(reason);
}

/** What lint's text says about the findings it does not list. */
export function describeUnlisted(counts: Readonly<Record<string, number>>, plural: Readonly<Record<string, string>>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${n} ${n === 1 ? key : (plural[key] ?? `${key}s`)}`);
  return `+ ${parts.join(', ')}; 'commready report' lists them`;
}

export function describeVerdictReason(reason: LintVerdictReason): string {
  switch (reason.code) {
    case 'methodology-mismatch':
      return `the plan names methodology '${reason.named}', but lint judges by ${reason.judgedBy}; pass --methodology-from-plan to accept the plan's own`;
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

/** What each status is worth in a score, from STATUS_VALUES: "met 1, partial 0.5, otherwise 0" (n/a is left out). */
export function describeStatusValues(): string {
  const values = ITEM_STATUSES.flatMap((status) => {
    const value = STATUS_VALUES[status];
    return value === null ? [] : [{ status, value }];
  });
  const lowest = values.reduce((low, v) => Math.min(low, v.value), Infinity);
  const above = values.filter((v) => v.value !== lowest).map((v) => `${v.status} ${v.value}`);
  return [...above, `otherwise ${lowest}`].join(', ');
}
