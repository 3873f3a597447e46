// The terminal Asker's lists of entries, with Inquirer replaced by a script: each prompt the asker opens
// takes the next step, which sees the prompt's config (its message, choices, validation) and answers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AskRequest } from '../../src/interview/asker.js';
import type { FieldSpec, QuestionSpec } from '../../src/interview/question-model.js';
import { checkEntered } from '../../src/interview/question-model.js';
import { InterruptedError } from '../../src/errors.js';
import { plainPainter } from '../../src/report/types.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import { builtinMethodology } from '../helpers.js';
import { planSchema } from './interview-session.js';

type Config = Record<string, unknown> & { message: string };
type Prompt = 'input' | 'list' | 'lines';
/** One prompt answered: what kind of prompt is expected and what it answers (or throws, as Ctrl-C does). */
interface Step {
  prompt: Prompt;
  answer(config: Config): unknown;
}
const script: Step[] = [];
const opened: { prompt: Prompt; config: Config }[] = [];

function take(prompt: Prompt, config: Config): unknown {
  opened.push({ prompt, config });
  const step = script.shift();
  if (!step) throw new Error(`script ended at ${prompt}: ${config.message}`);
  if (step.prompt !== prompt) throw new Error(`script expected ${step.prompt}, the asker opened ${prompt}: ${config.message}`);
  return step.answer(config);
}

vi.mock('@inquirer/prompts', () => ({
  input: vi.fn(async (config: Config) => take('input', config)),
  checkbox: vi.fn(async () => []),
  confirm: vi.fn(async () => true),
}));
vi.mock('@inquirer/core', async (original) => ({
  ...(await original<typeof import('@inquirer/core')>()),
  createPrompt: () => vi.fn(async (config: Config) => take(Array.isArray(config.items) ? 'list' : 'lines', config)),
}));

const { createInquirerAsker } = await import('../../src/interview/inquirer-asker.js');

/** The names a list offers. */
const names = (config: Config): string[] => (config.items as { name?: string }[]).flatMap((i) => (i.name ? [i.name] : []));
/** Picks the choice whose name starts with `name`. */
function pick(name: string): Step {
  return {
    prompt: 'list',
    answer: (config) => {
      const found = (config.items as { value?: unknown; name?: string }[]).find((i) => i.name?.startsWith(name));
      if (!found) throw new Error(`'${name}' is not offered: ${names(config).join(' | ')}`);
      return found.value;
    },
  };
}
/** Types `text` into an input and presses Enter, as Inquirer takes it: refused (thrown) if its validation says no. */
function type(text: string): Step {
  return {
    prompt: 'input',
    answer: (config) => {
      // Enter on an empty line answers with the default shown, which is then validated.
      const answer = text === '' ? String(config.default ?? '') : text;
      const said = (config.validate as ((v: string) => true | string) | undefined)?.(answer) ?? true;
      if (said !== true) throw new Error(`refused: ${said}`);
      return answer;
    },
  };
}
/** Ctrl-C in the open prompt. */
const ctrlC = (prompt: Prompt): Step => ({
  prompt,
  answer: () => {
    throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
  },
});

const CHANNEL_FIELDS: FieldSpec[] = [
  { key: 'name', message: 'Channel', value: { kind: 'short-text' } },
  { key: 'url', message: 'Link', value: { kind: 'short-text', format: 'url' } },
];

