// Issue 17 on the built-in methodology: an interview a community manager finishes. The stage is
// confirmed and Running asks its date first; people come before any question that names one; a quick
// path of at most about 30 questions ends with a level and a to-do list; answers mean what they say;
// the user can jump, and a skipped block stays skipped.
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import type { AskRequest } from '../../src/interview/asker.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { renderStarterPlan } from '../../src/plan/starter-plan.js';
import { builtinMethodology } from '../helpers.js';
import { builtinPlan, interviewSession } from './interview-session.js';
import { PolicyAsker, type Policy } from './policy-asker.js';
import { act, answer } from './scripted-asker.js';

const m = builtinMethodology();
/** What `commready init --type grassroots` writes: `stage: planning` already there. */
const STARTER = renderStarterPlan(m, { schemaPath: 'plan.schema.json', name: 'My community', type: 'grassroots' });

const CLUB = {
  'community.name': 'Photo club',
  'community.type': 'grassroots',
  'community.stage': 'running',
  'community.opened': '2024-09-01',
  'community.formality': 'volunteer',
  'community.size': 30,
  'community.format': 'in-person',
  'community.minors': false,
  'community.regions': 'FR',
};
const CUSTOMER = {
  ...CLUB,
  'community.name': 'Acme users',
  'community.type': 'customer',
  'community.stage': 'planning',
  'community.formality': 'funded',
  'community.size': 500,
  'community.format': 'online',
};
const OPEN_SOURCE = {
  ...CLUB,
  'community.name': 'Libfoo',
  'community.type': 'open-source',
  'community.stage': 'launching',
  'community.opened': '2026-05-01',
  'community.size': 60,
  'community.format': 'online',
};
const ROSTER = [
  { name: 'Ana Lima', roles: ['host', 'moderator'] },
  { name: 'Bo', roles: ['greeter'] },
];

function club(policy: Policy, text = STARTER, extra: Parameters<typeof interviewSession>[3] = {}) {
  const asker = new PolicyAsker({ facts: CLUB, roster: ROSTER, offers: 'stop', ...policy });
  return interviewSession(asker, text, m, extra);
}
const isPerson = (r: AskRequest): boolean =>
  r.fill.value.kind === 'person' || (r.fill.value.kind === 'records' && r.fill.value.fields.some((f) => f.value.kind === 'person'));

describe('the stage and profile are confirmed', () => {
  it('asks the stage of a plan init wrote, and Running asks the opening date before anything is checked', async () => {
    const s = club({});
    await runInterview(s.asker, s.options);
    const screener = s.asker.asked.filter((r) => r.position.block === 'screener').map((r) => r.fill.path);
    expect(screener.indexOf('community.opened')).toBe(screener.indexOf('community.stage') + 1);
    expect(s.last().community).toMatchObject({ name: 'Photo club', stage: 'running', opened: '2024-09-01', formality: 'volunteer' });
    // The stage init wrote is offered as it stands, never taken as said.
    expect(s.asker.asked.find((r) => r.fill.path === 'community.stage')!.default).toBe('planning');
    // A grassroots plan is offered its own formality first; whether minors take part is never assumed.
    expect(s.asker.asked.find((r) => r.fill.path === 'community.formality')!.default).toBe('volunteer');
    const minors = s.asker.asked.find((r) => r.fill.path === 'community.minors')!;
    expect([minors.default, minors.noDefault]).toEqual([undefined, true]);
  }, 120_000);

  it('asks the stage again after a first session that stopped before it was confirmed', async () => {
    const first = club({
      reply: (r) => {
        if (r.fill.path === 'community.stage') throw new InterruptedError('SIGINT', 'interrupted');
        return undefined;
      },
    });
    await expect(runInterview(first.asker, first.options)).rejects.toBeInstanceOf(InterruptedError);
    expect(first.last().community).toMatchObject({ name: 'Photo club', type: 'grassroots', stage: 'planning' });
    const second = club({}, first.saves.at(-1)!);
    await runInterview(second.asker, second.options);
    const asked = second.asker.asked.filter((r) => r.position.block === 'screener').map((r) => r.fill.path);
    expect(asked).toEqual(expect.arrayContaining(['community.type', 'community.formality', 'community.stage', 'community.opened']));
    expect(second.last().community).toMatchObject({ stage: 'running', opened: '2024-09-01' });
  }, 120_000);
});

