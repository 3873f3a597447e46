// An independent check of what may reach a terminal or a CI log (the "done when"), for tests.

/** The colour codes commready's painter emits; nothing else may start with ESC. */
const OWN_SGR = /\u001b\[(?:1|2|22|31|32|33|36|39)m/g;

/** Every way the text breaks the rule, empty when it is safe. */
export function unsafeParts(text: string, colour = false): string[] {
  const plain = colour ? text.replace(OWN_SGR, '') : text;
  const problems: string[] = [];
  for (const ch of plain) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) problems.push(`control U+${c.toString(16).padStart(4, '0')}`);
    if (c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      problems.push(`bidi U+${c.toString(16)}`);
  }
  for (const line of plain.split('\n'))
    if (/^\s*::/.test(line)) problems.push(`line starts with '::': ${JSON.stringify(line.slice(0, 40))}`);
  return problems;
}
