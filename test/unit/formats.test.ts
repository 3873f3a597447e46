// Our formats are ajv-formats' full ones; the quick URL test may only say yes where the full one does.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_URI, withQuickUri } from '../../src/validation/formats.js';
import { runs } from '../properties.js';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats.js') as typeof import('ajv-formats/dist/formats.js');
const formats = withQuickUri(fullFormats);
const fullUri = fullFormats.uri as (value: string) => boolean;
const uri = formats.uri as (value: string) => boolean;

const PIECES = [
  'https',
  'http',
  'mailto',
  'urn',
  'a',
  'Z',
  '0',
  '9',
  '+',
  '-',
  '.',
  ':',
  '//',
  '/',
  '?',
  '#',
  '@',
  '[',
  ']',
  '::1',
  '%2F',
  '%',
  '%g1',
  ' ',
  '~',
  '_',
  "'",
  '!',
  '$',
  '&',
  '(',
  ')',
  '*',
  ',',
  ';',
  '=',
  'é',
  '\\',
  '"',
  '<',
  'example.org',
  '127.0.0.1',
  '[v1.x]',
  '[::]',
];
const uriLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));

describe('the uri format', () => {
  it('agrees with ajv-formats on every ASCII string, takes beyond ASCII only what is a URI in ASCII form, and its quick test never accepts what the full one refuses', () => {
    fc.assert(
      fc.property(fc.oneof(uriLike, fc.string({ maxLength: 30 })), (value) => {
        if (/^[\x00-\x7f]*$/.test(value)) expect(uri(value), value).toBe(fullUri(value));
        else if (uri(value) && !fullUri(value)) {
          expect(value, value).toMatch(/^(?:(?:https?|ircs?):\/\/[^/]|(?:mailto|matrix|xmpp):[^/])/i);
          expect(fullUri(new URL(value).href), value).toBe(true);
        }
        if (COMMON_URI.test(value)) expect(fullUri(value), value).toBe(true);
      }),
      { numRuns: runs(20_000) },
    );
  });

  it('takes the usual links by the quick test, and leaves the rest to the full one', () => {
    for (const url of ['https://acme.example', 'https://discuss.acme.example/t/welcome/12?page=2#top', 'http://acme.example:8080/a%20b']) {
      expect(COMMON_URI.test(url), url).toBe(true);
    }
    for (const [value, valid] of [
      ['mailto:team@example.org', true],
      ['https://user@example.org', true],
      ['https://[::1]/x', true],
      ['https://exa mple.org', false],
      ['example.org', false],
    ] as const) {
      expect(COMMON_URI.test(value), value).toBe(false);
      expect(uri(value), value).toBe(valid);
    }
  });

  it("takes a web address in the reader's own script as a browser does, and nothing else ajv-formats refuses", () => {
    for (const value of [
      'https://f\u00f6rening.se/forum',
      'https://\u4f8b\u3048.jp/',
      'https://acme.example/caf\u00e9',
      'mailto:styrelsen@f\u00f6rening.se',
      'matrix:r/k\u00f6k:f\u00f6rening.se',
    ]) {
      expect(fullUri(value), value).toBe(false);
      expect(uri(value), value).toBe(true);
    }
    for (const value of [
      'https://bad host/\u00fc',
      'f\u00f6rening.se',
      'javascript:alert("\u00fc")',
      'ftp://\u00fc.se',
      'https://\u00fc\u202e.se',
      'https://a.se/\u200b\u00fc',
      'https://a.se/\u00fc\u0007',
      'https:\u00e9',
      'https:/\u00e9.se',
      'mailto:/\u00e9',
      'https://\u00fc:99999/',
    ])
      expect(uri(value), value).toBe(false);
  });

  it('keeps every other format of ajv-formats as it is', () => {
    for (const [name, format] of Object.entries(fullFormats))
      if (name !== 'uri') expect(formats[name as keyof typeof formats], name).toBe(format);
  });
});
