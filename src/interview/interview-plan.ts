// Pure: the order the interview asks in. First a quick path: the points that decide this community's
// level (the gates of each level in turn, the blockers with them), at most about 30 questions and 10
// minutes; then, each offered, the rest of what decides the level, the important points and the
// optional ones. Lists are made over every question that applies, answered or not, so a question keeps
// its number from one session to the next.
import { levelInStage, type Methodology, type Stage } from '../methodology/types.js';
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
  /** The highest level whose deciding points are all on the quick path (its id). */
  quickLevel?: string;
  /** The rest of the points that decide the level. */
  rest: QuestionSpec[];
  /** The other points of the important tier (core or major in force). */
  important: QuestionSpec[];
  /** Minor points. */
  optional: QuestionSpec[];
}

/** The items a level's gates name or count, new at that level. */
export interface DecidingLevel {
  level: string;
  items: string[];
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
 * The questions in tiers. `questions` are those that apply (in methodology order, each at its tier in
 * force); `spent` is what the screener and the roster already take of the quick path's budget.
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
  for (const { level, items } of deciding) {
    for (const id of items) {
      const group = questions.filter((q) => q.feeds.includes(id) && !placed.has(q));
      if (group.length === 0) continue;
      const groupAsks = group.reduce((n, q) => n + q.fills.length, 0);
      const groupSeconds = group.reduce((n, q) => n + q.seconds, 0);
      // A point's questions stay together; the first point that does not fit ends the quick path.
      if (!full && (quick.length === 0 || (asks + groupAsks <= budget.questions && seconds + groupSeconds <= budget.seconds))) {
        for (const q of group) quick.push(q);
        asks += groupAsks;
        seconds += groupSeconds;
      } else {
        full = true;
        for (const q of group) rest.push(q);
      }
      for (const q of group) placed.add(q);
    }
    if (!full) quickLevel = level;
  }
  const others = questions.filter((q) => !placed.has(q));
  return {
    quick,
    ...(quickLevel !== undefined ? { quickLevel } : {}),
    rest,
    important: others.filter((q) => q.tier !== 'minor'),
    optional: others.filter((q) => q.tier === 'minor'),
  };
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
