// The terminal Asker: the only module that loads Inquirer (its prompts, and its core for the two prompts
// of commready's own: a list where digits never pick and a safe default is never assumed, and a list of
// lines checked one by one) and ora, for work between prompts. Ctrl-C inside a prompt and an aborted
// signal both end the interview as an InterruptedError. Every text Inquirer or the asker prints
// (messages, defaults, choices, descriptions, validation messages, lines) passes through the one
// sanitiser here, whatever the caller already did: an answer from the plan shown as a default must not
// set the terminal's title or clear its screen.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePagination,
  usePrefix,
  useRef,
  useState,
  type Status,
} from '@inquirer/core';
import { checkbox, confirm, input } from '@inquirer/prompts';
import { InterruptedError } from '../errors.js';
import type { Painter } from '../report/types.js';
import type { Asker, AskRequest, InterviewEvent, OtherAction, Reply, RosterReply, RosterRequest } from './asker.js';
import { ACTION_LABELS, describeEvent, describePosition, describePrompt } from './interview-messages.js';
import { checkEntered, entryHint, promptFor, type FieldSpec, type ValueSpec } from './question-model.js';
import { parseRosterLine, type RosterEntry } from './roster-entry.js';
import { safeText } from './safe-text.js';
import { wrapLines } from './wrap-lines.js';
import { sanitizeOutput } from '../text/sanitize.js';

const MORE = '?';

export interface InquirerAskerOptions {
  paint: Painter;
  write(text: string): void;
  /** Aborted by SIGINT, SIGTERM or SIGHUP: the open prompt closes at once. */
  signal: AbortSignal;
  /** The terminal's width now (it may change while the interview runs); undefined when unknown. */
  columns?(): number | undefined;
  /** The environment: $VISUAL and $EDITOR name the editor for long answers. */
  env?: Readonly<Record<string, string | undefined>>;
}

interface Choice<T> {
  value: T;
  name: string;
  description?: string;
}
type Item<T> = Choice<T> | { separator: true };

interface ListConfig<T> {
  message: string;
  items: readonly Item<T>[];
  /** The value the pointer starts on; without one (and with `noDefault`), nothing is chosen yet. */
  default?: T;
  noDefault?: boolean;
  pageSize?: number;
}

/**
 * A list to choose from with ↑ ↓ and Enter. Unlike Inquirer's own select, a digit never moves the
 * pointer (a number typed into the wrong prompt must not become an answer), and with `noDefault`
 * nothing is pointed at until the user moves: Enter alone does not answer.
 */
