// Typed errors: commands throw these; only the CLI's main turns them into exit codes.

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

/** `file:line:col: message`, or `file: message` without a position; always one printable line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
  return printable(`${where}: ${d.message}`);
}

/**
 * The text with control characters (escape sequences, newlines, bidirectional overrides) written as
 * `\u{…}`, so that a file name or a value quoted in a message cannot drive the terminal or split a line.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
