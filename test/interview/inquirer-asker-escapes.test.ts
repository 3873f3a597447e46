// The terminal Asker shows every hostile text visibly escaped: messages, defaults (an answer already in
// the plan), choices, descriptions, validation messages and the lines it writes. Inquirer is replaced by
// recorders, so what it would print is exactly what the asker handed it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AskRequest } from '../../src/interview/asker.js';
import type { QuestionSpec } from '../../src/interview/question-model.js';
import { plainPainter } from '../../src/report/types.js';
import { HOSTILE_STRINGS, unsafeParts } from '../output-safety-check.js';

/** Every config Inquirer received, and the validation messages its validate functions gave for bad input. */
const seen: { prompt: string; config: Record<string, unknown> }[] = [];
const record = (prompt: string) => (config: Record<string, unknown>) => {
  seen.push({ prompt, config });
  return config;
};

vi.mock('@inquirer/prompts', () => ({
  // Enter on an empty line: Inquirer answers with the default it shows.
  input: vi.fn(async (config: Record<string, unknown>) => String(record('input')(config).default ?? 'typed')),
  // The first choice, but 'Done' when a list of records offers it (else the list would grow forever).
  select: vi.fn(async (config: { choices: { value: string; name?: string }[] }) => {
    record('select')(config as never);
    return (config.choices.find((c) => c.name === 'Done') ?? config.choices[0]!).value;
  }),
  checkbox: vi.fn(async (config: Record<string, unknown>) => (record('checkbox')(config), ['0'])),
  confirm: vi.fn(async (config: Record<string, unknown>) => (record('confirm')(config), true)),
  editor: vi.fn(async (config: Record<string, unknown>) => (record('editor')(config), 'edited')),
  Separator: class {},
}));

// commready's own prompts, made with Inquirer's core: a list (the default, else 'Done', else the first
// choice) and a list of lines (none typed).
vi.mock('@inquirer/core', async (original) => ({
  ...(await original<typeof import('@inquirer/core')>()),
  createPrompt: () =>
    vi.fn(async (config: Record<string, unknown>) => {
      if (Array.isArray(config.items)) {
        record('list')(config);
        const items = (config.items as { value?: string; name?: string }[]).filter((i) => i.value !== undefined);
        return (items.find((i) => i.value === config.default) ?? items.find((i) => i.name === 'Done') ?? items[0]!).value;
      }
      record('lines')(config);
      return [];
    }),
}));

const { createInquirerAsker } = await import('../../src/interview/inquirer-asker.js');

/** Every string Inquirer would print from a config: message, default, choices' names and descriptions, validation messages. */
async function printedBy(config: Record<string, unknown>): Promise<string[]> {
  const out: string[] = [];
  for (const key of ['message', 'default'] as const) if (typeof config[key] === 'string') out.push(config[key] as string);
  for (const key of ['hint'] as const) if (typeof config[key] === 'string') out.push(config[key] as string);
  for (const choice of ((config.choices ?? config.items) as { name?: unknown; description?: unknown }[] | undefined) ?? []) {
    if (typeof choice.name === 'string') out.push(choice.name);
    if (typeof choice.description === 'string') out.push(choice.description);
  }
  const validate = config.validate as ((value: string) => unknown) | undefined;
  for (const bad of ['not a number \u001b[2J', '9999-99-99']) {
    const said = await validate?.(bad);
    if (typeof said === 'string') out.push(said);
  }
  return out;
}

function request(message: string, fill: AskRequest['fill'], current: unknown): AskRequest {
  return {
    question: { id: 'q', message, fills: [fill], feeds: [], tier: 'core' } as unknown as QuestionSpec,
    fill,
    message,
    ...(current !== undefined ? { default: current } : {}),
    people: [message],
    actions: ['why', 'skip'],
    position: { block: 'quick', question: 1, questions: 3 },
    point: { id: message, title: message },
    threshold: message,
    phaseTitle: message,
    problem: message,
  };
}

/** An asker on a terminal 40 columns wide. */
function narrowAsker(): ReturnType<typeof createInquirerAsker> {
  return createInquirerAsker({ paint: plainPainter, write: () => undefined, signal: new AbortController().signal, columns: () => 40 });
}

