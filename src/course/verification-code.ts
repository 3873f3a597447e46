// The hashes of the course: a certificate's verification code and a practicum plan's fingerprint, both
// SHA-256. The code needs no secret and no server, so anyone with commready can check a certificate; it
// proves the certificate is unchanged since it was written, not who wrote it (hence a self-paced record,
// not an accreditation).
import { createHash } from 'node:crypto';

/** Separates this use of SHA-256 from any other hash of the same text. */
const DOMAIN = 'commready certificate record, format 1\n';

/** Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 bits of SHA-256 over the canonical record, in Crockford base 32, in eight groups of four. */
export function verificationCode(canonicalRecord: string): string {
  const bytes = createHash('sha256').update(DOMAIN).update(canonicalRecord, 'utf8').digest().subarray(0, 20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** SHA-256 of a file's bytes, in hex: the practicum plan's fingerprint. */
export function planFingerprint(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
