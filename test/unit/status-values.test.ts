// What a status is worth comes from one table, STATUS_VALUES: item values, the points of a gap, the
// score, the report's formula line and the README all agree with it.
import { formatRun } from '../../src/report/types.js';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/report/formatters.js';
import { plainPainter } from '../../src/report/types.js';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { ITEM_STATUSES, STATUS_VALUES, type ItemResult, type ItemStatus } from '../../src/scoring/types.js';
import { builtinMethodology, planFromYaml, validation } from '../helpers.js';

const m = builtinMethodology();
const assessments = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`)
  .map((file) => assessPlan(planFromYaml(readFileSync(file, 'utf8'), m, file), m, validation, { today: '2026-11-25' }));

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Every scored status's value as the words state it: those named, and the rest at the "otherwise" value. */
function stated(named: ReadonlyMap<string, number>, otherwise: number): Record<string, number> {
  // n/a and unmeasured are worth nothing either way: they leave the denominator.
  const scored = ITEM_STATUSES.filter((s) => STATUS_VALUES[s] !== null);
  for (const status of named.keys()) expect(scored).toContain(status);
  return Object.fromEntries(scored.map((s) => [s, named.get(s) ?? otherwise]));
}

const table = Object.fromEntries(ITEM_STATUSES.filter((s) => STATUS_VALUES[s] !== null).map((s) => [s, STATUS_VALUES[s]]));

describe('the status values table', () => {
  it('gives every status a value, and n/a and unmeasured none (they leave the denominator)', () => {
    expect(Object.keys(STATUS_VALUES).sort()).toEqual([...ITEM_STATUSES].sort());
    expect(STATUS_VALUES['n/a']).toBeNull();
    expect(STATUS_VALUES.unmeasured).toBeNull();
  });

  it('is what scoring uses: each item value, the points of each gap, the scores and the score after the next level', () => {
    const statuses = new Set<ItemStatus>();
    for (const a of assessments) {
      for (const dimension of ['readiness', 'health'] as const) {
        const own = a.items.filter((r) => r.dimension === dimension);
        const total = own.reduce((t, r) => t + (r.value === null ? 0 : r.weight), 0);
        for (const r of own) {
          statuses.add(r.status);
          expect(r.value, `${a.file} ${r.itemId}`).toBe(STATUS_VALUES[r.status]);
          const points = r.value === null || total === 0 ? 0 : round1((100 * r.weight * (STATUS_VALUES.met - r.value)) / total);
          expect(r.points, `${a.file} ${r.itemId}`).toBe(points);
        }
        const score = (asMet: readonly string[]) => {
          const value = (r: ItemResult) => (r.value === null ? 0 : asMet.includes(r.itemId) ? STATUS_VALUES.met : r.value);
          return total === 0 ? 0 : round1((100 * own.reduce((t, r) => t + r.weight * value(r), 0)) / total);
        };
        expect(dimension === 'readiness' ? a.score : (a.health ?? 0), `${a.file} ${dimension}`).toBe(score([]));
        // The path to the next level counts its items as met.
        if (dimension === 'readiness' && a.nextLevel) expect(a.nextLevel.scoreAfter, a.file).toBe(score(a.nextLevel.items));
      }
    }
    expect([...statuses]).toEqual(expect.arrayContaining(['met', 'n/a', 'partial', 'unmet']));
  });

  it("is what the text report's formula line states", () => {
    const a = assessments[0]!;
    const text = formatRun(
      FORMATTERS.text,
      { command: 'report', plans: [{ assessment: a, methodology: m }] },
      { toolVersion: '9.9.9', paint: plainPainter },
    );
    const words = /over applicable items; (.+)\.$/m.exec(text)?.[1];
    expect(words).toBeDefined();
    const parts = words!.split(', ').map((p) => p.split(' '));
    const otherwise = parts.pop()!;
    expect(otherwise[0]).toBe('otherwise');
    expect(stated(new Map(parts.map(([s, v]) => [s!, Number(v)])), Number(otherwise[1]))).toEqual(table);
  });

  it('is what the README states', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    const words = /with value (.+?) otherwise\./.exec(readme)?.[1];
    expect(words, 'README.md: "with value … for met, … otherwise."').toBeDefined();
    const parts = words!.split(/, | and /);
    const otherwise = Number(parts.pop());
    const named = new Map(parts.map((p) => /^([\d.]+) for (\S+)$/.exec(p)!).map(([, v, s]) => [s!, Number(v)]));
    expect(stated(named, otherwise)).toEqual(table);
  });
});
