// Pure: decides every item's status from evidence rules and answers, then scores, levels and gaps.
// "Today" is passed in: nothing here reads the clock.
import { locate, type YamlSource } from '../source/yaml-source.js';
import type { Validation } from '../validation/schema-validation.js';
import { interpolateParams, paramValues, resolveParams } from '../methodology/evidence-schema.js';
import { allItems, type Item, type Methodology, type Profile } from '../methodology/types.js';
import type { Answer, AnswerStatus, Plan } from '../plan/types.js';
import { ITEM_STATUSES, isOpen, type FailedRule, type Finding, type FindingCode, type ItemResult, type ItemStatus, type Location, type PhaseResult, type PlanAssessment, type StatusBasis } from './types.js';
import { findLevel, findNextLevel } from './levels.js';
import { daysBetween } from './dates.js';
import { applicableWeight, pointsOf, weightedScore } from './weighted-score.js';
import { orderGaps } from './order-gaps.js';

export interface AssessOptions {
  /** YYYY-MM-DD. */
  today: string;
}

const VALUE: Record<Exclude<ItemStatus, 'n/a'>, number> = { met: 1, partial: 0.5, unmet: 0, unanswered: 0, stale: 0 };

/** Assesses one plan against a methodology. */
export function assessPlan(plan: Plan, methodology: Methodology, validation: Validation, options: AssessOptions): PlanAssessment {
  const values = paramValues(methodology.params, plan.params);
  const profile = methodology.profiles.find((p) => p.id === plan.type);
  const items = allItems(methodology);
  const findings: Finding[] = [];
  const results: ItemResult[] = items.map((item) => assessItem(item, plan, methodology, validation, values, profile, options.today, findings));

  const score = weightedScore(results);
  const total = applicableWeight(results);
  const scored = results.map((r) => ({ ...r, points: pointsOf(r, total) }));

  // Gap findings carry the points, now that the total weight is known.
  const pointsById = new Map(scored.map((r) => [r.itemId, r.points]));
  for (const f of findings) if (isGapCode(f.code)) f.data.points = pointsById.get(f.itemId) ?? 0;

  const phases: PhaseResult[] = methodology.phases.map((phase) => {
    const own = scored.filter((r) => r.phaseId === phase.id);
    const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, own.filter((r) => r.status === s).length])) as Record<ItemStatus, number>;
    return { phaseId: phase.id, score: own.every((r) => r.value === null) ? null : weightedScore(own), counts };
  });

  const gaps = orderGaps(scored.filter((r) => isOpen(r.status)), methodology).map((r) => r.itemId);
  const level = findLevel(methodology, scored, score);
  const nextLevel = findNextLevel(methodology, scored, level.index, gaps);
  const customParams: Record<string, number> = {};
  for (const [name, value] of Object.entries(plan.params)) if (Object.hasOwn(methodology.params, name) && methodology.params[name]!.value !== value) customParams[name] = value;

  return {
    file: plan.file,
    community: { name: plan.name, ...(plan.type ? { type: plan.type } : {}) },
    methodology: { id: methodology.id, version: methodology.version },
    today: options.today,
    score,
    level,
    nextLevel,
    phases,
    items: scored,
    findings: sortFindings(findings, methodology),
    gaps,
    customParams,
  };
}

