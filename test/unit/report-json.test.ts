// Schema version 2 of the JSON report: what plans share is written once, in `tables`, and reads back whole.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/report/formatters.js';
import { formatRun, plainPainter, type PlanResult, type RunResult } from '../../src/report/types.js';
import { reportOfFile, type ReportFileJson } from '../../src/report/report-json.js';
import { builtinMethodology, judgedExample, validation } from '../helpers.js';

const m = builtinMethodology();
const context = { toolVersion: '9.9.9', paint: plainPainter };
const thresholds = { failOn: 'blocker' as const };

function judged(example: string, change?: (r: PlanResult) => PlanResult): PlanResult {
  const result = { ...judgedExample(m, example), methodologyLocation: 'built-in' };
  return change ? change(result) : result;
}

function written(plans: PlanResult[]): { text: string; json: ReportFileJson & { tables: { items: Record<string, object> }[] } } {
  const run: RunResult = { command: 'lint', plans, thresholds };
  const text = formatRun(FORMATTERS.json, run, context);
  const json = JSON.parse(text);
  expect(validation.report(json), JSON.stringify(validation.report.errors)).toBe(true);
  return { text, json };
}

function readBack(json: ReportFileJson) {
  const read = reportOfFile(json);
  if ('problem' in read) throw new Error(read.problem);
  return read.report;
}

/** A title written for one plan only, as a parameter of that plan would write it. */
const retitled = (r: PlanResult): PlanResult => ({
  ...r,
  assessment: { ...r.assessment, items: r.assessment.items.map((i, n) => (n === 0 ? { ...i, title: `${i.title} (this plan's)` } : i)) },
});

describe('the JSON report, schema version 2', () => {
  const examples = ['launch-ready', 'open-source', 'volunteer-meetup', 'halfway', 'forum-only'];
  const plans = [...examples.map((e) => judged(e)), judged('halfway', retitled)];
  const { text, json } = written(plans);

  it('reads back every item and phase whole: the fields version 1 wrote, for every plan', () => {
    const report = readBack(json);
    expect(report.plans).toHaveLength(plans.length);
    report.plans.forEach((p, n) => {
      const a = plans[n]!.assessment;
      expect(p.items.map((i) => [i.id, i.title, i.severity, i.status, i.points])).toEqual(
        a.items.map((r) => [r.itemId, r.title, r.severity, r.status, r.points]),
      );
      expect(p.phases.map((ph) => [ph.id, ph.title])).toEqual(
        a.phases.map((ph) => [ph.phaseId, m.phases.find((x) => x.id === ph.phaseId)!.title]),
      );
    });
  });

  it('writes one table per profile, and an item leaves out only what its row says the same', () => {
    const profiles = new Set(plans.map((p) => JSON.stringify(p.assessment.profile)));
    expect(json.tables).toHaveLength(profiles.size);
    expect(profiles.size).toBeGreaterThan(1);
    const last = json.plans.at(-1)! as unknown as { table: number; items: { id: string; title?: string; severity?: string }[] };
    const halfway = json.plans[3]! as unknown as { table: number; items: { title?: string }[] };
    expect(last.table).toBe(halfway.table);
    // The retitled item keeps its own title; the others leave theirs to the row.
    expect(last.items[0]!.title).toMatch(/\(this plan's\)$/);
    expect(last.items.slice(1).filter((i) => i.title !== undefined)).toEqual([]);
    expect(halfway.items.filter((i) => i.title !== undefined)).toEqual([]);
    expect(Object.keys(json.tables[last.table]!.items)).toEqual([...plans[5]!.assessment.items.map((i) => i.itemId)].sort());
  });

  it("writes each element of a plan's lists on one line", () => {
    const lines = new Set(text.split('\n').map((l) => l.trim().replace(/,$/, '')));
    const listed = json.plans.flatMap((p) => [...p.items, ...p.phases, ...p.findings]);
    expect(listed.length).toBeGreaterThan(600);
    for (const element of listed) expect(lines.has(JSON.stringify(element)), JSON.stringify(element)).toBe(true);
  });

  it('fills every shared field back from the table: phase, weight and dimension too', () => {
    const report = readBack(json);
    const a = plans[1]!.assessment;
    expect(report.plans[1]!.items.map((i) => i as unknown as Record<string, unknown>).map((i) => [i.phase, i.weight, i.dimension])).toEqual(
      a.items.map((r) => [r.phaseId, r.weight, r.dimension]),
    );
  });

  it('still reads a version 1 report, as the previous release wrote it', () => {
    const old = JSON.parse(readFileSync('test/fixtures/reports/schema-1-halfway.json', 'utf8'));
    expect(old.schemaVersion).toBe(1);
    expect(validation.report(old), JSON.stringify(validation.report.errors)).toBe(true);
    const report = readBack(old);
    expect(report.plans[0]!.items.map((i) => [i.id, i.title, i.severity])).toEqual(
      judged('halfway').assessment.items.map((r) => [r.itemId, r.title, r.severity]),
    );
  });

  it('refuses a version 1 plan that leaves a field out, and a version 2 plan without its table', () => {
    const old = JSON.parse(readFileSync('test/fixtures/reports/schema-1-halfway.json', 'utf8'));
    delete old.plans[0].items[0].title;
    expect(validation.report(old)).toBe(false);
    const copy = structuredClone(json) as unknown as { plans: Record<string, unknown>[]; tables?: unknown };
    delete copy.plans[0]!.table;
    expect(validation.report(copy)).toBe(false);
    delete (copy as { tables?: unknown }).tables;
    expect(validation.report(copy)).toBe(false);
  });

  it('names the first reference to no table or row, as a JSON pointer', () => {
    const noTable = structuredClone(json) as unknown as ReportFileJson & { plans: { table: number }[] };
    noTable.plans[1]!.table = 99;
    expect(validation.report(noTable)).toBe(true);
    expect(reportOfFile(noTable)).toEqual({ problem: '/plans/1/table refers to no entry of /tables' });
    const noRow = structuredClone(json) as unknown as ReportFileJson & { plans: { items: { id: string }[] }[] };
    noRow.plans[2]!.items[4]!.id = 'no.such-item';
    expect(reportOfFile(noRow)).toEqual({
      problem: "/plans/2/items/4 leaves out its title or severity, and its table has no row 'no.such-item'",
    });
    const protoRow = structuredClone(json) as unknown as ReportFileJson & { plans: { items: { id: string }[] }[] };
    protoRow.plans[0]!.items[0]!.id = 'constructor';
    expect(reportOfFile(protoRow)).toEqual({
      problem: "/plans/0/items/0 leaves out its title or severity, and its table has no row 'constructor'",
    });
  });
});
