// A name typed where a person is asked that is not on the roster is confirmed before it joins it: a typo
// must not make a new person. The roster names it may be a slip for are offered; where the plan does not
// need a roster name (who approved the budget may be a board), it may stay as written, off the roster.
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { builtinMethodology } from '../helpers.js';
import { builtinPlan, interviewSession } from './interview-session.js';
import { ScriptedAsker, type Step } from './scripted-asker.js';

const m = builtinMethodology();
const ROSTER = [
  { name: 'Ana Lima', roles: ['host', 'moderator'] },
  { name: 'Ben Itoh', roles: ['moderator'] },
];
const PLAN = `${builtinPlan({ type: 'customer', formality: 'funded' })}people:\n${ROSTER.map((p) => `  - { name: ${p.name}, roles: [${p.roles.join(', ')}] }\n`).join('')}`;
/** The question after the list, where the test stops the interview as Ctrl-C does. */
const STOP: Step = { ask: 'governance.moderation-coverage', interrupt: 'SIGINT' };

/** The moderators' list answered with `entries` (as typed, one line each), then the script. */
async function moderators(entries: Record<string, unknown>[], script: Step[], joining?: string[]) {
  const reply = { action: 'answer' as const, value: entries, ...(joining ? { joining } : {}) };
  const s = interviewSession(new ScriptedAsker([{ ask: 'governance.moderation', reply }, ...script, STOP]), PLAN, m, {
    scope: { items: ['governance.moderation'] },
  });
  await expect(runInterview(s.asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
  expect(s.asker.remaining).toBe(0);
  return s;
}

describe('a name new to the roster, typed in a list', () => {
  it('is asked about before it joins, with the roster name it may be a typo of, and joins with the role when confirmed', async () => {
    const s = await moderators([{ name: 'Ben Ito', coverage: 'weekends' }], [{ choose: 'add' }]);
    expect(s.asker.prompts).toEqual(['Ben Ito is not on the roster yet: add them as moderator?']);
    expect(s.asker.offered[0]).toEqual([
      'Add Ben Ito to the roster as moderator',
      "It's a typo for Ben Itoh, who is on the roster",
      "It's a typo: type the name again",
    ]);
    expect(s.last().people).toEqual([...ROSTER, { name: 'Ben Ito', roles: ['moderator'] }]);
    expect(s.last().governance.moderation.moderators).toEqual([{ name: 'Ben Ito', coverage: 'weekends' }]);
  });

  it('is replaced by the roster name it was a typo of, and nobody joins', async () => {
    const s = await moderators([{ name: 'Ben Ito', coverage: 'weekends' }], [{ choose: 'is:Ben Itoh' }]);
    expect(s.last().people).toEqual(ROSTER);
    expect(s.last().governance.moderation.moderators).toEqual([{ name: 'Ben Itoh', coverage: 'weekends' }]);
  });

  it('can be typed again: a name on the roster replaces it, a name still new is asked about in its turn', async () => {
    const fixed = await moderators([{ name: 'Anna Lim', coverage: 'weekdays' }], [{ choose: 'fix' }, { text: 'ana lima' }]);
    expect(fixed.last().people).toEqual(ROSTER);
    expect(fixed.last().governance.moderation.moderators).toEqual([{ name: 'Ana Lima', coverage: 'weekdays' }]);

    const again = await moderators([{ name: 'Cyrus', coverage: 'nights' }], [{ choose: 'fix' }, { text: 'Cyra Noor' }, { choose: 'add' }]);
    expect(again.asker.prompts).toEqual([
      'Cyrus is not on the roster yet: add them as moderator?',
      'The name, as it should be (instead of Cyrus)',
      'Cyra Noor is not on the roster yet: add them as moderator?',
    ]);
    expect(again.last().people).toEqual([...ROSTER, { name: 'Cyra Noor', roles: ['moderator'] }]);
    expect(again.last().governance.moderation.moderators).toEqual([{ name: 'Cyra Noor', coverage: 'nights' }]);
  });

  it('offers several new names at once, all added or one by one; a name on the roster or said to be new is not asked about', async () => {
    const entries = [
      { name: 'Cy Lee', coverage: 'mornings' },
      { name: 'ana  LIMA', coverage: 'evenings' },
      { name: 'Dee', coverage: 'nights' },
      { name: 'Eve', coverage: 'weekends' },
    ];
    const all = await moderators(entries, [{ choose: 'add' }], ['Eve']);
    expect(all.asker.prompts).toEqual(['2 names are not on the roster yet: Cy Lee, Dee.']);
    // The moderators' names are checked against the roster: they cannot stay off it.
    expect(all.asker.offered[0]).toEqual(['Add them all to the roster', 'Go through them one by one (to fix a typo)']);
    expect(all.last().people.map((p: { name: string }) => p.name)).toEqual(['Ana Lima', 'Ben Itoh', 'Cy Lee', 'Dee', 'Eve']);

    const each = await moderators(entries, [{ choose: 'each' }, { choose: 'add' }, { choose: 'fix' }, { text: 'Ben Itoh' }], ['Eve']);
    expect(each.last().people.map((p: { name: string }) => p.name)).toEqual(['Ana Lima', 'Ben Itoh', 'Cy Lee', 'Eve']);
    expect(each.last().governance.moderation.moderators.map((e: { name: string }) => e.name)).toEqual([
      'Cy Lee',
      'ana  LIMA',
      'Ben Itoh',
      'Eve',
    ]);
  });

  it('is not added while the list is being entered: entries saved part way name nobody new', async () => {
    const asker = new ScriptedAsker([]);
    asker.ask = async (request) => {
      request.keep?.([{ name: 'Ben Ito', coverage: 'weekends' }]);
      throw new InterruptedError('SIGINT', 'interrupted');
    };
    const s = interviewSession(asker, PLAN, m, { scope: { items: ['governance.moderation'] } });
    await expect(runInterview(s.asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
    expect(s.last().governance.moderation.moderators).toEqual([{ name: 'Ben Ito', coverage: 'weekends' }]);
    expect(s.last().people).toEqual(ROSTER);
  });
});
