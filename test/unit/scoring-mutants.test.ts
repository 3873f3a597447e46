// Boundaries of the scoring core that mutation testing found unguarded (`npm run test:mutation`): each
// test pins one behaviour at the edge where a flipped comparison, a dropped condition or an emptied
// list would change what a team is told.
import { describe, expect, it } from 'vitest';
import { findLevel, findNextLevel, gatePasses, levelReached } from '../../src/scoring/levels.js';
import { orderGaps } from '../../src/scoring/order-gaps.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { applicableWeight, gateScore, pointsOf, round1, weightedScore } from '../../src/scoring/weighted-score.js';
import { checkRoster, itemReading } from '../../src/scoring/roster-check.js';
import { resolveProfile, withFactParams } from '../../src/scoring/resolve-profile.js';
import { gapFindingOf } from '../../src/scoring/gap-finding.js';
import { isOpen, STATUS_VALUES, type ItemResult, type PlanAssessment } from '../../src/scoring/types.js';
import type { Gate, Item, Level, Methodology } from '../../src/methodology/types.js';
import { assessPlan, type AssessOptions } from '../../src/scoring/assess-plan.js';
import { miniMethodology, planFromYaml, validation } from '../helpers.js';
import { itemResult } from '../item-result.js';
import { COMPLETE_MINI_PLAN } from '../mini-plans.js';

const m = miniMethodology();

const item = (id: string, over: Partial<ItemResult> = {}): ItemResult => itemResult(id, { phaseId: 'first', ...over });
const met = (id: string, over: Partial<ItemResult> = {}) => item(id, { status: 'met', value: 1, ...over });
const na = (id: string, over: Partial<ItemResult> = {}) => item(id, { status: 'n/a', value: null, ...over });

function level(id: string, over: Partial<Level> = {}): Level {
  return { id, title: id.toUpperCase(), description: '', minScore: 0, gates: [], ...over };
}

/** An assessment with only what the verdict reads. */
function assessment(over: Partial<PlanAssessment>): PlanAssessment {
  return { score: 50, level: { id: 'none', title: 'None', index: 0 }, items: [], gaps: [], ...over } as PlanAssessment;
}

describe('weighted scores and points', () => {
  it('weighs each applicable item by its weight and leaves n/a out of the denominator', () => {
    const items = [met('a', { weight: 3 }), item('b', { weight: 1 }), na('c', { weight: 5 })];
    expect(weightedScore(items)).toBe(75);
    expect(applicableWeight(items)).toBe(4);
    expect(weightedScore([item('a', { status: 'partial', value: 0.5 }), met('b')])).toBe(75);
  });

  it("scores health at a level's gate with a measure not measured as not met, n/a left out, and a chosen one as met", () => {
    const unmeasured = item('u', { weight: 1, status: 'unmeasured', value: null });
    const items = [met('a', { weight: 3 }), unmeasured, na('c', { weight: 5 })];
    expect(weightedScore(items)).toBe(100);
    expect(gateScore(items)).toBe(75);
    expect(gateScore(items, new Set(['u']))).toBe(100);
    expect(gateScore([item('p', { status: 'partial', value: 0.5 }), unmeasured])).toBe(25);
    expect(gateScore([na('c')])).toBe(0);
    // An n/a measure is left out even if asked to count as met, as weightedScore leaves it out.
    expect(gateScore([na('c', { weight: 2 }), item('b', { weight: 2 })], new Set(['c']))).toBe(0);
  });

  it('counts the items it is told to count as met, and only those', () => {
    const items = [item('a', { weight: 1 }), item('b', { weight: 3 })];
    expect(weightedScore(items, new Set(['a']))).toBe(25);
    expect(weightedScore(items, new Set(['b']))).toBe(75);
  });

  it('gives an open item the points it would add when met, and none to n/a or to a run with nothing applicable', () => {
    expect(pointsOf(item('a', { weight: 2 }), 8)).toBe(25);
    expect(pointsOf(item('a', { weight: 2, status: 'partial', value: 0.5 }), 8)).toBe(12.5);
    expect(pointsOf(met('a'), 8)).toBe(0);
    expect(pointsOf(na('a'), 8)).toBe(0);
    expect(pointsOf(item('a'), 0)).toBe(0);
  });

  it('rounds to one decimal, halves up', () => {
    expect(round1(33.333)).toBe(33.3);
    expect(round1(66.66)).toBe(66.7);
    expect(round1(0.05)).toBe(0.1);
    expect(weightedScore([met('a'), item('b'), item('c')])).toBe(33.3);
  });

  it('calls met and n/a closed, every other status open, and values statuses from the one table', () => {
    expect(isOpen('met')).toBe(false);
    expect(isOpen('n/a')).toBe(false);
    for (const s of ['partial', 'unmet', 'unanswered', 'stale', 'unmeasured'] as const) expect(isOpen(s)).toBe(true);
    expect(STATUS_VALUES).toEqual({ met: 1, partial: 0.5, unmet: 0, unanswered: 0, stale: 0, unmeasured: null, 'n/a': null });
  });
});

