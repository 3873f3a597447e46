// Pure: builds and checks the interview questions of a methodology (questions.yaml): known phases,
// items and plan fields, fixed-choice fields asked as choices, conditions on known fields, and every
// evidence path filled by some question.
import type { Diagnostic } from '../errors.js';
import type { DataPath, YamlSource } from '../source/yaml-source.js';
import type { Validation } from '../validation/schema-validation.js';
import { ajvErrorsToDiagnostics } from '../validation/schema-validation.js';
import { didYouMean } from '../text/closest-matches.js';
import { planSchemaHasPath, planSchemaNodeAt, planSchemaShapesAt, askableNode, personFields } from './plan-schema-paths.js';
import { kindOfValue, kindsAccepted, kindsOfPlanNode, type ValueKind as Kind } from './unsatisfiable-schema.js';
import { ruleEvidenceSchema } from './rule-kinds/index.js';
import {
  conditionPaths,
  estimateSeconds,
  type Condition,
  type FillSpec,
  type QuestionSpec,
  type QuestionTier,
  type ValueSpec,
} from './question-types.js';
import { valueFromSchema } from './value-from-schema.js';
import type { Choice, EvidenceRule, Item, Level, Methodology, Phase, QuestionField, QuestionKind } from './types.js';

type Report = (source: YamlSource, path: DataPath, message: string) => void;

interface RawFill {
  path: string;
  value?: ValueSpec;
  message?: string;
}

interface RawQuestion {
  id: string;
  phase?: string;
  message: string;
  help?: string;
  fills: (string | RawFill)[];
  feeds?: string[];
  when?: RawCondition;
  tier?: QuestionTier;
  seconds?: number;
  required?: boolean;
}

type RawCondition = Condition | { path: string; at_least: number };

export interface QuestionContext {
  planSchema: Record<string, unknown>;
  phaseIds: readonly string[];
  knownIds: ReadonlySet<string>;
  items: readonly Item[];
  levels: readonly Level[];
  /** The community types (profile ids): what community.type may hold, which the plan schema leaves open. */
  types: readonly string[];
  /** Rules refused already: a question is not compared with them, which would repeat their fault. */
  refusedRules: WeakSet<EvidenceRule>;
}

const FREE_TEXT: ReadonlySet<ValueSpec['kind']> = new Set(['short-text', 'long-text', 'text-list']);

export function buildQuestions(
  source: YamlSource | undefined,
  base: Methodology | undefined,
  context: QuestionContext,
  validation: Validation,
  at: Report,
  push: (d: Diagnostic) => void,
): { screener: QuestionSpec[]; questions: QuestionSpec[] } {
  const screener = [...(base?.screener ?? [])];
  const questions = [...(base?.questions ?? [])];
  if (!source) return { screener, questions };
  if (!validation.questions(source.value)) {
    for (const d of ajvErrorsToDiagnostics(validation.questions.errors, source)) push(d);
    return { screener, questions };
  }
  const raw = (source.value ?? {}) as { screener?: RawQuestion[]; questions?: RawQuestion[] };
  const seen = new Set([...screener, ...questions].map((q) => q.id));
  const gateItems = new Set(context.levels.flatMap((l) => l.gates.flatMap((g) => (g.kind === 'items-met' ? g.items : []))));
  for (const section of ['screener', 'questions'] as const) {
    (raw[section] ?? []).forEach((q, index) => {
      const where: DataPath = [section, index];
      if (seen.has(q.id)) at(source, [...where, 'id'], `duplicate question id '${q.id}'`);
      seen.add(q.id);
      let phaseId = 'screener';
      if (section === 'questions') {
        if (!q.phase) at(source, [...where, 'id'], `question '${q.id}' needs the phase it is asked in`);
        else if (!context.phaseIds.includes(q.phase))
          at(source, [...where, 'phase'], `unknown phase '${q.phase}'${didYouMean(q.phase, context.phaseIds)}`);
        phaseId = q.phase ?? 'screener';
      }
      const feeds = q.feeds ?? [];
      feeds.forEach((id, fi) => {
        if (!context.knownIds.has(id)) at(source, [...where, 'feeds', fi], `unknown item '${id}'${didYouMean(id, [...context.knownIds])}`);
      });
      const fills: FillSpec[] = [];
      q.fills.forEach((entry, fi) => {
        const fill = typeof entry === 'string' ? { path: entry } : entry;
        const fillWhere: DataPath = typeof entry === 'string' ? [...where, 'fills', fi] : [...where, 'fills', fi, 'path'];
        const value = fillValue(fill, context.planSchema, (message) => at(source, fillWhere, message));
        if (value) fills.push({ path: fill.path, value, ...(fill.message ? { message: fill.message } : {}) });
        const mismatch = value && kindMismatch(fill.path, { kind: value.kind, stored: kindsStored(value) }, context);
        if (mismatch) at(source, typeof entry === 'string' ? fillWhere : [...where, 'fills', fi, 'value', 'kind'], mismatch);
        if (value && typeof entry !== 'string')
          for (const { index: ci, value: choice, known } of choicesNeverHeld(fill.path, value, context))
            at(
              source,
              [...where, 'fills', fi, 'value', 'choices', ci, 'value'],
              `'${fill.path}' never holds the choice ${JSON.stringify(choice)}${typeof choice === 'string' ? didYouMean(choice, known) : ''}: an answer of it would make the plan invalid`,
            );
      });
      for (const path of conditionPaths(toCondition(q.when))) {
        if (!planSchemaHasPath(context.planSchema, path.split('.')))
          at(source, [...where, 'when'], `condition on '${path}', which is not a field of the plan schema`);
      }
      const fed = context.items.filter((i) => feeds.includes(i.id));
      const tier: QuestionTier =
        q.tier ??
        (fed.some((i) => i.severity === 'blocker' || gateItems.has(i.id)) || section === 'screener'
          ? 'core'
          : fed.some((i) => i.severity === 'major')
            ? 'major'
            : 'minor');
      const when = toCondition(q.when);
      const spec: QuestionSpec = {
        id: q.id,
        ...(q.required ? { required: true } : {}),
        message: q.message,
        ...(q.help ? { help: q.help } : {}),
        fills,
        feeds,
        ...(when ? { when } : {}),
        tier,
        seconds: q.seconds ?? fills.reduce((sum, f) => sum + estimateSeconds(f.value), 0),
        phaseId,
      };
      (section === 'screener' ? screener : questions).push(spec);
    });
  }
  return { screener, questions };
}

