import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { FORMATS, plainPainter, type RunResult } from '../../src/report/types.js';
import { builtinMethodology, miniMethodology, planFromYaml, validation } from '../helpers.js';

const m = miniMethodology();
const context = { toolVersion: '9.9.9', paint: plainPainter };
const plan = (name: string) => planFromYaml(readFileSync(`test/fixtures/plans/${name}.yaml`, 'utf8'), m, `test/fixtures/plans/${name}.yaml`);
const assessed = (name: string) => assessPlan(plan(name), m, validation, { today: '2026-07-01' });

function lintRun(): RunResult {
  const thresholds = { failOn: 'blocker' as const };
  const plans = ['mini-complete', 'mini-empty'].map((n) => {
    const assessment = assessed(n);
    return { assessment, methodology: m, verdict: judgePlan(assessment, m, thresholds) };
  });
  return { command: 'lint', plans, thresholds };
}

function reportRun(name: string): RunResult {
  return { command: 'report', plans: [{ assessment: assessed(name), methodology: m }] };
}

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. A missing golden file fails. */
function expectGolden(name: string, actual: string): void {
  const file = `test/golden/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('formatters', () => {
  it('registers every format', () => {
    expect(Object.keys(FORMATTERS).sort()).toEqual([...FORMATS].sort());
  });

  for (const run of [lintRun(), reportRun('mini-empty')]) {
    it(`json output of ${run.command} validates against schemas/report.schema.json`, () => {
      const parsed = JSON.parse(FORMATTERS.json(run, context));
      expect(validation.report(parsed), JSON.stringify(validation.report.errors)).toBe(true);
    });
  }

  it('json output is deterministic, with sorted keys and no timestamps', () => {
    const a = FORMATTERS.json(lintRun(), context);
    expect(FORMATTERS.json(lintRun(), context)).toBe(a);
    const parsed = JSON.parse(a);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(parsed.summary).toEqual({ plans: 2, passed: 1, failed: 1, notChecked: 0 });
    expect(parsed.plans[0].methodology).toEqual({ id: 'mini', title: 'Mini test methodology', version: '0.1.0' });
    expect(parsed.plans[1].findings[0]).toMatchObject({ code: 'item-unmet', item: 'first.purpose', line: 1, col: 1, path: 'custom.purpose' });
  });

  it('text lint output matches its golden file', () => {
    expectGolden('lint.txt', FORMATTERS.text(lintRun(), context));
  });

  it('text report output matches its golden file', () => {
    expectGolden('report-empty.txt', FORMATTERS.text(reportRun('mini-empty'), context));
  });

  it('text report of a running volunteer group matches its golden file: both scores, its words, and every item its stage leaves out, with the reason', () => {
    const builtin = builtinMethodology();
    const file = 'examples/volunteer-meetup.yaml';
    const assessment = assessPlan(planFromYaml(readFileSync(file, 'utf8'), builtin, file), builtin, validation, { today: '2026-11-25' });
    const text = FORMATTERS.text({ command: 'report', plans: [{ assessment, methodology: builtin }] }, context);
    expectGolden('report-volunteer-meetup.txt', text);
    expect(text).toMatch(/^Readiness 42\.9\/100 {3}Health 0\/100 {3}Level 2 Emergent$/m);
    expect(text).toMatch(/launch\.soft-launch {2}\(stage\) Not judged once the community is running/);
    expect(text).toMatch(/governance\.sponsor {2}\(profile\) A volunteer group has no organisation behind it/);
    expect(text).toMatch(/host_hours_per_week_min: 2 \(default 20; set by the formality\)/);
    // A volunteer group is spoken to in its own words.
    expect(text).toMatch(/The value for members and the value for the organising group are both stated/);
    expect(text).not.toMatch(/\{word:/);
  });

  it('text output carries no colour codes with the plain painter, and status words beside any symbol', () => {
    const text = FORMATTERS.text(lintRun(), context);
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatch(/FAIL/);
    expect(text).toMatch(/PASS/);
  });
});
