// Pure: decides every item's status from evidence rules and answers, in the plan's stage and profile,
// then scores readiness and health, finds the level and the gaps. "Today" is passed in: nothing here
// reads the clock.
import { locate, type DataPath, type YamlSource } from '../source/yaml-source.js';
import type { Validation } from '../validation/schema-validation.js';
import { EvidenceValidators, interpolateParams, interpolateWords } from '../methodology/evidence-schema.js';
import { fillPlaceholders, paramTexts, type TextValues } from '../methodology/placeholders.js';
import { checkRule, createRuleContext, foldName, type RuleContext } from '../methodology/rule-kinds/index.js';
import { allItems, findItem, type Condition, type EvidenceRule, type Item, type Methodology, type Stage } from '../methodology/types.js';
import { getPath } from '../methodology/plan-facts.js';
import type { Answer, AnswerStatus, Plan } from '../plan/types.js';
import { daysBetween } from '../text/dates.js';
import {
  ITEM_STATUSES,
  STATUS_VALUES,
  isGapCode,
  isOpen,
  type FailedRule,
  type Finding,
  type FindingData,
  type FindingCode,
  type ItemResult,
  type ItemStatus,
  type Location,
  type PhaseResult,
  type PlanAssessment,
  type StatusBasis,
} from './types.js';
import { findLevel, findNextLevel } from './levels.js';
import { applicableWeight, pointsOf, weightedScore } from './weighted-score.js';
import { orderGaps } from './order-gaps.js';
import { resolveProfile, withFactParams, type ParamOrigin, type ResolvedProfile } from './resolve-profile.js';
import { byCodeUnit } from '../text/compare.js';
import { intern } from '../text/intern.js';
import { checkRoster, itemReading, type RosterCheck } from './roster-check.js';
import { rosterPeople } from '../methodology/rule-kinds/people-rule.js';
import { isNonAnswer } from '../text/non-answer.js';

export { getPath, withoutBlanks } from '../methodology/plan-facts.js';

export interface AssessOptions {
  /** YYYY-MM-DD. */
  today: string;
  /**
   * The longest a waiver may run from `today` (default 365 days): one expiring later is a finding and
   * counts as expired, so that no plan waives a gap until 9999.
   */
  maxWaiverDays?: number;
}

/** A year: the default horizon of a waiver. */
export const DEFAULT_MAX_WAIVER_DAYS = 365;

/** The `failed` list of every item with none: one shared, frozen empty list instead of one per item and plan. */
const NONE_FAILED: readonly FailedRule[] = Object.freeze([]);

/**
 * Frozen values that every plan shares, per owner (an item or a rule): a few variants each, found by
 * comparing their fields with `like`, which costs less than building and hashing a key. `like` and
 * `make` take what the value is made from, so that callers pass module functions, not new closures.
 */
class Shared<Owner extends object, Value extends object, From> {
  private readonly byOwner = new WeakMap<Owner, Value[]>();

  constructor(
    private readonly like: (value: Value, from: From) => boolean,
    private readonly make: (from: From) => Value,
  ) {}

  get(owner: Owner, from: From): Value {
    let values = this.byOwner.get(owner);
    if (!values) this.byOwner.set(owner, (values = []));
    for (const value of values) if (this.like(value, from)) return value;
    const made = Object.freeze(this.make(from));
    // Bounded: a plan cannot grow it without end (conditions quote plan values).
    if (values.length < MAX_SHARED_VARIANTS) values.push(made);
    return made;
  }
}
const MAX_SHARED_VARIANTS = 16;

/**
 * Results without a waiver, per item: met and n/a ones, and open ones once their points are known.
 * Made from a result of the plan's own with the points already set.
 */
