// Pure: the methodology's own wording, as a plan might paste it back for an answer. "Describe the people
// the community is for" under audience.primary.who is the question, not an answer: read as one, a plan
// of pasted prompts would meet every point whose rule asks only for text.
import { allItems, type Methodology } from './types.js';

/**
 * Whether a text is, letters and digits alike (case, spacing and punctuation aside), one of the
 * methodology's item titles, questions, question help, list field prompts or rule messages. Made once per
 * methodology: every plan of a run asks it about each of its texts, so most are settled by their length or
 * a number computed without making a string.
 */
export function promptTextsOf(methodology: Methodology): (text: string) => boolean {
  let test = tests.get(methodology);
  if (!test) tests.set(methodology, (test = promptTest(methodology)));
  return test;
}

const tests = new WeakMap<Methodology, (text: string) => boolean>();

function promptTest(methodology: Methodology): (text: string) => boolean {
  const byHash = new Map<number, Set<string>>();
  let shortest = Infinity;
  let longest = 0;
  const add = (text: string | undefined): void => {
    // A wording with a placeholder ('{host_hours_min} hours') is filled in per plan: never pasted as written.
    // One of a few words ('Name', 'Channel owner') may well be an answer elsewhere.
    if (text === undefined || text.includes('{') || text.trim().split(/\s+/).length < MIN_WORDS) return;
    const key = signature(text);
    let keys = byHash.get(signatureHash(text));
    if (!keys) byHash.set(signatureHash(text), (keys = new Set()));
    keys.add(key);
    shortest = Math.min(shortest, key.length);
    longest = Math.max(longest, text.length);
  };
  for (const item of allItems(methodology)) {
    add(item.title);
    add(item.question.message);
    add(item.question.help);
    for (const field of item.question.fields ?? []) add(field.message);
    for (const rule of item.evidence) add(rule.message);
  }
  // The signature only drops characters, so a text shorter than the shortest prompt's is none (names, dates);
  // one far longer than the longest prompt says more than it.
  return (text) => {
    if (text.length < shortest || text.length > longest * 2) return false;
    const keys = byHash.get(signatureHash(text));
    return keys !== undefined && keys.has(signature(text));
  };
}

/** Words a prompt needs to be told from an answer. */
const MIN_WORDS = 4;

/** Whether a character counts in a signature: a letter or digit (ASCII folded to lower case), or any letter beyond ASCII but spaces and punctuation. */
function signatureCode(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c;
  if (c >= 0x41 && c <= 0x5a) return c | 0x20;
  if (c >= 0x30 && c <= 0x39) return c;
  if (c < 0x80 || c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff) return -1;
  return c;
}

/** FNV-1a over the signature's codes, made without building the signature. */
function signatureHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = signatureCode(text.charCodeAt(i));
    if (c < 0) continue;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash >>> 0;
}

/** The text's letters and digits, in lower case: what two wordings of one prompt share. */
function signature(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = signatureCode(text.charCodeAt(i));
    if (c >= 0) out += String.fromCharCode(c);
  }
  return out;
}
