// Each open item is explained by one finding, its gap, chosen once in scoring: every format reports that
// finding, never a note about the same item that happens to come first in the plan.
import { formatRun } from '../../src/report/types.js';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { gapFindingOf } from '../../src/scoring/gap-finding.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { takenOutOf } from '../../src/report/lint-details.js';
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
    const sarif = JSON.parse(formatRun(FORMATTERS.sarif, run, context)) as {
      runs: {
        results: { ruleId: string; properties: { code?: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'purpose.statement')!;
    expect(result.properties.code).toBe('item-partial');
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(gap.location.line);
    const junit = formatRun(FORMATTERS.junit, run, context);
    expect(junit).toMatch(new RegExp(`name="purpose.statement[^"]*"[^>]*>\\s*<failure message="blocker partial: Partly met`));
    expect(junit).not.toMatch(/purpose.statement[\s\S]{0,300}claims 'met'/);
    const json = JSON.parse(formatRun(FORMATTERS.json, run, context)) as {
      plans: { items: { id: string; gap?: { code: string; line: number } }[] }[];
    };
    expect(json.plans[0]!.items.find((i) => i.id === 'purpose.statement')!.gap).toMatchObject({
      code: 'item-partial',
      line: gap.location.line,
    });
    expect(validation.report(json)).toBe(true);
    const text = formatRun(FORMATTERS.text, { command: 'report', plans: [plan] }, context);
    expect(text).toMatch(new RegExp(`purpose\\.statement {2}${gap.location.line}:${gap.location.col}`));
    // A gap the baseline knows is listed at the same line, not at the claim above it.
    expect(takenOutOf({ ...plan, baselined: ['purpose.statement'] })).toEqual([
      { itemId: 'purpose.statement', severity: 'blocker', kind: 'known', line: gap.location.line },
    ]);
  });
});

describe('a JUnit failure', () => {
  it('says once what is missing: the message in full, the body as the failed checks with their details', () => {
    // Greeters not named: a people check that fails with a count ('0 of 2 named').
    const plan = planFromYaml(
      `version: 3
community: { name: A, type: grassroots, stage: planning, format: online, minors: false }
audience:
  onboarding: { first_action: Introduce yourself in the welcome thread }
`,
      m,
    );
    const a = assessPlan(plan, m, validation, { today: '2026-11-25' });
    const run = { command: 'lint' as const, plans: [{ assessment: a, methodology: m, verdict: judgePlan(a, m, { failOn: 'minor' }) }] };
    const junit = formatRun(FORMATTERS.junit, run, { toolVersion: '9.9.9', paint: plainPainter, cwd: process.cwd() });
    const failure = /<testcase name="audience\.onboarding[^>]*>\s*<failure message="([^"]*)"[^>]*>([^<]*)<\/failure>/.exec(junit);
    expect(failure).not.toBeNull();
    const [, message, body] = failure!;
    const greeters = a.items.find((r) => r.itemId === 'audience.onboarding')!.failed.find((f) => f.path === 'launch.greeting.greeters')!;
    expect(greeters).toBeDefined();
    expect(greeters.detail).toMatch(/of 2 named/);
    expect(message).toContain('welcomed by name');
    const lines = body!.split('\n');
    const item = a.items.find((r) => r.itemId === 'audience.onboarding')!;
    expect(lines[0]).toBe(`blocker ${item.status}: ${item.title}`);
    expect(lines).toContain(`- launch.greeting.greeters: ${greeters.message} (${greeters.detail})`);
    expect(lines.at(-1)).toMatch(/^at \S+:\d+:\d+$/);
    // Each check's sentence once in the body, not again in a first line.
    expect(body!.split('welcomed by name')).toHaveLength(2);
  });
});
