// Pure (the user through the Asker): the people an answer names who are not on the roster yet. A name
// the user said is new ("someone new") joins it as it is; any other is confirmed first, with the roster
// names it may be a typo of, so that a slip in a typed list never makes a new person silently.
import { foldName, foldRole } from '../methodology/rule-kinds/rule-kind.js';
import { closestMatches } from '../text/closest-matches.js';
import { data, rosterAdditions, type Change, type InterviewState } from './interview-state.js';
import { personFieldAt } from './person-fields.js';
import type { ValueSpec } from './question-model.js';
import { rosterOf } from './roster-entry.js';

/** A name an answer gives, the role they would join the roster with, and whether the plan reads it as a roster name. */
interface Named {
  name: string;
  role: string | undefined;
  /** The plan does not check this field against the roster (it may hold a board, the members): it may stay off it. */
  free: boolean;
}

/** The answer with any name corrected, and the roster additions of the names confirmed. */
export interface ConfirmedPeople {
  value: unknown;
  additions: Change[];
}

/**
 * Confirms the names in `value` that are not on the roster: each joins it, is a typo of a roster name
 * (or is typed again), or, where the plan does not need a roster name, stays as written off the roster.
 * `joining` are the names the user already said are new.
 */
export async function confirmNewPeople(
  s: InterviewState,
  path: string,
  spec: ValueSpec,
  value: unknown,
  joining: readonly string[] = [],
): Promise<ConfirmedPeople> {
  const named = namedIn(s, path, spec, value);
  if (named.length === 0) return { value, additions: [] };
  const roster = rosterOf(data(s));
  const names = roster.map((p) => p.name);
  // On the roster by name, or a role someone on it holds: as lint reads a person field (roster-check.ts).
  const knownNames = new Set(names.map(foldName));
  const roles = new Set(roster.flatMap((p) => (p.roles ?? []).map((r) => foldRole(String(r)))));
  const known = (name: string): boolean => knownNames.has(foldName(name)) || roles.has(foldRole(name));
  const said = new Set(joining.map(foldName));
  const fresh = unique(named.filter((n) => !known(n.name) && !said.has(foldName(n.name))));
  // What each new name becomes: itself joining, a roster name it was a typo of, or itself off the roster.
  const outcome = new Map<string, { name: string; join: boolean }>();
  for (const n of named) if (said.has(foldName(n.name)) && !known(n.name)) outcome.set(foldName(n.name), { name: n.name, join: true });
  const all = fresh.length > 1 ? await askAll(s, fresh) : 'each';
  for (const n of fresh)
    outcome.set(foldName(n.name), all === 'each' ? await confirmOne(s, n, names, known) : { name: n.name, join: all === 'add' });
  const fixes = new Map([...outcome].filter(([from, to]) => foldName(to.name) !== from).map(([from, to]) => [from, to.name]));
  return {
    value: fixes.size > 0 ? renamed(spec, value, fixes) : value,
    // In the order the answer names them.
    additions: rosterAdditions(
      s,
      unique(named).flatMap((n) => {
        const to = outcome.get(foldName(n.name));
        return to?.join ? [{ name: to.name, role: n.role }] : [];
      }),
    ),
  };
}

/** Several new names at once: all added, all kept off the roster (where the plan allows), or one by one. */
async function askAll(s: InterviewState, fresh: readonly Named[]): Promise<'add' | 'each' | 'off'> {
  return s.asker.choose<'add' | 'each' | 'off'>(
    `${fresh.length} names are not on the roster yet: ${fresh.map((n) => n.name).join(', ')}.`,
    [
      { value: 'add', name: 'Add them all to the roster' },
      { value: 'each', name: 'Go through them one by one (to fix a typo)' },
      ...(fresh.every((n) => n.free)
        ? [{ value: 'off' as const, name: 'Keep them as written, off the roster (not on the team, or groups)' }]
        : []),
    ],
  );
}

/** One new name: it joins the roster, or is a typo (of a roster name, or typed again), or stays off the roster. */
async function confirmOne(
  s: InterviewState,
  n: Named,
  names: readonly string[],
  known: (name: string) => boolean,
): Promise<{ name: string; join: boolean }> {
  let name = n.name;
  for (;;) {
    const near = closestMatches(name, names, 2);
    const as = n.role ? ` as ${n.role}` : '';
    const picked = await s.asker.choose(`${name} is not on the roster yet: add them${as}?`, [
      { value: 'add', name: `Add ${name} to the roster${as}` },
      ...near.map((r) => ({ value: `is:${r}`, name: `It's a typo for ${r}, who is on the roster` })),
      { value: 'fix', name: "It's a typo: type the name again" },
      ...(n.free ? [{ value: 'off', name: 'Keep it as written, off the roster (not on the team, or a group such as a board)' }] : []),
    ]);
    if (picked === 'add') return { name, join: true };
    if (picked === 'off') return { name, join: false };
    if (picked.startsWith('is:')) return { name: picked.slice('is:'.length), join: false };
    const typed = (await s.asker.text(`The name, as it should be (instead of ${name})`)).trim();
    if (typed.length === 0) continue;
    if (known(typed)) return { name: names.find((r) => foldName(r) === foldName(typed)) ?? typed, join: false };
    name = typed;
  }
}

/** The people an answer names, each with the role of where they are named. */
function namedIn(s: InterviewState, path: string, spec: ValueSpec, value: unknown): Named[] {
  if (spec.kind === 'person')
    return ([] as unknown[]).concat(value).map((name) => ({ name: String(name), role: spec.role, free: !personFieldAt(s.m, path) }));
  if (spec.kind !== 'records' || !Array.isArray(value)) return [];
  const named: Named[] = [];
  for (const entry of value as Record<string, unknown>[])
    for (const field of spec.fields) {
      if (field.value.kind !== 'person' || entry[field.key] === undefined) continue;
      // A function's holders hold that function (a role named like it counts them); others, the field's role.
      const own = typeof entry.function === 'string' ? entry.function : typeof entry.role === 'string' ? entry.role : undefined;
      const role = field.value.role ?? own;
      const free = !personFieldAt(s.m, `${path}.*.${field.key}`);
      for (const name of ([] as unknown[]).concat(entry[field.key])) named.push({ name: String(name), role, free });
    }
  return named.filter((n) => n.name.trim().length > 0);
}

/** The first of each name (in any case or spacing). */
function unique(named: readonly Named[]): Named[] {
  const seen = new Set<string>();
  return named.filter((n) => !seen.has(foldName(n.name)) && seen.add(foldName(n.name)));
}

/** The answer with each name typed wrong replaced by the one meant. */
function renamed(spec: ValueSpec, value: unknown, fixes: ReadonlyMap<string, string>): unknown {
  const fix = (name: unknown): unknown => (typeof name === 'string' ? (fixes.get(foldName(name)) ?? name) : name);
  const inField = (v: unknown): unknown => (Array.isArray(v) ? [...new Set(v.map(fix))] : fix(v));
  if (spec.kind === 'person') return inField(value);
  if (spec.kind !== 'records' || !Array.isArray(value)) return value;
  return (value as Record<string, unknown>[]).map((entry) => {
    const out = { ...entry };
    for (const field of spec.fields)
      if (field.value.kind === 'person' && out[field.key] !== undefined) out[field.key] = inField(out[field.key]);
    return out;
  });
}