describe('the verdict', () => {
  const gaps = [item('b1', { severity: 'blocker' }), item('m1', { severity: 'major' }), item('n1', { severity: 'minor' })];
  const a = assessment({ items: gaps, gaps: gaps.map((g) => g.itemId) });

  it('fails on open items at or above the chosen severity, naming exactly those', () => {
    expect(judgePlan(a, m, { failOn: 'blocker' }).reasons).toEqual([{ code: 'open-items', failOn: 'blocker', items: ['b1'] }]);
    expect(judgePlan(a, m, { failOn: 'major' }).reasons).toEqual([{ code: 'open-items', failOn: 'major', items: ['b1', 'm1'] }]);
    expect(judgePlan(a, m, { failOn: 'minor' }).reasons).toEqual([{ code: 'open-items', failOn: 'minor', items: ['b1', 'm1', 'n1'] }]);
    expect(judgePlan(a, m, { failOn: 'none' })).toEqual({ passed: true, reasons: [] });
  });

  it('passes with no open item at all', () => {
    expect(judgePlan(assessment({ items: [met('a')], gaps: [] }), m, { failOn: 'minor' })).toEqual({ passed: true, reasons: [] });
  });

  it('lets an active waiver cover its item, and fails on an expired one whatever the severity, unless failOn is none', () => {
    const waived = item('b1', { severity: 'blocker', waiver: { reason: 'r', expires: '2026-08-01', active: true } });
    const lapsed = item('n1', { severity: 'minor', waiver: { reason: 'r', expires: '2026-06-01', active: false } });
    const closed = met('m1', { waiver: { reason: 'r', expires: '2026-06-01', active: false } });
    const w = assessment({ items: [waived, lapsed, closed], gaps: ['b1', 'n1'] });
    expect(judgePlan(w, m, { failOn: 'blocker' })).toEqual({ passed: false, reasons: [{ code: 'waiver-expired', items: ['n1'] }] });
    expect(judgePlan(w, m, { failOn: 'minor' }).reasons).toEqual([
      { code: 'open-items', failOn: 'minor', items: ['n1'] },
      { code: 'waiver-expired', items: ['n1'] },
    ]);
    expect(judgePlan(w, m, { failOn: 'none' }).passed).toBe(true);
  });

  it('fails below the minimum score and passes above it', () => {
    expect(judgePlan(assessment({ score: 79.9 }), m, { failOn: 'none', minScore: 80 }).reasons).toEqual([
      { code: 'score-below', score: 79.9, minScore: 80 },
    ]);
    expect(judgePlan(assessment({ score: 80.1 }), m, { failOn: 'none', minScore: 80 }).passed).toBe(true);
  });

  it('fails below the minimum level, and passes at it or above', () => {
    const at = (index: number) => assessment({ level: { id: m.levels[index]!.id, title: '', index } });
    expect(judgePlan(at(0), m, { failOn: 'none', minLevel: 'started' }).reasons).toEqual([
      { code: 'level-below', level: 'none', minLevel: 'started' },
    ]);
    expect(judgePlan(at(1), m, { failOn: 'none', minLevel: 'started' }).passed).toBe(true);
    expect(judgePlan(at(2), m, { failOn: 'none', minLevel: 'started' }).passed).toBe(true);
    expect(judgePlan(at(0), m, { failOn: 'none', minLevel: 'none' }).passed).toBe(true);
  });

  it('names the levels there are when asked for an unknown one', () => {
    expect(() => judgePlan(a, m, { failOn: 'none', minLevel: 'zzz' })).toThrow("unknown level 'zzz' (levels: none, started, ready)");
  });
});

describe('the order of gaps', () => {
  const mm = {
    phases: [
      { id: 'p1', items: [{ id: 'x1' }, { id: 'x2' }, { id: 'x3' }] },
      { id: 'p2', items: [{ id: 'y1' }, { id: 'y2' }] },
    ],
  } as unknown as Methodology;
  const gap = (itemId: string, phaseId: string, severity: ItemResult['severity'], weight: number) => ({
    itemId,
    phaseId,
    severity,
    weight,
  });

  it('puts blockers first, then phase order, then heavier items, then methodology order', () => {
    const ordered = orderGaps(
      [
        gap('y2', 'p2', 'major', 1),
        gap('x3', 'p1', 'minor', 1),
        gap('x2', 'p1', 'minor', 1),
        gap('x1', 'p1', 'major', 5),
        gap('y1', 'p2', 'blocker', 1),
      ],
      mm,
    ).map((g) => g.itemId);
    expect(ordered).toEqual(['y1', 'x1', 'x2', 'x3', 'y2']);
  });

  it('ranks an earlier phase before a heavier item of a later one, and an earlier item before a later one of equal rank', () => {
    expect(orderGaps([gap('y1', 'p2', 'major', 5), gap('x1', 'p1', 'major', 1)], mm).map((g) => g.itemId)).toEqual(['x1', 'y1']);
    expect(orderGaps([gap('x3', 'p1', 'major', 1), gap('x2', 'p1', 'major', 1)], mm).map((g) => g.itemId)).toEqual(['x2', 'x3']);
    expect(orderGaps([gap('y2', 'p2', 'major', 1), gap('y1', 'p2', 'major', 1)], mm).map((g) => g.itemId)).toEqual(['y1', 'y2']);
  });

  it('keeps items of equal rank that are already in methodology order in that order', () => {
    expect(orderGaps([gap('x2', 'p1', 'major', 1), gap('x3', 'p1', 'major', 1)], mm).map((g) => g.itemId)).toEqual(['x2', 'x3']);
    expect(orderGaps([gap('y1', 'p2', 'minor', 2), gap('y2', 'p2', 'minor', 2)], mm).map((g) => g.itemId)).toEqual(['y1', 'y2']);
  });

  it('does not reorder the list it is given', () => {
    const gaps = [gap('x2', 'p1', 'major', 1), gap('x1', 'p1', 'major', 1)];
    orderGaps(gaps, mm);
    expect(gaps.map((g) => g.itemId)).toEqual(['x2', 'x1']);
  });
});

