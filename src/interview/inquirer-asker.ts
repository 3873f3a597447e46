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
import { checkEntered, entryHint, promptFor, toEntered, type FieldSpec, type ValueSpec } from './question-model.js';
import type { ValueKind } from '../methodology/question-types.js';
import { checkDueDate, checkRecord, kindOf, type SpecOf, type TerminalAsk, type TerminalPrompts } from './value-kinds/index.js';
import { parseRosterLine, type RosterEntry } from './roster-entry.js';
import { safeText } from './safe-text.js';
import { wrapLines } from './wrap-lines.js';
import { sanitizeOutput } from '../text/sanitize.js';

const MORE = '?';
/** Esc alone (readline names it once its short wait for a longer sequence is over). */
const isEscapeKey = (key: { name?: string }): boolean => key.name === 'escape';
/** A field's answer that drops the entry being entered. */
const DROP: unique symbol = Symbol('drop this entry');

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
  /** What Esc chooses (done with a list, back out of an entry), with how the help line names it; without one Esc does nothing. */
  escape?: { value: T; label: string };
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
    if (isEscapeKey(key) && config.escape) {
      const at = config.items.findIndex((it) => !('separator' in it) && it.value === config.escape!.value);
      if (at >= 0) setActive(at);
      setStatus('done');
      done(config.escape.value);
      return;
    }
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
    note ? theme.style.error(note) : theme.style.help(`↑↓ move • ⏎ choose${config.escape ? ` • esc ${config.escape.label}` : ''}`),
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
  /** Told of the lines accepted so far, after each one: they are saved before the list is done. */
  onAccepted?(values: readonly T[]): void;
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
    const finish = (): void => {
      if (accepted.current.length < config.minimum) {
        setError(`${config.minimum - accepted.current.length} more needed to meet the point; or type ? for other options.`);
        return;
      }
      setStatus('done');
      done(accepted.current);
    };
    if (isEscapeKey(key)) {
      // Esc ends the list as an empty line does; a line being typed is never dropped by it.
      if (typed.current.trim() !== '')
        setError('Press Enter to add this line (or clear it); then Esc or Enter on the empty line ends the list.');
      else finish();
      return;
    }
    if (isEnterKey(key)) {
      const line = typed.current.trim();
      typed.current = '';
      if (line === '') {
        finish();
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
      config.onAccepted?.(accepted.current.map((a) => a.value));
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
    // The lines as typed, escaped like every other text shown (a pasted line may hold anything).
    ...accepted.current.map((a, i) => `  ${i + 1}. ${safeText(a.line)}`),
    `  ${accepted.current.length + 1}. ${safeText(current)}`,
    error
      ? theme.style.error(error)
      : theme.style.help(enough ? '⏎ on an empty line (or esc): done' : `at least ${config.minimum} to meet the point`),
  ].join('\n');
});

/** What the asker's prompts share: Inquirer's context, the guard for Ctrl-C and signals, the line writer. */
interface Session {
  o: InquirerAskerOptions;
  context: { signal: AbortSignal; clearPromptOnDone: false };
  /** Runs a prompt; Ctrl-C or an aborted signal inside it ends the interview as an InterruptedError. */
  guard<T>(prompt: () => Promise<T>): Promise<T>;
  /** Writes one line, sanitised and wrapped at the terminal's width. */
  line(text: string): void;
  /** The hint about `?` is shown once, at the first typed answer that has other actions. */
  hinted: boolean;
}