/** The answer kind of a fill: as written (checked against the plan field) or read from the plan schema. */
function fillValue(fill: RawFill, planSchema: Record<string, unknown>, problem: (message: string) => void): ValueSpec | undefined {
  const segments = fill.path.split('.');
  if (segments[0] === 'assessment')
    return fill.value ?? { kind: 'one-choice', choices: ['met', 'partial', 'unmet'].map((v) => ({ value: v, name: v })) };
  const node = planSchemaNodeAt(planSchema, segments);
  if (!node) {
    problem(`'${fill.path}' is not a field of the plan schema`);
    return undefined;
  }
  const derived = valueFromSchema(planSchema, node);
  if ('problem' in derived) {
    if (!fill.value) {
      problem(
        `'${fill.path}' cannot be asked: ${Object.keys(node).length === 0 ? 'its kind of answer is not in the plan schema: give it (value: { kind: … })' : derived.problem}`,
      );
      return undefined;
    }
    return fill.value;
  }
  if (!fill.value) return derived;
  const choicesProblem = freeTextForChoice(fill.value, planSchema, node);
  if (choicesProblem) problem(`'${fill.path}' ${choicesProblem}`);
  return fill.value;
}

/** The kinds of JSON value an answer of each value kind is stored as (a choice: its values' kinds). */
function kindsStored(value: ValueSpec): Set<Kind> {
  switch (value.kind) {
    case 'short-text':
    case 'long-text':
    case 'date':
      return new Set(['string']);
    case 'number':
    case 'percentage':
      return new Set(['number']);
    case 'yes-no':
      return new Set(['boolean']);
    case 'one-choice':
      return new Set(value.choices.map((c) => kindOfValue(c.value)));
    case 'person':
      return new Set([value.several === true ? 'array' : 'string']);
    case 'several-choices':
    case 'text-list':
    case 'records':
      return new Set(['array']);
  }
}

/** A kind of answer as the methodology names it, and the kinds of JSON value it is stored as. */
interface AskedKind {
  kind: string;
  stored: ReadonlySet<Kind>;
}

/**
 * Why no answer of the kind a question asks for could be stored at its field or meet a rule that reads
 * it (a number for a text, yes-no for a list), or undefined. The plan schema's kinds and each schema
 * rule's at the same path are compared with what the answer is stored as.
 */
