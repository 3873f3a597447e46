// Finds personal data written in free text (e-mail addresses, phone numbers, street addresses), for the lint
// rule that keeps it out of plan files kept in a repository.
//
// Every scanner is written by hand and moves forward: each character is looked at a bounded number of times,
// so a hostile 5 MB string costs linear time, and the nested-data walker keeps its own stack. The rules lean
// towards few false positives on what plans hold (dates, times, versions, money, counts, URLs, handles, venue
// names); each decision is written next to the scanner that makes it.

/** The kinds of personal data the scanners know. */
export type PersonalDataKind = 'email' | 'phone' | 'street-address';

/**
 * One piece of personal data: `text.slice(start, end)` is what was found (offsets in UTF-16 code units).
 * The flags are present only when true; a caller that reports personal data skips `role` hits, and
 * chooses for `reserved` and `fictitious` ones (examples and documentation use them on purpose).
 */
export interface PersonalDataHit {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** E-mail only: the domain is reserved for examples and tests (RFC 2606, RFC 6761), so the address is no one's. */
  reserved?: true;
  /** Phone only: a number set aside for drama and examples (Ofcom's 020 7946 0xxx and its kin, NANP 555-01xx). */
  fictitious?: true;
  /** E-mail only: a shared role inbox (conduct@, security@, hello@…), which is what a plan should name. */
  role?: true;
}

/** The hits in one string of a data tree, and the path to that string (array indices are numbers). */
export interface PersonalDataAtPath {
  path: (string | number)[];
  hits: PersonalDataHit[];
}

/** Hits in one string, in order of position, never overlapping. Never throws. */
export function findPersonalData(text: string): PersonalDataHit[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // Each scanner runs only where what it looks for can be: an at sign for an e-mail address, seven digits
  // for a phone number, a digit beside a street word for a street address. The tests are patterns, which
  // run natively from the first call: a loop over every character would run in the interpreter on a
  // cold start, and cost more than the rest of a lint. Dates and times wake no scanner.
  const at = AT.test(text);
  const written = WRITTEN_AT.test(text) || (SPELLED_AT.test(text) && WRITTEN_DOT.test(text));
  const undated = DIGIT.test(text) ? text.replace(DATE_OR_TIME, ' ') : '';
  const digits = undated === '' ? 0 : undated.replace(NOT_DIGITS, '').length;
  const phone = digits >= MIN_PHONE_DIGITS;
  const address = digits > 0 && A_LETTER.test(undated) && namesAStreet(undated);
  if (!at && !written && !phone && !address) return [];
  const urls = findUrls(text);
  let hits: PersonalDataHit[] = at ? findEmails(text, urls) : [];
  if (written) hits = hits.concat(findWrittenEmails(text, urls));
  if (phone) hits = hits.concat(findPhones(text, urls));
  if (address) hits = hits.concat(findStreetAddresses(text, urls));
  return hits.length === 0 ? hits : withoutOverlaps(hits);
}

const AT = /[@\uff20]/;
/** An `at` in brackets (`[at]`, `(at)`, `{at}`, `<at>`), spaces allowed inside. */
const WRITTEN_AT = /[[({<][ \t\u00a0]{0,2}at[ \t\u00a0]{0,2}[\])}>]/i;
/** An `at` between spaces, which wakes the scanner only beside a written dot: prose is full of them. */
const SPELLED_AT = /[ \t\u00a0]at[ \t\u00a0]/i;
const WRITTEN_DOT = /[ \t\u00a0]dot[ \t\u00a0]|[[({<][ \t\u00a0]{0,2}dot[ \t\u00a0]{0,2}[\])}>]/i;
const DIGIT = /[0-9\uff10-\uff19]/;
const NOT_DIGITS = /[^0-9\uff10-\uff19]+/g;
const A_LETTER = /[A-Za-z\u00c0-\u1fff]/;
/** An ISO date (2026-12-01) or a time (8:00, 18:30) standing alone. */
const DATE_OR_TIME = /(?<![0-9])(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}:[0-9]{2})(?![0-9])/g;

let streetPattern: RegExp | undefined;

/**
 * Whether a text names any street word the address scanners know, or a post-office box: a cheap test,
 * made once from their word lists, that spares the scanners most texts with digits. Short words and
 * abbreviations must stand alone ("st", "rd"); longer ones and compound endings ("Hauptstr.",
 * "Keizersgracht") may be part of a word. A pattern runs natively from its first use.
 */
function namesAStreet(text: string): boolean {
  if (!streetPattern) {
    const inside = new Set<string>([...COMPOUND_STREETS, ...SEPARATE_COMPOUND_STREETS]);
    const words = new Set<string>([
      ...ENGLISH_STREETS,
      ...ENGLISH_ABBREVIATIONS,
      ...NUMBER_FIRST_STREETS,
      ...STREET_FIRST,
      ...ABBREVIATED_STREETS,
      'box',
      'postfach',
    ]);
    const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const alone = [...words].filter((w) => w.length <= 3 && !inside.has(w)).map(escape);
    const within = [...new Set([...[...words].filter((w) => w.length > 3), ...inside])].map(escape);
    streetPattern = new RegExp(`\\b(?:${alone.join('|')})\\b|${within.join('|')}`, 'i');
  }
  return streetPattern.test(text);
}

/** Fewer digits than this make no phone number (the shortest the scanner takes is seven). */
const MIN_PHONE_DIGITS = 7;

/**
 * Whether a text has an at sign, a digit (ASCII or full-width) or a written `at` (`maya [at] acme.com`,
 * `maya at acme dot com`): without one it holds none of the three. A pattern, not a loop: it runs natively
 * from the first call, where a loop over every character of a plan would run in the interpreter on a cold start.
 */
function mayHoldAny(text: string): boolean {
  return AT_DIGIT_OR_WRITTEN_AT.test(text);
}
const AT_DIGIT_OR_WRITTEN_AT = /[0-9@\uff10-\uff20]|[\s[({<]at[\s\])}>]/i;

/**
 * Every string in plain data (objects, arrays, strings; keys are not scanned) with a hit, in document
 * order, with its path. Depth costs no stack (100,000 levels are fine), and a path is only built for a string
 * with a hit; an object reached twice (a YAML alias, or a cycle) is scanned once, at its first path. Numbers are not scanned: a phone number written
 * as a YAML number has already lost its leading 0 and its grouping.
 */
export function findPersonalDataIn(data: unknown): PersonalDataAtPath[] {
  interface Frame {
    value: unknown;
    key: string | number;
    parent: Frame | undefined;
  }
  const found: PersonalDataAtPath[] = [];
  const seen = new Set<object>();
  const stack: Frame[] = [{ value: data, key: '', parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (typeof value === 'string') {
      const hits = findPersonalData(value);
      if (hits.length > 0) found.push({ path: pathOf(frame), hits });
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      // Children go on the stack last first, so they come off in document order.
      // A text without an at sign or a digit holds nothing: it takes no frame (most of a plan's texts).
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child: unknown = value[i];
          if (typeof child !== 'string' || mayHoldAny(child)) stack.push({ value: child, key: i, parent: frame });
        }
      } else {
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        for (let i = keys.length - 1; i >= 0; i--) {
          const child = record[keys[i]!];
          if (typeof child !== 'string' || mayHoldAny(child)) stack.push({ value: child, key: keys[i]!, parent: frame });
        }
      }
    }
  }
  return found;

  function pathOf(frame: Frame): (string | number)[] {
    const path: (string | number)[] = [];
    for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) path.push(f.key);
    return path.reverse();
  }
}

