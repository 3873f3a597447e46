// readTextFile decodes as a fatal UTF-8 TextDecoder would (without loading it): the same text for every
// valid input, a byte order mark dropped, and the same refusal for every invalid one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { describeFsError, readTextFile } from '../../src/io/read-input.js';
import { anyCodePoint, runs } from '../properties.js';

const dir = mkdtempSync(path.join(tmpdir(), 'commready-read-'));
let n = 0;

function viaTextDecoder(bytes: Uint8Array): string | 'invalid' {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return 'invalid';
  }
}

function viaReadTextFile(bytes: Uint8Array): string | 'invalid' {
  const file = path.join(dir, `f${n++}.txt`);
  writeFileSync(file, bytes);
  try {
    return readTextFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/is not valid UTF-8 text$/);
    return 'invalid';
  }
}

describe('readTextFile', () => {
  it('decodes exactly as a fatal UTF-8 TextDecoder does', () => {
    const noZero = (bytes: Uint8Array) => !bytes.includes(0); // NUL bytes are refused as not text, before decoding
    const texts = fc.string({ unit: anyCodePoint, maxLength: 40 }).map((s) => new TextEncoder().encode(s));
    const bytes = fc.oneof(
      texts,
      texts.map((b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b])),
      fc.uint8Array({ maxLength: 24 }),
      fc.uint8Array({ minLength: 1, maxLength: 8, min: 0x80 }),
    );
    fc.assert(
      fc.property(bytes.filter(noZero), (b) => {
        expect(viaReadTextFile(b)).toBe(viaTextDecoder(b));
      }),
      { numRuns: runs(600) },
    );
    // Overlong forms, surrogates and code points past U+10FFFF are refused; a BOM is not content.
    for (const b of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ])
      expect(viaReadTextFile(Uint8Array.from(b))).toBe('invalid');
    expect(viaReadTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });
});

describe('describeFsError', () => {
  const failure = (code: string) => Object.assign(new Error(`${code}: raw system text, write`), { code });

  it("says in words why a write or a read failed, never the system's raw text", () => {
    expect(describeFsError(failure('ENOSPC'))).toBe('no space left on the device: nothing more could be written');
    expect(describeFsError(failure('EDQUOT'))).toMatch(/^the disk quota is used up/);
    expect(describeFsError(failure('ENAMETOOLONG'))).toBe('the file name is too long');
    expect(describeFsError(failure('EMFILE'))).toBe('too many files are open');
    expect(describeFsError(failure('EROFS'))).toBe('the file system is read-only');
  });
});
