// The terminal Asker: the only module that loads @inquirer/prompts (and ora, for work between prompts).
// Ctrl-C inside a prompt and an aborted signal both end the interview as an InterruptedError. Every text
// Inquirer or the asker prints (messages, defaults, choices, descriptions, validation messages, lines)
// passes through the one sanitiser here, whatever the caller already did: an answer from the plan shown
// as a default must not set the terminal's title or clear its screen.
import { createRequire } from 'node:module';
import { Separator, checkbox, confirm, editor, input, select } from '@inquirer/prompts';
import { InterruptedError } from '../errors.js';
import type { Painter } from '../report/types.js';
import type { Asker, AskRequest, InterviewEvent, Reply, ReplyAction } from './asker.js';
import { ACTION_LABELS, describeEvent, describePosition } from './interview-messages.js';
import { checkEntered, promptFor, type FieldSpec, type ValueSpec } from './question-model.js';
import { safeText } from './safe-text.js';
import { sanitizeOutput } from '../text/sanitize.js';

type Action = Exclude<ReplyAction, 'answer'>;
const MORE = '?';

export interface InquirerAskerOptions {
  paint: Painter;
  write(text: string): void;
  /** Aborted by SIGINT, SIGTERM or SIGHUP: the open prompt closes at once. */
  signal: AbortSignal;
}

