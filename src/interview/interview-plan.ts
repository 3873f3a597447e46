// Pure: the order the interview asks in. First a quick path: what the next level needs for this
// community (its gates, then the points that bring the score and the share of majors it asks for, the
// quickest first), level after level while the whole of a level fits in about 30 questions and 10
// minutes; then, each offered, the rest of what decides the level, the important points and the
// optional ones. A point's questions are always asked together, in methodology order.
import { levelInStage, type Methodology, type Stage } from '../methodology/types.js';
import { findLevel, openItemsGateNeeds, type Scored } from '../scoring/levels.js';
import { isOpen, STATUS_VALUES } from '../scoring/types.js';
import { weightedScore } from '../scoring/weighted-score.js';
import type { QuestionSpec, ValueSpec } from './question-model.js';
import type { SeveritiesInForce } from './tiers-in-force.js';
import { kindOf } from './value-kinds/index.js';

/** The quick path's size: questions (each path asked counts one) and seconds. */
export interface QuickPathBudget {
  questions: number;
  seconds: number;
}

/** About 30 questions and 10 minutes, the screener and the roster included. */
export const QUICK_PATH: QuickPathBudget = { questions: 30, seconds: 600 };

export interface InterviewTiers {
  /** The points that decide the level first, within the budget. */
  quick: QuestionSpec[];
  /** The highest level whose needs are all on the quick path (its id): answered in full, the plan reaches it. */
  quickLevel?: string;
  /** Points that level needs which no question left can meet (put off, or answered "No" before): done too, it is reached. */
  quickPending?: number;
  /**
   * When not even the next level's needs fit the budget: that level (its id) and the questions all its
   * needs take; the quick path asks the first of them.
   */
  toward?: { level: string; questions: number };
  /** The rest of the points that decide the level. */
  rest: QuestionSpec[];
  /** The other points of the important tier (core or major in force). */
  important: QuestionSpec[];
  /** Minor points. */
  optional: QuestionSpec[];
}

/** The items a level needs met, beyond what the levels before it need. */
export interface DecidingLevel {
  level: string;
  items: string[];
  /** False when meeting them all still falls short of the level: no promise. */
  reachable?: boolean;
  /** Those of them no question left can meet (put off to later, or answered "No" before). */
  pending?: string[];
}

/**
 * The items that decide the level of a plan at this stage, level by level in the order the levels need
 * them: each level's gates in turn, up to (not including) the first level that rests on observed
 * outcomes. Items the plan does not judge are left out; a share gate counts a tier, not named items, and
 * is left out.
 */
export function decidingItems(m: Methodology, stage: Stage, severities: SeveritiesInForce): DecidingLevel[] {
  const levels: DecidingLevel[] = [];
  const seen = new Set<string>();
  let out: string[] = [];
  const add = (id: string): void => {
    if (!seen.has(id) && severities.get(id) !== null) {
      seen.add(id);
      out.push(id);
    }
  };
  const items = m.phases.flatMap((p) => p.items);
  for (const level of m.levels) {
    const staged = levelInStage(level, stage);
    if (staged.minHealth !== undefined) break;
    out = [];
    for (const gate of staged.gates) {
      if (gate.kind === 'items-met') for (const id of gate.items) add(id);
      else if (gate.kind === 'no-open')
        for (const item of items) {
          const severity = severities.get(item.id) ?? (severities.has(item.id) ? null : item.severity);
          if (
            item.dimension === 'readiness' &&
            severity !== null &&
            gate.severities.includes(severity) &&
            (gate.phases === null || gate.phases.includes(item.phaseId)) &&
            (gate.items === null || gate.items.includes(item.id))
          )
            add(item.id);
        }
    }
    levels.push({ level: level.id, items: out });
  }
  return levels;
}

/**
 * What each level after the plan's own needs met, level by level, from the plan as it is assessed: the
 * items its gates need, then, the quickest first (`secondsOf`, Infinity where no question left asks the
 * item), the items that bring the share of a severity and the score it asks for. A gate's item no
 * question left can meet is pending: counted as done, and said. Each level is worked out as if the ones
 * before were reached; it stops at the first level that rests on observed outcomes.
 */
