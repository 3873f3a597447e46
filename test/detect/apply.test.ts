// Proposals against a plan: what is added, updated, confirmed or kept; --apply through the plan editor,
// checked against a golden diff: hand-written values and comments stay byte for byte, no e-mail address
// is ever written, and the plan stays valid.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { applyProposals, unifiedDiff } from '../../src/detect/apply-proposals.js';
import { formatDetectJson, formatDetectText } from '../../src/detect/format-detect.js';
import { proposalKey, reviewProposals, textHash, withoutPersonalData } from '../../src/detect/review-proposals.js';
import { addRejection, parseRejections } from '../../src/detect/rejections.js';
import type { Proposal, ReviewedProposal } from '../../src/detect/types.js';
import { collectDetection, type DetectInputs } from '../../src/io/collect-detection.js';
import { loadSchemas } from '../../src/io/package-files.js';
import { planSchemaHasPath } from '../../src/methodology/plan-schema-paths.js';
import { splitPlanPath } from '../../src/plan/edit-plan.js';
import { findPersonalDataIn } from '../../src/text/personal-data.js';
import { builtinMethodology, planFromYaml } from '../helpers.js';
import { removeFixtures } from './git-fixture.js';
import { TODAY, knownRepo } from './known-repo.js';

afterAll(removeFixtures);

const PLAN = readFileSync('test/fixtures/detect/plan.yaml', 'utf8');

