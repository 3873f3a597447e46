import { describe, expect, it } from 'vitest';
import { failedInForce } from '../../src/interview/failed-in-force.js';
import { profileInForce } from '../../src/interview/profile-in-force.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { findItem } from '../../src/methodology/types.js';
import { builtinMethodology } from '../helpers.js';
import { builtinPlan, interviewSession } from './interview-session.js';
import { ScriptedAsker, act, answer, type Step } from './scripted-asker.js';

const builtin = builtinMethodology();
const skip = (id: string): Step => ({ ask: id, reply: act('skip') });

function session(plan: string, items: string[], script: Step[]) {
  return interviewSession(new ScriptedAsker(script), plan, builtin, { scope: { items } });
}

describe('the interview asks and answers back in one unit', () => {
  it('asks a share in percent, refuses a bare fraction, stores 50 as 0.5, and states what is missing in percent', async () => {
    const s = session(
      builtinPlan({ type: 'customer', formality: 'funded' }),
      ['engagement.member-share-target'],
      [
        { ask: 'engagement.member-share-target', reply: answer('0.5') },
        { ask: 'engagement.member-share-target', reply: answer('40') },
        skip('engagement.member-share-by'),
        { confirm: false },
      ],
    );
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    const [refused, again] = s.asker.asked;
    expect(refused!.problem).toBeUndefined();
    expect(again!.problem).toBe('this asks for a percentage: type 50 for 50% (or 0.5% if you mean 0.5 percent)');
    expect(s.last().engagement.member_share_target).toBe(0.4);
    const feedback = s.asker.eventsOf('feedback')[0]!.items[0]!;
    expect(feedback.failed).toContain('Set the member share target to 50% or more.');
    expect(feedback.failed.join(' ')).not.toMatch(/\b0\.5\b/);
  });

  it('shows a stored share as a percentage by default, which the prompt takes back as it is', async () => {
    const plan = `${builtinPlan({ type: 'customer', formality: 'funded' })}engagement:\n  member_share_target: 0.005\n`;
    const s = session(
      plan,
      ['engagement.member-share-target'],
      [{ ask: 'engagement.member-share-target', reply: answer('60') }, skip('engagement.member-share-by'), { confirm: false }],
    );
    s.options.scope = { items: ['engagement.member-share-target'], all: true };
    await runInterview(s.asker, s.options);
    expect(s.asker.asked[0]!.default).toBe('0.5%');
    expect(s.last().engagement.member_share_target).toBe(0.6);
  });

  it("titles state the thresholds of the plan's profile in feedback and in why", async () => {
    const s = session(
      builtinPlan({ type: 'grassroots', formality: 'volunteer' }).replace('planning', 'launching\n  opened: 2026-06-01'),
      ['launch.response-promise'],
      [
        { ask: 'launch.response-promise', reply: act('why') },
        { ask: 'launch.response-promise', reply: answer('100') },
        skip('launch.response-rota'),
        { confirm: false },
      ],
    );
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    const title = 'Every new post in the launch weeks gets a human reply within 72 hours, covered by a rota of named people';
    expect(s.asker.eventsOf('why')[0]!.items[0]!.title).toBe(title);
    const feedback = s.asker.eventsOf('feedback')[0]!.items[0]!;
    expect(feedback.title).toBe(title);
    expect(feedback.failed).toContain(
      "Set the response time to 72 hours or less, and no less than 0.25 hours: a reply promised sooner is an auto-reply, not a person's.",
    );
  });

  it("states a share threshold in percent with the plan's own value, and keeps a rule's specifics", () => {
    const item = findItem(builtin, 'measurement.active-observed')!;
    const profile = profileInForce(builtin, { community: { type: 'customer' }, params: { active_share_established: 0.05 } });
    const stored =
      'Once the community is open, record in observed.active_contributors_30d, dated, the members who took part in the last 30 days; this point is met at 0.05 of community.size, and never fewer than 10.';
    expect(
      failedInForce(item, [{ path: 'observed.active_contributors_30d', message: stored, detail: '3 of 10' }], profile.stored, profile.text),
    ).toEqual([
      'Once the community is open, record in observed.active_contributors_30d, dated, the members who took part in the last 30 days; this point is met at 5% of community.size, and never fewer than 10. (3 of 10)',
    ]);
  });

  it('reads the thresholds in force from the profile and the plan: hours as numbers, shares as percentages', () => {
    const volunteer = profileInForce(builtin, { community: { type: 'grassroots', formality: 'volunteer' } });
    expect(volunteer.text.params.first_response_hours_max).toBe('72');
    expect(volunteer.text.params.member_share_established).toBe('50%');
    expect(volunteer.stored.params.member_share_established).toBe('0.5');
    const own = profileInForce(builtin, { community: { type: 'customer' }, params: { member_share_established: 0.6, bogus: 'x' } });
    expect([own.text.params.member_share_established, own.stored.params.member_share_established]).toEqual(['60%', '0.6']);
  });
});