export function createInquirerAsker(o: InquirerAskerOptions): Asker & { busy<T>(label: string, work: () => Promise<T>): Promise<T> } {
  const context = { signal: o.signal, clearPromptOnDone: false };
  const guard = async <T>(prompt: () => Promise<T>): Promise<T> => {
    try {
      return await prompt();
    } catch (error) {
      throw toInterrupted(error, o.signal);
    }
  };
  // Only the painter's own colour codes survive; anything else that would act on the terminal is shown.
  const line = (text: string): void => o.write(sanitizeOutput(`${text}\n`, true));

  const actionMenu = async (actions: readonly Action[]): Promise<Action | 'answer'> =>
    guard(() =>
      select<Action | 'answer'>(
        {
          message: 'What would you like to do?',
          choices: [{ value: 'answer' as const, name: 'Answer it' }, ...actions.map((a) => ({ value: a, name: ACTION_LABELS[a] }))],
        },
        context,
      ),
    );

  const actionChoices = (actions: readonly Action[]) =>
    actions.length > 0 ? [new Separator(), ...actions.map((a) => ({ value: `action:${a}`, name: ACTION_LABELS[a] }))] : [];

  /** A one-line entry; `?` (or Enter with nothing to keep) opens the other options. */
  let hinted = false;
  const typed = async (message: string, spec: ValueSpec, def: unknown, actions: readonly Action[]): Promise<Reply> => {
    if (!hinted && actions.length > 0) {
      hinted = true;
      line(o.paint.dim(`Type ? (or leave it empty) for: ${actions.map((a) => ACTION_LABELS[a].split(':')[0]!.toLowerCase()).join(', ')}.`));
    }
    const shown = shownDefault(def === undefined ? undefined : String(def));
    for (;;) {
      const answer = shown.keep(
        await guard(() =>
          input(
            {
              message: safeText(promptFor(message, spec)),
              ...shown.option,
              validate: (value: string) => {
                if (value.trim() === MORE || value.trim() === '') return true;
                const checked = checkEntered(spec, shown.keep(value));
                return checked.ok ? true : safeText(`${checked.problem} (or type ? for other options)`);
              },
            },
            context,
          ),
        ),
      );
      if (answer.trim() !== MORE && answer.trim() !== '') return { action: 'answer', value: answer };
      if (actions.length === 0) continue;
      const picked = await actionMenu(actions);
      if (picked !== 'answer') return { action: picked };
    }
  };

  const chosen = async (
    message: string,
    choices: readonly { value: unknown; name: string; description?: string }[],
    def: unknown,
    actions: readonly Action[],
  ): Promise<Reply> => {
    const index = await guard(() =>
      select<string>(
        {
          message: safeText(message),
          choices: [
            ...choices.map((c, i) => ({
              value: `choice:${i}`,
              name: safeText(c.name),
              ...(c.description ? { description: safeText(c.description) } : {}),
            })),
            ...actionChoices(actions),
          ],
          ...(def !== undefined && choices.some((c) => c.value === def)
            ? { default: `choice:${choices.findIndex((c) => c.value === def)}` }
            : {}),
          pageSize: 12,
        },
        context,
      ),
    );
    if (index.startsWith('action:')) return { action: index.slice('action:'.length) as Action };
    return { action: 'answer', value: choices[Number(index.slice('choice:'.length))]!.value };
  };

  const askValue = async (
    message: string,
    spec: ValueSpec,
    def: unknown,
    actions: readonly Action[],
    people: readonly string[],
  ): Promise<Reply> => {
    switch (spec.kind) {
      case 'short-text':
      case 'number':
      case 'percentage':
      case 'date':
      case 'text-list':
        return typed(message, spec, def, actions);
      case 'long-text': {
        const how = await chosen(
          message,
          [
            { value: 'here', name: 'Type it here' },
            { value: 'editor', name: 'Write it in my editor' },
          ],
          undefined,
          actions,
        );
        if (how.action !== 'answer') return how;
        if (how.value === 'here') return typed(message, { kind: 'short-text' }, def, actions);
        const text = await guard(() =>
          // The default is the text to edit, handed to the editor as a file, never printed by the prompt.
          editor({ message: safeText(message), ...(typeof def === 'string' ? { default: def } : {}), waitForUserInput: false }, context),
        );
        return { action: 'answer', value: text };
      }
      case 'yes-no':
        return chosen(
          message,
          [
            { value: true, name: 'Yes' },
            { value: false, name: 'No' },
          ],
          def,
          actions,
        );
      case 'one-choice':
        return chosen(message, spec.choices, def, actions);
      case 'several-choices': {
        const values = await guard(() =>
          checkbox<string>(
            {
              message: safeText(`${message} (space to tick; none ticked for other options)`),
              choices: spec.choices.map((c, i) => ({
                value: String(i),
                name: safeText(c.name),
                checked: Array.isArray(def) && def.includes(c.value),
                ...(c.description ? { description: safeText(c.description) } : {}),
              })),
            },
            context,
          ),
        );
        if (values.length > 0) return { action: 'answer', value: values.map((i) => spec.choices[Number(i)]!.value) };
        const picked = actions.length > 0 ? await actionMenu(actions) : 'answer';
        return picked === 'answer' ? askValue(message, spec, def, actions, people) : { action: picked };
      }
      case 'person': {
        const NEW = '\u0000new';
        const reply = await chosen(
          message,
          [...people.map((p) => ({ value: p, name: p })), { value: NEW, name: 'Add a new person' }],
          def,
          actions,
        );
        if (reply.action !== 'answer' || reply.value !== NEW) return reply;
        return typed('Their name', { kind: 'short-text' }, undefined, []);
      }
      case 'records':
        return records(message, spec.fields, def, actions);
    }
  };

  const records = async (message: string, fields: readonly FieldSpec[], def: unknown, actions: readonly Action[]): Promise<Reply> => {
    let entries: Record<string, unknown>[] = Array.isArray(def) ? [...(def as Record<string, unknown>[])] : [];
    if (entries.length > 0) {
      const keep = await chosen(
        `${message} (${entries.length} entered)`,
        [
          { value: 'keep', name: 'Keep them' },
          { value: 'add', name: 'Add more' },
          { value: 'replace', name: 'Start the list again' },
        ],
        undefined,
        actions,
      );
      if (keep.action !== 'answer') return keep;
      if (keep.value === 'keep') return { action: 'answer', value: entries };
      if (keep.value === 'replace') entries = [];
    } else line(message);
    for (;;) {
      const next = await chosen(
        entries.length === 0 ? 'Add the first entry?' : `${entries.length} entered. Another one?`,
        [{ value: 'add', name: 'Add an entry' }, ...(entries.length > 0 ? [{ value: 'done', name: 'Done' }] : [])],
        undefined,
        entries.length === 0 ? actions : [],
      );
      if (next.action !== 'answer') return next;
      if (next.value === 'done') return { action: 'answer', value: entries };
      const entry: Record<string, unknown> = {};
      for (const field of fields) {
        const value = await fieldValue(field);
        if (value !== undefined) entry[field.key] = value;
      }
      entries.push(entry);
    }
  };

  /** One field of a record; optional text fields may be left empty. */
  const fieldValue = async (field: FieldSpec): Promise<unknown> => {
    const label = `  ${safeText(field.message)}`;
    if (field.value.kind === 'records') {
      const reply = await records(label, field.value.fields, undefined, []);
      return reply.action === 'answer' ? reply.value : undefined;
    }
    if (
      field.value.kind === 'one-choice' ||
      field.value.kind === 'yes-no' ||
      field.value.kind === 'several-choices' ||
      field.value.kind === 'person'
    ) {
      const reply = await askValue(label, field.value, undefined, [], []);
      return reply.action === 'answer' ? reply.value : undefined;
    }
    const spec = field.value;
    const text = await guard(() =>
      input(
        {
          message: safeText(promptFor(label, spec)),
          validate: (value: string) => {
            if (value.trim() === '') return field.optional ? true : 'needed';
            const checked = checkEntered(spec, value);
            return checked.ok ? true : safeText(checked.problem);
          },
        },
        context,
      ),
    );
    // Returned as entered: the flow checks and converts the whole list (a percentage to 0-1) once.
    return text.trim() === '' ? undefined : text.trim();
  };

  return {
    async ask(request: AskRequest): Promise<Reply> {
      line(o.paint.dim(describePosition(request.position, request.phaseTitle)));
      if (request.problem) line(o.paint.yellow(safeText(request.problem)));
      return askValue(safeText(request.message), request.fill.value, request.default, request.actions, request.people);
    },
    async text(message: string, options?: { default?: string }): Promise<string> {
      const shown = shownDefault(options?.default || undefined);
      return shown.keep(await guard(() => input({ message: safeText(message), ...shown.option }, context)));
    },
    async date(message: string, options?: { default?: string }): Promise<string> {
      const shown = shownDefault(options?.default || undefined);
      return shown.keep(
        await guard(() =>
          input(
            {
              message: safeText(message),
              ...shown.option,
              validate: (v: string) => (checkEntered({ kind: 'date' }, shown.keep(v)).ok ? true : 'enter a date as YYYY-MM-DD'),
            },
            context,
          ),
        ),
      );
    },
    async confirm(message: string, defaultValue: boolean): Promise<boolean> {
      return guard(() => confirm({ message: safeText(message), default: defaultValue }, context));
    },
    async choose<T extends string>(message: string, choices: readonly { value: T; name: string }[]): Promise<T> {
      return guard(() =>
        select<T>({ message: safeText(message), choices: choices.map((c) => ({ value: c.value, name: safeText(c.name) })) }, context),
      );
    },
    show(event: InterviewEvent): void {
      for (const text of describeEvent(event, o.paint)) line(text);
    },
    async busy<T>(label: string, work: () => Promise<T>): Promise<T> {
      // Only between prompts and only on a terminal; stdin is not discarded, so Ctrl-C still works.
      if (!process.stderr.isTTY) return work();
      // Loaded on first use; through require (Node 20.19+ loads an ES module so), which also works inside
      // the bundle, where import() has no loader behind it.
      const { default: ora } = createRequire(import.meta.url)('ora') as typeof import('ora');
      const spinner = ora({ text: safeText(label), discardStdin: false }).start();
      try {
        const result = await work();
        spinner.stop();
        return result;
      } catch (error) {
        spinner.stop();
        throw error;
      }
    },
  };
}

/**
 * A current value offered as a prompt's default: Inquirer prints it, so it is shown sanitised; when the
 * user keeps it (Enter), the answer is the value itself, not its shown form.
 */
function shownDefault(value: string | undefined): { option: { default?: string }; keep(answer: string): string } {
  if (value === undefined) return { option: {}, keep: (answer) => answer };
  const shown = safeText(value);
  return { option: { default: shown }, keep: (answer) => (answer === shown ? value : answer) };
}

function toInterrupted(error: unknown, signal: AbortSignal): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'AbortPromptError') {
    const reason = signal.reason;
    return new InterruptedError(reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT', 'interrupted');
  }
  if (error.name === 'ExitPromptError') {
    // Ctrl-C in a prompt arrives as a keypress; a closed terminal as SIGHUP; signal-exit names the signal.
    const named = /SIGTERM|SIGHUP/.exec(error.message)?.[0] as 'SIGTERM' | 'SIGHUP' | undefined;
    return new InterruptedError(named ?? 'SIGINT', 'interrupted');
  }
  return error;
}
