// Putting a point off "later" needs a date still to come: a date gone by would make the point overdue
// the moment it is saved.
import { describe, expect, it } from 'vitest';
import { runInterview } from '../../src/interview/run-interview.js';
import { checkDueDate } from '../../src/interview/value-kinds/index.js';
import { miniMethodology } from '../helpers.js';
import { TODAY, interviewSession } from './interview-session.js';
import { ScriptedAsker, act, roster } from './scripted-asker.js';

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

  it('asks again when an asker hands back a past date, and saves only the date to come', async () => {
    const asker = new ScriptedAsker([
      { ask: 'screener.type', reply: act('skip') },
      roster({ name: 'Cy', roles: [] }),
      { ask: 'first.purpose', reply: act('later') },
      { choose: 'Cy' },
      { date: '2025-01-01' },
      { date: '2026-09-30' },
      { ask: 'first.people', interrupt: 'SIGTERM' },
    ]);
    const s = interviewSession(asker, 'community:\n  name: Makers\n', miniMethodology());
    await expect(runInterview(s.asker, s.options)).rejects.toMatchObject({ signal: 'SIGTERM' });
    expect(asker.remaining).toBe(0);
    expect(s.last().assessment).toEqual({ 'first.purpose': { owner: 'Cy', due: '2026-09-30' } });
    expect(s.saves.some((text) => text.includes('2025-01-01'))).toBe(false);
  });
});
