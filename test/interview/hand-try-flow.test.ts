// Defects found trying the interview by hand, on the built-in methodology: defaults that would choose for
// the user, resumes that ask again, advice that leads nowhere, counts that disagree.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { InterruptedError } from '../../src/errors.js';
import type { AskRequest } from '../../src/interview/asker.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { renderStarterPlan } from '../../src/plan/starter-plan.js';
import { builtinMethodology } from '../helpers.js';
import { interviewSession } from './interview-session.js';
import { PolicyAsker } from './policy-asker.js';

const m = builtinMethodology();
const starter = (type: string): string => renderStarterPlan(m, { schemaPath: 'plan.schema.json', name: 'Quillmark', type });

/** The request for `path` in a new plan's screener; the interview stops there. */
async function screenerRequest(type: string, path: string, facts: Record<string, unknown> = {}): Promise<AskRequest> {
  let seen: AskRequest | undefined;
  const asker = new PolicyAsker({
    facts: { 'community.type': type, ...facts },
    reply: (r) => {
      if (r.fill.path !== path) return undefined;
      seen = r;
      throw new InterruptedError('SIGINT', 'interrupted');
    },
  });
  const s = interviewSession(asker, starter(type), m, { newPlan: true });
  await expect(runInterview(s.asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
  return seen!;
}

describe('no answer chosen for the user where a wrong one is unsafe', () => {
  it('offers open source no formality: the pointer starts on nothing', async () => {
    const formality = await screenerRequest('open-source', 'community.formality');
    expect(formality.default).toBeUndefined();
    expect(formality.noDefault).toBe(true);
  }, 120_000);

  it.each([
    ['grassroots', 'volunteer'],
    ['customer', 'funded'],
  ])(
    'offers %s its own formality, %s',
    async (type, formality) => {
      const request = await screenerRequest(type, 'community.formality');
      expect([request.default, request.noDefault]).toEqual([formality, undefined]);
    },
    120_000,
  );
});

/** A customer community in planning, as the screener is answered. */
const CUSTOMER = Object.fromEntries(
  Object.entries({
    name: 'Acme users',
    type: 'customer',
    stage: 'planning',
    formality: 'funded',
    size: 500,
    format: 'online',
    regions: 'FR',
  }).map(([key, value]) => [`community.${key}`, value]),
);
const ROSTER = [{ name: 'Ana Lima', roles: ['host', 'moderator', 'sponsor'] }];

describe('coming back after "Don\'t know yet"', () => {
  it('asks only the question not known yet, not the whole screener, and counts no answer given again as saved', async () => {
    const dontKnowMinors = (r: AskRequest) => (r.fill.path === 'community.minors' ? ({ action: 'dont-know' } as const) : undefined);
    const first = interviewSession(
      new PolicyAsker({ facts: CUSTOMER, roster: ROSTER, offers: 'stop', reply: dontKnowMinors }),
      starter('customer'),
      m,
      { newPlan: true },
    );
    await runInterview(first.asker, first.options);
    // Stopped at the first offer: the checkpoint's summary is not printed a second time.
    const [summary, ...again] = first.asker.eventsOf('summary');
    expect(again).toEqual([]);
    // The summary names what to find out in words, and gives --item only item ids (a screener question has none).
    expect(summary!.dontKnow).toEqual([{ title: 'Do people under 18 take part?', itemIds: [] }]);
    expect(first.asker.screens.join('\n')).not.toMatch(/--item screener\./);

    {
      const text = first.saves.at(-1)!;
      // Past the screener, every question is passed over: only what the screener saves would count.
      const passOver = (r: AskRequest) => dontKnowMinors(r) ?? (r.actions.includes('skip') ? ({ action: 'skip' } as const) : undefined);
      const again = interviewSession(new PolicyAsker({ facts: CUSTOMER, offers: 'stop', reply: passOver }), text, m);
      const result = await runInterview(again.asker, again.options);
      const screener = again.asker.asked.filter((r) => r.position.block === 'screener').map((r) => r.fill.path);
      expect(screener).toEqual(['community.minors']);
      expect(again.asker.eventsOf('resume')).toEqual([expect.objectContaining({ next: 'About the community' })]);
      expect(result.answered).toBe(0);
      expect(again.saves).toEqual([]);
    }
  }, 120_000);

  it('goes on at the part still open of a question left half done', async () => {
    const doc = parseDocument(starter('customer'));
    doc.setIn(['purpose', 'budget', 'approved'], true);
    const base = doc.toString();
    const s = interviewSession(new PolicyAsker({ facts: CUSTOMER, offers: 'stop' }), base, m, { scope: { items: ['purpose.budget'] } });
    await runInterview(s.asker, s.options);
    const asked = s.asker.asked.filter((r) => r.question.id === 'purpose.budget-approval').map((r) => r.fill.path);
    expect(asked).toEqual(['purpose.budget.approved_by', 'purpose.budget.amount']);
  }, 120_000);
});

describe('counts that agree', () => {
  it('says as many questions left for later as the offer counted, and a phase in the jump menu as many as it then numbers', async () => {
    let jumped = false;
    const asker = new PolicyAsker({
      facts: CUSTOMER,
      roster: ROSTER,
      choices: { 'Where to?': 'phase:launch' },
      reply: (r) => {
        if (jumped || r.position.block !== 'quick') return undefined;
        jumped = true;
        return { action: 'jump' };
      },
    });
    let menu: string[] = [];
    const offers: string[] = [];
    /** The offers put off to later, by how many questions they said. */
    const putOff: number[] = [];
    const choose = asker.choose.bind(asker);
    asker.choose = async <T extends string>(message: string, choices: readonly { value: T; name: string }[]): Promise<T> => {
      if (message === 'Where to?') menu = choices.map((c) => c.name);
      offers.push(message);
      if (choices.some((c) => c.value === 'later')) putOff.push(Number(/: (\d+) questions?, about/.exec(message)![1]));
      // Every block put off to later where it can be, the optional points skipped.
      const put = choices.find((c) => c.value === 'later') ?? choices.find((c) => c.value === 'skip');
      return put ? put.value : choose(message, choices);
    };
    const s = interviewSession(asker, starter('customer'), m, { newPlan: true });
    await runInterview(s.asker, s.options);
    const offered = offers.flatMap((p) => /: (\d+) questions?, about/.exec(p)?.[1] ?? []).map(Number);
    const deferred = asker.eventsOf('notice').flatMap((n) => (n.code === 'deferred' ? [n.count] : []));
    expect(offered.length).toBeGreaterThan(0);
    expect(deferred).toEqual(offered);
    // A whole block put off gets one owner for the lot, asked once, saying how many questions: never "it".
    const owners = offers.filter((p) => p.startsWith('Who will answer'));
    expect(putOff.length).toBeGreaterThan(0);
    expect(owners).toEqual(putOff.map((n) => (n > 1 ? `Who will answer these ${n} questions?` : 'Who will answer it?')));
    const launch = menu.find((name) => name.startsWith('Launch'))!;
    const [, total, open] = /: (\d+) questions?, (\d+) open/.exec(launch)!;
    const detour = s.asker.asked.filter((r) => r.position.block === 'detour');
    expect(detour[0]!.position.questions).toBe(Number(open));
    expect(Number(total)).toBeGreaterThanOrEqual(Number(open));
  }, 120_000);
});

describe('words that fit the stage', () => {
  it.each([
    // An open-source project counts its contributors (the year's), not its users.
    ['planning', {}, 'How many contributors does it have, or expect in its first year?'],
    ['running', { 'community.opened': '2016-03-01' }, 'How many contributors does it have today?'],
  ])(
    'asks a community %s about its size in its own tense',
    async (stage, more, message) => {
      const size = await screenerRequest('open-source', 'community.size', { 'community.stage': stage, ...more });
      expect(size.message).toBe(message);
    },
    120_000,
  );
});
