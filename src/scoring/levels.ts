// Levels: the highest level whose score and gates hold (each level needs the ones below), and the
// smallest set of open items that reaches the next one.
import { assertNever } from '../errors.js';
import { levelInStage, type Gate, type Level, type Methodology, type Stage } from '../methodology/types.js';
import { isOpen, type ItemResult, type LevelRef, type NextLevel } from './types.js';
import { gateScore, weightedScore } from './weighted-score.js';

/** What levels read of an item's result. */
export type Scored = Pick<
  ItemResult,
  'itemId' | 'phaseId' | 'severity' | 'status' | 'points' | 'weight' | 'value' | 'dimension' | 'notYetObservable'
>;

/** The open items a no-open or items-met gate needs met (its whole condition); share gates count instead. */
export function openItemsGateNeeds(gate: Exclude<Gate, { kind: 'share-met' }>, items: readonly Scored[]): Scored[] {
  switch (gate.kind) {
    case 'no-open':
      // Severity gates judge the plan; outcomes are judged by a level's minimum health.
      return items.filter(
        (r) =>
          r.dimension === 'readiness' &&
          isOpen(r.status) &&
          gate.severities.includes(r.severity) &&
          (gate.phases === null || gate.phases.includes(r.phaseId)) &&
          (gate.items === null || gate.items.includes(r.itemId)),
      );
    case 'items-met':
      // An item disabled by an extending methodology is not among the results and does not block. One
      // that cannot be measured yet (the community opened too recently) is not met either: a young
      // community reaches such a level once it is shown, not before.
      return items.filter((r) => (isOpen(r.status) || r.notYetObservable === true) && gate.items.includes(r.itemId));
    default:
      return assertNever(gate, 'gate');
  }
}

/** The items a share gate counts: readiness items of its severity, n/a left out. */
function applicableOf(gate: Extract<Gate, { kind: 'share-met' }>, items: readonly Scored[]): Scored[] {
  return items.filter((r) => r.dimension === 'readiness' && r.severity === gate.severity && r.status !== 'n/a');
}

export function gatePasses(gate: Gate, items: readonly Scored[]): boolean {
  if (gate.kind !== 'share-met') return openItemsGateNeeds(gate, items).length === 0;
  const applicable = applicableOf(gate, items);
  if (applicable.length === 0) return true;
  // Stryker disable next-line EqualityOperator: no share of met items equals the minimum less 1e-9, so > and >= agree
  return applicable.filter((r) => r.status === 'met').length / applicable.length >= gate.min - 1e-9;
}

type StagedLevel = ReturnType<typeof levelInStage>;

/** Health and the share of the applicable health measures it rests on (measured and fresh). */
export interface HealthScore {
  score: number | null;
  coverage: number;
}

/**
 * A level's scores hold: readiness, and health where the level asks for it (no health score, no such
 * level), resting on enough of the measures where the level says how many.
 */
function scoresHold(level: StagedLevel, score: number, health: HealthScore, stage: Stage): boolean {
  if (score < level.minScore) return false;
  if (level.minHealth === undefined) return true;
  // Outcomes are shown by a community that runs: figures from a founders' wave reach no level that rests on them.
  if (stage !== 'running') return false;
  if (health.score === null || health.score < level.minHealth) return false;
  // Stryker disable next-line EqualityOperator: no share of measures equals the minimum less 1e-9, so > and >= agree
  return health.coverage >= (level.minHealthCoverage ?? 0) - 1e-9;
}

const NO_HEALTH: HealthScore = { score: null, coverage: 0 };

/**
 * Whether the level's scores and gates hold. A running community is measured against the level's
 * running form (outcomes and safety, not launch paperwork) where the methodology gives one.
 */
export function levelReached(
  level: Level,
  items: readonly Scored[],
  score: number,
  health: HealthScore = NO_HEALTH,
  // Stryker disable next-line StringLiteral: only 'running' changes a level, so any other default acts alike
  stage: Stage = 'planning',
): boolean {
  const staged = levelInStage(level, stage);
  return scoresHold(staged, score, health, stage) && staged.gates.every((g) => gatePasses(g, items));
}

