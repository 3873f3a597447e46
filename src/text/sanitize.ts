// The one definition of what text from plans, methodologies, reports, file names and arguments may not
// carry raw into any output, and the escapes every output uses for it.
//
// Unsafe characters are shown as visible escapes (`\x1b`, `\u202e`, `\u{e0041}`): controls (C0, DEL,
// C1), format characters (bidi controls, zero-width characters, soft hyphen, tags), other default-ignorable
// code points, line and paragraph separators, noncharacters and lone surrogates. So a hostile string can
// neither move the cursor, set a window title, clear the screen, reorder or hide what is shown, nor slip
// an invisible character between two that a reader (or GitHub's runner, which matches commands with a
// culture-aware search that skips ignorable characters) would take as adjacent.
//
// GitHub's runner also reads workflow commands in a job's log: `::cmd::` at the start of a line (after white
// space) and the older `##[cmd]` anywhere in a line. Azure Pipelines' agent reads `##vso[cmd]` anywhere in a
// line (it looks for the prefix with IndexOf), and TeamCity reads `##teamcity[msg]` service messages. Those
// are defused in every output that can reach a log, each with its own syntax's escape for one character
// (`defuseCommands`).

const UNSAFE_CLASS = '\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Default_Ignorable_Code_Point}\\p{Noncharacter_Code_Point}\\p{Cs}';

/**
 * A pattern over those Unicode properties, made on first use: making one reads the properties' tables
 * (about a millisecond for the five below in a run's start), and most runs need few of them or none.
 */
function madeOnUse(source: string, flags: string): () => RegExp {
  let made: RegExp | undefined;
  return () => (made ??= new RegExp(source, flags));
}

/** Every unsafe character, tab and line breaks included. */
const UNSAFE = madeOnUse(`[${UNSAFE_CLASS}]`, 'gu');
/** Every unsafe character but LF. */
const UNSAFE_BUT_NEWLINE = madeOnUse(`(?!\\n)[${UNSAFE_CLASS}]`, 'gu');
/** Every unsafe character but tab, LF and CR, which callers of showControls decide on. */
const UNSAFE_BUT_WHITE_SPACE = madeOnUse(`(?![\\t\\n\\r])[${UNSAFE_CLASS}]`, 'gu');
const UNSAFE_CHAR = madeOnUse(`^[${UNSAFE_CLASS}]$`, 'u');
/** The `##` of a command read anywhere in a line: `##[` (GitHub's older syntax), `##vso[` (Azure), `##teamcity[`. */
const ANYWHERE_COMMAND_SOURCE = '##(?=\\[|vso\\[|teamcity\\[)';

/**
 * In JSON text (JSON.stringify's output): every unsafe character but LF, or the `##` of a command read
 * anywhere in a line. One pass finds both; a line of JSON text never starts with `::` (see escapeJsonText).
 */
export const unsafeInJsonText = madeOnUse(`(?!\\n)[${UNSAFE_CLASS}]|${ANYWHERE_COMMAND_SOURCE}`, 'gu');

/** Any character but printable ASCII and LF. */
const NOT_PLAIN_ASCII = /[^\n -~]/;
/** Any character but printable ASCII. */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/**
 * True when the text holds only printable ASCII and LF, none of them unsafe: the outputs' sanitising
 * passes check this first, because a simple class scans many times faster than the Unicode properties
 * (most of a report of 10,000 plans is such text).
 */
export function isPlainAscii(text: string): boolean {
  return !NOT_PLAIN_ASCII.test(text);
}

/** Line breaks of every kind, including the ones Unicode and C1 define. */
export const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Whether one code point (as Array.from yields them; a lone surrogate arrives as one unit) is unsafe. */
export function isUnsafeChar(ch: string): boolean {
  return UNSAFE_CHAR().test(ch);
}

/** `\x1b` up to U+00FF, `\u202e` up to U+FFFF, `\u{e0041}` beyond. */
export function escapeCodePoint(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  return NAMED[ch] ?? escapeCodePoint(ch);
}

/** A line (after any white space, which the runner trims) that starts with `::` is a workflow command. */
const COMMAND_START = /^(\s*)::/gm;
/** GitHub's older `##[error]…`, Azure's `##vso[…]` and TeamCity's `##teamcity[…]` are read anywhere in a line. */
const ANYWHERE_COMMAND = new RegExp(ANYWHERE_COMMAND_SOURCE, 'g');

/** Whether the text may hold a command of a CI runner: `::`, or the `##` every command read mid-line starts with. */
function mayHoldCommand(text: string): boolean {
  return text.includes('::') || text.includes('##');
}

