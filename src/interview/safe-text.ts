// Makes text from a plan, a methodology or a file name safe to print on a terminal during the
// interview, through the one sanitiser every output uses (text/sanitize.ts).
import { sanitizeBlock, sanitizeLine } from '../text/sanitize.js';

/** A single line, or with `multiline` a block whose newlines stay (tabs too: prompts indent with them). */
export function safeText(text: string, options: { multiline?: boolean } = {}): string {
  if (!options.multiline) return sanitizeLine(text);
  return text
    .split('\t')
    .map((part) => sanitizeBlock(part))
    .join('\t');
}
