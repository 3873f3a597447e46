// Pure: plan YAML into a Plan, checked against the plan schema and the methodology it is assessed with.
import { DiagnosticList, InputError } from '../errors.js';
import { parseYamlSource, type DataPath, type YamlSource } from '../source/yaml-source.js';
import { checkDatesAgree } from './dates-agree.js';
import { checkFiguresAgree, type At } from './figures-agree.js';
import { ajvErrorsToDiagnostics, type Validation } from '../validation/schema-validation.js';
import { didYouMean } from '../text/closest-matches.js';
import { isNonAnswer } from '../text/non-answer.js';
import { paramNames, paramValues, resolveParams } from '../methodology/evidence-schema.js';
import { paramValueProblem } from '../methodology/parse-methodology.js';
import { allItems, type Methodology } from '../methodology/types.js';
import { foldName, ruleSchemas } from '../methodology/rule-kinds/index.js';
import { getPath } from '../methodology/plan-facts.js';
import type { Answer, Plan } from './types.js';
import type { Formality, Stage } from '../methodology/types.js';

/** Fields of version-1 plans that version 2 replaced, and what to write instead. */
const REPLACED: readonly { path: readonly string[]; message: string }[] = [
  {
    path: ['observed', 'bus_factor'],
    message:
      "observed.bus_factor is now observed.absence_factor (CHAOSS Contributor Absence Factor), dated: 'absence_factor: { value: 5, as_of: YYYY-MM-DD }'",
  },
  {
    path: ['observed', 'critical_functions'],
    message:
      'observed.critical_functions is no longer read: list critical functions and their people under measures.critical_functions (or as roles in people), and record observed.absence_factor',
  },
];

/**
 * Fields that came with a later plan version: a plan that writes one is not a version-1 plan. Version 2
 * added the stage, the formality, the size and the roster; version 3 the safety sections as fields (the
 * version-2 form of each is a list, still read).
 */
const LATER_FIELDS: readonly { path: readonly string[]; since: number; form?: 'fields' }[] = [
  { path: ['community', 'stage'], since: 2 },
  { path: ['community', 'opened'], since: 2 },
  { path: ['community', 'formality'], since: 2 },
  { path: ['community', 'size'], since: 2 },
  { path: ['people'], since: 2 },
  { path: ['governance', 'safeguarding'], since: 3, form: 'fields' },
  { path: ['engagement', 'events'], since: 3, form: 'fields' },
  { path: ['platform', 'admin_security'], since: 3, form: 'fields' },
  { path: ['governance', 'data_protection'], since: 3, form: 'fields' },
  { path: ['governance', 'crisis'], since: 3, form: 'fields' },
];

/** The first field of a later version the plan writes, if any. */
function laterField(data: unknown): (typeof LATER_FIELDS)[number] | undefined {
  return LATER_FIELDS.find((f) => {
    const value = getPath(data, f.path);
    if (value === undefined) return false;
    return f.form !== 'fields' || (typeof value === 'object' && value !== null && !Array.isArray(value));
  });
}

/**
 * The methodology a plan is checked against: one given, or one chosen from the plan itself once its shape
 * holds (lint and interview pick the directory its `methodology:` field names).
 */
export type MethodologyChoice = Methodology | ((plan: Plan) => Methodology);

/**
 * Parses plan YAML and checks it: YAML, then the plan schema (and fields version 2 replaced), then what
 * the plan names against the methodology. Throws InputError with file:line:col positions; a plan whose
 * shape is wrong is never checked against a methodology (nor is one chosen for it).
 */
export function parsePlan(file: string, text: string, methodology: MethodologyChoice, validation: Validation): Plan {
  const plan = readPlan(file, text, validation);
  checkPlan(plan, typeof methodology === 'function' ? methodology(plan) : methodology, validation);
  return plan;
}

/**
 * The first step for a plan: its YAML parsed with positions, its shape checked against the plan schema (no
 * methodology needed), assembled into a Plan that carries its positions (`plan.source.locate`). Throws
 * InputError with file:line:col positions.
 */
export function readPlan(file: string, text: string, validation: Validation): Plan {
  return planFromSource(parseYamlSource(file, text), validation);
}