function assessItem(
  item: Item,
  plan: Plan,
  methodology: Methodology,
  validation: Validation,
  values: Record<string, number>,
  profile: Profile | undefined,
  today: string,
  findings: Finding[],
): ItemResult {
  const answer: Answer | undefined = plan.answers.get(item.id);
  const add = (code: FindingCode, location: Location, data: Finding['data'] = {}): void => {
    findings.push({ code, itemId: item.id, phaseId: item.phaseId, severity: item.severity, location, data });
  };
  const answerPath = ['assessment', item.id];
  const where = (path: readonly string[]): Location => locationOf(plan.source, path);

  const stale = answer?.reviewed !== undefined && daysBetween(answer.reviewed, today) > methodology.validityDays;
  let claimed: AnswerStatus | undefined = answer?.status;

  // n/a needs the item's permission and a justification; otherwise the answer is set aside.
  if (claimed === 'n/a') {
    if (!item.na) {
      add('na-not-allowed', where([...answerPath, 'status']));
      claimed = undefined;
    } else if (!answer?.note?.trim()) {
      add('na-unjustified', where([...answerPath, 'status']));
      claimed = undefined;
    }
  }

  let status: ItemStatus;
  let basis: StatusBasis;
  let failed: FailedRule[] = [];
  let naReason: string | undefined;
  /** Whether the answer, not the facts, decided the status (only then can it go stale). */
  let answerDecided = false;

  const profileNa = claimed === undefined && item.na ? profile?.notApplicable.find((n) => n.item === item.id) : undefined;

  if (claimed === 'n/a') {
    status = 'n/a';
    basis = 'answer';
    answerDecided = true;
    naReason = answer?.note;
  } else if (profileNa) {
    status = 'n/a';
    basis = 'profile';
    naReason = profileNa.reason;
  } else if (item.evidence.length > 0) {
    failed = item.evidence
      .filter((rule) => {
        const value = withoutBlanks(getPath(plan.data, rule.segments));
        if (value === undefined) return true;
        const validate = validation.compileEvidence(resolveParams(rule.schema, values));
        return !validate(value);
      })
      .map((rule) => ({ path: rule.path, message: interpolateParams(rule.message, values) }));
    const fromEvidence: ItemStatus = failed.length === 0 ? 'met' : failed.length < item.evidence.length ? 'partial' : 'unmet';
    status = fromEvidence;
    basis = 'evidence';
    if (claimed !== undefined) {
      basis = 'evidence+answer';
      if (claimed === 'met' && fromEvidence !== 'met') add('claim-contradicted', where([...answerPath, 'status']), { claimed });
      // An honest lower self-rating stands: the weaker of the two counts.
      if (rank(claimed) < rank(fromEvidence)) {
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
    const location = firstFailed ? where(firstFailed.path.split('.')) : where(answerPath);
    const code: FindingCode =
      status === 'stale' ? 'answer-stale' : status === 'partial' ? 'item-partial' : status === 'unanswered' ? 'item-unanswered' : 'item-unmet';
    const data: Finding['data'] = { failed };
    if (code === 'answer-stale') {
      data.reviewed = answer?.reviewed ?? '';
      data.validityDays = methodology.validityDays;
    }
    add(code, code === 'answer-stale' ? where([...answerPath, 'reviewed']) : location, data);
  }

  let waiver: ItemResult['waiver'];
  if (answer?.waiver) {
    const active = answer.waiver.expires >= today;
    waiver = { reason: answer.waiver.reason, expires: answer.waiver.expires, active, ...(answer.waiver.owner ? { owner: answer.waiver.owner } : {}) };
    // A waiver only matters while its item is open; on a met item it is left over and harmless.
    if (isOpen(status)) {
      const data = { expires: answer.waiver.expires, reason: answer.waiver.reason };
      if (!active) add('waiver-expired', where([...answerPath, 'waiver', 'expires']), data);
      else add('item-waived', where([...answerPath, 'waiver']), data);
    }
  }

  return {
    itemId: item.id,
    phaseId: item.phaseId,
    severity: item.severity,
    weight: item.weight,
    status,
    basis,
    value: status === 'n/a' ? null : VALUE[status],
    points: 0,
    failed,
    ...(waiver ? { waiver } : {}),
    ...(naReason !== undefined ? { naReason } : {}),
  };
}

function rank(status: ItemStatus): number {
  return status === 'met' ? 3 : status === 'partial' ? 2 : 1;
}

function isGapCode(code: FindingCode): boolean {
  return code === 'item-unmet' || code === 'item-partial' || code === 'item-unanswered' || code === 'answer-stale';
}

/**
 * The value with blank text and empty values taken out, as if never written: an empty `metric: ""` or a
 * `- ""` list entry must not satisfy a rule that asks for a metric or for entries.
 */
export function withoutBlanks(value: unknown): unknown {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (Array.isArray(value)) return value.map(withoutBlanks).filter((v) => v !== undefined);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const kept = withoutBlanks(v);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  return value;
}

/** The value at a dotted path, or undefined where any step is missing. */
export function getPath(data: unknown, segments: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function locationOf(source: YamlSource, path: readonly string[]): Location {
  const pos = locate(source, path);
  return { file: source.file, line: pos.line, col: pos.col, path: path.join('.') };
}


function sortFindings(findings: Finding[], methodology: Methodology): Finding[] {
  const order = new Map(allItems(methodology).map((item, i) => [item.id, i]));
  return [...findings].sort(
    (a, b) => a.location.line - b.location.line || a.location.col - b.location.col || (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0) || a.code.localeCompare(b.code),
  );
}
