// The one score formula: 100 × Σ(weight × value) ÷ Σ(weight) over applicable items, one decimal.
import { STATUS_VALUES } from './types.js';

export interface Weighted {
  itemId: string;
  weight: number;
  /** The status's value (STATUS_VALUES); null when n/a. */
  value: number | null;
}

/** The score of these items, with the items in `asMet` counted as met; 0 when nothing applies. */
export function weightedScore(items: readonly Weighted[], asMet: ReadonlySet<string> = new Set()): number {
  return scoreOf(items, asMet, false);
}

/**
 * Health as a level's gate reads it: a measure that applies but was not measured, or not lately
 * (`unmeasured`), or cannot be measured yet (the community opened too recently), counts as not met, so
 * that no plan reaches a level by leaving its worst figures out or by being young. The health a report
 * shows stays the score over what was measured (weightedScore), with its coverage.
 */
export function gateScore(
  items: readonly (Weighted & { status: string; notYetObservable?: true })[],
  asMet: ReadonlySet<string> = new Set(),
): number {
  return scoreOf(items, asMet, true);
}

/** The one formula, over the applicable items, and over the unmeasured ones too when they count (as not met, unless in `asMet`). */
function scoreOf(
  items: readonly (Weighted & { status?: string; notYetObservable?: true })[],
  asMet: ReadonlySet<string>,
  unmeasuredCount: boolean,
): number {
  let total = 0;
  let earned = 0;
  for (const r of items) {
    if (r.value === null && !(unmeasuredCount && (r.status === 'unmeasured' || r.notYetObservable === true))) continue;
    total += r.weight;
    earned += r.weight * (asMet.has(r.itemId) ? STATUS_VALUES.met : (r.value ?? 0));
  }
  return total === 0 ? 0 : round1((100 * earned) / total);
}

/** The weight of the applicable (not n/a) items: the score's denominator. */
export function applicableWeight(items: readonly Weighted[]): number {
  return items.reduce((s, r) => s + (r.value === null ? 0 : r.weight), 0);
}

/** Score points an item adds when met, out of `total` applicable weight. */
export function pointsOf(item: Weighted, total: number): number {
  if (item.value === null || total === 0) return 0;
  return round1((100 * item.weight * (STATUS_VALUES.met - item.value)) / total);
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