function expectGolden(name: string, actual: string): void {
  const file = `test/golden/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The known repository with the issues export, as of its HEAD commit. */
const detectKnownRepo = (extra: Partial<DetectInputs> = {}) =>
  collectDetection({ dir: knownRepo(), env: process.env, today: TODAY, issues: 'test/fixtures/detect/gh-issues.json', ...extra });

describe('detect --apply on a plan with hand-written values', async () => {
  const detection = await detectKnownRepo();
  const methodology = builtinMethodology();
  const plan = planFromYaml(PLAN, methodology, 'plan.yaml');
  const reviewed = reviewProposals(detection.proposals, { data: plan.data, today: TODAY, maxAgeDays: 90 }, [], 'medium');
  const byKey = new Map(reviewed.map((p) => [proposalKey(p), p]));
  const applied = applyProposals(PLAN, reviewed);

  it('adds empty fields, updates a stale figure, confirms equal ones and keeps the hand-written ones', () => {
    expect(byKey.get('observed.absence_factor')).toMatchObject({ action: 'update', current: { value: 9, as_of: '2025-11-01' } });
    expect(byKey.get('observed.active_contributors_30d')).toMatchObject({ action: 'add', value: { value: 2, as_of: '2026-08-20' } });
    expect(byKey.get('observed.first_response_hours')).toMatchObject({ action: 'conflict', value: { value: 5 } });
    expect(byKey.get('governance.code_of_conduct.based_on')).toMatchObject({
      action: 'conflict',
      current: 'Our own code, after the Covenant',
    });
    expect(byKey.get('community.name')!.action).toBe('confirm');
    expect(byKey.get('observed.retention')!.action).toBe('below-threshold');
    // Every address of this history is on a reserved domain: not even a guess at organisations.
    expect(byKey.get('observed.organisation_share')).toBeUndefined();
    expect(byKey.get('observed.active_contributors_30d')!.alternatives).toEqual([
      { value: expect.objectContaining({ value: 5 }), source: 'issues', confidence: 'medium', rule: 'export.active-posters' },
    ]);
  });

  it('replaces a stale hand-written figure, and docs/detect.md says so instead of "never replaced"', () => {
    // The plan's absence factor was written by hand (no source), dated 2025-11-01: stale, so replaced.
    expect(PLAN).toContain('absence_factor: { value: 9, as_of: 2025-11-01 }');
    expect(applied.written.map((p) => proposalKey(p))).toContain('observed.absence_factor');
    expect(applied.text).not.toContain('value: 9');
    const doc = readFileSync('docs/detect.md', 'utf8').replace(/\s+/g, ' ');
    expect(/hand-written value is never replaced/i.test(doc), 'docs/detect.md claims no value is ever replaced').toBe(false);
    for (const said of [
      'a stale observed figure (the `~` rows), even one you wrote by hand',
      '`--apply` writes every `+` and `~` proposal at once',
    ])
      expect(doc.includes(said), `docs/detect.md says: ${said}`).toBe(true);
  });

  it('writes them through the plan editor: the golden diff, comments and untouched lines kept', () => {
    expectGolden('detect-apply.diff', unifiedDiff(PLAN, applied.text, 'plan.yaml', 'plan.yaml (detect --apply)'));
    for (const line of PLAN.split('\n').filter((l) => l.includes('#') || l.includes('Our own code') || l.includes('forum dashboard'))) {
      expect(applied.text).toContain(line);
    }
    expect(applied.refused).toEqual([]);
  });

  it('leaves a plan that is still valid, with as_of the HEAD commit date, and no contact detail in it', () => {
    const after = planFromYaml(applied.text, methodology, 'plan.yaml');
    const observed = after.data.observed as Record<string, { as_of?: string }>;
    expect(observed.absence_factor).toMatchObject({ value: 2, as_of: '2026-08-20' });
    expect(observed.first_response_hours).toEqual({ value: 12, as_of: '2026-08-01', source: 'forum dashboard' });
    expect(findPersonalDataIn(after.data)).toEqual([]);
  });

  it('writes no rejected proposal, and none below the confidence asked for', () => {
    const templates = byKey.get('platform.templates')!;
    expect(templates.action).toBe('add');
    const rejections = [{ path: 'platform.templates', evidence: templates.evidenceHash }];
    const strict = reviewProposals(detection.proposals, { data: plan.data, today: TODAY, maxAgeDays: 90 }, rejections, 'high');
    const byPath = new Map(strict.map((p) => [proposalKey(p), p]));
    expect(byPath.get('platform.templates')!.action).toBe('rejected');
    expect(byPath.get('audience.onboarding.first_action')).toMatchObject({ confidence: 'medium', action: 'below-threshold' });
    const out = applyProposals(PLAN, strict);
    expect(out.written.map((p) => proposalKey(p))).not.toContain('platform.templates');
    expect(out.text).not.toContain('templates:');
    expect(out.text).not.toContain('first_action');
    expect(out.text).toContain('participation_guide: https://github.com/example/project/blob/main/CONTRIBUTING.md');
  });

  it('changes nothing when applied a second time', () => {
    const again = reviewProposals(
      detection.proposals,
      { data: planFromYaml(applied.text, methodology).data, today: TODAY, maxAgeDays: 90 },
      [],
      'medium',
    );
    expect(again.filter((p) => p.action === 'add' || p.action === 'update')).toEqual([]);
    expect(applyProposals(applied.text, again).text).toBe(applied.text);
  });

  it('prints the same proposals as text and as JSON valid against schemas/detect.schema.json', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('schemas/detect.schema.json', 'utf8')) as object);
    const report = {
      detection,
      proposals: reviewed,
      notes: detection.notes,
      minConfidence: 'medium' as const,
      toolVersion: '0.0.0',
      plan: 'plan.yaml',
    };
    const json = JSON.parse(formatDetectJson(report)) as { proposals: unknown[] };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.proposals).toHaveLength(reviewed.length);
    const text = formatDetectText(report);
    expect(text).toContain('+ observed.active_contributors_30d: 2 (as of 2026-08-20)');
    expect(text).toContain('! governance.code_of_conduct.based_on: Contributor Covenant 2.0');
    expect(text).toContain('CODE_OF_CONDUCT.md:19: a person\u2019s e-mail address'.replace('\u2019', "'"));
    expect(text).not.toMatch(/@(example|lovelace|project|old)\./);
  });
});

describe('what detect proposes fits the plan schema (version 3)', async () => {
  const detection = await detectKnownRepo({ forum: 'test/fixtures/detect/discourse-topics.json' });
  const planSchema = loadSchemas().plan as Parameters<typeof planSchemaHasPath>[0];
  const every: ReviewedProposal[] = detection.proposals.flatMap((p) => [
    { ...p, action: 'add' as const, evidenceHash: '0' },
    ...(p.alternatives ?? []).map((a) => ({ ...p, ...a, action: 'add' as const, evidenceHash: '0' })),
  ]);

  it('names only paths the plan schema has', () => {
    expect(every.length).toBeGreaterThan(20);
    for (const p of every) expect(planSchemaHasPath(planSchema, splitPlanPath(p.path).map(String)), p.path).toBe(true);
  });

  it('gives values a version 3 plan accepts, each alone and all together', () => {
    const methodology = builtinMethodology();
    const minimal = 'version: 3\ncommunity:\n  name: Example\n  type: open-source\n  stage: running\n  opened: 2025-09-01\n  size: 40\n';
    for (const p of every) {
      const applied = applyProposals(minimal, [p]);
      expect(applied.written, p.path).toHaveLength(1);
      expect(() => planFromYaml(applied.text, methodology), `${p.path} = ${JSON.stringify(p.value)}`).not.toThrow();
    }
    const firsts = every.filter((p, i) => every.findIndex((q) => proposalKey(q) === proposalKey(p)) === i);
    expect(() => planFromYaml(applyProposals(minimal, firsts).text, methodology)).not.toThrow();
  });
});

describe('the last guard and rejections', () => {
  const base: Proposal = {
    path: 'governance.code_of_conduct.reporting.channel',
    value: 'x',
    confidence: 'high',
    rule: 'coc.reporting',
    source: 'files',
    evidence: [],
  };

  it('drops any proposal that holds a contact detail, role mailboxes included', () => {
    const { proposals, notes } = withoutPersonalData([
      { ...base, value: 'write to conduct@project.org' },
      { ...base, path: 'community.name', value: 'Fine' },
    ]);
    expect(proposals.map((p) => p.path)).toEqual(['community.name']);
    expect(notes).toEqual([{ code: 'personal-address', data: { path: 'governance.code_of_conduct.reporting.channel', dropped: true } }]);
  });

  it('does not offer a rejected proposal again until its evidence changes', () => {
    const first = reviewProposals([base], undefined, [], 'medium')[0]!;
    const text = addRejection('', { path: proposalKey(first), evidence: first.evidenceHash, reason: 'not ours', date: '2026-08-22' });
    const { rejections } = parseRejections(text);
    expect(reviewProposals([base], undefined, rejections, 'medium')[0]!.action).toBe('rejected');
    expect(reviewProposals([{ ...base, value: 'y' }], undefined, rejections, 'medium')[0]!.action).toBe('add');
    // Adding again keeps the file's comments and replaces the entry for the same place.
    const again = addRejection(`# kept\n${text}`, { path: proposalKey(first), evidence: 'ffffffffffffff' });
    expect(again).toContain('# kept');
    expect(parseRejections(again).rejections).toEqual([
      { path: 'governance.code_of_conduct.reporting.channel', evidence: 'ffffffffffffff' },
    ]);
  });

  it('hashes evidence stably', () => {
    expect(textHash('abc')).toBe(textHash('abc'));
    expect(textHash('abc')).toMatch(/^[0-9a-f]{14}$/);
    expect(textHash('abc')).not.toBe(textHash('abd'));
  });

  it('writes a point into a list of points without touching the others', () => {
    const plan = 'governance:\n  contribution_terms:\n    - point: licence   # ours\n      decision: Apache-2.0\n';
    const proposals: ReviewedProposal[] = [
      { ...base, path: 'governance.contribution_terms', point: 'sign-off', value: 'DCO', action: 'add', evidenceHash: '0' },
      { ...base, path: 'governance.contribution_terms', point: 'licence', value: 'MIT', action: 'conflict', evidenceHash: '1' },
    ];
    const out = applyProposals(plan, proposals).text;
    expect(out).toBe(`${plan}    - point: sign-off\n      decision: DCO\n`);
    expect(parseDocument(out).toJS()).toEqual({
      governance: {
        contribution_terms: [
          { point: 'licence', decision: 'Apache-2.0' },
          { point: 'sign-off', decision: 'DCO' },
        ],
      },
    });
  });
});

describe('the unified diff', () => {
  it('shows changed lines with three lines of context, in hunks', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', ''].join('\n');
    const b = ['1', '2', 'two and a half', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'twelve', ''].join('\n');
    expect(unifiedDiff(a, b, 'a', 'b')).toBe(
      [
        '--- a',
        '+++ b',
        '@@ -1,5 +1,6 @@',
        ' 1',
        ' 2',
        '+two and a half',
        ' 3',
        ' 4',
        ' 5',
        '@@ -9,5 +10,5 @@',
        ' 9',
        ' 10',
        ' 11',
        '-12',
        '+twelve',
        ' ',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff(a, a, 'a', 'b')).toBe('');
  });
});