/** Sorted by start (longest first on a tie); a hit that overlaps an earlier kept one is dropped. */
function withoutOverlaps(hits: PersonalDataHit[]): PersonalDataHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PersonalDataHit[] = [];
  let end = 0;
  for (const hit of hits) {
    if (hit.start < end) continue;
    kept.push(hit);
    end = hit.end;
  }
  return kept;
}

// ─── Characters ──────────────────────────────────────────────────────────────────────────────────────────

const LETTER = 1;
const NUMBER = 2;
const UPPER = 4;
const KNOWN = 8;
const CLASS_PATTERNS: readonly [RegExp, number][] = [
  [/[\p{L}\p{M}]/u, LETTER],
  [/\p{N}/u, NUMBER],
  [/[\p{Lu}\p{Lt}]/u, UPPER],
];
/**
 * The classes of each BMP code unit met so far. Each is asked of the Unicode property patterns once: a
 * pattern with a property class is costly to compile, and V8 drops compiled patterns when it collects garbage.
 */
const classes = new Uint8Array(0x10000);

function classOf(c: number): number {
  const known = classes[c];
  if (known === undefined) return 0; // NaN (past the end) or beyond the BMP
  if (known !== 0) return known;
  let found = KNOWN;
  // Surrogates stay unclassed: astral characters (emoji, mostly) are neither letters nor digits here.
  if (c < 0xd800 || c > 0xdfff) {
    const char = String.fromCharCode(c);
    for (const [pattern, bit] of CLASS_PATTERNS) if (pattern.test(char)) found |= bit;
  }
  classes[c] = found;
  return found;
}

/** A letter or combining mark, in any script of the BMP. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return (classOf(c) & LETTER) !== 0;
}

function isUpper(c: number): boolean {
  return c < 0x80 ? isAsciiUpper(c) : (classOf(c) & UPPER) !== 0;
}

/** A letter, mark or number of any script: what e-mail local parts and domains are made of, beyond ASCII. */
function isNonAsciiWordChar(c: number): boolean {
  return (classOf(c) & (LETTER | NUMBER)) !== 0;
}

function isAsciiUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The value of an ASCII or full-width digit, or -1 (NaN, past the end, is not a digit). */
function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

function isLetterOrDigit(c: number): boolean {
  return digitOf(c) >= 0 || isLetter(c);
}

/** The space separators (Unicode Zs): the space, no-break spaces, thin and other typographic spaces. */
function isSpaceLike(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

// ─── URLs ────────────────────────────────────────────────────────────────────────────────────────────────
// A URL (`scheme://…` or `www.…`) is not scanned for phones or addresses, nor for e-mails before its query:
// `https://medium.com/@maya.dev` is a profile and `ssh://git@host/repo` a login, while `?to=maya@gmail.com`
// carries an address. `mailto:` has no `//`, so its address is found as an e-mail.

interface UrlSpan {
  start: number;
  end: number;
  /** Where the query or fragment starts (`?` or `#`), or `end`. */
  query: number;
}

/** Characters that end a URL written in prose. */
const URL_STOP = new Set([...'<>"\'`{}|\\^'].map((c) => c.charCodeAt(0)));
/** Punctuation at a URL's end that belongs to the sentence. */
const URL_TRAILING = new Set([...'.,;:!?*]'].map((c) => c.charCodeAt(0)));

function findUrls(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  let from = 0;
  let scheme = text.indexOf('://');
  let www = text.indexOf('www.');
  while (scheme >= 0 || www >= 0) {
    let span: UrlSpan | undefined;
    let at: number;
    if (scheme >= 0 && (www < 0 || scheme < www)) {
      at = scheme;
      span = schemeUrlAt(text, scheme);
    } else {
      at = www;
      if (at === 0 || !isUrlBoundary(text.charCodeAt(at - 1))) span = urlFrom(text, at, at + 4);
    }
    if (span) spans.push(span);
    from = span ? span.end : at + 1;
    // Each search starts past the last one, so the whole loop reads the text once per pattern.
    if (scheme >= 0 && scheme < from) scheme = text.indexOf('://', from);
    if (www >= 0 && www < from) www = text.indexOf('www.', from);
  }
  return spans;
}

function isUrlBoundary(c: number): boolean {
  return isLetterOrDigit(c) || c === 0x2e || c === 0x2d || c === 0x2f || c === 0x40;
}

function schemeUrlAt(text: string, colon: number): UrlSpan | undefined {
  let start = colon;
  while (start > 0 && colon - start < 32 && isSchemeChar(text.charCodeAt(start - 1))) start--;
  while (start < colon && !isLetter(text.charCodeAt(start))) start++;
  if (start === colon || (start > 0 && isLetterOrDigit(text.charCodeAt(start - 1)))) return undefined;
  return urlFrom(text, start, colon + 3);
}

function isSchemeChar(c: number): boolean {
  return (c < 0x80 && isLetter(c)) || isAsciiDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e;
}

function urlFrom(text: string, start: number, rest: number): UrlSpan | undefined {
  let end = rest;
  let query = -1;
  let open = 0;
  let close = 0;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c <= 0x20 || c === 0x7f || isSpaceLike(c) || URL_STOP.has(c)) break;
    if (query < 0 && (c === 0x3f || c === 0x23)) query = end;
    if (c === 0x28) open++;
    else if (c === 0x29) close++;
  }
  while (end > rest) {
    const c = text.charCodeAt(end - 1);
    if (c === 0x29 && close > open) close--;
    else if (!URL_TRAILING.has(c)) break;
    end--;
  }
  if (end === rest) return undefined;
  return { start, end, query: query < 0 || query > end ? end : query };
}

/** Answers "which URL holds this offset" for offsets that only grow, in constant time per question. */
class UrlCursor {
  private next = 0;
  constructor(private readonly spans: readonly UrlSpan[]) {}

  at(offset: number): UrlSpan | undefined {
    while (this.next < this.spans.length && this.spans[this.next]!.end <= offset) this.next++;
    const span = this.spans[this.next];
    return span && span.start <= offset ? span : undefined;
  }
}

// ─── E-mail addresses ────────────────────────────────────────────────────────────────────────────────────
// The practical grammar: a dot-atom local part of letters, digits and `._+-` (any script), at most 64
// characters; a domain of at least two labels, the last one letters only (at least 2). Quoted local parts and
// the rarer RFC 5322 symbols (`!#$%&'*/=?^` and so on) are not read; addresses written to dodge harvesters
// are (see "Written addresses" below). `git@github.com:org/repo.git` is an SSH remote and
// `@maya@mastodon.social` a fediverse handle, not mailboxes. Addresses at reserved domains are hits flagged
// `reserved`; shared role inboxes are hits flagged `role`.

const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);
const RESERVED_DOMAINS = ['example.org', 'example.com', 'example.net'];

/** Words a role inbox is made of (`conduct`, `code-of-conduct`, `no-reply`, `security.team`). */
const ROLE_WORDS = new Set(
  (
    'abuse accessibility accounts admin administrator all and announce ask billing board careers chair coc code comms ' +
    'communications community compliance conduct contact contribute council dev devrel developers do dpo editor editors ' +
    'enquiries ethics events everyone feedback finance foundation gdpr general governance hello help helpdesk hi hostmaster ' +
    'hr incident incidents info inquiries jobs legal list lists mailer maintainers marketing media meetup members membership ' +
    'mod moderation moderator moderators mods news newsletter no noreply not of office ombuds ombudsperson organisers ' +
    'organizers outreach partners partnerships postmaster press privacy questions reply report reports root safety sales ' +
    'secretary security social speakers sponsors sponsorship staff steering support team the treasurer trust volunteer ' +
    'volunteers webmaster welcome'
  ).split(' '),
);

