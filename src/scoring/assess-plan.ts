// Pure: decides every item's status from evidence rules and answers, in the plan's stage and profile,
// then scores readiness and health, finds the level and the gaps. "Today" is passed in: nothing here
// reads the clock.
import type { DataPath, YamlSource } from '../source/yaml-source.js';
import type { Validation } from '../validation/schema-validation.js';
import { EvidenceValidators, interpolateParams, interpolateWords } from '../methodology/evidence-schema.js';
import { fillPlaceholders, paramTexts, type TextValues } from '../methodology/placeholders.js';
import { checkRule, createRuleContext, foldName, type RuleContext } from '../methodology/rule-kinds/index.js';
import { allItems, findItem, type Condition, type Item, type Methodology, type Severity, type Stage } from '../methodology/types.js';
import { getPath } from '../methodology/plan-facts.js';
import { promptTextsOf } from '../methodology/prompt-texts.js';
import type { Answer, AnswerStatus, Plan, Waiver } from '../plan/types.js';
import { daysBetween, isIsoDate } from '../text/dates.js';
import {
  ITEM_STATUSES,
  STATUS_VALUES,
  isGapCode,
  isOpen,
  type FailedRule,
  type Finding,
  type FindingCode,
  type ItemResult,
  type ItemStatus,
  type Location,
  type PhaseResult,
  type PlanAssessment,
  type StatusBasis,
} from './types.js';
import { findLevel, findNextLevel } from './levels.js';
import { applicableWeight, gateScore, pointsOf, weightedScore } from './weighted-score.js';
import { orderGaps } from './order-gaps.js';
import { resolveProfile, withFactParams, type ParamOrigin, type ResolvedProfile } from './resolve-profile.js';
import { byCodeUnit } from '../text/compare.js';
import { isStandInName } from '../text/person-name.js';
import { checkRoster, itemReading, type RosterCheck } from './roster-check.js';
import { rosterPeople } from '../methodology/rule-kinds/people-rule.js';
import { givesReason, isNonAnswer } from '../text/non-answer.js';

export { getPath, withoutBlanks } from '../methodology/plan-facts.js';

export interface AssessOptions {
  /** YYYY-MM-DD. */
  today: string;
  /**
   * The longest a waiver may run from `today` (default 365 days): one expiring later is a finding and
   * counts as expired, so that no plan waives a gap until 9999.
   */
  maxWaiverDays?: WaiverDays;
  /**
   * Parameters whose plan fact (`from`) is not applied: lint sets aside a fact that would relax the
   * threshold in force, as it sets aside the plan's own `params` that would (cli/lint-policy.ts).
   */
  factParamsSetAside?: readonly string[];
}

/** A year: the default horizon of a waiver. */
export const DEFAULT_MAX_WAIVER_DAYS = 365;

/**
 * The longest a waiver may run: one number for every item, or one per severity (the others
 * DEFAULT_MAX_WAIVER_DAYS). 0 accepts no waiver: a project may forbid waiving its blockers.
 */
export type WaiverDays = number | Partial<Record<Severity, number>>;

/** The longest waiver the project accepts for an item of `severity` (0: none). */
export function waiverDaysFor(days: WaiverDays, severity: Severity): number {
  return typeof days === 'number' ? days : (days[severity] ?? DEFAULT_MAX_WAIVER_DAYS);
}

/** The `failed` list of every item with none: one shared, frozen empty list instead of one per item and plan. */
const NONE_FAILED: readonly FailedRule[] = Object.freeze([]);

function failedList(failed: readonly FailedRule[]): readonly FailedRule[] {
  return failed.length === 0 ? NONE_FAILED : failed;
}

/** One cache of evidence validators per set of validators: shared by every plan of a run. */
const evidenceCaches = new WeakMap<Validation, EvidenceValidators>();
function evidenceValidatorsOf(validation: Validation): EvidenceValidators {
  let validators = evidenceCaches.get(validation);
  if (!validators) {
    validators = new EvidenceValidators((schema) => validation.compileEvidence(schema));
    evidenceCaches.set(validation, validators);
  }
  return validators;
}

/**
 * Assesses one plan against a methodology, in named steps: the profile in force and the rule context,
 * each item's status, the plan's own notes, the scores and each open item's points, the phases, the gaps
 * and the levels.
 */
