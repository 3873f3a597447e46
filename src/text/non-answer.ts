// Pure: recognises a non-answer, text that fills a field without deciding anything ("none", "tbd",
// "not done", "-", "?"). A rule that reads such a text must judge it as missing: a safeguarding
// decision "none" is no safeguarding.

/**
 * Whole answers that decide nothing, after folding (lower case, outer punctuation and spaces removed,
 * inner runs of spaces, dots, dashes and slashes made one space). Kept to phrases a person writes in
 * place of an answer; anything longer than a few words is an answer, if a poor one.
 */
const NON_ANSWERS: ReadonlySet<string> = new Set([
  // nothing, nobody
  'none',
  'none yet',
  'none so far',
  'nothing',
  'nothing yet',
  'nil',
  'null',
  'nobody',
  'no one',
  'noone',
  'no',
  'nope',
  'no idea',
  'no plan',
  'no plans',
  'no policy',
  'no decision',
  'no answer',
  'no one yet',
  'nobody yet',
  'empty',
  // not applicable
  'n a',
  'na',
  'not applicable',
  'does not apply',
  'doesn t apply',
  'doesnt apply',
  // not yet, not done
  'not yet',
  'not done',
  'not yet done',
  'not done yet',
  'not started',
  'not decided',
  'not yet decided',
  'undecided',
  'not set',
  'unset',
  'not defined',
  'undefined',
  'not known',
  'unknown',
  'not sure',
  'unsure',
  'don t know',
  'dont know',
  'do not know',
  'idk',
  'not available',
  'unavailable',
  'pending',
  'in progress',
  'ongoing',
  'coming soon',
  'soon',
  'later',
  'eventually',
  'maybe',
  'someday',
  'some day',
  // to be decided
  'tbd',
  'tba',
  'tbc',
  'tbh',
  'to be decided',
  'to be determined',
  'to be defined',
  'to be confirmed',
  'to be announced',
  'to be agreed',
  'to do',
  'todo',
  'fixme',
  'wip',
  'work in progress',
  'xxx',
  'placeholder',
  'lorem ipsum',
  'same as above',
  'see above',
  'as above',
  'ditto',
  'various',
  'misc',
  'etc',
  // a few other languages' "none", "to be decided"
  'keine',
  'keiner',
  'nichts',
  'aucun',
  'aucune',
  'rien',
  'a definir',
  '\u00e0 d\u00e9finir',
  'ninguno',
  'ninguna',
  'nada',
  'pendiente',
  'geen',
  'niets',
  'nessuno',
  'nessuna',
  'niente',
  // "not applicable", "not stated", "none" in a few other languages
  'entf\u00e4llt',
  'nicht zutreffend',
  'keine angabe',
  'k a',
  'n d',
  'no aplica',
  'no aplicable',
  'sin definir',
  'non applicable',
  'ne s applique pas',
  'non d\u00e9fini',
  'non applicabile',
  '\u306a\u3057',
  '\u672a\u5b9a',
  '\u65e0',
  '\u6ca1\u6709',
  // said in a sentence
  'we don t have one',
  'we dont have one',
  'we do not have one',
  'we have none',
  'we have not decided yet',
  'we haven t decided yet',
  'not decided yet',
  'none for now',
  'nothing for now',
  'nothing at the moment',
  'none at the moment',
  'to be confirmed later',
  'to be decided later',
]);

/**
 * Text with no word at all: invisible characters (zero-width, format), spaces, emoji and other symbols
 * ("🤷", "\u200b"). Currency and other signs are not in it: "€" alone may be an answer.
 */
const NO_WORDS = /^[\p{Cf}\p{Z}\s\p{So}\p{Sk}\p{Mn}\p{Me}]*$/u;

/** Longest folded text that can be a non-answer: longer text is an answer (checked cheaply first). */
const LONGEST = [...NON_ANSWERS].reduce((longest, s) => Math.max(longest, s.length), 0) + 8;

/**
 * Dashes, question marks, dots, stars and slashes alone ("-", "?", "...", "—") decide nothing either.
 * Not every mark: "%", "€" or "#" alone is a unit, an answer.
 */
const ONLY_MARKS = /^[\s\-\u2010\u2011\u2012\u2013\u2014\u2015_?\u00bf!\u00a1.\u2026\u00b7\u2022*~/\\|]*$/u;

