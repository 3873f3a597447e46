// Pure: one person however their name is written. Rosters, person fields and lists of people compare
// names through foldName, so that one person written twice never counts as two.
import { compatibleForm } from './non-answer.js';

/**
 * A person's name as one key: trimmed, case, inner spacing, encoding and accents folded, a trailing note
 * dropped ('Maya Okonkwo (backup)', 'Maya Okonkwo - backup', 'Maya Okonkwo, host') and the words taken in
 * any order ('Okonkwo, Maya', 'Okonkwo Maya'). A first name alone stays its own: 'Ana' is not 'Ana Lima'.
 */
export function foldName(name: string): string {
  return foldSpacedName(spacedOut(name));
}

/** foldName of a text already spacedOut. */
function foldSpacedName(spaced: string): string {
  let plain = foldSpaced(withoutNotes(spaced));
  // An initial's full stop is punctuation: 'M. Kowalska' is 'Kowalska, M.' and 'M Kowalska'.
  if (plain.includes('.')) plain = plain.replace(WORD_END_DOT, '');
  // Family name first or last ('Okonkwo Maya', 'Wang Fang' and 'Fang Wang'): the same words, one person.
  // Two people whose names are the same words in another order are taken for one; counting one person
  // twice, which lets a rule that asks for two people pass on one, is the worse mistake.
  return inAnyOrder(plain);
}

const WORD_END_DOT = /\.(?= |$)/g;

/**
 * Two folded names (foldName) that one person's may be, written once in full and once with initials:
 * 'M. Kowalska' and 'Marta Kowalska', 'J. R. Tolkien' and 'John Ronald Tolkien'. The same number of
 * words, each initial standing for a word of the other name that begins with it, the other words the
 * same; at least one whole word in common ('M. K.' is no one's name to match). Two people may share an
 * initial and a family name: counting one person twice is the worse mistake (see foldSpacedName).
 */
export function sameNameByInitials(a: string, b: string): boolean {
  if (a === b) return true;
  const restA = a.split(' ');
  const restB = b.split(' ');
  // A name is a few words: more is no name to match word by word (and bounds the pairing below).
  if (restA.length !== restB.length || restA.length < 2 || restA.length > 6) return false;
  let shared = 0;
  for (let i = restA.length - 1; i >= 0; i--) {
    const at = isInitial(restA[i]!) ? -1 : restB.indexOf(restA[i]!);
    if (at < 0) continue;
    restA.splice(i, 1);
    restB.splice(at, 1);
    shared++;
  }
  return shared > 0 && matchInitials(restA, restB);
}

const isInitial = (word: string): boolean => word.length === 1;

