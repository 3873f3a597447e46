// Rule kind `observed`: a measured fact, dated, no older than the freshness limit, whose value
// satisfies a JSON Schema. A stale or undated measurement counts as missing.
import { daysBetween, isIsoDate } from '../../text/dates.js';
import { namesNoMeasurement } from '../../text/measurement-source.js';
import { sameNameByInitials } from '../../text/person-name.js';
import { describeSchema } from '../describe-schema.js';
import { entryName, getPath, readDatedFact, valuesAt, withoutBlanks } from '../plan-facts.js';
import type { NumberOrParam } from '../types.js';
import {
  foldName,
  numberOf,
  pathProblem,
  type RuleContext,
  type RuleKindModule,
  type RuleNote,
  ruleBase,
  FAILED,
  NO_NOTES,
  PASSED,
  UNMEASURED,
  type RuleOutcome,
  type RuleBase,
} from './rule-kind.js';
import { isNoPerson } from './people-rule.js';
import { compileProblems, showParam } from './schema-rule.js';

export const DEFAULT_MAX_AGE: NumberOrParam = { $param: 'observation_days_max' };

/** A measured fact: a value (satisfying `schema`) with the date it was measured, no older than the freshness limit. */
export interface ObservedRule extends RuleBase {
  kind: 'observed';
  schema: unknown;
  /** A band worth half: a fresh value that fails `schema` but satisfies this makes the rule partly met. */
  partial?: unknown;
  /** Oldest a measurement may be, in days. */
  maxAge: NumberOrParam;
  /**
   * For a list of people: paths naming people who are not members here (the host, the sponsor, the
   * stakeholders briefed; `*` for each entry of a list). Their entries do not count.
   */
  notPeople?: readonly string[];
  /** Paths naming someone of the organisation behind the community: roster people of their organisation do not count either. */
  notOrganisationOf?: readonly string[];
  /** For a list of records, the field of the day each entry began (`since`): one begun after the measurement does not count yet. */
  started?: string;
}

export const observedRule: RuleKindModule<ObservedRule> = {
  kind: 'observed',
  build: (raw) => ({
    kind: 'observed',
    ...ruleBase(raw),
    schema: raw.schema,
    ...(raw.partial !== undefined ? { partial: raw.partial } : {}),
    maxAge: (raw.max_age_days as NumberOrParam | undefined) ?? DEFAULT_MAX_AGE,
    ...(Array.isArray(raw.not_people) ? { notPeople: raw.not_people as string[] } : {}),
    ...(Array.isArray(raw.not_organisation_of) ? { notOrganisationOf: raw.not_organisation_of as string[] } : {}),
    ...(typeof raw.started === 'string' ? { started: raw.started } : {}),
  }),
  params: [{ key: 'max_age_days', field: 'maxAge', stricter: 'lower' }],
  validate(rule, context) {
    return [
      ...pathProblem(rule, context),
      ...compileProblems(rule.schema, context.params, context.compile),
      ...(rule.partial !== undefined
        ? compileProblems(rule.partial, context.params, context.compile).map((p) => ({ ...p, path: ['partial'] }))
        : []),
      ...[
        ...(rule.notPeople ?? []).map((path, i) => ({ path, at: ['not_people', String(i)] })),
        ...(rule.notOrganisationOf ?? []).map((path, i) => ({ path, at: ['not_organisation_of', String(i)] })),
      ]
        .filter(({ path }) => !context.planHasPath(path.split('.')))
        .map(({ path, at }) => ({ path: at, message: `'${path}' is not a field of the plan schema` })),
    ];
  },
  check(rule, context) {
    const fresh = freshValue(rule.segments, rule.maxAge, context);
    if (!fresh.ok) return unmeasured(fresh);
    const { value: begun, later } = withoutLater(rule, fresh.value, fresh.asOf);
    const { value, left } = withoutStaff(rule, begun, context);
    if (context.validator(rule.schema)(value)) return PASSED;
    const partly = rule.partial !== undefined && context.validator(rule.partial)(value);
    if (left === 0 && later === 0) return partly ? PARTLY : FAILED;
    const details = [
      ...(left > 0 ? [`${left} of those listed ${left === 1 ? 'is' : 'are'} ${leftOutWords(rule)}, and not counted`] : []),
      ...(later > 0
        ? [
            `${later} ${later === 1 ? 'begins' : 'begin'} after ${fresh.asOf} (${rule.started}), and ${later === 1 ? 'is' : 'are'} not counted yet`,
          ]
        : []),
    ];
    return { pass: false, ...(partly ? { partial: true } : {}), detail: details.join('; '), notes: NO_NOTES };
  },
  describe: (rule, show) =>
    `${rule.path} holds ${describeSchema(rule.schema, showParam(show))}, measured within the last ${show(rule.maxAge)} days` +
    (rule.partial !== undefined ? ` (half credit for ${describeSchema(rule.partial, showParam(show))})` : '') +
    describeLeftOut(rule) +
    (rule.started !== undefined ? `, each entry counted from its ${rule.started}` : ''),
  schemas: (rule) => (rule.partial !== undefined ? [rule.schema, rule.partial] : [rule.schema]),
  evidenceSchema: (rule) => rule.schema,
  observes: () => true,
};

