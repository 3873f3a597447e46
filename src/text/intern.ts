// One copy of each text that many results repeat (titles, reasons, messages, paths): a lint of many
// plans keeps every result until it prints them, and the same sentence built once per plan would be
// kept once per plan. A pure memo: the same text in, an equal text out.

const texts = new Map<string, string>();
/** Beyond this many distinct texts, new ones are returned as they are (a hostile input cannot grow it forever). */
const MAX_TEXTS = 50_000;

/** The shared copy of `text`. */
export function intern(text: string): string {
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size < MAX_TEXTS) texts.set(text, text);
  return text;
}
