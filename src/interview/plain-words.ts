// Pure: what the interview shows in the user's words rather than the file's. Rule messages name plan
// paths ("Say under purpose.statement.who who gathers") and stored values ("two-adults"); the interview
// says the same without them ("Say who gathers"), unless asked to show paths (--show-paths). Choices of a
// fixed-choice field get labels, statuses are said in words, and literal programme words ("sponsor") are
// said in the profile's words.
import type { ItemStatus } from '../scoring/types.js';

/** Top-level sections of a plan: a dotted word starting with one of these is a plan path. */
const SECTIONS = [
  'community',
  'people',
  'purpose',
  'audience',
  'team',
  'governance',
  'platform',
  'launch',
  'engagement',
  'measures',
  'observed',
  'assessment',
  'params',
  'custom',
];
const PATH_SOURCE = `(?:${SECTIONS.join('|')})(?:\\.[A-Za-z0-9_*-]+)+`;

/** A dotted plan path anywhere in a text. */
export const PLAN_PATH = new RegExp(`(?<![\\w.])${PATH_SOURCE}(?![\\w])`);

/** A stored value or key written as the file writes it: with a dash or an underscore between lowercase letters. */
const STORED_WORD = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/;

/** Whether a word is written the way the file stores values (`two-adults`, `within_hours`), not as prose. */
export function isStoredWord(word: string): boolean {
  return STORED_WORD.test(word);
}

/**
 * A stored value or key in words: `two-adults` → "two adults", `lawful-basis` → "lawful basis",
 * `home_url` → "home address". Prose is returned as it is.
 */
export function humanize(value: string): string {
  return value
    .replace(/(^|[-_])url$/i, '$1address')
    .replace(/[-_]+/g, ' ')
    .trim();
}

/** A choice's label: the stored value in words, with its first letter in capitals (`sponsor-branded` → "Sponsor branded"). */
export function choiceLabel(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const words = humanize(value);
  return words.length > 0 ? `${words[0]!.toUpperCase()}${words.slice(1)}` : value;
}

/**
 * Labels for a field's fixed values from the field's own description, which says what each means in
 * the form `value (meaning)`: "independent (own name and look), endorsed (...)". Values it does not
 * explain get none.
 */
export function describedValues(description: string | undefined, values: readonly (string | number | boolean)[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!description) return out;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const at = description.search(new RegExp(`(?<![\\w-])${escapeRegExp(value)} \\(`));
    if (at < 0) continue;
    const open = at + value.length + 2;
    let depth = 1;
    let end = open;
    for (; end < description.length && depth > 0; end++) {
      if (description[end] === '(') depth++;
      else if (description[end] === ')') depth--;
    }
    if (depth === 0) out.set(value, description.slice(open, end - 1).trim());
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An item's status in words. */
export const STATUS_WORDS = {
  met: 'met',
  partial: 'partly met',
  unmet: 'not met yet',
  unanswered: 'not answered yet',
  stale: 'due for review',
  unmeasured: 'not measured yet',
  'n/a': 'does not apply',
} as const satisfies Record<ItemStatus, string>;

/** A path's last part in words, with its parent where the last part alone says little (`team.host.name` → "host name"). */
export function pathLabel(path: string): string {
  const parts = path.split('.').filter((p) => p !== '*' && !/^\d+$/.test(p));
  const last = parts.at(-1) ?? path;
  const generic = /^(name|url|owner|how|who|date|model|program|process|areas|steps|cadence_months|next_date|months|approved|private)$/;
  const words = generic.test(last) && parts.length > 1 ? `${humanize(parts.at(-2)!)} ${humanize(last)}` : humanize(last);
  return words;
}

/** The file's own words: the plan schema's keys and the fixed values of its fields and of the lists in force. */
export interface FileWords {
  /** Every key of the plan schema (`objective`, `within_hours`). */
  keys: ReadonlySet<string>;
  /** Fixed values written as the file stores them (`two-adults`, `lawful-basis`, `mutual-aid`), not prose. */
  values: ReadonlySet<string>;
}

/** Stored values that are also plain English, left as they are written. */
const ENGLISH = new Set(['in-person', 'step-free', 'two-factor', 'sign-off', 'e-mail', 'time-off', 'follow-up', 'one-to-one']);

/** The file's words of a plan schema (and of the methodology's named lists). */
export function fileWordsOf(planSchema: unknown, lists: readonly (readonly string[])[] = []): FileWords {
  const keys = new Set<string>();
  const values = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.enum))
      for (const v of record.enum) if (typeof v === 'string' && isStoredWord(v) && !ENGLISH.has(v)) values.add(v);
    if (record.properties && typeof record.properties === 'object') for (const key of Object.keys(record.properties)) keys.add(key);
    for (const [key, child] of Object.entries(record)) if (key !== 'enum' && key !== 'examples') visit(child);
  };
  visit(planSchema);
  for (const list of lists) for (const v of list) if (isStoredWord(v) && !ENGLISH.has(v)) values.add(v);
  return { keys, values };
}

/**
 * A rule's message without the plan's own words: paths, keys and stored values. The sentence says what
 * to do; the question being answered says where it goes.
 */
