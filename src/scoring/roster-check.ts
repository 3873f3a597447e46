// Pure: every field of a plan that names a person, checked against the plan's roster. The fields come
// from the plan schema's annotation (personName, keyPersonName), so none is missed; a name that is not
// on the roster counts as no one wherever a rule reads it, and is a finding at its line.
import type { PersonField } from '../methodology/plan-schema-paths.js';
import { foldName, foldRole } from '../methodology/rule-kinds/index.js';
import { allItems, type Item, type Methodology } from '../methodology/types.js';
import { isBareCharacter, isNonAnswer } from '../text/non-answer.js';
import { isStandInName } from '../text/person-name.js';

/** A name written in a person field. */
export interface NamedPerson {
  path: (string | number)[];
  name: string;
  field: PersonField;
  /** The name is no person's ('The team', 'Founder 1', 'Max Mustermann': isStandInName), not a person off the roster. */
  standIn?: true;
}

/** What the roster check found in one plan. */
export interface RosterCheck {
  /** Names not on the roster, each at its path. */
  unknown: readonly NamedPerson[];
  /** The paths of `unknown`, joined by NUL: the facts rules read leave these names out. */
  unknownKeys: ReadonlySet<string>;
  /** For each person on the roster (folded name), the key duties (keyPersonName fields) they hold. */
  keyDuties: ReadonlyMap<string, number>;
}

const NOTHING: RosterCheck = Object.freeze({ unknown: Object.freeze([]), unknownKeys: new Set<string>(), keyDuties: new Map() });

/**
 * Checks every person field of the plan against its roster; a plan without a roster is not checked
 * (version 1). A role someone on the roster holds ("greeter", "mentor") names them too: a step owned by
 * the greeter on duty is owned by people the roster lists.
 */
export function checkRoster(
  data: unknown,
  roster: ReadonlySet<string> | null,
  roles: ReadonlySet<string>,
  fields: readonly PersonField[],
): RosterCheck {
  if (roster === null) return NOTHING;
  const unknown: NamedPerson[] = [];
  const keyDuties = new Map<string, number>();
  for (const field of fields) {
    // A person named twice in one key duty (a list of leads) holds it once.
    const holders = new Set<string>();
    for (const { path, value } of valuesAt(data, field.segments)) {
      if (typeof value !== 'string' || value.trim() === '' || isNonAnswer(value) || isBareCharacter(value)) continue;
      const folded = foldName(value);
      if (!roster.has(folded)) {
        if (!roles.has(foldRole(value)))
          unknown.push({ path, name: value, field, ...(isStandInName(value) ? { standIn: true as const } : {}) });
        continue;
      }
      if (field.key) holders.add(folded);
    }
    for (const h of holders) keyDuties.set(h, (keyDuties.get(h) ?? 0) + 1);
  }
  if (unknown.length === 0 && keyDuties.size === 0) return NOTHING;
  return { unknown, unknownKeys: new Set(unknown.map((u) => u.path.join('\u0000'))), keyDuties };
}

/** The values at a path pattern (`*`: every entry of a list), with their concrete paths. */
function valuesAt(data: unknown, segments: readonly string[]): { path: (string | number)[]; value: unknown }[] {
  let level: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: data }];
  for (const segment of segments) {
    const next: { path: (string | number)[]; value: unknown }[] = [];
    for (const { path, value } of level) {
      if (segment === '*') {
        if (Array.isArray(value)) for (let i = 0; i < value.length; i++) next.push({ path: [...path, i], value: value[i] });
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, segment)) {
        next.push({ path: [...path, segment], value: (value as Record<string, unknown>)[segment] });
      }
    }
    if (next.length === 0) return next;
    level = next;
  }
  return level;
}

/**
 * The item a person field belongs to: the first, in methodology order, with a rule reading the field or
 * a section holding it (`purpose.goals` for `purpose.goals.*.owner`); null when no item reads it.
 */
export function itemReading(methodology: Methodology, field: PersonField): Item | null {
  const plain = field.segments.filter((s) => s !== '*');
  return (
    allItems(methodology).find((item) =>
      item.evidence.some((rule) => rule.segments.length <= plain.length && rule.segments.every((s, i) => s === plain[i])),
    ) ?? null
  );
}