describe('gates', () => {
  const noOpen = (over: Partial<Extract<Gate, { kind: 'no-open' }>> = {}): Gate => ({
    kind: 'no-open',
    severities: ['blocker'],
    phases: null,
    items: null,
    ...over,
  });

  it('a no-open gate looks only at open readiness items of its severities, phases and items', () => {
    const open = item('a', { severity: 'blocker', phaseId: 'first' });
    expect(gatePasses(noOpen(), [open])).toBe(false);
    expect(gatePasses(noOpen(), [met('a', { severity: 'blocker' }), na('b', { severity: 'blocker' })])).toBe(true);
    expect(gatePasses(noOpen(), [{ ...open, dimension: 'health' }])).toBe(true);
    expect(gatePasses(noOpen({ severities: ['major'] }), [open])).toBe(true);
    expect(gatePasses(noOpen({ phases: ['second'] }), [open])).toBe(true);
    expect(gatePasses(noOpen({ phases: ['first'] }), [open])).toBe(false);
    expect(gatePasses(noOpen({ items: ['b'] }), [open])).toBe(true);
    expect(gatePasses(noOpen({ items: ['a'] }), [open])).toBe(false);
  });

  it('an items-met gate needs each of its items met or n/a, of any dimension, and ignores the rest', () => {
    const gate: Gate = { kind: 'items-met', items: ['a'] };
    expect(gatePasses(gate, [item('a', { dimension: 'health' })])).toBe(false);
    expect(gatePasses(gate, [met('a'), item('b')])).toBe(true);
    expect(gatePasses(gate, [na('a')])).toBe(true);
  });

  it('a share gate counts met readiness items of its severity among the applicable ones', () => {
    const gate: Gate = { kind: 'share-met', severity: 'major', min: 0.5 };
    expect(gatePasses(gate, [met('a'), item('b'), item('c', { severity: 'blocker' }), item('d', { dimension: 'health' })])).toBe(true);
    expect(gatePasses(gate, [met('a'), item('b'), item('c')])).toBe(false);
    expect(gatePasses(gate, [met('a', { severity: 'minor' }), item('b')])).toBe(false);
    expect(gatePasses(gate, [met('a', { dimension: 'health' }), item('b')])).toBe(false);
    expect(gatePasses(gate, [item('a', { status: 'partial', value: 0.5 }), met('b')])).toBe(true);
    expect(gatePasses(gate, [item('a', { status: 'partial', value: 0.5 }), item('b')])).toBe(false);
  });
});

describe('levels', () => {
  const levels = [
    level('zero'),
    level('one', { minScore: 50 }),
    level('two', { minScore: 60, gates: [{ kind: 'items-met', items: ['a'] }] }),
    level('three', { minScore: 10 }),
  ];
  const mm = { ...m, levels } as Methodology;

  it('is the highest level whose score and gates hold with every level below holding too', () => {
    expect(findLevel(mm, [item('a')], 100)).toEqual({ id: 'one', title: 'ONE', index: 1 });
    expect(findLevel(mm, [met('a')], 100)).toEqual({ id: 'three', title: 'THREE', index: 3 });
    expect(findLevel(mm, [met('a')], 49)).toEqual({ id: 'zero', title: 'ZERO', index: 0 });
  });

  it("measures a running community against the level's running form", () => {
    const running = {
      ...m,
      levels: [level('zero'), level('one', { minScore: 90, running: { title: 'ONE, RUNNING', description: '', minScore: 40, gates: [] } })],
    } as Methodology;
    expect(findLevel(running, [], 50, undefined, 'running')).toEqual({ id: 'one', title: 'ONE, RUNNING', index: 1 });
    expect(findLevel(running, [], 50, undefined, 'planning')).toEqual({ id: 'zero', title: 'ZERO', index: 0 });
    expect(levelReached(running.levels[1]!, [], 50)).toBe(false);
  });

  it('a level without a health minimum ignores health, and one with a minimum needs a health score', () => {
    expect(levelReached(level('l', { minScore: 10 }), [], 10, { score: null, coverage: 0 })).toBe(true);
    const healthy = level('l', { minScore: 10, minHealth: 50 });
    expect(levelReached(healthy, [], 10, { score: 50, coverage: 0 }, 'running')).toBe(true);
    expect(levelReached(healthy, [], 10, { score: 50, coverage: 0 }, 'launching')).toBe(false);
    expect(levelReached(healthy, [], 10)).toBe(false);
    // Even a minimum of 0 needs something observed.
    expect(levelReached(level('l', { minHealth: 0 }), [], 10, { score: null, coverage: 1 }, 'running')).toBe(false);
  });
});

