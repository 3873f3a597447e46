// Pure: what the plan's profile (community type and formality, as the plan holds them now) changes in
// what the interview shows: `{word:…}` placeholders in the profile's words.
import { interpolateWords } from '../methodology/evidence-schema.js';
import type { Formality, Methodology } from '../methodology/types.js';
import { resolveProfile } from '../scoring/resolve-profile.js';
import { valueAtPath, type ChoiceSpec, type FieldSpec, type QuestionSpec, type ValueSpec } from './question-model.js';

/** The profile's words for the plan as it stands. */
export interface ProfileInForce {
  words: Readonly<Record<string, string>>;
}

/** The profile in force for plan data (the plan may not be valid yet: an unknown type is no type). */
export function profileInForce(m: Methodology, data: unknown): ProfileInForce {
  const type = valueAtPath(data, 'community.type');
  const formality = valueAtPath(data, 'community.formality');
  const { words } = resolveProfile(m, {
    ...(typeof type === 'string' ? { type } : {}),
    ...(m.formalities.some((f) => f.id === formality) ? { formality: formality as Formality } : {}),
    // Parameters change thresholds, not words.
    params: {},
  });
  return { words };
}

/** The question as the profile in force shows it: its texts in the profile's words. */
export function questionInForce(q: QuestionSpec, profile: ProfileInForce): QuestionSpec {
  const words = (text: string): string => interpolateWords(text, profile.words);
  const valueInForce = (spec: ValueSpec): ValueSpec => {
    switch (spec.kind) {
      case 'one-choice':
      case 'several-choices':
        return { ...spec, choices: spec.choices.map((c) => worded(c, words)) };
      case 'records':
        return { ...spec, fields: spec.fields.map((f): FieldSpec => ({ ...f, message: words(f.message), value: valueInForce(f.value) })) };
      default:
        return spec;
    }
  };
  return {
    ...q,
    message: words(q.message),
    ...(q.help !== undefined ? { help: words(q.help) } : {}),
    fills: q.fills.map((f) => ({ ...f, ...(f.message !== undefined ? { message: words(f.message) } : {}), value: valueInForce(f.value) })),
  };
}

function worded(choice: ChoiceSpec, words: (text: string) => string): ChoiceSpec {
  return { ...choice, name: words(choice.name), ...(choice.description !== undefined ? { description: words(choice.description) } : {}) };
}
