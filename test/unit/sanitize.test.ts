import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuseCommands, isSafeOutput, sanitizeBlock, sanitizeLine, sanitizeOutput } from '../../src/text/sanitize.js';
import { unsafeParts } from '../output-safety-check.js';
import { codePointEscape, LINE_BREAKS, UNSAFE_CLASS } from '../reference-escapes.js';
import { anyCodePoint, runs } from '../properties.js';

describe('sanitizeLine', () => {
  it('shows controls, DEL, C1 and bidi controls escaped', () => {
    expect(sanitizeLine('a\u001b[2Jb\u0007c\u0000d\u007fe\u009bf')).toBe('a\\x1b[2Jb\\x07c\\x00d\\x7fe\\x9bf');
    expect(sanitizeLine('x\u202eevil\u2066y\u2069\u200e\u200f\u061c')).toBe('x\\u202eevil\\u2066y\\u2069\\u200e\\u200f\\u061c');
  });

  it('keeps a single-line field on one line', () => {
    expect(sanitizeLine('one\ntwo\r\tthree')).toBe('one\\ntwo\\r\\tthree');
  });

  it('defuses a leading workflow command, even after indentation, and after an escaped newline', () => {
    expect(sanitizeLine('::error::forged')).toBe('\\x3a:error::forged');
    expect(sanitizeLine('  ::warning::x')).toBe('  \\x3a:warning::x');
    expect(sanitizeLine('a ::b')).toBe('a ::b');
  });

  it("defuses GitHub's older command syntax anywhere in a line, as the runner reads it", () => {
    expect(sanitizeLine('name ##[error]forged')).toBe('name #\\x23[error]forged');
    expect(sanitizeLine('##[add-mask]x ##[stop-commands]y')).toBe('#\\x23[add-mask]x #\\x23[stop-commands]y');
    expect(sanitizeLine('###[x')).toBe('##\\x23[x');
    // An invisible character between the two '#' is shown, so nothing joins them for a search that skips it.
    expect(sanitizeLine('#\u200b#[error]')).toBe('#\\u200b#[error]');
    expect(sanitizeLine('# [ and #[ and ##] stay')).toBe('# [ and #[ and ##] stay');
  });

  it("defuses Azure Pipelines' ##vso[ and TeamCity's ##teamcity[ anywhere in a line, as their agents read them", () => {
    expect(sanitizeLine('##vso[task.complete result=Succeeded;]done')).toBe('#\\x23vso[task.complete result=Succeeded;]done');
    expect(sanitizeLine('x ##vso[task.setvariable variable=a]b')).toBe('x #\\x23vso[task.setvariable variable=a]b');
    expect(sanitizeLine("##teamcity[buildStatus status='SUCCESS'] ###vso[x]")).toBe(
      "#\\x23teamcity[buildStatus status='SUCCESS'] ##\\x23vso[x]",
    );
    expect(sanitizeBlock('a\n##vso[task.complete]\n  ##teamcity[x]')).toBe('a\n#\\x23vso[task.complete]\n  #\\x23teamcity[x]');
    expect(sanitizeLine('##vso and ##teamcity and ##vs[ stay')).toBe('##vso and ##teamcity and ##vs[ stay');
  });

  it('shows zero-width, soft hyphen, tag and other invisible characters escaped', () => {
    expect(sanitizeLine('a\u200bb\u200dc\u2060d\ufeffe\u00adf\u{e0041}g\u034fh')).toBe(
      'a\\u200bb\\u200dc\\u2060d\\ufeffe\\xadf\\u{e0041}g\\u034fh',
    );
    expect(sanitizeLine('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
  });

  it('leaves ordinary Unicode alone', () => {
    expect(sanitizeLine('Café — 日本語 🎉 «ok»')).toBe('Café — 日本語 🎉 «ok»');
  });

  it('is idempotent and always safe (arbitrary Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint, maxLength: 200 }), (text) => {
        const once = sanitizeLine(text);
        expect(unsafeParts(once)).toEqual([]);
        expect(once).not.toMatch(/\n/);
        expect(sanitizeLine(once)).toBe(once);
      }),
      { seed: 8, numRuns: runs(500) },
    );
  });
});

describe('defuseCommands', () => {
  it("writes the one character each syntax needs escaped in that syntax's own escape", () => {
    const json = (ch: string) => `\\u00${ch.charCodeAt(0).toString(16)}`;
    expect(defuseCommands('  ::error::x\ny ##[error]z', json)).toBe('  \\u003a:error::x\ny #\\u0023[error]z');
    expect(defuseCommands('a :: b', json)).toBe('a :: b');
    expect(defuseCommands('##vso[x] ##teamcity[y]', json)).toBe('#\\u0023vso[x] #\\u0023teamcity[y]');
  });
});

describe('sanitizeBlock', () => {
  it('keeps newlines but defuses commands on every line', () => {
    expect(sanitizeBlock('one\r\n::error::x\n  ::notice::y\u001b')).toBe('one\n\\x3a:error::x\n  \\x3a:notice::y\\x1b');
  });
});