describe('the next level', () => {
  it('is none above the top level', () => {
    expect(findNextLevel({ ...m, levels: [level('a')] } as Methodology, [], 0, [])).toBeNull();
  });

  it('takes every item a gate needs, then the share gate fewest items, then points, listed in gap order', () => {
    const next = level('n', {
      minScore: 0,
      gates: [
        { kind: 'share-met', severity: 'major', min: 0.5 },
        { kind: 'items-met', items: ['g'] },
      ],
    });
    const items = [
      item('a', { points: 5 }),
      item('b', { points: 20 }),
      item('c', { points: 10 }),
      item('d', { points: 30 }),
      item('g', { severity: 'major', points: 1 }),
      item('h', { severity: 'minor', points: 50 }),
      item('e', { dimension: 'health', points: 60 }),
    ];
    const gapOrder = ['h', 'g', 'a', 'b', 'c', 'd', 'e'];
    const result = findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, items, 0, gapOrder)!;
    // g (the items gate) counts toward the share: 6 majors need 3 met; then d and b, the most points.
    expect(result.items).toEqual(['g', 'b', 'd']);
    expect(result).toMatchObject({ id: 'n', title: 'N', index: 1, minScore: 0 });
  });

  it('stops adding share items as soon as the share is reached', () => {
    const next = level('n', { gates: [{ kind: 'share-met', severity: 'major', min: 0.5 }] });
    const items = [met('a'), item('b', { points: 3 }), item('c', { points: 2 }), item('d', { points: 1 })];
    const result = findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, items, 0, ['b', 'c', 'd'])!;
    expect(result.items).toEqual(['b']);
  });

  it('breaks a tie in points by gap order', () => {
    const next = level('n', { minScore: 50 });
    const items = [item('a', { points: 50 }), item('b', { points: 50 })];
    expect(findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, items, 0, ['b', 'a'])!.items).toEqual(['b']);
    expect(findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, items, 0, ['a', 'b'])!.items).toEqual(['a']);
  });

  it('fills readiness and health each from its own items, and says the scores after', () => {
    const next = level('n', { minScore: 50, minHealth: 100 });
    const items = [
      item('r1', { points: 50 }),
      item('r2', { points: 50 }),
      met('h1', { dimension: 'health' }),
      item('h2', { dimension: 'health', points: 50 }),
    ];
    const result = findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, items, 0, ['r1', 'r2', 'h2'])!;
    expect(result.items).toEqual(['r1', 'h2']);
    expect(result.scoreAfter).toBe(50);
    expect(result.healthAfter).toBe(100);
    expect(result.minHealth).toBe(100);
    expect(result).not.toHaveProperty('needsStage');
  });

  it('has no health after, and no health items chosen, while nothing of health is measured', () => {
    const next = level('n', { minScore: 0, minHealth: 50 });
    const items = [item('h1', { dimension: 'health', status: 'unmeasured', value: null, points: 0 })];
    const planning = findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, items, 0, ['h1'], 'planning')!;
    expect(planning.healthAfter).toBeNull();
    expect(planning.items).toEqual([]);
    expect(planning.needsStage).toBe('running');
    const running = findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, items, 0, ['h1'], 'running')!;
    expect(running).not.toHaveProperty('needsStage');
  });

  it('chooses no health item to raise readiness when a plan has no readiness items', () => {
    const next = level('n', { minScore: 10 });
    const result = findNextLevel({ ...m, levels: [level('z'), next] } as Methodology, [item('h', { dimension: 'health', points: 50 })], 0, [
      'h',
    ])!;
    expect(result.items).toEqual([]);
    expect(result.scoreAfter).toBe(0);
  });

  it('a level without a health minimum neither reports one nor needs the community running', () => {
    const result = findNextLevel(
      { ...m, levels: [level('z'), level('n', { minScore: 10 })] } as Methodology,
      [item('a', { points: 10 })],
      0,
      ['a'],
      'planning',
    )!;
    expect(result).not.toHaveProperty('minHealth');
    expect(result).not.toHaveProperty('needsStage');
    expect(result.items).toEqual(['a']);
  });

  it('uses the running form of the next level for a running community', () => {
    const next = level('n', { minScore: 90, running: { title: 'N, RUNNING', description: '', minScore: 10, gates: [] } });
    const result = findNextLevel(
      { ...m, levels: [level('z'), next] } as Methodology,
      [item('a', { points: 50 }), item('b', { points: 50 })],
      0,
      ['a', 'b'],
    )!;
    expect(result).toMatchObject({ title: 'N, RUNNING', minScore: 10, items: ['a'] });
  });
});