/** Checks the plan's shape alone and assembles the Plan. */
function planFromSource(source: YamlSource, validation: Validation): Plan {
  const replaced = REPLACED.filter((r) => getPath(source.value, r.path) !== undefined);
  if (replaced.length > 0) {
    throw new InputError(
      replaced.map((r) => {
        const pos = source.locate(r.path);
        return { file: source.file, line: pos.line, col: pos.col, message: r.message };
      }),
    );
  }
  if (!validation.plan(source.value)) {
    throw new InputError(ajvErrorsToDiagnostics(validation.plan.errors, source));
  }
  const data = source.value as Record<string, unknown>;
  const community = data.community as { name: string; type?: string; stage?: Stage; opened?: string; formality?: Formality; size?: number };
  // A version-1 plan has no roster, so its names go unchecked: a plan that says version 1 while writing
  // later fields would switch those checks off on its word alone. One that says so is refused at the
  // version; one that says no version is read as the version its fields show.
  const later = laterField(data);
  if (data.version === 1 && later) {
    const pos = source.locate(['version']);
    const field = later.path.join('.');
    const message = `version is 1, but ${field}${later.form ? ' written as fields' : ''} came with version ${later.since}: set version: 3 (the current format)`;
    throw new InputError([{ file: source.file, line: pos.line, col: pos.col, message }]);
  }
  const version = typeof data.version === 'number' ? data.version : (later?.since ?? 1);
  // From version 2 on a plan has a roster: one left out is an empty one, so every name in the plan is
  // checked against it. Deleting `people` must not switch the checks off; version-1 plans had none.
  const people = Array.isArray(data.people) ? (data.people as { name: string }[]) : version >= 2 ? [] : null;
  const answers = new Map<string, Answer>(Object.entries((data.assessment ?? {}) as Record<string, Answer>));
  const methodologyRef = typeof data.methodology === 'string' ? data.methodology : undefined;
  return {
    file: source.file,
    source,
    data,
    name: community.name,
    ...(community.type ? { type: community.type } : {}),
    version,
    stage: community.stage ?? inferStage(data),
    stageFrom: community.stage ? 'plan' : 'inferred',
    ...(community.opened ? { opened: community.opened } : {}),
    ...(community.formality ? { formality: community.formality } : {}),
    ...(community.size !== undefined ? { size: community.size } : {}),
    roster: people ? people.map((p) => p.name) : null,
    params: (data.params ?? {}) as Record<string, number>,
    answers,
    ...(methodologyRef ? { methodologyRef } : {}),
  };
}

/**
 * The facts that decide whether items apply, against what the plan says elsewhere: `minors: false` with a
 * youngest age under 18, or `format: online` with an in-person event on the calendar, would switch off
 * safeguarding or event safety on a word the plan itself contradicts. Each is an input error at the fact.
 */
function checkFactsAgree(plan: Plan, at: At): void {
  const minAge = getPath(plan.data, ['governance', 'safeguarding', 'min_age']);
  if (getPath(plan.data, ['community', 'minors']) === false && typeof minAge === 'number' && minAge < 18)
    at(
      ['community', 'minors'],
      'facts',
      () =>
        `community.minors is false, but governance.safeguarding.min_age is ${minAge}: people under 18 may join, so set minors: true (or raise the youngest age to 18)`,
    );
  if (getPath(plan.data, ['community', 'format']) === 'online') checkOnlineAgrees(plan, at);
}

/**
 * Words that say members gather in one place: a meetup, a venue, a pub, in person, offline. A
 * conference, a talk or a workshop is left out: it is often someone else's event, or held online.
 */
const IN_PERSON_WORDS = /\b(?:meet-?ups?|in[- ]person|irl|offline|venues?|pubs?)\b/;
/** Words that put a gathering online: an online meetup or a webinar is no in-person event. */
const ONLINE_WORDS = /\b(?:online|virtual|webinars?|remote|zoom|live-?stream(?:ed)?|video call)\b/;

function namesInPersonGathering(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const folded = text.toLowerCase();
  return IN_PERSON_WORDS.test(folded) && !ONLINE_WORDS.test(folded);
}