function kindMismatch(path: string, asked: AskedKind, context: QuestionContext): string | undefined {
  if (path.startsWith('assessment')) return undefined;
  const { stored } = asked;
  const overlaps = (kinds: ReadonlySet<Kind> | undefined): boolean => kinds === undefined || [...stored].some((k) => kinds.has(k));
  const shapes = planSchemaShapesAt(context.planSchema, path.split('.'));
  const planKinds = shapes && kindsOfPlanNode(shapes.node, shapes.alternatives);
  if (!overlaps(planKinds))
    return `'${path}' holds ${[...planKinds!].join(' or ')}, but a ${asked.kind} answer is stored as ${[...stored].join(' or ')}: ask for a kind of value the field holds`;
  for (const item of context.items)
    for (const rule of item.evidence) {
      const evidence =
        rule.kind === 'schema' && rule.path === path && !context.refusedRules.has(rule) ? ruleEvidenceSchema(rule) : undefined;
      const accepted = evidence && kindsAccepted(evidence.schema);
      // A rule that accepts nothing the plan field holds is refused already, as no plan can meet it.
      const refused = accepted !== undefined && planKinds !== undefined && ![...accepted].some((k) => planKinds.has(k));
      if (accepted !== undefined && !refused && !overlaps(accepted))
        return `a ${asked.kind} answer is stored as ${[...stored].join(' or ')}, which the rule of '${item.id}' on '${path}' never accepts: ask for a kind of value it judges`;
    }
  return undefined;
}

/**
 * The choices a question offers that its field can never hold: a community type no profile has, or a value
 * outside a fixed-choice field's own (for several choices, its entries'), with the values it does hold.
 */
function choicesNeverHeld(
  path: string,
  value: ValueSpec,
  context: QuestionContext,
): { index: number; value: string | number | boolean; known: string[] }[] {
  if (value.kind !== 'one-choice' && value.kind !== 'several-choices') return [];
  let known: readonly unknown[] | undefined;
  if (path === 'community.type') known = context.types;
  else {
    const node = planSchemaNodeAt(context.planSchema, path.split('.'));
    const n = node && askableNode(context.planSchema, node);
    const held = n && (value.kind === 'several-choices' ? askableNode(context.planSchema, (n.items as Record<string, unknown>) ?? {}) : n);
    if (held && Array.isArray(held.enum)) known = held.enum;
  }
  if (!known) return [];
  const names = known.filter((k): k is string => typeof k === 'string');
  return value.choices.flatMap((c, index) => (known.includes(c.value) ? [] : [{ index, value: c.value, known: names }]));
}

/** Why a value spec asks a fixed-choice field as free text, or undefined. */
function freeTextForChoice(value: ValueSpec, planSchema: Record<string, unknown>, node: Record<string, unknown>): string | undefined {
  const n = askableNode(planSchema, node);
  const choices = Array.isArray(n.enum)
    ? n.enum
    : Array.isArray((askableNode(planSchema, (n.items as Record<string, unknown>) ?? {}) as { enum?: unknown }).enum)
      ? []
      : undefined;
  if (choices && FREE_TEXT.has(value.kind)) return 'is a fixed-choice field, asked as free text: ask it as one-choice or several-choices';
  if (value.kind === 'records' && n.type === 'array') {
    const item = askableNode(planSchema, (n.items as Record<string, unknown>) ?? {});
    const props = (item.properties as Record<string, Record<string, unknown>> | undefined) ?? {};
    for (const field of value.fields) {
      const child = props[field.key];
      if (!child) return `has no field '${field.key}' in its entries`;
      const inner = freeTextForChoice(field.value, planSchema, child);
      if (inner) return `field '${field.key}' ${inner}`;
    }
  }
  return undefined;
}

function toCondition(raw: RawCondition | undefined): Condition | undefined {
  if (!raw) return undefined;
  if ('all' in raw) return { all: raw.all.map((c) => toCondition(c)!) };
  if ('any' in raw) return { any: raw.any.map((c) => toCondition(c)!) };
  if ('not' in raw) return { not: toCondition(raw.not)! };
  if ('at_least' in raw) return { path: raw.path, atLeast: raw.at_least };
  return raw;
}

/**
 * Every evidence path is filled by some question (an item's own, or one of questions.yaml), and an
 * item's own question never asks a fixed-choice field as free text.
 */