describe('profiles', () => {
  const pm = {
    ...m,
    params: {
      a: { value: 1, description: '' },
      b: { value: 2, description: '' },
      c: { value: 3, description: '', from: 'facts.c', minimum: 2, maximum: 10 },
    },
    words: { host: 'host', space: 'space' },
    lists: { areas: { values: ['x', 'y'] }, kinds: { values: ['k'] } },
    profiles: [
      {
        id: 't',
        title: 'T',
        description: '',
        formality: 'volunteer',
        params: { a: 5, b: 2, zz: 9 },
        severities: { i1: 'minor', i2: 'minor' },
        weights: { i1: 7, i2: 7 },
        notApplicable: [{ item: 'i1', reason: 'type' }],
        words: { host: 'organiser' },
        lists: { areas: ['t-area'] },
      },
    ],
    formalities: [
      {
        id: 'volunteer',
        title: 'V',
        params: { a: 1, b: 4 },
        severities: { i2: 'blocker' },
        weights: { i2: 9 },
        notApplicable: [
          { item: 'i1', reason: 'formality' },
          { item: 'i3', reason: 'formality' },
        ],
        words: { space: 'hall' },
        lists: { kinds: ['v-kind'] },
      },
      { id: 'funded', title: 'F', params: {}, severities: {}, weights: {}, notApplicable: [], words: {}, lists: {} },
    ],
  } as unknown as Methodology;

  it('layers the type, the formality and the plan, and keeps as changed only what differs from the default', () => {
    const p = resolveProfile(pm, { type: 't', params: { b: 2 } });
    expect(p.type).toBe('t');
    expect(p.formality).toBe('volunteer');
    expect(p.formalityFrom).toBe('type');
    // a: 5 from the type, back to the default 1 by the formality; b: 4 by the formality, back to 2 by the plan.
    expect(p.params).toMatchObject({ a: 1, b: 2, c: 3 });
    expect(p.params).not.toHaveProperty('zz');
    expect(p.changed).toEqual({});
    const q = resolveProfile(pm, { type: 't', params: { a: 6 } });
    expect(q.changed).toEqual({ a: { value: 6, origin: 'plan' }, b: { value: 4, origin: 'formality' } });
  });

  it('lets the formality override the type in severities and weights, and the first n/a reason stand', () => {
    const p = resolveProfile(pm, { type: 't', params: {} });
    expect([...p.severities]).toEqual([
      ['i1', 'minor'],
      ['i2', 'blocker'],
    ]);
    expect([...p.weights]).toEqual([
      ['i1', 7],
      ['i2', 9],
    ]);
    expect([...p.notApplicable]).toEqual([
      ['i1', 'type'],
      ['i3', 'formality'],
    ]);
    expect(p.words).toEqual({ host: 'organiser', space: 'hall' });
    expect(p.lists).toEqual({ areas: ['t-area'], kinds: ['v-kind'] });
  });

  it('says where the formality came from: the plan, the type, or the stricter default', () => {
    expect(resolveProfile(pm, { type: 't', formality: 'funded', params: {} })).toMatchObject({
      formality: 'funded',
      formalityFrom: 'plan',
    });
    const none = resolveProfile(pm, { params: {} });
    expect(none).toMatchObject({ formality: 'funded', formalityFrom: 'default' });
    expect(none).not.toHaveProperty('type');
    expect(none.lists).toEqual({ areas: ['x', 'y'], kinds: ['k'] });
    expect(none.words).toEqual({ host: 'host', space: 'space' });
    expect(none.notApplicable.size).toBe(0);
  });

  it('takes a parameter from a plan fact, held within its bounds', () => {
    const base = resolveProfile(pm, { params: {} });
    expect(withFactParams(pm, { facts: {} }, base)).toBe(base);
    expect(withFactParams(pm, { facts: { c: 'many' } }, base)).toBe(base);
    expect(withFactParams(pm, { facts: { c: 3 } }, base)).toBe(base);
    const high = withFactParams(pm, { facts: { c: 50 } }, base);
    expect(high.params.c).toBe(10);
    expect(high.changed).toEqual({ c: { value: 10, origin: 'fact' } });
    const low = withFactParams(pm, { facts: { c: 0 } }, base);
    expect(low.params.c).toBe(2);
    expect(low.params.a).toBe(1);
    expect(withFactParams(pm, { facts: { c: 5 } }, base).params.c).toBe(5);
    expect(base.params.c).toBe(3);
  });

  it('drops a parameter from the changed list when the fact brings it back to the default', () => {
    const moved = resolveProfile(pm, { params: { c: 8 } });
    expect(moved.changed).toEqual({ c: { value: 8, origin: 'plan' } });
    const back = withFactParams(pm, { facts: { c: 3 } }, moved);
    expect(back.params.c).toBe(3);
    expect(back.changed).toEqual({});
  });
});