export function createInquirerAsker(o: InquirerAskerOptions): Asker & { busy<T>(label: string, work: () => Promise<T>): Promise<T> } {
  const s = createSession(o);
  const terminal = terminalPrompts(s);
  let lastPoint: string | undefined;
  return {
    async ask(request: AskRequest): Promise<Reply> {
      const point = request.point?.id;
      const reply = askRequest(s, terminal, request, lastPoint);
      lastPoint = point;
      return reply;
    },
    roster: (request) => askRoster(s, request),
    async text(message: string, options?: { default?: string; check?(text: string): string | undefined }): Promise<string> {
      const shown = shownDefault(options?.default || undefined);
      const check = options?.check;
      // An empty text is always taken: the caller decides what nothing means.
      const validate = check
        ? (typed: string): string | true => {
            const problem = typed.trim() === '' ? undefined : check(typed.trim());
            return problem === undefined ? true : safeText(problem);
          }
        : undefined;
      return shown.keep(
        await s.guard(() => input({ message: safeText(message), ...shown.option, ...(validate ? { validate } : {}) }, s.context)),
      );
    },
    date: (message, options) => askDate(s, message, options),
    async confirm(message: string, defaultValue: boolean): Promise<boolean> {
      return s.guard(() => confirm({ message: safeText(message), default: defaultValue }, s.context));
    },
    async choose<T extends string>(message: string, choices: readonly { value: T; name: string; description?: string }[]): Promise<T> {
      return choose<T>(s, message, choices, choices[0] ? { default: choices[0].value } : {});
    },
    show(event: InterviewEvent): void {
      for (const text of describeEvent(event, o.paint)) s.line(text);
    },
    busy,
  };
}

function createSession(o: InquirerAskerOptions): Session {
  return {
    o,
    context: { signal: o.signal, clearPromptOnDone: false },
    guard: async (prompt) => {
      try {
        return await prompt();
      } catch (error) {
        throw toInterrupted(error, o.signal);
      }
    },
    // Only the painter's own colour codes survive; anything else that would act on the terminal is shown.
    // Lines break between words at the terminal's width, never inside a word.
    line: (text) => o.write(sanitizeOutput(`${wrapLines(text, o.columns?.())}\n`, true)),
    hinted: false,
  };
}

/** The prompts the value kinds ask with (value-kinds/), on this terminal. */
function terminalPrompts(s: Session): TerminalPrompts {
  const terminal: TerminalPrompts = {
    typed: (message, spec, def, actions) => typed(s, message, spec, def, actions),
    chosen: (message, choices, def, actions, noDefault) => chosen(s, message, choices, def, actions, noDefault),
    ticked: (message, choices) =>
      s.guard(() =>
        checkbox(
          {
            message,
            choices: choices.map((c) => ({
              value: c.value,
              name: safeText(c.name),
              ...(c.checked !== undefined ? { checked: c.checked } : {}),
              ...(c.description ? { description: wrapped(s, c.description) } : {}),
            })),
          },
          s.context,
        ),
      ),
    actionMenu: (actions) => actionMenu(s, actions),
    records: (ask) => askRecords(s, terminal, ask),
    editor: (initial) => editInEditor(initial, s.o.env ?? process.env),
    warn: (text) => s.line(s.o.paint.yellow(safeText(text))),
  };
  return terminal;
}

/** One question: where it stands, its point, why the last entry was refused, then the kind's own prompt. */
function askRequest(s: Session, terminal: TerminalPrompts, request: AskRequest, lastPoint: string | undefined): Promise<Reply> {
  s.line(s.o.paint.dim(describePosition(request.position, request.phaseTitle)));
  if (request.point && request.point.id !== lastPoint) s.line(s.o.paint.bold(`Point: ${safeText(request.point.title)}`));
  if (request.problem) s.line(s.o.paint.yellow(safeText(request.problem)));
  const spec = request.fill.value;
  const prompt = describePrompt(request);
  return kindOf(spec).ask(
    {
      spec: spec as SpecOf<ValueKind>,
      prompt,
      message: prompt.replace(safeText(entryHint(spec)), ''),
      default: request.default,
      actions: request.actions,
      people: request.people,
      ...(request.holders ? { holders: request.holders } : {}),
      noDefault: request.noDefault === true,
      minimum: request.minimum || 1,
      ...(request.keep ? { keep: request.keep } : {}),
    },
    terminal,
  );
}

/**
 * Text a prompt shows under its message (a choice's description, a list's hint), wrapped here at word
 * boundaries: Inquirer's own wrapping starts each continuation line with the space it broke at.
 */
function wrapped(s: Session, text: string): string {
  return wrapLines(safeText(text), s.o.columns?.());
}

