// Shows control, bidi, invisible-format and non-characters from input text as visible escapes (`\x1b`, `\u202e`),
// so that no machine format (Markdown, SARIF, JUnit, SVG) passes them on to a terminal, a browser or a CI log.

/**
 * C0 (other than tab, LF, CR, which callers decide on), DEL, C1, the bidi embeddings, overrides, isolates and
 * marks, zero-width and invisible format characters, line and paragraph separators, specials, the two
 * non-characters and lone surrogates (both invalid in XML 1.0 and in UTF-8).
 */
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Line breaks of every kind, including the ones Unicode and C1 define. */
export const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Whether one code point (as Array.from yields them) is unsafe; a lone surrogate arrives as one unit. */
export function isUnsafeChar(ch: string): boolean {
  return UNSAFE_CHAR.test(ch);
}

const UNSAFE_CHAR = new RegExp(`^(?:${UNSAFE.source.split('|')[0]}|[\\ud800-\\udfff])$`);

export function escapeCodePoint(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export interface ShowControlsOptions {
  /** Keep LF (after turning CRLF, CR and the Unicode line breaks into LF); otherwise show it as `\n`. */
  newlines?: boolean;
  /** Keep tabs; otherwise show them as `\t`. */
  tabs?: boolean;
}

/** The text with every unsafe character replaced by a visible escape; line breaks and tabs as asked. */
export function showControls(text: string, options: ShowControlsOptions = {}): string {
  const lines = text.replace(LINE_BREAKS, '\n');
  const shown = lines.replace(UNSAFE, escapeCodePoint);
  const withNewlines = options.newlines ? shown : shown.replace(/\n/g, '\\n');
  return options.tabs ? withNewlines : withNewlines.replace(/\t/g, '\\t');
}

/** One line of text: every run of white space (line breaks included) becomes one space, controls shown. */
export function singleLine(text: string): string {
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
