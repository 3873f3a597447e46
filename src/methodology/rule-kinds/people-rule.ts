// Rule kind `people`: names of people at a plan path (one name, a list of names, or a list of records
// with a name field); at least `min` distinct people, and, where the plan has a roster, only people on it.
import { getPath } from '../plan-facts.js';
import { compatibleForm, isBareCharacter, isNonAnswer } from '../../text/non-answer.js';
import { isStandInName } from '../../text/person-name.js';
import type { NumberOrParam } from '../types.js';
import {
  foldName,
  foldRole,
  numberOf,
  pathProblem,
  type RosterPerson,
  type RuleContext,
  type RuleKindModule,
  type RuleNote,
  type RuleProblem,
  ruleBase,
  type RuleBase,
} from './rule-kind.js';

/** Names of people from the plan's roster: at least `min` distinct known people at `path` (a name or a list). */
export interface PeopleRule extends RuleBase {
  kind: 'people';
  /** For a list of records, the key that holds the name. */
  field?: string;
  min: NumberOrParam;
  /** Every entry of the list must name a known person (e.g. every goal has an owner). */
  each: boolean;
  /** A roster role: everyone in `people` who holds it counts, beside anyone named at `path`. */
  role?: string;
  /** A path naming someone else: the person (or people) here must not be the one named there (a lead's deputy). */
  distinctFrom?: string;
}

export const peopleRule: RuleKindModule<PeopleRule> = {
  kind: 'people',
  build: (raw) => ({
    kind: 'people',
    ...ruleBase(raw),
    ...(typeof raw.field === 'string' ? { field: raw.field } : {}),
    min: (raw.min as NumberOrParam | undefined) ?? 1,
    each: raw.each === true,
    ...(typeof raw.role === 'string' ? { role: raw.role } : {}),
    ...(typeof raw.distinct_from === 'string' ? { distinctFrom: raw.distinct_from } : {}),
  }),
  params: [{ key: 'min', field: 'min', stricter: 'higher' }],
  validate: (rule, context) => [
    ...pathProblem(rule, context),
    ...(rule.distinctFrom !== undefined && !context.planHasPath(rule.distinctFrom.split('.'))
      ? [{ path: ['distinct_from'], message: `'${rule.distinctFrom}' is not a field of the plan schema` }]
      : []),
  ],
  check(rule, context) {
    const value = getPath(context.data, rule.segments);
    const { known, notes, unnamed, unknownCount } =
      value === undefined && rule.role !== undefined
        ? { known: new Set<string>(), notes: [], unnamed: 0, unknownCount: 0 }
        : namedPeople(value, rule.segments, rule.field, context);
    // People lists come from the roster: everyone whose roles name the rule's role counts.
    if (rule.role !== undefined) {
      const role = foldRole(rule.role);
      for (const person of context.rosterPeople()) if (person.roles.has(role)) known.add(person.folded);
    }
    const min = numberOf(rule.min, context.params);
    const unknown = unknownCount > 0 ? `, ${unknownCount} not in the roster` : '';
    if (rule.each) {
      const entries = Array.isArray(value) ? value.length : 0;
      const pass = entries > 0 && unnamed === 0 && unknownCount === 0;
      return {
        pass,
        ...(pass || entries === 0 ? {} : { detail: `${entries - unnamed - unknownCount} of ${entries} entries name a person${unknown}` }),
        notes,
      };
    }
    // A deputy who is the lead is no deputy: the same person in both places counts once, there.
    if (rule.distinctFrom !== undefined) {
      const other = getPath(context.data, rule.distinctFrom.split('.'));
      const others = (Array.isArray(other) ? other : [other]).filter((v): v is string => typeof v === 'string').map(foldName);
      const same = others.filter((o) => known.has(o));
      if (same.length > 0) {
        for (const o of same) known.delete(o);
        if (known.size < min) return { pass: false, detail: `the same person as ${rule.distinctFrom}`, notes };
      }
    }
    const pass = known.size >= min;
    return { pass, ...(pass ? {} : { detail: `${known.size} of ${min} named${unknown}` }), notes };
  },
  describe(rule, show) {
    if (rule.each)
      return `every entry of ${rule.path} names${rule.field ? ` in ${rule.field}` : ''} a person from the plan's roster of people`;
    const min = rule.min === 1 ? 'a person' : `at least ${show(rule.min)} different people`;
    if (rule.role !== undefined)
      return `at least ${rule.min === 1 ? 'one person' : `${show(rule.min)} different people`} in the plan's roster hold the role '${rule.role}' (or are named at ${rule.path})`;
    return `${rule.path}${rule.field ? ` (each entry's ${rule.field})` : ''} names ${min} from the plan's roster of people`;
  },
  review(rule, context) {
    const problems: RuleProblem[] = [];
    // A people rule reads names, so its field must be one the plan schema marks as naming a person: every
    // such field is checked against the roster, and a field missing the mark would escape that.
    // (A free-form section such as `custom` has no schema to mark: the rule checks its names itself.)
    if (!context.namesPeople(rule.segments, rule.field)) {
      const wanted = [...rule.segments, ...(rule.field ? [rule.field] : [])].join('.');
      problems.push({
        path: ['path'],
        message: `people rule reads '${wanted}', which the plan schema does not mark as a person's name (personName)`,
      });
    }
    // One roster: a rule that counts several people takes them from the roster by role, not from a list of its own.
    if (!rule.each && rule.min !== 1 && rule.role === undefined) {
      problems.push({
        path: ['kind'],
        message: `a people rule that counts several people must name the roster 'role' they hold, so that the plan lists each person once (in 'people')`,
      });
    }
    return problems;
  },
  schemas: () => [],
};