export function assessPlan(plan: Plan, methodology: Methodology, validation: Validation, options: AssessOptions): PlanAssessment {
  const notOpen = openingAfterToday(plan, options.today);
  // A community whose doors open after today is not running yet, whatever its stage says: it is judged
  // as launching too, so neither its launch mechanics nor its outcomes are excused, and a finding at the
  // date says why.
  const stages: readonly Stage[] = notOpen ? ['launching', plan.stage] : [plan.stage];
  const profile = withFactParams(methodology, plan.data, resolveProfile(methodology, plan), options.factParamsSetAside);
  const { context, people } = ruleContextOf(plan, methodology, profile, validation, options.today);
  const findings: Finding[] = [];
  if (notOpen) reportNotOpen(notOpen, plan, methodology, profile, findings);
  const answers = answersByItem(plan, methodology, findings);
  const results: ItemResult[] = allItems(methodology).map((item) =>
    assessItem(item, plan, stages, answers, methodology, profile, context, findings, options.maxWaiverDays ?? DEFAULT_MAX_WAIVER_DAYS),
  );

  reportUnknownPeople(people, plan, methodology, results, findings);
  reportRestructured(plan, methodology, results, findings);
  if (profile.formalityFrom === 'default' && methodology.formalities.length > 0)
    reportFormalityUnstated(plan, methodology, results, findings);

  const scores = scoreItems(results, measureOf(methodology));
  setGapPoints(findings, results);
  const gaps = orderGaps(
    results.filter((r) => isOpen(r.status)),
    methodology,
  ).map((r) => r.itemId);
  const level = findLevel(methodology, results, scores.score, { score: scores.gateHealth, coverage: scores.gateCoverage }, plan.stage);
  const customParams: Record<string, number> = {};
  const paramOrigins: Record<string, ParamOrigin> = {};
  for (const [name, { value, origin }] of Object.entries(profile.changed)) {
    customParams[name] = value;
    paramOrigins[name] = origin;
  }

  return {
    file: plan.file,
    community: { name: plan.name, ...(plan.type ? { type: plan.type } : {}) },
    methodology: { id: methodology.id, version: methodology.version },
    today: options.today,
    stage: { id: plan.stage, from: plan.stageFrom, ...(plan.opened ? { opened: plan.opened } : {}) },
    profile: { ...(profile.type ? { type: profile.type } : {}), formality: profile.formality, formalityFrom: profile.formalityFrom },
    score: scores.score,
    health: scores.health,
    healthCoverage: scores.coverage,
    level,
    nextLevel: findNextLevel(methodology, results, level.index, gaps, plan.stage),
    phases: phaseResults(results, methodology),
    items: results,
    findings: sortFindings(findings, methodology),
    gaps,
    customParams,
    paramOrigins,
    words: profile.words,
  };
}

/** The methodology's lists of people as a set, made once per methodology: every plan of a run reads it. */
const peopleListSets = new WeakMap<Methodology, ReadonlySet<string>>();
function peopleListsOf(methodology: Methodology): ReadonlySet<string> {
  let lists = peopleListSets.get(methodology);
  if (!lists) peopleListSets.set(methodology, (lists = new Set(methodology.peopleLists)));
  return lists;
}

/** What the evidence rules read of the plan (its facts, thresholds in force, roster, today), and the roster's check. */
function ruleContextOf(
  plan: Plan,
  methodology: Methodology,
  profile: ResolvedProfile,
  validation: Validation,
  today: string,
): { context: RuleContext; people: RosterCheck } {
  // A roster entry that is no person ('The team', 'Community manager') puts no one on it.
  const roster = plan.roster ? new Set(plan.roster.filter((name) => !isStandInName(name)).map(foldName)) : null;
  const people = checkRoster(plan.data, roster, rosterRoles(plan.data), methodology.personFields);
  const opened = openedOn(plan);
  const context = createRuleContext(
    {
      data: plan.data,
      params: profile.params,
      today,
      roster,
      ...(people.unknownKeys.size > 0 ? { unknownPeople: people.unknownKeys } : {}),
      ...(people.keyDuties.size > 0 ? { keyDuties: people.keyDuties } : {}),
      peopleLists: peopleListsOf(methodology),
      isPrompt: promptTextsOf(methodology),
      ...(plan.size !== undefined ? { size: plan.size } : {}),
      ...(opened !== undefined ? { openedOn: opened } : {}),
      lists: profile.lists,
    },
    evidenceValidatorsOf(validation),
  );
  return { context, people };
}

/**
 * Readiness and health scores, and each open item's points (set in `results`, in place). Health rests on
 * what was measured and fresh; unmeasured outcomes are findings, never zeros, and with nothing measured
 * there is no health score at all.
 */
