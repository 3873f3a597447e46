// The quick paths of the text folds that every list entry goes through (spacedOut, the entry key of a
// text, the content key of a record) give what the plain forms they replace gave: each property
// compares the two on generated texts and records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutBlanks } from '../../src/methodology/plan-facts.js';
import { compatibleForm } from '../../src/text/non-answer.js';
import { spacedOut } from '../../src/text/person-name.js';
import { anyCodePoint, runs } from '../properties.js';

/** spacedOut as it was written before its quick path. */
function plainSpacedOut(text: string): string {
  return compatibleForm(text).trim().replace(/\s+/g, ' ');
}

const PUNCTUATION = new Set(
  [
    ...'.,;:!?\'"-_/\\*~`\u00a1\u00bf\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u00ab\u00bb',
  ].map((ch) => ch.charCodeAt(0)),
);

/** The entry fold as it was written before its quick path: one character at a time. */
function plainFoldText(text: string): string {
  const spaced = plainSpacedOut(text).toLowerCase();
  let out = '';
  let gap = false;
  for (let i = 0; i < spaced.length; i++) {
    const c = spaced.charCodeAt(i);
    if (c === 0x20 || PUNCTUATION.has(c)) {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += spaced[i];
  }
  const space = out.indexOf(' ');
  return space > 0 && space < 4 && ['a', 'an', 'the'].includes(out.slice(0, space)) ? out.slice(space + 1) : out;
}

/** The record key as it was written before: sorted keys, JSON-quoted texts. */
function plainContentKey(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(plainFoldText(value));
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(plainContentKey).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${plainContentKey(record[key])}`)
    .join(',')}}`;
}

/** Texts made of the characters the folds treat apart: spaces of every kind, punctuation, cases, accents. */
const pieces = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u200b',
  '.',
  ',',
  '!',
  '"',
  "'",
  '-',
  '\u2014',
  '\u2026',
  '(',
  ')',
  '%',
  'a ',
  'The ',
  'an ',
  'ban',
  'Ban',
  'BAN',
  'warn',
  'e\u0301',
  '\u00e9',
  '\uff41',
  '\u0430',
  '\u0130',
  'x',
  '7',
);
const texts = fc.oneof(
  fc.array(pieces, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: anyCodePoint, minLength: 1, maxLength: 12 }),
);

describe('the quick paths of the entry folds', () => {
  it('spacedOut gives what trimming and collapsing every run of spaces gives', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(spacedOut(text)).toBe(plainSpacedOut(text));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('two list entries are one exactly when their character-by-character folds agree', () => {
    const words = fc.array(pieces, { minLength: 1, maxLength: 5 }).map((parts) => `${parts.join('')} step`);
    fc.assert(
      fc.property(words, words, (a, b) => {
        const kept = withoutBlanks([a, b]) as unknown[];
        expect(kept.length === 1).toBe(plainFoldText(a) === plainFoldText(b));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('two records are one exactly when their sorted, quoted keys agree', () => {
    const word = fc.constantFrom('ban', 'Ban!', 'the ban', 'warn', 'warn.', '"warn"', 'a,b', '1', 'x:y');
    const value = fc.oneof(word, fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.array(word, { maxLength: 3 }));
    const record = fc.dictionary(fc.constantFrom('what', 'when', 'who', 'w"x', 'w:x'), value, { minKeys: 1, maxKeys: 3 });
    fc.assert(
      fc.property(record, record, (a, b) => {
        // Compared as cleaned, as the list compares them: a nested list has lost its own repeats.
        const kept = withoutBlanks([a, b]) as unknown[];
        expect(kept.length === 1).toBe(plainContentKey(withoutBlanks(a)) === plainContentKey(withoutBlanks(b)));
      }),
      { numRuns: runs(3000) },
    );
  });
});
