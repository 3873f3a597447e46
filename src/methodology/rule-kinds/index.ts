// The registry of evidence rule kinds: a kind is one module, registered in RULE_KIND_MODULES, and the rule
// types, the list of kinds and everything said about a rule below are read from that one table.
import type { EvidenceValidators } from '../evidence-schema.js';
import { getPath, withoutBlanks } from '../plan-facts.js';
import type { NumberOrParam } from '../types.js';
import { choiceRule } from './choice-rule.js';
import { coverRule } from './cover-rule.js';
import { dateRule } from './date-rule.js';
import { personalDataRule } from './personal-data-rule.js';
import { findPersonalDataIn, type PersonalDataKind } from '../../text/personal-data.js';
import { observedRule } from './observed-rule.js';
import { isNoPerson, peopleRule, rosterPeople } from './people-rule.js';
import { relativeRule } from './relative-rule.js';
import {
  paramProblems,
  type ParamDirection,
  type RosterPerson,
  type RuleContext,
  type RuleKindModule,
  type RuleOutcome,
  type RuleProblem,
  type RuleReviewContext,
  type RuleValidateContext,
} from './rule-kind.js';
import { schemaRule } from './schema-rule.js';

/** Every kind of evidence rule, by the name a methodology writes in `kind`. The one table a new kind joins. */
export const RULE_KIND_MODULES = {
  schema: schemaRule,
  observed: observedRule,
  people: peopleRule,
  relative: relativeRule,
  cover: coverRule,
  choice: choiceRule,
  date: dateRule,
  'personal-data': personalDataRule,
} as const;

type Modules = typeof RULE_KIND_MODULES;
type RuleOf<M> = M extends RuleKindModule<infer R> ? R : never;

/** The kinds of evidence rule. */
export type RuleKind = keyof Modules;
/** A check on plan facts: the rule type of one of the registered kinds. */
export type EvidenceRule = { [K in RuleKind]: RuleOf<Modules[K]> }[RuleKind];
/** The kinds, in the table's order (the methodology schema's `kind` enum lists the same, in this order). */
export const RULE_KINDS = Object.keys(RULE_KIND_MODULES) as readonly RuleKind[];

/** Kinds registered under another name than their module's `kind`: none, or this fails to compile. */
type MisregisteredKinds = { [K in RuleKind]: K extends RuleOf<Modules[K]>['kind'] ? never : K }[RuleKind];
export type EveryKindRegisteredUnderItsName = [MisregisteredKinds] extends [never] ? true : MisregisteredKinds;
true satisfies EveryKindRegisteredUnderItsName;

function moduleOf<R extends EvidenceRule>(rule: R): RuleKindModule<R> {
  return RULE_KIND_MODULES[rule.kind] as unknown as RuleKindModule<R>;
}

/** Builds a rule from its YAML entry; `kind` defaults to `schema`. */
export function buildRule(raw: Record<string, unknown>): EvidenceRule {
  const kind = (typeof raw.kind === 'string' ? raw.kind : 'schema') as RuleKind;
  return RULE_KIND_MODULES[kind].build(raw);
}

/** A path's segments as one string, made once per segments array (a rule's, which lives as long as its methodology). */
const pathKeys = new WeakMap<readonly string[], string>();
function pathKey(segments: readonly string[]): string {
  let key = pathKeys.get(segments);
  if (key === undefined) pathKeys.set(segments, (key = segments.join('\u0000')));
  return key;
}

const NO_NON_ANSWERS: readonly { path: (string | number)[]; text: string }[] = Object.freeze([]);

/** What a rule context is made from: the plan's facts and settings; createRuleContext adds the readers. */
export type RuleContextInput = Omit<RuleContext, 'fact' | 'validator' | 'rosterPeople' | 'takeNonAnswers' | 'personalData'>;

/**
 * What the rules see of one plan: its facts with blanks taken out where rules read them (once per path:
 * cleaning the whole plan cost more than the rules), and evidence validators through
 * `validators`, which a run shares between its plans.
 */