function scoreItems(
  results: readonly ItemResult[],
  measure: (itemId: string) => string,
): {
  score: number;
  health: number | null;
  gateHealth: number | null;
  coverage: { measured: number; of: number };
  /** The share of measures a level reads: those that cannot be measured yet count as not measured. */
  gateCoverage: number;
} {
  const readinessItems = results.filter((r) => r.dimension === 'readiness');
  const healthItems = results.filter((r) => r.dimension === 'health');
  const score = weightedScore(readinessItems);
  // Coverage counts measures, not items: two items that read one figure (two bars of the member share)
  // are one measure, so that one figure cannot count twice toward a level's coverage.
  const measures = new Map<string, { notYet: boolean; applicable: boolean; measured: boolean }>();
  for (const r of healthItems) {
    const key = measure(r.itemId);
    const m = measures.get(key) ?? { notYet: false, applicable: false, measured: false };
    measures.set(key, m);
    if (r.notYetObservable === true) m.notYet = true;
    if (r.status === 'n/a') continue;
    m.applicable = true;
    if (r.status !== 'unmeasured') m.measured = true;
  }
  let measured = 0;
  let applicableHealth = 0;
  let notYet = 0;
  for (const m of measures.values()) {
    if (m.notYet) notYet++;
    if (!m.applicable) continue;
    applicableHealth++;
    if (m.measured) measured++;
  }
  const health = measured > 0 ? weightedScore(healthItems) : null;
  const totals = { readiness: applicableWeight(readinessItems), health: applicableWeight(healthItems) };
  // Only open items gain points (met and n/a keep their 0).
  for (const r of results) {
    const points = pointsOf(r, totals[r.dimension]);
    if (points !== 0) r.points = points;
  }
  return {
    score,
    health,
    gateHealth: health === null ? null : gateScore(healthItems),
    coverage: { measured, of: applicableHealth },
    gateCoverage: applicableHealth + notYet === 0 ? 0 : measured / (applicableHealth + notYet),
  };
}

/**
 * The measure a health item reads, named by the plan paths of its evidence: items that read the same
 * figures are one measure.
 */
function measureOf(methodology: Methodology): (itemId: string) => string {
  const keys = new Map<string, string>();
  for (const item of allItems(methodology))
    if (item.dimension === 'health' && item.evidence.length > 0)
      keys.set(
        item.id,
        item.evidence
          .map((rule) => rule.path)
          .sort()
          .join('\u0000'),
      );
  return (itemId) => keys.get(itemId) ?? itemId;
}

/** Gap findings carry the points, now that the total weights are known. */
function setGapPoints(findings: Finding[], scored: readonly ItemResult[]): void {
  const pointsById = new Map(scored.map((r) => [r.itemId, r.points]));
  for (const f of findings) {
    if (isGapCode(f.code)) f.data.points = pointsById.get(f.itemId) ?? 0;
  }
}

/** Each phase's readiness score (health items are scored apart) and its count of items by status. */
function phaseResults(scored: readonly ItemResult[], methodology: Methodology): PhaseResult[] {
  return methodology.phases.map((phase) => {
    const own = scored.filter((r) => r.phaseId === phase.id);
    const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, own.filter((r) => r.status === s).length])) as Record<
      ItemStatus,
      number
    >;
    const ready = own.filter((r) => r.dimension === 'readiness');
    return { phaseId: phase.id, score: ready.every((r) => r.value === null) ? null : weightedScore(ready), counts };
  });
}

/**
 * The plan's answers by current item id: an answer under a renamed id (the manifest's `aliases`) counts
 * for the new item, with an `id-renamed` note; an answer under the new id wins over one under the old.
 */
function answersByItem(plan: Plan, methodology: Methodology, findings: Finding[]): Map<string, { answer: Answer; key: string }> {
  const out = new Map<string, { answer: Answer; key: string }>();
  for (const [key, answer] of plan.answers) {
    const renamed = Object.hasOwn(methodology.aliases, key) ? methodology.aliases[key] : undefined;
    if (renamed === undefined) {
      out.set(key, { answer, key });
      continue;
    }
    const item = findItem(methodology, renamed);
    if (item)
      findings.push({
        code: 'id-renamed',
        itemId: renamed,
        phaseId: item.phaseId,
        severity: item.severity,
        location: locationOf(plan.source, ['assessment', key]),
        data: { from: key },
      });
    if (!plan.answers.has(renamed)) out.set(renamed, { answer, key });
  }
  return out;
}

/** One item being assessed in one plan: what every step of `assessItem` reads. */
interface ItemCheck {
  item: Item;
  plan: Plan;
  /** The stages the plan is judged at: its own, and launching as well when its doors open after today. */
  stages: readonly Stage[];
  methodology: Methodology;
  profile: ResolvedProfile;
  context: RuleContext;
  findings: Finding[];
  severity: Item['severity'];
  answer: Answer | undefined;
  /** Where the item's answer is (or would be): its own id, or the old id it was written under. */
  answerKey: string;
}

/** What the item's sources of a status decided, before staleness and waivers. */
interface Decided {
  status: ItemStatus;
  basis: StatusBasis;
  failed: FailedRule[];
  naReason?: string;
  /** Whether the answer, not the facts, decided the status (only then can it go stale). */
  answerDecided: boolean;
}

/**
 * One item's status from its rules, the team's answer, its claim and its waiver, with the findings that
 * explain it: named steps, each source of a status overriding the one before. The hot path of every run:
 * helpers are module functions, not closures made here.
 */
