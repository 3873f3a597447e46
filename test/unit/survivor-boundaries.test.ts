// Each test here kills a mutant that survived the whole suite (a mutation run on src/scoring and
// src/validation): the code was right, and nothing said so. Each asserts the behaviour a user relies on,
// on both sides of the boundary.
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { findNextLevel } from '../../src/scoring/levels.js';
import { judgePlan } from '../../src/scoring/verdict.js';
import { weightedScore } from '../../src/scoring/weighted-score.js';
import { checkEvidenceSchema, MAX_PATTERN_LENGTH } from '../../src/validation/evidence-schema-check.js';
import type { Methodology } from '../../src/methodology/types.js';
import { builtinMethodology, inputErrorsOf, miniMethodology, planFromYaml, validation } from '../helpers.js';

const m = miniMethodology();
const TODAY = '2026-07-01';

const PLAN = `
community: { name: X, type: customer }
custom:
  purpose: Members help each other ship better software.
  people: [Ana, Bo, Cy]
  host: Ana
  rules_url: https://acme.example/rules
assessment:
  first.values: { status: met, reviewed: 2026-06-01 }
`;
const assess = (yaml: string, methodology: Methodology = m) =>
  assessPlan(planFromYaml(yaml, methodology), methodology, validation, { today: TODAY });
const codesOf = (yaml: string, item: string) =>
  assess(yaml)
    .findings.filter((f) => f.itemId === item)
    .map((f) => f.code);

describe('verdicts at their boundaries', () => {
  it('a plan exactly at --min-score passes, and a tenth below fails', () => {
    const a = assess(PLAN);
    expect(a.score).toBeGreaterThan(0);
    expect(judgePlan(a, m, { failOn: 'none', minScore: a.score }).passed).toBe(true);
    const below = judgePlan(a, m, { failOn: 'none', minScore: a.score + 0.1 });
    expect(below.passed).toBe(false);
    expect(below.reasons).toEqual([{ code: 'score-below', score: a.score, minScore: a.score + 0.1 }]);
  });

  it('an answer reviewed today is not dated in the future; one reviewed tomorrow is', () => {
    const reviewed = (date: string) => PLAN.replace('reviewed: 2026-06-01', `reviewed: ${date}`);
    expect(codesOf(reviewed(TODAY), 'first.values')).not.toContain('date-in-future');
    expect(codesOf(reviewed('2026-07-02'), 'first.values')).toContain('date-in-future');
  });

  it('a met claim the facts bear out is not contradicted; one they do not bear out is', () => {
    const claim = PLAN + '  second.rules: { status: met }\n';
    expect(codesOf(claim, 'second.rules')).not.toContain('claim-contradicted');
    const unfounded = claim.replace('  rules_url: https://acme.example/rules\n', '');
    expect(codesOf(unfounded, 'second.rules')).toContain('claim-contradicted');
  });

  it("a type's n/a never overrides the team's own answer for the item", () => {
    const grassroots = PLAN.replace('type: customer', 'type: grassroots');
    const sponsor = (yaml: string) => assess(yaml).items.find((r) => r.itemId === 'second.sponsor')!;
    expect(sponsor(grassroots)).toMatchObject({ status: 'n/a', basis: 'profile' });
    const answered = sponsor(grassroots + '  second.sponsor: { status: partial }\n');
    expect(answered.status).toBe('unmet');
    expect(answered.basis).toBe('evidence+answer');
  });

  it('nothing applicable scores 0, never NaN', () => {
    expect(weightedScore([])).toBe(0);
    expect(weightedScore([{ itemId: 'a', weight: 3, value: null }])).toBe(0);
    expect(weightedScore([{ itemId: 'a', weight: 3, value: 1 }])).toBe(100);
  });

  it('a running community is never told that the next level needs the community running', () => {
    const withHealthLevel: Methodology = {
      ...m,
      levels: [m.levels[0]!, { id: 'healthy', title: 'Healthy', description: 'Measured.', minScore: 0, minHealth: 50, gates: [] }],
    };
    expect(findNextLevel(withHealthLevel, [], 0, [], 'running')).not.toHaveProperty('needsStage');
    expect(findNextLevel(withHealthLevel, [], 0, [], 'planning')).toMatchObject({ needsStage: 'running' });
  });
});

describe('the evidence-schema allow-list at its boundaries', () => {
  it.each(['allOf', 'anyOf', 'oneOf', 'prefixItems'])('refuses a forbidden keyword nested in %s', (keyword) => {
    const problems = checkEvidenceSchema({ [keyword]: [{ type: 'string' }, { $dynamicRef: '#x' }] });
    expect(problems).toEqual([{ path: [keyword, 1, '$dynamicRef'], message: expect.stringMatching(/^dynamic references/) }]);
  });

  it(`refuses a pattern of ${MAX_PATTERN_LENGTH + 1} characters and takes one of ${MAX_PATTERN_LENGTH}`, () => {
    expect(checkEvidenceSchema({ pattern: 'a'.repeat(MAX_PATTERN_LENGTH) })).toEqual([]);
    expect(checkEvidenceSchema({ pattern: 'a'.repeat(MAX_PATTERN_LENGTH + 1) })).toEqual([
      { path: ['pattern'], message: `the pattern is ${MAX_PATTERN_LENGTH + 1} characters long; at most ${MAX_PATTERN_LENGTH}` },
    ]);
  });
});

describe('a figure written as { value, as_of } is explained by its own branch only', () => {
  const builtin = builtinMethodology();
  const messages = (value: string) =>
    inputErrorsOf(() =>
      planFromYaml(
        `version: 3\ncommunity: { name: X, stage: running, opened: 2025-01-01 }\nobserved:\n  first_response_hours: ${value}\n`,
        builtin,
      ),
    ).map((d) => `${d.line}:${d.col}: ${d.message}`);

  it('a bad date inside the record (checked through a $ref) is the one problem named', () => {
    expect(messages('{ value: 3, as_of: someday }')).toEqual(['4:37: observed.first_response_hours.as_of must be a date (YYYY-MM-DD)']);
  });

  it('a bad value inside the record, and a bad bare value, each get one line', () => {
    expect(messages('{ value: lots, as_of: 2026-01-01 }')).toEqual(['4:27: observed.first_response_hours.value must be a number']);
    expect(messages('lots')).toEqual(['4:3: observed.first_response_hours must be a number']);
  });
});