function choose<T>(
  s: Session,
  message: string,
  choices: readonly Choice<T>[],
  options: { default?: T; noDefault?: boolean; escape?: { value: T; label: string } } = {},
): Promise<T> {
  return s.guard(() =>
    list<T>(
      {
        message: safeText(message),
        items: choices.map((c) => ({
          value: c.value,
          name: safeText(c.name),
          ...(c.description ? { description: wrapped(s, c.description) } : {}),
        })),
        ...(options.default !== undefined ? { default: options.default } : {}),
        ...(options.noDefault ? { noDefault: true } : {}),
        ...(options.escape ? { escape: options.escape } : {}),
      },
      s.context,
    ),
  );
}

function actionMenu(s: Session, actions: readonly OtherAction[]): Promise<OtherAction | 'answer'> {
  return choose<OtherAction | 'answer'>(s, 'What would you like to do?', [
    { value: 'answer', name: 'Answer it' },
    ...actions.map((a) => ({ value: a, name: ACTION_LABELS[a] })),
  ]);
}

/** A problem that says itself to type ? for the other options. */
const TELLS_OF_MORE = /\btype \?/;

/** A one-line entry; `?` (or Enter with nothing to keep) opens the other options. */
async function typed(s: Session, message: string, spec: ValueSpec, def: unknown, actions: readonly OtherAction[]): Promise<Reply> {
  if (!s.hinted && actions.length > 0) {
    s.hinted = true;
    s.line(
      s.o.paint.dim(`Type ? (or leave it empty) for: ${actions.map((a) => ACTION_LABELS[a].split(':')[0]!.toLowerCase()).join(', ')}.`),
    );
  }
  const shown = shownDefault(def === undefined ? undefined : Array.isArray(def) ? def.join(', ') : String(def));
  for (;;) {
    const answer = shown.keep(
      await s.guard(() =>
        input(
          {
            message,
            ...shown.option,
            validate: (value: string) => {
              if (value.trim() === MORE || value.trim() === '') return true;
              const checked = checkEntered(spec, shown.keep(value));
              if (checked.ok) return true;
              // A problem that already says what ? offers ("none" counts as not written) is not told it twice.
              return safeText(TELLS_OF_MORE.test(checked.problem) ? checked.problem : `${checked.problem} (or type ? for other options)`);
            },
          },
          s.context,
        ),
      ),
    );
    if (answer.trim() !== MORE && answer.trim() !== '') return { action: 'answer', value: answer };
    if (actions.length === 0) continue;
    const picked = await actionMenu(s, actions);
    if (picked !== 'answer') return { action: picked };
  }
}

/** One of the choices, or one of the actions listed under them. */
async function chosen(
  s: Session,
  message: string,
  choices: readonly Choice<unknown>[],
  def: unknown,
  actions: readonly OtherAction[],
  noDefault = false,
  escape?: ({ choice: unknown } | { action: OtherAction }) & { label: string },
): Promise<Reply> {
  const items: Item<string>[] = [
    ...choices.map((c, i) => ({
      value: `choice:${i}`,
      name: safeText(c.name),
      ...(c.description ? { description: wrapped(s, c.description) } : {}),
    })),
    ...(actions.length > 0 ? [{ separator: true as const }] : []),
    ...actions.map((a) => ({ value: `action:${a}`, name: ACTION_LABELS[a] })),
  ];
  const at = def === undefined ? -1 : choices.findIndex((c) => c.value === def);
  const escapeTo = !escape
    ? undefined
    : 'action' in escape
      ? actions.includes(escape.action) && `action:${escape.action}`
      : choices.some((c) => c.value === escape.choice) && `choice:${choices.findIndex((c) => c.value === escape.choice)}`;
  const index = await s.guard(() =>
    list<string>(
      {
        message,
        items,
        ...(at >= 0 ? { default: `choice:${at}` } : {}),
        ...(noDefault && at < 0 ? { noDefault: true } : {}),
        ...(escape && escapeTo ? { escape: { value: escapeTo, label: escape.label } } : {}),
      },
      s.context,
    ),
  );
  if (index.startsWith('action:')) return { action: index.slice('action:'.length) as OtherAction };
  return { action: 'answer', value: choices[Number(index.slice('choice:'.length))]!.value };
}

/**
 * A list of entries: those given kept, added to, one wrong entry fixed alone (each is named with what is
 * wrong), or started again; then entries added until Done.
 */
