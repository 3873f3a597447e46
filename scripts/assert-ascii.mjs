// The generated modules are read as latin1 at start-up (much faster than UTF-8 on Node 20), which is only
// right for pure ASCII: esbuild escapes everything else by default, and this keeps it so.
import { readFileSync } from 'node:fs';

/** Throws when the file holds a byte outside ASCII. */
export function assertAscii(file) {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((b) => b > 0x7f);
  if (at >= 0) throw new Error(`${file}: byte ${at} is not ASCII; the start-up reads this file as latin1`);
}