export function plainRuleMessage(message: string, words: FileWords): string {
  const P = PATH_SOURCE;
  const known = (w: string): boolean => w === 'true' || w === 'false' || words.keys.has(w);
  let text = message
    // "(point: main-language)", "(area)", "(in_practice)", "(agreement: true)": the file's own words for where it goes.
    .replace(/\s*\((?:point|area|kind|field):? ?[a-z0-9-]+\)/g, '')
    .replace(/\s*\(([a-z_]+(?::\s*(?:true|false))?(?:(?:, | and | or )[a-z_]+(?::\s*(?:true|false))?)*)\)/g, (whole, inner: string) =>
      inner.split(/, | and | or |:\s*/).every(known) ? '' : whole,
    )
    // "and set purpose.budget.approved to true", "then set … to enforced": the question asks it.
    .replace(new RegExp(`,?\\s*(?:and|then) set ${P}(?: to (?:true|false|[a-z]+(?:-[a-z]+)*))?(?=[.;,)]|$)`, 'g'), '')
    // "Add to platform.channels at least one channel with public true and archived true."
    .replace(new RegExp(`\\bAdd to ${P}`, 'g'), 'Add')
    .replace(/\bwith ([a-z_]+) true and ([a-z_]+) true\b/g, (whole, a: string, b: string) =>
      words.keys.has(a) && words.keys.has(b) ? `that is ${humanize(a)} and ${humanize(b)}` : whole,
    )
    // "(goals and their targets live in purpose.goals)": the place is the point there.
    .replace(new RegExp(`\\blive in (${P})`, 'g'), (_, path: string) => `live with the ${pathLabel(path)}`)
    // "Under purpose.goals, give each objective…": the sentence starts after it.
    .replace(
      new RegExp(`(^|[.;] )(?:Under|In) ${P},?\\s*([a-z])`, 'g'),
      (_, start: string, letter: string) => `${start}${letter.toUpperCase()}`,
    )
    // "A plan kept private can say so with community.plan_private: true."
    .replace(new RegExp(`\\s*with ${P}:\\s*(?:true|false)`, 'g'), '')
    .replace(/\bof community\.size\b/g, "of the community's size")
    // "Set launch.response_time_hours to 24 or less": the unit goes with the number ("the response time to 24 hours").
    .replace(new RegExp(`\\b([Ss]et) (${P}) to ([0-9]+(?:\\.[0-9]+)?)\\b`, 'g'), (whole, set: string, path: string, n: string) => {
      const unit = /_(minutes|hours|days|weeks|months|years)$/.exec(path)?.[1];
      return unit ? `${set} the ${pathLabel(path.slice(0, -unit.length - 1))} to ${n} ${unit}` : whole;
    })
    // "Set purpose.budget.status to approved."
    .replace(new RegExp(`\\b([Ss]et) (${P}) to\\b`, 'g'), (_, set: string, path: string) => `${set} the ${pathLabel(path)} to`)
    // "under purpose.statement.who", "in measures.metrics", "at …": where it goes.
    .replace(new RegExp(`,?\\s*\\b(?:under|in|into|at|from) (?:the )?${P}`, 'g'), '')
    // "the plan's roster (people)", "someone on the plan's roster, people", "their roles in people"
    .replace(/\broster \(people\)/g, 'roster')
    .replace(/\broster, people\)/g, 'roster)')
    .replace(/\bin people\b/g, 'in the roster')
    // A path still named: its words.
    .replace(new RegExp(`\\b${P}`, 'g'), (path) => `the ${pathLabel(path)}`)
    // "public true and archived true": a flag named as the file writes it.
    .replace(/\b([a-z_]+) true\b/g, (whole, key: string) => (words.keys.has(key) ? humanize(key) : whole));
  // Stored values and keys left in the sentence, in words.
  text = text.replace(/[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+/g, (word) =>
    words.values.has(word) || (word.includes('_') && words.keys.has(word)) ? humanize(word) : word,
  );
  return tidy(text);
}

/** Spaces and punctuation after words were taken out. */
function tidy(text: string): string {
  return text
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/,\s*,/g, ',')
    .replace(/,\s*\./g, '.')
    .replace(/\s{2,}/g, ' ')
    .replace(/^\s*,\s*/, '')
    .replace(/([A-Za-z]) ,/g, '$1,')
    .trim();
}

/**
 * Words said in the profile's words only where a text asks with a placeholder: ordinary words the
 * methodology also writes in their plain sense ("registered members" stays so for open source).
 */
const PLACEHOLDER_ONLY: ReadonlySet<string> = new Set(['members']);

/**
 * Literal programme words said in the profile's words: a volunteer group's "organising group", never a
 * "sponsor", where a methodology text names one without a placeholder.
 */
export function inProfileWords(text: string, words: Readonly<Record<string, string>>): string {
  let out = text;
  for (const [word, replacement] of Object.entries(words)) {
    if (replacement === word || !/^[a-z]+$/.test(word) || PLACEHOLDER_ONLY.has(word)) continue;
    out = out
      .replace(new RegExp(`\\b${word}\\b`, 'g'), replacement)
      .replace(new RegExp(`\\b${word[0]!.toUpperCase()}${word.slice(1)}\\b`, 'g'), capitalize(replacement));
  }
  return out;
}

function capitalize(text: string): string {
  return text.length > 0 ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text;
}

/**
 * Where a text shown in default mode speaks the file's language: a placeholder, a plan path, a stored
 * value (`sponsor-branded`) or a key (`within_hours`). Empty when it speaks plainly.
 */
export function fileWordsIn(text: string, words: FileWords): string[] {
  const found: string[] = [];
  const placeholder = /\{[^}]*\}/.exec(text);
  if (placeholder) found.push(placeholder[0]);
  const path = PLAN_PATH.exec(text);
  if (path) found.push(path[0]);
  for (const word of text.match(/(?<![\w/.-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w/-])/g) ?? [])
    if (words.values.has(word) || (word.includes('_') && words.keys.has(word))) found.push(word);
  return found;
}
