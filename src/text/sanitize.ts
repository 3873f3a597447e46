// Makes text from plans, methodologies, file names and arguments safe to show in a terminal or CI log.
//
// Controls (C0, DEL, C1) and bidirectional formatting characters are shown escaped (`\x1b`, `\u202e`),
// so a hostile string can neither move the cursor, set a window title, reorder what is shown, nor
// forge a GitHub workflow command (a line that starts with `::`).

/** C0 controls, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A line (after any indentation) that starts with `::` is a workflow command for GitHub Actions. */
const COMMAND_START = /^(\s*)::/gm;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `::` at the start of a line becomes `\x3a:`, which no runner reads as a command. */
function defuseCommands(text: string): string {
  return text.replace(COMMAND_START, '$1\\x3a:');
}

/**
 * For a single-line field (a name, an id, a file name, a message): every control, newline included,
 * and every bidi control shown escaped; a leading `::` defused.
 */
export function sanitizeLine(text: string): string {
  return defuseCommands(text.replace(UNSAFE, escapeChar));
}

/** For multi-line text (a guide, a summary): as sanitizeLine, but newlines stay, and no line starts with `::`. */
export function sanitizeBlock(text: string): string {
  return defuseCommands(text.replace(/\r\n?/g, '\n').replace(UNSAFE_BUT_NEWLINE, escapeChar));
}

/**
 * The colour codes commready's own painter emits (bold, dim, red, green, yellow, cyan and their resets),
 * or one unsafe character other than a newline. Nothing else that starts with ESC survives `sanitizeOutput`.
 */
const OUTPUT_UNSAFE =
  /\u001b\[(?:1|2|22|31|32|33|36|39)m|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The last pass over a whole human-readable output before it is written: the safety net behind the
 * per-field sanitising in the formatters. Newlines stay; with `colour`, the painter's own SGR codes stay;
 * everything else that is unsafe is escaped, and no line starts with `::` (colour codes aside).
 */
export function sanitizeOutput(text: string, colour: boolean): string {
  const escaped = text.replace(OUTPUT_UNSAFE, (m) => (m.length === 1 ? escapeChar(m) : colour ? m : `${escapeChar(m[0]!)}${m.slice(1)}`));
  return escaped.replace(/^((?:\s|\u001b\[\d+m)*)::/gm, '$1\\x3a:');
}

/** True when the text holds nothing a terminal would act on, apart from newlines (and, with `colour`, own SGR codes). */
export function isSafeOutput(text: string, colour = false): boolean {
  return sanitizeOutput(text, colour) === text;
}
