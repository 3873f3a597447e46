// Bounds on a methodology's size, so that one from anywhere cannot make loading or checking a plan
// slow or memory-hungry; checked on the raw YAML values before the methodology is validated.

/** The largest methodology commready loads; the built-in one is far below each bound. */
export const METHODOLOGY_LIMITS = {
  /** Phase files one manifest may list. */
  phases: 100,
  /** Items across all phase files of one directory. */
  items: 5_000,
  /** Evidence rules one item may have. */
  rulesPerItem: 50,
  /** Evidence rules across the directory. */
  rules: 20_000,
  /** Bytes across the manifest and its phase files. */
  bytes: 20 * 1024 * 1024,
} as const;

export interface LimitProblem {
  /** Which file: 'manifest' or a phase id. */
  file: string;
  path: (string | number)[];
  message: string;
}

/** What is over a bound, given the raw manifest and phase values and the total size in bytes. */
export function methodologyLimitProblems(manifest: unknown, phases: ReadonlyMap<string, unknown>, bytes: number): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const L = METHODOLOGY_LIMITS;
  if (bytes > L.bytes)
    problems.push({ file: 'manifest', path: [], message: `the methodology's files hold ${bytes} bytes; at most ${L.bytes}` });
  const listed = (manifest as { phases?: unknown } | null)?.phases;
  if (Array.isArray(listed) && listed.length > L.phases) {
    problems.push({ file: 'manifest', path: ['phases'], message: `the methodology lists ${listed.length} phases; at most ${L.phases}` });
  }
  let items = 0;
  let rules = 0;
  for (const [phase, value] of phases) {
    const list = (value as { items?: unknown } | null)?.items;
    if (!Array.isArray(list)) continue;
    items += list.length;
    list.forEach((item: unknown, index) => {
      const evidence = (item as { evidence?: unknown } | null)?.evidence;
      if (!Array.isArray(evidence)) return;
      rules += evidence.length;
      if (evidence.length > L.rulesPerItem) {
        problems.push({
          file: phase,
          path: ['items', index, 'evidence'],
          message: `the item has ${evidence.length} evidence rules; at most ${L.rulesPerItem}`,
        });
      }
    });
  }
  if (items > L.items)
    problems.push({ file: 'manifest', path: ['phases'], message: `the methodology has ${items} items; at most ${L.items}` });
  if (rules > L.rules)
    problems.push({ file: 'manifest', path: ['phases'], message: `the methodology has ${rules} evidence rules; at most ${L.rules}` });
  return problems;
}
