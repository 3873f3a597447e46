// Levels: the highest level whose score and gates hold (each level needs the ones below), and the
// smallest set of open items that reaches the next one.
import { assertNever } from '../errors.js';
import type { Gate, Level, Methodology } from '../methodology/types.js';
import { isOpen, type ItemResult, type LevelRef, type NextLevel } from './types.js';
import { weightedScore } from './weighted-score.js';

type Scored = Pick<ItemResult, 'itemId' | 'phaseId' | 'severity' | 'status' | 'points' | 'weight' | 'value'>;

/** The open items a no-open or items-met gate needs met (its whole condition); share gates count instead. */
function openItemsGateNeeds(gate: Exclude<Gate, { kind: 'share-met' }>, items: readonly Scored[]): Scored[] {
  switch (gate.kind) {
    case 'no-open':
      return items.filter((r) => isOpen(r.status) && gate.severities.includes(r.severity) && (gate.phases === null || gate.phases.includes(r.phaseId)));
    case 'items-met':
      // An item disabled by an extending methodology is not among the results and does not block.
      return items.filter((r) => isOpen(r.status) && gate.items.includes(r.itemId));
    default:
      return assertNever(gate, 'gate');
  }
}

/** The items a share gate counts: its severity, n/a left out. */
function applicableOf(gate: Extract<Gate, { kind: 'share-met' }>, items: readonly Scored[]): Scored[] {
  return items.filter((r) => r.severity === gate.severity && r.status !== 'n/a');
}

export function gatePasses(gate: Gate, items: readonly Scored[]): boolean {
  if (gate.kind !== 'share-met') return openItemsGateNeeds(gate, items).length === 0;
  const applicable = applicableOf(gate, items);
  if (applicable.length === 0) return true;
  return applicable.filter((r) => r.status === 'met').length / applicable.length >= gate.min - 1e-9;
}

export function levelReached(level: Level, items: readonly Scored[], score: number): boolean {
  return score >= level.minScore && level.gates.every((g) => gatePasses(g, items));
}

export function findLevel(methodology: Methodology, items: readonly Scored[], score: number): LevelRef {
  let reached = 0;
  for (let i = 0; i < methodology.levels.length; i++) {
    if (!levelReached(methodology.levels[i]!, items, score)) break;
    reached = i;
  }
  const level = methodology.levels[reached]!;
  return { id: level.id, title: level.title, index: reached };
}

/**
 * Items to complete to reach the level after `currentIndex`: first every item a gate needs, then the
 * open items worth most points until the score is reached (largest-first is the fewest items).
 */
export function findNextLevel(methodology: Methodology, items: readonly Scored[], currentIndex: number, gapOrder: readonly string[]): NextLevel | null {
  const level = methodology.levels[currentIndex + 1];
  if (!level) return null;
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
      if (r.severity !== gate.severity || chosen.has(r.itemId)) continue;
      chosen.add(r.itemId);
      met++;
    }
  }
  // Exact arithmetic on weights: summing rounded points would drift.
  const scoreWith = (ids: ReadonlySet<string>): number => weightedScore(items, ids);
  let after = scoreWith(chosen);
  for (const r of byPoints) {
    if (after >= level.minScore) break;
    if (chosen.has(r.itemId)) continue;
    chosen.add(r.itemId);
    after = scoreWith(chosen);
  }
  return {
    id: level.id,
    title: level.title,
    index: currentIndex + 1,
    minScore: level.minScore,
    items: gapOrder.filter((id) => chosen.has(id)),
    scoreAfter: after,
  };
}
