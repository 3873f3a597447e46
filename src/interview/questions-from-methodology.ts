// Pure: the interview's questions from the methodology: each item's own `question`, then the
// methodology's first-class questions (questions.yaml) for every other path its rules read. Two items
// that fill the same path share one question.
import type { Item, Methodology, QuestionField } from '../methodology/types.js';
import { pathSegments, withoutStatedScale, type ChoiceSpec, type FieldSpec, type QuestionSpec, type ValueSpec } from './question-model.js';
import { withPersonKinds } from './person-fields.js';
import { choiceLabel, describedValues } from './plain-words.js';
import { estimateSeconds } from '../methodology/question-types.js';
import { askableNode, planSchemaChoicesAt, planSchemaNodeAt } from '../methodology/plan-schema-paths.js';
import { valueFromSchema } from '../methodology/value-from-schema.js';
import { gateItems, higherTier, tierOfItem } from './tiers-in-force.js';

function choicesFromSchema(planSchema: unknown, segments: readonly string[]): ChoiceSpec[] | undefined {
  return planSchemaChoicesAt(planSchema as Record<string, unknown>, segments)?.map((value) => ({ value, name: String(value) }));
}

/**
 * Choices shown with labels, never as the file stores them: a choice named by its bare value gets the
 * value in words ("Sponsor branded") and the meaning the field's description gives it.
 */
function labelled(spec: ValueSpec, planSchema: Record<string, unknown>, segments: readonly string[]): ValueSpec {
  if (spec.kind === 'records')
    return { ...spec, fields: spec.fields.map((f) => ({ ...f, value: labelled(f.value, planSchema, [...segments, '*', f.key]) })) };
  if (spec.kind !== 'one-choice' && spec.kind !== 'several-choices') return spec;
  // A rating: whether the point is in place, as the user would say it.
  if (segments[0] === 'assessment')
    return {
      ...spec,
      choices: spec.choices.map((c) => (c.name === String(c.value) && isRating(c.value) ? { ...c, name: RATING_LABELS[c.value] } : c)),
    };
  const node = planSchemaNodeAt(planSchema, spec.kind === 'several-choices' ? [...segments, '*'] : segments);
  const field = planSchemaNodeAt(planSchema, segments);
  const description = [node, field].map((n) => (n && typeof n.description === 'string' ? n.description : '')).join(' ');
  const meanings = describedValues(
    description,
    spec.choices.map((c) => c.value),
  );
  return {
    ...spec,
    choices: spec.choices.map((c) => {
      if (c.name !== String(c.value)) return c;
      const meaning = typeof c.value === 'string' ? meanings.get(c.value) : undefined;
      return { ...c, name: choiceLabel(c.value), ...(c.description === undefined && meaning ? { description: meaning } : {}) };
    }),
  };
}

const RATING_LABELS = { met: 'Yes', partial: 'Partly', unmet: 'No' } as const;
function isRating(value: unknown): value is keyof typeof RATING_LABELS {
  return value === 'met' || value === 'partial' || value === 'unmet';
}

/** A question as the interview asks it: names asked from the roster, choices with labels. */
function finished(q: QuestionSpec, m: Methodology, planSchema: Record<string, unknown>): QuestionSpec {
  const asked = withPersonKinds(q, m);
  return { ...asked, fills: asked.fills.map((f) => ({ ...f, value: labelled(f.value, planSchema, pathSegments(f.path)) })) };
}

/** The plan schema's own kind for a record field that holds a list (names, or records): nested lists included. */
function listFieldSpec(planSchema: unknown, listPath: readonly string[], key: string): ValueSpec | undefined {
  const schema = planSchema as Record<string, unknown>;
  const node = planSchemaNodeAt(schema, [...listPath, '*', key]);
  if (!node || askableNode(schema, node).type !== 'array') return undefined;
  const derived = valueFromSchema(schema, node);
  return 'problem' in derived ? undefined : derived;
}

function fieldSpec(field: QuestionField, planSchema: unknown, listPath: readonly string[]): FieldSpec {
  const choices = choicesFromSchema(planSchema, [...listPath, '*', field.key]);
  const list = listFieldSpec(planSchema, listPath, field.key);
  let value: ValueSpec;
  if (list) value = list;
  else if (choices) value = { kind: 'one-choice', choices };
  else if (field.kind === 'number') value = { kind: 'number' };
  else if (field.kind === 'date') value = { kind: 'date' };
  else if (field.kind === 'url') value = { kind: 'short-text', format: 'url' };
  else if (field.kind === 'confirm') value = { kind: 'yes-no' };
  else value = { kind: 'short-text' };
  // A field the plan format requires in every entry is asked until given: an entry without it would make
  // the plan invalid, and the list could not be saved. The others may be left out (the feedback says
  // which the point needs).
  const entry = planSchemaNodeAt(planSchema as Record<string, unknown>, [...listPath, '*']);
  const required = entry ? askableNode(planSchema as Record<string, unknown>, entry).required : undefined;
  return {
    key: field.key,
    message: field.message,
    value,
    ...(Array.isArray(required) && required.includes(field.key) ? {} : { optional: true }),
  };
}

