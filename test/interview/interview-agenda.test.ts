// The interview's agenda on the built-in methodology: a point's questions asked together in every tier;
// a quick path whose promise holds for every profile (answered in full, the plan reaches the level its
// opening line names) and that says so honestly when the next level does not fit; the roster's roles
// answering the questions they answer; questions numbered 1, 2, 3… as they are asked.
import { describe, expect, it } from 'vitest';
import type { AskRequest, InterviewEvent } from '../../src/interview/asker.js';
import { byPoint, planTiers } from '../../src/interview/interview-plan.js';
import { describeEvent } from '../../src/interview/interview-messages.js';
import { conditionHolds, type QuestionSpec } from '../../src/interview/question-model.js';
import { runInterview } from '../../src/interview/run-interview.js';
import { levelInStage, type Stage } from '../../src/methodology/types.js';
import { renderStarterPlan } from '../../src/plan/starter-plan.js';
import { plainPainter } from '../../src/report/types.js';
import { findLevel } from '../../src/scoring/levels.js';
import { STATUS_VALUES } from '../../src/scoring/types.js';
import { weightedScore } from '../../src/scoring/weighted-score.js';
import { builtinMethodology, miniMethodology } from '../helpers.js';
import { builtinPlan, interviewSession } from './interview-session.js';
import { PolicyAsker } from './policy-asker.js';
import { ScriptedAsker, act, answer, roster } from './scripted-asker.js';
import { rowsToRun } from '../properties.js';

const m = builtinMethodology();

const q = (id: string, feeds: string[], tier: QuestionSpec['tier'] = 'major'): QuestionSpec => ({
  id,
  message: id,
  fills: [{ path: `custom.${id}`, value: { kind: 'short-text' } }],
  feeds,
  tier,
  seconds: 10,
  phaseId: 'first',
});

