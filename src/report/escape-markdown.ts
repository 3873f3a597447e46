// Markdown escaping of input text: every character that could make markup, a link, an autolink, raw HTML or a
// table cell boundary is backslash-escaped; controls and bidi characters are shown as visible escapes.
import { escapeCodePoint, isUnsafeChar, LINE_BREAKS } from '../text/sanitize.js';

/** ASCII punctuation that starts inline markup, raw HTML, entities, tables, headings, strikethrough or math. */
const MARKUP = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!', '$', '@']);

/**
 * The escaped form of each code point of `text` once its white space (line breaks included) is collapsed to
 * single spaces: tokens can be cut anywhere without splitting an escape.
 */
export function markdownTokens(text: string): string[] {
  const s = collapseWhiteSpace(text);
  const tokens: string[] = [];
  for (let i = 0; i < s.length;) {
    const width = widthAt(s, i);
    tokens.push(escapeAt(s, i) ?? s.slice(i, i + width));
    i += width;
  }
  return tokens;
}

/**
 * Input text as one line of Markdown that renders as the text itself: markdownTokens joined, made in one
 * pass that copies runs of plain text whole (a report of 10,000 plans escapes about 300 MB of text).
 */
export function escapeMarkdown(text: string): string {
  const s = collapseWhiteSpace(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length;) {
    const width = widthAt(s, i);
    const escaped = escapeAt(s, i);
    if (escaped !== undefined) {
      out += s.slice(from, i) + escaped;
      from = i + width;
    }
    i += width;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * The escape of the code point at `i` of collapsed text, or undefined where it stands as it is. Printable
 * ASCII is judged by its code; anything else by the Unicode properties.
 */
function escapeAt(s: string, i: number): string | undefined {
  const c = s.charCodeAt(i);
  if (c >= 0x20 && c < 0x7f) {
    // GitHub finds @mentions and #123, owner/repo#123 references in the rendered text, after backslash escapes
    // are gone: an empty comment after the sign keeps them from pinging someone or linking an issue.
    if (c === AT || (c === HASH && isDigit(s.charCodeAt(i + 1)))) return `${s[i]!}${EMPTY_COMMENT}`;
    if (MARKUP_CODES[c] === 1) return `\\${s[i]!}`;
    // `scheme://` and `www.` would become autolinks (GitHub links them even when bare).
    if (c === COLON && s.startsWith('//', i + 1)) return '\\:';
    if (c === DOT && i >= 3 && s.slice(i - 3, i).toLowerCase() === 'www') return '\\.';
    return undefined;
  }
  const ch = s.slice(i, i + widthAt(s, i));
  return isUnsafeChar(ch) ? `\\\\${escapeCodePoint(ch).slice(1)}` : undefined;
}

/** The code units of the code point at `i`: 2 for a surrogate pair, else 1 (a lone surrogate too). */
function widthAt(s: string, i: number): 1 | 2 {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && s.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** Line breaks and runs of white space as single spaces, trimmed: the text markdownTokens splits. */
function collapseWhiteSpace(text: string): string {
  if (!WHITE_SPACE_TO_COLLAPSE.test(text)) return text.trim();
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(/[\t\v\f ]+/g, ' ')
    .trim();
}

/** A line break, a tab, a vertical tab, a form feed or two spaces in a row: what collapseWhiteSpace replaces. */
const WHITE_SPACE_TO_COLLAPSE = /[\t\n\v\f\r\u0085\u2028\u2029]| {2}/;
const COLON = 0x3a;
const AT = 0x40;
const HASH = 0x23;
/** An HTML comment with no text, and no space for a wrap to cut it at: it renders as nothing. */
const EMPTY_COMMENT = '<!---->';
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const DOT = 0x2e;
/** MARKUP by character code, for the ASCII pass of escapeMarkdown. */
const MARKUP_CODES = new Uint8Array(0x80);
for (const ch of MARKUP) MARKUP_CODES[ch.charCodeAt(0)] = 1;

/**
 * Like escapeMarkdown, but at most `max` characters of Markdown, cut between escapes with an ellipsis, and
 * `fallback` when nothing is left: for headings and table cells, which cannot wrap.
 */
export function escapeMarkdownFit(text: string, max: number, fallback: string): string {
  const tokens = markdownTokens(text);
  if (tokens.length === 0) return fallback;
  // Joined once, not added to a token at a time: that makes a chain of one piece per character, which a
  // kept line (the compact report keeps hundreds of sections) holds at about 30 bytes a character.
  let length = 0;
  for (let i = 0; i < tokens.length; i++) {
    length += tokens[i]!.length;
    if (length > max - 1) return `${tokens.slice(0, i).join('').trimEnd()}…`;
  }
  return tokens.join('');
}

/** An id as a code span when it is plain (ids normally are), otherwise escaped text. */
export function markdownCode(id: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(id) ? `\`${id}\`` : escapeMarkdown(id);
}

/** Only relative links and http(s) ones: never `javascript:`, `data:` or any other scheme. */
export function safeLinkTarget(target: string): string | undefined {
  if (/[\s<>()\\`]/.test(target) || Array.from(target).some(isUnsafeChar)) return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target)?.[1]?.toLowerCase();
  if (scheme === undefined) return target.startsWith('//') ? undefined : target;
  return scheme === 'https' || scheme === 'http' ? target : undefined;
}

/**
 * Greedy word wrap of Markdown inline content to `width` columns: the first line after `prefix`, the others
 * indented by `indent`. A continuation line that would start with text that opens a block (a list marker,
 * a setext underline, an ordered-list number, a colon) has that character escaped, so wrapping never adds markup.
 */
export function wrapMarkdown(prefix: string, content: string, indent: string, width = 80): string[] {
  // Each line is its head (the prefix, or the indent and the line's first word, guarded) and one slice of
  // the text: words joined one by one made every line a chain of small strings, which cost more to build
  // and to join than the rest of a Markdown report. Words are what single spaces separate.
  const text = content.includes('  ') ? content.replace(/ {2,}/g, ' ') : content;
  const lines: string[] = [];
  const guardFirst = prefix.trim().length === 0;
  let head = prefix;
  let length = prefix.length;
  let from = 0;
  let to = 0;
  let empty = true;
  for (let k = 0; k < text.length;) {
    if (text.charCodeAt(k) === SPACE) {
      k++;
      continue;
    }
    let next = text.indexOf(' ', k);
    if (next < 0) next = text.length;
    if (!empty && length + 1 + (next - k) > width) {
      lines.push(head + text.slice(from, to));
      head = indent + guardLineStart(text.slice(k, next));
      length = head.length;
      from = to = next;
    } else if (empty && guardFirst) {
      // A prefix of white space only (an indented paragraph) leaves the word at the line's start too.
      head = prefix + guardLineStart(text.slice(k, next));
      length = head.length;
      from = to = next;
    } else {
      if (empty) from = k;
      length += (empty ? 0 : 1) + (next - k);
      to = next;
    }
    empty = false;
    k = next;
  }
  lines.push((head + text.slice(from, to)).trimEnd());
  return lines;
}

const SPACE = 0x20;

function guardLineStart(word: string): string {
  // `:` too: a line of the report must never start like a CI workflow command (`::error::`).
  if (/^[-+=:]/.test(word)) return `\\${word}`;
  const ordered = /^(\d{1,9})([.)])(.*)$/.exec(word);
  return ordered ? `${ordered[1]}\\${ordered[2]}${ordered[3]}` : word;
}