const sharedResults = new Shared<Item, ItemResult, ItemResult>(
  (x, r) =>
    x.points === r.points &&
    x.status === r.status &&
    x.basis === r.basis &&
    x.severity === r.severity &&
    x.weight === r.weight &&
    x.failed === r.failed &&
    x.title === r.title &&
    x.naReason === r.naReason,
  ({ itemId, phaseId, title, dimension, severity, weight, points, status, basis, value, failed, naReason }) =>
    naReason !== undefined
      ? { itemId, phaseId, title, dimension, severity, weight, points, status, basis, value, failed, naReason }
      : { itemId, phaseId, title, dimension, severity, weight, points, status, basis, value, failed },
);
/** Failed rules without a detail of their plan's own, per rule. */
const sharedFailedRules = new Shared<EvidenceRule, FailedRule, { path: string; message: string }>(
  (f, { message }) => f.message === message,
  ({ path, message }) => ({ path, message }),
);
/** Lists of failed rules, per item: an item usually fails the same rules (often all) in many plans. */
const sharedFailedLists = new Shared<Item, readonly FailedRule[], readonly FailedRule[]>(sameRules, (failed) => [...failed]);
/** The data of gap findings (their failed rules and points), per list of failed rules. */
const sharedGapData = new Shared<readonly FailedRule[], FindingData, FindingData & { points: number }>(
  (d, { points }) => d.points === points,
  ({ failed, points }) => ({ failed, points }),
);

function sameRules(list: readonly FailedRule[], failed: readonly FailedRule[]): boolean {
  if (list.length !== failed.length) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== failed[i]) return false;
  return true;
}

/** The item's failed rules as one shared, frozen list (the empty list for none). */
function failedList(item: Item, failed: readonly FailedRule[]): readonly FailedRule[] {
  return failed.length === 0 ? NONE_FAILED : sharedFailedLists.get(item, failed);
}

/** An open result with its points: shared between plans where everything in it is the same. */
function withPoints(item: Item, r: ItemResult, points: number): ItemResult {
  r.points = points;
  // A waiver, or who took the item on for later, belongs to its plan: such results are the plan's own.
  return r.waiver || r.later ? r : sharedResults.get(item, r);
}

/**
 * Resolved profiles per methodology and community type and formality, for plans without parameters
 * of their own (nearly all): plans of the same kind share one, frozen where assessments show it.
 */
