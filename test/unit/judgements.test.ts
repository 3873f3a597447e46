// The verdicts an experienced community strategist would give four kinds of community (issue: judge a
// community as it is), on plans written from their facts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import type { PlanAssessment } from '../../src/scoring/types.js';
import { builtinMethodology, planFromYaml, validation } from '../helpers.js';

const methodology = builtinMethodology();
const TODAY = '2026-11-25';

function assess(file: string, today = TODAY, edit: (text: string) => string = (t) => t): PlanAssessment {
  const plan = planFromYaml(edit(readFileSync(file, 'utf8')), methodology, file);
  return assessPlan(plan, methodology, validation, { today });
}
const severityOf = (a: PlanAssessment, id: string) => a.items.find((r) => r.itemId === id)!.severity;
const openBlockers = (a: PlanAssessment) => a.gaps.filter((id) => severityOf(a, id) === 'blocker');
const levelIndex = (id: string) => methodology.levels.findIndex((l) => l.id === id);

describe('judging a community as it is', () => {
  it('a customer community that is only a web page with a forum: lowest level, lint fails on the blockers a strategist names', () => {
    const a = assess('examples/forum-only.yaml');
    expect(a.level.index).toBeLessThanOrEqual(1);
    expect(judgePlan(a, methodology, { failOn: 'blocker' }).passed).toBe(false);
    expect(openBlockers(a)).toEqual(
      expect.arrayContaining([
        'governance.host',
        'audience.founding-members',
        'audience.onboarding',
        'governance.code-of-conduct',
        'governance.reporting',
        'launch.response-promise',
      ]),
    );
  });

  it('a corporate employee guild with everything in place before launch: launch-ready, readiness of 85 or more, lint passes', () => {
    const a = assess('test/fixtures/judgements/employee-guild.yaml');
    expect(a.profile).toEqual({ type: 'internal', formality: 'funded', formalityFrom: 'plan' });
    expect(a.level.id).toBe('launch-ready');
    expect(a.score).toBeGreaterThanOrEqual(85);
    expect(a.health).toBeNull();
    expect(judgePlan(a, methodology, { failOn: 'blocker' }).passed).toBe(true);
  });

  it('a long-running foundation project with strong fresh outcomes: Established or above, justified n/a accepted, nothing launch-only against it', () => {
    const a = assess('examples/foundation-project.yaml');
    expect(a.stage).toEqual({ id: 'running', from: 'plan', opened: '2015-06-01' });
    expect(a.level.index).toBeGreaterThanOrEqual(levelIndex('established'));
    expect(a.health).toBeGreaterThanOrEqual(85);
    // Justified n/a answers stand, none is set aside.
    // A running community's budget is judged as funding beyond today (measurement.funding): the budget
    // point is left out by the stage, whatever the answer says.
    expect(a.items.find((r) => r.itemId === 'purpose.budget')).toMatchObject({ status: 'n/a', basis: 'stage' });
    expect(a.items.find((r) => r.itemId === 'governance.sponsor')).toMatchObject({ status: 'n/a', basis: 'answer' });
    expect(a.findings.filter((f) => f.code === 'na-not-allowed' || f.code === 'na-unjustified')).toEqual([]);
    // Launch mechanics are not judged, and say why.
    for (const id of [
      'launch.soft-launch',
      'launch.go-no-go',
      'launch.promotion',
      'launch.first-week',
      'platform.seed-content',
      'audience.founding-members',
      'launch.response-promise',
    ]) {
      const r = a.items.find((x) => x.itemId === id)!;
      expect(r, id).toMatchObject({ status: 'n/a', basis: 'stage' });
      expect(r.naReason).toMatch(/running/);
    }
    expect(a.gaps.filter((id) => id.startsWith('launch.'))).toEqual([]);
    expect(judgePlan(a, methodology, { failOn: 'blocker', minLevel: 'launch-ready' }).passed).toBe(true);
  });

  it('a 40-member volunteer meetup group: a middle level, not blocked by sponsor, budget, paid hours or launch items; gaps in measurement and onboarding', () => {
    for (const file of ['examples/volunteer-meetup.yaml', 'test/fixtures/judgements/meetup-minimal.yaml']) {
      const a = assess(file);
      expect(a.profile.formality, file).toBe('volunteer');
      expect(['emergent', 'launch-ready'], file).toContain(a.level.id);
      const blockers = openBlockers(a);
      for (const id of ['governance.sponsor', 'purpose.budget', 'governance.capacity']) expect(blockers, `${file} ${id}`).not.toContain(id);
      expect(
        blockers.filter((id) => id.startsWith('launch.')),
        file,
      ).toEqual([]);
      expect(a.items.find((r) => r.itemId === 'governance.sponsor')!.status, file).toBe('n/a');
      expect(a.items.find((r) => r.itemId === 'governance.capacity')!.status, file).toBe('met');
      expect(a.gaps, file).toEqual(expect.arrayContaining(['audience.first-visit', 'measurement.framework', 'measurement.survey']));
      // The report speaks of organisers, not a host.
      expect(a.words.host).toBe('organiser');
    }
  });

  it('the same volunteer group with year-old observations: no health score (never a zero), a finding at the stale date', () => {
    const observed = (asOf: string) => (text: string) =>
      `${text}\nobserved:\n  as_of: ${asOf}\n  member_led_share: 0.4\n  attendance: 12\n  active_contributors_30d: 18\n  member_leaders: [{ name: Jo Park, role: talks }, { name: Kim Lee, role: welcome }]\n  absence_factor: 4\n  retention: 0.5\n`;
    const fresh = assess('test/fixtures/judgements/meetup-minimal.yaml', TODAY, observed('2026-11-01'));
    const stale = assess('test/fixtures/judgements/meetup-minimal.yaml', TODAY, observed('2025-11-01'));
    expect(fresh.health).toBeGreaterThan(50);
    expect(stale.health).toBeNull();
    expect(stale.healthCoverage).toEqual({ measured: 0, of: 6 });
    expect(fresh.healthCoverage).toEqual({ measured: 6, of: 6 });
    expect(stale.items.filter((r) => r.dimension === 'health' && r.status === 'unmeasured')).toHaveLength(6);
    const findings = stale.findings.filter((f) => f.code === 'observation-stale');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.data).toMatchObject({ asOf: '2025-11-01', days: 389, maxAge: 90 });
    expect(findings[0]!.location.path).toBe('observed.as_of');
    // Readiness does not depend on observations.
    expect(stale.score).toBe(fresh.score);
  });
});