describe("a point's questions together", () => {
  it('orders every tier point by point, in methodology order inside each point', () => {
    const [a1, b1, a2, c1, b2, d1] = [
      q('a1', ['a']),
      q('b1', ['b']),
      q('a2', ['a']),
      q('c1', ['c']),
      q('b2', ['b']),
      q('d1', ['d'], 'minor'),
    ];
    const d2 = q('d2', ['d'], 'minor');
    const tiers = planTiers([a1!, b1!, a2!, c1!, d1!, b2!, d2], [], { questions: 30, seconds: 600 });
    expect(tiers.important.map((x) => x.id)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect(tiers.optional.map((x) => x.id)).toEqual(['d1', 'd2']);
    // A question that feeds two points brings the second point's questions right after the first's.
    expect(byPoint([q('ab', ['a', 'b']), q('c', ['c']), q('b', ['b']), q('a', ['a'])]).map((x) => x.id)).toEqual(['ab', 'a', 'b', 'c']);
  });

  it('asks "what do they need" right after "who exactly is the community for", and keeps every point together in every block', async () => {
    const asker = new PolicyAsker({ offers: 'now' });
    const s = interviewSession(asker, builtinPlan({ type: 'customer', formality: 'funded' }), m);
    await runInterview(asker, s.options);
    const ids = asker.asked.map((r) => r.question.id).filter((id, i, all) => id !== all[i - 1]);
    expect(ids[ids.indexOf('audience.target') + 1]).toBe('audience.primary-needs');
    // In each block, the questions of a point (its first) come in one run.
    const runs = new Map<string, string>();
    let last = '';
    for (const r of asker.asked) {
      const point = `${r.position.block}:${r.question.feeds[0] ?? r.question.id}`;
      if (point !== last && runs.has(point)) throw new Error(`${point}: asked again after ${runs.get(point)}, then ${last}`);
      runs.set(point, last);
      last = point;
    }
    expect(runs.size).toBeGreaterThan(40);
  }, 120_000);
});

const STAGES: [Stage, Record<string, string>][] = [
  ['planning', {}],
  ['launching', { opened: '2026-06-01' }],
  ['running', { opened: '2024-09-01' }],
];
const ALL_PROFILES = m.profiles.flatMap((p) =>
  m.formalities.flatMap((f) => STAGES.map(([stage, more]) => [p.id, f.id, stage, more] as const)),
);
/** Each type once in the fast loop, formalities and stages in turn (every one of them met); all 36 in npm test. */
const PROFILES = rowsToRun(ALL_PROFILES, ([type, formality, stage]) => {
  const i = m.profiles.findIndex((p) => p.id === type);
  return m.formalities[i % m.formalities.length]!.id === formality && STAGES[i % STAGES.length]![0] === stage;
});

describe('the quick path keeps its promise', () => {
  it.each(PROFILES)(
    'for %s, %s, %s: every point it asks met, the plan reaches the level its opening line names',
    async (type, formality, stage, more) => {
      const asker = new PolicyAsker({ offers: 'stop' });
      const s = interviewSession(asker, builtinPlan({ type, formality, stage, ...more }), m);
      await runInterview(asker, s.options);
      const [start] = asker.eventsOf('block-start');
      expect(start).toMatchObject({ block: 'quick' });
      const quick = asker.asked.filter((r) => r.position.block === 'quick');
      expect(quick.length).toBe(start!.questions);

      // "Yes" to every question of the quick path: each point whose questions (those that apply) were
      // all asked there is met; the level is then worked out as every report works it out.
      const data = s.last();
      const askedIds = new Set(quick.map((r) => r.question.id));
      const applying = s.options.questions.filter((x) => conditionHolds(x.when, data) && x.fills.every((f) => s.options.accepts(f.path)));
      const met = new Set(
        [...new Set(quick.flatMap((r) => r.question.feeds))].filter((id) =>
          applying.filter((x) => x.feeds.includes(id)).every((x) => askedIds.has(x.id)),
        ),
      );
      const before = s.options.assessment!;
      const items = before.items.map((r) => (met.has(r.itemId) ? { ...r, status: 'met' as const, value: STATUS_VALUES.met } : r));
      const score = weightedScore(items.filter((r) => r.dimension === 'readiness'));
      const reached = findLevel(m, items, score, { score: null, coverage: 0 }, stage);
      const indexOf = (title: string): number => m.levels.findIndex((l) => levelInStage(l, stage).title === title);

      const line = describeEvent(start!, plainPainter).join('\n');
      // Nothing was answered before: the promise rests on the quick path's questions alone.
      expect(start!.pending).toBeUndefined();
      if (start!.level) {
        expect(reached.index).toBeGreaterThanOrEqual(indexOf(start!.level));
        expect(indexOf(start!.level)).toBeGreaterThan(before.level.index);
        expect(line).toContain(`(up to ${start!.level})`);
      } else {
        // Not even the next level fits: the opening line says it only starts on it, and how much it takes.
        expect(start!.toward).toBeDefined();
        expect(indexOf(start!.toward!.level)).toBe(before.level.index + 1);
        expect(line).toContain(`the first points toward ${start!.toward!.level}`);
      }
    },
    120_000,
  );

  it('counts a point put off earlier as done, and says so: the quick path goes on with the rest of the level', async () => {
    const asker = new PolicyAsker({ offers: 'stop' });
    const text = `${builtinPlan({ type: 'customer', formality: 'funded' })}assessment:\n  purpose.statement: { owner: Ana, due: '2026-09-30' }\n`;
    const s = interviewSession(asker, text, m);
    await runInterview(asker, s.options);
    const [start] = asker.eventsOf('block-start');
    expect(start).toMatchObject({ block: 'quick', level: 'Emergent', pending: 1 });
    expect(describeEvent(start!, plainPainter).join(' ')).toContain('(up to Emergent, once the 1 point left open before is done)');
    expect(asker.asked.some((r) => r.question.feeds.includes('purpose.statement'))).toBe(false);
    expect(start!.questions).toBeGreaterThan(5);
  }, 120_000);

  it('says honestly what it covers when not even the next level fits the budget', async () => {
    const mini = miniMethodology();
    const s = interviewSession(
      new ScriptedAsker([
        { ask: 'screener.type', reply: answer('customer') },
        roster(),
        { ask: 'first.purpose', reply: act('skip') },
        { choose: 'stop' },
        { confirm: false },
      ]),
      'community:\n  name: Makers\n',
      mini,
      { quickPath: { questions: 4, seconds: 600 } },
    );
    await runInterview(s.asker, s.options);
    expect(s.asker.remaining).toBe(0);
    const [start] = s.asker.eventsOf('block-start');
    // Started needs the purpose, the people and the host: three questions, and two are spent already.
    expect(start).toEqual({ kind: 'block-start', block: 'quick', questions: 1, minutes: 1, toward: { level: 'Started', questions: 3 } });
    expect(describeEvent(start!, plainPainter)).toContain(
      'Quick path: the first points toward Started (all it needs takes 3 questions), 1 question, about 1 min. More is offered after.',
    );
  });
});

describe("the roster's roles answer", () => {
  const customer = (people: { name: string; roles: string[] }[]) => {
    const asker = new PolicyAsker({ roster: people, offers: 'stop' });
    return { asker, s: interviewSession(asker, builtinPlan({ type: 'customer', formality: 'funded' }), m) };
  };

  it('the sponsor and the host the roster names once: their points count them, and nobody asks for them again', async () => {
    const { asker, s } = customer([
      { name: 'Ana Lima', roles: ['host', 'moderator'] },
      { name: 'Jordan Lee', roles: ['sponsor'] },
    ]);
    await runInterview(asker, s.options);
    expect(s.last().team).toMatchObject({ host: { name: 'Ana Lima' }, sponsor: { name: 'Jordan Lee' } });
    const paths = asker.asked.map((r) => r.fill.path);
    expect(paths).not.toContain('team.sponsor.name');
    expect(paths).not.toContain('team.host.name');
    // The feedback right after the roster: the sponsor's name counts, only the commitments are missing.
    const sponsor = asker
      .eventsOf('feedback')
      .flatMap((f) => f.items)
      .find((i) => i.itemId === 'governance.sponsor')!;
    expect(sponsor.status).toBe('partial');
    expect(sponsor.failed.join(' ')).not.toMatch(/Name the senior/);
    const after = s.options.commit(s.saves.at(-1)!);
    if (!after.ok) throw new Error(after.problem);
    const failed = after.assessment.items.find((i) => i.itemId === 'governance.sponsor')!.failed.map((f) => f.path);
    expect(failed).not.toContain('team.sponsor.name');
  }, 120_000);

  it('a role two people hold is asked: the roster does not choose between them', async () => {
    const { asker, s } = customer([
      { name: 'Ana Lima', roles: ['host'] },
      { name: 'Bo', roles: ['host'] },
    ]);
    await runInterview(asker, s.options);
    expect(asker.asked.map((r) => r.fill.path)).toContain('team.host.name');
  }, 120_000);
});

describe('questions numbered as they are asked', () => {
  /** Each block's numbers as asked (a question asked again keeps its number): 1, 2, 3… and the count it said. */
  function numbering(asked: readonly AskRequest[]): Map<string, { numbers: number[]; of: number[] }> {
    const blocks = new Map<string, { numbers: number[]; of: number[]; seen: Set<string> }>();
    for (const r of asked) {
      const b = blocks.get(r.position.block) ?? { numbers: [], of: [], seen: new Set<string>() };
      blocks.set(r.position.block, b);
      const key = `${r.question.id} ${r.fill.path}`;
      if (b.seen.has(key)) continue;
      b.seen.add(key);
      b.numbers.push(r.position.question);
      b.of.push(r.position.questions);
    }
    return new Map([...blocks].map(([k, v]) => [k, { numbers: v.numbers, of: v.of }]));
  }

  it('does not count a question left by going back that the answer changed since no longer asks', async () => {
    const asker = new ScriptedAsker([
      { ask: 'screener.type', reply: answer('grassroots') },
      { ask: 'screener.stage', reply: answer('launching') },
      { ask: 'screener.opened', reply: act('back') },
      { ask: 'screener.stage', reply: answer('planning') },
      { ask: 'screener.formality', interrupt: 'SIGTERM' },
    ]);
    const s = interviewSession(asker, 'community:\n  name: Club\n', m);
    await expect(runInterview(asker, s.options)).rejects.toMatchObject({ signal: 'SIGTERM' });
    expect(asker.asked.map((r) => [r.question.id, r.position.question])).toEqual([
      ['screener.type', 1],
      ['screener.stage', 2],
      ['screener.opened', 3],
      ['screener.stage', 2],
      // Planning asks no opening date: the formality comes next, as question 3.
      ['screener.formality', 3],
    ]);
    const last = asker.asked.at(-1)!.position;
    expect(last.questions).toBeLessThan(asker.asked[2]!.position.questions + 1);
  }, 120_000);

  it('counts from 1 without a gap in every block, the name init wrote and the answers given left out, and ends at the count it said', async () => {
    const starter = renderStarterPlan(m, { schemaPath: 'plan.schema.json', name: 'Photo club', type: 'grassroots' });
    const asker = new PolicyAsker({
      facts: { 'community.stage': 'running', 'community.opened': '2024-09-01', 'community.regions': 'FR' },
      roster: [{ name: 'Ana Lima', roles: ['host'] }],
      offers: 'now',
    });
    const s = interviewSession(asker, starter, m);
    await runInterview(asker, s.options);
    const blocks = numbering(asker.asked);
    expect([...blocks.keys()]).toEqual(['screener', 'quick', 'rest', 'important', 'optional'].filter((b) => blocks.has(b)));
    expect(blocks.size).toBeGreaterThanOrEqual(3);
    for (const [block, { numbers, of }] of blocks) {
      expect({ block, numbers }).toEqual({ block, numbers: numbers.map((_, i) => i + 1) });
      // The count said at the last question is how many were asked.
      expect({ block, last: of.at(-1) }).toEqual({ block, last: numbers.length });
    }
    // The name init wrote is not asked again: the screener's first question is question 1.
    expect(asker.asked[0]!.fill.path).not.toBe('community.name');
    expect(asker.asked[0]!.position.question).toBe(1);
    // Each block's opening line counts what it then numbers.
    const starts = asker.eventsOf('block-start') as Extract<InterviewEvent, { kind: 'block-start' }>[];
    for (const start of starts)
      expect({ block: start.block, questions: start.questions }).toEqual({
        block: start.block,
        questions: blocks.get(start.block)!.numbers.length,
      });
  }, 120_000);
});
