// Pure: the interview's questions from the methodology: each item's own `question`, then the
// methodology's first-class questions (questions.yaml) for every other path its rules read. Two items
// that fill the same path share one question.
import type { Item, Methodology, QuestionField } from '../methodology/types.js';
import {
  pathSegments,
  ratingPath,
  withoutStatedScale,
  type ChoiceSpec,
  type FieldSpec,
  type QuestionSpec,
  type ValueSpec,
} from './question-model.js';
import { withPersonKinds } from './person-fields.js';
import { estimateSeconds, type ValueKind } from '../methodology/question-types.js';
import { deriveValue, kindOf, type SpecOf } from './value-kinds/index.js';
import { askableNode, planSchemaChoicesAt, planSchemaNodeAt } from '../methodology/plan-schema-paths.js';
import { valueFromSchema } from '../methodology/value-from-schema.js';
import { gateItems, higherTier, tierOfItem } from './tiers-in-force.js';

function choicesFromSchema(planSchema: unknown, segments: readonly string[]): ChoiceSpec[] | undefined {
  return planSchemaChoicesAt(planSchema as Record<string, unknown>, segments)?.map((value) => ({ value, name: String(value) }));
}

/**
 * Choices shown with labels, never as the file stores them: each kind labels its own (a choice named by
 * its bare value gets the value in words and the meaning the field's description gives it).
 */
function labelled(spec: ValueSpec, planSchema: Record<string, unknown>, segments: readonly string[]): ValueSpec {
  const nested = (inner: ValueSpec, at: readonly string[]): ValueSpec => labelled(inner, planSchema, at);
  return kindOf(spec).labelled(spec as SpecOf<ValueKind>, { planSchema, segments, nested });
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

function fieldSpec(field: QuestionField, planSchema: unknown, listPath: readonly string[], pointNeeds: readonly string[] = []): FieldSpec {
  const schemaChoices = choicesFromSchema(planSchema, [...listPath, '*', field.key]);
  // A person (or several) where the methodology says so; else the plan schema's own kind for a field that
  // holds a list; otherwise the kind the methodology names.
  const list = listFieldSpec(planSchema, listPath, field.key);
  const value: ValueSpec =
    field.kind === 'person'
      ? { kind: 'person', ...(list ? { several: true } : {}) }
      : (list ?? deriveValue({ question: field.kind ?? 'text', field: true, key: field.key, ...(schemaChoices ? { schemaChoices } : {}) }));
  // A field the plan format requires in every entry is asked until given: an entry without it would make
  // the plan invalid, and the list could not be saved. The others may be left out (the feedback says
  // which the point needs). A field the point's own rule requires in every entry (a goal's target) is
  // marked, so that leaving it empty is said, not silently taken: the entry could not meet the point.
  const entry = planSchemaNodeAt(planSchema as Record<string, unknown>, [...listPath, '*']);
  const required = entry ? askableNode(planSchema as Record<string, unknown>, entry).required : undefined;
  const needed = Array.isArray(required) && required.includes(field.key);
  return {
    key: field.key,
    message: field.message,
    value,
    ...(needed ? {} : { optional: true }),
    ...(!needed && pointNeeds.includes(field.key) ? { pointNeeds: true } : {}),
  };
}

/** The fields the item's own rules require in every entry of the list its question fills (`items.required`). */
function entryNeeds(item: Item): string[] {
  return item.evidence.flatMap((e) => {
    if (e.path !== item.question.fills || !('schema' in e)) return [];
    const items = (e.schema as { items?: { required?: unknown } } | undefined)?.items;
    return Array.isArray(items?.required) ? items.required.filter((k): k is string => typeof k === 'string') : [];
  });
}

/** The kind an item's question is asked as, from its methodology kind and the plan schema and rule at its path. */
function valueSpec(item: Item, planSchema: unknown): ValueSpec {
  const q = item.question;
  const segments = q.fills.split('.');
  const found = item.evidence.find((e) => e.path === q.fills);
  const rule = (found && 'schema' in found ? found.schema : undefined) as Record<string, unknown> | undefined;
  const schemaChoices = choicesFromSchema(planSchema, segments);
  const fields = q.fields;
  return deriveValue({
    question: q.kind,
    field: false,
    key: segments.at(-1) ?? '',
    ...(schemaChoices ? { schemaChoices } : {}),
    ...(rule ? { rule } : {}),
    ...(q.choices ? { choices: q.choices } : {}),
    ...(item.rating ? { rating: item.rating } : {}),
    ...(fields && fields.length > 0 ? { fields: () => fields.map((f) => fieldSpec(f, planSchema, segments, entryNeeds(item))) } : {}),
  });
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
      const path = q.kind === 'rating' ? ratingPath(item.id) : q.fills;
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
        message: kindOf(value).ownScale ? withoutStatedScale(q.message) : q.message,
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