/**
 * The text with no workflow command a runner would read: a line's leading `:` and the second `#` of `##[`,
 * `##vso[` and `##teamcity[` written as `escape` gives them in the output's own syntax (`\x3a` in text, `\u003a` in JSON, `&#58;` in
 * XML, `\:` in Markdown), so each still reads as the character it was.
 */
export function defuseCommands(text: string, escape: (ch: ':' | '#') => string): string {
  if (!mayHoldCommand(text)) return text;
  return text.replace(COMMAND_START, (_, space: string) => `${space}${escape(':')}:`).replace(ANYWHERE_COMMAND, `#${escape('#')}`);
}

const TEXT_ESCAPE = (ch: ':' | '#'): string => escapeCodePoint(ch);

/**
 * For a single-line field (a name, an id, a file name, a message): every unsafe character, newline and tab
 * included, shown escaped; workflow commands defused.
 */
export function sanitizeLine(text: string): string {
  return defuseCommands(text.replace(UNSAFE(), escapeChar), TEXT_ESCAPE);
}

/** For multi-line text (a guide, a summary): as sanitizeLine, but newlines stay, and no line starts a command. */
export function sanitizeBlock(text: string): string {
  return defuseCommands(text.replace(/\r\n?/g, '\n').replace(UNSAFE_BUT_NEWLINE(), escapeChar), TEXT_ESCAPE);
}

/**
 * The colour codes commready's own painter emits (bold, dim, red, green, yellow, cyan and their resets),
 * or one character that is not printable ASCII nor a newline (unsafe or not). Nothing else that starts
 * with ESC survives `sanitizeOutput`.
 */
const OUTPUT_CANDIDATE = /\u001b\[(?:1|2|22|31|32|33|36|39)m|[^\n -~]/gu;

/**
 * The last pass over a whole human-readable output before it is written: the safety net behind the
 * per-field sanitising in the formatters. Newlines stay; with `colour`, the painter's own SGR codes stay;
 * everything else that is unsafe is escaped, and no workflow command survives (colour codes aside).
 */
export function sanitizeOutput(text: string, colour: boolean): string {
  const commands = mayHoldCommand(text);
  if (!commands && isPlainAscii(text)) return text;
  // Only a character outside printable ASCII can be unsafe: the simple class finds those, the Unicode
  // properties judge each one found (a page of 10,000 plans holds a few such characters a plan).
  const escaped = text.replace(OUTPUT_CANDIDATE, (m) =>
    m.length > 2 ? (colour ? m : `${escapeChar(m[0]!)}${m.slice(1)}`) : isUnsafeChar(m) ? escapeChar(m) : m,
  );
  // An escape adds no ':' or '#': without a command in the text there is none in what it became.
  if (!commands) return escaped;
  return escaped.replace(/^((?:\s|\u001b\[\d+m)*)::/gm, '$1\\x3a:').replace(ANYWHERE_COMMAND, '#\\x23');
}

/** True when the text holds nothing a terminal or a runner would act on, apart from newlines (and, with `colour`, own SGR codes). */
export function isSafeOutput(text: string, colour = false): boolean {
  return sanitizeOutput(text, colour) === text;
}

export interface ShowControlsOptions {
  /** Keep LF (after turning CRLF, CR and the Unicode line breaks into LF); otherwise show it as `\n`. */
  newlines?: boolean;
  /** Keep tabs; otherwise show them as `\t`. */
  tabs?: boolean;
}

/**
 * The text with every unsafe character replaced by a visible escape; line breaks and tabs as asked. For
 * machine formats (SARIF, JUnit, the badge), which defuse workflow commands in their own syntax.
 */
export function showControls(text: string, options: ShowControlsOptions = {}): string {
  if (!NOT_PRINTABLE_ASCII.test(text)) return text;
  const shown = text.replace(LINE_BREAKS, '\n').replace(UNSAFE_BUT_WHITE_SPACE(), escapeCodePoint);
  const withNewlines = options.newlines ? shown : shown.replace(/\n/g, '\\n');
  return options.tabs ? withNewlines : withNewlines.replace(/\t/g, '\\t');
}

/** One line of text: every run of white space (line breaks included) becomes one space, unsafe characters shown. */
export function singleLine(text: string): string {
  if (!NOT_PRINTABLE_ASCII.test(text) && !text.includes('  ')) return text.trim();
  return showControls(
    text
      .replace(LINE_BREAKS, ' ')
      .replace(/[\t ]+/g, ' ')
      .trim(),
    { tabs: true },
  );
}

/** At most `max` code points, cut at a code point boundary with an ellipsis; applied before escaping. */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