const sharedProfiles = new WeakMap<Methodology, Map<string, ResolvedProfile>>();
const MAX_SHARED_PROFILES = 64;
function profileOf(methodology: Methodology, plan: Plan): ResolvedProfile {
  if (Object.keys(plan.params).length > 0) return resolveProfile(methodology, plan);
  let byKind = sharedProfiles.get(methodology);
  if (!byKind) sharedProfiles.set(methodology, (byKind = new Map()));
  const kind = `${plan.type ?? ''}\u0000${plan.formality ?? ''}`;
  let profile = byKind.get(kind);
  if (!profile) {
    profile = resolveProfile(methodology, plan);
    // Every assessment of this kind holds the words; evidence validators remember the values by identity.
    Object.freeze(profile.words);
    Object.freeze(profile.params);
    // Bounded: a caller of the API could make up types without end (a plan file's type is checked).
    if (byKind.size < MAX_SHARED_PROFILES) byKind.set(kind, profile);
  }
  return profile;
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
 * Assesses one plan against a methodology.
 *
 * Longer than the 80 lines asked of a function (eslint.config.js lists it): the steps of one plan's
 * assessment share the plan's facts, profile and shared result caches, and issue 18 (point 5) measures
 * those caches against their removal; splitting the function first would move code that work may delete.
 */
export function assessPlan(plan: Plan, methodology: Methodology, validation: Validation, options: AssessOptions): PlanAssessment {
  const profile = withFactParams(methodology, plan.data, profileOf(methodology, plan));
  const roster = plan.roster ? new Set(plan.roster.map(foldName)) : null;
  const people = checkRoster(plan.data, roster, rosterRoles(plan.data), methodology.personFields);
  const context = createRuleContext(
    {
      data: plan.data,
      params: profile.params,
      today: options.today,
      roster,
      ...(people.unknownKeys.size > 0 ? { unknownPeople: people.unknownKeys } : {}),
      ...(people.keyDuties.size > 0 ? { keyDuties: people.keyDuties } : {}),
      ...(plan.size !== undefined ? { size: plan.size } : {}),
      lists: profile.lists,
    },
    evidenceValidatorsOf(validation),
  );
  const findings: Finding[] = [];
  const answers = answersByItem(plan, methodology, findings);
  const results: ItemResult[] = allItems(methodology).map((item) =>
    assessItem(item, plan, answers, methodology, profile, context, findings, options.maxWaiverDays ?? DEFAULT_MAX_WAIVER_DAYS),
  );

  reportUnknownPeople(people, plan, methodology, results, findings);
  reportRestructured(plan, methodology, results, findings);
  if (profile.formalityFrom === 'default' && methodology.formalities.length > 0)
    reportFormalityUnstated(plan, methodology, results, findings);

  const readinessItems = results.filter((r) => r.dimension === 'readiness');
  const healthItems = results.filter((r) => r.dimension === 'health');
  const score = weightedScore(readinessItems);
  // Health rests on what was measured and fresh; unmeasured outcomes are findings, never zeros, and
  // with nothing measured there is no health score at all.
  let measured = 0;
  let applicableHealth = 0;
  for (const r of healthItems) {
    if (r.status === 'n/a') continue;
    applicableHealth++;
    if (r.status !== 'unmeasured') measured++;
  }
  const health = measured > 0 ? weightedScore(healthItems) : null;
  const totals = { readiness: applicableWeight(readinessItems), health: applicableWeight(healthItems) };
  // Only open items gain points (met and n/a keep their 0); with them, an open result is shared too.
  const items = allItems(methodology);
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const points = pointsOf(r, totals[r.dimension]);
    if (points !== 0) results[i] = withPoints(items[i]!, r, points);
  }
  const scored = results;

  // Gap findings carry the points, now that the total weights are known.
  const pointsById = new Map(scored.map((r) => [r.itemId, r.points]));
  for (const f of findings) {
    if (!isGapCode(f.code)) continue;
    const points = pointsById.get(f.itemId) ?? 0;
    if (f.code === 'answer-stale') f.data.points = points;
    else {
      const failed = f.data.failed ?? NONE_FAILED;
      f.data = sharedGapData.get(failed, { failed, points });
    }
  }

  const phases: PhaseResult[] = methodology.phases.map((phase) => {
    const own = scored.filter((r) => r.phaseId === phase.id);
    const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, own.filter((r) => r.status === s).length])) as Record<
      ItemStatus,
      number
    >;
    // A phase's bar is its readiness: health items are scored apart.
    const ready = own.filter((r) => r.dimension === 'readiness');
    return { phaseId: phase.id, score: ready.every((r) => r.value === null) ? null : weightedScore(ready), counts };
  });

  const gaps = orderGaps(
    scored.filter((r) => isOpen(r.status)),
    methodology,
  ).map((r) => r.itemId);
  const level = findLevel(
    methodology,
    scored,
    score,
    { score: health, coverage: applicableHealth === 0 ? 0 : measured / applicableHealth },
    plan.stage,
  );
  const nextLevel = findNextLevel(methodology, scored, level.index, gaps, plan.stage);
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
    score,
    health,
    healthCoverage: { measured, of: applicableHealth },
    level,
    nextLevel,
    phases,
    items: scored,
    findings: sortFindings(findings, methodology),
    gaps,
    customParams,
    paramOrigins,
    words: profile.words,
  };
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

/**
 * One item's status from its rules, the team's answer, its claim and its waiver, with the findings that
 * explain it. Longer than 80 lines (eslint.config.js lists it): it is the hot path of every run, one
 * pass in which each source of a status may override the one before, and issue 18 (point 5) reworks
 * its memo caches; it is to split into named steps with that work.
 */