describe('people first', () => {
  it('asks who is involved before any question that names a person, saves them, and offers them wherever a person is asked', async () => {
    const s = club({ reply: (r) => (r.fill.path === 'team.host.name' ? answer('Cy Ruiz') : undefined) }, STARTER, {
      scope: { all: true },
    });
    s.asker.roster = async (request) => {
      s.asker.rosterRequests.push(request);
      // Every question asked before the roster is the screener's, and none of them names a person.
      expect(s.asker.asked.every((r) => r.position.block === 'screener' && !isPerson(r))).toBe(true);
      return { action: 'answer', value: ROSTER };
    };
    await runInterview(s.asker, s.options);
    expect(s.asker.rosterRequests).toHaveLength(1);
    const host = s.asker.asked.find((r) => r.fill.path === 'team.host.name')!;
    expect(host.people).toEqual(['Ana Lima', 'Bo']);
    // Someone new named where a person is asked joins the roster with that role, in the club's words.
    expect(s.last().people.slice(0, 2)).toEqual(ROSTER);
    expect(s.last().people).toContainEqual({ name: 'Cy Ruiz', roles: ['organiser'] });
    // The roster's host is pointed at, though the club calls the role its organiser.
    expect(host.holders).toEqual(['Ana Lima']);
    expect(s.last().team.host.name).toBe('Cy Ruiz');
  }, 120_000);
});

describe('the quick path', () => {
  it.each([
    ['a volunteer club', CLUB],
    ['a customer community in planning', CUSTOMER],
    ['an open-source project at launch', OPEN_SOURCE],
  ])(
    'for %s ends within 30 questions and 10 minutes with a level and the to-do list',
    async (_, facts) => {
      // Answered through, the quick path asks exactly what its estimate counted.
      const plain = club({ facts });
      await runInterview(plain.asker, plain.options);
      const [start] = plain.asker.eventsOf('block-start');
      expect(start).toMatchObject({ block: 'quick' });
      expect(start!.minutes).toBeLessThanOrEqual(10);
      // It names the level it reaches answered in full (see interview-agenda.test.ts: the promise holds).
      expect(start!.level).toBeDefined();
      expect(plain.asker.asked.filter((r) => r.position.block === 'quick')).toHaveLength(start!.questions);
      expect(plain.asker.asked.length + plain.asker.rosterRequests.length).toBeLessThanOrEqual(30);

      // The first point of the quick path taken on for later, by Ana: it ends on the to-do list.
      let first = true;
      const s = club({
        facts,
        reply: (r) => {
          if (r.position.block !== 'quick' || !first || !r.actions.includes('later')) return undefined;
          first = false;
          return act('later');
        },
        choices: { 'Who will answer it?': 'Ana Lima' },
        texts: ['2026-09-30'],
      });
      await runInterview(s.asker, s.options);
      expect(s.asker.asked.length + s.asker.rosterRequests.length).toBeLessThanOrEqual(30);
      const [summary] = s.asker.eventsOf('summary');
      expect(summary!.final).toBe(false);
      expect(summary!.level.length).toBeGreaterThan(0);
      expect(summary!.todo).toEqual([expect.objectContaining({ owner: 'Ana Lima', due: '2026-09-30' })]);
      expect(s.asker.screens).toContain('To do, taken on for later (1):');
    },
    120_000,
  );
});