/** Whether the words left of two names pair up, each pair the same word or an initial and a word it begins. */
function matchInitials(left: readonly string[], right: readonly string[]): boolean {
  if (left.length === 0) return true;
  const [first, ...rest] = left;
  for (let i = 0; i < right.length; i++) {
    const other = right[i]!;
    const pairs = first === other || (isInitial(first!) && other.startsWith(first!)) || (isInitial(other) && first!.startsWith(other));
    if (pairs && matchInitials(rest, [...right.slice(0, i), ...right.slice(i + 1)])) return true;
  }
  return false;
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
  const form = compatibleForm(text);
  // Most texts are already trimmed and singly spaced: one test instead of a trim and a replace.
  return UNEVENLY_SPACED.test(form) ? form.trim().replace(SPACES_G, ' ') : form;
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
/** Space at either end, two in a row, or a space other than ' ': what spacedOut changes. */
const UNEVENLY_SPACED = /^\s|\s$|\s\s|[^\S ]/;
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

/**
 * True when a name stands in for a person without naming one: a group or a role ('The team', 'Community
 * manager', 'Everyone', 'Staff', 'Me', 'All of us'), such words with a number or one letter ('Founder 1',
 * 'Member #2', 'Participant 4', 'Anonymous 1', 'User12', 'Founder A'), or a name a form or a language
 * uses for anyone ('Max Mustermann', 'Joe Bloggs', 'Fulano de Tal'). Names many real people carry ('John
 * Smith', 'Mario Rossi', 'Jan Kowalski', 'Juan Pérez', 'Ivan Ivanov') are names, though also used as
 * placeholders; so is a name with a number ('Anna 2'). A role a plan's roster gives someone names them:
 * callers that know the roster read it first.
 */
export function isStandInName(name: string): boolean {
  // Cheap first: a stand-in is a few words.
  if (name.length > 48) return false;
  const spaced = spacedOut(name);
  const folded = foldSpaced(spaced);
  if (folded === '') return false;
  if (GROUPS.has(folded) || PLACEHOLDER_NAMES.has(foldSpacedName(spaced))) return true;
  // An account run by software ('triage-bot', 'dependabot[bot]', 'Release Bot') leads and answers no one.
  if (endsInBotWord(folded)) return true;
  const words = folded.split(SPACE_OR_MARKS);
  // 'Founder 1', 'Member #2', 'Person A', 'User12', 'member_3': the last word a number or one letter.
  let last = words.length - 1;
  const numbered = NUMBERED.exec(words[last]!);
  if (numbered) {
    if (numbered[1] !== '') words[last] = numbered[1]!;
    else if (last === 0) return false;
    else last--;
  } else if (words.length > 1 && words[last]!.length === 1) last--;
  // Every word a stand-in's, and one of them more than an article ('A. B.' is someone's initials).
  let named = false;
  for (let i = 0; i <= last; i++) {
    const word = STAND_IN_WORDS.has(words[i]!) ? words[i]! : singular(words[i]!);
    if (!STAND_IN_WORDS.has(word)) return false;
    named ||= !OPENING_WORDS.has(word);
  }
  return named;
}

/**
 * A name, login or address local part (lower case) whose last word is `bot` or `robot`, set apart by a
 * space or a mark: `triage-bot`, `dependabot[bot]`, `Weblate (bot)`, `k8s-ci-robot`, `Release Bot`.
 * 'Abbot' and 'Talbot' are people. One rule for the names a plan gives and the identities `detect` reads.
 */
export function endsInBotWord(lowerCase: string): boolean {
  return BOT_WORD_AT_END.test(lowerCase);
}
const BOT_WORD_AT_END = /(?:^|[\s_.\-/#:(\[])(?:ro)?bot[\])]?$/;

/** Articles and pronouns a stand-in may open on, which alone make none. */
const OPENING_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'our', 'my', 'your', 'all', 'of', 'us', 'every', 'any']);

/** A word without its plural's 's' ('members', 'founders'); short words as they are. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Spaces and the marks between a stand-in's words ('member_3', 'user-12', 'founder.a'). */
const SPACE_OR_MARKS = /[\s_.\-/#:]+/;
/** A number alone ('1', '#2', '02'), or a word of letters with a number stuck to it ('user12'): the word. */
const NUMBERED = /^#?([a-z]*)\d+$/;

/** Pronouns and groups written where one person is asked for, folded (foldRole), beside STAND_IN_WORDS. */
const GROUPS: ReadonlySet<string> = new Set([
  'all of us',
  'both of us',
  'anyone',
  'anybody',
  'whoever',
  'me',
  'myself',
  'i',
  'we',
  'you',
  'they',
  'them',
  'the whole team',
  'the organisation',
  'the organization',
]);

/**
 * Words that name a role, a group or people in general, never one person: a name made of nothing else,
 * with or without a number or a letter after it ('Community team', 'Founding member 3', 'Backup moderator
 * 1'), stands in for a person. Surnames that are also such words are rare enough beside a given name that
 * is not one ('Maya Guest' is a name).
 */
const STAND_IN_WORDS: ReadonlySet<string> = new Set([
  // articles and pronouns a stand-in opens on
  'the',
  'a',
  'an',
  'our',
  'my',
  'your',
  'all',
  'of',
  'us',
  'every',
  'any',
  // people in general
  'member',
  'person',
  'people',
  'individual',
  'founder',
  'founding',
  'user',
  'participant',
  'anonymous',
  'anon',
  'attendee',
  'volunteer',
  'contributor',
  'customer',
  'client',
  'guest',
  'speaker',
  'mentor',
  'mentee',
  'student',
  'learner',
  'friend',
  'colleague',
  'teammate',
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'nobody',
  'unknown',
  'placeholder',
  'test',
  'sample',
  'example',
  'dummy',
  'new',
  'early',
  'beta',
  // roles
  'host',
  'cohost',
  'co',
  'moderator',
  'mod',
  'admin',
  'administrator',
  'organiser',
  'organizer',
  'helper',
  'responder',
  'champion',
  'ambassador',
  'lead',
  'leader',
  'leadership',
  'manager',
  'coordinator',
  'facilitator',
  'maintainer',
  'developer',
  'reviewer',
  'owner',
  'sponsor',
  'staff',
  'employee',
  'representative',
  'rep',
  'contact',
  'backup',
  'deputy',
  'assistant',
  'intern',
  'chair',
  'secretary',
  'treasurer',
  'officer',
  // groups
  'team',
  'community',
  'committee',
  'board',
  'council',
  'management',
  'group',
  'crew',
  'squad',
  'department',
  'office',
  'company',
  'core',
  'support',
  'marketing',
  'devrel',
  'hr',
  // a form's label for the name to be written ('Name', 'Host Name', '<name>', '%NAME%', 'Name Surname')
  'name',
  'surname',
  'firstname',
  'lastname',
]);

/**
 * Names forms and languages use for anyone, and almost no one is called (folded as names are, foldName).
 * Names that many real people carry, though also used for anyone ('John Smith', 'Mario Rossi', 'Jan
 * Kowalski', 'Juan Pérez', 'Ivan Ivanov', 'Jan Novák'), are not here: refusing a real member's name is
 * the worse mistake.
 */
const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(
  [
    'John Doe',
    'Jane Doe',
    'Richard Roe',
    'Jane Roe',
    'John Q. Public',
    'Joe Bloggs',
    'Jane Bloggs',
    'Joe Blow',
    'Joe Schmoe',
    'Joe Sixpack',
    'Average Joe',
    'Joe Citizen',
    'John Citizen',
    'Jane Citizen',
    'Fred Nerk',
    'Max Mustermann',
    'Erika Mustermann',
    'Max Musterfrau',
    'Erika Musterfrau',
    'Otto Normalverbraucher',
    'Hans Muster',
    'Fulano de Tal',
    'Fulana de Tal',
    'Fulano',
    'Fulana',
    'Mengano',
    'Zutano',
    'Beltrano',
    'Sicrano',
    'Tizio',
    'Caio',
    'Sempronio',
    'Tizio Caio',
    'Matti Meik\u00e4l\u00e4inen',
    'Maija Meik\u00e4l\u00e4inen',
    'Ola Nordmann',
    'Kari Nordmann',
    'Medelsvensson',
    'Morten Menigmand',
    'Foo Bar',
    'Test User',
    'Test Person',
    // a form's labels for the name, as templates in a few languages write them
    'First Last',
    'First Name',
    'Last Name',
    'Full Name',
    'Full Name Here',
    'Name Here',
    'Vorname Nachname',
    'Pr\u00e9nom Nom',
    'Nombre Apellido',
    'Nome Cognome',
    'Voornaam Achternaam',
    'Imi\u0119 Nazwisko',
    '\u5f20\u4e09',
    '\u674e\u56db',
    '\u738b\u4e94',
    '\u67d0\u67d0',
    '\u5c71\u7530\u592a\u90ce',
    '\u540d\u7121\u3057\u306e\u6a29\u5175\u885b',
    '\ud64d\uae38\ub3d9',
  ].map(foldName),
);