function assessItem(
  item: Item,
  plan: Plan,
  answers: ReadonlyMap<string, { answer: Answer; key: string }>,
  methodology: Methodology,
  profile: ResolvedProfile,
  context: RuleContext,
  findings: Finding[],
  maxWaiverDays: number,
): ItemResult {
  const severity = profile.severities.get(item.id) ?? item.severity;
  const answered = answers.get(item.id);
  const answer: Answer | undefined = answered?.answer;
  // Where the item's answer is (or would be). Helpers are module functions, not closures made here:
  // this runs for every item of every plan.
  const answerKey = answered?.key ?? item.id;

  // An item outside the plan's stage is not judged at all: no answer, waiver or rule applies to it.
  if (!item.stages.includes(plan.stage)) {
    return itemResult(item, methodology, severity, profile, 'n/a', 'stage', NONE_FAILED, stageReason(item, plan.stage));
  }
  // An outcome that cannot be measured yet (retention in the launch week) is not judged until it can be.
  if (item.observableAfterDays !== undefined && plan.opened !== undefined) {
    const open = daysBetween(plan.opened, context.today);
    if (open < item.observableAfterDays)
      return itemResult(
        item,
        methodology,
        severity,
        profile,
        'n/a',
        'stage',
        NONE_FAILED,
        intern(notYetObservable(item.observableAfterDays, plan.opened, open)),
      );
  }
  // Likewise an item that depends on plan facts (minors, in-person meetings, a community type) that rule
  // it out. A fact the plan does not state rules nothing out: the item is judged, and a finding asks for
  // the fact (a youth club that leaves out `minors` is not spared safeguarding).
  for (const condition of item.appliesWhen) {
    const value = getPath(plan.data, condition.segments);
    if (value === undefined || value === null) {
      addFinding(findings, item, severity, 'fact-unstated', locationOf(plan.source, condition.segments, condition.path), {
        fact: condition.path,
      });
      continue;
    }
    if (!conditionHolds(condition, value))
      return itemResult(item, methodology, severity, profile, 'n/a', 'condition', NONE_FAILED, intern(conditionReason(condition, value)));
  }

  if (context.roster && answer?.owner !== undefined && answer.owner.trim() !== '' && !context.roster.has(foldName(answer.owner))) {
    addFinding(findings, item, severity, 'person-unknown', answerAt(plan, answerKey, 'owner'), {
      name: answer.owner,
    });
  }
  const reviewedAge = answer?.reviewed !== undefined ? daysBetween(answer.reviewed, context.today) : undefined;
  if (reviewedAge !== undefined && reviewedAge < 0)
    addFinding(findings, item, severity, 'date-in-future', answerAt(plan, answerKey, 'reviewed'), {
      asOf: answer!.reviewed!,
    });
  // A review dated after today proves nothing: it counts as not reviewed in time.
  const stale = reviewedAge !== undefined && (reviewedAge > methodology.validityDays || reviewedAge < 0);
  let claimed: AnswerStatus | undefined = answer?.status;

  // n/a needs the item's permission and a justification; otherwise the answer is set aside. A note that
  // decides nothing ("n/a", "none") justifies nothing.
  if (claimed === 'n/a') {
    if (!item.na) {
      addFinding(findings, item, severity, 'na-not-allowed', answerAt(plan, answerKey, 'status'));
      claimed = undefined;
    } else if (!answer?.note?.trim() || isNonAnswer(answer.note)) {
      addFinding(findings, item, severity, 'na-unjustified', answerAt(plan, answerKey, 'status'));
      claimed = undefined;
    }
  }

  let status: ItemStatus;
  let basis: StatusBasis;
  const failed: FailedRule[] = [];
  let naReason: string | undefined;
  /** Whether the answer, not the facts, decided the status (only then can it go stale). */
  let answerDecided = false;

  const profileNa = claimed === undefined && item.na ? profile.notApplicable.get(item.id) : undefined;

  if (claimed === 'n/a') {
    status = 'n/a';
    basis = 'answer';
    answerDecided = true;
    naReason = answer?.note;
  } else if (profileNa !== undefined) {
    status = 'n/a';
    basis = 'profile';
    naReason = profileNa;
  } else if (item.evidence.length > 0) {
    // Rules that failed outright, and rules whose fact nobody measured (fresh): the rest passed or were partly met.
    let failedOutright = 0;
    let unmeasuredRules = 0;
    for (const rule of item.evidence) {
      const outcome = checkRule(rule, context);
      if (!outcome.pass && !outcome.partial) failedOutright++;
      if (outcome.unmeasured) unmeasuredRules++;
      for (const note of outcome.notes)
        addFinding(findings, item, severity, note.code, locationOf(plan.source, note.path), { ...note.data });
      if (!outcome.pass) {
        // Most messages have no placeholder: then the methodology's own string serves every plan.
        const message = rule.message.includes('{')
          ? intern(interpolateWords(interpolateParams(rule.message, context.params), profile.words))
          : rule.message;
        failed.push(
          outcome.detail ? { path: rule.path, message, detail: outcome.detail } : sharedFailedRules.get(rule, { path: rule.path, message }),
        );
      }
    }
    // Non-answers the rules' facts held ("none", "tbd"), at their lines, for the first item that read them.
    for (const { path, text } of context.takeNonAnswers())
      addFinding(findings, item, severity, 'non-answer', locationOf(plan.source, path), { text });
    const fromEvidence: ItemStatus =
      failed.length === 0
        ? 'met'
        : unmeasuredRules === item.evidence.length
          ? 'unmeasured'
          : failedOutright < item.evidence.length
            ? 'partial'
            : 'unmet';
    status = fromEvidence;
    basis = 'evidence';
    if (claimed !== undefined) {
      basis = 'evidence+answer';
      if (claimed === 'met' && fromEvidence !== 'met')
        addFinding(findings, item, severity, 'claim-contradicted', answerAt(plan, answerKey, 'status'), {
          claimed,
        });
      // An honest lower self-rating stands: the weaker of the two (the one worth less) counts.
      const factValue = STATUS_VALUES[fromEvidence];
      if (factValue !== null && STATUS_VALUES[claimed] < factValue) {
        status = claimed;
        answerDecided = true;
      }
    }
  } else if (claimed !== undefined) {
    status = claimed;
    basis = 'answer';
    answerDecided = true;
  } else {
    status = 'unanswered';
    basis = 'none';
  }

  if (stale && answerDecided) {
    status = 'stale';
  }

  // The finding that says why the item is open.
  if (isOpen(status)) {
    const firstFailed = failed[0];
    const location = firstFailed ? locationOf(plan.source, firstFailed.path.split('.'), firstFailed.path) : answerAt(plan, answerKey);
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
    const listed = failedList(item, failed);
    const data: Finding['data'] =
      code === 'answer-stale'
        ? { failed: listed, reviewed: answer?.reviewed ?? '', validityDays: methodology.validityDays, points: 0 }
        : { failed: listed, points: 0 };
    addFinding(findings, item, severity, code, code === 'answer-stale' ? answerAt(plan, answerKey, 'reviewed') : location, data);
  }

  let waiver: ItemResult['waiver'];
  if (answer?.waiver) {
    // Beyond the horizon a waiver is no longer an accepted risk but a way around the gate: not in force.
    const tooLong = daysBetween(context.today, answer.waiver.expires) > maxWaiverDays;
    const active = answer.waiver.expires >= context.today && !tooLong;
    waiver = {
      reason: answer.waiver.reason,
      expires: answer.waiver.expires,
      active,
      ...(answer.waiver.owner ? { owner: answer.waiver.owner } : {}),
    };
    // A waiver only matters while its item is open; on a met item it is left over and harmless.
    if (isOpen(status)) {
      const data = { expires: answer.waiver.expires, reason: answer.waiver.reason };
      if (tooLong)
        addFinding(findings, item, severity, 'waiver-too-long', answerAt(plan, answerKey, 'waiver', 'expires'), {
          ...data,
          max: maxWaiverDays,
        });
      else if (!active) addFinding(findings, item, severity, 'waiver-expired', answerAt(plan, answerKey, 'waiver', 'expires'), data);
      else addFinding(findings, item, severity, 'item-waived', answerAt(plan, answerKey, 'waiver'), data);
    }
  }

  const result = itemResult(item, methodology, severity, profile, status, basis, failed, naReason, waiver);
  // Taken on for later: never a status of its own (the facts judge it), only who and by when. An open
  // result is still the item's own object here (withPoints keeps it so).
  if (answer?.due !== undefined && isOpen(status)) result.later = { due: answer.due, ...(answer.owner ? { owner: answer.owner } : {}) };
  return result;
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
  for (const f of findings) if (f.code === 'person-unknown') reported.add(`${f.location.path}`);
  for (const person of people.unknown) {
    const dotted = person.path.join('.');
    if (reported.has(dotted)) continue;
    const item = itemReading(methodology, person.field);
    if (!item || results.find((r) => r.itemId === item.id)?.status === 'n/a') continue;
    reported.add(dotted);
    const result = results.find((r) => r.itemId === item.id);
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
  const kept = failedList(item, failed);
  const { id: itemId, phaseId, dimension } = item;
  const r: ItemResult = { itemId, phaseId, title, dimension, severity, weight, points: 0, status, basis, value, failed: kept };
  if (waiver) {
    r.waiver = waiver; // before naReason, the order the report has always had
    if (naReason !== undefined) r.naReason = naReason;
    return r;
  }
  if (naReason !== undefined) r.naReason = naReason;
  // A met or n/a item gains no points and holds nothing of its plan but what sharedResults compares:
  // plans share one frozen copy (a lint of many plans keeps every result until it prints).
  return status === 'met' || status === 'n/a' ? sharedResults.get(item, r) : r;
}

/**
 * Titles in a profile's words and thresholds (a share in %), made once per profile and item: plans of
 * one kind share their profile, so a lint of many plans fills each title once.
 */
const titlesByProfile = new WeakMap<ResolvedProfile, { values: TextValues; titles: Map<Item, string> }>();
function titleInForce(item: Item, methodology: Methodology, profile: ResolvedProfile): string {
  let entry = titlesByProfile.get(profile);
  if (!entry) {
    entry = { values: { words: profile.words, params: paramTexts(methodology.params, profile.params, 'prose') }, titles: new Map() };
    titlesByProfile.set(profile, entry);
  }
  let title = entry.titles.get(item);
  if (title === undefined) entry.titles.set(item, (title = intern(fillPlaceholders(item.title, entry.values))));
  return title;
}

const STAGE_WORDS: Record<Stage, string> = {
  planning: 'while the community is being planned',
  launching: 'while the community is launching',
  running: 'once the community is running',
};

/** Why an item is not judged in this stage, in words. */
const stageReasons = new WeakMap<Item, Map<Stage, string>>();

/** Why an item is not judged at this stage, in words; made once per item and stage. */
function stageReason(item: Item, stage: Stage): string {
  let byStage = stageReasons.get(item);
  if (!byStage) stageReasons.set(item, (byStage = new Map()));
  let reason = byStage.get(stage);
  if (reason === undefined) byStage.set(stage, (reason = stageReasonText(item, stage)));
  return reason;
}

function stageReasonText(item: Item, stage: Stage): string {
  const applies = item.stages.map((s) => STAGE_WORDS[s]).join(' or ');
  const base = `Not judged ${STAGE_WORDS[stage]}: it applies ${applies}.`;
  return item.stageNote ? `${base} ${item.stageNote}` : base;
}

/** Why an outcome is not judged yet, in words. */
function notYetObservable(after: number, opened: string, open: number): string {
  const since = open < 0 ? `opens on ${opened}` : `opened on ${opened}, ${open === 1 ? '1 day' : `${open} days`} ago`;
  return `Cannot be measured yet: the community ${since}, and this outcome needs ${after} days of activity; it is judged from then on.`;
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
  const pos = locate(source, path);
  return { file: source.file, line: pos.line, col: pos.col, path: dotted ?? intern(path.join('.')) };
}

const itemOrders = new WeakMap<Methodology, ReadonlyMap<string, number>>();

function sortFindings(findings: Finding[], methodology: Methodology): Finding[] {
  let order = itemOrders.get(methodology);
  if (!order) {
    order = new Map(allItems(methodology).map((item, i) => [item.id, i]));
    itemOrders.set(methodology, order);
  }
  return [...findings].sort(
    (a, b) =>
      a.location.line - b.location.line ||
      a.location.col - b.location.col ||
      (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0) ||
      byCodeUnit(a.code, b.code),
  );
}
