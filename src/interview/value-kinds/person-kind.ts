// A name from the plan's roster, or several: picked (or ticked) from the roster, or typed; someone new
// joins the roster. Never derived from a question's own kind: person-fields.ts makes a text a person
// where the methodology says the path names people.
import type { Reply } from '../asker.js';
import { checkText, partsOf, personNameProblem } from './entered-text.js';
import {
  asTyped,
  noLines,
  storedAsShown,
  unchanged,
  type SpecOf,
  type TerminalAsk,
  type TerminalPrompts,
  type ValueKindModule,
} from './value-kind.js';

export const personKind: ValueKindModule<'person'> = {
  derive: () => undefined,
  check: (spec, entered) => {
    if (!spec.several) {
      const checked = checkText(entered);
      const odd = checked.ok ? personNameProblem(String(checked.value)) : undefined;
      return odd ? { ok: false, problem: odd } : checked;
    }
    const names = partsOf(entered);
    if (names.length === 0) return { ok: false, problem: 'name at least one person' };
    const odd = names.map(personNameProblem).find((p) => p !== undefined);
    return odd ? { ok: false, problem: odd } : { ok: true, value: [...new Set(names)] };
  },
  toEntered: storedAsShown,
  hint: (spec) => (spec.several ? ' (names, separated by commas)' : ''),
  ownScale: false,
  neverAssumed: true,
  seconds: 10,
  labelled: unchanged,
  inPlainWords: unchanged,
  shownLines: noLines,
  ask: (ask, terminal) => (ask.spec.several ? askPeople(ask, terminal) : askPerson(ask, terminal)),
  inEntry: () => 'asked',
  inLine: (spec) => (spec.several ? undefined : asTyped()),
};

/** Stands for "someone new" among the names (no name holds this character). */
const NEW = '\u0000new';
const SOMEONE_NEW = 'Someone new (joins the roster)';

/** One person: a name from the roster, or someone new (who joins it). */
async function askPerson(ask: TerminalAsk<SpecOf<'person'>>, terminal: TerminalPrompts): Promise<Reply> {
  const { people } = ask;
  // With nobody on the roster yet, the name typed is the first one on it: said so, not asked again.
  if (people.length === 0)
    return joining(await terminal.typed(`${ask.message} (a name: they join the roster)`, { kind: 'person' }, ask.default, ask.actions));
  // Those who hold the role come first; the one person the roster gives it to is pointed at.
  const holders = people.filter((p) => ask.holders?.includes(p));
  const def = ask.default ?? (holders.length === 1 ? holders[0] : undefined);
  const reply = await terminal.chosen(
    ask.message,
    [...holders, ...people.filter((p) => !holders.includes(p))]
      .map((p) => ({ value: p, name: p }))
      .concat({ value: NEW, name: SOMEONE_NEW }),
    def,
    ask.actions,
    ask.noDefault && def === undefined,
  );
  if (reply.action !== 'answer' || reply.value !== NEW) return reply;
  return joining(await terminal.typed('Their name', { kind: 'person' }, undefined, []));
}

/** Several people: ticked from the roster, plus anyone new typed by name. */
async function askPeople(ask: TerminalAsk<SpecOf<'person'>>, terminal: TerminalPrompts): Promise<Reply> {
  const { people } = ask;
  if (people.length === 0)
    return joining(
      await terminal.typed(`${ask.message} (they join the roster)`, { kind: 'person', several: true }, ask.default, ask.actions),
      true,
    );
  // The answer given so far; with none, those the roster gives the role to.
  const current = Array.isArray(ask.default) ? ask.default.map(String) : [...(ask.holders ?? [])];
  const ticked = await terminal.ticked(`${ask.message} (space to tick; tick none for someone new or other options)`, [
    ...people.map((p) => ({ value: p, name: p, checked: current.includes(p) })),
    { value: NEW, name: SOMEONE_NEW },
  ]);
  const names = ticked.filter((t) => t !== NEW);
  const added: string[] = [];
  if (ticked.includes(NEW)) {
    const more = await terminal.typed('Their names (separated by commas)', { kind: 'person', several: true }, undefined, []);
    if (more.action === 'answer') for (const n of String(more.value).split(',')) if (n.trim().length > 0) added.push(n.trim());
  }
  if (names.length + added.length > 0)
    return { action: 'answer', value: [...names, ...added], ...(added.length > 0 ? { joining: added } : {}) };
  const picked = ask.actions.length > 0 ? await terminal.actionMenu(ask.actions) : 'answer';
  return picked === 'answer' ? askPeople(ask, terminal) : { action: picked };
}

/** A name (or names) typed as someone new: they join the roster as typed, without being asked again. */
function joining(reply: Reply, several = false): Reply {
  if (reply.action !== 'answer') return reply;
  const typed = Array.isArray(reply.value) ? reply.value : several ? String(reply.value).split(',') : [reply.value];
  const names = typed.map((n) => String(n).trim());
  return { ...reply, joining: names.filter((n) => n.length > 0) };
}
