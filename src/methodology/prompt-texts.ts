// Pure: the methodology's own wording, as a plan might paste it back for an answer. "Describe the people
// the community is for" under audience.primary.who is the question, not an answer: read as one, a plan
// of pasted prompts would meet every point whose rule asks only for text.
import { foldText } from './plan-facts.js';
import { allItems, type Methodology } from './types.js';

/**
 * Whether a text is, once folded as list entries are compared (case, spacing and punctuation aside), one
 * of the methodology's item titles, questions, question help, list field prompts or rule messages. Made
 * once per methodology: every plan of a run asks it about its texts.
 */
export function promptTextsOf(methodology: Methodology): (text: string) => boolean {
  let test = tests.get(methodology);
  if (!test) tests.set(methodology, (test = promptTest(methodology)));
  return test;
}

const tests = new WeakMap<Methodology, (text: string) => boolean>();

function promptTest(methodology: Methodology): (text: string) => boolean {
  const prompts = new Set<string>();
  const add = (text: string | undefined): void => {
    // A wording with a placeholder ('{host_hours_min} hours') is filled in per plan: never pasted as written.
    if (text === undefined || text.includes('{')) return;
    const folded = foldText(text);
    // A prompt of a word or two ('Name', 'Channel') may well be an answer elsewhere.
    if (folded.split(' ').length >= MIN_WORDS) prompts.add(folded);
  };
  for (const item of allItems(methodology)) {
    add(item.title);
    add(item.question.message);
    add(item.question.help);
    for (const field of item.question.fields ?? []) add(field.message);
    for (const rule of item.evidence) add(rule.message);
  }
  let shortest = Infinity;
  for (const p of prompts) shortest = Math.min(shortest, p.length);
  // Folding only takes characters out, so a text shorter than the shortest prompt is none (most texts: names, dates).
  return (text) => text.length >= shortest && prompts.has(foldText(text));
}

/** Words a prompt needs to be told from an answer. */
const MIN_WORDS = 4;
