// Pure: makes text from a plan, a methodology or a file name safe to print on a terminal.

/**
 * Control characters (escape sequences, carriage returns, bells, bidirectional overrides) are shown
 * as visible `\u{…}` codes instead of acting on the terminal; newlines and tabs are kept only when asked.
 */
export function safeText(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (options.multiline && (c === '\n' || c === '\t')) return c;
    return `\\u{${c.codePointAt(0)!.toString(16)}}`;
  });
}