/**
 * True when a text decides nothing: blank, only punctuation ("-", "?", "…"), or a phrase such as
 * "none", "n/a", "tbd", "not yet", "not done" (case, spacing and outer punctuation ignored).
 */
export function isNonAnswer(text: string): boolean {
  if (text.length > LONGEST * 2) return false;
  // Most texts start with a letter or a digit, which settles whether it is only marks; none of the
  // phrases starts with a digit (dates, numbers and counts are answers).
  const code = text.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return false;
  const letter = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  if (!letter && (ONLY_MARKS.test(text) || NO_WORDS.test(text))) return true;
  const folded = foldAnswer(text);
  return folded.length <= LONGEST && NON_ANSWERS.has(folded);
}

/** Schemes of links that run or hold something instead of leading to a page a member could open. */
const NOWHERE_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data', 'file', 'about', 'blob', 'urn']);

/**
 * True when a text is a link that leads nowhere a member could follow, and so fills a link's place
 * without one: a script or data URL (`javascript:…`), a web address with no host or a host of one word
 * (`https://tbd`, `https://none`), or the author's own machine (`localhost`, `127.0.0.1`). Links to the
 * domains reserved for examples are not refused: the bundled examples use them.
 */
export function isPlaceholderLink(text: string): boolean {
  // Cheap first: only text that starts with a scheme of a few letters.
  const colon = text.indexOf(':');
  if (colon < 3 || colon > 10) return false;
  const scheme = text.slice(0, colon).toLowerCase();
  if (NOWHERE_SCHEMES.has(scheme)) return true;
  if (scheme !== 'http' && scheme !== 'https') return false;
  const host = (/^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(text.trim())?.[1] ?? '').toLowerCase();
  if (host.startsWith('[')) return host === '[::1]' || host === '[::]';
  return !host.includes('.') || host.endsWith('.localhost') || host.endsWith('.') || /^(?:127(?:\.\d{1,3}){3}|0\.0\.0\.0)$/.test(host);
}

/** The fewest letters a reason holds: "x", "ok" or "n/a" says no why; "Online only" or "No budget" does. */
export const MIN_REASON_LETTERS = 6;

/**
 * True when a text gives a reason (an n/a's note, a waiver's reason): it is no non-answer and holds at
 * least MIN_REASON_LETTERS letters, in any script. A note of "x" would otherwise take a blocker out of
 * the gate for good.
 */
export function givesReason(text: string | undefined): boolean {
  if (text === undefined || isNonAnswer(text)) return false;
  let letters = 0;
  for (const _ of text.matchAll(LETTER)) if (++letters >= MIN_REASON_LETTERS) return true;
  return false;
}

const LETTER = /\p{L}/gu;

/**
 * Lower case; dots, dashes, slashes, apostrophes and spaces as single spaces; outer punctuation dropped.
 * Written as one loop, not as patterns: every short text a rule reads goes through it.
 */
function foldAnswer(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (SEPARATORS.has(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    else if (c >= 0x80) {
      const lower = text[i]!.toLowerCase();
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += lower;
      if (!PREFIXES.has(out)) return '';
      continue;
    }
    if (MARKS.has(c)) {
      // A mark inside ("n/a" is a separator already) ends the phrase; outer marks are dropped.
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(c);
    // Most texts part from every phrase within a few characters: stop there.
    if (!PREFIXES.has(out)) return '';
  }
  return out;
}

/** Every beginning of every phrase ("n", "no", "non", ...): a text whose fold leaves them is an answer. */
const PREFIXES: ReadonlySet<string> = new Set([...NON_ANSWERS].flatMap((phrase) => [...phrase].map((_, i) => phrase.slice(0, i + 1))));

/**
 * Characters folded into one space: white space (with the invisible ones: zero-width, soft hyphen, word
 * joiner), dots, underscores, dashes, slashes, apostrophes.
 */
const SEPARATORS: ReadonlySet<number> = new Set([
  0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x2e, 0x5f, 0x2d, 0x2f, 0x5c, 0x27, 0x2019, 0x60, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x200b,
  0x200c, 0x200d, 0x2060, 0xfeff, 0xad, 0x180e, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x202f, 0x205f, 0x3000,
]);
/** Punctuation and symbols around a phrase ("tbd!", "(none)", "n/a?"), dropped. */
const MARKS: ReadonlySet<number> = new Set([...'!?,;:()[]{}"*~#%&+=<>|^@$\u00bf\u00a1\u2026\u00b7\u2022'].map((ch) => ch.charCodeAt(0)));
