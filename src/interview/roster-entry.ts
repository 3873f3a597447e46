// Pure: the roster as the interview takes it, one line per person ("Ana Lima: host, moderator"), each
// line checked before it is accepted, and merged into the plan's `people` without losing what is there.
import { isRosterSlot } from '../methodology/rule-kinds/people-rule.js';
import { foldName, foldRole } from '../methodology/rule-kinds/rule-kind.js';
import { isNonAnswer } from '../text/non-answer.js';
import { isStandInName } from '../text/person-name.js';

/** One person as typed: a name and the roles they hold. */
export interface RosterEntry {
  name: string;
  roles: string[];
}

export type RosterLine = { ok: true; entry: RosterEntry } | { ok: false; problem: string };

const CONTACT = /@|\+?\d[\d ()-]{6,}\d/;

/** A roster line as the user is shown it, with the host in the profile's words ("Ana Lima: organiser, moderator"). */
export function rosterExample(host = 'host'): string {
  return `Ana Lima: ${host}, moderator`;
}

/**
 * "Ana Lima: host, moderator" → Ana Lima holding host and moderator; "Bo" → Bo, no role yet. A problem
 * shows `example`, the line as the user was shown it.
 */
export function parseRosterLine(line: string, example = rosterExample()): RosterLine {
  const text = line.trim();
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).trim().replace(/\s+/g, ' ');
  const roles = colon < 0 ? [] : splitRoles(text.slice(colon + 1));
  if (name.length === 0) return { ok: false, problem: `start the line with the name, then a colon and the roles: "${example}"` };
  // The assessment counts no one for these ('tbd', 'Moderator 2'): refused as typed.
  if (isNonAnswer(name) || isRosterSlot(name, () => new Set(roles.map(foldName))))
    return { ok: false, problem: `'${name}' is not a name; leave the line empty when everyone is listed` };
  // Nor these ('The team', 'Founder 1', 'Max Mustermann', 'triage-bot'): the roster lists people, one by one.
  if (isStandInName(name)) return { ok: false, problem: `'${name}' is not one person's name: list each person on a line of their own` };
  if (colon < 0 && name.includes(',')) return { ok: false, problem: `one person per line, with a colon after the name: "${example}"` };
  if (CONTACT.test(text)) return { ok: false, problem: 'leave e-mail addresses and phone numbers out: the plan may be read by others' };
  return { ok: true, entry: { name, roles } };
}

function splitRoles(text: string): string[] {
  const out: string[] = [];
  for (const role of text.split(',')) {
    const r = role.trim().replace(/\s+/g, ' ').toLowerCase();
    if (r.length > 0 && !out.includes(r)) out.push(r);
  }
  return out;
}

/** A roster entry as the plan holds it (any other fields kept as written). */
export interface RosterPerson {
  name: string;
  roles?: string[];
  [key: string]: unknown;
}

/**
 * The roster with the entries merged in: a person already there (the same name, in any case) gains the
 * roles they did not hold; a new person is added at the end. Nothing already there is removed.
 */
export function mergeRoster(roster: readonly RosterPerson[], entries: readonly RosterEntry[]): RosterPerson[] {
  const out: RosterPerson[] = roster.map((p) => ({ ...p, ...(p.roles ? { roles: [...p.roles] } : {}) }));
  for (const entry of entries) {
    const at = out.findIndex((p) => foldName(p.name) === foldName(entry.name));
    if (at < 0) {
      out.push({ name: entry.name, roles: [...entry.roles] });
      continue;
    }
    const person = out[at]!;
    const roles = person.roles ?? [];
    for (const role of entry.roles) if (!roles.some((r) => foldRole(r) === foldRole(role))) roles.push(role);
    if (roles.length > 0 || person.roles) person.roles = roles;
  }
  return out;
}

/** The people of plan data's roster (entries without a name are not people). */
export function rosterOf(data: unknown): RosterPerson[] {
  const people = data && typeof data === 'object' ? (data as Record<string, unknown>).people : undefined;
  if (!Array.isArray(people)) return [];
  return people.filter((p): p is RosterPerson => p !== null && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string');
}

/** The names on the roster holding `role` (as the people rules count roles: the same word, any case). */
export function holdersOf(data: unknown, role: string): string[] {
  const wanted = role.trim().toLowerCase();
  return rosterOf(data)
    .filter((p) => (p.roles ?? []).some((r) => typeof r === 'string' && r.trim().toLowerCase() === wanted))
    .map((p) => p.name);
}

/** A roster entry as one line, the way it is typed: "Ana Lima: host, moderator". */
export function rosterLine(person: RosterPerson): string {
  return person.roles && person.roles.length > 0 ? `${person.name}: ${person.roles.join(', ')}` : person.name;
}