describe('the roster', () => {
  const fields = [
    { segments: ['team', 'host'], key: true },
    { segments: ['team', 'leads', '*'], key: true },
    { segments: ['team', 'helpers', '*', 'name'], key: false },
  ];
  const roster = new Set(['ana', 'bo']);

  it('checks nothing without a roster', () => {
    const r = checkRoster({ team: { host: 'Zed' } }, null, new Set(), fields);
    expect(r.unknown).toEqual([]);
    expect(r.keyDuties.size).toBe(0);
  });

  it('finds each name not on the roster at its path, and lets a role stand for people', () => {
    const data = { team: { host: 'Zed', leads: ['Ana', 'greeter', ' ', 'none', 42], helpers: [{ name: 'Cy' }, { other: 1 }] } };
    const r = checkRoster(data, roster, new Set(['greeter']), fields);
    expect(r.unknown.map((u) => [u.path, u.name])).toEqual([
      [['team', 'host'], 'Zed'],
      [['team', 'helpers', 0, 'name'], 'Cy'],
    ]);
    expect([...r.unknownKeys]).toEqual(['team\u0000host', 'team\u0000helpers\u00000\u0000name']);
  });

  it('counts each key duty once per person, and no duty for a field that is not key', () => {
    const data = { team: { host: 'Ana', leads: ['ana', 'Bo', 'ANA'], helpers: [{ name: 'Bo' }] } };
    const r = checkRoster(data, roster, new Set(), fields);
    expect(r.unknown).toEqual([]);
    expect([...r.keyDuties]).toEqual([
      ['ana', 2],
      ['bo', 1],
    ]);
  });

  it('reads nothing through a value that is not a map or a list', () => {
    const r = checkRoster({ team: { host: ['Zed'], leads: 'Zed', helpers: null } }, roster, new Set(), fields);
    expect(r.unknown).toEqual([]);
  });

  it('finds the first item that reads a person field, or none', () => {
    const rm = {
      ...m,
      phases: [
        {
          id: 'p',
          items: [
            { id: 'x', evidence: [{ segments: ['team', 'other'] }] },
            { id: 'y', evidence: [{ segments: ['team'] }] },
            { id: 'z', evidence: [{ segments: ['team', 'leads'] }] },
          ],
        },
      ],
    } as unknown as Methodology;
    expect(itemReading(rm, { segments: ['team', 'leads', '*'], key: true })?.id).toBe('y');
    expect(itemReading(rm, { segments: ['other', '*'], key: true })).toBeNull();
    const deep = {
      ...rm,
      phases: [{ id: 'p', items: [{ id: 'w', evidence: [{ segments: ['team', 'leads', 'x', 'y'] }] }] }],
    } as unknown as Methodology;
    expect(itemReading(deep, { segments: ['team', 'leads'], key: true })).toBeNull();
  });
});

describe('the finding that explains a gap', () => {
  it('is the first gap finding of the item, never a note before it', () => {
    const finding = (code: string, itemId: string) => ({ code, itemId }) as PlanAssessment['findings'][number];
    const a = {
      findings: [
        finding('claim-contradicted', 'a'),
        finding('item-partial', 'a'),
        finding('item-unmet', 'a'),
        finding('item-unanswered', 'b'),
      ],
    } as unknown as PlanAssessment;
    expect(gapFindingOf(a, 'a')?.code).toBe('item-partial');
    expect(gapFindingOf(a, 'b')?.code).toBe('item-unanswered');
    expect(gapFindingOf(a, 'c')).toBeUndefined();
  });
});