/**
 * A list of people without those the rule does not count: the team behind the community is not its
 * members ('counting employees of the sponsor who joined as members' is the mistake the guide names).
 * `left`: how many entries were taken out.
 */
function withoutStaff(rule: ObservedRule, value: unknown, context: RuleContext): { value: unknown; left: number } {
  if (!Array.isArray(value) || (!rule.notPeople && !rule.notOrganisationOf)) return { value, left: 0 };
  const staff = new Set<string>();
  for (const path of rule.notPeople ?? []) for (const name of namesAt(context.data, path)) staff.add(foldName(name));
  const organisations = new Set<string>();
  const roster = rule.notOrganisationOf ? context.rosterPeople() : [];
  for (const path of rule.notOrganisationOf ?? [])
    for (const name of namesAt(context.data, path)) {
      const folded = foldName(name);
      staff.add(folded);
      const organisation = roster.find((p) => p.folded === folded)?.organisation;
      if (organisation !== undefined) organisations.add(organisation);
    }
  for (const person of roster) if (person.organisation !== undefined && organisations.has(person.organisation)) staff.add(person.folded);
  if (staff.size === 0) return { value, left: 0 };
  // Staff written with initials on one side ('M. Kowalska' as sponsor, 'Marta Kowalska' as a leader) are staff still.
  const staffNames = [...staff];
  const isStaff = (folded: string): boolean => staff.has(folded) || staffNames.some((s) => sameNameByInitials(s, folded));
  const kept = value.filter((entry) => {
    const name = entryName(entry);
    return name === undefined || !isStaff(foldName(name));
  });
  return { value: kept, left: value.length - kept.length };
}

/** The paths whose people the rule leaves out: named there, or (notOrganisationOf) of their organisation. */
function leftOutPaths(rule: ObservedRule): string {
  return [...(rule.notPeople ?? []), ...(rule.notOrganisationOf ?? [])].join(', ');
}

/** Whom the rule leaves out, from its paths: `named at team.host.name or team.sponsor.name, or of team.sponsor.name's organisation`. */
function leftOutWords(rule: ObservedRule): string {
  const organisation = rule.notOrganisationOf?.length ? `, or of ${rule.notOrganisationOf.join(' or ')}'s organisation` : '';
  return `named at ${leftOutPaths(rule)}${organisation}`;
}

function describeLeftOut(rule: ObservedRule): string {
  const named = leftOutPaths(rule);
  if (named === '') return '';
  const organisations = rule.notOrganisationOf?.length ? `, nor anyone of ${rule.notOrganisationOf.join(' or ')}'s organisation` : '';
  return `, not counting the people named at ${named}${organisations}`;
}

