// Pure: what the choice kinds share: choices shown with labels, never as the file stores them, and
// each choice's line on the screen.
import type { ChoiceSpec } from '../../methodology/question-types.js';
import { planSchemaNodeAt } from '../../methodology/plan-schema-paths.js';
import { choiceLabel, describedValues } from '../plain-words.js';
import { safeText } from '../safe-text.js';
import type { LabelContext } from './value-kind.js';

/** A rating: whether the point is in place, as the user would say it. */
export const RATING_LABELS = { met: 'Yes', partial: 'Partly', unmet: 'No' } as const;

function isRating(value: unknown): value is keyof typeof RATING_LABELS {
  return value === 'met' || value === 'partial' || value === 'unmet';
}

/**
 * Choices shown with labels: a choice named by its bare value gets the value in words ("Sponsor
 * branded") and the meaning the field's description gives it. `several` choices are read at the
 * list's items.
 */
export function labelChoices(choices: readonly ChoiceSpec[], at: LabelContext, several: boolean): ChoiceSpec[] {
  if (at.segments[0] === 'assessment')
    return choices.map((c) => (c.name === String(c.value) && isRating(c.value) ? { ...c, name: RATING_LABELS[c.value] } : c));
  const node = planSchemaNodeAt(at.planSchema, several ? [...at.segments, '*'] : at.segments);
  const field = planSchemaNodeAt(at.planSchema, at.segments);
  const description = [node, field].map((n) => (n && typeof n.description === 'string' ? n.description : '')).join(' ');
  const meanings = describedValues(
    description,
    choices.map((c) => c.value),
  );
  return choices.map((c) => {
    if (c.name !== String(c.value)) return c;
    const meaning = typeof c.value === 'string' ? meanings.get(c.value) : undefined;
    return { ...c, name: choiceLabel(c.value), ...(c.description === undefined && meaning ? { description: meaning } : {}) };
  });
}

/** Each choice as the screen shows it, with what it means. */
export function choiceLines(choices: readonly ChoiceSpec[]): string[] {
  return choices.map((c) => `${safeText(c.name)}${c.description ? ` — ${safeText(c.description)}` : ''}`);
}

/** A methodology's choice as the interview holds it. */
export function toChoice(c: { value: string | number | boolean; name: string; description?: string }): ChoiceSpec {
  return { value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) };
}