async function askRecords(s: Session, terminal: TerminalPrompts, ask: TerminalAsk<SpecOf<'records'>>): Promise<Reply> {
  const { message, actions } = ask;
  const fields = ask.spec.fields;
  let entries: Record<string, unknown>[] = Array.isArray(ask.default) ? [...(ask.default as Record<string, unknown>[])] : [];
  // People added as "someone new" in a field: they join the roster without being asked again.
  const joined: string[] = [];
  const answer = (): Reply => ({ action: 'answer', value: entries, ...(joined.length > 0 ? { joining: joined } : {}) });
  // Saved after every entry: Ctrl-C part way through the list loses none of them.
  const keep = (more: readonly Record<string, unknown>[] = []): void => {
    if (entries.length + more.length > 0) ask.keep?.([...entries, ...more]);
  };
  if (entries.length === 0) s.line(message);
  while (entries.length > 0) {
    const kept = await keepOrFix(s, ask, entries);
    if (kept.action !== 'answer') return kept;
    if (kept.value === 'keep') return answer();
    if (kept.value === 'add') break;
    if (kept.value === 'replace') entries = [];
    else {
      const at = kept.value as number;
      const fixed = await recordFields(s, terminal, fields, ask.people, joined, entries[at]);
      entries = fixed ? entries.map((e, i) => (i === at ? fixed : e)) : entries.filter((_, i) => i !== at);
      keep();
    }
  }
  const least = Math.max(1, ask.minimum);
  const bulk = fields.length > 1 && fields.every((f) => kindOf(f.value).inLine(f.value as SpecOf<ValueKind>) !== undefined);
  for (;;) {
    const next = await nextRecordStep(s, entries.length, least, bulk, entries.length === 0 ? actions : []);
    if (next.action !== 'answer') return next;
    if (next.value === 'done') return answer();
    // Lines are saved as each is accepted; an entry field by field once it is complete.
    if (next.value === 'lines') entries = [...entries, ...(await recordLines(s, fields, keep))];
    else {
      const entry = await recordFields(s, terminal, fields, ask.people, joined);
      if (entry) {
        entries.push(entry);
        keep();
      }
    }
  }
}

/** The entries given: kept (when all are right), added to, one wrong entry fixed (named with what is wrong), or started again. */
function keepOrFix(s: Session, ask: TerminalAsk<SpecOf<'records'>>, entries: readonly Record<string, unknown>[]): Promise<Reply> {
  const wrong = entries.flatMap((entry, i) => {
    const checked = checkRecord(ask.spec, entry, checkEntered);
    return checked.ok ? [] : [{ value: i, name: `Fix entry ${i + 1} (${entrySummary(entry)}): ${checked.problem}` }];
  });
  return chosen(
    s,
    `${ask.message} (${entries.length} entered${wrong.length > 0 ? `, ${wrong.length} to fix` : ''})`,
    [
      // Kept as they are only when the plan can hold them: else "Keep them" would be refused again and again.
      ...(wrong.length === 0 ? [{ value: 'keep', name: 'Keep them' }] : wrong),
      { value: 'add', name: 'Add more' },
      { value: 'replace', name: 'Start the list again' },
    ],
    undefined,
    ask.actions,
  );
}