describe('assessing a plan', () => {
  const TODAY = '2026-07-01';
  const COMPLETE = COMPLETE_MINI_PLAN;
  const assess = (yaml: string, options: Partial<AssessOptions> = {}) =>
    assessPlan(planFromYaml(yaml, m), m, validation, { today: TODAY, ...options });
  const result = (a: PlanAssessment, id: string) => a.items.find((r) => r.itemId === id)!;
  const waived = (expires: string) =>
    COMPLETE.replace('  sponsor: Acme\n', '') +
    `  second.sponsor: { status: unmet, waiver: { reason: Chosen in August., expires: ${expires} } }\n`;

  it("keeps the team's own answer over the n/a its community type would give", () => {
    const grassroots = COMPLETE.replace('type: customer', 'type: grassroots').replace('  sponsor: Acme\n', '');
    expect(result(assess(grassroots), 'second.sponsor')).toMatchObject({ status: 'n/a', basis: 'profile' });
    const answered = assess(`${grassroots}  second.sponsor: { status: unmet, note: We want one. }\n`);
    expect(result(answered, 'second.sponsor')).toMatchObject({ status: 'unmet', basis: 'evidence+answer' });
    expect(result(answered, 'second.sponsor')).not.toHaveProperty('naReason');
  });

  it('keeps a waiver in force up to its horizon, a year by default, and not a day beyond', () => {
    const atHorizon = assess(waived('2027-07-01'));
    expect(result(atHorizon, 'second.sponsor').waiver).toEqual({ reason: 'Chosen in August.', expires: '2027-07-01', active: true });
    expect(atHorizon.findings.map((f) => f.code)).toEqual(['item-unmet', 'item-waived']);
    const beyond = assess(waived('2027-07-02'));
    expect(result(beyond, 'second.sponsor').waiver!.active).toBe(false);
    expect(beyond.findings.find((f) => f.code === 'waiver-too-long')!.data).toEqual({
      expires: '2027-07-02',
      reason: 'Chosen in August.',
      max: 365,
    });
    expect(beyond.findings.some((f) => f.code === 'waiver-expired' || f.code === 'item-waived')).toBe(false);
  });

  it('takes the horizon it is given, and calls a waiver that ended yesterday expired', () => {
    expect(result(assess(waived('2026-07-11'), { maxWaiverDays: 10 }), 'second.sponsor').waiver!.active).toBe(true);
    const long = assess(waived('2026-07-12'), { maxWaiverDays: 10 });
    expect(long.findings.find((f) => f.code === 'waiver-too-long')!.data).toMatchObject({ max: 10 });
    const ended = assess(waived('2026-06-30'));
    expect(result(ended, 'second.sponsor').waiver!.active).toBe(false);
    expect(ended.findings.find((f) => f.code === 'waiver-expired')).toMatchObject({
      itemId: 'second.sponsor',
      data: { expires: '2026-06-30', reason: 'Chosen in August.' },
      location: { path: 'assessment.second.sponsor.waiver.expires' },
    });
  });

  it('keeps a waiver in force on the day it expires', () => {
    const lastDay = assess(waived('2026-07-01'));
    expect(result(lastDay, 'second.sponsor').waiver).toMatchObject({ expires: '2026-07-01', active: true });
    expect(lastDay.findings.find((f) => f.itemId === 'second.sponsor' && f.code !== 'item-unmet')).toMatchObject({
      code: 'item-waived',
      location: { path: 'assessment.second.sponsor.waiver' },
    });
  });

  it('names a waiver owner when the plan gives one', () => {
    const owned =
      COMPLETE.replace('  sponsor: Acme\n', '') +
      '  second.sponsor: { status: unmet, waiver: { reason: Budget in March, expires: 2026-08-01, owner: Ana } }\n';
    expect(result(assess(owned), 'second.sponsor').waiver).toEqual({
      reason: 'Budget in March',
      expires: '2026-08-01',
      active: true,
      owner: 'Ana',
    });
  });

  it('scores each phase on its own readiness items and counts its statuses', () => {
    const a = assess(COMPLETE.replace('  host: Ana\n', '').replace('  rules_url: https://acme.example/rules\n', ''));
    expect(a.phases).toEqual([
      { phaseId: 'first', score: 80.8, counts: { met: 2, partial: 1, unmet: 0, unanswered: 0, stale: 0, unmeasured: 0, 'n/a': 0 } },
      { phaseId: 'second', score: 66.7, counts: { met: 2, partial: 0, unmet: 1, unanswered: 0, stale: 0, unmeasured: 0, 'n/a': 0 } },
    ]);
    expect(a.score).toBe(75);
    expect(a.gaps).toEqual(['first.people', 'second.rules']);
  });

  it('says what it assessed: the community, methodology, day, stage and profile, and no health without outcomes', () => {
    const a = assess(COMPLETE);
    expect(a).toMatchObject({
      file: 'plan.yaml',
      community: { name: 'Complete', type: 'customer' },
      methodology: { id: 'mini', version: '0.1.0' },
      today: TODAY,
      profile: { type: 'customer', formality: 'funded', formalityFrom: 'default' },
      health: null,
      healthCoverage: { measured: 0, of: 0 },
      customParams: {},
      paramOrigins: {},
    });
    expect(a.stage.id).toBe('planning');
    const untyped = assess(COMPLETE.replace('community: { name: Complete, type: customer }', 'community: { name: Untyped }'));
    expect(untyped.community).toEqual({ name: 'Untyped' });
    expect(untyped.profile).toEqual({ formality: 'funded', formalityFrom: 'default' });
    expect(assess(`${COMPLETE}params:\n  people_min: 2\n`).paramOrigins).toEqual({ people_min: 'plan' });
  });

  it('orders findings by their place in the plan', () => {
    const a = assess(
      COMPLETE.replace('  purpose: Members help each other ship better software.\n', '').replace(
        '  rules_url: https://acme.example/rules\n',
        '',
      ),
    );
    const lines = a.findings.map((f) => f.location.line);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
    expect(a.findings.map((f) => `${f.code}:${f.itemId}`)).toEqual(['item-unmet:first.purpose', 'item-unmet:second.rules']);
  });

  it('lets a stale review pull down only what the answer decided, with the review date and period in its finding', () => {
    const old = COMPLETE.replace(
      'first.values: { status: met, reviewed: 2026-06-01 }',
      'first.values: { status: partial, reviewed: 2026-03-22 }',
    );
    const a = assess(old);
    expect(result(a, 'first.values').status).toBe('stale');
    expect(a.findings.find((f) => f.itemId === 'first.values')).toMatchObject({
      code: 'answer-stale',
      data: { reviewed: '2026-03-22', validityDays: 100, failed: [] },
      location: { path: 'assessment.first.values.reviewed' },
    });
    expect(result(assess(old.replace('2026-03-22', '2026-03-23')), 'first.values').status).toBe('partial');
  });
});

