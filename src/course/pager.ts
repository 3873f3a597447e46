// A lesson, one screenful at a time, in a terminal: each page is printed, then a small menu (next page,
// previous page, stop) that disappears once answered, so the lesson reads as one continuous text.
// Resolves to whether the reader reached the end.
import type { CourseAsker } from './course-asker.js';

/** A line no wider than `columns`, cut at spaces, its continuation lines indented like it. */
export function wrapLine(line: string, columns: number): string[] {
  if (line.length <= columns) return [line];
  const indent = /^\s*/.exec(line)![0];
  const out: string[] = [];
  let current = '';
  for (const word of line.slice(indent.length).split(' ')) {
    const candidate = current === '' ? `${indent}${word}` : `${current} ${word}`;
    if (current !== '' && candidate.length > columns) {
      out.push(current);
      current = `${indent}${word}`;
    } else current = candidate;
  }
  out.push(current);
  return out;
}

/** The text cut into pages of at most `rows` lines, each line first wrapped to `columns`. */
export function pages(text: string, rows: number, columns = Infinity): string[][] {
  const lines = text
    .replace(/\n+$/, '')
    .split('\n')
    .flatMap((line) => wrapLine(line, columns));
  const size = Math.max(5, rows);
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i += size) out.push(lines.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

const NEXT = 'Next page';
const BACK = 'Previous page';
const STOP = 'Stop reading';
const DONE = 'Finish the lesson';

/** Pages `text` for a terminal of `rows` lines and `columns` columns; true when the last page was reached and finished. */
export async function pageText(asker: CourseAsker, text: string, rows: number, columns = Infinity): Promise<boolean> {
  // Room for the menu: its question, three choices, its help line.
  const all = pages(text, rows - 6, columns);
  let at = 0;
  for (;;) {
    asker.write(`${all[at]!.join('\n')}\n`);
    const last = at === all.length - 1;
    const choices = [last ? DONE : NEXT, ...(at > 0 ? [BACK] : []), STOP];
    const picked = choices[await asker.choose(`Page ${at + 1} of ${all.length}`, choices, { default: 0, clear: true })];
    if (picked === DONE) return true;
    if (picked === STOP) return false;
    at = picked === BACK ? at - 1 : at + 1;
  }
}
