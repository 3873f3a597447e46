// The priority order of open items: blockers first, then phase order, then heavier items first.
import type { Methodology } from '../methodology/types.js';
import type { ItemResult } from './types.js';

export function orderGaps<T extends Pick<ItemResult, 'itemId' | 'phaseId' | 'severity' | 'weight'>>(
  gaps: readonly T[],
  methodology: Methodology,
): T[] {
  const phaseIndex = new Map(methodology.phases.map((p, i) => [p.id, i]));
  const itemIndex = new Map(methodology.phases.flatMap((p) => p.items).map((item, i) => [item.id, i]));
  return [...gaps].sort(
    (a, b) =>
      Number(b.severity === 'blocker') - Number(a.severity === 'blocker') ||
      (phaseIndex.get(a.phaseId) ?? 0) - (phaseIndex.get(b.phaseId) ?? 0) ||
      b.weight - a.weight ||
      (itemIndex.get(a.itemId) ?? 0) - (itemIndex.get(b.itemId) ?? 0),
  );
}
