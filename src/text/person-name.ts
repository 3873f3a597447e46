// Pure: one person however their name is written. Rosters, person fields and lists of people compare
// names through foldName, so that one person written twice never counts as two.
import { compatibleForm } from './non-answer.js';

/**
 * A person's name as one key: trimmed, case, inner spacing, encoding and accents folded, a trailing note
 * dropped ('Maya Okonkwo (backup)', 'Maya Okonkwo - backup', 'Maya Okonkwo, host') and the words taken in
 * any order ('Okonkwo, Maya', 'Okonkwo Maya'). A first name alone stays its own: 'Ana' is not 'Ana Lima'.
 */
export function foldName(name: string): string {
  const plain = foldSpaced(withoutNotes(spacedOut(name)));
  // Family name first or last ('Okonkwo Maya', 'Wang Fang' and 'Fang Wang'): the same words, one person.
  // Two people whose names are the same words in another order are taken for one; counting one person
  // twice, which lets a rule that asks for two people pass on one, is the worse mistake.
  return inAnyOrder(plain);
}

/** The words of a folded name sorted: most names have one or two, ordered without a sort. */
function inAnyOrder(plain: string): string {
  const space = plain.indexOf(' ');
  if (space < 0) return plain;
  if (plain.indexOf(' ', space + 1) < 0) {
    const first = plain.slice(0, space);
    const last = plain.slice(space + 1);
    return first <= last ? plain : `${last} ${first}`;
  }
  return plain.split(' ').sort().join(' ');
}

/**
 * A role or a function as one key ('Conduct responder', 'conduct  responder.'): folded like a name, but
 * with its words in order and nothing dropped, so that 'moderator (trainee)' is not 'moderator'.
 */
export function foldRole(role: string): string {
  return foldSpaced(spacedOut(role));
}

/**
 * One form however the text is encoded: composed accents and plain letters (NFKC, so full-width letters
 * too), no invisible characters, trimmed, inner spaces one, so that "Maya Okonkwo" with a zero-width space
 * or "Tomás" written with a combining accent is not a second one.
 */
export function spacedOut(text: string): string {
  return compatibleForm(text).trim().replace(SPACES_G, ' ');
}

/**
 * A text in one form (spacedOut) without the marks around it ("Maya Okonkwo.", "'Ana'"), in lower case,
 * with accents and the letters people type without them made one: 'José Núñez' and 'Jose Nunez', 'Jonas
 * Weiß' and 'JONAS WEISS'. toLowerCase, not toLocaleLowerCase('en'): the same mapping for English,
 * without loading ICU.
 */
function foldSpaced(spaced: string): string {
  // Most names begin and end with a letter: no expression runs for them.
  const folded = WORDY.test(spaced.charAt(0)) && WORDY.test(spaced.charAt(spaced.length - 1)) ? spaced : spaced.replace(OUTER_MARKS, '');
  const lower = folded.toLowerCase();
  return NOT_ASCII.test(lower) ? lower.normalize('NFKD').replace(MARKS_G, '').replace(SHARP_S_G, 'ss').replace(DOTLESS_I_G, 'i') : lower;
}

/**
 * The name without what was written after it about the person: notes in brackets at the end, the rest
 * after a spaced dash, and what follows a comma when it is a note rather than a given name. A comma
 * is read as "family name, given names" ('Okonkwo, Maya'), or as the start of a note when what follows
 * is a role ('Maya, host', 'Maya Okonkwo, Backup') or, after a name of two words or more, starts in
 * lower case ('Maya Okonkwo, community manager'). A comma never splits one entry into two people: 'Maya,
 * Tom' in one entry is one name (on a plan with a roster, a name not on it), so that no entry counts twice.
 * A text that is nothing but a note ('(vacant)') is kept whole.
 */
