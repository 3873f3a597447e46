// Pure: reading facts out of a plan's data: a value at a dotted path, blanks and non-answers taken out,
// dated facts.
import { isBareCharacter, isNonAnswer, isNumberedPlaceholder, isPlaceholderLink, isTemplateAddress } from '../text/non-answer.js';
import { foldName, sameNameByInitials, spacedOut } from '../text/person-name.js';

/** The value at a path, or undefined where any step is missing (own keys only, never a prototype's). */
export function getPath(data: unknown, segments: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The name a list entry gives: the entry itself when it is a text, else its `name` field when that is one. */
export function entryName(entry: unknown): string | undefined {
  const name =
    typeof entry === 'string' ? entry : entry !== null && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The values at a dotted path, `*` standing for each entry of a list (`purpose.goals.*.objective`):
 * one per place the path leads to, undefined where a step is missing.
 */
export function valuesAt(data: unknown, path: string): unknown[] {
  let values: unknown[] = [data];
  for (const key of path.split('.'))
    values =
      key === '*'
        ? values.flatMap((v) => (Array.isArray(v) ? v : []))
        : values.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined));
  return values;
}

/** Told of each non-answer taken out of a fact: where it was (the full plan path) and what it said. */
export type NonAnswerListener = (path: (string | number)[], text: string) => void;

/**
 * The value with blank text, non-answers ("none", "tbd", "not done", "-": isNonAnswer), links that lead
 * nowhere, a template's address (`conduct@example.com`), list entries of one letter, digit or mark ("a",
 * "1": isBareCharacter) and empty values taken out, as if never written: an empty `metric: ""`, a `- ""`
 * list entry, steps `[a, b, c]` or a decision "none" must not satisfy a rule that asks for a metric,
 * entries or a decision. Parts with nothing to take out are returned as they are, not copied (a lint
 * reads a whole plan through this once). `onNonAnswer`, with the path of `value` in the plan, hears of
 * every non-answer taken out. In `peopleLists` (dotted list paths, `*` for an outer list's entries:
 * Methodology.peopleLists), two entries naming one person are one, and an entry whose name `noPerson`
 * says is no one ('The team', 'Founder 1') names nobody: taken out, and heard of like a non-answer. A
 * text `isPrompt` knows as the methodology's own wording (a question or a rule's message pasted back as
 * the answer: methodology/prompt-texts.ts) answers nothing either.
 */
export function withoutBlanks(
  value: unknown,
  onNonAnswer?: NonAnswerListener,
  at: readonly (string | number)[] = [],
  leaveOut?: ReadonlySet<string>,
  peopleLists?: ReadonlySet<string>,
  noPerson?: (name: string) => boolean,
  isPrompt?: (text: string) => boolean,
): unknown {
  // A field read on its own ('purpose.statement.who'): the key it restates is the last step of its path.
  const key = at.at(-1);
  if (typeof value === 'string' && typeof key === 'string' && restatesKey(value, key)) {
    if (onNonAnswer) onNonAnswer([...at], value);
    return undefined;
  }
  const drop = leaveOut && leaveOut.size > 0 ? leaveOut : undefined;
  const people = peopleLists && peopleLists.size > 0 ? { lists: peopleLists, noPerson } : undefined;
  return clean(value, onNonAnswer, onNonAnswer || drop || people ? [...at] : undefined, drop, people, isPrompt);
}

/** The lists of people, and what tells a name that is no person. */
interface PeopleLists {
  lists: ReadonlySet<string>;
  noPerson: ((name: string) => boolean) | undefined;
}

/**
 * `path` is the plan path of `value`, kept (pushed and popped) only when someone listens, texts are to
 * be left out by path (`leaveOut`: paths joined by NUL, e.g. names not on the roster) or lists of people
 * are told apart by path (`people`).
 */