function findEmails(text: string, urls: readonly UrlSpan[]): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const cursor = new UrlCursor(urls);
  let floor = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const url = cursor.at(at);
    if (url && at < url.query) continue;
    const start = localPartStart(text, at, url ? Math.max(floor, url.query) : floor);
    // `@maya@mastodon.social` is a fediverse handle, public like `@maya`.
    if (start < 0 || text.charCodeAt(start - 1) === 0x40) continue;
    const plain = domainEnd(text, at + 1);
    // `maya@acme dot com`, `maya@acme[dot]com`: an at sign with its dots written out.
    const domain = plain < 0 ? writtenDomain(text, at + 1, { literal: true, spelled: true, mustBeWritten: true }) : undefined;
    const end = domain ? domain.end : plain;
    if (end < 0) continue;
    const after = text.charCodeAt(end + 1);
    if (text.charCodeAt(end) === 0x3a && end + 1 < text.length && !(after <= 0x20 || isSpaceLike(after))) continue;
    hits.push(emailHit(start, end, text.slice(start, at), domain ? domain.name : text.slice(at + 1, end)));
    floor = end;
  }
  return hits;
}

function isLocalChar(c: number): boolean {
  if (c < 0x80) return isLetter(c) || isAsciiDigit(c) || c === 0x2e || c === 0x5f || c === 0x2b || c === 0x2d;
  return isNonAsciiWordChar(c);
}

/** Where the local part before the `@` at `at` starts, not before `floor`; -1 when there is none. */
function localPartStart(text: string, at: number, floor: number): number {
  let start = at;
  while (start > floor && isLocalChar(text.charCodeAt(start - 1))) start--;
  if (start === at || text.charCodeAt(at - 1) === 0x2e) return -1;
  // A dot-atom has no two dots in a row: the address starts after the last pair, and not on a dot.
  for (let i = at - 1; i > start; i--) {
    if (text.charCodeAt(i) === 0x2e && text.charCodeAt(i - 1) === 0x2e) {
      start = i + 1;
      break;
    }
  }
  while (text.charCodeAt(start) === 0x2e) start++;
  return start < at && at - start <= 64 ? start : -1;
}

function isDomainChar(c: number): boolean {
  if (c < 0x80) return isLetter(c) || isAsciiDigit(c) || c === 0x2d;
  return isNonAsciiWordChar(c);
}

/**
 * The end of the domain that starts at `start`: the end of its last label made of letters only, so that
 * `maya@example.org.` stops before the full stop. -1 when there is no such domain. Reads at most 254 characters.
 */
function domainEnd(text: string, start: number): number {
  let good = -1;
  let labels = 0;
  let labelStart = start;
  let lettersOnly = true;
  for (let i = start; ;) {
    const c = text.charCodeAt(i);
    if (i - start <= 253 && isDomainChar(c)) {
      if (!isLetter(c)) lettersOnly = false;
      i++;
      continue;
    }
    const length = i - labelStart;
    if (length === 0 || length > 63 || i - start > 253) break;
    if (text.charCodeAt(labelStart) === 0x2d || text.charCodeAt(i - 1) === 0x2d) break;
    labels++;
    if (labels >= 2 && lettersOnly && length >= 2) good = i;
    if (c !== 0x2e || !isDomainChar(text.charCodeAt(i + 1))) break;
    i++;
    labelStart = i;
    lettersOnly = true;
  }
  return good;
}

/** The hit from `start` to `end` for the mailbox `local` at `domainName` (its dots as dots, however written). */
function emailHit(start: number, end: number, local: string, domainName: string): PersonalDataHit {
  const hit: PersonalDataHit = { kind: 'email', start, end };
  const domain = domainName.toLowerCase();
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))) hit.reserved = true;
  const mailbox = local.toLowerCase().split('+')[0]!;
  if (mailbox.split(/[._-]/).every((word) => ROLE_WORDS.has(word))) hit.role = true;
  return hit;
}

// ─── Written addresses ───────────────────────────────────────────────────────────────────────────────────
// An address written to dodge harvesters is still someone's address: a person reads it and writes to it, so it
// is found as an e-mail, with the same flags (`conduct [at] acme [dot] org` is a role inbox; `maya at example
// dot org` is reserved). Its `at` is bracketed (`[at]`, `(at)`, `{at}`, `<at>`, spaces allowed around and
// inside) or spelled between spaces; its dots are real, bracketed the same way, or spelled ` dot `.
// A bracketed `at` takes any of these dots: `maya(at)acme.com`. A spelled ` at ` is prose far more often than
// an address ("meet at the station", "look at acme.com"), so it is one only when every dot of the domain is
// written out (`maya at acme dot com`, `maya at acme [dot] co [dot] uk`), the word before it is no word prose
// puts before "at" ("look", "us", "based"), and the domain does not start with one such as "the" ("lunch
// at the dot com office"). Each candidate reads a bounded stretch: a local part stops at the space or bracket
// before its `at`, and a domain at the next `at`, which is no separator.

/** Every bracketed `at`, and every `at` between spaces; which is which, and the rest, is checked by hand. */
const WRITTEN_AT_ANYWHERE = /[[({<][ \t\u00a0]{0,2}at[ \t\u00a0]{0,2}[\])}>]|(?<=[ \t\u00a0])at(?=[ \t\u00a0])/gi;

const CLOSING: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}', '<': '>' };

/** Words prose puts before "at" ("meet at", "us at", "based at"): never the local part of a spelled address. */
const PROSE_BEFORE_AT = new Set(
  (
    'a all also am an and are arrive arrived arrives as available based be been begin begins being best better but by ' +
    'check close closes did do does dot email end ends even event events find for found from good great held her here ' +
    'him hosted i in is it just least located look looked looking looks mail me meet meeting meets met more most not now ' +
    'of on once online only open opens or our out posted published reach read see seen so start started starts stay ' +
    'stayed stays than that the them then there they this to up us was we were what where who with work worked working ' +
    'works write you'
  ).split(' '),
);

/** Words that start a noun phrase ("at the", "at our"): never the first label of a spelled domain. */
const NOT_A_DOMAIN_LABEL = new Set('a an any each every her his its my no one our some that the their these this those your'.split(' '));

function findWrittenEmails(text: string, urls: readonly UrlSpan[]): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const cursor = new UrlCursor(urls);
  let floor = 0;
  WRITTEN_AT_ANYWHERE.lastIndex = 0;
  for (let m = WRITTEN_AT_ANYWHERE.exec(text); m; m = WRITTEN_AT_ANYWHERE.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    const url = cursor.at(from);
    if (from < floor || (url && from < url.query)) continue;
    const opening = m[0][0]!;
    const spelled = !(opening in CLOSING);
    if (!spelled && m[0].at(-1) !== CLOSING[opening]) continue;
    const hit = spelled ? spelledAddress(text, from, to, floor) : bracketedAddress(text, from, to, floor);
    if (!hit) continue;
    hits.push(hit);
    floor = hit.end;
  }
  return hits;
}

/** `maya [at] acme.com`, `maya(at)acme(dot)com`: the bracketed `at` is `text.slice(from, to)`. */
function bracketedAddress(text: string, from: number, to: number, floor: number): PersonalDataHit | undefined {
  const localEnd = spacesBefore(text, from, 2, floor);
  const start = localPartStart(text, localEnd, floor);
  if (start < 0 || text.charCodeAt(start - 1) === 0x40) return undefined;
  const domain = writtenDomain(text, spacesAfter(text, to, 2), { literal: true, spelled: true, mustBeWritten: false });
  return domain && emailHit(start, domain.end, text.slice(start, localEnd), domain.name);
}