function assessItem(
  item: Item,
  plan: Plan,
  stages: readonly Stage[],
  answers: ReadonlyMap<string, { answer: Answer; key: string }>,
  methodology: Methodology,
  profile: ResolvedProfile,
  context: RuleContext,
  findings: Finding[],
  maxWaiverDays: WaiverDays,
): ItemResult {
  const answered = answers.get(item.id);
  const c: ItemCheck = {
    item,
    plan,
    stages,
    methodology,
    profile,
    findings,
    severity: profile.severities.get(item.id) ?? item.severity,
    // An outcome's figures are judged against the days the community has been open (observed-rule.ts).
    context: item.observableAfterDays !== undefined ? { ...context, observableAfterDays: item.observableAfterDays } : context,
    answer: answered?.answer,
    answerKey: answered?.key ?? item.id,
  };
  const notJudged = notJudgedResult(c);
  if (notJudged) return notJudged;
  const stale = checkAnswerFacts(c);
  const decided = decideStatus(c, acceptedClaim(c, maxWaiverDays));
  const status: ItemStatus = stale && decided.answerDecided ? 'stale' : decided.status;
  if (isOpen(status)) reportOpen(c, status, decided.failed);
  const waiver = c.answer?.waiver ? waiverOf(c, c.answer.waiver, status, maxWaiverDays) : undefined;
  const result = itemResult(item, methodology, c.severity, profile, status, decided.basis, decided.failed, decided.naReason, waiver);
  // Taken on for later: never a status of its own (the facts judge it), only who and by when.
  const answer = c.answer;
  if (answer?.due !== undefined && isOpen(status)) result.later = { due: answer.due, ...(answer.owner ? { owner: answer.owner } : {}) };
  return result;
}

/**
 * The n/a result of an item not judged in this plan: outside the plan's stage (no answer, waiver or rule
 * applies to it), an outcome that cannot be measured yet (retention in the launch week), or an item that
 * depends on plan facts (minors, in-person meetings, a community type) that rule it out. A fact the plan
 * does not state rules nothing out: the item is judged, and a finding asks for the fact (a youth club
 * that leaves out `minors` is not spared safeguarding).
 */
function notJudgedResult(c: ItemCheck): ItemResult | undefined {
  const { item, plan, methodology, severity, profile } = c;
  if (!item.stages.some((s) => c.stages.includes(s)))
    return itemResult(item, methodology, severity, profile, 'n/a', 'stage', NONE_FAILED, stageReason(item, plan.stage));
  const opened = c.context.openedOn;
  // A community still launching shows outcomes only once its first wave is in: before, there is no one to observe.
  if (item.observableAfterDays !== undefined && plan.stage === 'launching') {
    const open = opened !== undefined ? daysBetween(opened, c.context.today) : -1;
    if (open < item.observableAfterDays) {
      const reason =
        opened === undefined || open < 0
          ? notOpenYet(item.observableAfterDays, opened)
          : notYetObservable(item.observableAfterDays, opened, open);
      return { ...itemResult(item, methodology, severity, profile, 'n/a', 'stage', NONE_FAILED, reason), notYetObservable: true };
    }
  } else if (item.observableAfterDays !== undefined && plan.opened !== undefined) {
    const open = daysBetween(plan.opened, c.context.today);
    // An opening day after today excuses nothing: a community that says it is running has opened. The
    // outcome is judged, and the date is a finding (once a plan, on the first item it would have excused).
    if (open < 0) {
      if (!c.findings.some((f) => f.code === 'date-in-future' && f.location.path === 'community.opened'))
        addFinding(c.findings, item, severity, 'date-in-future', locationOf(plan.source, ['community', 'opened']), { asOf: plan.opened });
    } else if (open < item.observableAfterDays) {
      const reason = notYetObservable(item.observableAfterDays, plan.opened, open);
      // Not shown yet, so no level that needs it met is reached on it (levels.ts).
      return { ...itemResult(item, methodology, severity, profile, 'n/a', 'stage', NONE_FAILED, reason), notYetObservable: true };
    }
  }
  for (const condition of item.appliesWhen) {
    const value = getPath(plan.data, condition.segments);
    if (value === undefined || value === null) {
      addFinding(c.findings, item, severity, 'fact-unstated', locationOf(plan.source, condition.segments, condition.path), {
        fact: condition.path,
      });
      continue;
    }
    if (!conditionHolds(condition, value))
      return itemResult(item, methodology, severity, profile, 'n/a', 'condition', NONE_FAILED, conditionReason(condition, value));
  }
  return undefined;
}