function clean(
  value: unknown,
  onNonAnswer: NonAnswerListener | undefined,
  path: (string | number)[] | undefined,
  leaveOut: ReadonlySet<string> | undefined,
  people?: PeopleLists,
  isPrompt?: (text: string) => boolean,
): unknown {
  if (value === null) return undefined;
  // `\S` is what trim() keeps, so this is `value.trim() === ''` without making a trimmed copy. Most
  // texts start with a printable ASCII character, which settles it without the expression.
  if (typeof value === 'string') {
    const first = value.charCodeAt(0);
    if (!((first > 0x20 && first < 0x7f) || NOT_BLANK.test(value))) return undefined;
    if (leaveOut && path && leaveOut.has(path.join('\u0000'))) return undefined;
    if (
      !isNonAnswer(value) &&
      !isPlaceholderLink(value) &&
      !isTemplateAddress(value) &&
      !isNumberedPlaceholder(value) &&
      !(isPrompt && isPrompt(value))
    )
      return value;
    if (onNonAnswer && path) onNonAnswer([...path], value);
    return undefined;
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    let seen: Set<string> | undefined;
    // Known from the start where names that are no one are taken out; else only once two entries compare.
    let ofPeople: boolean | undefined = people?.noPerson && value.length > 0 ? isPeopleList(path, people.lists) : undefined;
    for (let i = 0; i < value.length; i++) {
      path?.push(i);
      let kept = clean(value[i], onNonAnswer, path, leaveOut, people, isPrompt);
      // One letter, digit or mark is no entry ('a', '1'): three of them are no three steps. As a field's
      // whole value it stays (a unit '%', a target '5'): only a list's entries are read this way.
      if (typeof kept === 'string' && isBareCharacter(kept)) {
        if (onNonAnswer && path) onNonAnswer([...path], kept);
        kept = undefined;
      }
      if (ofPeople && kept !== undefined) kept = withoutStandIn(kept, people!.noPerson!, onNonAnswer, path);
      path?.pop();
      // The same entry again counts once: one founding member listed twenty times is one, and three
      // copies of one enforcement step are one step. In a list of people, one person however the name is
      // written ('Okonkwo, Maya', 'Maya Okonkwo (backup)'); elsewhere a note tells entries apart ('active
      // members (30 days)' and '(90 days)' are two metrics).
      const key =
        value.length > 1 && kept !== undefined
          ? entryKey(kept, (ofPeople ??= people !== undefined && isPeopleList(path, people.lists)))
          : undefined;
      if (key !== undefined) {
        if ((seen ??= new Set()).has(key)) kept = undefined;
        else seen.add(key);
      }
      if (kept !== value[i]) out ??= value.slice(0, i);
      if (out && kept !== undefined) out.push(kept);
    }
    return ofPeople ? withoutInitialTwins(out ?? value) : (out ?? value);
  }
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    path?.push(key);
    let kept = clean(record[key], onNonAnswer, path, leaveOut, people, isPrompt);
    // A field that names itself ('who: who', 'public_criteria: public criteria', 'who: purpose.statement.who') says nothing.
    if (typeof kept === 'string' && restatesKey(kept, key)) {
      if (onNonAnswer && path) onNonAnswer([...path], kept);
      kept = undefined;
    }
    path?.pop();
    if (kept !== record[key] && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = record[keys[j]!];
    }
    if (out && kept !== undefined) out[key] = kept;
  }
  const cleaned = out ?? record;
  // A decision that names its point again ('licence' for the point licence) decides nothing.
  const { point, decision } = cleaned;
  if (typeof point === 'string' && typeof decision === 'string' && sameText(point, decision)) {
    if (onNonAnswer && path) onNonAnswer([...path, 'decision'], decision);
    const { decision: _restated, ...rest } = cleaned;
    return rest;
  }
  return cleaned;
}

const NOT_BLANK = /\S/;

/**
 * Whether a text is only the name of the field it fills, or a dotted path ending in it: 'who' or
 * 'purpose.statement.who' for `who`, 'Public criteria' for `public_criteria`. A value that is the key
 * of its field is a template's label left in, never an answer.
 */
function restatesKey(text: string, key: string): boolean {
  // Cheap first: a field's name, or a path ending in it, is a few words at most.
  if (text.length < key.length || text.length > 120) return false;
  let plain = text.trim();
  // Longer than the key with its marks, only a dotted path ('purpose.statement.who') can end in it: one
  // word, read by its last step (a sentence with a full stop has spaces, and is settled at the first).
  if (plain.length > key.length + 16)
    return !plain.includes(' ') && DOTTED_PATH.test(plain) && keyWords(plain.slice(plain.lastIndexOf('.') + 1)) === keyWordsOf(key);
  // Most texts part from their key at the first letter; only a path may open on another word.
  if ((text.charCodeAt(0) | 0x20) !== (key.charCodeAt(0) | 0x20) && !text.includes('.')) return false;
  if (DOTTED_PATH.test(plain)) plain = plain.slice(plain.lastIndexOf('.') + 1);
  return keyWords(plain) === keyWordsOf(key);
}