/** `maya at acme dot com`: the spelled `at` is `text.slice(from, to)`, with spaces on both sides. */
function spelledAddress(text: string, from: number, to: number, floor: number): PersonalDataHit | undefined {
  const localEnd = spacesBefore(text, from, 3, floor);
  const start = localPartStart(text, localEnd, floor);
  if (start < 0 || text.charCodeAt(start - 1) === 0x40) return undefined;
  const local = text.slice(start, localEnd);
  if (PROSE_BEFORE_AT.has(local.toLowerCase()) || !hasLetter(local)) return undefined;
  const domain = writtenDomain(text, spacesAfter(text, to, 3), { literal: false, spelled: true, mustBeWritten: true });
  if (!domain || NOT_A_DOMAIN_LABEL.has(domain.name.slice(0, domain.name.indexOf('.')).toLowerCase())) return undefined;
  return emailHit(start, domain.end, local, domain.name);
}

function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isLetter(text.charCodeAt(i))) return true;
  return false;
}

function isPlainSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

/** Where the spaces (at most `max`) just before `p` start, not before `floor`. */
function spacesBefore(text: string, p: number, max: number, floor: number): number {
  let q = p;
  while (q > floor && p - q < max && isPlainSpace(text.charCodeAt(q - 1))) q--;
  return q;
}

function spacesAfter(text: string, p: number, max: number): number {
  let q = p;
  while (q - p < max && isPlainSpace(text.charCodeAt(q))) q++;
  return q;
}

/**
 * The end of a written `word` (`at`, `dot`) at `p`: bracketed, spaces allowed around and inside; or, when
 * `spelled`, between one to three spaces on each side. -1 when there is none.
 */
function writtenWordEnd(text: string, p: number, word: string, spelled: boolean): number {
  const q = spacesAfter(text, p, 2);
  const closing = CLOSING[text.charAt(q)];
  if (closing !== undefined) {
    const r = spacesAfter(text, q + 1, 2);
    if (text.slice(r, r + word.length).toLowerCase() !== word) return -1;
    const s = spacesAfter(text, r + word.length, 2);
    return text.charAt(s) === closing ? spacesAfter(text, s + 1, 2) : -1;
  }
  if (!spelled) return -1;
  const w = spacesAfter(text, p, 3);
  if (w === p || text.slice(w, w + word.length).toLowerCase() !== word) return -1;
  const end = spacesAfter(text, w + word.length, 3);
  return end === w + word.length ? -1 : end;
}

/**
 * The domain from `start` whose dots may be written out: real dots when `literal`, bracketed `dot`s always,
 * spelled ` dot `s when `spelled`; with at least one written when `mustBeWritten`. Its labels follow the
 * practical grammar (the last letters only, at least 2); `name` is the domain with plain dots. Undefined when
 * there is none. Reads at most 400 characters.
 */
