// Every finding code and its kind, in one table. It sits below scoring because rule kinds raise findings
// too (the facts to fix); scoring, the reports and the rules all read what a code is from here.

/** The closed set of finding codes. */
export const FINDING_CODES = [
  'item-unmet',
  'item-partial',
  'item-unanswered',
  'item-unmeasured',
  'answer-stale',
  'claim-contradicted',
  'claim-unsupported',
  'na-unjustified',
  'na-not-allowed',
  'waiver-expired',
  'item-waived',
  'person-unknown',
  'observation-stale',
  'date-in-future',
  'single-point',
  'person-overloaded',
  'id-renamed',
  'non-answer',
  'fact-unstated',
  'date-past',
  'personal-data',
  'field-restructured',
  'waiver-too-long',
  'waiver-unjustified',
  'na-claimed',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * What a finding is about. `gap`: why an item is open; it carries the points meeting the item adds, and
 * reports list it with the gaps. `waiver`: a waiver on an open item, in force or expired. `answer`: an
 * answer set aside, contradicted by the facts, or written under a renamed id. `fact`: a fact in the plan
 * to fix (a person, a date, an observation); the only findings a rule raises. All but gaps are notes.
 */
export type FindingKind = 'gap' | 'waiver' | 'answer' | 'fact';

/** The kind of every finding code: adding a code does not compile until it has one. */
export const FINDING_KINDS = {
  'item-unmet': 'gap',
  'item-partial': 'gap',
  'item-unanswered': 'gap',
  'item-unmeasured': 'gap',
  'answer-stale': 'gap',
  'claim-contradicted': 'answer',
  'claim-unsupported': 'answer',
  'na-unjustified': 'answer',
  'na-not-allowed': 'answer',
  'id-renamed': 'answer',
  'waiver-expired': 'waiver',
  'item-waived': 'waiver',
  'person-unknown': 'fact',
  'observation-stale': 'fact',
  'date-in-future': 'fact',
  'single-point': 'fact',
  'person-overloaded': 'fact',
  'non-answer': 'fact',
  'fact-unstated': 'fact',
  'date-past': 'fact',
  'personal-data': 'fact',
  'field-restructured': 'answer',
  'waiver-too-long': 'waiver',
  'waiver-unjustified': 'waiver',
  'na-claimed': 'answer',
} as const satisfies Record<FindingCode, FindingKind>;

/** The codes of one kind, e.g. `FindingCodeOf<'fact'>` for the notes a rule may raise. */
export type FindingCodeOf<K extends FindingKind> = {
  [C in FindingCode]: (typeof FINDING_KINDS)[C] extends K ? C : never;
}[FindingCode];

/** Whether findings with this code say why an item is open (they carry its points; the rest are notes). */
export function isGapCode(code: FindingCode): boolean {
  return FINDING_KINDS[code] === 'gap';
}
