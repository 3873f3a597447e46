// Rule kind `cover`: backup cover for critical functions, computed rather than asked. Each function's
// holders are the people listed for it plus everyone whose roster roles name it; a function with too
// few holders, or a person holding too many functions, is a single point of failure.
import { getPath } from '../plan-facts.js';
import type { NumberOrParam } from '../types.js';
import { namedPeople } from './people-rule.js';
import { isBareCharacter, isNonAnswer } from '../../text/non-answer.js';
import { foldName, foldRole, numberOf, pathProblem, type RuleKindModule, type RuleNote, ruleBase, type RuleBase } from './rule-kind.js';

/** Backup cover: each critical function at `path` held by enough people, and nobody holding too many. */
export interface CoverRule extends RuleBase {
  kind: 'cover';
  functions: NumberOrParam;
  holders: NumberOrParam;
  perPersonMax: NumberOrParam;
}

export const coverRule: RuleKindModule<CoverRule> = {
  kind: 'cover',
  build: (raw) => ({
    kind: 'cover',
    ...ruleBase(raw),
    functions: (raw.functions as NumberOrParam | undefined) ?? 1,
    holders: raw.holders as NumberOrParam,
    perPersonMax: raw.per_person_max as NumberOrParam,
  }),
  params: [
    { key: 'functions', field: 'functions', stricter: 'higher' },
    { key: 'holders', field: 'holders', stricter: 'higher' },
    { key: 'per_person_max', field: 'perPersonMax', stricter: 'lower' },
  ],
  validate: (rule, context) => pathProblem(rule, context),
  check(rule, context) {
    const list = getPath(context.data, rule.segments);
    const functions = Array.isArray(list)
      ? list.filter(
          (f): f is Record<string, unknown> =>
            f !== null &&
            typeof f === 'object' &&
            typeof (f as { function?: unknown }).function === 'string' &&
            (f as { function: string }).function.trim() !== '' &&
            !isNonAnswer((f as { function: string }).function) &&
            !isBareCharacter((f as { function: string }).function),
        )
      : [];
    const roster = context.rosterPeople();
    // Folded name → the name as written, for messages: the roster's spelling first.
    const display = new Map<string, string>(roster.map((person) => [person.folded, person.name.trim()]));
    const notes: RuleNote[] = [];
    // Key duties named in person fields (the host, a safeguarding lead) weigh like critical functions.
    const load = new Map<string, number>(context.keyDuties ?? []);
    const minHolders = numberOf(rule.holders, context.params);
    // Looked up, not searched, per function: a plan may list a hundred thousand functions and people.
    const places = new Map<unknown, number>(Array.isArray(list) ? list.map((entry, i) => [entry, i]) : []);
    const byRole = new Map<string, string[]>();
    for (const person of roster)
      for (const role of person.roles) {
        const holders = byRole.get(role);
        if (holders) holders.push(person.folded);
        else byRole.set(role, [person.folded]);
      }
    // One function listed again ('moderation', 'Moderation ') is one function: its holders are joined,
    // and it counts once toward the functions asked for and once toward each holder's load.
    const byFunction = new Map<string, { name: string; index: number; holders: Set<string> }>();
    for (const entry of functions) {
      const index = places.get(entry) ?? -1;
      const name = String(entry.function);
      const { known, notes: unknown } = namedPeople(entry.people, [...rule.segments, index, 'people'], undefined, context);
      for (const note of unknown) notes.push(note);
      if (Array.isArray(entry.people))
        for (const n of entry.people) if (typeof n === 'string' && !display.has(foldName(n))) display.set(foldName(n), n.trim());
      const role = foldRole(name);
      let held = byFunction.get(role);
      if (!held) byFunction.set(role, (held = { name, index, holders: new Set(byRole.get(role) ?? []) }));
      for (const folded of known) held.holders.add(folded);
    }
    let thin = 0;
    for (const { name, index, holders } of byFunction.values()) {
      for (const h of holders) load.set(h, (load.get(h) ?? 0) + 1);
      if (holders.size < minHolders) {
        thin++;
        notes.push({
          code: 'single-point',
          path: [...rule.segments, index],
          data: { function: name, holders: holders.size, max: minHolders },
        });
      }
    }
    const maxPerPerson = numberOf(rule.perPersonMax, context.params);
    let overloaded = 0;
    for (const [folded, count] of load) {
      if (count > maxPerPerson) {
        overloaded++;
        notes.push({
          code: 'person-overloaded',
          path: [...rule.segments],
          data: { name: display.get(folded) ?? folded, count, max: maxPerPerson },
        });
      }
    }
    const minFunctions = numberOf(rule.functions, context.params);
    const problems: string[] = [];
    if (byFunction.size < minFunctions) problems.push(`${byFunction.size} of ${minFunctions} functions listed`);
    if (thin > 0) problems.push(`${thin} with fewer than ${minHolders} holders`);
    if (overloaded > 0) problems.push(`${overloaded} ${overloaded === 1 ? 'person holds' : 'people hold'} more than ${maxPerPerson}`);
    return { pass: problems.length === 0, ...(problems.length > 0 ? { detail: problems.join('; ') } : {}), notes };
  },
  describe: (rule, show) =>
    `${rule.path} lists at least ${show(rule.functions)} critical functions, each held by at least ${show(rule.holders)} people (listed, or by their roster roles), with nobody holding more than ${show(rule.perPersonMax)}`,
  schemas: () => [],
};
