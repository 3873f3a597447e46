// Suggests known names close to a mistyped one ("did you mean …").
import { byCodeUnit } from './compare.js';

/** Known names within a small edit distance of `input`, nearest first (at most 3). */
export function closestMatches(input: string, known: readonly string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(input.length / 3));
  return known
    .map((name) => ({ name, distance: editDistance(input.toLowerCase(), name.toLowerCase()) }))
    .filter((c) => c.distance <= limit || c.name.includes(input) || (input.length >= 4 && input.includes(c.name)))
    .sort((a, b) => a.distance - b.distance || byCodeUnit(a.name, b.name))
    .slice(0, max)
    .map((c) => c.name);
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

/** ` (did you mean 'a', 'b'?)` for the known names close to `name`, or nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const hint = closestMatches(name, known);
  return hint.length ? ` (did you mean ${hint.map((h) => `'${h}'`).join(', ')}?)` : '';
}