function listRequest(fields: FieldSpec[], current?: unknown, minimum?: number, keep?: (value: unknown) => void): AskRequest {
  const fill = { path: 'community.channels', value: { kind: 'records' as const, fields } };
  return {
    question: { id: 'q', message: 'Which channels?', fills: [fill], feeds: [], tier: 'core' } as unknown as QuestionSpec,
    fill,
    message: 'Which channels?',
    ...(current !== undefined ? { default: current } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
    ...(keep ? { keep } : {}),
    people: [],
    actions: ['skip'],
    position: { block: 'quick', question: 1, questions: 3 },
    phaseTitle: 'Launch',
  };
}

function asker() {
  return createInquirerAsker({ paint: plainPainter, write: () => undefined, signal: new AbortController().signal });
}

beforeEach(() => {
  script.length = 0;
  opened.length = 0;
});

describe('a web address in a list', () => {
  const MATRIX = 'https://matrix.to/#/#quillmark:matrix.org';

  it('is checked as the plan schema checks it: a second # is refused as it is typed, with why', () => {
    const url = { kind: 'short-text', format: 'url' } as const;
    expect(checkEntered(url, MATRIX)).toEqual({
      ok: false,
      problem: "enter a web address such as https://forum.your-community.example/ (only one '#' may appear: write the others as %23)",
    });
    expect(checkEntered(url, 'https://matrix.to/#/%23quillmark:matrix.org').ok).toBe(true);
    expect(checkEntered(url, 'https://acme.example/a b').ok).toBe(false);
    expect(checkEntered(url, 'mailto:team@example.org').ok).toBe(false);
  });

  it('names the wrong entry of a list already given, and fixes it alone, the others kept', async () => {
    const given = [
      { name: 'Forum', url: 'https://forum.acme.example/' },
      { name: 'Matrix #quillmark', url: MATRIX },
    ];
    script.push(
      {
        prompt: 'list',
        answer: (config) => {
          // No "Keep them" while an entry cannot be saved: it would be refused again and again.
          expect(config.message).toBe('Which channels? (2 entered, 1 to fix)');
          expect(names(config)).toEqual([
            "Fix entry 2 (Matrix #quillmark): Link: enter a web address such as https://forum.your-community.example/ (only one '#' may appear: write the others as %23)",
            'Add more',
            'Start the list again',
            'Skip for now',
          ]);
          return (config.items as { value: string }[])[0]!.value;
        },
      },
      type(''), // the channel's name kept as it stands
      type('https://matrix.to/#/%23quillmark:matrix.org'),
      pick('Keep them'),
    );
    const reply = await asker().ask(listRequest(CHANNEL_FIELDS, given));
    expect(script).toHaveLength(0);
    expect(reply).toEqual({
      action: 'answer',
      value: [given[0], { name: 'Matrix #quillmark', url: 'https://matrix.to/#/%23quillmark:matrix.org' }],
    });
    // The field being fixed offers its value as it stands.
    expect(opened[1]!.config.default).toBe('Matrix #quillmark');
  });
});

const METRIC_FIELDS: FieldSpec[] = [
  { key: 'metric', message: 'Metric', value: { kind: 'short-text' } },
  { key: 'target', message: 'Target', value: { kind: 'short-text' } },
];

/** A list of lines: these lines typed one after another (each accepted as the prompt would), then Enter on an empty one. */
function lines(...typed: Record<string, unknown>[]): Step {
  return {
    prompt: 'lines',
    answer: (config) => {
      const accepted: { line: string; value: unknown }[] = [];
      for (const value of typed) {
        accepted.push({ line: JSON.stringify(value), value });
        (config.onAccepted as ((values: unknown[]) => void) | undefined)?.(accepted.map((a) => a.value));
      }
      return accepted;
    },
  };
}

describe('a list of entries loses nothing typed', () => {
  const two = [
    { metric: 'Active members', target: '40' },
    { metric: 'Answered questions', target: '80%' },
  ];

  it('offers a way out of a required field left empty (or ?): the entry is dropped, the list and Done for now remain', async () => {
    const kept: unknown[] = [];
    script.push(
      pick('Add several, one line each'),
      lines(...two),
      pick('Add an entry, field by field'),
      {
        prompt: 'input',
        answer: (config) => {
          expect(config.message).toBe('  Metric (needed; ? for a way out)');
          // '?' is no longer taken for a text that "counts as not written".
          expect((config.validate as (v: string) => unknown)('?')).toBe(true);
          return '?';
        },
      },
      {
        prompt: 'list',
        answer: (config) => {
          expect(config.message).toBe('Metric is needed in every entry.');
          return (config.items as { value: string }[])[0]!.value; // Fill it in
        },
      },
      type(''),
      pick('Drop this entry'),
      {
        prompt: 'list',
        answer: (config) => {
          expect(config.message).toBe('2 entered (at least 3 to meet the point). Another one?');
          expect(names(config)).toContain('Done for now');
          return pick('Done for now').answer(config);
        },
      },
    );
    const reply = await asker().ask(listRequest(METRIC_FIELDS, undefined, 3, (entries) => kept.push(entries)));
    expect(script).toHaveLength(0);
    expect(reply).toEqual({ action: 'answer', value: two });
    // Saved line by line as they were accepted; the entry dropped changed nothing to save.
    expect(kept).toEqual([[two[0]], two]);
  });

  it('has saved every entry accepted when Ctrl-C comes part way through the list', async () => {
    const kept: unknown[] = [];
    script.push(
      pick('Add several, one line each'),
      lines(...two),
      pick('Add an entry, field by field'),
      type('Returning members'),
      ctrlC('input'),
    );
    await expect(asker().ask(listRequest(METRIC_FIELDS, undefined, 3, (entries) => kept.push(entries)))).rejects.toBeInstanceOf(
      InterruptedError,
    );
    expect(kept.at(-1)).toEqual(two);
  });

  it('saves a fixed entry at once, before the list is done', async () => {
    const kept: unknown[] = [];
    const given = [{ name: 'Forum', url: 'https://forum.acme.example/ x' }];
    script.push(pick('Fix entry 1'), type(''), type('https://forum.acme.example/'), ctrlC('list'));
    await expect(asker().ask(listRequest(CHANNEL_FIELDS, given, 1, (entries) => kept.push(entries)))).rejects.toBeInstanceOf(
      InterruptedError,
    );
    expect(kept).toEqual([[{ name: 'Forum', url: 'https://forum.acme.example/' }]]);
  });
});

describe("a field the point needs in every entry (a goal's target)", () => {
  it("is marked from the point's own rule, where the plan format leaves it optional", () => {
    const goals = questionsFromMethodology(builtinMethodology(), planSchema).find((q) => q.fills[0]!.path === 'purpose.goals')!;
    const fields = (goals.fills[0]!.value as { fields: readonly FieldSpec[] }).fields;
    expect(fields.find((f) => f.key === 'target')).toMatchObject({ optional: true, pointNeeds: true });
    expect(fields.find((f) => f.key === 'unit')).not.toHaveProperty('pointNeeds');
  });

  it('left empty, says the point needs it: filled in after all, or left empty knowingly', async () => {
    const fields: FieldSpec[] = [
      { key: 'metric', message: 'What is measured', value: { kind: 'short-text' } },
      { key: 'target', message: 'Target value', value: { kind: 'number' }, optional: true, pointNeeds: true },
    ];
    script.push(
      pick('Add an entry, field by field'),
      type('Active members'),
      type(''),
      {
        prompt: 'list',
        answer: (config) => {
          expect(config.message).toBe('Target value: the point needs it in every entry.');
          return pick('Fill it in').answer(config);
        },
      },
      type('40'),
      pick('Add an entry, field by field'),
      type('Answered questions'),
      type(''),
      pick('Leave it empty for now'),
      pick('Done'),
    );
    const reply = await asker().ask(listRequest(fields));
    expect(script).toHaveLength(0);
    expect(reply).toEqual({ action: 'answer', value: [{ metric: 'Active members', target: '40' }, { metric: 'Answered questions' }] });
    expect(opened.find((o) => o.config.message.startsWith('  Target value'))!.config.message).toBe('  Target value (the point needs it)');
  });
});

describe('a person named in an entry', () => {
  it('chosen as someone new is said to be new in the reply: they join the roster without being asked again', async () => {
    const fields: FieldSpec[] = [
      { key: 'name', message: 'Moderator', value: { kind: 'person', role: 'moderator' } },
      { key: 'coverage', message: 'Hours covered', value: { kind: 'short-text' } },
    ];
    script.push(
      pick('Add an entry, field by field'),
      pick('Someone new'),
      type('Zoe Park'),
      type('weekends'),
      pick('Add an entry, field by field'),
      pick('Ana'),
      type('weekdays'),
      pick('Done'),
    );
    const reply = await asker().ask({ ...listRequest(fields), people: ['Ana'] });
    expect(script).toHaveLength(0);
    expect(reply).toEqual({
      action: 'answer',
      value: [
        { name: 'Zoe Park', coverage: 'weekends' },
        { name: 'Ana', coverage: 'weekdays' },
      ],
      joining: ['Zoe Park'],
    });
  });
});

describe('Esc in a list of entries', () => {
  /** Esc pressed in an open list: it answers what the list says Esc chooses (the real prompt does so, as the terminal test shows). */
  const esc = (message: RegExp): Step => ({
    prompt: 'list',
    answer: (config) => {
      expect(config.message).toMatch(message);
      const escape = config.escape as { value: string; label: string } | undefined;
      if (!escape) throw new Error(`Esc does nothing at: ${config.message}`);
      return escape.value;
    },
  });

  it('drops an entry left at an empty needed field, then skips the list that has no entry', async () => {
    script.push(pick('Add an entry, field by field'), type(''), esc(/^Metric is needed in every entry\.$/), esc(/^Add the entries/));
    const reply = await asker().ask(listRequest(METRIC_FIELDS, undefined, 3));
    expect(script).toHaveLength(0);
    expect(reply).toEqual({ action: 'skip' });
    // Each list says what Esc does.
    expect(opened.filter((o) => o.prompt === 'list').map((o) => (o.config.escape as { label: string }).label)).toEqual([
      'skip',
      'drop this entry',
      'skip',
    ]);
  });

  it('ends a list with entries: done with them, even short of the minimum', async () => {
    const one = { metric: 'Active members', target: '40' };
    script.push(pick('Add several, one line each'), lines(one), esc(/^1 entered \(at least 3 to meet the point\)\. Another one\?$/));
    const reply = await asker().ask(listRequest(METRIC_FIELDS, undefined, 3));
    expect(reply).toEqual({ action: 'answer', value: [one] });
    expect((opened.at(-1)!.config.escape as { label: string }).label).toBe('done for now');
    // The lines say Esc ends them too.
    expect(opened.find((o) => o.prompt === 'lines')!.config.hint).toMatch(/Enter on an empty line \(or Esc\) when done\.$/);
  });
});
