// A stable, dependency-free fingerprint (64-bit FNV-1a as 16 hex digits) for matching results across runs.

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a over the UTF-8 bytes of the parts joined by NUL; the same parts always give the same hash. */
export function fingerprint(parts: readonly string[]): string {
  let hash = OFFSET;
  for (const byte of new TextEncoder().encode(parts.join('\u0000'))) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