export function findLevel(
  methodology: Methodology,
  items: readonly Scored[],
  score: number,
  health: HealthScore = NO_HEALTH,
  // Stryker disable next-line StringLiteral: only 'running' changes a level, so any other default acts alike
  stage: Stage = 'planning',
): LevelRef {
  let reached = 0;
  for (let i = 0; i < methodology.levels.length; i++) {
    if (!levelReached(methodology.levels[i]!, items, score, health, stage)) break;
    reached = i;
  }
  const level = levelInStage(methodology.levels[reached]!, stage);
  return { id: level.id, title: level.title, index: reached };
}

/**
 * Items to complete to reach the level after `currentIndex`: first every item a gate needs, then the
 * open items worth most points until each score the level asks for is reached (largest-first is the
 * fewest items). A level resting on health cannot be reached before there is anything to observe.
 */
export function findNextLevel(
  methodology: Methodology,
  items: readonly Scored[],
  currentIndex: number,
  gapOrder: readonly string[],
  stage: Stage = 'running',
): NextLevel | null {
  const next = methodology.levels[currentIndex + 1];
  if (!next) return null;
  const level = levelInStage(next, stage);
  const chosen = new Set<string>();
  const open = items.filter((r) => isOpen(r.status));
  const byPoints = [...open].sort((a, b) => b.points - a.points || gapOrder.indexOf(a.itemId) - gapOrder.indexOf(b.itemId));
  const gates = [...level.gates].sort((a, b) => Number(a.kind === 'share-met') - Number(b.kind === 'share-met'));
  for (const gate of gates) {
    if (gate.kind !== 'share-met') {
      for (const r of openItemsGateNeeds(gate, items)) chosen.add(r.itemId);
      continue;
    }
    const applicable = applicableOf(gate, items);
    let met = applicable.filter((r) => r.status === 'met' || chosen.has(r.itemId)).length;
    const needed = Math.ceil(gate.min * applicable.length - 1e-9);
    for (const r of byPoints) {
      if (met >= needed) break;
      if (r.dimension !== 'readiness' || r.severity !== gate.severity || chosen.has(r.itemId)) continue;
      chosen.add(r.itemId);
      met++;
    }
  }
  // Exact arithmetic on weights: summing rounded points would drift.
  const readiness = items.filter((r) => r.dimension === 'readiness');
  const health = items.filter((r) => r.dimension === 'health');
  const hasHealth = health.some((r) => r.value !== null);
  const fill = (pool: readonly Scored[], min: number, scoreOf: (pool: readonly Scored[], asMet: ReadonlySet<string>) => number): number => {
    let after = scoreOf(pool, chosen);
    for (const r of byPoints) {
      if (after >= min) break;
      if (r.dimension !== pool[0]?.dimension || chosen.has(r.itemId)) continue;
      chosen.add(r.itemId);
      after = scoreOf(pool, chosen);
    }
    return after;
  };
  fill(readiness, level.minScore, weightedScore);
  // Health as the level's gate reads it: a measure not measured counts as not met until it is.
  if (level.minHealth !== undefined && hasHealth) fill(health, level.minHealth, gateScore);
  // Later choices may raise the readiness score too (health gate items do not, but be exact).
  const scoreAfter = weightedScore(readiness, chosen);
  const healthAfter = hasHealth ? gateScore(health, chosen) : null;
  return {
    id: level.id,
    title: level.title,
    index: currentIndex + 1,
    minScore: level.minScore,
    ...(level.minHealth !== undefined ? { minHealth: level.minHealth } : {}),
    items: gapOrder.filter((id) => chosen.has(id)),
    scoreAfter,
    healthAfter,
    ...(level.minHealth !== undefined && stage !== 'running' ? { needsStage: 'running' as const } : {}),
  };
}