/**
 * The distinct people named in a value, and a note for each name that is not in the roster. Blank
 * entries name nobody.
 */
export function namedPeople(
  value: unknown,
  segments: readonly (string | number)[],
  field: string | undefined,
  context: Pick<RuleContext, 'roster' | 'data'>,
): { known: Set<string>; notes: RuleNote[]; unnamed: number; unknownCount: number } {
  const entries: { name: string; path: (string | number)[] }[] = [];
  let unnamed = 0;
  const nonAnswers: RuleNote[] = [];
  let roles: ReadonlySet<string> | undefined;
  const take = (v: unknown, path: (string | number)[]): void => {
    if (typeof v !== 'string' || v.trim() === '') unnamed++;
    // "tbd" or "nobody yet" names nobody, roster or not; nor does one letter or mark ("a", "-"), a
    // place on it ("Moderator 2"), nor a group, a role or a stand-in ("The team", "Founder 1").
    else if (
      isNonAnswer(v) ||
      isBareCharacter(v) ||
      isRosterSlot(v, () => (roles ??= rosterRoles(context.data))) ||
      isNoPerson(v, context.data)
    ) {
      unnamed++;
      nonAnswers.push({ code: 'non-answer', path, data: { text: v } });
    } else entries.push({ name: v, path });
  };
  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      if (field && entry && typeof entry === 'object' && !Array.isArray(entry))
        take((entry as Record<string, unknown>)[field], [...segments, index, field]);
      else if (!field) take(entry, [...segments, index]);
      else unnamed++;
    });
  } else take(value, [...segments]);
  const known = new Set<string>();
  const notes: RuleNote[] = nonAnswers;
  let unknownCount = 0;
  for (const entry of entries) {
    const folded = foldName(entry.name);
    if (context.roster && !context.roster.has(folded)) {
      unknownCount++;
      notes.push({ code: 'person-unknown', path: entry.path, data: { name: entry.name } });
    } else known.add(folded);
  }
  return { known, notes, unnamed, unknownCount };
}

/**
 * The roster's people (those with a name) and their roles, folded; a name written twice counts once, in
 * its first place, with its last roles (the plan schema leaves that to the roster check).
 */
