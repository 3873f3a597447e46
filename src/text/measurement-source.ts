// Pure: whether the stated source of an observed figure says it was never measured ('none', 'our
// estimate', 'target'). A dated figure whose source says so is a guess with a date on it: health that
// rests on it would be computed from nothing.
import { isNonAnswer } from './non-answer.js';

/**
 * True when a figure's `source` names no measurement: a non-answer ('none', 'n/a', 'unknown', 'tbd'), or
 * only a guess, an estimate, a target or a plan ('our best guess', 'estimate', 'the target'). A source that
 * says how an estimate was made ('estimated from a 10% sample of the forum export') names a measurement,
 * and so does any longer text: only the whole text is read.
 */
export function namesNoMeasurement(source: string): boolean {
  if (isNonAnswer(source)) return true;
  if (source.length > LONGEST) return false;
  const words = source
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  while (words.length > 1 && LEAD_WORDS.has(words[0]!)) words.shift();
  return words.length > 0 && words.length <= 3 && NO_MEASUREMENT.has(words.join(' '));
}

/** Words a source may open on that say nothing of where the figure comes from ('our', 'a rough'). */
const LEAD_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'our',
  'my',
  'just',
  'only',
  'rough',
  'roughly',
  'best',
  'educated',
  'wild',
  'informal',
  'internal',
  'team',
  'management',
  'simply',
]);

/** What a figure is when it was never measured: each a whole source once its lead words are gone. */
const NO_MEASUREMENT: ReadonlySet<string> = new Set([
  'estimate',
  'estimates',
  'estimated',
  'estimation',
  'guess',
  'guesses',
  'guessed',
  'guesstimate',
  'assumption',
  'assumed',
  'assume',
  'target',
  'targets',
  'goal',
  'goals',
  'aim',
  'objective',
  'forecast',
  'projection',
  'projected',
  'expected',
  'expectation',
  'hope',
  'wish',
  'plan',
  'the plan',
  'gut feeling',
  'gut feel',
  'gut',
  'feeling',
  'intuition',
  'impression',
  'anecdotal',
  'anecdote',
  'made up',
  'invented',
  'placeholder',
  'example',
  'dummy',
  'fake',
  'sample value',
  'not measured',
  'unmeasured',
  'no data',
  'no source',
  'no measurement',
  'none yet',
  'from memory',
  'memory',
  'opinion',
]);

/** Longer sources say more than one of the phrases above, with any lead words. */
const LONGEST = 60;
