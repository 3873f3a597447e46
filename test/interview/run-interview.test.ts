import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { assessPlanText } from '../../src/interview/assess-plan-text.js';
import type { QuestionSpec } from '../../src/interview/question-model.js';
import { runInterview, type InterviewOptions, type InterviewScope } from '../../src/interview/run-interview.js';
import { screenerQuestions } from '../../src/interview/screener-questions.js';
import { builtinMethodology, miniMethodology, validation } from '../helpers.js';
import { TODAY, builtinPlan, interviewSession, type Session as InterviewSession } from './interview-session.js';
import { ScriptedAsker, act, answer, roster, type Step } from './scripted-asker.js';

const m = miniMethodology();
const EMPTY = 'community:\n  name: Makers\n';

type Session = InterviewSession<ScriptedAsker>;

function session(text: string, script: Step[], extra: Partial<InterviewOptions> & { scope?: InterviewScope } = {}): Session {
  return interviewSession(new ScriptedAsker(script), text, extra.methodology ?? m, extra);
}

/**
 * The whole mini interview: the screener, the roster (whose host answers "who hosts it?"), the quick path
 * (what Ready needs: the blockers, and the quicker of the two majors for the share and the score), then
 * the offered tiers.
 */
const FULL: Step[] = [
  { ask: 'screener.type', reply: answer('customer') },
  roster({ name: 'Ana', roles: ['host'] }),
  { ask: 'first.purpose', reply: answer('People who fix things together') },
  { ask: 'first.people', reply: answer('Ana, Bo, Cy') },
  { ask: 'second.sponsor', reply: answer('Acme') },
  { ask: 'first.values', reply: answer('met') },
  { choose: 'now' },
  { ask: 'second.rules', reply: answer('https://acme.example/rules') },
  { choose: 'now' },
  { ask: 'second.review', reply: answer('partial') },
  { confirm: false },
];

