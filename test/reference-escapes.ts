// The escaping rules as first written, for property tests that check a faster pass against them: the
// Unicode property class of unsafe characters, the line breaks, and a code point's visible escape. Written
// out here on purpose, not imported from src/text/sanitize.ts, so that a change there cannot move both sides.

/** Controls, format characters, separators, default-ignorables, noncharacters and lone surrogates. */
export const UNSAFE_CLASS = '\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Default_Ignorable_Code_Point}\\p{Noncharacter_Code_Point}\\p{Cs}';

/** Line breaks of every kind. */
export const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** `\x1b` up to U+00FF, `\u202e` up to U+FFFF, `\u{e0041}` beyond. */
export function codePointEscape(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}
