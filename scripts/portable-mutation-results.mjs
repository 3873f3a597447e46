// Takes the checkout's own folder out of Stryker's incremental results (`projectRoot`, written by every
// run): the file is committed, and a later run, here or in CI, reuses results without it.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test/mutation/stryker-incremental.json';
let text;
try {
  text = readFileSync(file, 'utf8');
} catch {
  process.exit(0); // No run wrote it: nothing to do.
}
const kept = text.replace(/^[ \t]*"projectRoot": "(?:[^"\\]|\\.)*",?\r?\n/m, '');
// A root written last leaves the line before it with a trailing comma.
writeFileSync(file, kept.replace(/,(\r?\n[ \t]*\})\s*$/, '$1\n'));
