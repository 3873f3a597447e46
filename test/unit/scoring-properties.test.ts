// Properties of scoring over every combination of facts and answers in the mini methodology.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { miniMethodology, planFromYaml, validation } from '../helpers.js';
import { runs } from '../properties.js';

const m = miniMethodology();
type Level3 = 'met' | 'partial' | 'none';
type Answer = 'met' | 'partial' | 'unmet' | 'n/a' | 'none';

interface Shape {
  grassroots: boolean;
  purpose: boolean;
  people: Level3;
  values: Answer;
  rules: boolean;
  sponsor: boolean;
  review: Answer;
}

const shape = fc.record<Shape>({
  grassroots: fc.boolean(),
  purpose: fc.boolean(),
  people: fc.constantFrom('met', 'partial', 'none'),
  values: fc.constantFrom('met', 'partial', 'unmet', 'n/a', 'none'),
  rules: fc.boolean(),
  sponsor: fc.boolean(),
  review: fc.constantFrom('met', 'partial', 'unmet', 'n/a', 'none'),
});

function planOf(s: Shape) {
  const custom: Record<string, unknown> = {};
  if (s.purpose) custom.purpose = 'Members help each other ship better software.';
  if (s.people !== 'none') custom.people = ['Ana', 'Bo', 'Cy'];
  if (s.people === 'met') custom.host = 'Ana';
  if (s.rules) custom.rules_url = 'https://acme.example/rules';
  if (s.sponsor) custom.sponsor = 'Acme';
  const assessment: Record<string, unknown> = {};
  const answer = (a: Answer) =>
    a === 'n/a' ? { status: a, note: 'Not for us.', reviewed: '2026-06-01' } : { status: a, reviewed: '2026-06-01' };
  if (s.values !== 'none') assessment['first.values'] = answer(s.values);
  if (s.review !== 'none') assessment['second.review'] = answer(s.review);
  const plan = { community: { name: 'P', type: s.grassroots ? 'grassroots' : 'customer' }, custom, assessment };
  return assessPlan(planFromYaml(JSON.stringify(plan), m), m, validation, { today: '2026-07-01' });
}

/** The shape with these items met. */
function meet(s: Shape, ids: readonly string[]): Shape {
  const next = { ...s };
  for (const id of ids) {
    if (id === 'first.purpose') next.purpose = true;
    if (id === 'first.people') next.people = 'met';
    if (id === 'first.values') next.values = 'met';
    if (id === 'second.rules') next.rules = true;
    if (id === 'second.sponsor') next.sponsor = true;
    if (id === 'second.review') next.review = 'met';
  }
  return next;
}

const RUNS = { seed: 20261125, numRuns: runs(300) };

describe('scoring properties', () => {
  it('keeps the score within 0-100, and score plus the points of the gaps at 100', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const a = planOf(s);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
        const points = a.items.reduce((sum, i) => sum + i.points, 0);
        if (a.items.some((i) => i.value !== null)) expect(Math.abs(a.score + points - 100)).toBeLessThanOrEqual(0.1 * a.items.length);
      }),
      RUNS,
    );
  });

  it('never lowers the score or the level when an open item is met', () => {
    fc.assert(
      fc.property(
        shape,
        fc.constantFrom('first.purpose', 'first.people', 'first.values', 'second.rules', 'second.sponsor', 'second.review'),
        (s, id) => {
          const before = planOf(s);
          const after = planOf(meet(s, [id]));
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.level.index).toBeGreaterThanOrEqual(before.level.index);
        },
      ),
      RUNS,
    );
  });

  it('reaches the next level by meeting exactly the items of its path', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const a = planOf(s);
        if (!a.nextLevel) return;
        const after = planOf(meet(s, a.nextLevel.items));
        expect(after.level.index).toBeGreaterThanOrEqual(a.nextLevel.index);
        expect(after.score).toBe(a.nextLevel.scoreAfter);
      }),
      RUNS,
    );
  });

  it('lists exactly the open items as gaps, blockers first', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const a = planOf(s);
        const open = a.items.filter((i) => i.status !== 'met' && i.status !== 'n/a').map((i) => i.itemId);
        expect([...a.gaps].sort()).toEqual(open.sort());
        const severities = a.gaps.map((id) => a.items.find((i) => i.itemId === id)!.severity === 'blocker');
        expect(severities).toEqual([...severities].sort((x, y) => Number(y) - Number(x)));
      }),
      RUNS,
    );
  });
});