/** Notes on the answer's owner and review date; whether the review is stale (a date after today, or none, proves nothing either). */
function checkAnswerFacts(c: ItemCheck): boolean {
  const { answer, context } = c;
  if (context.roster && answer?.owner !== undefined && answer.owner.trim() !== '' && !context.roster.has(foldName(answer.owner)))
    addFinding(c.findings, c.item, c.severity, 'person-unknown', answerAt(c.plan, c.answerKey, 'owner'), { name: answer.owner });
  const reviewedAge = answer?.reviewed !== undefined ? daysBetween(answer.reviewed, context.today) : undefined;
  if (reviewedAge !== undefined && reviewedAge < 0)
    addFinding(c.findings, c.item, c.severity, 'date-in-future', answerAt(c.plan, c.answerKey, 'reviewed'), { asOf: answer!.reviewed! });
  // An answer with no review date cannot be told current: left out, it would never go stale.
  if (reviewedAge === undefined) return answer?.status !== undefined;
  return reviewedAge > c.methodology.validityDays || reviewedAge < 0;
}

/**
 * The status the answer claims, if it stands: n/a needs the item's permission and a justification,
 * otherwise the answer is set aside. A note that decides nothing ("n/a", "none") justifies nothing.
 */
function acceptedClaim(c: ItemCheck, maxWaiverDays: WaiverDays): AnswerStatus | undefined {
  const claimed = c.answer?.status;
  if (claimed === 'met' && c.item.evidence.length === 0 && saysNothing(c.answer?.note)) {
    // The team's own rating is the only word on such an item; a note that says 'none' or 'tbd' takes it back.
    addFinding(c.findings, c.item, c.severity, 'claim-unsupported', answerAt(c.plan, c.answerKey, 'note'), { text: c.answer!.note! });
    return undefined;
  }
  if (claimed !== 'n/a') return claimed;
  if (!c.item.na) {
    addFinding(c.findings, c.item, c.severity, 'na-not-allowed', answerAt(c.plan, c.answerKey, 'status'));
    return undefined;
  }
  if (!givesReason(c.answer?.note)) {
    addFinding(c.findings, c.item, c.severity, 'na-unjustified', answerAt(c.plan, c.answerKey, 'status'));
    return undefined;
  }
  if (c.profile.notApplicable.has(c.item.id)) return claimed;
  // The plan's own word takes the item out of the score and the gate, where its profile would not: a
  // waiver without an end. A project that accepts no waiver for the item's severity accepts no such
  // n/a either; otherwise it is said in every output, whatever the severity, as a waiver is.
  if (waiverDaysFor(maxWaiverDays, c.severity) === 0) {
    addFinding(c.findings, c.item, c.severity, 'na-not-allowed', answerAt(c.plan, c.answerKey, 'status'), { max: 0 });
    return undefined;
  }
  addFinding(c.findings, c.item, c.severity, 'na-claimed', answerAt(c.plan, c.answerKey, 'status'), { reason: c.answer!.note! });
  return claimed;
}

/** A note written, but one that decides nothing: blank, 'none', 'tbd', 'not yet', 'we'll decide later'. */
function saysNothing(note: string | undefined): boolean {
  return note !== undefined && (note.trim() === '' || isNonAnswer(note));
}

/** The status from the accepted claim, the profile, the evidence rules or the answer, in that order. */
function decideStatus(c: ItemCheck, claimed: AnswerStatus | undefined): Decided {
  const { item } = c;
  if (claimed === 'n/a') return { status: 'n/a', basis: 'answer', failed: [], naReason: c.answer?.note, answerDecided: true };
  const profileNa = claimed === undefined && item.na ? c.profile.notApplicable.get(item.id) : undefined;
  if (profileNa !== undefined) return { status: 'n/a', basis: 'profile', failed: [], naReason: profileNa, answerDecided: false };
  if (item.evidence.length > 0) return evidenceStatus(c, claimed);
  if (claimed !== undefined) return { status: claimed, basis: 'answer', failed: [], answerDecided: true };
  return { status: 'unanswered', basis: 'none', failed: [], answerDecided: false };
}