export function checkQuestionCoverage(
  phases: readonly Phase[],
  rawPhases: readonly { raw: { items: { id: string }[] }; source: YamlSource }[],
  questions: readonly QuestionSpec[],
  context: QuestionContext,
  at: Report,
): void {
  const filled = new Set(questions.flatMap((q) => q.fills.map((f) => f.path)));
  for (const phase of phases) for (const item of phase.items) filled.add(item.question.fills);
  for (const { raw, source } of rawPhases) {
    raw.items.forEach((rawItem, index) => {
      const item = phases.flatMap((p) => p.items).find((i) => i.id === rawItem.id);
      if (!item) return;
      item.evidence.forEach((rule, ri) => {
        if (!filled.has(rule.path))
          at(
            source,
            ['items', index, 'evidence', ri, 'path'],
            `evidence path '${rule.path}' is filled by no interview question (add one to questions.yaml)`,
          );
      });
      const q = item.question;
      if (q.fills === 'assessment') return;
      const node = planSchemaNodeAt(context.planSchema, q.fills.split('.'));
      if (!node) return;
      const n = askableNode(context.planSchema, node);
      if (Array.isArray(n.enum) && (q.kind === 'text' || q.kind === 'list')) {
        at(
          source,
          ['items', index, 'question', 'kind'],
          `question of '${item.id}' asks the fixed-choice field '${q.fills}' as free text: use kind select with its choices`,
        );
      }
      checkItemQuestionKinds(item, { source, where: ['items', index, 'question'] }, context, at);
      if (q.kind === 'list' && q.fields && n.type === 'array') {
        const entry = askableNode(context.planSchema, (n.items as Record<string, unknown>) ?? {});
        const props = (entry.properties as Record<string, Record<string, unknown>> | undefined) ?? {};
        q.fields.forEach((field, fi) => {
          const child = props[field.key] && askableNode(context.planSchema, props[field.key]!);
          if (child && Array.isArray(child.enum) && (field.kind === undefined || field.kind === 'text')) {
            at(
              source,
              ['items', index, 'question', 'fields', fi, 'key'],
              `question of '${item.id}' asks the fixed-choice field '${field.key}' as free text: give the field kind select`,
            );
          }
        });
      }
    });
  }
}

/**
 * An item's question and its list fields ask for a kind of value its plan field holds, and that the
 * item's rules there accept (as questions.yaml is checked): a number for a text field would write a plan
 * the schema refuses. Where the interview asks as the plan schema says (fixed choices, a field holding a
 * list, a person's name), the methodology's kind is not what is stored, and is not checked here.
 */
function checkItemQuestionKinds(item: Item, placed: { source: YamlSource; where: DataPath }, context: QuestionContext, at: Report): void {
  const q = item.question;
  const { source, where } = placed;
  const segments = q.fills.split('.');
  const askedAsSchemaSays = (path: readonly string[], isField: boolean): boolean => {
    const node = planSchemaNodeAt(context.planSchema, [...path]);
    if (!node || namesPerson(context.planSchema, path)) return true;
    const n = askableNode(context.planSchema, node);
    // A list field with fixed choices is offered them whatever its kind; so is a text question.
    if (Array.isArray(n.enum)) return isField || q.kind === 'text' || q.kind === 'list';
    return isField && n.type === 'array';
  };
  const stored = answerKinds(q.kind, q.choices);
  if (stored && !askedAsSchemaSays(segments, false)) {
    const mismatch = kindMismatch(q.fills, { kind: q.kind, stored }, context);
    if (mismatch) at(source, [...where, 'kind'], `question of '${item.id}': ${mismatch}`);
  }
  if (q.kind !== 'list') return;
  (q.fields ?? []).forEach((field, fi) => {
    const path = [...segments, '*', field.key];
    const kinds = answerKinds(field.kind ?? 'text', undefined);
    if (!kinds || askedAsSchemaSays(path, true)) return;
    const mismatch = kindMismatch(path.join('.'), { kind: field.kind ?? 'text', stored: kinds }, context);
    if (mismatch)
      at(source, [...where, 'fields', fi, field.kind ? 'kind' : 'key'], `question of '${item.id}', field '${field.key}': ${mismatch}`);
  });
}

/**
 * The kinds of JSON value the interview stores an answer of a methodology question kind as (its own
 * choices' for a select); undefined for a rating, which fills `assessment`, and a person, which the roster decides.
 */
function answerKinds(
  kind: QuestionKind | NonNullable<QuestionField['kind']>,
  choices: readonly Choice[] | undefined,
): Set<Kind> | undefined {
  switch (kind) {
    case 'text':
    case 'url':
    case 'date':
      return new Set(['string']);
    case 'number':
      return new Set(['number']);
    case 'confirm':
      return new Set(['boolean']);
    case 'select':
      // A list field's select without fixed choices in the plan is asked as a short text.
      return choices ? new Set(choices.map((c) => kindOfValue(c.value))) : new Set(['string']);
    case 'checkbox':
    case 'list':
      return new Set(['array']);
    case 'rating':
    case 'person':
      return undefined;
  }
}

/** Whether a plan path (lists as `*`) names a person: the interview asks it from the roster, whatever its kind. */
function namesPerson(planSchema: Record<string, unknown>, segments: readonly string[]): boolean {
  return personFields(planSchema).some((f) => {
    const own = f.segments.at(-1) === '*' ? f.segments.slice(0, -1) : f.segments;
    return own.length === segments.length && own.every((s, i) => s === segments[i]);
  });
}
