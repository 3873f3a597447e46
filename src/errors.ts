// Typed errors: commands throw these; only the CLI's main turns them into exit codes.
import { sanitizeLine } from './text/sanitize.js';

/** A place in an input file, 1-based. */
export interface Diagnostic {
  file: string;
  line?: number;
  col?: number;
  message: string;
  /** Set on the one line that counts the file's problems left unlisted (see capDiagnostics): how many. */
  omitted?: number;
}

/**
 * At most this many problems of one file are listed; the rest are counted in one line. A plan with a
 * thousand errors is fixed from the top, and listing them all would make the output (and the work of
 * locating each in the YAML) grow with whatever the input multiplies, such as YAML aliases.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

/** The line that stands for `count` problems of `file` not listed. */
export function omittedDiagnostic(file: string, count: number): Diagnostic {
  return {
    file,
    omitted: count,
    message: `${count} more problem${count === 1 ? '' : 's'} not listed (commready lists the first ${MAX_DIAGNOSTICS_PER_FILE} of a file); fix these first`,
  };
}

/**
 * Each file's diagnostics listed once (the same file, position and message count once, looked up in a
 * Set) and at most `max` of them, in the order given, then one line counting the rest, with any
 * earlier count merged in: capping twice changes nothing. Files keep the order they first appear in.
 */
export function capDiagnostics(diagnostics: readonly Diagnostic[], max = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  const files = new Map<string, { kept: Diagnostic[]; omitted: number; seen: Set<string> }>();
  for (const d of diagnostics) {
    let entry = files.get(d.file);
    if (!entry) files.set(d.file, (entry = { kept: [], omitted: 0, seen: new Set() }));
    if (d.omitted !== undefined) {
      entry.omitted += d.omitted;
      continue;
    }
    const key = `${d.line ?? ''}:${d.col ?? ''}:${d.message}`;
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    if (entry.kept.length < max) entry.kept.push(d);
    else entry.omitted++;
  }
  const out: Diagnostic[] = [];
  for (const [file, { kept, omitted }] of files) {
    for (const d of kept) out.push(d);
    if (omitted > 0) out.push(omittedDiagnostic(file, omitted));
  }
  return out;
}

/**
 * One file's diagnostics as they are found, for checks that may find very many: each problem once (by a
 * key, in a Set), the first MAX_DIAGNOSTICS_PER_FILE made (and located, which costs) and the rest only
 * counted. Linear in the problems found, whatever their number.
 */
export class DiagnosticList {
  private readonly seen = new Set<string>();
  private readonly kept: Diagnostic[] = [];
  private omitted = 0;
  constructor(
    private readonly file: string,
    private readonly max = MAX_DIAGNOSTICS_PER_FILE,
  ) {}

  /** Adds the problem `key` unless it is already there; `make` runs only for a problem that is listed. */
  add(key: string, make: () => Diagnostic): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.kept.length < this.max) this.kept.push(make());
    else this.omitted++;
  }

  get size(): number {
    return this.kept.length + this.omitted;
  }

  /** The listed diagnostics in file order (line, then column, then as found), then the count of the rest. */
  list(): Diagnostic[] {
    const sorted = this.kept
      .map((d, order) => ({ d, order }))
      .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.col ?? 0) - (b.d.col ?? 0) || a.order - b.order)
      .map((x) => x.d);
    if (this.omitted > 0) sorted.push(omittedDiagnostic(this.file, this.omitted));
    return sorted;
  }
}

/** The command line was wrong (unknown flag, bad value, nothing to check). Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A threshold names a level the methodology does not define. The core's own error (the core never
 * throws the command line's UsageError); the CLI reports it as it reports usage errors. Exit 2.
 */
export class UnknownLevelError extends Error {
  override name = 'UnknownLevelError';
  constructor(
    readonly level: string,
    readonly known: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

/** An input file (plan, methodology) is missing or invalid. Exit 2. At most MAX_DIAGNOSTICS_PER_FILE lines per file. */
export class InputError extends Error {
  override name = 'InputError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const capped = capDiagnostics(diagnostics);
    super(capped.map(formatDiagnostic).join('\n'));
    this.diagnostics = capped;
  }
}

/**
 * A file commready was asked to write must not or cannot be written (a link, a device, an input, a
 * methodology file, a missing folder). Exit 2, shown as `file: message`.
 */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `file:line:col: message`, or `file: message` without a position: always one line, whatever the file
 * name or the quoted input holds (the one place every diagnostic is worded for people).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = sanitizeLine(d.file);
  const where = d.line === undefined ? file : `${file}:${d.line}:${d.col ?? 1}`;
  return `${where}: ${sanitizeLine(d.message)}`;
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/** 128 + the signal's number, as shells report a process stopped by it. */
export const INTERRUPT_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const satisfies Record<InterruptSignal, number>;

/** The user (Ctrl-C) or a signal stopped a command after it saved its work. Exit 128 + the signal number. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(
    readonly signal: InterruptSignal,
    message: string,
  ) {
    super(message);
  }
}