export function createRuleContext(plan: RuleContextInput, validators: EvidenceValidators): RuleContext {
  // Keyed by path, so that the several rules that read one path (up to five) clean it once.
  const cleaned = new Map<string, unknown>();
  // Non-answers found while cleaning, each reported once however many paths lead to it.
  let pending: { path: (string | number)[]; text: string }[] = [];
  let seen: Set<string> | undefined;
  const heard = (path: (string | number)[], text: string): void => {
    const key = path.join('\u0000');
    if ((seen ??= new Set()).has(key)) return;
    seen.add(key);
    pending.push({ path, text });
  };
  const noPerson = (name: string): boolean => isNoPerson(name, plan.data);
  const fact = (segments: readonly string[]): unknown => {
    const key = pathKey(segments);
    if (cleaned.has(key)) return cleaned.get(key);
    const value = withoutBlanks(
      getPath(plan.data, segments),
      heard,
      segments,
      plan.unknownPeople,
      plan.peopleLists,
      noPerson,
      plan.isPrompt,
    );
    cleaned.set(key, value);
    return value;
  };
  const takeNonAnswers = (): readonly { path: (string | number)[]; text: string }[] => {
    if (pending.length === 0) return NO_NON_ANSWERS;
    const taken = pending;
    pending = [];
    return taken;
  };
  // Several people and cover rules read the roster: its names and roles are folded once per plan.
  let people: readonly RosterPerson[] | undefined;
  let personal: readonly { path: (string | number)[]; kind: PersonalDataKind }[] | undefined;
  return {
    ...plan,
    fact,
    takeNonAnswers,
    validator: (schema) => validators.get(schema, plan.params),
    rosterPeople: () => (people ??= rosterPeople(plan.data)),
    personalData: () => (personal ??= personalDataOf(plan.data)),
  };
}

/**
 * Personal contact details in a plan, one per string and kind: a shared role inbox (conduct@) is what a
 * plan should name, and addresses at domains reserved for examples or numbers kept for drama are no one's.
 */
function personalDataOf(data: unknown): { path: (string | number)[]; kind: PersonalDataKind }[] {
  const out: { path: (string | number)[]; kind: PersonalDataKind }[] = [];
  for (const { path, hits } of findPersonalDataIn(data)) {
    const kinds = new Set<PersonalDataKind>();
    for (const hit of hits) if (!hit.role && !hit.reserved && !hit.fictitious) kinds.add(hit.kind);
    for (const kind of kinds) out.push({ path, kind });
  }
  return out;
}

export function checkRule(rule: EvidenceRule, context: RuleContext): RuleOutcome {
  return moduleOf(rule).check(rule, context);
}

/** Problems a methodology author must fix in a rule: the kind's own, then any parameter it names that is unknown. */
export function validateRule(rule: EvidenceRule, context: RuleValidateContext): RuleProblem[] {
  return [
    ...moduleOf(rule).validate(rule, context),
    ...paramProblems(
      ruleParams(rule).map((p) => [p.key, p.value]),
      context.params,
    ),
  ];
}

/** The kind's authoring checks against the plan schema's marks and the house style (see RuleKindModule.review). */
export function reviewRule(rule: EvidenceRule, context: RuleReviewContext): RuleProblem[] {
  return moduleOf(rule).review?.(rule, context) ?? [];
}

/** A rule's thresholds that may name parameters: YAML key, value (undefined when not set) and the way each tightens. */
export function ruleParams(rule: EvidenceRule): { key: string; value: NumberOrParam | undefined; stricter: ParamDirection }[] {
  const module = moduleOf(rule);
  return module.params.map((p) => ({ key: p.key, value: rule[p.field] as NumberOrParam | undefined, stricter: p.stricter }));
}

/** The JSON Schema at the rule's `schema` key, for the kinds that have one. */
export function ruleEvidenceSchema(rule: EvidenceRule): { schema: unknown } | undefined {
  const module = moduleOf(rule);
  return module.evidenceSchema ? { schema: module.evidenceSchema(rule) } : undefined;
}

/** Whether the rule judges observed, dated facts only. */
export function ruleObserves(rule: EvidenceRule): boolean {
  return moduleOf(rule).observes?.(rule) ?? false;
}

/** The methodology's named lists the rule reads. */
export function ruleLists(rule: EvidenceRule): readonly string[] {
  return moduleOf(rule).lists?.(rule) ?? [];
}

export function describeRule(rule: EvidenceRule, show: (value: number | { $param: string }) => string): string {
  return moduleOf(rule).describe(rule, show);
}

/** The JSON Schemas a rule compiles (parameters unresolved). */
export function ruleSchemas(rule: EvidenceRule): unknown[] {
  return moduleOf(rule).schemas(rule);
}

export type {
  ParamDirection,
  RuleContext,
  RuleOutcome,
  RuleNote,
  NoteCode,
  RuleProblem,
  RuleReviewContext,
  RuleValidateContext,
} from './rule-kind.js';
export { foldName, foldRole } from './rule-kind.js';
