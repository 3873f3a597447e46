// diff and lint --baseline on real pairs of JSON reports, written by the built binary.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli } from './run-cli.js';
import { validation } from '../helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-diff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MINI = ['--checklists', 'test/fixtures/mini'];
const COMPLETE = readFileSync('test/fixtures/plans/mini-complete.yaml', 'utf8');
const EMPTY = readFileSync('test/fixtures/plans/mini-empty.yaml', 'utf8');
const plan = path.join(tmp, 'plan.yaml');

/** The plan's JSON report as of a date, written to a file. */
function reportAt(text: string, today: string, name: string): string {
  writeFileSync(plan, text);
  const out = path.join(tmp, name);
  const r = runCli(['report', plan, ...MINI, '--today', today, '--format', `json=${out}`]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('commready diff', () => {
  // Before: nothing. After: most facts in, the sponsor still missing, and the answers (reviewed 2026-06-01) since gone stale.
  const before = reportAt(
    EMPTY.replace('community:', 'assessment:\n  first.values: { status: unmet, reviewed: 2026-06-01 }\ncommunity:'),
    '2026-07-01',
    'before.json',
  );
  const after = reportAt(COMPLETE.replace('  sponsor: Acme\n', ''), '2026-10-01', 'after.json');

  it('shows scores, level, gaps closed, new gaps and answers gone stale', () => {
    const r = runCli(['diff', before, after]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}readiness 0 → [\d.]+ \(\+[\d.]+\) {3}level 0 None → 1 Started$/m);
    expect(r.stdout).toMatch(/^ {2}gaps closed \(3\)\n {4}first\.purpose {2}blocker/m);
    expect(r.stdout).toMatch(/^ {2}answers gone stale \(1\)\n {4}first\.values /m);
    expect(r.stdout).toMatch(/^1 plan: 3 gaps closed, 0 new gaps, 1 answer gone stale$/m);
    const back = runCli(['diff', after, before]);
    expect(back.stdout).toMatch(/^ {2}new gaps \(3\)$/m);
    expect(back.stdout).toMatch(/readiness [\d.]+ → 0 \(−[\d.]+\)/);
  });

  it('writes Markdown that names every plan in a table', () => {
    const out = path.join(tmp, 'progress.md');
    expect(runCli(['diff', before, after, '--format', 'markdown', '--output', out]).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^\| .*plan\.yaml \| 0 → [\d.]+ \(\+[\d.]+\) \| — → — \| 0 None → 1 Started \| 3 \| 0 \| 1 \|$/m);
    expect(md).toMatch(/^- `first\.purpose` A purpose is written \(blocker\)$/m);
  });

  it('refuses what is not a JSON report, with one line', () => {
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{"plans": []}');
    const r = runCli(['diff', before, bad]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/bad\.json: is not a commready JSON report/);
    writeFileSync(bad, 'not json');
    expect(expectOneErrorLine(runCli(['diff', bad, after]).stderr)).toMatch(/bad\.json: is not a JSON report/);
    expect(runCli(['diff', before, after, '-o', before]).code).toBe(2);
  });

  it('refuses a version 2 report whose plan names no table, with one line', () => {
    const broken = path.join(tmp, 'broken.json');
    const json = JSON.parse(readFileSync(after, 'utf8'));
    expect(json.schemaVersion).toBe(2);
    json.plans[0].table = 7;
    writeFileSync(broken, JSON.stringify(json));
    const r = runCli(['diff', before, broken]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(
      /broken\.json: is not a commready JSON report: \/plans\/0\/table refers to no entry of \/tables$/,
    );
  });

  it('reads a version 1 report, as the previous release wrote it, against a version 2 one', () => {
    const old = 'test/fixtures/reports/schema-1-halfway.json';
    const now = path.join(tmp, 'halfway.json');
    const r = runCli(['report', 'examples/halfway.yaml', '--today', '2026-11-25', '--format', `json=${now}`]);
    expect(r.code, r.stderr).toBe(0);
    const d = runCli(['diff', old, now]);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/^1 plan: 0 gaps closed, 0 new gaps, 0 answers gone stale$/m);
    const l = runCli(['lint', 'examples/halfway.yaml', '--today', '2026-11-25', '--baseline', old]);
    expect(l.stderr).toBe('');
    expect(l.code, l.stdout).toBe(0);
  });
});

describe('lint --baseline', () => {
  const a = path.join(tmp, 'a.yaml');
  const b = path.join(tmp, 'b.yaml');
  const baseline = path.join(tmp, 'baseline.json');

  it('fails only on gaps that are not in the baseline, matched by file and item id', () => {
    writeFileSync(a, EMPTY);
    writeFileSync(b, COMPLETE);
    const first = runCli(['lint', a, b, ...MINI, '--today', '2026-07-01', '--format', `json=${baseline}`]);
    expect(first.code).toBe(1);
    const known = runCli(['lint', a, b, ...MINI, '--today', '2026-07-01', '--baseline', baseline]);
    expect(known.code, known.stdout).toBe(0);
    expect(known.stdout).toMatch(/^ {2}\S+a\.yaml:1:1 {2}known {4}A purpose is written: not met {2}first\.purpose$/m);
    // Known gaps are still open: the summary counts them, and says how many the baseline knows.
    expect(known.stdout).toMatch(
      / · open: 3 blockers \(3 known from the baseline\), 2 majors \(2 known from the baseline\), 1 minor \(1 known from the baseline\)$/m,
    );
    // A new blocker in b (its sponsor removed) fails; a's known ones still do not.
    writeFileSync(b, COMPLETE.replace('  sponsor: Acme\n', ''));
    const json = runCli(['lint', a, b, ...MINI, '--today', '2026-07-01', '--baseline', baseline, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(validation.report(JSON.parse(json.stdout)), JSON.stringify(validation.report.errors)).toBe(true);
    const plans = JSON.parse(json.stdout).plans;
    expect(plans[0].passed).toBe(true);
    expect(plans[0].baselined).toEqual([
      'first.purpose',
      'first.people',
      'second.sponsor',
      'first.values',
      'second.rules',
      'second.review',
    ]);
    expect(plans[1].reasons).toEqual([
      { code: 'open-items', failOn: 'blocker', items: ['second.sponsor'], message: "1 open item at or above 'blocker': second.sponsor" },
    ]);
  });

  it('holds back no gap of a severity the project accepts no waiver for (lint.maxWaiverDays 0)', () => {
    writeFileSync(a, EMPTY);
    const config = path.join(tmp, 'no-blocker-waivers.yaml');
    writeFileSync(config, 'lint:\n  failOn: blocker\n  maxWaiverDays: { blocker: 0 }\n');
    const args = ['lint', a, ...MINI, '--today', '2026-07-01', '--config', config];
    expect(runCli([...args, '--format', `json=${baseline}`]).code).toBe(1);
    const r = runCli([...args, '--baseline', baseline]);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/^ {2}\S+a\.yaml:1:1 {2}blocker {2}A purpose is written: not met {2}first\.purpose$/m);
    expect(r.stdout).toMatch(/ · open: 3 blockers, 2 majors \(2 known from the baseline\), 1 minor \(1 known from the baseline\)$/m);
    const json = JSON.parse(runCli([...args, '--baseline', baseline, '--format', 'json']).stdout);
    expect(validation.report(json), JSON.stringify(validation.report.errors)).toBe(true);
    expect(json.plans[0].baselined).toEqual(['first.values', 'second.rules', 'second.review']);
    // A severity still waivable is held back as before.
    writeFileSync(config, 'lint:\n  failOn: blocker\n  maxWaiverDays: { major: 0 }\n');
    expect(runCli([...args, '--baseline', baseline]).code).toBe(0);
  });

  it('matches plans by their path relative to the working directory, however they are named', () => {
    const rel = path.relative(process.cwd(), a);
    expect(runCli(['lint', rel, ...MINI, '--today', '2026-07-01', '--baseline', baseline]).code).toBe(0);
  });

  it('refuses a baseline that is not a JSON report', () => {
    const r = runCli(['lint', a, ...MINI, '--baseline', a]);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/a\.yaml: is not a JSON report/);
  });
});