function withoutNotes(name: string): string {
  // Most names hold no bracket, dash or comma: returned as they are.
  if (!NOTE_MARK.test(name)) return name;
  let rest = name;
  for (let at = trailingNote(rest); at > 0 && HAS_WORD.test(rest.slice(0, at)); at = trailingNote(rest)) rest = rest.slice(0, at).trimEnd();
  const dash = DASH_NOTE.exec(rest);
  if (dash && HAS_WORD.test(rest.slice(0, dash.index))) rest = rest.slice(0, dash.index);
  if (!rest.includes(',')) return rest.trim();
  const [head, ...tails] = rest.split(',');
  const words = head!
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  for (const part of tails) {
    const tail = part.trim();
    if (tail === '') continue;
    if (isNote(tail, words.length)) break;
    for (const w of tail.split(' ')) words.push(w);
  }
  return words.length > 0 ? words.join(' ') : rest.trim();
}

/**
 * Where a note in brackets at the end of a text opens ('(backup)', '[host]'), or -1. Read from the end,
 * not by a pattern, so that a long text of brackets costs one pass.
 */
function trailingNote(text: string): number {
  let end = text.length - 1;
  while (end >= 0 && text.charCodeAt(end) === 0x20) end--;
  const close = text.charAt(end);
  const open = close === ')' ? '(' : close === ']' ? '[' : '';
  if (open === '') return -1;
  const at = text.lastIndexOf(open, end - 1);
  // A bracket of the same kind inside ('(a (b))') is no plain note: left as it is.
  return at >= 0 && text.lastIndexOf(close, end - 1) < at ? at : -1;
}

/** Whether what follows a comma is a note on the person, after a name of `words` words. */
function isNote(tail: string, words: number): boolean {
  const space = tail.indexOf(' ');
  const word = (space < 0 ? tail : tail.slice(0, space)).toLowerCase();
  const bare = WORDY.test(word.charAt(0)) && WORDY.test(word.charAt(word.length - 1)) ? word : word.replace(OUTER_MARKS, '');
  if (NOTE_WORDS.has(bare)) return true;
  const c = tail.charAt(0);
  return words >= 2 && c !== c.toUpperCase() && c === c.toLowerCase();
}

/**
 * Words that open a note after a comma ('Maya, host', 'Maya Okonkwo, Deputy'): what someone does or how
 * they stand in, never a given name.
 */
const NOTE_WORDS: ReadonlySet<string> = new Set([
  'acting',
  'admin',
  'alternate',
  'backup',
  'chair',
  'co-chair',
  'co-host',
  'co-lead',
  'cohost',
  'contact',
  'coordinator',
  'cover',
  'deputy',
  'facilitator',
  'former',
  'founder',
  'greeter',
  'host',
  'interim',
  'lead',
  'maintainer',
  'manager',
  'mentor',
  'moderator',
  'optional',
  'organiser',
  'organizer',
  'owner',
  'primary',
  'responder',
  'secondary',
  'spokesperson',
  'sponsor',
  'staff',
  'stand-in',
  'standby',
  'substitute',
  'tba',
  'tbc',
  'tbd',
  'volunteer',
]);

const SPACES_G = /\s+/g;
/** A bracket, a dash or a comma: the marks a note may follow. */
const NOTE_MARK = /[()[\],\-\u2012-\u2015]/;
/** A note after a dash with a space on each side: ' - backup', ' – host'; 'Smith-Jones' is one name. */
const DASH_NOTE = /\s[-\u2012-\u2015]+\s/;
const HAS_WORD = /[\p{L}\p{N}]/u;

const NOT_ASCII = /[^\x00-\x7f]/;
const MARKS_G = /\p{M}/gu;
const SHARP_S_G = /\u00df/g;
const DOTLESS_I_G = /\u0131/g;

const WORDY = /^[\p{L}\p{N}]$/u;

/** Marks around a name ("Maya Okonkwo.", "'Ana'"): not part of it. */
const OUTER_MARKS = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