describe('items not judged', () => {
  const TODAY = '2026-07-01';
  /** The mini methodology with some items changed. */
  function changed(changes: Record<string, Partial<Item>>): Methodology {
    return { ...m, phases: m.phases.map((p) => ({ ...p, items: p.items.map((i) => (changes[i.id] ? { ...i, ...changes[i.id] } : i)) })) };
  }
  const assessWith = (methodology: Methodology, yaml: string) =>
    assessPlan(planFromYaml(yaml, methodology), methodology, validation, { today: TODAY });
  const result = (a: PlanAssessment, id: string) => a.items.find((r) => r.itemId === id)!;
  const running = (opened: string) => COMPLETE_MINI_PLAN.replace('type: customer }', `type: customer, stage: running, opened: ${opened} }`);

  it('leaves an item outside the plan stage unjudged, saying in which stages it applies', () => {
    const mm = changed({ 'first.values': { stages: ['launching', 'running'], stageNote: 'The launch review judges it.' } });
    expect(result(assessWith(mm, COMPLETE_MINI_PLAN), 'first.values')).toMatchObject({
      status: 'n/a',
      basis: 'stage',
      naReason:
        'Not judged while the community is being planned: it applies while the community is launching or once the community is running. The launch review judges it.',
    });
    const plain = changed({ 'first.values': { stages: ['running'] } });
    expect(result(assessWith(plain, COMPLETE_MINI_PLAN), 'first.values').naReason).toBe(
      'Not judged while the community is being planned: it applies once the community is running.',
    );
    expect(result(assessWith(plain, running('2026-01-01')), 'first.values').status).toBe('met');
  });

  it('judges an outcome from the day it becomes observable, not before', () => {
    const mm = changed({ 'second.review': { observableAfterDays: 30 } });
    expect(result(assessWith(mm, running('2026-06-01')), 'second.review').status).toBe('met');
    expect(result(assessWith(mm, running('2026-06-02')), 'second.review')).toMatchObject({
      status: 'n/a',
      basis: 'stage',
      naReason:
        'Cannot be measured yet: the community opened on 2026-06-02, 29 days ago, and this outcome needs 30 days of activity; it is judged from then on.',
    });
    expect(result(assessWith(mm, running('2026-06-30')), 'second.review').naReason).toMatch(/opened on 2026-06-30, 1 day ago,/);
    // Opened on the day itself: 0 days of activity.
    expect(result(assessWith(mm, running('2026-07-01')), 'second.review').naReason).toMatch(/opened on 2026-07-01, 0 days ago,/);
    // An opening day after today excuses nothing: the outcome is judged, and the date is a finding.
    const ahead = assessWith(mm, running('2026-07-05'));
    expect(result(ahead, 'second.review')).toMatchObject({ status: 'met', basis: 'answer' });
    expect(ahead.findings.filter((f) => f.code === 'date-in-future')).toMatchObject([
      { itemId: 'second.review', location: { path: 'community.opened' }, data: { asOf: '2026-07-05' } },
    ]);
    expect(result(assessWith(mm, COMPLETE_MINI_PLAN), 'second.review').status).toBe('met');
  });

  it('judges an item whose condition holds or is unstated (asking for the fact), and leaves it out where the fact rules it out', () => {
    const mm = changed({
      'second.sponsor': { appliesWhen: [{ path: 'custom.funded', segments: ['custom', 'funded'], values: [true, 'yes'] }] },
    });
    const withFact = (fact: string) => COMPLETE_MINI_PLAN.replace('  sponsor: Acme\n', fact);
    const unstated = assessWith(mm, withFact(''));
    expect(result(unstated, 'second.sponsor').status).toBe('unmet');
    expect(unstated.findings.find((f) => f.code === 'fact-unstated')).toMatchObject({
      itemId: 'second.sponsor',
      data: { fact: 'custom.funded' },
    });
    expect(result(assessWith(mm, withFact('  funded: yes\n')), 'second.sponsor').status).toBe('unmet');
    expect(result(assessWith(mm, withFact('  funded: true\n')), 'second.sponsor').status).toBe('unmet');
    expect(result(assessWith(mm, withFact('  funded: false\n')), 'second.sponsor')).toMatchObject({
      status: 'n/a',
      basis: 'condition',
      naReason: 'Judged only where custom.funded is true or yes; the plan says false.',
    });
    expect(result(assessWith(mm, withFact('  funded: [true]\n')), 'second.sponsor').status).toBe('n/a');
  });
});
