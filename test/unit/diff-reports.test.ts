// The progress between two reports shows both scores: readiness, and health once something is observed.
import { describe, expect, it } from 'vitest';
import { diffReports, formatDiffMarkdown, formatDiffText } from '../../src/report/diff-reports.js';
import type { ReportJson, ReportPlanJson } from '../../src/report/report-json.js';
import { plainPainter } from '../../src/report/types.js';

function report(score: number, health: number | null): ReportJson {
  const plan: ReportPlanJson = {
    file: 'plan.yaml',
    methodology: { id: 'commready', title: 'c', version: '2.0.0' },
    community: { name: 'X' },
    today: '2026-11-25',
    score,
    health,
    level: { id: 'established', title: 'Established', index: 4 },
    phases: [],
    items: [],
    findings: [],
    gaps: [],
  };
  return { plans: [plan] } as unknown as ReportJson;
}

describe('diff of two reports', () => {
  it('shows the change of the health score beside readiness', () => {
    const diff = diffReports(report(80, 50), report(82, 75));
    expect(diff.plans[0]!.health).toEqual({ before: 50, after: 75 });
    expect(formatDiffText(diff, plainPainter)).toMatch(/^ {2}readiness 80 → 82 \(\+2\) {3}health 50 → 75 \(\+25\) {3}level /m);
    expect(formatDiffMarkdown(diff)).toMatch(/^\| plan\.yaml \| 80 → 82 \(\+2\) \| 50 → 75 \(\+25\) \|/m);
  });

  it('leaves health out of the text while nothing is observed', () => {
    expect(formatDiffText(diffReports(report(10, null), report(20, null)), plainPainter)).not.toMatch(/health/);
  });
});
