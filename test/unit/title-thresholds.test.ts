// Titles state the threshold in force: the plan's type, formality and own `params` for an assessed plan,
// the methodology's defaults where there is no plan; a share as a percentage.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultTextValues, fillPlaceholders, paramText, paramTexts } from '../../src/methodology/placeholders.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { formatRun, plainPainter } from '../../src/report/types.js';
import { formatStepSummary } from '../../src/report/step-summary.js';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { builtinMethodology, fakeIo, planFromYaml, validation } from '../helpers.js';

const m = builtinMethodology();

function assessed(community: string, extra = '') {
  const text = `version: 2\ncommunity:\n  name: Makers\n  stage: running\n  opened: 2026-01-15\n  size: 40\n${community}${extra}`;
  return assessPlan(planFromYaml(text, m), m, validation, { today: '2026-07-01' });
}
const titleOf = (a: ReturnType<typeof assessed>, id: string) => a.items.find((r) => r.itemId === id)!.title;

describe('placeholders in methodology text', () => {
  const values = { words: { host: 'organiser' }, params: { seed_min: '5', share_min: '50%' } };

  it('fills words and parameters, and leaves other braces as they are', () => {
    expect(fillPlaceholders('The {word:host} seeds {seed_min} posts; {share_min} by members.', values)).toBe(
      'The organiser seeds 5 posts; 50% by members.',
    );
    expect(fillPlaceholders('`{ value: 3 }` and {unknown} and {word:nobody}', values)).toBe(
      '`{ value: 3 }` and {unknown} and {word:nobody}',
    );
  });

  it('writes a share as a percentage for a reader and as the plan stores it for a plan key', () => {
    const share = { maximum: 1 };
    expect([paramText(share, 0.5, 'prose'), paramText(share, 0.125, 'prose'), paramText(share, 0.5, 'stored')]).toEqual([
      '50%',
      '12.5%',
      '0.5',
    ]);
    expect(paramText({ integer: true }, 24, 'prose')).toBe('24');
    expect(paramTexts(m.params, { first_response_hours_max: 72 }, 'prose')).toMatchObject({
      first_response_hours_max: '72',
      member_share_established: '50%',
    });
    expect(defaultTextValues(m).params.active_share_established).toBe('10%');
  });
});

describe('titles in an assessment', () => {
  it("state the type's and formality's thresholds, and the plan's own params, shares in %", () => {
    const customer = assessed('  type: customer\n');
    const volunteer = assessed('  type: grassroots\n  formality: volunteer\n');
    const own = assessed('  type: customer\n', 'params:\n  seed_content_min: 7\n  member_share_established: 0.6\n');
    expect(titleOf(customer, 'launch.response-promise')).toBe(
      'Every new post in the launch weeks gets a human reply within 24 hours, covered by a rota of named people',
    );
    expect(titleOf(volunteer, 'engagement.first-response-observed')).toBe(
      "Observed: newcomers' first posts get a first reply from someone else within 72 hours (median)",
    );
    expect(titleOf(volunteer, 'governance.capacity')).toBe('The organiser has at least 2 committed hours a week for the community');
    expect(titleOf(own, 'platform.seed-content')).toBe('At least 7 seed discussions and resources are in place before the doors open');
    expect(titleOf(own, 'engagement.member-share-observed')).toBe('Observed: members generate at least 60% of the activity');
    expect(titleOf(customer, 'measurement.active-observed')).toBe(
      'Observed: at least 2% of the community (and never fewer than 10 people) took part in the last 30 days',
    );
  });

  it('reach every report format: the plan’s thresholds in its results, the defaults in SARIF’s rules', () => {
    const a = assessed('  type: grassroots\n  formality: volunteer\n');
    const run = { command: 'report' as const, plans: [{ assessment: a, methodology: m }] };
    const context = { toolVersion: '9.9.9', paint: plainPainter };
    const at72 = 'first reply from someone else within 72 hours (median)';
    for (const format of ['text', 'markdown', 'junit', 'json'] as const)
      expect(formatRun(FORMATTERS[format], run, context), format).toContain(at72);
    // GitHub annotations (the first ten) speak in the plan's words too, not the methodology's defaults.
    expect(formatRun(FORMATTERS.github, run, context)).toContain('One or two objectives of the organising group are written');
    // lint's step summary names each failing item by its title, in the plan's words.
    const judged = {
      command: 'lint' as const,
      plans: [{ assessment: a, methodology: m, verdict: judgePlan(a, m, { failOn: 'blocker' }) }],
    };
    expect(formatRun(formatStepSummary, judged, context)).toContain('One or two objectives of the organising group are written');
    const json = JSON.parse(formatRun(FORMATTERS.json, run, context));
    const finding = json.plans[0].findings.find((f: { item: string }) => f.item === 'engagement.first-response-observed');
    expect(finding.message).toContain(at72);
    const sarif = JSON.parse(formatRun(FORMATTERS.sarif, run, context));
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'engagement.first-response-observed');
    expect(rule.shortDescription.text).toContain('within 24 hours (median)');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'engagement.first-response-observed');
    expect(result.message.text).toContain(at72);
  });
});

describe('titles without a plan', () => {
  async function run(argv: string[]): Promise<string> {
    const io = fakeIo();
    await main(argv, io);
    return io.out.join('');
  }

  it('explain states the default and what changes it', async () => {
    const text = await run(['explain', 'launch.response-promise']);
    expect(text).toMatch(/^launch\.response-promise — Every new post in the launch weeks gets a human reply within 24 hours, covered/m);
    expect(text).toContain(
      'Thresholds in the title: first_response_hours_max: 24 by default, 72 for volunteer (a plan may set its own under params)',
    );
    const share = await run(['explain', 'engagement.member-share-observed']);
    expect(share).toContain('Thresholds in the title: member_share_established: 50% by default');
  });

  it('checklists lists the defaults and says where they change', async () => {
    const text = await run(['checklists']);
    expect(text).toContain('At least 10 seed discussions and resources are in place before the doors open');
    expect(text).toContain("Thresholds in titles are the defaults; a plan's community type, formality and params may change them");
  });
});