describe('sanitizeOutput', () => {
  it("keeps the painter's own colour codes only when colour is on", () => {
    const painted = '\u001b[1mtitle\u001b[22m \u001b[31mFAIL\u001b[39m';
    expect(sanitizeOutput(painted, true)).toBe(painted);
    expect(sanitizeOutput(painted, false)).toBe('\\x1b[1mtitle\\x1b[22m \\x1b[31mFAIL\\x1b[39m');
    expect(sanitizeOutput('\u001b[1A\u001b[2Kx \u001b]0;t\u0007', true)).toBe('\\x1b[1A\\x1b[2Kx \\x1b]0;t\\x07');
  });

  it('defuses the older command syntax in a whole output too', () => {
    expect(sanitizeOutput('ok\nplan ##[error]x\n', false)).toBe('ok\nplan #\\x23[error]x\n');
    expect(isSafeOutput('a ##[warning]b')).toBe(false);
    expect(sanitizeOutput('ok\n##vso[task.complete]x ##teamcity[y]\n', false)).toBe('ok\n#\\x23vso[task.complete]x #\\x23teamcity[y]\n');
  });

  it('defuses a line that starts with :: behind colour codes', () => {
    expect(sanitizeOutput('\u001b[1m::error::x\u001b[22m', true)).toBe('\u001b[1m\\x3a:error::x\u001b[22m');
  });

  it('makes any text safe, with or without colour (arbitrary Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint, maxLength: 300 }), fc.boolean(), (text, colour) => {
        const out = sanitizeOutput(text, colour);
        expect(unsafeParts(out, colour)).toEqual([]);
        expect(isSafeOutput(out, colour)).toBe(true);
      }),
      { seed: 8, numRuns: runs(500) },
    );
  });
});

// The sanitising passes first check for plain ASCII and return such text as it is: each must still give
// what its full pass gives, on any text (the full passes as they were before that check, written out here).
describe('the plain-ASCII shortcut of the sanitising passes', () => {
  const fullShowControls = (text: string, o: { newlines?: boolean; tabs?: boolean }): string => {
    const shown = text.replace(LINE_BREAKS, '\n').replace(new RegExp(`(?![\\t\\n\\r])[${UNSAFE_CLASS}]`, 'gu'), codePointEscape);
    const withNewlines = o.newlines ? shown : shown.replace(/\n/g, '\\n');
    return o.tabs ? withNewlines : withNewlines.replace(/\t/g, '\\t');
  };
  const fullJson = (json: string): string =>
    json.replace(new RegExp(`(?!\\n)[${UNSAFE_CLASS}]|##(?=\\[|vso\\[|teamcity\\[)`, 'gu'), (m) =>
      m === '##' ? '#\\u0023' : Array.from({ length: m.length }, (_, i) => `\\u${m.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
    );
  const pieces = fc.constantFrom(
    '::',
    '##[',
    '##vso[',
    '##teamcity[',
    'vso[',
    ' ',
    '\n',
    '\t',
    '\r',
    '\u0085',
    '\u2028',
    '\u202e',
    '\u001b[1m',
    '\u001b[2J',
    '\ud800',
    '😀',
    'é',
    'a',
    ':',
    '#',
    '[',
  );
  const text = fc.oneof(
    fc.string({ unit: anyCodePoint, maxLength: 10 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
    fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')),
  );

  it('showControls', async () => {
    const { showControls } = await import('../../src/text/sanitize.js');
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, newlines, tabs) => {
        expect(showControls(t, { newlines, tabs })).toBe(fullShowControls(t, { newlines, tabs }));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('escapeJsonText', async () => {
    const { escapeJsonText } = await import('../../src/report/format-json.js');
    fc.assert(
      fc.property(text, (t) => {
        const json = JSON.stringify({ t }, null, 2);
        expect(escapeJsonText(json)).toBe(fullJson(json));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('sanitizeOutput', () => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const esc = (ch: string): string => named[ch] ?? codePointEscape(ch);
    const unsafe = new RegExp(`\\u001b\\[(?:1|2|22|31|32|33|36|39)m|(?!\\n)[${UNSAFE_CLASS}]`, 'gu');
    const full = (t: string, colour: boolean): string =>
      t
        .replace(unsafe, (m) => (m.length > 2 ? (colour ? m : `${esc(m[0]!)}${m.slice(1)}`) : esc(m)))
        .replace(/^((?:\s|\u001b\[\d+m)*)::/gm, '$1\\x3a:')
        .replace(/##(?=\[|vso\[|teamcity\[)/g, '#\\x23');
    fc.assert(
      fc.property(text, fc.boolean(), (t, colour) => {
        expect(sanitizeOutput(t, colour)).toBe(full(t, colour));
        expect(isSafeOutput(sanitizeOutput(t, colour), colour)).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });
});