/** The status the item's rules give, weighed against the claim: an honest lower self-rating stands. */
function evidenceStatus(c: ItemCheck, claimed: Exclude<AnswerStatus, 'n/a'> | undefined): Decided {
  const { item, plan, context, profile } = c;
  const failed: FailedRule[] = [];
  // Rules that failed outright, and rules whose fact nobody measured (fresh): the rest passed or were partly met.
  let failedOutright = 0;
  let unmeasuredRules = 0;
  // Rules with something to judge: an optional fact left out counts neither way.
  let judgedRules = 0;
  for (const rule of item.evidence) {
    const outcome = checkRule(rule, context);
    if (outcome.unjudged) continue;
    judgedRules++;
    if (!outcome.pass && !outcome.partial) failedOutright++;
    if (outcome.unmeasured) unmeasuredRules++;
    for (const note of outcome.notes)
      addFinding(c.findings, item, c.severity, note.code, locationOf(plan.source, note.path), { ...note.data });
    if (outcome.pass) continue;
    // Most messages have no placeholder: then the methodology's own string serves every plan.
    const message = rule.message.includes('{')
      ? interpolateWords(interpolateParams(rule.message, context.params), profile.words)
      : rule.message;
    failed.push(outcome.detail ? { path: rule.path, message, detail: outcome.detail } : { path: rule.path, message });
  }
  // Non-answers the rules' facts held ("none", "tbd"), at their lines, for the first item that read them.
  for (const { path, text } of context.takeNonAnswers())
    addFinding(c.findings, item, c.severity, 'non-answer', locationOf(plan.source, path), { text });
  const fromEvidence: ItemStatus =
    failed.length === 0 ? 'met' : unmeasuredRules === judgedRules ? 'unmeasured' : failedOutright < judgedRules ? 'partial' : 'unmet';
  if (claimed === undefined) return { status: fromEvidence, basis: 'evidence', failed, answerDecided: false };
  if (claimed === 'met' && fromEvidence !== 'met')
    addFinding(c.findings, item, c.severity, 'claim-contradicted', answerAt(plan, c.answerKey, 'status'), { claimed });
  // The weaker of the two (the one worth less) counts.
  const factValue = STATUS_VALUES[fromEvidence];
  const lower = factValue !== null && STATUS_VALUES[claimed] < factValue;
  return { status: lower ? claimed : fromEvidence, basis: 'evidence+answer', failed, answerDecided: lower };
}

/** The finding that says why the item is open, at the first failed rule's fact or at the answer. */
function reportOpen(c: ItemCheck, status: ItemStatus, failed: readonly FailedRule[]): void {
  const { item, plan } = c;
  const code: FindingCode =
    status === 'stale'
      ? 'answer-stale'
      : status === 'partial'
        ? 'item-partial'
        : status === 'unanswered'
          ? 'item-unanswered'
          : status === 'unmeasured'
            ? 'item-unmeasured'
            : 'item-unmet';
  // Every key in the literal (points is filled in later): objects that grow after creation take more memory.
  const listed = failedList(failed);
  if (code === 'answer-stale') {
    const data = { failed: listed, reviewed: c.answer?.reviewed ?? '', validityDays: c.methodology.validityDays, points: 0 };
    addFinding(c.findings, item, c.severity, code, answerAt(plan, c.answerKey, 'reviewed'), data);
    return;
  }
  const firstFailed = failed[0];
  const location = firstFailed ? locationOf(plan.source, firstFailed.path.split('.'), firstFailed.path) : answerAt(plan, c.answerKey);
  addFinding(c.findings, item, c.severity, code, location, { failed: listed, points: 0 });
}

/**
 * The waiver as the result shows it, with its finding while the item is open (on a met item it is left over
 * and harmless). Beyond the horizon a waiver is no longer an accepted risk but a way around the gate: not in force.
 */
function waiverOf(c: ItemCheck, given: Waiver, status: ItemStatus, waiverDays: WaiverDays): ItemResult['waiver'] {
  const maxWaiverDays = waiverDaysFor(waiverDays, c.severity);
  const tooLong = maxWaiverDays === 0 || daysBetween(c.context.today, given.expires) > maxWaiverDays;
  // An accepted risk says why it is accepted: a reason of "x" or "tbd" accepts nothing.
  const unjustified = !givesReason(given.reason);
  const active = given.expires >= c.context.today && !tooLong && !unjustified;
  if (isOpen(status)) {
    const data = { expires: given.expires, reason: given.reason };
    const { plan, answerKey } = c;
    if (unjustified) addFinding(c.findings, c.item, c.severity, 'waiver-unjustified', answerAt(plan, answerKey, 'waiver', 'reason'), data);
    else if (tooLong)
      addFinding(c.findings, c.item, c.severity, 'waiver-too-long', answerAt(plan, answerKey, 'waiver', 'expires'), {
        ...data,
        max: maxWaiverDays,
      });
    else if (!active) addFinding(c.findings, c.item, c.severity, 'waiver-expired', answerAt(plan, answerKey, 'waiver', 'expires'), data);
    else addFinding(c.findings, c.item, c.severity, 'item-waived', answerAt(plan, answerKey, 'waiver'), data);
  }
  return { reason: given.reason, expires: given.expires, active, ...(given.owner ? { owner: given.owner } : {}) };
}

/** A finding where the plan still writes a restructured field in its old shape (a list of points). */
function reportRestructured(plan: Plan, methodology: Methodology, results: readonly ItemResult[], findings: Finding[]): void {
  for (const r of methodology.restructured) {
    if (!Array.isArray(getPath(plan.data, r.segments))) continue;
    const item = allItems(methodology).find((i) => i.evidence.some((rule) => rule.path === r.path || rule.path.startsWith(`${r.path}.`)));
    const result = item && results.find((x) => x.itemId === item.id);
    if (!item || !result || result.status === 'n/a') continue;
    addFinding(findings, item, result.severity, 'field-restructured', locationOf(plan.source, r.segments, r.path), { text: r.now });
  }
}

