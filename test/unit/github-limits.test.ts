// GitHub's limits on what it reads, on 300 Idea-level plans (86 gaps each): code scanning rejects a SARIF run
// of more than 25,000 results, a pull request comment holds 65,536 characters, a step summary 1 MiB.
import { formatRun } from '../../src/report/types.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { formatStepSummary } from '../../src/report/step-summary.js';
import { plainPainter, type FormatContext, type PlanResult, type RunResult } from '../../src/report/types.js';
import { builtinMethodology, planFromYaml, validation } from '../helpers.js';
import { checkSarif, markdownlintTexts } from '../spec-checks.js';

const methodology = builtinMethodology();
const context: FormatContext = { toolVersion: '9.9.9', paint: plainPainter, cwd: '/work/repo' };
const idea = assessPlan(
  planFromYaml(readFileSync('examples/forum-only.yaml', 'utf8'), methodology, 'plans/forum-only.yaml'),
  methodology,
  validation,
  { today: '2026-11-25' },
);
const verdict = judgePlan(idea, methodology, { failOn: 'blocker' });

function manyPlans(n: number): RunResult {
  const plans: PlanResult[] = Array.from({ length: n }, (_, i) => ({
    assessment: { ...idea, file: `plans/team-${String(i).padStart(3, '0')}/forum-only.yaml` },
    methodology,
    verdict,
  }));
  return { command: 'lint', plans, thresholds: { failOn: 'blocker' } };
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe("GitHub's limits on 300 Idea-level plans", () => {
  const run = manyPlans(300);
  const gapsPerPlan = idea.gaps.length;

  it('are more than code scanning takes in one run, unless capped', () => {
    expect(gapsPerPlan * 300).toBeGreaterThan(25_000);
  });

  it('SARIF keeps 25,000 results, the most severe, and says in the run how many it left out', () => {
    const log = JSON.parse(formatRun(FORMATTERS.sarif, run, context));
    const [sarifRun] = log.runs;
    expect(sarifRun.results).toHaveLength(25_000);
    const levels = sarifRun.results.map((r: { level: string }) => r.level);
    const total = gapsPerPlan * 300;
    const left = total - 25_000;
    // Every error is kept; what is left out is of the lowest levels present.
    const errors = idea.gaps.filter((id) => idea.items.find((r) => r.itemId === id)?.severity === 'blocker').length * 300;
    expect(levels.filter((l: string) => l === 'error')).toHaveLength(errors);
    expect(sarifRun.properties.resultsLeftOut).toBe(left);
    const note = sarifRun.invocations[0].toolExecutionNotifications[0];
    expect(note.message.text).toMatch(new RegExp(`^${left} of ${total} results were left out: code scanning takes at most 25000 a run`));
    // Fingerprints stay unique, and a small run is untouched.
    const prints = sarifRun.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['commready/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const small = JSON.parse(formatRun(FORMATTERS.sarif, manyPlans(2), context)).runs[0];
    expect(small.results).toHaveLength(gapsPerPlan * 2);
    expect(small).not.toHaveProperty('invocations');
  });

  it('the capped SARIF validates against the SARIF 2.1.0 schema', () => {
    expect(checkSarif(formatRun(FORMATTERS.sarif, manyPlans(300), context))).toMatchObject({ ok: true });
  }, 60_000);

  it('the compact Markdown fits a pull request comment, whatever the number of plans, and says what it left out', () => {
    for (const n of [1, 12, 300]) {
      const md = formatRun(FORMATTERS['markdown-compact'], manyPlans(n), context);
      expect(md.length, `${n} plans`).toBeLessThan(65_536);
      expect(utf8(md)).toBeLessThan(65_536);
      // Blockers come first, then the counts, then the other gaps collapsed.
      const first = md.indexOf('**Open blockers');
      expect(first).toBeGreaterThan(0);
      expect(md.indexOf('**Open gaps:**')).toBeGreaterThan(first);
      expect(md.indexOf('<details><summary>')).toBeGreaterThan(md.indexOf('**Open gaps:**'));
      expect(md.split('<details>').length).toBe(md.split('</details>').length);
      if (n === 300) expect(md).toMatch(/\*\*Not listed here:\*\* .*cut to fit a pull request comment/);
    }
    // One plan's full Markdown report is larger than a comment; the compact one of the same plan is not.
    expect(formatRun(FORMATTERS.markdown, manyPlans(1), context).length).toBeGreaterThan(65_536);
  });

  it('the compact Markdown honours --max-findings, and passes markdownlint', () => {
    const capped: RunResult = { ...manyPlans(1), display: { maxFindings: 5 } };
    const md = formatRun(FORMATTERS['markdown-compact'], capped, context);
    expect(md.match(/^(\d+\.|-) `/gm)).toHaveLength(5);
    expect(md).toContain('at most 5 gaps a plan are listed (--max-findings)');
    expect(
      markdownlintTexts({ 'one.md': md, 'many.md': formatRun(FORMATTERS['markdown-compact'], manyPlans(300), context) }),
    ).toMatchObject({
      ok: true,
    });
  }, 60_000);

  it("lint's step summary stays under 1 MiB, and under what is left of it, with a notice", () => {
    const many = manyPlans(3_000);
    const full = formatRun(formatStepSummary, many, context);
    expect(utf8(full)).toBeLessThan(1_000_000);
    const small = formatRun(formatStepSummary, many, { ...context, maxBytes: 20_000 });
    expect(utf8(small)).toBeLessThanOrEqual(20_000);
    expect(small).toMatch(/cut to fit GitHub's step summary/);
    expect(formatRun(formatStepSummary, manyPlans(2), context)).not.toMatch(/cut to fit/);
  });
});
