// The screener: the methodology's own questions (questions.yaml `screener`), asked first. They fill
// `community.*` and decide the profile, the thresholds and what is skipped. The community types and
// formalities to choose from are the methodology's own profiles, with their titles and descriptions.
import type { Methodology } from '../methodology/types.js';
import type { FillSpec, QuestionSpec } from './question-model.js';

/** The screener for a methodology. */
export function screenerQuestions(m: Methodology): QuestionSpec[] {
  return m.screener.map((q) => ({ ...q, fills: q.fills.map((f) => withProfileChoices(f, m)) }));
}

function withProfileChoices(fill: FillSpec, m: Methodology): FillSpec {
  const profiles = fill.path === 'community.type' ? m.profiles : fill.path === 'community.formality' ? m.formalities : undefined;
  if (!profiles || profiles.length === 0) return fill;
  return {
    ...fill,
    value: { kind: 'one-choice', choices: profiles.map((p) => ({ value: p.id, name: p.title, description: p.description })) },
  };
}