/**
 * Neither the plan nor its type says whether the community is funded or run by volunteers: it is judged
 * as funded, the stricter, and a finding at the community block asks for the fact, for the first item a
 * formality would change.
 */
function reportFormalityUnstated(plan: Plan, methodology: Methodology, results: readonly ItemResult[], findings: Finding[]): void {
  const changed = new Set(methodology.formalities.flatMap((f) => [...f.notApplicable.map((n) => n.item), ...Object.keys(f.severities)]));
  const result = results.find((r) => changed.has(r.itemId) && r.status !== 'n/a');
  const item = result && findItem(methodology, result.itemId);
  if (!item || !result) return;
  addFinding(findings, item, result.severity, 'fact-unstated', locationOf(plan.source, ['community', 'formality'], 'community.formality'), {
    fact: 'community.formality',
  });
}

/**
 * Where a plan that says it is running shows that its doors open after today: its launch date (the day
 * the first members come in), or its first wave when every wave is dated after today.
 */
function openingAfterToday(plan: Plan, today: string): { path: DataPath; date: string } | undefined {
  if (plan.stage !== 'running') return undefined;
  const date = getPath(plan.data, ['launch', 'date']);
  if (typeof date === 'string' && date > today) return { path: ['launch', 'date'], date };
  const first = firstWave(plan.data);
  return first?.allDated && first.date > today ? { path: ['launch', 'waves', first.index, 'date'], date: first.date } : undefined;
}

/**
 * The earliest dated entry of `launch.waves` (its index and date), and whether every wave is dated: a
 * running plan's doors open after today only when every wave does; a launching one opens with its first.
 */
function firstWave(data: unknown): { index: number; date: string; allDated: boolean } | undefined {
  const waves = getPath(data, ['launch', 'waves']);
  if (!Array.isArray(waves)) return undefined;
  let first: { index: number; date: string; allDated: boolean } | undefined;
  let allDated = true;
  for (let index = 0; index < waves.length; index++) {
    const wave: unknown = waves[index];
    const date = wave !== null && typeof wave === 'object' ? (wave as { date?: unknown }).date : undefined;
    if (typeof date !== 'string' || !isIsoDate(date)) allDated = false;
    else if (first === undefined || date < first.date) first = { index, date, allDated: true };
  }
  return first && { ...first, allDated };
}

/** The finding at the opening date that made a running plan judged as launching, for the item that reads the date. */
function reportNotOpen(
  notOpen: { path: DataPath; date: string },
  plan: Plan,
  methodology: Methodology,
  profile: ResolvedProfile,
  findings: Finding[],
): void {
  // launch.date, or launch.waves: the field a rule reads.
  const field = notOpen.path.slice(0, 2).join('.');
  const item = allItems(methodology).find((i) => i.evidence.some((rule) => rule.path === field));
  if (!item) return;
  addFinding(findings, item, profile.severities.get(item.id) ?? item.severity, 'date-in-future', locationOf(plan.source, notOpen.path), {
    asOf: notOpen.date,
    stage: 'launching',
  });
}

/** Every role someone on the roster holds, folded. */
function rosterRoles(data: unknown): ReadonlySet<string> {
  const roles = new Set<string>();
  for (const person of rosterPeople(data)) for (const role of person.roles) roles.add(role);
  return roles;
}

/**
 * A finding for each name in a person field that is not on the roster, for the item that reads the
 * field, unless a rule already reported it there or the item is not judged.
 */
function reportUnknownPeople(
  people: RosterCheck,
  plan: Plan,
  methodology: Methodology,
  results: readonly ItemResult[],
  findings: Finding[],
): void {
  if (people.unknown.length === 0) return;
  const reported = new Set<string>();
  for (const f of findings) if (f.code === 'person-unknown' || f.code === 'non-answer') reported.add(`${f.location.path}`);
  for (const person of people.unknown) {
    const dotted = person.path.join('.');
    if (reported.has(dotted)) continue;
    const item = itemReading(methodology, person.field);
    if (!item || results.find((r) => r.itemId === item.id)?.status === 'n/a') continue;
    reported.add(dotted);
    const result = results.find((r) => r.itemId === item.id);
    // A group or a role written for a person ('The team') names no one: said as a non-answer.
    if (person.standIn)
      addFinding(findings, item, result?.severity ?? item.severity, 'non-answer', locationOf(plan.source, person.path), {
        text: person.name,
      });
    else
      addFinding(findings, item, result?.severity ?? item.severity, 'person-unknown', locationOf(plan.source, person.path), {
        name: person.name,
      });
  }
}

/** Where an item's answer, or a part of it, is (or would be) in the plan. */
function answerAt(plan: Plan, answerKey: string, ...within: string[]): Location {
  return locationOf(plan.source, ['assessment', answerKey, ...within]);
}