function valueSpec(item: Item, planSchema: unknown): ValueSpec {
  const q = item.question;
  const segments = q.fills.split('.');
  const found = item.evidence.find((e) => e.path === q.fills);
  const rule = (found && 'schema' in found ? found.schema : undefined) as Record<string, unknown> | undefined;
  const schemaChoices = choicesFromSchema(planSchema, segments);
  switch (q.kind) {
    case 'text': {
      if (schemaChoices) return { kind: 'one-choice', choices: schemaChoices };
      const minLength = typeof rule?.minLength === 'number' ? rule.minLength : 0;
      return minLength >= 60 ? { kind: 'long-text' } : { kind: 'short-text' };
    }
    case 'url':
      return { kind: 'short-text', format: 'url' };
    case 'number':
      return rule?.maximum === 1 || /(^|_)share$/.test(segments.at(-1) ?? '')
        ? { kind: 'percentage' }
        : { kind: 'number', minimum: 0, ...(rule?.type === 'integer' ? { integer: true } : {}) };
    case 'confirm':
      return { kind: 'yes-no' };
    case 'date':
      return { kind: 'date' };
    case 'select':
      return { kind: 'one-choice', choices: (q.choices ?? []).map(toChoice) };
    case 'checkbox':
      return { kind: 'several-choices', choices: (q.choices ?? []).map(toChoice) };
    case 'list':
      return q.fields && q.fields.length > 0
        ? { kind: 'records', fields: q.fields.map((f) => fieldSpec(f, planSchema, segments)) }
        : { kind: 'text-list' };
    case 'rating':
      return {
        kind: 'one-choice',
        choices: (['met', 'partial', 'unmet'] as const).map((status) => ({
          value: status,
          name: RATING_LABELS[status],
          ...(item.rating ? { description: item.rating[status] } : {}),
        })),
      };
  }
}

function toChoice(c: { value: string | number | boolean; name: string; description?: string }): ChoiceSpec {
  return { value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) };
}

/**
 * One question per plan path filled by the methodology's items, in phase order. Tiers follow the items'
 * own severities; the interview puts the plan's profile in force (tiers-in-force.ts). Items a community
 * type makes n/a are not asked of that type (a `when` on `community.type`).
 */
export function questionsFromMethodology(m: Methodology, planSchema: unknown): QuestionSpec[] {
  const gates = gateItems(m);
  const byPath = new Map<string, QuestionSpec>();
  const out: QuestionSpec[] = [];
  for (const phase of m.phases) {
    for (const item of phase.items) {
      const q = item.question;
      const path = q.kind === 'rating' ? `assessment.${item.id}.status` : q.fills;
      const existing = byPath.get(path);
      if (existing) {
        // Shared path: one question feeds both items, at the higher of their tiers.
        existing.feeds = [...existing.feeds, item.id];
        existing.tier = higherTier(existing.tier, tierOfItem(item.id, item.severity, gates));
        existing.when = naCondition(m, existing.feeds);
        continue;
      }
      const value = valueSpec(item, planSchema);
      const question: Mutable<QuestionSpec> = {
        id: item.id,
        // A percentage is entered 0-100 whatever today's wording says about its stored 0-1 form.
        message: value.kind === 'percentage' ? withoutStatedScale(q.message) : q.message,
        ...(q.help ? { help: q.help } : {}),
        fills: [{ path, value }],
        feeds: [item.id],
        tier: tierOfItem(item.id, item.severity, gates),
        seconds: estimateSeconds(value),
        phaseId: phase.id,
      };
      const when = naCondition(m, [item.id]);
      if (when) question.when = when;
      byPath.set(path, question);
      out.push(question);
    }
    // The methodology's own questions for this phase, for the paths no item question asks.
    for (const extra of m.questions.filter((x) => x.phaseId === phase.id)) {
      const fills = extra.fills.filter((f) => !byPath.has(f.path));
      if (fills.length === 0) continue;
      const question: Mutable<QuestionSpec> = { ...extra, fills };
      const when = combine(extra.when, naCondition(m, extra.feeds));
      if (when) question.when = when;
      for (const f of fills) byPath.set(f.path, question);
      out.push(question);
    }
  }
  return out.map((q) => finished(q, m, planSchema as Record<string, unknown>));
}

function combine(a: QuestionSpec['when'], b: QuestionSpec['when']): QuestionSpec['when'] {
  if (!a) return b;
  if (!b) return a;
  return { all: [a, b] };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Asked unless the community's type makes every fed item n/a. */
function naCondition(m: Methodology, itemIds: readonly string[]): QuestionSpec['when'] {
  if (itemIds.length === 0) return undefined;
  const types = m.profiles.filter((p) => itemIds.every((id) => p.notApplicable.some((n) => n.item === id))).map((p) => p.id);
  return types.length > 0 ? { not: { path: 'community.type', in: types } } : undefined;
}
