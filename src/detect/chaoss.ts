// Pure: the CHAOSS formulas detect computes, on counts and durations. Each is written as CHAOSS defines
// it, with the tie and empty-input rules the definitions leave open stated here and tested.

/**
 * CHAOSS Contributor Absence Factor (formerly Bus Factor): the fewest contributors whose contributions
 * together make at least half of all contributions. Ties count: reaching exactly 50% is enough. No
 * contributions at all give null, never 0. Worked example (CHAOSS): 1000, 202, 90, 33, 332, 343, 42, 433
 * → half of 2,475 is 1,237.5, and the top two make 1,433: 2.
 */
export function contributorAbsenceFactor(counts: Iterable<number>): { factor: number; share: number; total: number } | null {
  const sorted = Array.from(counts)
    .filter((c) => c > 0)
    .sort((a, b) => b - a);
  let total = 0;
  for (const c of sorted) total += c;
  if (total === 0) return null;
  let running = 0;
  for (let k = 0; k < sorted.length; k++) {
    running += sorted[k]!;
    if (running * 2 >= total) return { factor: k + 1, share: running / total, total };
  }
  return { factor: sorted.length, share: 1, total };
}

/**
 * CHAOSS Elephant Factor: the fewest organisations whose contributions make at least half of all
 * (organisations' counts only; unknown affiliations are not an organisation). Eight organisations at
 * 12.5% each → 4; one at 50% → 1.
 */
export function elephantFactor(orgCounts: Iterable<number>): number | null {
  const result = contributorAbsenceFactor(orgCounts);
  return result === null ? null : result.factor;
}

/**
 * CHAOSS Organizational Diversity as the plan measures it: the share of contributions from outside the
 * largest organisation, 1 − max/total, over contributions whose organisation is known.
 */
export function organisationShare(orgCounts: Iterable<number>): number | null {
  let total = 0;
  let max = 0;
  for (const c of orgCounts) {
    total += c;
    if (c > max) max = c;
  }
  return total === 0 ? null : 1 - max / total;
}

/** The median of numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A waiting time: answered after `time`, or still unanswered when observation stopped at `time`. */
export interface Wait {
  time: number;
  answered: boolean;
}

/**
 * The median waiting time by the Kaplan–Meier estimate, so that unanswered items count (right-censored at
 * the end of observation) instead of being dropped, which would flatter a slow community. The median is
 * the first time the estimated share still waiting falls to one half or below; where it sits exactly at
 * one half it is the midpoint to the next answer time (as R's survfit does), which makes it equal the
 * ordinary median when every item was answered. When fewer than half are ever answered there is no
 * median: `above` gives the longest time observed (the median is longer).
 */
export function kaplanMeierMedian(waits: readonly Wait[]): { median: number } | { above: number } | null {
  if (waits.length === 0) return null;
  // At one time, answers are taken before censorings (the usual convention).
  const sorted = [...waits].sort((a, b) => a.time - b.time || Number(b.answered) - Number(a.answered));
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  const eventTimes: number[] = [];
  const survivalAfter: number[] = [];
  while (i < sorted.length) {
    const t = sorted[i]!.time;
    let answered = 0;
    let censored = 0;
    while (i < sorted.length && sorted[i]!.time === t) {
      if (sorted[i]!.answered) answered++;
      else censored++;
      i++;
    }
    if (answered > 0) {
      survival *= 1 - answered / atRisk;
      eventTimes.push(t);
      survivalAfter.push(survival);
    }
    atRisk -= answered + censored;
  }
  const EPSILON = 1e-12;
  for (let k = 0; k < eventTimes.length; k++) {
    if (survivalAfter[k]! < 0.5 - EPSILON) return { median: eventTimes[k]! };
    if (Math.abs(survivalAfter[k]! - 0.5) <= EPSILON) {
      const next = eventTimes[k + 1];
      return { median: next === undefined ? eventTimes[k]! : (eventTimes[k]! + next) / 2 };
    }
  }
  return { above: sorted[sorted.length - 1]!.time };
}