/** The lines of a text wrapped for that terminal, checked: several, none wider, none starting with the space it broke at. */
function wrappedLines(text: string): string[] {
  const lines = text.split('\n');
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(40);
    expect(line).not.toMatch(/^ /);
  }
  return lines;
}

describe('the terminal Asker with hostile text', () => {
  beforeEach(() => {
    seen.length = 0;
  });

  for (const [what, hostile] of Object.entries(HOSTILE_STRINGS)) {
    it(`prints ${what} visibly, never raw, and keeps the value itself as the answer`, async () => {
      const written: string[] = [];
      const asker = createInquirerAsker({ paint: plainPainter, write: (t) => written.push(t), signal: new AbortController().signal });
      const choices = [{ value: 'a', name: hostile, description: hostile }];

      // An answer already in the plan, offered as the default and kept with Enter: the plan's value comes back.
      const kept = await asker.ask(request(hostile, { path: 'community.name', value: { kind: 'short-text' } }, hostile));
      expect(kept).toEqual({ action: 'answer', value: hostile });
      await asker.ask(request(hostile, { path: 'x', value: { kind: 'number' } }, 3));
      await asker.ask(request(hostile, { path: 'x', value: { kind: 'one-choice', choices } }, 'a'));
      await asker.ask(request(hostile, { path: 'x', value: { kind: 'several-choices', choices } }, ['a']));
      await asker.ask(request(hostile, { path: 'x', value: { kind: 'person' } }, hostile));
      await asker.ask(
        request(
          hostile,
          { path: 'x', value: { kind: 'records', fields: [{ key: 'k', message: hostile, value: { kind: 'date' } }] } },
          undefined,
        ),
      );
      expect(await asker.text(hostile, { default: hostile })).toBe(hostile);
      await asker.date(hostile, { default: hostile });
      await asker.roster({
        message: hostile,
        current: [hostile],
        roles: [hostile],
        example: hostile,
        actions: ['skip'],
        position: { block: 'people', question: 1, questions: 1 },
      });
      await asker.confirm(hostile, false);
      await asker.choose(hostile, [{ value: 'a', name: hostile }]);
      asker.show({ kind: 'resume', answers: 3, next: hostile });
      asker.show({ kind: 'block-start', block: 'quick', questions: 3, minutes: 4, level: hostile });
      asker.show({
        kind: 'summary',
        final: true,
        level: hostile,
        score: 5,
        blockers: [{ itemId: hostile, title: hostile }],
        nextLevel: { title: hostile, scoreAfter: 6, items: [{ itemId: hostile, title: hostile }] },
        todo: [{ itemId: hostile, title: hostile, owner: hostile, due: hostile }],
        dontKnow: [{ title: hostile, itemIds: [hostile] }],
        answered: 2,
      });
      asker.show({ kind: 'why', items: [{ itemId: hostile, title: hostile, why: hostile, guidance: hostile }], help: hostile });
      asker.show({ kind: 'feedback', items: [{ itemId: hostile, title: hostile, status: 'partial', failed: [hostile] }], score: 5 });
      asker.show({ kind: 'report-written', file: hostile });

      expect(seen.map((s) => s.prompt)).toEqual(expect.arrayContaining(['input', 'list', 'lines', 'checkbox', 'confirm']));
      for (const { prompt, config } of seen)
        for (const text of await printedBy(config)) expect(unsafeParts(text), `${prompt}: ${JSON.stringify(text)}`).toEqual([]);
      for (const line of written.join('').split('\n')) expect(unsafeParts(line), JSON.stringify(line)).toEqual([]);
    });
  }

  it("wraps a list's hint at word boundaries to the terminal's width, no line starting with the space it broke at", async () => {
    const asker = narrowAsker();
    await asker.roster({
      message: 'Who is involved?',
      current: [],
      roles: ['greeter', 'conduct responder', 'moderator', 'crisis contact', 'platform owner'],
      example: 'Ana Lima: organiser, moderator',
      actions: ['skip'],
      position: { block: 'people', question: 1, questions: 1 },
    });
    const hint = seen.find((x) => x.prompt === 'lines')?.config.hint;
    expect(typeof hint).toBe('string');
    expect(wrappedLines(hint as string).join(' ')).toContain(
      'Roles the checks count: greeter, conduct responder, moderator, crisis contact, platform owner.',
    );
  });

  it("wraps a choice's description at word boundaries to the terminal's width, no line starting with the space it broke at", async () => {
    const asker = narrowAsker();
    const description =
      'Organisers replace the paid host, and expectations follow what volunteers can give: the apparatus of a corporate programme is not asked of them.';
    const choices = [{ value: 'a', name: 'Volunteer group', description }];
    await asker.ask(request('Kind?', { path: 'x', value: { kind: 'one-choice', choices } }, undefined));
    await asker.ask(request('Kinds?', { path: 'x', value: { kind: 'several-choices', choices } }, undefined));
    const shown = seen.flatMap(({ config }) =>
      (((config.choices ?? config.items) as { description?: unknown }[] | undefined) ?? []).flatMap((c) =>
        typeof c.description === 'string' ? [c.description] : [],
      ),
    );
    expect(shown).toHaveLength(2);
    for (const text of shown) expect(wrappedLines(text).join(' ')).toBe(description);
  });

  it('refuses a text its check finds a problem with, saying the problem, and always takes an empty one', async () => {
    await narrowAsker().text('Their name', { check: (t) => (/\p{L}/u.test(t) ? undefined : `'${t}' is not a name\u001b[2J`) });
    const validate = seen.find((x) => x.prompt === 'input')!.config.validate as (typed: string) => unknown;
    expect(validate('2027-01-15')).toBe("'2027-01-15' is not a name\\x1b[2J");
    expect(validate(' Ben Ito ')).toBe(true);
    expect(validate('')).toBe(true);
  });

  it('echoes what the user types in every text prompt visibly escaped, while typing and once answered', async () => {
    const asker = createInquirerAsker({ paint: plainPainter, write: () => undefined, signal: new AbortController().signal });
    await asker.text('Name?');
    await asker.text('Name?', { default: 'Makers' });
    await asker.date('Opens?');
    await asker.ask(request('Who?', { path: 'x', value: { kind: 'short-text' } }, undefined));
    await asker.ask(
      request(
        'Hosts?',
        { path: 'x', value: { kind: 'records', fields: [{ key: 'k', message: 'Name', value: { kind: 'short-text' } }] } },
        undefined,
      ),
    );
    const inputs = seen.filter((x) => x.prompt === 'input');
    expect(inputs.length).toBeGreaterThanOrEqual(5);
    // A pasted answer: a right-to-left override, a window title and a cleared screen.
    const typed = 'Evil\u202e\u001b]0;owned\u0007\u001b[2JName';
    for (const { config } of inputs) {
      const transformer = config.transformer as ((value: string, flags: { isFinal: boolean }) => string) | undefined;
      expect(typeof transformer, JSON.stringify(config.message)).toBe('function');
      for (const isFinal of [false, true]) expect(transformer!(typed, { isFinal })).toBe('Evil\\u202e\\x1b]0;owned\\x07\\x1b[2JName');
    }
  });

  it('refuses a non-answer typed for a text with one pointer to ?, and any other problem with one too', async () => {
    const asker = createInquirerAsker({ paint: plainPainter, write: () => undefined, signal: new AbortController().signal });
    await asker.ask(request('Who?', { path: 'x', value: { kind: 'short-text' } }, undefined));
    await asker.ask(request('How many?', { path: 'x', value: { kind: 'number' } }, undefined));
    const [text, number] = seen.filter((x) => x.prompt === 'input').map((x) => x.config.validate as (typed: string) => unknown);
    const refusal = text!('tbd');
    expect(refusal).toMatch(/^'tbd' counts as not written/);
    expect(String(refusal).match(/type \?/g)).toHaveLength(1);
    expect(number!('many')).toMatch(/ \(or type \? for other options\)$/);
  });

  it('shows an OSC title and a clear-screen in a default as text the user can read', async () => {
    const asker = createInquirerAsker({ paint: plainPainter, write: () => undefined, signal: new AbortController().signal });
    const evil = 'Makers\u001b]0;owned\u0007\u001b[2J';
    await asker.text('Name?', { default: evil });
    expect(seen[0]!.config.default).toBe('Makers\\x1b]0;owned\\x07\\x1b[2J');
  });
});
