// A name typed where a person is asked that is not on the roster is confirmed before it joins it: a typo
// must not make a new person. The roster names it may be a slip for are offered; where the plan does not
// need a roster name (who approved the budget may be a board), it may stay as written, off the roster.
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { questionsFromMethodology } from '../../src/interview/questions-from-methodology.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { builtinMethodology } from '../helpers.js';
import { builtinPlan, interviewSession, planSchema } from './interview-session.js';
import { ScriptedAsker, act, answer, type Step } from './scripted-asker.js';

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

describe('every question that asks for a person', () => {
  const questions = questionsFromMethodology(m, planSchema);
  /** Every fill and list field, with its path, its prompt and its kind. */
  const asked = questions.flatMap((q) =>
    q.fills.flatMap((f) => [
      { path: f.path, message: f.message ?? q.message, spec: f.value },
      ...(f.value.kind === 'records'
        ? f.value.fields.map((x) => ({ path: `${f.path}.*.${x.key}`, message: x.message, spec: x.value }))
        : []),
    ]),
  );
  const kindAt = (path: string) => asked.find((a) => a.path === path)?.spec;

  it('offers the roster where the answer is a name, one or several', () => {
    expect(kindAt('purpose.budget.approved_by')).toEqual({ kind: 'person', role: 'budget approver' });
    expect(kindAt('team.stakeholders.*.name')).toEqual({ kind: 'person' });
    expect(kindAt('governance.roles.*.backup')).toEqual({ kind: 'person' });
    expect(kindAt('observed.member_leaders.*.name')).toEqual({ kind: 'person' });
    expect(kindAt('governance.ownership.assets.*.holders')).toEqual({ kind: 'person', several: true });
  });

  it('asks as free text only where the answer may be a group, a team or an organisation', () => {
    const free = asked
      .filter((a) => /^(who|person)\b/i.test(a.message) && ['short-text', 'long-text', 'text-list'].includes(a.spec.kind))
      .map((a) => a.path);
    expect(free).toEqual([
      // The members the community is for, who may join, who is recognised: not someone on the team.
      'purpose.statement.who',
      'audience.primary.who',
      'audience.membership.criteria',
      // The organisation owning the accounts, a decision body, criteria written out.
      'governance.ownership.owner',
      'governance.conflict.final_say',
      'launch.go_no_go.criteria',
      'engagement.recognition.*.how',
      // A person or a team; the scorecard's readers.
      'engagement.staff_participation.*.who',
      'measures.reporting.audience',
    ]);
  });
});

describe('who approved the budget', () => {
  it('is picked from the roster; a name new to it may also stay as written, off the roster (a board, the members)', async () => {
    const plan = `${PLAN}purpose:\n  budget:\n    approved: true\n`;
    const run = async (script: Step[]) => {
      const s = interviewSession(new ScriptedAsker(script), plan, m, { scope: { items: ['purpose.budget'] } });
      await runInterview(s.asker, s.options);
      return s;
    };
    const board = await run([
      { ask: 'purpose.budget', reply: act('skip') },
      { ask: 'purpose.budget-approval', reply: answer('the members, at the yearly meeting') },
      { choose: 'off' },
      { ask: 'purpose.budget-approval', reply: answer(12000) },
      { confirm: false },
    ]);
    expect(board.asker.remaining).toBe(0);
    expect(board.last().purpose.budget.amount).toBe(12000);
    expect(board.asker.asked[1]).toMatchObject({ fill: { value: { kind: 'person' } }, people: ['Ana Lima', 'Ben Itoh'] });
    expect(board.asker.offered[0]).toContain('Keep it as written, off the roster (not on the team, or a group such as a board)');
    expect(board.last().purpose.budget.approved_by).toBe('the members, at the yearly meeting');
    expect(board.last().people).toEqual(ROSTER);
  });
});

describe('several names new to the roster where the plan does not need roster names', () => {
  it('may all stay as written, off the roster (a team on call, a board)', async () => {
    const roles = [
      { name: 'Moderation', responsibilities: 'Reviews flagged posts', holder: 'Ana Lima', backup: 'IT on-call' },
      { name: 'Events', responsibilities: 'Runs the monthly meetup', holder: 'Ben Itoh', backup: 'The board' },
    ];
    const s = interviewSession(
      new ScriptedAsker([{ ask: 'governance.roles', reply: answer(roles) }, { choose: 'off' }, { confirm: false }]),
      PLAN,
      m,
      { scope: { items: ['governance.roles'] } },
    );
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    expect(s.asker.prompts[0]).toBe('2 names are not on the roster yet: IT on-call, The board.');
    expect(s.asker.offered[0]).toContain('Keep them as written, off the roster (not on the team, or groups)');
    expect(s.last().people).toEqual(ROSTER);
    expect(s.last().governance.roles.map((r: { backup: string }) => r.backup)).toEqual(['IT on-call', 'The board']);
  });
});