export function levelTargets(
  m: Methodology,
  results: readonly Scored[],
  stage: Stage,
  secondsOf: (itemId: string) => number,
): DecidingLevel[] {
  let items = [...results];
  const order = new Map(m.phases.flatMap((p) => p.items).map((item, i) => [item.id, i]));
  const levelOf = (): number =>
    findLevel(m, items, weightedScore(items.filter((r) => r.dimension === 'readiness')), NO_HEALTH, stage).index;
  let index = levelOf();
  const out: DecidingLevel[] = [];
  while (index + 1 < m.levels.length) {
    const staged = levelInStage(m.levels[index + 1]!, stage);
    if (staged.minHealth !== undefined) break;
    const needed = neededFor(staged, items, secondsOf);
    const gated = needed.gated.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const more = needed.more.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const met = new Set([...gated, ...more]);
    items = items.map((r) => (met.has(r.itemId) ? { ...r, status: 'met', value: STATUS_VALUES.met } : r));
    const reached = levelOf();
    const pending = gated.filter((id) => !Number.isFinite(secondsOf(id)));
    out.push({
      level: m.levels[Math.max(reached, index + 1)]!.id,
      items: [...gated, ...more],
      reachable: reached > index,
      ...(pending.length > 0 ? { pending } : {}),
    });
    if (reached <= index) break;
    index = reached;
  }
  return out;
}

const NO_HEALTH = { score: null, coverage: 0 };

/** A level's needs: the open items its gates name or count, then what its share and score gates still lack. */
function neededFor(
  level: ReturnType<typeof levelInStage>,
  items: readonly Scored[],
  secondsOf: (itemId: string) => number,
): { gated: string[]; more: string[] } {
  const chosen = new Set<string>();
  for (const gate of level.gates) if (gate.kind !== 'share-met') for (const r of openItemsGateNeeds(gate, items)) chosen.add(r.itemId);
  const gated = [...chosen];
  const more: string[] = [];
  const take = (id: string): void => {
    chosen.add(id);
    more.push(id);
  };
  const readiness = items.filter((r) => r.dimension === 'readiness');
  const open = readiness.filter((r) => isOpen(r.status) && Number.isFinite(secondsOf(r.itemId)));
  for (const gate of level.gates) {
    if (gate.kind !== 'share-met') continue;
    const applicable = readiness.filter((r) => r.severity === gate.severity && r.status !== 'n/a');
    let met = applicable.filter((r) => r.status === 'met' || chosen.has(r.itemId)).length;
    const wanted = Math.ceil(gate.min * applicable.length - 1e-9);
    // The share counts points, not their weight: the quickest to answer first.
    for (const r of [...open].filter((x) => x.severity === gate.severity).sort((a, b) => secondsOf(a.itemId) - secondsOf(b.itemId))) {
      if (met >= wanted) break;
      if (chosen.has(r.itemId)) continue;
      take(r.itemId);
      met++;
    }
  }
  // The score: the most points for the time first.
  const byYield = [...open].sort((a, b) => b.points / Math.max(1, secondsOf(b.itemId)) - a.points / Math.max(1, secondsOf(a.itemId)));
  for (const r of byYield) {
    if (weightedScore(readiness, chosen) >= level.minScore) break;
    if (!chosen.has(r.itemId) && r.points > 0) take(r.itemId);
  }
  return { gated, more };
}

/**
 * The questions in tiers. `questions` are those that apply (in methodology order, each at its tier in
 * force); `deciding` what each level needs, in order; `spent` is what the screener and the roster
 * already take of the quick path's budget. A level goes on the quick path whole or not at all, so that
 * answering the quick path in full reaches the level it names; when not even the next level fits, the
 * quick path asks its first points, as many as fit.
 */