function addFinding(
  findings: Finding[],
  item: Item,
  severity: Item['severity'],
  code: FindingCode,
  location: Location,
  data: Finding['data'] = {},
): void {
  findings.push({ code, itemId: item.id, phaseId: item.phaseId, severity, location, data });
}

/** An item's result, built as one literal of a fixed shape (spreads made this the costliest line of a lint). */
function itemResult(
  item: Item,
  methodology: Methodology,
  severity: Item['severity'],
  profile: ResolvedProfile,
  status: ItemStatus,
  basis: StatusBasis,
  failed: readonly FailedRule[],
  naReason?: string,
  waiver?: ItemResult['waiver'],
): ItemResult {
  // Most titles name no word or threshold of the profile: then the methodology's own string serves every plan.
  const title = item.title.includes('{') ? titleInForce(item, methodology, profile) : item.title;
  const weight = profile.weights.get(item.id) ?? item.weight;
  const value = STATUS_VALUES[status];
  const kept = failedList(failed);
  const { id: itemId, phaseId, dimension } = item;
  const r: ItemResult = { itemId, phaseId, title, dimension, severity, weight, points: 0, status, basis, value, failed: kept };
  if (waiver) {
    r.waiver = waiver; // before naReason, the order the report has always had
    if (naReason !== undefined) r.naReason = naReason;
    return r;
  }
  if (naReason !== undefined) r.naReason = naReason;
  return r;
}

/**
 * Titles in a profile's words and thresholds (a share in %), made once per profile and item: the
 * thresholds' texts are made once per plan, not once per title (measured in docs/performance.md).
 */
const titlesByProfile = new WeakMap<ResolvedProfile, { values: TextValues; titles: Map<Item, string> }>();
function titleInForce(item: Item, methodology: Methodology, profile: ResolvedProfile): string {
  let entry = titlesByProfile.get(profile);
  if (!entry) {
    entry = { values: { words: profile.words, params: paramTexts(methodology.params, profile.params, 'prose') }, titles: new Map() };
    titlesByProfile.set(profile, entry);
  }
  let title = entry.titles.get(item);
  if (title === undefined) entry.titles.set(item, (title = fillPlaceholders(item.title, entry.values)));
  return title;
}

const STAGE_WORDS: Record<Stage, string> = {
  planning: 'while the community is being planned',
  launching: 'while the community is launching',
  running: 'once the community is running',
};

/** Why an item is not judged at this stage, in words. */
function stageReason(item: Item, stage: Stage): string {
  const applies = item.stages.map((s) => STAGE_WORDS[s]).join(' or ');
  const base = `Not judged ${STAGE_WORDS[stage]}: it applies ${applies}.`;
  return item.stageNote ? `${base} ${item.stageNote}` : base;
}

/**
 * The day the community opened to anyone: `community.opened` where given (running, or launching); while
 * launching without it, the day its first wave opens (the earliest dated entry of `launch.waves`), if any.
 */
function openedOn(plan: Plan): string | undefined {
  if (plan.stage === 'running' || plan.opened !== undefined) return plan.opened;
  return plan.stage === 'launching' ? firstWave(plan.data)?.date : undefined;
}

/** Why an outcome of a community still launching is not judged: no wave has opened yet. */
function notOpenYet(after: number, first: string | undefined): string {
  const when = first === undefined ? 'no wave in launch.waves is dated' : `its first wave opens on ${first}`;
  return `Cannot be measured yet: the community is launching and ${when}; this outcome needs ${after} days of activity after the first wave opens.`;
}

/** Why an outcome is not judged yet, in words. */
function notYetObservable(after: number, opened: string, open: number): string {
  const since = `${open === 1 ? '1 day' : `${open} days`} ago`;
  return `Cannot be measured yet: the community opened on ${opened}, ${since}, and this outcome needs ${after} days of activity; it is judged from then on.`;
}

/** Whether a stated fact is one of the values the condition names. */
function conditionHolds(condition: Condition, value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && condition.values.includes(value);
}

/** Why an item that depends on a stated plan fact is not judged, in words. */
function conditionReason(condition: Condition, value: unknown): string {
  const wanted = condition.values.map((v) => String(v)).join(' or ');
  return `Judged only where ${condition.path} is ${wanted}; the plan says ${JSON.stringify(value)}.`;
}

/** `dotted` is the path as written, when the caller has it (a rule's path): then it is kept as it is. */
function locationOf(source: YamlSource, path: DataPath, dotted?: string): Location {
  const pos = source.locate(path);
  return { file: source.file, line: pos.line, col: pos.col, path: dotted ?? path.join('.') };
}

function sortFindings(findings: Finding[], methodology: Methodology): Finding[] {
  const order = new Map(allItems(methodology).map((item, i) => [item.id, i]));
  return [...findings].sort(
    (a, b) =>
      a.location.line - b.location.line ||
      a.location.col - b.location.col ||
      (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0) ||
      byCodeUnit(a.code, b.code),
  );
}
