// Typed errors: commands throw these; only the CLI's main turns them into exit codes.
import { sanitizeLine } from './text/sanitize.js';

/** A place in an input file, 1-based. */
export interface Diagnostic {
  file: string;
  line?: number;
  col?: number;
  message: string;
}

/** The command line was wrong (unknown flag, bad value, nothing to check). Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input file (plan, methodology) is missing or invalid. Exit 2. */
export class InputError extends Error {
  override name = 'InputError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.diagnostics = diagnostics;
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