describe('the interview flow', () => {
  it('asks the screener, the roster, the quick path, then the tiers it offers, saving a valid plan after every answer', async () => {
    const s = session(EMPTY, [...FULL]);
    const result = await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    // The roster and the host it names are one answer.
    expect(result.answered).toBe(8);
    expect(s.saves).toHaveLength(8);
    for (const text of s.saves) expect(assessPlanText('plan.yaml', text, m, validation, TODAY).ok).toBe(true);
    expect(s.last()).toMatchObject({
      community: { name: 'Makers', type: 'customer' },
      people: [{ name: 'Ana', roles: ['host'] }],
      custom: {
        purpose: 'People who fix things together',
        people: ['Ana', 'Bo', 'Cy'],
        host: 'Ana',
        sponsor: 'Acme',
        rules_url: 'https://acme.example/rules',
      },
      assessment: { 'first.values': { status: 'met', reviewed: TODAY }, 'second.review': { status: 'partial', reviewed: TODAY } },
    });
    // Fields the plan format does not accept yet (stage, formality…) are not asked.
    expect(s.asker.asked.map((r) => r.question.id).filter((id) => id.startsWith('screener.'))).toEqual(['screener.type']);
    // The quick path: what the levels need, numbered by the questions it asks (the host, answered by the
    // roster, is not asked and takes no number).
    expect(
      s.asker.asked.filter((r) => r.position.block === 'quick').map((r) => [r.question.id, r.position.question, r.position.questions]),
    ).toEqual([
      ['first.purpose', 1, 4],
      ['first.people', 2, 4],
      ['second.sponsor', 3, 4],
      ['first.values', 4, 4],
    ]);
    expect(s.asker.eventsOf('block-start').map((e) => [e.block, e.questions, e.level])).toEqual([
      ['quick', 4, 'Ready'],
      ['important', 1, undefined],
      ['optional', 1, undefined],
    ]);
    // The quick path ends at the level it promised, then the interview ends with the final one.
    const [quick, summary] = s.asker.eventsOf('summary');
    expect(quick).toMatchObject({ final: false, level: 'Ready' });
    expect([summary!.final, summary!.level, summary!.score, summary!.blockers.map((b) => b.itemId)]).toEqual([
      true,
      'Ready',
      result.assessment!.score,
      [],
    ]);
    // What the interview says at the end is what lint says of the saved file.
    const relinted = assessPlanText('plan.yaml', s.saves.at(-1)!, m, validation, TODAY);
    expect(relinted.ok && [relinted.assessment.level.title, relinted.assessment.score]).toEqual([summary!.level, summary!.score]);
  });

  it('shows live feedback after an answer in plain words: the fed item, its status and what is missing', async () => {
    const s = session(EMPTY, [
      { ask: 'screener.type', reply: act('skip') },
      roster(),
      { ask: 'first.purpose', reply: answer('short one') },
      { ask: 'first.people', interrupt: 'SIGINT' },
    ]);
    await expect(runInterview(s.asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
    const feedback = s.asker.eventsOf('feedback')[0]!;
    expect(feedback.items).toEqual([
      { itemId: 'first.purpose', title: 'A purpose is written', status: 'unmet', failed: ['Write the purpose.'] },
    ]);
  });

  it('shows the rules in their own words, with plan paths, when asked to (--show-paths)', async () => {
    const s = session(
      EMPTY,
      [
        { ask: 'screener.type', reply: act('skip') },
        roster(),
        { ask: 'first.purpose', reply: answer('short one') },
        { ask: 'first.people', interrupt: 'SIGINT' },
      ],
      { showPaths: true },
    );
    await expect(runInterview(s.asker, s.options)).rejects.toBeInstanceOf(InterruptedError);
    expect(s.asker.eventsOf('feedback')[0]!.items[0]!.failed).toEqual(['Write the purpose under custom.purpose.']);
    expect(s.asker.asked.map((r) => r.path)).toEqual(['community.type', 'custom.purpose', 'custom.people']);
  });

  it('explains why on request, then asks the same question again', async () => {
    const s = session(EMPTY, [
      { ask: 'screener.type', reply: act('skip') },
      roster(),
      { ask: 'first.purpose', reply: act('why') },
      { ask: 'first.purpose', interrupt: 'SIGINT' },
    ]);
    await expect(runInterview(s.asker, s.options)).rejects.toThrow(InterruptedError);
    expect(s.asker.eventsOf('why')[0]!.items.map((i) => [i.itemId, i.why])).toEqual([['first.purpose', 'Everything follows from it.']]);
  });

  it('records n/a with its justification, refuses it without one, and where the item does not allow it', async () => {
    const s = session(EMPTY, [
      { ask: 'screener.type', reply: answer('customer') },
      roster(),
      { ask: 'first.purpose', reply: act('na') },
      { ask: 'first.purpose', reply: act('skip') },
      { ask: 'first.people', reply: act('skip') },
      { ask: 'first.host', reply: act('skip') },
      { ask: 'second.sponsor', reply: act('na') },
      { text: '' },
      // A note the assessment would set aside is no reason either.
      { ask: 'second.sponsor', reply: act('na') },
      { text: 'x' },
      { ask: 'second.sponsor', reply: act('na') },
      { text: 'The members pay for everything themselves.' },
      { ask: 'first.values', interrupt: 'SIGINT' },
    ]);
    await expect(runInterview(s.asker, s.options)).rejects.toThrow(InterruptedError);
    expect(s.asker.asked.find((r) => r.question.id === 'first.purpose')!.actions).not.toContain('na');
    expect(s.asker.eventsOf('notice').map((e) => e.code)).toEqual(['na-not-allowed', 'na-needs-reason', 'na-needs-reason']);
    expect(s.last().assessment).toEqual({
      'second.sponsor': { status: 'n/a', note: 'The members pay for everything themselves.', reviewed: '2026-07-01' },
    });
    expect(s.saves).toHaveLength(2);
  });

  it("lists don't-know answers in the summary and writes nothing for them or for skips", async () => {
    const s = session(EMPTY, [
      { ask: 'screener.type', reply: act('skip') },
      roster(),
      { ask: 'first.purpose', reply: act('dont-know') },
      { ask: 'first.people', reply: act('skip') },
      { ask: 'first.host', reply: act('skip') },
      { ask: 'second.sponsor', reply: act('dont-know') },
      { ask: 'first.values', reply: act('skip') },
      { choose: 'later' },
      { text: 'Ana' },
      { date: '2026-09-30' },
      { choose: 'skip' },
      { confirm: false },
    ]);
    const result = await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    expect(result.dontKnow).toEqual(['first.purpose', 'second.sponsor']);
    // The summary names the points, and --item is given item ids, which it accepts.
    expect(s.asker.eventsOf('summary').at(-1)!.dontKnow).toEqual([
      { title: 'A purpose is written', itemIds: ['first.purpose'] },
      { title: 'A sponsor backs it', itemIds: ['second.sponsor'] },
    ]);
    expect(s.last().custom).toBeUndefined();
    // "Later" names who and by when, for every point of the block, and claims no status: the facts judge them.
    expect(s.last().assessment).toEqual({
      'second.rules': { owner: 'Ana', due: '2026-09-30' },
    });
    // The owner is a person: they join the roster.
    expect(s.last().people).toEqual([{ name: 'Ana', roles: [] }]);
    expect(s.asker.eventsOf('notice').map((e) => [e.code, e.count])).toEqual([
      ['deferred', 1],
      ['deferred', 1],
    ]);
    // The end summary lists them as the to-do list, with owner and date.
    expect(s.asker.eventsOf('summary').at(-1)!.todo).toEqual([
      { itemId: 'second.rules', title: 'Rules are published', owner: 'Ana', due: '2026-09-30' },
    ]);
  });

  it('takes "later" on a single question, the owner picked from the roster, and needs an owner for it', async () => {
    const s = session(EMPTY, [
      { ask: 'screener.type', reply: act('skip') },
      roster({ name: 'Cy', roles: [] }),
      { ask: 'first.purpose', reply: act('later') },
      { choose: '\u0000new' },
      { text: '  ' },
      { ask: 'first.purpose', reply: act('later') },
      { choose: 'Cy' },
      { date: '2026-09-30' },
      { ask: 'first.people', interrupt: 'SIGTERM' },
    ]);
    await expect(runInterview(s.asker, s.options)).rejects.toMatchObject({ signal: 'SIGTERM' });
    expect(s.asker.eventsOf('notice').map((e) => e.code)).toEqual(['roster-saved', 'later-needs-owner']);
    expect(s.last().assessment).toEqual({ 'first.purpose': { owner: 'Cy', due: '2026-09-30' } });
    // Core questions can be put off too: every question that feeds a point offers "later".
    expect(s.asker.asked.find((r) => r.question.id === 'first.purpose')!.actions).toContain('later');
  });

  it('goes back to the previous question with its answer as the default, across blocks', async () => {
    const s = session(EMPTY, [
      { ask: 'screener.type', reply: act('back') },
      { ask: 'screener.type', reply: answer('customer') },
      roster(),
      { ask: 'first.purpose', reply: answer('People who fix things together') },
      { ask: 'first.people', reply: act('back') },
      { ask: 'first.purpose', reply: answer('People who repair things together') },
      { ask: 'first.people', reply: act('skip') },
      { ask: 'first.host', reply: act('skip') },
      { ask: 'second.sponsor', reply: act('skip') },
      { ask: 'first.values', reply: act('skip') },
      { choose: 'later' },
      { text: 'Ana' },
      { date: '2026-09-30' },
      { choose: 'stop' },
      { confirm: false },
    ]);
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    expect(s.asker.eventsOf('notice').map((e) => e.code)).toEqual(['first-question', 'deferred']);
    expect(s.asker.asked[0]!.actions).not.toContain('back');
    const again = s.asker.asked.filter((r) => r.question.id === 'first.purpose');
    expect(again.map((r) => r.default)).toEqual([undefined, 'People who fix things together']);
    expect(s.last().custom).toEqual({ purpose: 'People who repair things together' });
  });

  it('re-asks an answer that does not fit, saying why, without saving it', async () => {
    const s = session(EMPTY, [
      { ask: 'screener.type', reply: act('skip') },
      roster(),
      { ask: 'first.purpose', reply: act('skip') },
      { ask: 'first.people', reply: answer('') },
      { ask: 'first.people', interrupt: 'SIGINT' },
    ]);
    await expect(runInterview(s.asker, s.options)).rejects.toThrow(InterruptedError);
    expect(s.asker.asked.at(-1)!.problem).toBe('enter at least one, separated by commas');
    expect(s.saves).toHaveLength(0);
  });

  it('never overwrites a value written by hand where an answer would need a map; it says so and asks again', async () => {
    const s = session('community:\n  name: Makers\n  type: customer\npeople: [{ name: Ana }]\ncustom: kept as written\n', [
      { ask: 'first.purpose', reply: answer('People who fix things together') },
      { ask: 'first.purpose', interrupt: 'SIGINT' },
    ]);
    await expect(runInterview(s.asker, s.options)).rejects.toThrow(InterruptedError);
    expect(s.asker.asked[1]!.problem).toBe('cannot set the purpose: custom holds a value, not a map or list');
    expect(s.saves).toHaveLength(0);
  });

  it('stops at Ctrl-C with the answers so far saved, and resumes where it stopped, with a banner, numbering what is left from 1', async () => {
    const first = session(EMPTY, [
      { ask: 'screener.type', reply: answer('customer') },
      roster({ name: 'Ana', roles: ['host'] }),
      { ask: 'first.purpose', reply: answer('People who fix things together') },
      { ask: 'first.people', interrupt: 'SIGINT' },
    ]);
    await expect(runInterview(first.asker, first.options)).rejects.toMatchObject({ name: 'InterruptedError', signal: 'SIGINT' });
    expect(first.saves).toHaveLength(3);
    const saved = first.saves.at(-1)!;
    expect(parseYaml(saved)).toEqual({
      community: { name: 'Makers', type: 'customer' },
      people: [{ name: 'Ana', roles: ['host'] }],
      // The roster's only host answers "who hosts it?".
      custom: { host: 'Ana', purpose: 'People who fix things together' },
    });
    expect(first.asker.asked.at(-1)!.position).toEqual({ block: 'quick', question: 2, questions: 4 });

    const second = session(saved, [{ ask: 'first.people', reply: answer('Ana, Bo, Cy') }, ...FULL.slice(4)]);
    await runInterview(second.asker, second.options);
    expect(second.asker.asked[0]!.question.id).toBe('first.people');
    // This session asks three of the quick path's questions: the first is question 1 of 3.
    expect(second.asker.asked.filter((r) => r.position.block === 'quick').map((r) => [r.position.question, r.position.questions])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(second.asker.events[0]).toEqual({ kind: 'resume', answers: 4, next: 'First phase' });
    expect(second.asker.remaining).toBe(0);
  });

  it('stops before the next question when a signal aborts it', async () => {
    const controller = new AbortController();
    const s = session(EMPTY, [{ ask: 'screener.type', reply: answer('customer') }], { signal: controller.signal });
    const commit = s.options.commit;
    s.options.commit = (text) => {
      controller.abort('SIGHUP');
      return commit(text);
    };
    await expect(runInterview(s.asker, s.options)).rejects.toMatchObject({ signal: 'SIGHUP' });
    expect(s.saves).toHaveLength(1);
  });

  it('skips questions whose condition does not hold: items n/a for the community type, and earlier answers', async () => {
    const screener: QuestionSpec[] = [
      ...screenerQuestions(m).slice(0, 2),
      {
        id: 'test.online',
        message: 'Online?',
        fills: [{ path: 'custom.online', value: { kind: 'yes-no' } }],
        feeds: [],
        tier: 'core',
        seconds: 5,
        phaseId: 'screener',
      },
      {
        id: 'test.url',
        message: 'Where?',
        fills: [{ path: 'custom.url', value: { kind: 'short-text', format: 'url' } }],
        feeds: [],
        tier: 'core',
        seconds: 5,
        phaseId: 'screener',
        when: { path: 'custom.online', equals: true },
      },
    ];
    const s = session(
      EMPTY,
      [
        { ask: 'screener.type', reply: answer('grassroots') },
        { ask: 'test.online', reply: answer(false) },
        roster(),
        { ask: 'first.purpose', reply: act('skip') },
        { ask: 'first.people', reply: act('skip') },
        { ask: 'first.host', reply: act('skip') },
        // Without a sponsor, Ready needs both majors for its score: both are on the quick path.
        { ask: 'first.values', reply: act('skip') },
        { ask: 'second.rules', reply: act('skip') },
        { choose: 'skip' },
        { confirm: false },
      ],
      { screener },
    );
    await runInterview(s.asker, s.options);
    const asked = s.asker.asked.map((r) => r.question.id);
    expect(asked).not.toContain('test.url');
    expect(asked).not.toContain('second.sponsor');
    expect(s.asker.remaining).toBe(0);
    // A yes-or-no the plan has no answer to is asked with nothing chosen in advance.
    expect(s.asker.asked.find((r) => r.question.id === 'test.online')!.noDefault).toBe(true);
  });

  it('a required question cannot be skipped', async () => {
    const s = session('community:\n  name: ""\n', [
      { ask: 'screener.name', reply: act('skip') },
      { ask: 'screener.name', reply: answer('Makers') },
      { ask: 'screener.type', interrupt: 'SIGINT' },
    ]);
    await expect(runInterview(s.asker, s.options)).rejects.toThrow(InterruptedError);
    expect(s.asker.eventsOf('notice').map((e) => e.code)).toEqual(['required']);
    expect(s.last().community).toEqual({ name: 'Makers' });
  });

  it('--item asks only that item, --phase only that phase, --all revisits answers with them as defaults', async () => {
    const done =
      'community:\n  name: Makers\n  type: customer\ncustom:\n  purpose: People who fix things together\n  rules_url: https://acme.example/rules\n';
    const item = session(done, [{ ask: 'second.rules', reply: answer('https://acme.example/new-rules') }, { confirm: false }], {
      scope: { items: ['second.rules'], all: true },
    });
    await runInterview(item.asker, item.options);
    expect(item.asker.asked.map((r) => [r.question.id, r.default])).toEqual([['second.rules', 'https://acme.example/rules']]);
    expect(item.last().custom.rules_url).toBe('https://acme.example/new-rules');

    const phase = session(
      done,
      [
        { ask: 'first.people', reply: act('skip') },
        { ask: 'first.host', reply: act('skip') },
        { ask: 'first.values', reply: act('skip') },
        { confirm: false },
      ],
      { scope: { phase: 'first' } },
    );
    await runInterview(phase.asker, phase.options);
    expect(phase.asker.asked.map((r) => r.question.id)).toEqual(['first.people', 'first.host', 'first.values']);
  });

  it('--only-gaps asks the questions of open items, answered or not', async () => {
    const text =
      'community:\n  name: Makers\n  type: customer\ncustom:\n  purpose: short\n  rules_url: https://acme.example/rules\n  sponsor: Acme\n  people: [Ana, Bo, Cy]\n  host: Ana\n';
    const s = session(
      text,
      [
        { ask: 'first.purpose', reply: answer('People who fix things together') },
        { ask: 'first.values', reply: act('skip') },
        { ask: 'second.review', reply: act('skip') },
        { confirm: false },
      ],
      { scope: { onlyGaps: true } },
    );
    await runInterview(s.asker, s.options);
    expect(s.asker.asked.map((r) => [r.question.id, r.default])).toEqual([
      ['first.purpose', 'short'],
      ['first.values', undefined],
      ['second.review', undefined],
    ]);
  });

  it('a person question picks from the roster, and a new name joins the roster with the role', async () => {
    const owner: QuestionSpec = {
      id: 'test.owner',
      message: 'Who hosts it?',
      fills: [{ path: 'custom.host', value: { kind: 'person', role: 'host' } }],
      feeds: [],
      tier: 'core',
      seconds: 10,
      phaseId: 'screener',
    };
    const backup: QuestionSpec = {
      ...owner,
      id: 'test.backup',
      message: 'Who backs them up?',
      fills: [{ path: 'custom.backup', value: { kind: 'person', role: 'backup' } }],
    };
    const s = session(
      'community:\n  name: Makers\n  type: customer\npeople:\n  - { name: Ana, roles: [founder] }\n',
      [
        // A name typed that is not on the roster is confirmed before it joins.
        { ask: 'test.owner', reply: answer('Bo') },
        { choose: 'add' },
        { ask: 'test.backup', reply: answer('Ana') },
        { ask: 'first.purpose', interrupt: 'SIGINT' },
      ],
      { screener: [owner, backup] },
    );
    await expect(runInterview(s.asker, s.options)).rejects.toThrow(InterruptedError);
    expect(s.asker.asked.map((r) => r.people)).toEqual([['Ana'], ['Ana', 'Bo'], ['Ana', 'Bo']]);
    expect(s.last()).toMatchObject({
      people: [
        { name: 'Ana', roles: ['founder'] },
        { name: 'Bo', roles: ['host'] },
      ],
      custom: { host: 'Bo', backup: 'Ana' },
    });
  });

  it('offers the gap report at the end and writes it when accepted', async () => {
    let written = 0;
    const s = session(EMPTY, [...FULL.slice(0, -1), { confirm: true }], {
      gapReportName: 'plan.gaps.md',
      writeGapReport: async () => {
        written++;
        return 'plan.gaps.md';
      },
    });
    await runInterview(s.asker, s.options);
    expect(written).toBe(1);
    expect(s.asker.prompts.at(-1)).toContain('plan.gaps.md');
    expect(s.asker.eventsOf('report-written')).toEqual([{ kind: 'report-written', file: 'plan.gaps.md' }]);
  });
});

describe("the interview's tiers follow the plan's profile", () => {
  const builtin = builtinMethodology();
  const skip = (id: string): Step => ({ ask: id, reply: act('skip') });
  const tiersAsked = (s: Session): [string, string][] => s.asker.asked.map((r) => [r.question.id, r.question.tier]);

  it.each([
    ['a volunteer grassroots group', { type: 'grassroots', formality: 'volunteer' }, 'minor'],
    ['a grassroots group, volunteer by its type', { type: 'grassroots' }, 'minor'],
    ['a volunteer customer community', { type: 'customer', formality: 'volunteer' }, 'minor'],
    ['a funded customer community', { type: 'customer', formality: 'funded' }, 'core'],
  ] as const)('asks %s about its budget at the tier its formality puts in force', async (_, community, budgetTier) => {
    // A point's questions are asked together: the statement's, then the budget's, whatever its tier.
    const order = ['purpose.statement', 'purpose.statement-parts', 'purpose.budget', 'purpose.budget-approval'];
    const script: Step[] = [
      // Without a formality written the screener asks for it; skipped, the type's default is in force.
      ...('formality' in community ? [] : ['screener.formality']).map(skip),
      ...order.map(skip),
      { confirm: false },
    ];
    const s = session(builtinPlan(community), script, { methodology: builtin, scope: { items: ['purpose.statement', 'purpose.budget'] } });
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    const budget = s.asker.asked.filter((r) => r.question.feeds.includes('purpose.budget'));
    expect(budget.map((r) => [r.question.id, r.question.tier])).toEqual([
      ['purpose.budget', budgetTier],
      ['purpose.budget-approval', budgetTier],
    ]);
    // Any question that feeds a point can be put off to someone "later".
    for (const r of budget) expect(r.actions).toContain('later');
    expect(s.asker.asked.filter((r) => r.question.feeds.includes('purpose.statement')).map((r) => r.question.tier)).toEqual([
      'core',
      'core',
    ]);
  });

  it('puts a change of type in the screener into force for the questions after it, also after going back', async () => {
    const s = session(
      builtinPlan({}),
      [
        { ask: 'screener.type', reply: answer('customer') },
        skip('screener.formality'),
        { ask: 'purpose.budget', reply: act('back') },
        { ask: 'screener.formality', reply: act('back') },
        { ask: 'screener.type', reply: answer('grassroots') },
        skip('screener.formality'),
        skip('purpose.budget'),
        skip('purpose.budget-approval'),
        { confirm: false },
      ],
      { methodology: builtin, scope: { items: ['purpose.budget'] } },
    );
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    expect(tiersAsked(s)).toEqual([
      ['screener.type', 'core'],
      ['screener.formality', 'core'],
      // A customer community is funded by default: the budget is a blocker.
      ['purpose.budget', 'core'],
      ['screener.formality', 'core'],
      ['screener.type', 'core'],
      ['screener.formality', 'core'],
      // A grassroots group is a volunteer one by default: the budget is minor, asked after the core questions.
      ['purpose.budget', 'minor'],
      ['purpose.budget-approval', 'minor'],
    ]);
    expect(s.last().community).toMatchObject({ type: 'grassroots' });
  });

  it('does not ask for items the plan does not judge: n/a for its formality or type, or outside its stage', async () => {
    const items = [
      'purpose.statement',
      'governance.sponsor',
      'audience.champions',
      'governance.stakeholders',
      'engagement.member-share-observed',
    ];
    const grassroots = session(
      builtinPlan({ type: 'grassroots', formality: 'volunteer' }),
      [skip('purpose.statement'), skip('purpose.statement-parts'), { confirm: false }],
      { methodology: builtin, scope: { items } },
    );
    await runInterview(grassroots.asker, grassroots.options);
    expect(grassroots.asker.remaining).toBe(0);
    expect(grassroots.asker.asked.flatMap((r) => r.question.feeds).filter((id) => id !== 'purpose.statement')).toEqual([]);

    // The same questions for a funded customer community: only the observed figure waits for launch.
    const customer = session(
      builtinPlan({ type: 'customer', formality: 'funded' }),
      [
        skip('purpose.statement'),
        skip('purpose.statement-parts'),
        skip('audience.champions'),
        skip('audience.champions-owner'),
        skip('governance.sponsor'),
        skip('team.sponsor-commitments'),
        skip('governance.stakeholders'),
        { confirm: false },
      ],
      { methodology: builtin, scope: { items } },
    );
    await runInterview(customer.asker, customer.options);
    expect(customer.asker.remaining).toBe(0);
    expect(customer.asker.asked.flatMap((r) => r.question.feeds)).not.toContain('engagement.member-share-observed');

    // Once the community is running, the observed figure is judged and asked; the launch timeline no longer is.
    const running = session(
      builtinPlan({ type: 'customer', formality: 'funded', stage: 'running', opened: '2025-01-01' }),
      // The group meets in person: its members' share is counted in sessions they lead.
      [skip('engagement.member-led-observed'), skip('observed.as-of'), { confirm: false }],
      { methodology: builtin, scope: { items: ['engagement.member-led-observed', 'purpose.timeline'] } },
    );
    await runInterview(running.asker, running.options);
    expect(running.asker.remaining).toBe(0);
  });
});
