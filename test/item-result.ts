// An item result made by hand for tests of the scoring functions that take results: an open, unmet
// readiness item of weight 1 unless told otherwise.
import type { ItemResult } from '../src/scoring/types.js';

export function itemResult(id: string, over: Partial<ItemResult> = {}): ItemResult {
  return {
    itemId: id,
    phaseId: 'p',
    title: id,
    dimension: 'readiness',
    severity: 'major',
    weight: 1,
    status: 'unmet',
    basis: 'evidence',
    value: 0,
    points: 0,
    failed: [],
    ...over,
  };
}
