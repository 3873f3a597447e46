// Pure: what the plan's profile (community type and formality, and its own parameters, as the plan
// holds them now) changes in what the interview shows: placeholders filled with the profile's words and
// the thresholds in force, and the answers a `choice` rule accepts, from the profile's named lists,
// offered as the question's choices.
import { fillPlaceholders, paramTexts, type TextValues } from '../methodology/placeholders.js';
import { allItems, type Formality, type Methodology } from '../methodology/types.js';
import { resolveProfile } from '../scoring/resolve-profile.js';
import { choiceLabel, inProfileWords } from './plain-words.js';
import { valueAtPath, type ChoiceSpec, type FieldSpec, type QuestionSpec, type ValueSpec } from './question-model.js';

/** The profile's words, named lists and thresholds for the plan as it stands. */
export interface ProfileInForce {
  words: Readonly<Record<string, string>>;
  lists: Readonly<Record<string, readonly string[]>>;
  /** What fills the placeholders of what is shown: the words, and each threshold as the interview asks it (a share in %). */
  text: TextValues;
  /** The same with thresholds as the plan stores them (a share as 0-1): how the assessment wrote its rule messages. */
  stored: TextValues;
  /** The thresholds in force, as numbers. */
  params: Readonly<Record<string, number>>;
  /** The formality in force: written, or the type's default. */
  formality: Formality;
}

/**
 * The list each `choice` rule reads its answers from, by the plan path it reads, then by the record
 * field it reads there ('' for the value at the path itself).
 */
export type ChoiceLists = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The profile in force for plan data (the plan may not be valid yet: an unknown type is no type, a parameter that is not a number is not set). */
export function profileInForce(m: Methodology, data: unknown): ProfileInForce {
  const type = valueAtPath(data, 'community.type');
  const formality = valueAtPath(data, 'community.formality');
  const {
    words,
    lists,
    params,
    formality: inForce,
  } = resolveProfile(m, {
    ...(typeof type === 'string' ? { type } : {}),
    ...(m.formalities.some((f) => f.id === formality) ? { formality: formality as Formality } : {}),
    params: planParams(valueAtPath(data, 'params')),
  });
  return {
    words,
    lists,
    text: { words, params: paramTexts(m.params, params, 'prose') },
    stored: { words, params: paramTexts(m.params, params, 'stored') },
    params,
    formality: inForce,
  };
}

function planParams(raw: unknown): Record<string, number> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
}

/** Every `choice` rule's list, by the path and field it reads. */
export function choiceListsOf(m: Methodology): ChoiceLists {
  const byPath = new Map<string, Map<string, string>>();
  for (const item of allItems(m)) {
    for (const rule of item.evidence) {
      if (rule.kind !== 'choice') continue;
      const byField = byPath.get(rule.path) ?? new Map<string, string>();
      if (!byField.has(rule.field ?? '')) byField.set(rule.field ?? '', rule.list);
      byPath.set(rule.path, byField);
    }
  }
  return byPath;
}

/**
 * The question as the profile in force shows it: its texts in the profile's words, and where a `choice`
 * rule reads what it fills, the choices of that rule's list in force (one, or several for a list).
 */
export function questionInForce(q: QuestionSpec, profile: ProfileInForce, choiceLists: ChoiceLists): QuestionSpec {
  const words = (text: string): string => fillPlaceholders(text, profile.text);
  const choicesOf = (path: string, field: string): ChoiceSpec[] | undefined => {
    const list = choiceLists.get(path)?.get(field);
    return list === undefined ? undefined : profile.lists[list]?.map((value) => ({ value, name: choiceLabel(value) }));
  };
  const valueInForce = (spec: ValueSpec, path: string, field: string): ValueSpec => {
    const listed = choicesOf(path, field);
    if (listed && spec.kind !== 'records') {
      const several = spec.kind === 'several-choices' || spec.kind === 'text-list';
      return { kind: several ? 'several-choices' : 'one-choice', choices: listed };
    }
    switch (spec.kind) {
      case 'one-choice':
      case 'several-choices':
        return { ...spec, choices: spec.choices.map((c) => worded(c, words)) };
      case 'records':
        return {
          ...spec,
          fields: spec.fields.map((f): FieldSpec => ({
            ...f,
            message: words(f.message),
            // A rule reads a field of the list's records; a nested list is read at its own path.
            value: f.value.kind === 'records' ? valueInForce(f.value, `${path}.${f.key}`, '') : valueInForce(f.value, path, f.key),
          })),
        };
      case 'person':
        // The role a new name joins the roster with, in the profile's words (a volunteer group's organiser).
        return spec.role ? { ...spec, role: inProfileWords(spec.role, profile.words) } : spec;
      default:
        return spec;
    }
  };
  return {
    ...q,
    message: words(q.message),
    ...(q.help !== undefined ? { help: words(q.help) } : {}),
    fills: q.fills.map((f) => ({
      ...f,
      ...(f.message !== undefined ? { message: words(f.message) } : {}),
      value: valueInForce(f.value, f.path, ''),
    })),
  };
}

function worded(choice: ChoiceSpec, words: (text: string) => string): ChoiceSpec {
  return { ...choice, name: words(choice.name), ...(choice.description !== undefined ? { description: words(choice.description) } : {}) };
}