/**
 * `format: online` switches event safety off, so the plan may not show members meeting in person: an
 * in-person calendar entry, an entry of another or no format whose title names a meetup (a live,
 * discussion, content or challenge entry is online by its format), or a budget line that pays for one.
 */
function checkOnlineAgrees(plan: Plan, at: At): void {
  const said = 'community.format is online';
  const hybrid = 'members meet in person, so set format: hybrid';
  const calendar = getPath(plan.data, ['platform', 'calendar']);
  const entries = Array.isArray(calendar) ? calendar : [];
  const index = entries.findIndex((entry) => getPath(entry, ['format']) === 'in-person');
  if (index >= 0) {
    at(
      ['community', 'format'],
      'facts',
      () => `${said}, but platform.calendar[${index}] is an in-person event: ${hybrid} (or take the event off)`,
    );
    return;
  }
  const named = entries.findIndex((entry) => {
    const format = getPath(entry, ['format']);
    return (format === undefined || format === 'other') && namesInPersonGathering(getPath(entry, ['title']));
  });
  if (named >= 0) {
    const title = String(getPath(entries[named], ['title']));
    at(
      ['community', 'format'],
      'facts',
      () =>
        `${said}, but platform.calendar[${named}] '${title}' names a gathering: ${hybrid} (or give the event format: live if it is held online)`,
    );
    return;
  }
  const covers = getPath(plan.data, ['purpose', 'budget', 'covers']);
  const line = Array.isArray(covers) ? covers.findIndex(namesInPersonGathering) : -1;
  if (line >= 0) {
    const text = String((covers as unknown[])[line]);
    at(
      ['community', 'format'],
      'facts',
      () => `${said}, but purpose.budget.covers[${line}] pays for '${text}': ${hybrid} (or take the line off the budget)`,
    );
  }
}

/**
 * A volunteer group is judged more gently than a funded programme (several blockers are majors, the
 * sponsor n/a), so calling a funded programme volunteer lowers the bar on one word. The plan contradicts
 * it when it names a sponsor who commits to acts (an organisation backs it) or a host on the hours the
 * methodology asks of a funded host by default (`host_hours_per_week_min`: a paid role). A budget's
 * amount is no sign of its own: the same number is large in one currency and small in another.
 */
function checkVolunteerAgrees(plan: Plan, methodology: Methodology, at: At): void {
  const stated = plan.formality !== undefined;
  const formality = plan.formality ?? methodology.profiles.find((p) => p.id === plan.type)?.formality;
  if (formality !== 'volunteer') return;
  const fact: DataPath = stated ? ['community', 'formality'] : ['community', 'type'];
  const said = stated ? 'community.formality is volunteer' : `community.type ${plan.type ?? ''} is a volunteer group by default`;
  const commitments = getPath(plan.data, ['team', 'sponsor', 'commitments']);
  const sponsor = getPath(plan.data, ['team', 'sponsor', 'name']);
  if (typeof sponsor === 'string' && sponsor.trim() !== '' && Array.isArray(commitments) && commitments.length > 0) {
    const promised = commitments.length === 1 ? 'a commitment' : `${commitments.length} commitments`;
    // A sponsor "none" with commitments still promises something; the sentence must not call "none" a name.
    const backer = isNonAnswer(sponsor)
      ? `team.sponsor names no one (${sponsor}) and lists ${promised}: someone backs the community, so name them and set formality: funded (or take the commitments out)`
      : `team.sponsor names ${sponsor} with ${promised}: an organisation backs the community, so set formality: funded (or take the sponsor out)`;
    at(fact, 'facts', () => `${said}, but ${backer}`);
    return;
  }
  const hours = getPath(plan.data, ['team', 'host', 'hours_per_week']);
  const paid = methodology.params.host_hours_per_week_min?.value;
  if (typeof hours === 'number' && paid !== undefined && hours >= paid)
    at(
      fact,
      'facts',
      () =>
        `${said}, but team.host.hours_per_week is ${hours}, the hours of a paid role (${paid} or more a week): set formality: funded (or correct the hours)`,
    );
}

