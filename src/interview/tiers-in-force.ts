// Pure: a question's tier for the plan in hand. It follows the severities the plan's profile (community
// type and formality) puts in force, and a question whose items the plan does not judge at all (n/a by
// the profile, the stage or a plan fact) has no tier: it is not asked.
import { findItem, type Methodology, type Severity } from '../methodology/types.js';
import type { PlanAssessment, StatusBasis } from '../scoring/types.js';
import type { QuestionSpec, QuestionTier } from './question-model.js';

/** Each item's severity in force for the plan, or null where the plan does not judge the item. */
export type SeveritiesInForce = ReadonlyMap<string, Severity | null>;

/** Whether an n/a on this basis means the plan does not judge the item (rather than the plan's own answer). */
const NOT_JUDGED = {
  evidence: false,
  answer: false,
  'evidence+answer': false,
  none: false,
  profile: true,
  stage: true,
  condition: true,
} satisfies Record<StatusBasis, boolean>;

/** Items named by a level gate are core whatever their severity: they decide levels. */
export function gateItems(m: Methodology): ReadonlySet<string> {
  return new Set(m.levels.flatMap((l) => l.gates.flatMap((g) => (g.kind === 'items-met' ? g.items : []))));
}

/** The tier of one item at a severity: core for a blocker or a gate item, otherwise its severity. */
export function tierOfItem(id: string, severity: Severity, gates: ReadonlySet<string>): QuestionTier {
  return severity === 'blocker' || gates.has(id) ? 'core' : severity;
}

const TIER_RANK = { core: 0, major: 1, minor: 2 } satisfies Record<QuestionTier, number>;

/** The higher of two tiers (core is the highest). */
export function higherTier(a: QuestionTier, b: QuestionTier): QuestionTier {
  return TIER_RANK[b] < TIER_RANK[a] ? b : a;
}

/** The severities in force as the plan's assessment resolved them (its profile, stage and facts). */
export function severitiesInForce(assessment: PlanAssessment): SeveritiesInForce {
  return new Map(assessment.items.map((r) => [r.itemId, r.status === 'n/a' && NOT_JUDGED[r.basis] ? null : r.severity]));
}

/**
 * The question's tier for the plan: the highest tier of the items it feeds that the plan judges, at their
 * severities in force; undefined when the plan judges none of them. A question that feeds no item keeps
 * its tier, and so does one whose methodology set a tier other than its items' own severities give.
 */
export function tierInForce(
  q: QuestionSpec,
  m: Methodology,
  gates: ReadonlySet<string>,
  inForce: SeveritiesInForce,
): QuestionTier | undefined {
  const items = q.feeds.flatMap((id) => {
    const item = findItem(m, id);
    return item ? [item] : [];
  });
  if (items.length === 0) return q.tier;
  const judged = items.flatMap((item) => {
    const severity = inForce.has(item.id) ? inForce.get(item.id) : item.severity;
    return severity ? [tierOfItem(item.id, severity, gates)] : [];
  });
  if (judged.length === 0) return undefined;
  // A tier the methodology wrote itself (questions.yaml `tier`) is kept; one derived from the items follows them.
  if (q.tier !== items.map((i) => tierOfItem(i.id, i.severity, gates)).reduce(higherTier)) return q.tier;
  return judged.reduce(higherTier);
}