/** keyWords of a plan key, made once per key: a plan's keys are the schema's few hundred names. */
const keyWordsByKey = new Map<string, string>();
function keyWordsOf(key: string): string {
  let words = keyWordsByKey.get(key);
  if (words === undefined) {
    words = keyWords(key);
    // A team's own keys (`custom`) are unbounded: only the first thousand are kept.
    if (keyWordsByKey.size < 1000) keyWordsByKey.set(key, words);
  }
  return words;
}

/** A field's name as words: lower case, underscores, dashes and spaces made one space, outer marks dropped. */
function keyWords(name: string): string {
  return name.toLowerCase().replace(KEY_GAPS_G, ' ').trim();
}

const DOTTED_PATH = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+$/;
const KEY_GAPS_G = /[\s_\-:.,;!?"'()[\]{}<>]+/g;

/**
 * An entry of a list of people without a name that is no one ('Founder 1', 'The team'): a name alone is
 * taken out, a record keeps its other fields without it. `path` is the entry's.
 */
function withoutStandIn(
  entry: unknown,
  noPerson: (name: string) => boolean,
  onNonAnswer: NonAnswerListener | undefined,
  path: (string | number)[] | undefined,
): unknown {
  if (typeof entry === 'string') {
    if (!noPerson(entry)) return entry;
    if (onNonAnswer && path) onNonAnswer([...path], entry);
    return undefined;
  }
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  const { name, ...rest } = entry as Record<string, unknown>;
  if (typeof name !== 'string' || !noPerson(name)) return entry;
  if (onNonAnswer && path) onNonAnswer([...path, 'name'], name);
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * A list of people without the entries that name, by initials, someone the list names in full ('M.
 * Kowalska' beside 'Marta Kowalska'): one person counts once. Of two names with initials, the one with
 * fewer is kept, else the first.
 */
function withoutInitialTwins(list: unknown[]): unknown[] {
  if (list.length < 2) return list;
  const names = list.map((entry) => {
    const name = entryName(entry);
    return name === undefined ? undefined : foldName(name);
  });
  if (!names.some((n) => n !== undefined && HAS_INITIAL.test(n))) return list;
  const initials = names.map((n) => (n === undefined ? 0 : (n.match(INITIALS)?.length ?? 0)));
  const twin = (i: number): boolean =>
    initials[i]! > 0 &&
    names.some(
      (other, j) =>
        j !== i &&
        other !== undefined &&
        (initials[j]! < initials[i]! || (initials[j] === initials[i] && j < i)) &&
        sameNameByInitials(names[i]!, other),
    );
  const kept = list.filter((_, i) => !twin(i));
  return kept.length === list.length ? list : kept;
}

const HAS_INITIAL = /(?:^| )\S(?: |$)/;
const INITIALS = /(?<=^| )\S(?= |$)/g;

/**
 * What makes two entries of a list the same: a text, however it is spaced, cased or encoded; an entry
 * with a `name` (a person, a channel), by its name; any other record (a dated event, a step with an
 * owner) by everything it says, so that the same step written three times is one step, while two steps
 * that differ in any field stay two.
 */
function entryKey(entry: unknown, ofPeople: boolean): string | undefined {
  if (typeof entry === 'string') return `t${ofPeople ? foldName(entry) : foldText(entry)}`;
  if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
    const name = (entry as Record<string, unknown>).name;
    if (typeof name === 'string') return `n${ofPeople ? foldName(name) : foldText(name)}`;
    return `r${contentKey(entry)}`;
  }
  return undefined;
}

/** A value as one string that two values share only when they say the same: keys in order, texts folded. */
function contentKey(value: unknown): string {
  // Texts and keys carry their length, so no text can pass for the marks around it: `"a":"b"` and the
  // key `a":"b` stay apart without escaping anything.
  if (typeof value === 'string') {
    const folded = foldText(value);
    return `${folded.length}"${folded}`;
  }
  if (value === null || typeof value !== 'object') return String(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += `${contentKey(value[i])},`;
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!inOrder(keys)) keys.sort();
  out = '{';
  for (const key of keys) out += `${key.length}:${key}${contentKey(record[key])},`;
  return `${out}}`;
}

/** Whether keys are already sorted as sort() would order them (records are mostly written in one order). */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/** Whether the list at `path` is one of `people` (its indices read as `*`). */
function isPeopleList(path: readonly (string | number)[] | undefined, people: ReadonlySet<string>): boolean {
  if (!path) return false;
  let dotted = '';
  for (let i = 0; i < path.length; i++) dotted += `${i > 0 ? '.' : ''}${typeof path[i] === 'number' ? '*' : String(path[i])}`;
  return people.has(dotted);
}

/** Whether two texts say the same as list entries compare them (foldText): 'a ban' and 'A ban!'. */
export function sameText(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

/**
 * A text as list entries compare it: one form, in lower case (accents kept, unlike a name), with runs of
 * spaces and punctuation one space and none at either end, and without a leading article: 'a permanent
 * ban', 'A permanent ban!' and 'the permanent ban.' are one step. Brackets and symbols stay, so that a
 * note tells entries apart ('active members (30 days)' and '(90 days)'). A loop over codes, not an
 * expression: every entry of every list of more than one comes here.
 */
function foldText(text: string): string {
  const spaced = spacedOut(text).toLowerCase();
  // spacedOut leaves one space between words and none at the ends: without punctuation only the article is left.
  if (!PUNCTUATION_ANY.test(spaced)) return withoutArticle(spaced);
  // Words are taken whole, as slices between gaps (spaces and punctuation), joined by one space.
  let out = '';
  let start = -1;
  for (let i = 0; i <= spaced.length; i++) {
    const c = i < spaced.length ? spaced.charCodeAt(i) : 0x20;
    if (c === 0x20 || PUNCTUATION.has(c)) {
      if (start >= 0) out += out.length > 0 ? ` ${spaced.slice(start, i)}` : spaced.slice(start, i);
      start = -1;
    } else if (start < 0) start = i;
  }
  return withoutArticle(out);
}

/** A folded text without the article it opens on ('a ban', 'the ban'). */
function withoutArticle(text: string): string {
  const space = text.indexOf(' ');
  return space > 0 && space < 4 && ARTICLES.has(text.slice(0, space)) ? text.slice(space + 1) : text;
}

/**
 * Punctuation that says nothing about what an entry is: stops, commas, quotes, dashes, slashes and the
 * like, in ASCII and their typographic forms. Not brackets (a note) nor symbols ('%', '+', '#', '€').
 */
const PUNCTUATION: ReadonlySet<number> = new Set(
  [
    ...'.,;:!?\'"-_/\\*~`\u00a1\u00bf\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u00ab\u00bb',
  ].map((ch) => ch.charCodeAt(0)),
);
/** Any of PUNCTUATION, found by one expression. */
const PUNCTUATION_ANY = new RegExp(`[${[...PUNCTUATION].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);
/** Articles an entry may open on, which make no entry of its own ('a ban', 'the ban'). */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** A measured fact: its value and the date it was measured, with where that date was written. */
export interface DatedFact {
  value: unknown;
  /** Path of the value: the fact's own, or its `value` key's. */
  valuePath: readonly string[];
  asOf?: string;
  /** Path of the date: the fact's own `as_of`, or its section's. */
  asOfPath: readonly string[];
  /** Where the figure comes from, when the fact is written as a record that says so (`source`). */
  source?: { text: string; path: readonly string[] };
}

/**
 * A fact written either as `{ value, as_of }` or as a bare value dated by its section's `as_of`
 * (`observed.as_of`, the form of version-1 plans).
 */
export function readDatedFact(data: unknown, segments: readonly string[]): DatedFact {
  const node = getPath(data, segments);
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, 'value')) {
    const record = node as Record<string, unknown>;
    const asOf = typeof record.as_of === 'string' ? record.as_of : undefined;
    const valuePath = [...segments, 'value'];
    const source = typeof record.source === 'string' ? { source: { text: record.source, path: [...segments, 'source'] } } : {};
    if (asOf) return { value: record.value, valuePath, asOf, asOfPath: [...segments, 'as_of'], ...source };
    const sectionPath = [...segments.slice(0, -1), 'as_of'];
    const section = getPath(data, sectionPath);
    return typeof section === 'string'
      ? { value: record.value, valuePath, asOf: section, asOfPath: sectionPath, ...source }
      : { value: record.value, valuePath, asOfPath: [...segments, 'as_of'], ...source };
  }
  const sectionPath = [...segments.slice(0, -1), 'as_of'];
  const section = getPath(data, sectionPath);
  return typeof section === 'string'
    ? { value: node, valuePath: segments, asOf: section, asOfPath: sectionPath }
    : { value: node, valuePath: segments, asOfPath: sectionPath };
}
