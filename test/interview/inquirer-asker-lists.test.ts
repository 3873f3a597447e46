// The terminal Asker's lists of entries, with Inquirer replaced by a script: each prompt the asker opens
// takes the next step, which sees the prompt's config (its message, choices, validation) and answers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AskRequest } from '../../src/interview/asker.js';
import type { FieldSpec, QuestionSpec } from '../../src/interview/question-model.js';
import { checkEntered } from '../../src/interview/question-model.js';
import { plainPainter } from '../../src/report/types.js';

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
      problem: "enter a web address such as https://example.org/ (only one '#' may appear: write the others as %23)",
    });
    expect(checkEntered(url, 'https://matrix.to/#/%23quillmark:matrix.org').ok).toBe(true);
    expect(checkEntered(url, 'https://example.org/a b').ok).toBe(false);
    expect(checkEntered(url, 'mailto:team@example.org').ok).toBe(false);
  });

  it('names the wrong entry of a list already given, and fixes it alone, the others kept', async () => {
    const given = [
      { name: 'Forum', url: 'https://forum.example.org/' },
      { name: 'Matrix #quillmark', url: MATRIX },
    ];
    script.push(
      {
        prompt: 'list',
        answer: (config) => {
          // No "Keep them" while an entry cannot be saved: it would be refused again and again.
          expect(config.message).toBe('Which channels? (2 entered, 1 to fix)');
          expect(names(config)).toEqual([
            "Fix entry 2 (Matrix #quillmark): Link: enter a web address such as https://example.org/ (only one '#' may appear: write the others as %23)",
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