/**
 * A version-1 plan has no stage: its `observed` figures were "measured after launch", so a plan with
 * any is running, and one without is still being planned. Keeps old plans' meaning.
 */
function inferStage(data: Record<string, unknown>): Stage {
  const observed = data.observed;
  if (observed && typeof observed === 'object' && Object.keys(observed).some((k) => k !== 'as_of')) return 'running';
  return 'planning';
}

/**
 * The second step, once a methodology is chosen: checks what the plan names against it (item ids, community
 * type, and parameters: known, within their bounds, and usable in every evidence rule that reads them).
 * Throws InputError with positions.
 */
export function checkPlan(plan: Plan, methodology: Methodology, validation: Validation): void {
  // A plan may name thousands of unknown ids or repeat a name thousands of times: each problem's words
  // (which may search for the nearest known name) and position are made only for the ones listed.
  const found = new DiagnosticList(plan.file);
  const at = (path: DataPath, kind: string, message: () => string): void =>
    found.add(`${kind}|${path.join('\u0000')}`, () => {
      const pos = plan.source.locate(path);
      return { file: plan.file, line: pos.line, col: pos.col, message: message() };
    });
  const seenPeople = new Map<string, number>();
  plan.roster?.forEach((name, index) => {
    const folded = foldName(name);
    const first = seenPeople.get(folded);
    if (first !== undefined)
      at(['people', index, 'name'], 'repeated', () => `'${name}' is already in the roster (people[${first}]): name each person once`);
    else seenPeople.set(folded, index);
  });
  if (plan.opened && plan.stage === 'planning')
    at(
      ['community', 'opened'],
      'stage',
      () => `community.opened is set, but community.stage is 'planning': set the stage to 'running' (or 'launching')`,
    );
  checkFactsAgree(plan, at);
  checkFiguresAgree(plan, at);
  checkDatesAgree(plan, at);
  checkVolunteerAgrees(plan, methodology, at);
  const ids = allItems(methodology).map((i) => i.id);
  const idSet = new Set(ids);
  for (const id of plan.answers.keys()) {
    if (idSet.has(id) || Object.hasOwn(methodology.aliases, id)) continue;
    const retired = methodology.retired.find((r) => r.id === id);
    if (retired) at(['assessment', id], 'retired', () => `item '${id}' is retired: ${retired.reason}`);
    else at(['assessment', id], 'unknown', () => unknown(`item id '${id}' in methodology '${methodology.id}'`, id, ids));
  }
  if (plan.type !== undefined && !methodology.profiles.some((p) => p.id === plan.type)) {
    const type = plan.type;
    at(['community', 'type'], 'unknown', () =>
      unknown(
        `community type '${type}'`,
        type,
        methodology.profiles.map((p) => p.id),
      ),
    );
  }
  const bad = new Set<string>();
  for (const [name, value] of Object.entries(plan.params)) {
    if (!Object.hasOwn(methodology.params, name)) {
      at(['params', name], 'unknown', () => unknown(`parameter '${name}'`, name, Object.keys(methodology.params)));
      bad.add(name);
      continue;
    }
    const problem = paramValueProblem(methodology.params[name]!, value);
    if (problem) {
      at(['params', name], 'value', () => `params.${name}: ${problem}`);
      bad.add(name);
    }
  }
  const overridden = Object.keys(plan.params).filter((n) => !bad.has(n));
  if (overridden.length > 0) {
    const values = paramValues(methodology.params, plan.params);
    const reported = new Set<string>();
    for (const item of allItems(methodology)) {
      for (const schema of item.evidence.flatMap(ruleSchemas)) {
        const names = paramNames(schema).filter((n) => overridden.includes(n) && !reported.has(n));
        if (names.length === 0) continue;
        try {
          validation.compileEvidence(resolveParams(schema, values));
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          for (const n of names) {
            reported.add(n);
            at(['params', n], 'unusable', () => `params.${n}: ${values[n]} cannot be used in the rule of '${item.id}' (${reason})`);
          }
        }
      }
    }
  }
  if (found.size > 0) throw new InputError(found.list());
}

function unknown(what: string, name: string, known: readonly string[]): string {
  return `unknown ${what}${didYouMean(name, known)}`;
}