/** A list without the entries that begin (`started`) after the day it was measured: a moderator from next spring moderates nothing yet. */
function withoutLater(rule: ObservedRule, value: unknown, asOf: string): { value: unknown; later: number } {
  const field = rule.started;
  if (field === undefined || !Array.isArray(value)) return { value, later: 0 };
  const kept = value.filter((entry) => {
    const begun = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)[field] : undefined;
    return !(typeof begun === 'string' && isIsoDate(begun) && begun > asOf);
  });
  return { value: kept, later: value.length - kept.length };
}

/** The texts at a dotted path, `*` standing for each entry of a list (`team.stakeholders.*.name`). */
function namesAt(data: unknown, path: string): string[] {
  return valuesAt(data, path)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string');
}

type Fresh = { ok: true; value: unknown; asOf: string } | { ok: false; detail?: string; notes: RuleNote[] };

/** Within the partial band: worth half. */
const PARTLY: RuleOutcome = Object.freeze({ pass: false, partial: true, detail: 'within the band worth half', notes: NO_NOTES });

/** The outcome of a fact that is not there to judge: missing, undated, stale or dated after today. */
export function unmeasured(fresh: Extract<Fresh, { ok: false }>): RuleOutcome {
  if (!fresh.detail && fresh.notes.length === 0) return UNMEASURED;
  return { pass: false, unmeasured: true, ...(fresh.detail ? { detail: fresh.detail } : {}), notes: fresh.notes };
}

/** The value of a dated fact when it is present, dated, not in the future and fresh enough. */
export function freshValue(segments: readonly string[], maxAge: NumberOrParam, context: RuleContext): Fresh {
  const fact = readDatedFact(context.data, segments);
  // One member leader written twice is one (a list of people, Methodology.peopleLists).
  const value = withoutBlanks(
    fact.value,
    undefined,
    fact.valuePath,
    undefined,
    context.peopleLists,
    (name) => isNoPerson(name, context.data),
    context.isPrompt,
  );
  if (value === undefined) return { ok: false, notes: [] };
  // A figure whose source says it was never measured ('none', 'our estimate', 'target') is a guess with a date on it.
  if (fact.source && namesNoMeasurement(fact.source.text))
    return { ok: false, detail: `${fact.source.path.join('.')} says the figure was not measured: give where it comes from`, notes: [] };
  if (!fact.asOf || !isIsoDate(fact.asOf))
    return { ok: false, detail: `give the date it was measured in ${fact.asOfPath.join('.')}`, notes: [] };
  const days = daysBetween(fact.asOf, context.today);
  const limit = numberOf(maxAge, context.params);
  if (days < 0) {
    return {
      ok: false,
      detail: `measured on ${fact.asOf}, after today`,
      notes: [{ code: 'date-in-future', path: fact.asOfPath, data: { asOf: fact.asOf } }],
    };
  }
  // A figure from before the community opened measures something else (a forum it replaced, a pilot).
  const opened = context.openedOn ?? getPath(context.data, ['community', 'opened']);
  if (typeof opened === 'string' && isIsoDate(opened)) {
    if (fact.asOf < opened) return { ok: false, detail: `measured on ${fact.asOf}, before the community opened on ${opened}`, notes: [] };
    // A 90-day figure taken on the tenth day counts eighty days the doors were shut.
    const open = daysBetween(opened, fact.asOf);
    const needed = context.observableAfterDays;
    if (needed !== undefined && open < needed)
      return {
        ok: false,
        detail: `measured on ${fact.asOf}, ${open === 1 ? '1 day' : `${open} days`} after the community opened on ${opened}: this outcome needs ${needed} days of activity`,
        notes: [],
      };
  }
  if (days > limit) {
    return {
      ok: false,
      detail: `measured on ${fact.asOf}, ${days} days ago (the limit is ${limit})`,
      notes: [{ code: 'observation-stale', path: fact.asOfPath, data: { asOf: fact.asOf, days, maxAge: limit } }],
    };
  }
  return { ok: true, value, asOf: fact.asOf };
}
