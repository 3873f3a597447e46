// A person question uses the roster as answers: those who hold the role asked for are ticked (several)
// or pointed at (one) in advance; the answer given before still wins.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/interview/asker.js';
import { holdersOf } from '../../src/interview/roster-entry.js';
import { personKind } from '../../src/interview/value-kinds/person-kind.js';
import type { SpecOf, TerminalAsk, TerminalChoice, TerminalPrompts } from '../../src/interview/value-kinds/index.js';

const ROSTER = {
  people: [
    { name: 'Ana', roles: ['host'] },
    { name: 'Priya', roles: ['Conduct responder', 'moderator'] },
    { name: 'Tom', roles: ['conduct responder'] },
  ],
};
const people = ROSTER.people.map((p) => p.name);

/** A terminal that records the choices shown and answers with what is ticked or pointed at in advance. */
function terminal(): TerminalPrompts & { shown: { choices: TerminalChoice<unknown>[]; def?: unknown; noDefault?: boolean }[] } {
  const shown: { choices: TerminalChoice<unknown>[]; def?: unknown; noDefault?: boolean }[] = [];
  return {
    shown,
    typed: async () => ({ action: 'skip' }),
    chosen: async (_message, choices, def, _actions, noDefault): Promise<Reply> => {
      shown.push({ choices: [...choices], def, ...(noDefault !== undefined ? { noDefault } : {}) });
      return def === undefined ? { action: 'skip' } : { action: 'answer', value: def };
    },
    ticked: async <T extends string>(_message: string, choices: readonly TerminalChoice<T>[]) => {
      shown.push({ choices: [...choices] });
      return choices.filter((c) => c.checked).map((c) => c.value);
    },
    actionMenu: async () => 'skip',
    records: async () => ({ action: 'skip' }),
    editor: async () => ({ ok: false, why: 'none' }),
    warn: () => undefined,
  };
}

function ask(spec: SpecOf<'person'>, holders: readonly string[], def?: unknown): TerminalAsk<SpecOf<'person'>> {
  return {
    spec,
    prompt: 'Who?',
    message: 'Who?',
    default: def,
    actions: ['skip'],
    people,
    holders,
    noDefault: def === undefined,
    minimum: 1,
  };
}

describe('the roster as answers to a person question', () => {
  it('finds who holds a role, whatever its case', () => {
    expect(holdersOf(ROSTER, 'conduct responder')).toEqual(['Priya', 'Tom']);
    expect(holdersOf(ROSTER, 'host')).toEqual(['Ana']);
    expect(holdersOf(ROSTER, 'sponsor')).toEqual([]);
  });

  it('ticks those who hold the role when several are asked for, and keeps an earlier answer instead', async () => {
    const t = terminal();
    const spec = { kind: 'person', several: true, role: 'conduct responder' } as const;
    expect(await personKind.ask(ask(spec, ['Priya', 'Tom']), t)).toEqual({ action: 'answer', value: ['Priya', 'Tom'] });
    expect(await personKind.ask(ask(spec, ['Priya', 'Tom'], ['Ana']), t)).toEqual({ action: 'answer', value: ['Ana'] });
  });

  it('offers the holders first and points at the one the roster names; several holders are offered, none chosen', async () => {
    const t = terminal();
    expect(await personKind.ask(ask({ kind: 'person', role: 'host' }, ['Ana']), t)).toEqual({ action: 'answer', value: 'Ana' });
    await personKind.ask(ask({ kind: 'person', role: 'conduct responder' }, ['Priya', 'Tom']), t);
    expect(t.shown[1]!.choices.map((c) => c.value).slice(0, 3)).toEqual(['Priya', 'Tom', 'Ana']);
    expect(t.shown[1]!.def).toBeUndefined();
    expect(t.shown[1]!.noDefault).toBe(true);
  });
});

describe('someone new, as the terminal asks for them', () => {
  /** A terminal where "someone new" is chosen (or ticked along with Priya) and `typed` is typed. */
  function newcomer(typed: string): TerminalPrompts {
    return {
      ...terminal(),
      typed: async () => ({ action: 'answer', value: typed }),
      chosen: async (_message, choices) => ({ action: 'answer', value: choices.at(-1)!.value }),
      ticked: async <T extends string>(_message: string, choices: readonly TerminalChoice<T>[]) =>
        choices.filter((c) => c.value === 'Priya' || c.name.startsWith('Someone new')).map((c) => c.value),
    };
  }

  it('says the names typed are new: they join the roster without being asked again', async () => {
    expect(await personKind.ask(ask({ kind: 'person', role: 'host' }, []), newcomer('Zoe Park'))).toEqual({
      action: 'answer',
      value: 'Zoe Park',
      joining: ['Zoe Park'],
    });
    expect(await personKind.ask(ask({ kind: 'person', several: true }, []), newcomer('Zoe Park, Yan'))).toEqual({
      action: 'answer',
      value: ['Priya', 'Zoe Park', 'Yan'],
      joining: ['Zoe Park', 'Yan'],
    });
  });

  it('with nobody on the roster, says the name typed joins it', async () => {
    const messages: string[] = [];
    const t: TerminalPrompts = {
      ...terminal(),
      typed: async (message) => {
        messages.push(message);
        return { action: 'answer', value: 'Zoe Park' };
      },
    };
    expect(await personKind.ask({ ...ask({ kind: 'person', role: 'host' }, []), people: [] }, t)).toEqual({
      action: 'answer',
      value: 'Zoe Park',
      joining: ['Zoe Park'],
    });
    expect(messages).toEqual(['Who? (a name: they join the roster)']);
  });

  it('a name picked from the roster is no one new', async () => {
    const picked = await personKind.ask(ask({ kind: 'person', role: 'host' }, ['Ana']), terminal());
    expect(picked).toEqual({ action: 'answer', value: 'Ana' });
  });
});
