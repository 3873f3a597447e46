// Ordering of identifiers and file names by code unit. Not localeCompare: that loads ICU's collator
// (about 6 ms on the first call, a third of a one-plan lint) and orders differently from one locale to
// another, while reports must come out the same everywhere.

/** Negative, zero or positive as `a` sorts before, with or after `b`, by UTF-16 code unit. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