describe('answers mean what they say', () => {
  const customer = (policy: Policy, items: string[]) =>
    interviewSession(
      new PolicyAsker({ facts: CUSTOMER, offers: 'now', ...policy }),
      builtinPlan({ type: 'customer', formality: 'funded' }),
      m,
      { scope: { items } },
    );

  it('"No" records the point unmet with what is missing, and asks none of its other questions', async () => {
    const s = customer({ reply: (r) => (r.fill.path === 'purpose.statement.who' ? act('no') : undefined) }, ['purpose.statement']);
    await runInterview(s.asker, s.options);
    expect(s.asker.asked.map((r) => r.fill.path)).toEqual(['purpose.statement.who']);
    const entry = s.last().assessment['purpose.statement'];
    expect(entry.status).toBe('unmet');
    expect(entry.note).toMatch(/^Not in place yet: \S/);
  }, 120_000);

  it('a rated point offers its own "No" once: no second "No, not in place yet" beside it', async () => {
    const s = customer({}, ['engagement.relationships']);
    await runInterview(s.asker, s.options);
    const rating = s.asker.asked.find((r) => r.fill.path === 'assessment.engagement.relationships.status');
    expect(rating).toBeDefined();
    expect(rating!.fill.value.kind === 'one-choice' && rating!.fill.value.choices.map((c) => c.value)).toContain('unmet');
    expect(rating!.actions).not.toContain('no');
    // A fact's question keeps the honest "No".
    const other = customer({}, ['purpose.statement']);
    await runInterview(other.asker, other.options);
    expect(other.asker.asked.find((r) => r.fill.path === 'purpose.statement.who')!.actions).toContain('no');
  }, 120_000);

  it("n/a with a reason skips the point's other questions", async () => {
    const s = customer({ reply: (r) => (r.question.id === 'purpose.budget' ? act('na') : undefined), texts: ['Paid by the members'] }, [
      'purpose.budget',
    ]);
    await runInterview(s.asker, s.options);
    expect(new Set(s.asker.asked.map((r) => r.question.id))).toEqual(new Set(['purpose.budget']));
    expect(s.last().assessment['purpose.budget']).toEqual({ status: 'n/a', note: 'Paid by the members', reviewed: '2026-07-01' });
  }, 120_000);

  it('Later keeps the facts already given: the point keeps its status, with an owner and a date beside it', async () => {
    const s = customer(
      { reply: (r) => (r.fill.path === 'purpose.statement.together' ? act('later') : undefined), texts: ['Ana', '2026-10-01'] },
      ['purpose.statement'],
    );
    await runInterview(s.asker, s.options);
    expect(s.last().assessment['purpose.statement']).toEqual({ owner: 'Ana', due: '2026-10-01' });
    const item = s.options.commit(s.saves.at(-1)!);
    if (!item.ok) throw new Error(item.problem);
    const judged = item.assessment.items.find((i) => i.itemId === 'purpose.statement')!;
    expect(judged.status).toBe('partial');
    expect(judged.later).toMatchObject({ owner: 'Ana', due: '2026-10-01' });
  }, 120_000);

  it("states the threshold in force before the answer, in the profile's numbers", async () => {
    const s = customer({}, ['governance.capacity']);
    await runInterview(s.asker, s.options);
    const hours = s.asker.asked.find((r) => r.fill.path === 'team.host.hours_per_week')!;
    expect(hours.threshold).toMatch(/\b20\b/);
  }, 120_000);
});

describe('navigation', () => {
  it('jumps to a phase from any question, then goes on where it was', async () => {
    let jumped = false;
    const s = club({
      reply: (r) => {
        if (jumped || r.position.block !== 'quick') return undefined;
        jumped = true;
        return act('jump');
      },
      choices: { 'Where to?': 'phase:platform' },
    });
    await runInterview(s.asker, s.options);
    const at = s.asker.asked.findIndex((r) => r.position.block === 'quick');
    const from = s.asker.asked[at]!;
    const detour = s.asker.asked[at + 1]!;
    expect([detour.position.block, detour.question.phaseId]).toEqual(['detour', 'platform']);
    // Back from the detour, the question it left is asked again, with the same number.
    const back = s.asker.asked.slice(at + 1).find((r) => r.position.block === 'quick')!;
    expect([back.question.id, back.position.question]).toEqual([from.question.id, from.position.question]);
  }, 120_000);

  it('does not offer again a block of optional points skipped in an earlier session, unless asked to', async () => {
    const remembered: string[][] = [];
    const first = club({}, STARTER, { rememberSkipped: (b) => remembered.push([...b]) });
    // Every tier answered now, except the optional points: skipped.
    first.asker.choose = async <T extends string>(_: string, choices: readonly { value: T; name: string }[]) =>
      (choices.find((c) => c.value === 'skip') ?? choices.find((c) => c.value === 'now') ?? choices[0]!).value;
    await runInterview(first.asker, first.options);
    expect(remembered).toEqual([['optional']]);

    const text = first.saves.at(-1)!;
    const again = club({ offers: 'now' }, text, { skippedBefore: ['optional'] });
    await runInterview(again.asker, again.options);
    expect(again.asker.asked.some((r) => r.position.block === 'optional')).toBe(false);
    expect(again.asker.eventsOf('notice').some((n) => n.code === 'skipped-remembered')).toBe(true);

    const all = club({ offers: 'now' }, text, { skippedBefore: ['optional'], scope: { all: true } });
    await runInterview(all.asker, all.options);
    expect(all.asker.asked.some((r) => r.position.block === 'optional')).toBe(true);
  }, 120_000);
});
