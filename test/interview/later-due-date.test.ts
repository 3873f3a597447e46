// Putting a point off "later" needs a date still to come: a date gone by would make the point overdue
// the moment it is saved.
import { describe, expect, it } from 'vitest';
import { runInterview } from '../../src/interview/run-interview.js';
import { checkDueDate } from '../../src/interview/value-kinds/index.js';
import { miniMethodology } from '../helpers.js';
import { TODAY, interviewSession } from './interview-session.js';
import { ScriptedAsker, act, roster, type Step } from './scripted-asker.js';

/** An interview where the first point is put off "later", the owner and date given by `steps`; stopped at the next question. */
async function putOff(steps: Step[]): Promise<{ asker: ScriptedAsker; s: ReturnType<typeof interviewSession> }> {
  const asker = new ScriptedAsker([
    { ask: 'screener.type', reply: act('skip') },
    roster({ name: 'Cy', roles: [] }),
    { ask: 'first.purpose', reply: act('later') },
    ...steps,
    { ask: 'first.people', interrupt: 'SIGTERM' },
  ]);
  const s = interviewSession(asker, 'community:\n  name: Makers\n', miniMethodology());
  await expect(runInterview(s.asker, s.options)).rejects.toMatchObject({ signal: 'SIGTERM' });
  expect(asker.remaining).toBe(0);
  return { asker, s };
}

describe('the date a point is put off to', () => {
  it('refuses a date before today with the reason, and takes today or later', () => {
    expect(TODAY).toBe('2026-07-01');
    expect(checkDueDate('2025-01-01', TODAY)).toEqual({
      ok: false,
      problem: 'that date has passed: give today (2026-07-01) or a later one',
    });
    expect(checkDueDate('2026-06-30', TODAY).ok).toBe(false);
    expect(checkDueDate('2026-07-01', TODAY)).toEqual({ ok: true, value: '2026-07-01' });
    expect(checkDueDate('2026-09-30', TODAY)).toEqual({ ok: true, value: '2026-09-30' });
    expect(checkDueDate('2026-02-30', TODAY)).toEqual({ ok: false, problem: 'enter a date as YYYY-MM-DD' });
  });

  it("refuses an owner's name with no letter in it (a date typed in the wrong box), and takes the name typed next", async () => {
    const { asker, s } = await putOff([{ choose: '\u0000new' }, { text: '2027-01-15' }, { text: 'Ben Ito' }, { date: '2026-09-30' }]);
    expect(asker.refusedTexts).toEqual([{ text: '2027-01-15', problem: "'2027-01-15' is not a name: a name has letters" }]);
    expect(s.last().assessment).toEqual({ 'first.purpose': { owner: 'Ben Ito', due: '2026-09-30' } });
  });

  it('asks again when an asker hands back a past date, and saves only the date to come', async () => {
    const { s } = await putOff([{ choose: 'Cy' }, { date: '2025-01-01' }, { date: '2026-09-30' }]);
    expect(s.last().assessment).toEqual({ 'first.purpose': { owner: 'Cy', due: '2026-09-30' } });
    expect(s.saves.some((text) => text.includes('2025-01-01'))).toBe(false);
  });
});