const list = createPrompt(<T>(config: ListConfig<T>, done: (value: T) => void): string => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<Status>('idle');
  const prefix = usePrefix({ status, theme });
  const selectable = config.items.flatMap((item, i) => ('separator' in item ? [] : [i]));
  const initial = config.default !== undefined ? config.items.findIndex((it) => !('separator' in it) && it.value === config.default) : -1;
  const [active, setActive] = useState<number>(initial >= 0 ? initial : config.noDefault ? -1 : selectable[0]!);
  const [note, setNote] = useState<string | undefined>(undefined);
  useKeypress((key, rl) => {
    if (isEnterKey(key)) {
      if (active < 0) {
        setNote('Nothing is chosen yet: move to an answer with ↑ ↓, then press Enter.');
        return;
      }
      setStatus('done');
      done((config.items[active] as Choice<T>).value);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      const at = selectable.indexOf(active);
      const next =
        active < 0
          ? isDownKey(key)
            ? 0
            : selectable.length - 1
          : Math.max(0, Math.min(selectable.length - 1, at + (isUpKey(key) ? -1 : 1)));
      setActive(selectable[next]!);
      setNote(undefined);
      return;
    }
    if (isNumberKey(key)) {
      rl.clearLine(0);
      setNote('Digits do not choose here: move with ↑ ↓, then press Enter.');
      return;
    }
    if (!isBackspaceKey(key)) rl.clearLine(0);
  });
  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer((config.items[active] as Choice<T>).name)}`;
  const page = usePagination({
    items: config.items,
    active: active < 0 ? 0 : active,
    renderItem: ({ item, isActive }) => {
      if ('separator' in item) return ' ──────────────';
      const pointed = isActive && active >= 0;
      return pointed ? theme.style.highlight(`❯ ${item.name}`) : `  ${item.name}`;
    },
    pageSize: config.pageSize ?? 12,
    loop: false,
  });
  const chosen = active >= 0 ? (config.items[active] as Choice<T>) : undefined;
  return [
    `${prefix} ${message}`,
    page,
    ' ',
    chosen?.description ? theme.style.help(chosen.description) : '',
    note ? theme.style.error(note) : theme.style.help('↑↓ move • ⏎ choose'),
  ]
    .filter((s) => s !== '')
    .join('\n');
});

interface LinesConfig<T> {
  message: string;
  /** Shown under the message: how to type a line. */
  hint: string;
  /** Lines already accepted (kept when the prompt opens again). */
  accepted: readonly { line: string; value: T }[];
  /** Checks one line; a problem keeps the line for correction. */
  check(line: string): { ok: true; value: T } | { ok: false; problem: string };
  /** The least number of lines before Enter on an empty line ends the list. */
  minimum: number;
}

/**
 * Several entries, one line each: every line is checked when Enter is pressed and kept only if it is
 * right; Enter on an empty line ends the list once the minimum is reached. Pasted lines are taken one
 * after another.
 */
const lines = createPrompt(<T>(config: LinesConfig<T>, done: (values: { line: string; value: T }[]) => void): string => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<Status>('idle');
  const prefix = usePrefix({ status, theme });
  const accepted = useRef<{ line: string; value: T }[]>([...config.accepted]);
  const typed = useRef('');
  const [, setCount] = useState(accepted.current.length);
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const line = typed.current.trim();
      typed.current = '';
      if (line === '') {
        if (accepted.current.length < config.minimum) {
          setError(`${config.minimum - accepted.current.length} more needed to meet the point; or type ? for other options.`);
          return;
        }
        setStatus('done');
        done(accepted.current);
        return;
      }
      if (line === MORE) {
        setStatus('done');
        done([...accepted.current, { line: MORE, value: undefined as T }]);
        return;
      }
      const checked = config.check(line);
      if (!checked.ok) {
        // The line stays to be corrected.
        rl.write(line);
        typed.current = line;
        setCurrent(line);
        setError(checked.problem);
        return;
      }
      accepted.current.push({ line, value: checked.value });
      setCount(accepted.current.length);
      setCurrent('');
      setError(undefined);
      return;
    }
    typed.current = rl.line;
    setCurrent(rl.line);
    setError(undefined);
  });
  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(`${accepted.current.length} entered`)}`;
  const enough = accepted.current.length >= config.minimum;
  return [
    `${prefix} ${message}`,
    theme.style.help(config.hint),
    ...accepted.current.map((a, i) => `  ${i + 1}. ${a.line}`),
    `  ${accepted.current.length + 1}. ${current}`,
    error
      ? theme.style.error(error)
      : theme.style.help(enough ? '⏎ on an empty line: done' : `at least ${config.minimum} to meet the point`),
  ].join('\n');
});

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
  // Lines break between words at the terminal's width, never inside a word.
  const line = (text: string): void => o.write(sanitizeOutput(`${wrapLines(text, o.columns?.())}\n`, true));

  const choose = async <T>(
    message: string,
    choices: readonly Choice<T>[],
    options: { default?: T; noDefault?: boolean } = {},
  ): Promise<T> =>
    guard(() =>
      list<T>(
        {
          message: safeText(message),
          items: choices.map((c) => ({
            value: c.value,
            name: safeText(c.name),
            ...(c.description ? { description: safeText(c.description) } : {}),
          })),
          ...(options.default !== undefined ? { default: options.default } : {}),
          ...(options.noDefault ? { noDefault: true } : {}),
        },
        context,
      ),
    );

  const actionMenu = async (actions: readonly OtherAction[]): Promise<OtherAction | 'answer'> =>
    choose<OtherAction | 'answer'>('What would you like to do?', [
      { value: 'answer', name: 'Answer it' },
      ...actions.map((a) => ({ value: a, name: ACTION_LABELS[a] })),
    ]);

  /** A one-line entry; `?` (or Enter with nothing to keep) opens the other options. */
  let hinted = false;
  const typed = async (message: string, spec: ValueSpec, def: unknown, actions: readonly OtherAction[]): Promise<Reply> => {
    if (!hinted && actions.length > 0) {
      hinted = true;
      line(o.paint.dim(`Type ? (or leave it empty) for: ${actions.map((a) => ACTION_LABELS[a].split(':')[0]!.toLowerCase()).join(', ')}.`));
    }
    const shown = shownDefault(def === undefined ? undefined : Array.isArray(def) ? def.join(', ') : String(def));
    for (;;) {
      const answer = shown.keep(
        await guard(() =>
          input(
            {
              message,
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
    choices: readonly Choice<unknown>[],
    def: unknown,
    actions: readonly OtherAction[],
    noDefault = false,
  ): Promise<Reply> => {
    const items: Item<string>[] = [
      ...choices.map((c, i) => ({
        value: `choice:${i}`,
        name: safeText(c.name),
        ...(c.description ? { description: safeText(c.description) } : {}),
      })),
      ...(actions.length > 0 ? [{ separator: true as const }] : []),
      ...actions.map((a) => ({ value: `action:${a}`, name: ACTION_LABELS[a] })),
    ];
    const at = def === undefined ? -1 : choices.findIndex((c) => c.value === def);
    const index = await guard(() =>
      list<string>(
        { message, items, ...(at >= 0 ? { default: `choice:${at}` } : {}), ...(noDefault && at < 0 ? { noDefault: true } : {}) },
        context,
      ),
    );
    if (index.startsWith('action:')) return { action: index.slice('action:'.length) as OtherAction };
    return { action: 'answer', value: choices[Number(index.slice('choice:'.length))]!.value };
  };

  const askValue = async (
    message: string,
    spec: ValueSpec,
    def: unknown,
    actions: readonly OtherAction[],
    people: readonly string[],
    options: { noDefault?: boolean; minimum?: number } = {},
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
        const edited = await editInEditor(typeof def === 'string' ? def : '', o.env ?? process.env);
        if (edited.ok) return { action: 'answer', value: edited.text };
        // One line of explanation, then the same answer typed here.
        line(o.paint.yellow(safeText(`${edited.why}; type the answer here instead.`)));
        return typed(message, { kind: 'short-text' }, def, actions);
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
          options.noDefault,
        );
      case 'one-choice':
        return chosen(message, spec.choices, def, actions, options.noDefault);
      case 'several-choices': {
        const values = await guard(() =>
          checkbox<string>(
            {
              message: `${message} (space to tick; none ticked for other options)`,
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
        return picked === 'answer' ? askValue(message, spec, def, actions, people, options) : { action: picked };
      }
      case 'person':
        return spec.several ? people_(message, def, actions, people) : person(message, def, actions, people, options.noDefault);
      case 'records':
        return records(message, spec.fields, def, actions, options.minimum ?? 1, people);
    }
  };

  /** One person: a name from the roster, or someone new (who joins it). */
  const NEW = '\u0000new';
  const person = async (
    message: string,
    def: unknown,
    actions: readonly OtherAction[],
    people: readonly string[],
    noDefault = false,
  ): Promise<Reply> => {
    if (people.length === 0) return typed(`${message} (a name)`, { kind: 'person' }, def, actions);
    const reply = await chosen(
      message,
      [...people.map((p) => ({ value: p, name: p })), { value: NEW, name: 'Someone new (joins the roster)' }],
      def,
      actions,
      noDefault,
    );
    if (reply.action !== 'answer' || reply.value !== NEW) return reply;
    return typed('Their name', { kind: 'person' }, undefined, []);
  };

  /** Several people: ticked from the roster, plus anyone new typed by name. */
  const people_ = async (message: string, def: unknown, actions: readonly OtherAction[], people: readonly string[]): Promise<Reply> => {
    if (people.length === 0) return typed(message, { kind: 'person', several: true }, def, actions);
    const current = Array.isArray(def) ? def.map(String) : [];
    const ticked = await guard(() =>
      checkbox<string>(
        {
          message: `${message} (space to tick; tick none for someone new or other options)`,
          choices: [
            ...people.map((p) => ({ value: p, name: safeText(p), checked: current.includes(p) })),
            { value: NEW, name: 'Someone new (joins the roster)' },
          ],
        },
        context,
      ),
    );
    const names = ticked.filter((t) => t !== NEW);
    if (ticked.includes(NEW)) {
      const more = await typed('Their names (separated by commas)', { kind: 'person', several: true }, undefined, []);
      if (more.action === 'answer') for (const n of String(more.value).split(',')) if (n.trim().length > 0) names.push(n.trim());
    }
    if (names.length > 0) return { action: 'answer', value: names };
    const picked = actions.length > 0 ? await actionMenu(actions) : 'answer';
    return picked === 'answer' ? people_(message, def, actions, people) : { action: picked };
  };

  const records = async (
    message: string,
    fields: readonly FieldSpec[],
    def: unknown,
    actions: readonly OtherAction[],
    minimum: number,
    people: readonly string[],
  ): Promise<Reply> => {
    let entries: Record<string, unknown>[] = Array.isArray(def) ? [...(def as Record<string, unknown>[])] : [];
    const least = Math.max(1, minimum);
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
    const bulk = fields.every(
      (f) => f.value.kind !== 'records' && f.value.kind !== 'several-choices' && !(f.value.kind === 'person' && f.value.several),
    );
    for (;;) {
      const enough = entries.length >= least;
      const next = await chosen(
        entries.length === 0
          ? least > 1
            ? `Add the entries (at least ${least} to meet the point)?`
            : 'Add the first entry?'
          : `${entries.length} entered${enough ? '' : ` (at least ${least} to meet the point)`}. Another one?`,
        [
          ...(enough ? [{ value: 'done', name: 'Done' }] : []),
          { value: 'add', name: 'Add an entry, field by field' },
          ...(bulk && fields.length > 1 ? [{ value: 'lines', name: 'Add several, one line each' }] : []),
          ...(!enough && entries.length > 0 ? [{ value: 'done', name: 'Done for now' }] : []),
        ],
        // Enter means Done once the minimum is met.
        enough ? 'done' : undefined,
        entries.length === 0 ? actions : [],
      );
      if (next.action !== 'answer') return next;
      if (next.value === 'done') return { action: 'answer', value: entries };
      if (next.value === 'lines') {
        for (const entry of await recordLines(fields)) entries.push(entry);
        continue;
      }
      const entry: Record<string, unknown> = {};
      for (const field of fields) {
        const value = await fieldValue(field, people);
        if (value !== undefined) entry[field.key] = value;
      }
      entries.push(entry);
    }
  };

  /** Entries typed one line each, fields separated by ";" in the order shown; each line checked as it is entered. */
  const recordLines = async (fields: readonly FieldSpec[]): Promise<Record<string, unknown>[]> => {
    const order = fields
      .map((f) => {
        const choices =
          f.value.kind === 'one-choice'
            ? `: ${f.value.choices.map((c) => c.name).join(' / ')}`
            : f.value.kind === 'yes-no'
              ? ': yes / no'
              : '';
        return `${f.message}${choices}${entryHint(f.value)}${f.optional ? ' (optional)' : ''}`;
      })
      .join('; ');
    const typedLines = await guard(() =>
      lines<Record<string, unknown>>(
        {
          message: 'One entry per line, the fields separated by ";"',
          hint: safeText(`In this order: ${order}. Enter on an empty line when done.`),
          accepted: [],
          minimum: 0,
          check: (text) => recordFromLine(text, fields),
        },
        context,
      ),
    );
    return typedLines.filter((l) => l.line !== MORE).map((l) => l.value);
  };

  /** One field of a record; optional text fields may be left empty, required ones are asked until given. */
  const fieldValue = async (field: FieldSpec, people: readonly string[]): Promise<unknown> => {
    const label = `  ${safeText(field.message)}`;
    if (field.value.kind === 'records') {
      const reply = await records(label, field.value.fields, undefined, [], 1, people);
      return reply.action === 'answer' ? reply.value : undefined;
    }
    if (
      field.value.kind === 'one-choice' ||
      field.value.kind === 'yes-no' ||
      field.value.kind === 'several-choices' ||
      field.value.kind === 'person'
    ) {
      // A person from the roster (or someone new); an optional field can be skipped.
      const reply = await askValue(label, field.value, undefined, field.optional ? ['skip'] : [], people, { noDefault: true });
      return reply.action === 'answer' ? reply.value : undefined;
    }
    const spec = field.value;
    const text = await guard(() =>
      input(
        {
          message: safeText(promptFor(label, spec)) + (field.optional ? '' : ' (needed)'),
          validate: (value: string) => {
            if (value.trim() === '') return field.optional ? true : 'needed in every entry';
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

  let lastPoint: string | undefined;
  return {
    async ask(request: AskRequest): Promise<Reply> {
      line(o.paint.dim(describePosition(request.position, request.phaseTitle)));
      if (request.point && request.point.id !== lastPoint) line(o.paint.bold(`Point: ${safeText(request.point.title)}`));
      lastPoint = request.point?.id;
      if (request.problem) line(o.paint.yellow(safeText(request.problem)));
      const spec = request.fill.value;
      const message = spec.kind === 'records' ? describePrompt(request) : describePrompt(request).replace(safeText(entryHint(spec)), '');
      return askValue(
        ['short-text', 'number', 'percentage', 'date', 'text-list'].includes(spec.kind) ? describePrompt(request) : message,
        spec,
        request.default,
        request.actions,
        request.people,
        { ...(request.noDefault ? { noDefault: true } : {}), ...(request.minimum ? { minimum: request.minimum } : {}) },
      );
    },
    async roster(request: RosterRequest): Promise<RosterReply> {
      line(o.paint.dim(describePosition(request.position, '')));
      if (request.current.length > 0) line(`On the roster: ${request.current.map((l) => safeText(l)).join('; ')}`);
      const roles = request.roles.length > 0 ? ` Roles the checks count: ${request.roles.join(', ')}.` : '';
      for (;;) {
        const entered = await guard(() =>
          lines<RosterEntry>(
            {
              message: safeText(request.message),
              hint: safeText(`Like "Ana Lima: host, moderator".${roles} Enter on an empty line when done; ? for other options.`),
              accepted: [],
              minimum: 0,
              check: (text) => {
                const parsed = parseRosterLine(text);
                return parsed.ok ? { ok: true, value: parsed.entry } : { ok: false, problem: safeText(parsed.problem) };
              },
            },
            context,
          ),
        );
        const wantsMore = entered.some((l) => l.line === MORE);
        const people = entered.filter((l) => l.line !== MORE).map((l) => l.value);
        if (!wantsMore) return { action: 'answer', value: people };
        const picked = await actionMenu(request.actions);
        if (picked !== 'answer') return { action: picked };
      }
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
              validate: (v: string) =>
                checkEntered({ kind: 'date' }, shown.keep(v)).ok ? true : 'enter a date as YYYY-MM-DD, e.g. 2026-09-30',
            },
            context,
          ),
        ),
      );
    },
    async confirm(message: string, defaultValue: boolean): Promise<boolean> {
      return guard(() => confirm({ message: safeText(message), default: defaultValue }, context));
    },
    async choose<T extends string>(message: string, choices: readonly { value: T; name: string; description?: string }[]): Promise<T> {
      return choose<T>(message, choices, choices[0] ? { default: choices[0].value } : {});
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

/** A line of a list typed as fields separated by ";", in the order of `fields`. */
function recordFromLine(
  text: string,
  fields: readonly FieldSpec[],
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
  const parts = text.split(';').map((p) => p.trim());
  if (parts.length > fields.length) return { ok: false, problem: `${parts.length} fields, but an entry has ${fields.length}` };
  const entry: Record<string, unknown> = {};
  for (const [i, field] of fields.entries()) {
    const raw = parts[i] ?? '';
    if (raw === '') {
      if (field.optional) continue;
      return { ok: false, problem: safeText(`${field.message}: needed in every entry`) };
    }
    let value: unknown = raw;
    if (field.value.kind === 'one-choice') {
      const folded = raw.toLowerCase();
      const found = field.value.choices.find((c) => String(c.value).toLowerCase() === folded || c.name.toLowerCase() === folded);
      if (!found) return { ok: false, problem: safeText(`${field.message}: one of ${field.value.choices.map((c) => c.name).join(', ')}`) };
      value = found.value;
    } else if (field.value.kind === 'yes-no') {
      if (!/^(y|yes|n|no|true|false)$/i.test(raw)) return { ok: false, problem: safeText(`${field.message}: yes or no`) };
      value = /^(y|yes|true)$/i.test(raw);
    }
    const checked = checkEntered(field.value, value);
    if (!checked.ok) return { ok: false, problem: safeText(`${field.message}: ${checked.problem}`) };
    // Kept as typed: the flow checks and converts the whole list once (a percentage to 0-1).
    entry[field.key] = field.value.kind === 'one-choice' || field.value.kind === 'yes-no' ? value : raw;
  }
  return { ok: true, value: entry };
}

/**
 * Edits `initial` in the user's editor ($VISUAL, else $EDITOR) in a private temporary folder, removed
 * whatever happens. A missing editor, one that cannot start or one that fails is reported as a reason,
 * never thrown: the caller asks for the answer inline instead.
 */
async function editInEditor(
  initial: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ ok: true; text: string } | { ok: false; why: string }> {
  const command = (env.VISUAL || env.EDITOR || '').trim();
  if (command === '') return { ok: false, why: 'No editor is set ($VISUAL or $EDITOR)' };
  const [program, ...args] = command.split(/\s+/);
  const dir = mkdtempSync(path.join(tmpdir(), 'commready-answer-'));
  const file = path.join(dir, 'answer.md');
  try {
    writeFileSync(file, initial, { mode: 0o600 });
    const outcome = await new Promise<{ code: number | null } | { error: NodeJS.ErrnoException }>((resolve) => {
      const child = spawn(program!, [...args, file], { stdio: 'inherit' });
      child.on('error', (error) => resolve({ error }));
      child.on('exit', (code) => resolve({ code }));
    });
    const name = safeText(path.basename(program!));
    if ('error' in outcome)
      return {
        ok: false,
        why: `Your editor '${name}' could not be started (${outcome.error.code === 'ENOENT' ? 'not found' : (outcome.error.code ?? 'error')})`,
      };
    if (outcome.code !== 0) return { ok: false, why: `Your editor '${name}' ended with an error (exit ${outcome.code ?? 'by a signal'})` };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