export function planTiers(
  questions: readonly QuestionSpec[],
  deciding: readonly DecidingLevel[],
  budget: QuickPathBudget,
  spent: QuickPathBudget = { questions: 0, seconds: 0 },
): InterviewTiers {
  const quick: QuestionSpec[] = [];
  const rest: QuestionSpec[] = [];
  const placed = new Set<QuestionSpec>();
  let asks = spent.questions;
  let seconds = spent.seconds;
  let full = false;
  let quickLevel: string | undefined;
  let toward: InterviewTiers['toward'];
  const pending = new Set<string>();
  const promise = (level: DecidingLevel): void => {
    quickLevel = level.level;
    for (const id of level.pending ?? []) pending.add(id);
  };
  const fits = (group: readonly QuestionSpec[]): boolean =>
    asks + asksOf(group) <= budget.questions && seconds + group.reduce((n, q) => n + q.seconds, 0) <= budget.seconds;
  const add = (group: readonly QuestionSpec[]): void => {
    for (const q of group) quick.push(q);
    asks += asksOf(group);
    seconds += group.reduce((n, q) => n + q.seconds, 0);
  };
  for (const target of deciding) {
    const { level, items, reachable = true } = target;
    // Each point's questions together, the points in the order the level needs them.
    const groups = items.map((id) => {
      const group = questions.filter((q) => q.feeds.includes(id) && !placed.has(q));
      for (const q of group) placed.add(q);
      return group;
    });
    const all = groups.flat();
    if (all.length === 0) {
      // Nothing new to ask: reached with the levels before, unless what it lacks no question can give.
      if (!full && reachable) promise(target);
      else full = true;
      continue;
    }
    if (!full && reachable && fits(all)) {
      add(all);
      promise(target);
      continue;
    }
    if (!full && quick.length === 0) {
      // Not even the next level fits: its first points, up to the first that does not fit (at least one).
      toward = { level, questions: asksOf(all) };
      let open = true;
      for (const group of groups) {
        if (open && (quick.length === 0 || fits(group))) add(group);
        else {
          open = false;
          for (const q of group) rest.push(q);
        }
      }
    } else for (const q of all) rest.push(q);
    full = true;
  }
  const others = byPoint(questions.filter((q) => !placed.has(q)));
  return {
    quick,
    ...(quickLevel !== undefined ? { quickLevel } : {}),
    ...(quickLevel !== undefined && pending.size > 0 ? { quickPending: pending.size } : {}),
    ...(toward !== undefined ? { toward } : {}),
    rest,
    important: others.filter((q) => q.tier !== 'minor'),
    optional: others.filter((q) => q.tier === 'minor'),
  };
}

/**
 * The questions with each point's questions together, in methodology order inside the point; the points
 * in the order of their first question. A question that feeds two points brings the other's after it.
 */
export function byPoint(questions: readonly QuestionSpec[]): QuestionSpec[] {
  const out: QuestionSpec[] = [];
  const placed = new Set<QuestionSpec>();
  for (const q of questions) {
    if (placed.has(q)) continue;
    if (q.feeds.length === 0) {
      placed.add(q);
      out.push(q);
      continue;
    }
    for (const id of q.feeds)
      for (const x of questions)
        if (!placed.has(x) && x.feeds.includes(id)) {
          placed.add(x);
          out.push(x);
        }
  }
  return out;
}

/**
 * Seconds to answer a value of this kind, as each kind's module measured it answering in a terminal
 * (typing a phrase, a paragraph, picking from a list); a list with `entries` entries (at least one),
 * each typed one line.
 */
export function answerSeconds(spec: ValueSpec, entries = 1): number {
  const seconds = kindOf(spec).seconds;
  if (spec.kind !== 'records') return seconds;
  const perEntry = spec.fields.reduce((s, f) => s + (f.value.kind === 'records' ? answerSeconds(f.value) : 6), 4);
  return seconds + Math.max(1, entries) * perEntry;
}

/** How long a list of questions takes, in whole minutes (at least one). */
export function minutesOf(questions: readonly QuestionSpec[]): number {
  return Math.max(1, Math.round(questions.reduce((s, q) => s + q.seconds, 0) / 60));
}

/** How many paths a list of questions asks (a question filling three paths asks three). */
export function asksOf(questions: readonly QuestionSpec[]): number {
  return questions.reduce((n, q) => n + q.fills.length, 0);
}
