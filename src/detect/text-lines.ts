// Pure: the line-level reading the file detectors share: lines, headings (Markdown ATX and setext,
// AsciiDoc, reStructuredText underlines), sections, links, and excerpts with personal data masked.
// Each scan reads a line once and uses no pattern that can backtrack across a long line.
import { findPersonalData, type PersonalDataKind } from '../text/personal-data.js';
import { isUnsafeChar } from '../text/sanitize.js';

/** The text's lines (CRLF and a byte order mark removed). */
export function linesOf(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export interface Heading {
  /** 0-based line index of the heading's text. */
  index: number;
  level: number;
  text: string;
}

const UNDERLINE_LEVELS: Readonly<Record<string, number>> = { '=': 1, '-': 2, '~': 3, '^': 4, '"': 5 };

/** ATX (`## Title`), AsciiDoc (`== Title`) and underlined (setext, reStructuredText) headings. */
export function headingsOf(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimStart();
    if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      fence = !fence;
      continue;
    }
    if (fence || line.length > 500) continue;
    const marker = line[0];
    if (marker === '#' || marker === '=') {
      let level = 0;
      while (level < line.length && line[level] === marker) level++;
      if (level <= 6 && (line[level] === ' ' || line[level] === '\t')) {
        let text = line.slice(level).trim();
        while (text.endsWith(marker)) text = text.slice(0, -1);
        text = text.trim();
        if (text.length > 0) headings.push({ index: i, level, text });
        continue;
      }
    }
    const next = lines[i + 1];
    if (next !== undefined && trimmed.length > 0 && next.length >= 2 && next.length <= 500) {
      const c = next[0]!;
      const level = UNDERLINE_LEVELS[c];
      if (
        level !== undefined &&
        next
          .trimEnd()
          .split('')
          .every((ch) => ch === c) &&
        !/^[-=~^"]+$/.test(trimmed)
      ) {
        headings.push({ index: i, level, text: line.trim() });
        i++;
      }
    }
  }
  return headings;
}

/** The lines under a heading, up to the next heading of the same or a higher level: [start, end). */
export function sectionRange(headings: readonly Heading[], at: number, lineCount: number): [number, number] {
  const h = headings[at]!;
  for (let k = at + 1; k < headings.length; k++) {
    if (headings[k]!.level <= h.level) return [h.index + 1, headings[k]!.index];
  }
  return [h.index + 1, lineCount];
}

/** Heading text without Markdown decoration (`**`, backticks, a trailing anchor `{#id}`), lowercased. */
export function plainHeading(text: string): string {
  return text
    .replace(/\{#[^}]*\}$/, '')
    .replace(/[*_`]/g, '')
    .trim()
    .toLowerCase();
}

/** Every http(s) URL in a line, without trailing punctuation. */
export function urlsIn(line: string): string[] {
  const urls: string[] = [];
  let from = 0;
  for (;;) {
    const at = line.indexOf('http', from);
    if (at < 0) return urls;
    from = at + 4;
    if (at > 0 && /[\w/]/.test(line[at - 1]!)) continue;
    const scheme = line.startsWith('https://', at) ? 8 : line.startsWith('http://', at) ? 7 : 0;
    if (scheme === 0) continue;
    let end = at + scheme;
    // A control, bidi or invisible character ends the address too: it is no part of a URL, and an escape
    // sequence in a file would otherwise become a proposed plan value.
    while (end < line.length && !/[\s<>"'`\])}|]/.test(line[end]!) && !isUnsafeChar(line[end]!)) end++;
    let url = line.slice(at, end);
    while (/[.,;:!?*_]$/.test(url)) url = url.slice(0, -1);
    if (url.length > scheme) urls.push(url);
    from = end;
  }
}

const MASKS: Readonly<Record<PersonalDataKind, string>> = {
  email: '[e-mail address]',
  phone: '[phone number]',
  'street-address': '[street address]',
};

/** A line shown as evidence: trimmed, at most 160 characters, with every contact detail masked. */
export function excerptOf(line: string): string {
  const hits = findPersonalData(line);
  let masked = line;
  for (let k = hits.length - 1; k >= 0; k--) {
    const hit = hits[k]!;
    masked = masked.slice(0, hit.start) + MASKS[hit.kind] + masked.slice(hit.end);
  }
  const trimmed = masked.trim().replace(/\s+/g, ' ');
  return trimmed.length > 160 ? `${trimmed.slice(0, 159)}\u2026` : trimmed;
}

/** Text stripped of Markdown links, images, HTML tags and emphasis: what a reader sees. */
export function plainText(text: string): string {
  return text
    .slice(0, 500)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{0,200}>/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