export function rosterPeople(data: unknown): RosterPerson[] {
  const people = getPath(data, ['people']);
  const byName = new Map<string, RosterPerson>();
  if (!Array.isArray(people)) return [];
  let given: ReadonlySet<string> | undefined;
  for (const p of people) {
    if (!p || typeof p !== 'object' || typeof (p as { name?: unknown }).name !== 'string') continue;
    const name = (p as { name: string }).name;
    // "TBD", "Nobody" or "x" on the roster is no one, whatever role it is given; nor is "Moderator 2", "Person B",
    // "The team" or "Max Mustermann".
    if (isNonAnswer(name) || isBareCharacter(name) || isRosterSlot(name, () => (given ??= rosterRoles(data))) || isStandInName(name))
      continue;
    const roles = (p as { roles?: unknown }).roles;
    const organisation = (p as { organisation?: unknown }).organisation;
    const folded = foldName(name);
    // One entry per person, however the name is written (case, spacing, invisible characters, accents).
    byName.set(folded, {
      name,
      folded,
      roles: new Set(Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string').map(foldRole) : []),
      ...(typeof organisation === 'string' && !isNonAnswer(organisation) ? { organisation: foldRole(organisation) } : {}),
    });
  }
  return [...byName.values()];
}

/**
 * Whether a roster name is a place to fill rather than a person: a role followed by a number ('Moderator 2',
 * 'Host #1'), by one capital letter ('Person B'), by 'needed' or 'wanted' ('Moderators needed'), or by a
 * note that is a non-answer ('Host (to be hired)', 'Moderator: vacant'). The role is one the roster gives
 * (`roles`, asked for only when the name has such an ending) or a word rosters use for a place
 * (SLOT_WORDS). 'Moderator Smith' and 'Anna 2' are people.
 */
export function isRosterSlot(name: string, roles: () => ReadonlySet<string>): boolean {
  // A name is short; a longer text is read no further (and never costs the expression much).
  const parts = name.length <= 80 ? SLOT_NAME.exec(compatibleForm(name).trim()) : null;
  if (!parts) return false;
  const note = parts[2] ?? parts[3];
  if (note !== undefined && !OPEN_NOTE.test(note) && !isNonAnswer(note)) return false;
  const role = foldRole(parts[1]!);
  const single = role.endsWith('s') ? role.slice(0, -1) : role;
  // 'Moderator 2', 'Moderators needed', 'Backup moderator 1', 'Vacancy 2'.
  if (SLOT_WORDS.has(role) || SLOT_WORDS.has(single) || SLOT_WORDS.has(role.slice(role.lastIndexOf(' ') + 1)) || isNonAnswer(parts[1]!))
    return true;
  const known = roles();
  return known.has(role) || known.has(single);
}

/** A role and what marks it as a place: a number, one capital letter, 'needed'/'wanted', or a note in brackets or after a dash or colon. */
const SLOT_NAME = /^(\S.*?)(?:\s+(?:#\s*)?\d+|\s+[A-Z]|\s+(?:[Nn]eeded|[Ww]anted)|\s*\(([^()]*)\)|\s*[-\u2013\u2014:]\s+(.+))\.?$/;
/** Notes that say the place is open: 'Host (open)', 'Greeter - needed'. */
const OPEN_NOTE = /^\s*(?:open|needed|wanted|free|empty)\s*$/i;
/** Words a roster writes for a place, not a person, beside the roster's own roles. */
const SLOT_WORDS: ReadonlySet<string> = new Set([
  'moderator',
  'host',
  'volunteer',
  'person',
  'member',
  'responder',
  'organiser',
  'organizer',
  'admin',
  'administrator',
  'helper',
  'mentor',
  'tbd',
  'tba',
  'someone',
]);

/**
 * True when a name in a person field or a list of people is no person (isStandInName: 'The team', 'Founder
 * 1', 'Max Mustermann'), unless it is a role the plan's roster gives someone, which names them.
 */
export function isNoPerson(name: string, data: unknown): boolean {
  return isStandInName(name) && !rosterRoles(data).has(foldRole(name));
}

/**
 * Every role the roster gives anyone, folded, including those given only to places ('Greeter 1'). Read
 * once per plan: each people rule, and each critical function, may ask.
 */
function rosterRoles(data: unknown): ReadonlySet<string> {
  const people = getPath(data, ['people']);
  if (!Array.isArray(people)) return NO_ROLES;
  let roles = rolesOfRoster.get(people);
  if (roles) return roles;
  roles = new Set<string>();
  for (const p of people) {
    const given = p && typeof p === 'object' ? (p as { roles?: unknown }).roles : undefined;
    if (Array.isArray(given)) for (const role of given) if (typeof role === 'string') roles.add(foldRole(role));
  }
  rolesOfRoster.set(people, roles);
  return roles;
}

const NO_ROLES: ReadonlySet<string> = new Set();
const rolesOfRoster = new WeakMap<readonly unknown[], Set<string>>();