/** An entry in a few words: its first value, so that the user knows which one is meant. */
function entrySummary(entry: Record<string, unknown>): string {
  const text = String(Object.values(entry).find((v) => typeof v === 'string' || typeof v === 'number') ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** After each entry: another one (field by field, or several one line each), or Done once the minimum is met. */
function nextRecordStep(s: Session, count: number, least: number, bulk: boolean, actions: readonly OtherAction[]): Promise<Reply> {
  const enough = count >= least;
  return chosen(
    s,
    count === 0
      ? least > 1
        ? `Add the entries (at least ${least} to meet the point)?`
        : 'Add the first entry?'
      : `${count} entered${enough ? '' : ` (at least ${least} to meet the point)`}. Another one?`,
    [
      ...(enough ? [{ value: 'done', name: 'Done' }] : []),
      { value: 'add', name: 'Add an entry, field by field' },
      ...(bulk ? [{ value: 'lines', name: 'Add several, one line each' }] : []),
      ...(!enough && count > 0 ? [{ value: 'done', name: 'Done for now' }] : []),
    ],
    // Enter means Done once the minimum is met.
    enough ? 'done' : undefined,
    actions,
    false,
    // Esc leaves the list: done with the entries given, or (with none yet) skipped.
    count > 0 ? { choice: 'done', label: enough ? 'done' : 'done for now' } : { action: 'skip', label: 'skip' },
  );
}

/**
 * One entry, field by field; the values of an entry being fixed are offered as they stand. Undefined
 * when the user drops the entry (a required field left empty offers that way out).
 */
async function recordFields(
  s: Session,
  terminal: TerminalPrompts,
  fields: readonly FieldSpec[],
  people: readonly string[],
  joined: string[],
  current: Record<string, unknown> = {},
): Promise<Record<string, unknown> | undefined> {
  const entry: Record<string, unknown> = { ...current };
  for (const field of fields) {
    const value = await fieldValue(s, terminal, field, people, joined, current[field.key]);
    if (value === DROP) return undefined;
    if (value !== undefined) entry[field.key] = value;
    else delete entry[field.key];
  }
  return entry;
}

/** Entries typed one line each, fields separated by ";" in the order shown; each line checked as it is entered. */
async function recordLines(
  s: Session,
  fields: readonly FieldSpec[],
  keep: (more: readonly Record<string, unknown>[]) => void,
): Promise<Record<string, unknown>[]> {
  const order = fields
    .map((f) => {
      const shape = kindOf(f.value).inLine(f.value as SpecOf<ValueKind>)?.shape ?? '';
      return `${f.message}${shape}${entryHint(f.value)}${f.optional ? ' (optional)' : ''}`;
    })
    .join('; ');
  const typedLines = await s.guard(() =>
    lines<Record<string, unknown>>(
      {
        message: 'One entry per line, the fields separated by ";"',
        hint: wrapped(s, `In this order: ${order}. Enter on an empty line (or Esc) when done.`),
        accepted: [],
        minimum: 0,
        check: (text) => recordFromLine(text, fields),
        onAccepted: keep,
      },
      s.context,
    ),
  );
  return typedLines.filter((l) => l.line !== MORE).map((l) => l.value);
}

/** One field of a record; optional text fields may be left empty, required ones are asked until given. */
async function fieldValue(
  s: Session,
  terminal: TerminalPrompts,
  field: FieldSpec,
  people: readonly string[],
  joined: string[],
  current: unknown,
): Promise<unknown> {
  const label = `  ${safeText(field.message)}`;
  const spec = field.value;
  const kind = kindOf(spec);
  const how = kind.inEntry(spec as SpecOf<ValueKind>);
  const def = current === undefined ? undefined : toEntered(spec, current);
  if (how !== 'typed') {
    // A nested list; or a choice, or a person from the roster (or someone new): an optional one can be skipped.
    const ask = { spec: spec as SpecOf<ValueKind>, prompt: label, message: label, default: def, people, noDefault: def === undefined };
    const reply = await (how === 'entries'
      ? askRecords(s, terminal, { ...ask, spec: spec as SpecOf<'records'>, actions: [], minimum: 1 })
      : kind.ask({ ...ask, actions: field.optional ? ['skip'] : [], minimum: 1 }, terminal));
    if (reply.action !== 'answer') return undefined;
    for (const name of reply.joining ?? []) joined.push(name);
    return reply.value;
  }
  const shown = shownDefault(def === undefined ? undefined : Array.isArray(def) ? def.join(', ') : String(def));
  for (;;) {
    const text = shown
      .keep(
        await s.guard(() =>
          input(
            {
              message:
                safeText(promptFor(label, spec)) +
                (field.optional ? (field.pointNeeds ? ' (the point needs it)' : '') : ' (needed; ? for a way out)'),
              ...shown.option,
              validate: (value: string) => {
                if (value.trim() === '' || value.trim() === MORE) return true;
                const checked = checkEntered(spec, shown.keep(value));
                return checked.ok ? true : safeText(checked.problem);
              },
            },
            s.context,
          ),
        ),
      )
      .trim();
    // Returned as entered: the flow checks and converts the whole list (a percentage to 0-1) once.
    if (text !== '' && text !== MORE) return text;
    if (field.optional && !field.pointNeeds) return undefined;
    if (field.optional) {
      // The plan can hold the entry without it, but the point cannot be met: said, never taken silently.
      const leave = await choose(s, `${safeText(field.message)}: the point needs it in every entry.`, [
        { value: 'fill', name: 'Fill it in' },
        { value: 'leave', name: 'Leave it empty for now (the point stays open)' },
      ]);
      if (leave === 'leave') return undefined;
      continue;
    }
    // A required field left empty is no dead end: fill it in, or drop this entry and go back to the list.
    const way = await choose(
      s,
      `${safeText(field.message)} is needed in every entry.`,
      [
        { value: 'fill', name: 'Fill it in' },
        { value: 'drop', name: 'Drop this entry (the list keeps the others; Done for now is there)' },
      ],
      { default: 'fill', escape: { value: 'drop', label: 'drop this entry' } },
    );
    if (way === 'drop') return DROP;
  }
}

/** Who is involved: lines checked one by one; `?` opens the other actions. */
async function askRoster(s: Session, request: RosterRequest): Promise<RosterReply> {
  s.line(s.o.paint.dim(describePosition(request.position, '')));
  if (request.current.length > 0) s.line(`On the roster: ${request.current.map((l) => safeText(l)).join('; ')}`);
  const roles = request.roles.length > 0 ? ` Roles the checks count: ${request.roles.join(', ')}.` : '';
  for (;;) {
    const entered = await s.guard(() =>
      lines<RosterEntry>(
        {
          message: safeText(request.message),
          hint: wrapped(s, `Like "${request.example}".${roles} Enter on an empty line (or Esc) when done; ? for other options.`),
          accepted: [],
          minimum: 0,
          ...(request.keep ? { onAccepted: request.keep } : {}),
          check: (text) => {
            const parsed = parseRosterLine(text, request.example);
            return parsed.ok ? { ok: true, value: parsed.entry } : { ok: false, problem: safeText(parsed.problem) };
          },
        },
        s.context,
      ),
    );
    const wantsMore = entered.some((l) => l.line === MORE);
    const people = entered.filter((l) => l.line !== MORE).map((l) => l.value);
    if (!wantsMore) return { action: 'answer', value: people };
    const picked = await actionMenu(s, request.actions);
    if (picked !== 'answer') return { action: picked };
  }
}

async function askDate(s: Session, message: string, options?: { default?: string; notBefore?: string }): Promise<string> {
  const shown = shownDefault(options?.default || undefined);
  return shown.keep(
    await s.guard(() =>
      input(
        {
          message: safeText(message),
          ...shown.option,
          validate: (v: string) => {
            if (!checkEntered({ kind: 'date' }, shown.keep(v)).ok) return 'enter a date as YYYY-MM-DD, e.g. 2026-09-30';
            const due = checkDueDate(shown.keep(v), options?.notBefore);
            return due.ok ? true : safeText(due.problem);
          },
        },
        s.context,
      ),
    ),
  );
}

/** Work between prompts, with a spinner on a terminal; stdin is not discarded, so Ctrl-C still works. */
async function busy<T>(label: string, work: () => Promise<T>): Promise<T> {
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
    // Read as its kind reads a part of a line (a choice by its name, yes or no), then checked; kept as
    // typed otherwise: the flow checks and converts the whole list once (a percentage to 0-1).
    const read = kindOf(field.value)
      .inLine(field.value as SpecOf<ValueKind>)
      ?.read(raw) ?? { ok: true, value: raw };
    const checked = read.ok ? checkEntered(field.value, read.value) : read;
    if (!checked.ok) return { ok: false, problem: safeText(`${field.message}: ${checked.problem}`) };
    if (read.ok) entry[field.key] = read.value;
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
 * user keeps it (Enter), the answer is the value itself, not its shown form. What the user types is
 * printed back too, while typing and once answered: a pasted bidi override or escape sequence is shown
 * escaped, as it would be anywhere else, while the answer keeps it as typed.
 */
function shownDefault(value: string | undefined): {
  option: { default?: string; transformer(typed: string): string };
  keep(answer: string): string;
} {
  const transformer = (typed: string): string => safeText(typed);
  if (value === undefined) return { option: { transformer }, keep: (answer) => answer };
  const shown = safeText(value);
  return { option: { default: shown, transformer }, keep: (answer) => (answer === shown ? value : answer) };
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
