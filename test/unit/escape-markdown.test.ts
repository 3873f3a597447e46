import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownTokens } from '../../src/report/escape-markdown.js';
import { codePointEscape, LINE_BREAKS, UNSAFE_CLASS } from '../reference-escapes.js';
import { anyCodePoint, runs } from '../properties.js';

/**
 * The escaping as first written, one code point at a time over the text's code points: what escapeMarkdown
 * and markdownTokens, which judge each code point in place, must give.
 */
function referenceTokens(text: string): string[] {
  const unsafe = new RegExp(`^[${UNSAFE_CLASS}]$`, 'u');
  const markup = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!', '$', '@']);
  const points = Array.from(
    text
      .replace(LINE_BREAKS, ' ')
      .replace(/[\t\v\f ]+/g, ' ')
      .trim(),
  );
  return points.map((ch, i) => {
    if (unsafe.test(ch)) return `\\${codePointEscape(ch)}`;
    if (ch === '@' || (ch === '#' && /^[0-9]$/.test(points[i + 1] ?? ''))) return `${ch}<!---->`;
    if (markup.has(ch)) return `\\${ch}`;
    if (ch === ':' && points[i + 1] === '/' && points[i + 2] === '/') return '\\:';
    if (
      ch === '.' &&
      points
        .slice(Math.max(0, i - 3), i)
        .join('')
        .toLowerCase() === 'www'
    )
      return '\\.';
    return ch;
  });
}

describe('escapeMarkdown', () => {
  it('escapes markup, autolinks and unsafe characters, and collapses white space', () => {
    expect(escapeMarkdown('  a *b*\n\t[c](d) www.x.org https://y  ')).toBe('a \\*b\\* \\[c\\](d) www\\.x.org https\\://y');
    expect(escapeMarkdown('x\u202ey\u0000z\u{e0041}')).toBe('x\\\\u202ey\\\\x00z\\\\u{e0041}');
    expect(escapeMarkdown('WWW.example and a.b')).toBe('WWW\\.example and a.b');
    expect(escapeMarkdown('plain text, stays as it is')).toBe('plain text, stays as it is');
    expect(escapeMarkdown('lone \ud800 surrogate, pair 😀')).toBe('lone \\\\ud800 surrogate, pair 😀');
  });

  it('keeps @mentions and #123 references from pinging people or linking issues once rendered', () => {
    // GitHub finds them in the rendered text, where `\\@` and `\\#` have become `@` and `#` again.
    expect(escapeMarkdown('ask @octocat, @org/team about #12 and owner/repo#3')).toBe(
      'ask @<!---->octocat, @<!---->org/team about #<!---->12 and owner/repo#<!---->3',
    );
    expect(escapeMarkdown('# title #a')).toBe('\\# title \\#a');
    expect(markdownTokens('@a#1')).toEqual(['@<!---->', 'a', '#<!---->', '1']);
  });

  it('gives, as markdownTokens does token by token, what the escaping as first written gives, for any text', () => {
    const pieces = fc.constantFrom(
      'www',
      'WwW',
      '.',
      ':',
      '//',
      '*',
      '\\',
      '`',
      '#',
      '@',
      '7',
      '|',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\u2028',
      '\u0085',
      '\u202e',
      '\ud800',
      '\udc00',
      '😀',
      'é',
      'a',
    );
    const text = fc.oneof(
      fc.string({ unit: anyCodePoint, maxLength: 12 }),
      fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme-ascii', maxLength: 3 })), { maxLength: 10 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const escaped = escapeMarkdown(t);
        const reference = referenceTokens(t);
        expect(markdownTokens(t)).toEqual(reference);
        expect(escaped).toBe(reference.join(''));
        // One line, its white space collapsed: no break, tab or double space left, nothing to trim.
        expect(escaped).not.toMatch(/[\t\n\v\f\r\u0085\u2028\u2029]| {2}/);
        expect(escaped).toBe(escaped.trim());
      }),
      { numRuns: runs(1000) },
    );
  });
});
