// The fingerprint is 64-bit FNV-1a over UTF-8: the 32-bit halves give what BigInt arithmetic gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/report/fingerprint.js';
import { runs } from '../properties.js';

/** FNV-1a 64 as its definition reads, one BigInt operation a byte. */
function reference(parts: readonly string[]): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(parts.join('\u0000'))) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fingerprint', () => {
  it('is FNV-1a 64 of the empty input, and of the published test vector "a"', () => {
    expect(fingerprint([''])).toBe('cbf29ce484222325');
    expect(fingerprint(['a'])).toBe('af63dc4c8601ec8c');
  });

  it('agrees with the BigInt definition on any parts, in any script, of any length', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 4 }), (parts) => {
        expect(fingerprint(parts)).toBe(reference(parts));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('keeps every bit: high bytes and long inputs carry into the upper half', () => {
    for (const parts of [
      ['\u{10ffff}'.repeat(500)],
      ['\u00ff'.repeat(4096)],
      ['x', '', 'y'],
      [String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))],
    ])
      expect(fingerprint(parts)).toBe(reference(parts));
  });
});
