// Boundaries that a careless change would move by one: each test fails if `>=` becomes `>`, a day is
// lost, or an empty set is treated as failing.
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { findNextLevel, gatePasses, levelReached } from '../../src/scoring/levels.js';
import { gateScore } from '../../src/scoring/weighted-score.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { UnknownLevelError, UsageError } from '../../src/errors.js';
import type { Level } from '../../src/methodology/types.js';
import type { ItemResult } from '../../src/scoring/types.js';
import { miniMethodology, planFromYaml, validation } from '../helpers.js';
import { itemResult } from '../item-result.js';

const m = miniMethodology();

const PLAN = `
community: { name: X }
custom:
  purpose: Members help each other ship better software.
  people: [Ana, Bo, Cy]
  host: Ana
  rules_url: https://acme.example/rules
assessment:
  first.values: { status: met, reviewed: 2026-06-01 }
  second.review: { status: met, reviewed: 2026-06-01 }
  second.sponsor: { status: unmet, waiver: { reason: Sponsor chosen in August., expires: 2026-07-01 } }
`;
const assess = (yaml: string, today: string) => assessPlan(planFromYaml(yaml, m), m, validation, { today });

const item = (id: string, over: Partial<ItemResult> = {}): ItemResult => itemResult(id, { points: 10, ...over });

describe('boundaries', () => {
  it('a waiver is active on its expiry day and expired the day after', () => {
    const onTheDay = assess(PLAN, '2026-07-01');
    expect(onTheDay.items.find((r) => r.itemId === 'second.sponsor')!.waiver).toMatchObject({ active: true });
    expect(judgePlan(onTheDay, m, { failOn: 'blocker' }).passed).toBe(true);
    const after = assess(PLAN, '2026-07-02');
    expect(after.findings.some((f) => f.code === 'waiver-expired')).toBe(true);
    expect(judgePlan(after, m, { failOn: 'blocker' }).passed).toBe(false);
  });

  it('a level is reached at exactly its minimum score and health, not only above', () => {
    const level: Level = { id: 'l', title: 'L', description: '', minScore: 80, minHealth: 60, gates: [] };
    const health = (score: number | null) => ({ score, coverage: 1 });
    expect(levelReached(level, [], 80, health(60), 'running')).toBe(true);
    expect(levelReached(level, [], 79.9, health(60), 'running')).toBe(false);
    expect(levelReached(level, [], 80, health(59.9), 'running')).toBe(false);
    expect(levelReached(level, [], 100, health(null), 'running')).toBe(false);
    // Outcomes reach a level only for a community that runs: a founders' wave's figures do not.
    expect(levelReached(level, [], 80, health(60), 'launching')).toBe(false);
    expect(levelReached(level, [], 80, health(60), 'planning')).toBe(false);
    // A level that asks for half of the measures: a score on fewer does not count.
    const covered = { ...level, minHealthCoverage: 0.5 };
    expect(levelReached(covered, [], 80, { score: 100, coverage: 0.5 }, 'running')).toBe(true);
    expect(levelReached(covered, [], 80, { score: 100, coverage: 0.49 }, 'running')).toBe(false);
  });

  it('a share gate passes when nothing of its severity applies, and counts exactly at its minimum', () => {
    const gate = { kind: 'share-met', severity: 'major', min: 0.5 } as const;
    expect(gatePasses(gate, [item('a', { status: 'n/a', value: null })])).toBe(true);
    expect(gatePasses(gate, [item('a', { status: 'met', value: 1 }), item('b')])).toBe(true);
    expect(gatePasses(gate, [item('a', { status: 'met', value: 1 }), item('b'), item('c')])).toBe(false);
  });

  it('an items-met gate is not passed on an item that cannot be measured yet, nor does the health a gate reads count it as met', () => {
    const gate = { kind: 'items-met', items: ['a'] } as const;
    expect(gatePasses(gate, [item('a', { status: 'n/a', value: null })])).toBe(true);
    expect(gatePasses(gate, [item('a', { status: 'n/a', value: null, notYetObservable: true })])).toBe(false);
    expect(gatePasses(gate, [item('a', { status: 'met', value: 1 })])).toBe(true);
    const measures = [
      item('h1', { dimension: 'health', status: 'met', value: 1, weight: 1 }),
      item('h2', { dimension: 'health', status: 'n/a', value: null, weight: 1, notYetObservable: true }),
    ];
    expect(gateScore(measures)).toBe(50);
    expect(gateScore(measures.slice(0, 1))).toBe(100);
  });

  it('a claimed met against partial evidence is flagged, and the facts win', () => {
    const a = assess(`${PLAN}  first.people: { status: met }\n`.replace('  host: Ana\n', ''), '2026-07-01');
    expect(a.items.find((r) => r.itemId === 'first.people')!.status).toBe('partial');
    expect(a.findings.find((f) => f.code === 'claim-contradicted')).toMatchObject({ itemId: 'first.people', data: { claimed: 'met' } });
  });

  it('the next-level path stops as soon as the score is reached exactly', () => {
    const items = Array.from({ length: 10 }, (_, i) => item(`i${i}`));
    const methodology = {
      ...m,
      levels: [
        { id: 'a', title: 'A', description: '', minScore: 0, gates: [] },
        { id: 'b', title: 'B', description: '', minScore: 30, gates: [] },
      ],
    };
    const next = findNextLevel(
      methodology,
      items,
      0,
      items.map((r) => r.itemId),
    )!;
    expect(next.items).toHaveLength(3);
    expect(next.scoreAfter).toBe(30);
  });

  it("judging against an unknown minimum level is the core's own error, never a silent pass", () => {
    const a = assess(PLAN, '2026-07-01');
    expect(() => judgePlan(a, m, { failOn: 'none', minLevel: 'reddy' })).toThrow(UnknownLevelError);
    expect(() => judgePlan(a, m, { failOn: 'none', minLevel: 'reddy' })).not.toThrow(UsageError);
    expect(() => judgePlan(a, m, { failOn: 'none', minLevel: 'reddy' })).toThrow(/unknown level 'reddy' \(did you mean 'ready'\?\)/);
  });
});