function writtenDomain(
  text: string,
  start: number,
  dots: { literal: boolean; spelled: boolean; mustBeWritten: boolean },
): { end: number; name: string } | undefined {
  const labels: string[] = [];
  let found: { end: number; name: string } | undefined;
  let written = 0;
  let length = -1;
  for (let i = start; i - start <= 400;) {
    const labelStart = i;
    let lettersOnly = true;
    while (i - start <= 400 && isDomainChar(text.charCodeAt(i))) {
      if (!isLetter(text.charCodeAt(i))) lettersOnly = false;
      i++;
    }
    const size = i - labelStart;
    length += size + 1;
    if (size === 0 || size > 63 || length > 253) break;
    if (text.charCodeAt(labelStart) === 0x2d || text.charCodeAt(i - 1) === 0x2d) break;
    labels.push(text.slice(labelStart, i));
    if (labels.length >= 2 && lettersOnly && size >= 2 && (written > 0 || !dots.mustBeWritten)) found = { end: i, name: labels.join('.') };
    if (dots.literal && text.charCodeAt(i) === 0x2e && isDomainChar(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    const next = writtenWordEnd(text, i, 'dot', dots.spelled);
    if (next < 0) break;
    written++;
    i = next;
  }
  return found;
}

// ─── Phone numbers ───────────────────────────────────────────────────────────────────────────────────────
// A phone number is a whole run of digit groups joined by one separator each: a space (any Unicode space),
// a hyphen, a dot or a slash, with one pair of parentheses allowed ("(415) 555-0132", "+44 (0)20 …"). Digits
// may be ASCII or full-width. The run must be alone: not glued to letters, digits, `@`, currency signs or
// decimal marks. It is a phone number when it is one of:
// - international: `+` or `00`, then a country code (not 0) and 8 to 15 digits in all, grouped any way;
// - national with a trunk 0 (Europe, UK, Australia, Japan…): `0` then a non-zero digit, 9 to 12 digits, one
//   kind of separator (a slash may follow the area code), groups of 2 or more digits; a bare run of 9 to 12
//   digits starting with 0 counts too;
// - North American: 3-3-4 digits (area code and exchange not starting with 0 or 1), optionally after a
//   `1`, with one kind of separator or the area code in parentheses. Bare runs do not count.
// So dates, times, years, versions, money, counts and ranges, which have fewer digits, other separators
// or thousands grouping without a leading 0, are not phone numbers. National numbers without a trunk 0
// outside North America (Spain's 912 345 678, Italy's mobiles) and 7-digit local numbers are missed.

/** Enough for 15 digits and a `00` prefix; a longer run is no phone number, and is read without being kept. */
const MAX_GROUPS = 17;
const MAX_DIGITS = 17;

type PhoneGap = 'space' | 'hyphen' | 'dot' | 'slash' | 'paren';

interface PhoneRun {
  start: number;
  /** End of the last digit group: the run ends there. */
  end: number;
  plus: boolean;
  /** The digits of each group, as ASCII (kept only while there are at most MAX_GROUPS groups). */
  groups: string[];
  /** The separator before each group but the first. */
  gaps: PhoneGap[];
  /** The group in parentheses, or -1. */
  parenGroup: number;
  digits: number;
  groupCount: number;
  balanced: boolean;
}

/** Characters that glue a digit run to something that is not a phone number (a word, money, a decimal, a path). */
const NOT_BEFORE_PHONE = new Set([...'@_#/\\=&%$€£¥.,+-~^*‐‑‒−'].map((c) => c.charCodeAt(0)));

const UK_DRAMA_PREFIXES = [
  '2079460', // London 020 7946 0xxx
  '1134960', // Leeds
  '1144960', // Sheffield
  '1154960', // Nottingham
  '1164960', // Leicester
  '1174960', // Bristol
  '1184960', // Reading
  '1214960', // Birmingham
  '1314960', // Edinburgh
  '1414960', // Glasgow
  '1514960', // Liverpool
  '1614960', // Manchester
  '1914980', // Newcastle
  '2896496', // Northern Ireland 028 9649 6xxx
  '2920180', // Cardiff
  '1632960', // no area
  '7700900', // mobile
  '8081570', // freephone
  '9098790', // premium rate
  '3069990', // UK-wide
];

function findPhones(text: string, urls: readonly UrlSpan[]): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const cursor = new UrlCursor(urls);
  let i = 0;
  while (i < text.length) {
    const url = cursor.at(i);
    if (url) {
      i = url.end;
      continue;
    }
    if (!startsPhoneRun(text, i)) {
      i++;
      continue;
    }
    // The whole run is judged and then skipped, so no digit is read twice.
    const run = readPhoneRun(text, i);
    if (phoneCanStart(text, i) && phoneCanEnd(text, run.end)) {
      const fictitious = judgePhone(run);
      if (fictitious !== undefined) hits.push(phoneHit(i, run.end, fictitious));
    }
    i = Math.max(run.end, i + 1);
  }
  return hits;
}

function phoneHit(start: number, end: number, fictitious: boolean): PersonalDataHit {
  const hit: PersonalDataHit = { kind: 'phone', start, end };
  if (fictitious) hit.fictitious = true;
  return hit;
}

function isPlus(c: number): boolean {
  return c === 0x2b || c === 0xff0b;
}

function isOpenParen(c: number): boolean {
  return c === 0x28 || c === 0xff08;
}

function isCloseParen(c: number): boolean {
  return c === 0x29 || c === 0xff09;
}

function separatorOf(c: number): PhoneGap | undefined {
  if (isSpaceLike(c)) return 'space';
  if (c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0xfe63 || c === 0xff0d) return 'hyphen';
  if (c === 0x2e || c === 0xff0e) return 'dot';
  if (c === 0x2f || c === 0xff0f) return 'slash';
  return undefined;
}

function startsPhoneRun(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (digitOf(c) >= 0) return true;
  const next = text.charCodeAt(i + 1);
  if (isPlus(c)) return digitOf(next) >= 0;
  return isOpenParen(c) && (digitOf(next) >= 0 || (isPlus(next) && digitOf(text.charCodeAt(i + 2)) >= 0));
}

function phoneCanStart(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  return !isLetterOrDigit(c) && !NOT_BEFORE_PHONE.has(c);
}

function phoneCanEnd(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return !(isLetterOrDigit(c) || c === 0x40 || c === 0x5f || c === 0x25);
}

function readPhoneRun(text: string, start: number): PhoneRun {
  const run: PhoneRun = { start, end: start, plus: false, groups: [], gaps: [], parenGroup: -1, digits: 0, groupCount: 0, balanced: true };
  let p = start;
  let open = false;
  if (isOpenParen(text.charCodeAt(p))) {
    open = true;
    run.parenGroup = 0;
    p++;
  }
  if (isPlus(text.charCodeAt(p))) {
    run.plus = true;
    p++;
  }
  for (;;) {
    let group = '';
    for (let d = digitOf(text.charCodeAt(p)); d >= 0; d = digitOf(text.charCodeAt(++p))) {
      if (run.digits < MAX_DIGITS) group += d;
      run.digits++;
    }
    run.groupCount++;
    if (run.groupCount <= MAX_GROUPS) run.groups.push(group);
    run.end = p;
    let q = p;
    let gap: PhoneGap | undefined;
    if (open && isCloseParen(text.charCodeAt(q))) {
      open = false;
      gap = 'paren';
      q++;
    }
    const separator = separatorOf(text.charCodeAt(q));
    if (separator) {
      gap ??= separator;
      q++;
    }
    if (run.parenGroup < 0 && (gap === undefined || gap === 'space') && isOpenParen(text.charCodeAt(q))) {
      open = true;
      run.parenGroup = run.groupCount;
      gap = 'paren';
      q++;
    }
    if (gap === undefined || digitOf(text.charCodeAt(q)) < 0) break;
    if (run.groupCount < MAX_GROUPS) run.gaps.push(gap);
    p = q;
  }
  run.balanced = !open;
  return run;
}

/** For a phone number, whether it is fictitious; `undefined` when the run is not a phone number. */
function judgePhone(run: PhoneRun): boolean | undefined {
  if (!run.balanced || run.digits > MAX_DIGITS || run.groupCount > MAX_GROUPS) return undefined;
  const all = run.groups.join('');
  if (run.plus || all.startsWith('00')) {
    const international = run.plus ? all : all.slice(2);
    if (international.startsWith('0') || international.length < 8 || international.length > 15) return undefined;
    // "+44 (0)20 …": the trunk 0 in parentheses is not dialled from abroad.
    const trunk = run.parenGroup > 0 && run.groups[run.parenGroup] === '0';
    const dialled = trunk ? run.groups.filter((_, i) => i !== run.parenGroup).join('') : all;
    return isFictitious(run.plus ? dialled : dialled.slice(2));
  }
  if (all.startsWith('0')) return judgeTrunkNumber(run, all);
  return judgeNorthAmerican(run);
}

function isFictitious(international: string): boolean {
  if (international.startsWith('44') && international.length === 12) return isUkDrama(international.slice(2));
  if (international.startsWith('1') && international.length === 11) return isNanpFiction(international.slice(1));
  return false;
}

function isUkDrama(significant: string): boolean {
  return significant.length === 10 && UK_DRAMA_PREFIXES.some((prefix) => significant.startsWith(prefix));
}

/** NANP numbers 555-0100 to 555-0199 are set aside for fiction, in every area code. */
function isNanpFiction(ten: string): boolean {
  return ten.slice(3, 6) === '555' && ten.slice(6, 8) === '01';
}

function judgeTrunkNumber(run: PhoneRun, all: string): boolean | undefined {
  if (all.length < 9 || all.length > 12) return undefined;
  if (run.groups.length > 1) {
    if (run.parenGroup > 0 || run.groups.some((g) => g.length < 2)) return undefined;
    let gaps = run.gaps.filter((g) => g !== 'paren');
    if (run.parenGroup < 0 && gaps[0] === 'slash') gaps = gaps.slice(1);
    if (gaps.some((g) => g !== gaps[0] || g === 'slash')) return undefined;
  }
  return all.length === 11 && isUkDrama(all.slice(1));
}

function judgeNorthAmerican(run: PhoneRun): boolean | undefined {
  let groups = run.groups;
  let gaps = run.gaps;
  let parenGroup = run.parenGroup;
  if (groups.length === 4 && groups[0] === '1') {
    groups = groups.slice(1);
    gaps = gaps.slice(1);
    parenGroup--;
  }
  const [area, exchange, line] = groups;
  if (groups.length !== 3 || area?.length !== 3 || exchange?.length !== 3 || line?.length !== 4) return undefined;
  if (area < '2' || exchange < '2') return undefined;
  if (parenGroup === 0) {
    if (gaps[0] !== 'paren' || gaps[1] === 'slash' || gaps[1] === 'paren') return undefined;
  } else if (parenGroup > 0 || gaps[0] !== gaps[1] || gaps[0] === 'slash' || gaps[0] === 'paren') {
    return undefined;
  }
  return isNanpFiction(area + exchange + line);
}

// ─── Street addresses ────────────────────────────────────────────────────────────────────────────────────
// A street address is a house number and a street word close together, in one of these shapes:
// - English, number first: "12 Baker Street", "221B Baker St", "1600 Amphitheatre Parkway", with one to four
//   capitalised name words (or ordinals, "350 5th Avenue") and a capitalised street word or its abbreviation.
//   A capitalised word right after it makes it a name, not an address ("10 Wall Street Journal"), unless it is
//   a direction or a postcode; a year after "in", "since"… is not a house number ("In 2026 Canal Street…").
// - Romance, number first: "14 rue des Lilas", "12, rue de Rivoli", "3 avenue Victor Hugo".
// - Street word first, number last: "Rue de Rivoli 15", "Calle Mayor 3", "Via Roma 10", "Platz der Republik 1";
//   the street word capitalised (so "via Zoom 2" is not read), the number not a year, not a time or a decimal,
//   and not followed by a unit ("Place Bell 3 times").
// - German and Dutch compounds: "Hauptstraße 5", "Hauptstr. 5", "Kalverstraat 92", "Berliner Straße 12".
// - Post-office boxes: "PO Box 123", "P.O. Box 123", "Post Office Box 9", "Postfach 1234".
// A UK or US postcode (or a numeric one before a city) within three words after an address joins the hit.
// A street word without a number ("street team", "Wall Street Journal"), a plural or lowercase English
// street word ("12 roads to success", "3 ways"), venue names and a postcode alone are not addresses.

const ENGLISH_STREETS = new Set(
  (
    'street st road rd avenue ave lane ln drive dr way boulevard blvd place pl court ct close crescent cres terrace ' +
    'parkway pkwy square sq highway hwy mews grove plaza'
  ).split(' '),
);
const ENGLISH_ABBREVIATIONS = new Set('st rd ave ln dr blvd pl ct cres pkwy sq hwy'.split(' '));
/** Words that may follow an English street name in an address: directions and the parts of a building. */
const AFTER_STREET = new Set('n s e w ne nw se sw north south east west apt suite ste unit flat floor room building bldg'.split(' '));

/** Street words written after the house number, in any case ("14 rue des Lilas", "3, Avenida de Mayo"). */
const NUMBER_FIRST_STREETS = new Set(
  'rue avenue av boulevard bd chemin place allée impasse quai calle avenida avda plaza paseo carrer rua praça viale piazza piazzale corso vicolo'.split(
    ' ',
  ),
);
/** Street words written before the name, with the house number last ("Calle Mayor 3"). */
const STREET_FIRST = new Set(
  (
    'rue avenue boulevard chemin place allée impasse quai calle avenida avda plaza paseo camino carrer rua praça via viale ' +
    'piazza piazzale corso vicolo straße strasse platz allee laan plein'
  ).split(' '),
);
const ABBREVIATED_STREETS = new Set(['av', 'bd', 'avda', 'str']);
/** The small words inside street names ("rue de la Paix", "Laan van Meerdervoort", "Platz der Republik"). */
const PARTICLES = new Set(
  'de des du la le les l d del della delle dei degli dello di da do dos das der den dem het van von y e el los las am an im zum zur ter te et sur aux au en à'.split(
    ' ',
  ),
);
/** German and Dutch street words, written as the end of a compound ("Hauptstraße") or apart ("Berliner Straße"). */
const COMPOUND_STREETS =
  'straße strasse str weg gasse platz allee damm ufer chaussee straat laan plein gracht kade dijk singel steeg'.split(' ');
/** The ones also written as a word of their own, after the name. */
const SEPARATE_COMPOUND_STREETS = new Set('straße strasse str weg gasse platz allee damm ufer chaussee straat laan plein'.split(' '));
/** Words after a number that make it a count or a time, not a house number. */
const UNITS = new Set(
  (
    'times time x days day nights night weeks week months month years year hours hour hrs hr h minutes minute mins min ' +
    'people persons person members member participants attendees guests sessions session seats tickets euros euro eur ' +
    'dollars usd pounds gbp km m mi miles pm am pages percent points pts mal tage jahre stunden personen leute veces días ' +
    'dias personas horas fois jours personnes heures volte giorni persone ore keer dagen mensen uur'
  ).split(' '),
);
/** Words before a four-digit number that make it a year. */
const BEFORE_YEAR = new Set(
  (
    'in since by from until till to of before after during for around circa ca early late mid spring summer autumn fall ' +
    'winter january february march april may june july august september october november december jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec'
  ).split(' '),
);
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th', 'e', 'er', 're', 'eme', 'ème', 'º', 'ª']);

interface Token {
  kind: 'word' | 'num' | 'url';
  start: number;
  end: number;
  /** For a number, where its digits end and a letter suffix ("221B", "5th") starts. */
  digitsEnd: number;
  lower?: string;
}

/**
 * Words, numbers and URLs, read on demand and forgotten once passed: the address shapes look a few tokens
 * ahead and one or two back, so memory stays small on any input.
 */
class Tokens {
  private readonly buffer: Token[] = [];
  private first = 0;
  private position = 0;
  private readonly urls: UrlCursor;

  constructor(
    readonly text: string,
    urls: readonly UrlSpan[],
  ) {
    this.urls = new UrlCursor(urls);
  }

  at(index: number): Token | undefined {
    if (index < this.first) return undefined;
    while (index - this.first >= this.buffer.length) {
      const token = this.read();
      if (!token) return undefined;
      this.buffer.push(token);
    }
    return this.buffer[index - this.first];
  }

  forgetBefore(index: number): void {
    if (index - this.first > 64) {
      this.buffer.splice(0, index - this.first);
      this.first = index;
    }
  }

  /** The token in lower case, or '' for one too long to be any word the shapes look for. */
  lower(token: Token): string {
    token.lower ??= token.end - token.start > 40 ? '' : this.text.slice(token.start, token.end).toLowerCase();
    return token.lower;
  }

  private read(): Token | undefined {
    const text = this.text;
    let start = this.position;
    for (; start < text.length; start++) {
      const c = text.charCodeAt(start);
      const digit = digitOf(c) >= 0;
      if (!digit && !isLetter(c)) continue;
      const url = this.urls.at(start);
      if (url) {
        this.position = url.end;
        return { kind: 'url', start, end: url.end, digitsEnd: start };
      }
      return digit ? this.readNumber(start) : this.readWord(start, lettersEnd(text, start));
    }
    this.position = start;
    return undefined;
  }

  private readNumber(start: number): Token {
    const text = this.text;
    let end = start;
    while (digitOf(text.charCodeAt(end)) >= 0) end++;
    const digitsEnd = end;
    // A short letter suffix belongs to the number: 221B, 12bis, 5th.
    let suffix = end;
    while (suffix - end <= 3 && isLetter(text.charCodeAt(suffix))) suffix++;
    if (suffix > end && suffix - end <= 3) end = suffix;
    this.position = end;
    return { kind: 'num', start, end, digitsEnd };
  }

  private readWord(start: number, end: number): Token {
    const text = this.text;
    // Inner apostrophes and hyphens keep a word whole: Mary's, d'Alésia, Saint-Honoré.
    for (;;) {
      const c = text.charCodeAt(end);
      if (!(c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x2010) || !isLetter(text.charCodeAt(end + 1))) break;
      end = lettersEnd(text, end + 1);
    }
    this.position = end;
    return { kind: 'word', start, end, digitsEnd: start };
  }
}

/** The end of the run of letters (and combining marks) at `start`. */
function lettersEnd(text: string, start: number): number {
  let end = start;
  while (isLetter(text.charCodeAt(end))) end++;
  return end;
}

type Gap = 'space' | 'comma' | 'dot' | 'dot-space' | 'hyphen' | 'other';

/** What separates two neighbouring tokens, read from at most two characters. */
function gapBetween(text: string, a: Token, b: Token): Gap {
  const length = b.start - a.end;
  const c = text.charCodeAt(a.end);
  if (length === 1) {
    if (isSpaceLike(c)) return 'space';
    if (c === 0x2c) return 'comma';
    if (c === 0x2e) return 'dot';
    if (c === 0x2d || c === 0x2013 || c === 0x2010 || c === 0x2011) return 'hyphen';
  } else if (length === 2 && isSpaceLike(text.charCodeAt(a.end + 1))) {
    if (c === 0x2c) return 'comma';
    if (c === 0x2e) return 'dot-space';
  }
  return 'other';
}

function isCapitalised(text: string, token: Token): boolean {
  let c = text.charCodeAt(token.start);
  // d'Alésia, l'Église: the capital comes after the elided article.
  if ((c === 0x64 || c === 0x6c) && (text.charCodeAt(token.start + 1) === 0x27 || text.charCodeAt(token.start + 1) === 0x2019)) {
    c = text.charCodeAt(token.start + 2);
  }
  return isUpper(c);
}

interface Span {
  start: number;
  end: number;
}

function findStreetAddresses(text: string, urls: readonly UrlSpan[]): PersonalDataHit[] {
  const tokens = new Tokens(text, urls);
  const hits: PersonalDataHit[] = [];
  let floor = 0;
  for (let i = 0; ; i++) {
    const token = tokens.at(i);
    if (!token) break;
    tokens.forgetBefore(i - 2);
    if (token.start < floor || token.kind === 'url' || !mayStartAddress(text, token)) continue;
    const found =
      token.kind === 'num'
        ? numberFirstAddress(tokens, i)
        : (postBoxAddress(tokens, i) ?? streetFirstAddress(tokens, i) ?? compoundAddress(tokens, i, floor));
    if (found) {
      floor = withPostcode(text, found.end);
      hits.push({ kind: 'street-address', start: found.start, end: floor });
    }
  }
  return hits;
}

/** Every address starts with a number, a capitalised word, or the P of "PO Box" (which may be in lower case). */
function mayStartAddress(text: string, token: Token): boolean {
  const c = text.charCodeAt(token.start);
  return token.kind === 'num' || c === 0x70 || isCapitalised(text, token);
}

/** A house number: 1 to 5 digits, not starting with 0, with at most a letter, `bis` or `ter` after it. */
function isHouseNumber(tokens: Tokens, token: Token | undefined): token is Token {
  if (!token || token.kind !== 'num') return false;
  const digits = token.digitsEnd - token.start;
  if (digits > 5 || digitOf(tokens.text.charCodeAt(token.start)) === 0) return false;
  if (token.end === token.digitsEnd) return true;
  const suffix = tokens.lower(token).slice(digits);
  return (suffix.length === 1 && !ORDINAL_SUFFIXES.has(suffix)) || suffix === 'bis' || suffix === 'ter';
}

function isOrdinal(tokens: Tokens, token: Token): boolean {
  return (
    token.kind === 'num' && token.end > token.digitsEnd && ORDINAL_SUFFIXES.has(tokens.lower(token).slice(token.digitsEnd - token.start))
  );
}

function looksLikeYear(tokens: Tokens, token: Token, from: number, to: number): boolean {
  if (token.digitsEnd - token.start !== 4 || token.end !== token.digitsEnd) return false;
  const value = Number(tokens.lower(token).replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return value >= from && value <= to;
}

/** True when the number continues one before it: "12:30", "3.5", "1,200", the parts of "2026-12-06". */
function continuesNumber(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  return (c === 0x3a || c === 0x2e || c === 0x2c || c === 0x2f || c === 0x2d) && digitOf(text.charCodeAt(start - 2)) >= 0;
}

/** The last token of a house number at `index` (two for a range, "12-14"). */
function houseNumberEnd(tokens: Tokens, index: number): number {
  const next = tokens.at(index + 1);
  return isHouseNumber(tokens, next) && gapBetween(tokens.text, tokens.at(index)!, next) === 'hyphen' ? index + 1 : index;
}

/** True when the house number at `index` ends the address: no unit, time, decimal, fraction or percentage after it. */
function endsWithHouseNumber(tokens: Tokens, index: number): boolean {
  const text = tokens.text;
  const number = tokens.at(index)!;
  const c = text.charCodeAt(number.end);
  if (c === 0x25 || ((c === 0x3a || c === 0x2e || c === 0x2c || c === 0x2f) && digitOf(text.charCodeAt(number.end + 1)) >= 0)) return false;
  const next = tokens.at(index + 1);
  return !(next && next.kind === 'word' && gapBetween(text, number, next) === 'space' && UNITS.has(tokens.lower(next)));
}

/**
 * The index of the last word of a street name starting at `index`: capitalised words and particles, at
 * most four capitalised words, ending on one. -1 when there is none.
 */
function streetNameEnd(tokens: Tokens, index: number, abbreviated: boolean): number {
  let last = -1;
  let capitals = 0;
  for (let i = index; i < index + 8; i++) {
    const token = tokens.at(i);
    if (!token || token.kind !== 'word') break;
    const gap = gapBetween(tokens.text, tokens.at(i - 1)!, token);
    if (!(gap === 'space' || (i === index && abbreviated && (gap === 'dot-space' || gap === 'dot')))) break;
    if (isCapitalised(tokens.text, token)) {
      last = i;
      if (++capitals === 4) break;
    } else if (!PARTICLES.has(tokens.lower(token))) {
      break;
    }
  }
  return last;
}

function numberFirstAddress(tokens: Tokens, index: number): Span | undefined {
  const text = tokens.text;
  const number = tokens.at(index)!;
  if (!isHouseNumber(tokens, number) || continuesNumber(text, number.start)) return undefined;
  const before = tokens.at(index - 1);
  if (
    before?.kind === 'word' &&
    gapBetween(text, before, number) === 'space' &&
    BEFORE_YEAR.has(tokens.lower(before)) &&
    looksLikeYear(tokens, number, 1800, 2199)
  ) {
    return undefined;
  }
  const last = houseNumberEnd(tokens, index);
  const street = tokens.at(last + 1);
  if (!street) return undefined;
  const gap = gapBetween(text, tokens.at(last)!, street);
  const streetWord = tokens.lower(street);
  if ((gap === 'space' || gap === 'comma') && street.kind === 'word' && NUMBER_FIRST_STREETS.has(streetWord)) {
    const nameEnd = streetNameEnd(tokens, last + 2, ABBREVIATED_STREETS.has(streetWord));
    if (nameEnd >= 0) return { start: number.start, end: tokens.at(nameEnd)!.end };
  }
  return gap === 'space' ? englishStreet(tokens, number.start, last + 1) : undefined;
}

/** "Baker Street", "St Mary's Road", "5th Avenue", "The Avenue" from `index`, after a house number. */
function englishStreet(tokens: Tokens, start: number, index: number): Span | undefined {
  const text = tokens.text;
  let names = 0;
  for (let i = index; i < index + 6; i++) {
    const token = tokens.at(i);
    if (!token) return undefined;
    if (i > index) {
      const previous = tokens.at(i - 1)!;
      const gap = gapBetween(text, previous, token);
      if (!(gap === 'space' || (gap === 'dot-space' && previous.end - previous.start <= 3))) return undefined;
    }
    if (token.kind === 'num' && isOrdinal(tokens, token)) {
      names++;
      continue;
    }
    if (token.kind !== 'word' || !isCapitalised(text, token)) return undefined;
    const word = tokens.lower(token);
    if (names > 0 && ENGLISH_STREETS.has(word) && !nameGoesOn(tokens, i)) {
      const dot = ENGLISH_ABBREVIATIONS.has(word) && text.charCodeAt(token.end) === 0x2e ? 1 : 0;
      return { start, end: token.end + dot };
    }
    // "12 The Avenue": "The" only right before the street word, so "3 The Right Way" is not an address.
    if (word === 'the') {
      const next = tokens.at(i + 1);
      if (!(next?.kind === 'word' && isCapitalised(text, next) && ENGLISH_STREETS.has(tokens.lower(next)))) return undefined;
    }
    names++;
  }
  return undefined;
}

/** True when a capitalised word follows the street word at `index` ("Wall Street Journal"), other than a direction or a postcode. */
function nameGoesOn(tokens: Tokens, index: number): boolean {
  const text = tokens.text;
  const street = tokens.at(index)!;
  const next = tokens.at(index + 1);
  if (!next || next.kind !== 'word' || gapBetween(text, street, next) !== 'space' || !isCapitalised(text, next)) return false;
  return !AFTER_STREET.has(tokens.lower(next)) && postcodeEnd(text, next.start) < 0;
}

function streetFirstAddress(tokens: Tokens, index: number): Span | undefined {
  const text = tokens.text;
  const street = tokens.at(index)!;
  const word = tokens.lower(street);
  if (!STREET_FIRST.has(word) || !isCapitalised(text, street)) return undefined;
  const nameEnd = streetNameEnd(tokens, index + 1, ABBREVIATED_STREETS.has(word));
  if (nameEnd < 0) return undefined;
  return houseNumberAfter(tokens, street.start, nameEnd, true);
}

/** The address from `start` to the house number after the token at `index`, if there is one. */
function houseNumberAfter(tokens: Tokens, start: number, index: number, comma: boolean): Span | undefined {
  const text = tokens.text;
  const number = tokens.at(index + 1);
  if (!isHouseNumber(tokens, number) || looksLikeYear(tokens, number, 1900, 2099)) return undefined;
  const previous = tokens.at(index)!;
  const gap = gapBetween(text, previous, number);
  const abbreviation = tokens.lower(previous).endsWith('str') && (gap === 'dot-space' || gap === 'dot');
  if (!(gap === 'space' || (comma && gap === 'comma') || abbreviation)) return undefined;
  const last = houseNumberEnd(tokens, index + 1);
  return endsWithHouseNumber(tokens, last) ? { start, end: tokens.at(last)!.end } : undefined;
}

function compoundAddress(tokens: Tokens, index: number, floor: number): Span | undefined {
  const text = tokens.text;
  const street = tokens.at(index)!;
  if (street.kind !== 'word' || !isCapitalised(text, street)) return undefined;
  const word = tokens.lower(street);
  let start = street.start;
  if (SEPARATE_COMPOUND_STREETS.has(word)) {
    // "Berliner Straße 12": the name is the capitalised word before.
    const name = tokens.at(index - 1);
    if (!name || name.kind !== 'word' || name.start < floor || !isCapitalised(text, name)) return undefined;
    if (gapBetween(text, name, street) !== 'space') return undefined;
    start = name.start;
  } else if (!COMPOUND_STREETS.some((suffix) => word.length >= suffix.length + 3 && word.endsWith(suffix))) {
    return undefined;
  }
  return houseNumberAfter(tokens, start, index, false);
}

function postBoxAddress(tokens: Tokens, index: number): Span | undefined {
  const text = tokens.text;
  const first = tokens.at(index)!;
  const word = tokens.lower(first);
  let numberAt: number;
  if (word === 'postfach' && isCapitalised(text, first)) {
    numberAt = index + 1;
  } else {
    let box: number;
    if (word === 'po') box = index + 1;
    else if (word === 'p' && wordIs(tokens, index + 1, 'o', ['dot', 'dot-space'])) box = index + 2;
    else if (word === 'post' && wordIs(tokens, index + 1, 'office', ['space'])) box = index + 2;
    else return undefined;
    if (!wordIs(tokens, box, 'box', ['space', 'dot', 'dot-space'])) return undefined;
    numberAt = box + 1;
  }
  const number = tokens.at(numberAt);
  if (number?.kind !== 'num' || number.end !== number.digitsEnd || number.end - number.start > 10) return undefined;
  if (gapBetween(text, tokens.at(numberAt - 1)!, number) !== 'space') return undefined;
  return { start: first.start, end: number.end };
}

function wordIs(tokens: Tokens, index: number, word: string, gaps: Gap[]): boolean {
  const token = tokens.at(index);
  const previous = tokens.at(index - 1);
  return (
    token?.kind === 'word' &&
    previous !== undefined &&
    tokens.lower(token) === word &&
    gaps.includes(gapBetween(tokens.text, previous, token))
  );
}

// ─── Postcodes after an address ──────────────────────────────────────────────────────────────────────────

/** `end` moved past a postcode that follows the address within three (city) words, if there is one. */
function withPostcode(text: string, end: number): number {
  let p = afterAddressGap(text, end);
  for (let words = 0; p >= 0 && words <= 3; words++) {
    const postcode = postcodeEnd(text, p);
    if (postcode >= 0) return postcode;
    const word = capitalisedWordEnd(text, p);
    if (word < 0) break;
    p = afterAddressGap(text, word);
  }
  return end;
}

/** Past one to three characters of comma, space or a single line break; -1 when there are none. */
function afterAddressGap(text: string, p: number): number {
  let q = p;
  let breaks = 0;
  while (q - p < 3) {
    const c = text.charCodeAt(q);
    if (c === 0x0a) breaks++;
    else if (!(c === 0x2c || c === 0x0d || isSpaceLike(c))) break;
    q++;
  }
  return q > p && breaks <= 1 ? q : -1;
}

function capitalisedWordEnd(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (!isUpper(c)) return -1;
  let q = p + 1;
  while (q - p <= 30 && (isLetter(text.charCodeAt(q)) || text.charCodeAt(q) === 0x2d)) q++;
  return q - p > 30 ? -1 : q;
}

/** The end of a UK postcode ("NW1 6XE"), a US state and ZIP ("CA 94043"), or a numeric postcode and its city at `p`; or -1. */
function postcodeEnd(text: string, p: number): number {
  return ukPostcodeEnd(text, p) ?? usZipEnd(text, p) ?? numericPostcodeEnd(text, p) ?? -1;
}

function ukPostcodeEnd(text: string, p: number): number | undefined {
  let q = p;
  while (q - p < 2 && isAsciiUpper(text.charCodeAt(q))) q++;
  if (q === p || !isAsciiDigit(text.charCodeAt(q))) return undefined;
  q++;
  if (isAsciiDigit(text.charCodeAt(q)) || isAsciiUpper(text.charCodeAt(q))) q++;
  if (!isSpaceLike(text.charCodeAt(q)) || !isAsciiDigit(text.charCodeAt(q + 1))) return undefined;
  if (!isAsciiUpper(text.charCodeAt(q + 2)) || !isAsciiUpper(text.charCodeAt(q + 3)) || isLetterOrDigit(text.charCodeAt(q + 4)))
    return undefined;
  return q + 4;
}

function usZipEnd(text: string, p: number): number | undefined {
  if (!isAsciiUpper(text.charCodeAt(p)) || !isAsciiUpper(text.charCodeAt(p + 1)) || !isSpaceLike(text.charCodeAt(p + 2))) return undefined;
  const end = digitsEnd(text, p + 3);
  if (end - (p + 3) !== 5) return undefined;
  return zipTail(text, end);
}

/** "28013 Madrid", "10115 Berlin", "1012 AB Amsterdam", "94043-1351". */
function numericPostcodeEnd(text: string, p: number): number | undefined {
  const digits = digitsEnd(text, p);
  if (digits - p < 4 || digits - p > 5) return undefined;
  let end = zipTail(text, digits);
  if (end === undefined) return undefined;
  // The Dutch letters: "1012 AB".
  if (isSpaceLike(text.charCodeAt(end)) && isAsciiUpper(text.charCodeAt(end + 1)) && isAsciiUpper(text.charCodeAt(end + 2))) {
    if (!isLetterOrDigit(text.charCodeAt(end + 3))) end += 3;
  }
  if (isSpaceLike(text.charCodeAt(end))) {
    const city = capitalisedWordEnd(text, end + 1);
    if (city >= 0) end = city;
  }
  return end;
}

function digitsEnd(text: string, p: number): number {
  let q = p;
  while (q - p <= 10 && isAsciiDigit(text.charCodeAt(q))) q++;
  return q;
}

/** After a five-digit ZIP: an optional "-1351"; undefined when the digits go on or a word is glued on. */
function zipTail(text: string, end: number): number | undefined {
  if (text.charCodeAt(end) === 0x2d && digitsEnd(text, end + 1) - (end + 1) === 4) end = end + 5;
  return isLetterOrDigit(text.charCodeAt(end)) ? undefined : end;
}
