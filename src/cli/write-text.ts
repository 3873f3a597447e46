// Writes human-readable text to standard output through the last safety pass (sanitizeOutput).
import { sanitizeOutput } from '../text/sanitize.js';
import { plainPainter, type Painter } from '../report/types.js';
import type { CliIo } from './io.js';

/** Every human-readable text a command prints goes through here: only the painter's own colours survive. */
export function writeText(io: CliIo, text: string, paint: Painter = plainPainter): void {
  io.stdout(sanitizeOutput(text, paint !== plainPainter));
}
