// Pure: where the interview asks for a person. The plan schema marks every field that names one
// (methodology.personFields); a question filling such a field is asked as a pick from the roster (one
// person, or several for a list), with "someone new", who joins the roster with the field's role.
import { allItems, type Methodology } from '../methodology/types.js';
import type { FieldSpec, FillSpec, QuestionSpec, ValueSpec } from './question-model.js';
import { humanize } from './plain-words.js';

/** The person field a plan path (dotted, lists as `*` or an index) is, if any. */
export function personFieldAt(m: Methodology, path: string): { key: boolean; list: boolean } | undefined {
  const segments = path.split('.').map((s) => (/^\d+$/.test(s) ? '*' : s));
  for (const field of m.personFields) {
    // A list of names: the field is its entries (`responders.*`); the path names the list.
    const list = field.segments.at(-1) === '*';
    const own = list ? field.segments.slice(0, -1) : field.segments;
    if (own.length === segments.length && own.every((s, i) => s === segments[i])) return { key: field.key, list };
  }
  return undefined;
}

/** Roles the methodology counts (people rules' `role`): a roster entry with one of them counts there. */
export function rolesOf(m: Methodology): string[] {
  const roles = new Set<string>();
  for (const item of allItems(m)) for (const rule of item.evidence) if (rule.kind === 'people' && rule.role) roles.add(rule.role);
  return [...roles];
}

/**
 * The role someone named at `path` (and record field `field`) holds: the role a people rule counts
 * there, else one made from the field's place (`governance.safeguarding.deputy` → "safeguarding deputy",
 * `purpose.goals.*.owner` → "goals owner"). Undefined where the person's role is the entry's own (a
 * critical function's holders hold that function).
 */
export function roleAt(m: Methodology, path: string, field?: string): string | undefined {
  for (const item of allItems(m))
    for (const rule of item.evidence)
      if (rule.kind === 'people' && rule.role && rule.path === path && (rule.field ?? undefined) === field) return rule.role;
  const parts = [...path.split('.'), ...(field ? [field] : [])].filter((s) => s !== '*' && s !== 'name' && !/^\d+$/.test(s));
  const last = parts.at(-1);
  const parent = parts.at(-2);
  if (!last) return undefined;
  if (last === 'people' || last === 'holder') return undefined;
  if (last === 'deletion_by') return 'erasure requests';
  if (last === 'decision_makers') return 'decision maker';
  if (parent && /^(owner|owners|deputy|designated_lead|spokesperson|decided_by|contact_tree)$/.test(last)) {
    const what = humanize(
      last
        .replace(/^designated_/, '')
        .replace(/_by$/, '')
        .replace(/s$/, ''),
    );
    // The owner of a list's entries: a "goal owner", not a "goals owner".
    return `${field !== undefined ? humanize(parent).replace(/(?<!s)s$/, '') : humanize(parent)} ${what}`;
  }
  return humanize(last);
}

/**
 * The question with every fill (and record field) that names a person asked as one: a pick from the
 * roster, several for a list. A role the question gives is kept.
 */
export function withPersonKinds(q: QuestionSpec, m: Methodology): QuestionSpec {
  if (m.personFields.length === 0) return q;
  let changed = false;
  const fills = q.fills.map((f): FillSpec => {
    const value = personValue(m, f.path, undefined, f.value);
    if (value === f.value) return f;
    changed = true;
    return { ...f, value };
  });
  return changed ? { ...q, fills } : q;
}

function personValue(m: Methodology, path: string, field: string | undefined, spec: ValueSpec): ValueSpec {
  const at = field ? `${path}.*.${field}` : path;
  if (spec.kind === 'records') {
    let changed = false;
    const fields = spec.fields.map((f): FieldSpec => {
      const value = personValue(m, path, f.key, f.value);
      if (value === f.value) return f;
      changed = true;
      return { ...f, value };
    });
    return changed ? { ...spec, fields } : spec;
  }
  const person = personFieldAt(m, at);
  if (!person) return spec;
  const role = (spec.kind === 'person' ? spec.role : undefined) ?? roleAt(m, path, field);
  if (person.list && (spec.kind === 'text-list' || spec.kind === 'person'))
    return { kind: 'person', several: true, ...(role ? { role } : {}) };
  if (!person.list && (spec.kind === 'short-text' || spec.kind === 'person')) return { kind: 'person', ...(role ? { role } : {}) };
  return spec;
}
