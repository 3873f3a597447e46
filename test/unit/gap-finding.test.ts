// Each open item is explained by one finding, its gap, chosen once in scoring: every format reports that
// finding, never a note about the same item that happens to come first in the plan.
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { gapFindingOf } from '../../src/scoring/gap-finding.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { plainPainter, type PlanResult } from '../../src/report/types.js';
import { builtinMethodology, planFromYaml, validation } from '../helpers.js';

const m = builtinMethodology();

// The claim that the purpose is met sits above the facts that show it is not: a note first in the file.
const PLAN = `version: 3
assessment:
  purpose.statement: { status: met, note: Written long ago. }
community: { name: A, type: grassroots, stage: planning, format: online, minors: false }
purpose:
  statement: { who: makers in town }
`;

describe('the finding that explains a gap', () => {
  const a = assessPlan(planFromYaml(PLAN, m), m, validation, { today: '2026-11-25' });
  const gap = gapFindingOf(a, 'purpose.statement')!;

  it('is the gap, not the claim the facts contradict, though the claim comes first in the plan', () => {
    const claim = a.findings.find((f) => f.code === 'claim-contradicted' && f.itemId === 'purpose.statement')!;
    expect(claim.location.line).toBeLessThan(gap.location.line);
    expect(gap).toMatchObject({ code: 'item-partial', location: { path: 'purpose.statement.together' } });
    expect(gapFindingOf(a, 'governance.sponsor')).toBeUndefined(); // n/a for a volunteer group: no gap
  });

  it('is what SARIF, JUnit, JSON and the text report show for the item', () => {
    const plan: PlanResult = { assessment: a, methodology: m, verdict: judgePlan(a, m, { failOn: 'minor' }) };
    const run = { command: 'lint' as const, plans: [plan] };
    const context = { toolVersion: '9.9.9', paint: plainPainter, cwd: process.cwd() };
    const sarif = JSON.parse(FORMATTERS.sarif(run, context)) as {
      runs: {
        results: { ruleId: string; properties: { code?: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'purpose.statement')!;
    expect(result.properties.code).toBe('item-partial');
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(gap.location.line);
    const junit = FORMATTERS.junit(run, context);
    expect(junit).toMatch(new RegExp(`name="purpose.statement[^"]*"[^>]*>\\s*<failure message="blocker partial: Partly met`));
    expect(junit).not.toMatch(/purpose.statement[\s\S]{0,300}claims 'met'/);
    const json = JSON.parse(FORMATTERS.json(run, context)) as {
      plans: { items: { id: string; gap?: { code: string; line: number } }[] }[];
    };
    expect(json.plans[0]!.items.find((i) => i.id === 'purpose.statement')!.gap).toMatchObject({
      code: 'item-partial',
      line: gap.location.line,
    });
    expect(validation.report(json)).toBe(true);
    const text = FORMATTERS.text({ command: 'report', plans: [plan] }, context);
    expect(text).toMatch(new RegExp(`purpose\\.statement {2}${gap.location.line}:${gap.location.col}`));
  });
});
