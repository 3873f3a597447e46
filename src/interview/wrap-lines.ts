// Pure: the interview's own lines wrapped at word boundaries to the terminal's width, so a narrow
// terminal never breaks a word in two. Colour codes take no width; a word longer than the width is
// broken only because it must be.

const ANSI = /\u001b\[[0-9;]*m/g;

/** The columns a text takes on screen (colour codes excluded; one column per code point). */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Each line of `text` wrapped to `width` columns at spaces; continuation lines keep the line's leading
 * indentation. Without a usable width, the text is returned as it is.
 */
export function wrapLines(text: string, width: number | undefined): string {
  if (width === undefined || !Number.isFinite(width) || width < 20) return text;
  return text
    .split('\n')
    .map((line) => wrapOne(line, width))
    .join('\n');
}

function wrapOne(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  const plain = line.replace(ANSI, '');
  // A list entry's lines hang under its text: "  • text" continues at the text, not at the bullet.
  const bullet = /^( *)(?:[\u2022\u2714\u2013-]|\[ \]) /.exec(plain);
  const first = /^ */.exec(plain)![0];
  const indent = bullet ? ' '.repeat(bullet[0].length) : first;
  const words = line.trimStart().split(' ');
  const out: string[] = [];
  let current = first;
  let used = first.length;
  let start = first.length;
  for (const word of words) {
    if (word === '') continue;
    const w = visibleWidth(word);
    if (used > start && used + 1 + w > width) {
      out.push(current);
      current = indent;
      used = indent.length;
      start = indent.length;
    }
    if (used === start && start + w > width) {
      // A word wider than the line: broken at the width, as the terminal would, but only this one.
      let rest = word;
      while (visibleWidth(rest) > width - indent.length) {
        const cut = [...rest].slice(0, width - indent.length).join('');
        out.push(indent + cut);
        rest = rest.slice(cut.length);
      }
      current = indent + rest;
      used = indent.length + visibleWidth(rest);
      start = indent.length;
      continue;
    }
    current += used > start ? ` ${word}` : word;
    used += used > start ? w + 1 : w;
  }
  out.push(current);
  return out.join('\n');
}
