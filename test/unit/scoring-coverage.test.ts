// What assessing a plan tells a team about the parts of a methodology the small test methodology leaves
// out on its own: observed outcomes (health), renamed item ids, restructured fields, a formality the plan
// does not state, the roster's names, a title in the profile's terms. Each methodology here is the mini
// one with the part in question added in memory, so these run in the mutation test set.
import { describe, expect, it } from 'vitest';
import { assessPlan, type AssessOptions } from '../../src/scoring/assess-plan.js';
import { buildRule } from '../../src/methodology/rule-kinds/index.js';
import { findNextLevel } from '../../src/scoring/levels.js';
import type { FormalityProfile, Item, Level, Methodology } from '../../src/methodology/types.js';
import type { PlanAssessment } from '../../src/scoring/types.js';
import { miniMethodology, planFromYaml, validation } from '../helpers.js';
import { itemResult } from '../item-result.js';
import { COMPLETE_MINI_PLAN } from '../mini-plans.js';
import { describeFinding, describeFindingShort } from '../../src/report/messages.js';

const m = miniMethodology();
const TODAY = '2026-07-01';

/** The mini methodology with some items changed and some of its own fields replaced. */
function changed(items: Record<string, Partial<Item>>, own: Partial<Methodology> = {}): Methodology {
  return {
    ...m,
    phases: m.phases.map((p) => ({ ...p, items: p.items.map((i) => (items[i.id] ? { ...i, ...items[i.id] } : i)) })),
    ...own,
  };
}
const assessWith = (methodology: Methodology, yaml: string, options: Partial<AssessOptions> = {}) =>
  assessPlan(planFromYaml(yaml, methodology), methodology, validation, { today: TODAY, ...options });
const result = (a: PlanAssessment, id: string) => a.items.find((r) => r.itemId === id)!;
const findingsOf = (a: PlanAssessment, code: string) => a.findings.filter((f) => f.code === code);
/** A finding as a report shows it, at a path and line of the plan. */
const findingAt = (code: string, item: Pick<Item, 'id' | 'phaseId' | 'severity'>, path: string, line: number, data: object) => ({
  code,
  itemId: item.id,
  phaseId: item.phaseId,
  severity: item.severity,
  location: expect.objectContaining({ path, line }),
  data,
});
/** A formality profile that changes only what it is given. */
const volunteerProfile = (over: Partial<FormalityProfile>): FormalityProfile => ({
  id: 'volunteer',
  title: 'Volunteer',
  description: '',
  notApplicable: [],
  params: {},
  severities: {},
  weights: {},
  words: {},
  lists: {},
  ...over,
});

/** An observed outcome, measured no more than 90 days ago. */
const observed = (path: string, schema: unknown, message = `Measure ${path}.`) =>
  buildRule({ kind: 'observed', path, schema, message, max_age_days: 90 });

describe('observed outcomes', () => {
  // Two outcomes of the second phase: members who came back (at least half) and answered questions (some).
  const health = changed({
    'second.review': { dimension: 'health', evidence: [observed('custom.returning', { type: 'number', minimum: 0.5 })] },
    'second.sponsor': { dimension: 'health', na: true, evidence: [observed('custom.answered', { type: 'number', minimum: 1 })] },
  });
  const running = COMPLETE_MINI_PLAN.replace('type: customer }', 'type: customer, stage: running, opened: 2026-01-01 }').replace(
    '  second.review: { status: met, reviewed: 2026-06-01 }\n',
    '',
  );
  const measured = (facts: string) => running.replace('custom:\n', `custom:\n  as_of: 2026-06-15\n${facts}`);

  it('scores health on what was measured, counts what was measured of what applies, and leaves readiness to its own items', () => {
    const a = assessWith(health, measured('  returning: 0.6\n'));
    expect(result(a, 'second.review')).toMatchObject({ status: 'met', dimension: 'health' });
    expect(result(a, 'second.sponsor')).toMatchObject({ status: 'unmeasured', basis: 'evidence', value: null });
    expect(a.healthCoverage).toEqual({ measured: 1, of: 2 });
    expect(a.health).toBe(100);
    expect(a.score).toBe(100);
    expect(findingsOf(a, 'item-unmeasured')).toMatchObject([
      { itemId: 'second.sponsor', data: { failed: [{ path: 'custom.answered', message: 'Measure custom.answered.' }] } },
    ]);
  });

  it('has no health score while nothing is measured, and leaves an outcome not judged out of the coverage', () => {
    const none = assessWith(health, running);
    expect(none.health).toBeNull();
    expect(none.healthCoverage).toEqual({ measured: 0, of: 2 });
    expect(result(none, 'second.review').status).toBe('unmeasured');
    const answeredNa = assessWith(
      health,
      `${measured('  returning: 0.2\n')}  second.sponsor: { status: n/a, note: No forum yet., reviewed: 2026-06-01 }\n`,
    );
    expect(result(answeredNa, 'second.sponsor').status).toBe('n/a');
    expect(answeredNa.healthCoverage).toEqual({ measured: 1, of: 1 });
    expect(answeredNa.health).toBe(0);
    // An unmet outcome lowers health only: readiness, overall and in its phase, rests on readiness items.
    expect(answeredNa.score).toBe(100);
    expect(answeredNa.phases.map((p) => p.score)).toEqual([100, 100]);
  });

  it('gives a phase no readiness score when none of its readiness items is judged', () => {
    const outcomes = changed({
      'second.rules': { stages: ['planning'] },
      'second.review': { dimension: 'health', evidence: [observed('custom.returning', { type: 'number', minimum: 0.5 })] },
    });
    const grassroots = measured('  returning: 0.6\n').replace('type: customer', 'type: grassroots');
    const a = assessWith(outcomes, grassroots);
    expect(result(a, 'second.rules').status).toBe('n/a');
    expect(result(a, 'second.sponsor').status).toBe('n/a');
    expect(a.phases[1]).toMatchObject({ phaseId: 'second', score: null, counts: { met: 1, 'n/a': 2 } });
    expect(a.phases[0]).toMatchObject({ phaseId: 'first', score: 100, counts: { met: 3, 'n/a': 0 } });
    const valuesNa = grassroots.replace(
      'first.values: { status: met, reviewed: 2026-06-01 }',
      'first.values: { status: n/a, note: We are two., reviewed: 2026-06-01 }',
    );
    expect(assessWith(outcomes, valuesNa).phases[0]).toMatchObject({ phaseId: 'first', score: 100, counts: { met: 2, 'n/a': 1 } });
  });

  it('holds a level to its least share of outcomes measured', () => {
    const levels: Level[] = [
      m.levels[0]!,
      { id: 'healthy', title: 'Healthy', description: '', minScore: 0, minHealth: 50, minHealthCoverage: 0.6, gates: [] },
    ];
    const half = assessWith({ ...health, levels }, measured('  returning: 0.6\n'));
    expect(half.healthCoverage).toEqual({ measured: 1, of: 2 });
    expect(half.level.id).toBe('none');
    const both = assessWith({ ...health, levels }, measured('  returning: 0.6\n  answered: 3\n'));
    expect(both.level.id).toBe('healthy');
  });

  it('says how old a stale measurement is, in the failed rule and in a finding at its date', () => {
    const a = assessWith(health, running.replace('custom:\n', 'custom:\n  as_of: 2026-03-01\n  returning: 0.6\n'));
    expect(result(a, 'second.review')).toMatchObject({
      status: 'unmeasured',
      failed: [
        {
          path: 'custom.returning',
          message: 'Measure custom.returning.',
          detail: 'measured on 2026-03-01, 122 days ago (the limit is 90)',
        },
      ],
    });
    expect(findingsOf(a, 'observation-stale')[0]).toMatchObject({
      itemId: 'second.review',
      location: { path: 'custom.as_of' },
      data: { asOf: '2026-03-01', days: 122, maxAge: 90 },
    });
  });

  it('calls an item with one rule unmeasured and one failed unmet, not unmeasured', () => {
    const two = changed({
      'second.review': {
        dimension: 'health',
        evidence: [
          observed('custom.returning', { type: 'number', minimum: 0.5 }),
          observed('custom.answered', { type: 'number', minimum: 1 }),
        ],
      },
    });
    expect(result(assessWith(two, measured('  returning: 0.2\n')), 'second.review').status).toBe('unmet');
    expect(result(assessWith(two, running), 'second.review').status).toBe('unmeasured');
  });
});

describe('answers that say nothing', () => {
  it('reports a non-answer at its line, with its words, for the item that read it', () => {
    const a = assessWith(m, COMPLETE_MINI_PLAN.replace('  sponsor: Acme\n', '  sponsor: tbd\n'));
    expect(findingsOf(a, 'non-answer')).toMatchObject([
      { itemId: 'second.sponsor', location: { path: 'custom.sponsor' }, data: { text: 'tbd' } },
    ]);
  });
});

describe('an optional fact left out', () => {
  // The rules' item with a second rule on a date the plan may leave out: the day the rules were adopted.
  const withAdopted = changed({
    'second.rules': {
      evidence: [
        ...m.phases[1]!.items[0]!.evidence,
        buildRule({ kind: 'date', path: 'custom.rules_adopted', optional: true, done: true, message: 'Adopt the rules before today.' }),
      ],
    },
  });
  const plan = (rules: string) => COMPLETE_MINI_PLAN.replace('  rules_url: https://acme.example/rules\n', rules);

  it('counts neither way: an item whose other rules all fail stays unmet, and one whose others pass is met', () => {
    expect(result(assessWith(withAdopted, plan('')), 'second.rules').status).toBe('unmet');
    expect(result(assessWith(withAdopted, plan('  rules_url: https://acme.example/rules\n')), 'second.rules').status).toBe('met');
  });

  it('judges the fact where given, and reports a non-answer in its place as one', () => {
    const url = '  rules_url: https://acme.example/rules\n';
    expect(result(assessWith(withAdopted, plan(`${url}  rules_adopted: 2026-06-30\n`)), 'second.rules').status).toBe('met');
    const future = assessWith(withAdopted, plan(`${url}  rules_adopted: 2026-07-02\n`));
    expect(result(future, 'second.rules')).toMatchObject({
      status: 'partial',
      failed: [
        { path: 'custom.rules_adopted', message: 'Adopt the rules before today.', detail: '2026-07-02 is after today: not done yet' },
      ],
    });
    // Given, but only a date the rules are adopted on that is not past: nothing is met without the link either.
    expect(result(assessWith(withAdopted, plan('  rules_adopted: 2026-07-02\n')), 'second.rules').status).toBe('unmet');
    const tbd = assessWith(withAdopted, plan(`${url}  rules_adopted: tbd\n`));
    expect(result(tbd, 'second.rules').status).toBe('met');
    expect(findingsOf(tbd, 'non-answer')).toMatchObject([
      { itemId: 'second.rules', location: { path: 'custom.rules_adopted' }, data: { text: 'tbd' } },
    ]);
  });
});

describe('items taken on for later', () => {
  const open = COMPLETE_MINI_PLAN.replace('  host: Ana\n', '');
  it('names who took an open item on and by when, and nothing for a met one', () => {
    const owned = assessWith(m, `${open}  first.people: { due: 2026-09-01, owner: Bo }\n  second.rules: { due: 2026-09-01, owner: Bo }\n`);
    expect(result(owned, 'first.people').later).toEqual({ due: '2026-09-01', owner: 'Bo' });
    expect(result(owned, 'first.people')).not.toHaveProperty('naReason');
    expect(result(owned, 'second.rules')).not.toHaveProperty('later');
    const unowned = assessWith(m, `${open}  first.people: { due: 2026-09-01 }\n`);
    expect(result(unowned, 'first.people').later).toEqual({ due: '2026-09-01' });
  });
});

describe('renamed items', () => {
  const renamed = changed({}, { aliases: { 'first.norms': 'first.values', 'first.gone': 'first.nowhere' } });
  const plan = (answers: string) => COMPLETE_MINI_PLAN.replace('  first.values: { status: met, reviewed: 2026-06-01 }\n', answers);

  it('counts an answer under the old id for the new item, and says where it was renamed', () => {
    const a = assessWith(renamed, plan('  first.norms: { status: partial, reviewed: 2026-06-01 }\n'));
    expect(result(a, 'first.values')).toMatchObject({ status: 'partial', basis: 'answer' });
    expect(findingsOf(a, 'id-renamed')).toEqual([
      findingAt('id-renamed', { id: 'first.values', phaseId: 'first', severity: 'major' }, 'assessment.first.norms', 10, {
        from: 'first.norms',
      }),
    ]);
    expect(findingsOf(a, 'item-partial')[0]!.location.path).toBe('assessment.first.norms');
  });

  it('keeps the answer under the new id when the plan has both', () => {
    const both = assessWith(
      renamed,
      plan('  first.values: { status: met, reviewed: 2026-06-01 }\n  first.norms: { status: unmet, reviewed: 2026-06-01 }\n'),
    );
    expect(result(both, 'first.values').status).toBe('met');
    expect(findingsOf(both, 'id-renamed')).toHaveLength(1);
  });

  it('reports no rename to an item the methodology no longer has', () => {
    const a = assessWith(renamed, plan('  first.gone: { status: met }\n'));
    expect(findingsOf(a, 'id-renamed')).toEqual([]);
    expect(result(a, 'first.values').status).toBe('unanswered');
  });
});

describe('restructured fields', () => {
  const rules = (path: string) => ({
    evidence: [buildRule({ path, schema: { type: 'string', format: 'uri' }, message: 'Link the rules.' })],
  });
  const plan = (rulesField: string) => COMPLETE_MINI_PLAN.replace('  rules_url: https://acme.example/rules\n', rulesField);

  it('says what is asked now where a plan writes the old shape of a field a rule reads', () => {
    const mm = changed({}, { restructured: [{ path: 'custom.rules_url', segments: ['custom', 'rules_url'], now: 'One link now.' }] });
    const a = assessWith(mm, plan('  rules_url: [a, b]\n'));
    expect(findingsOf(a, 'field-restructured')).toEqual([
      findingAt('field-restructured', { id: 'second.rules', phaseId: 'second', severity: 'major' }, 'custom.rules_url', 7, {
        text: 'One link now.',
      }),
    ]);
    expect(findingsOf(assessWith(mm, plan('  rules_url: https://acme.example/rules\n')), 'field-restructured')).toEqual([]);
  });

  it('finds the item by a rule inside the restructured field, and by no other', () => {
    const section = (path: string) =>
      changed(
        { 'second.rules': rules(path) },
        { restructured: [{ path: 'custom.code', segments: ['custom', 'code'], now: 'A block now.' }] },
      );
    const a = assessWith(section('custom.code.url'), plan('  code: [a]\n'));
    expect(findingsOf(a, 'field-restructured').map((f) => f.itemId)).toEqual(['second.rules']);
    expect(findingsOf(assessWith(section('custom.codes'), plan('  code: [a]\n  codes: x\n')), 'field-restructured')).toEqual([]);
  });

  it('says nothing for an item not judged', () => {
    const mm = changed({}, { restructured: [{ path: 'custom.sponsor', segments: ['custom', 'sponsor'], now: 'A name now.' }] });
    const grassroots = COMPLETE_MINI_PLAN.replace('type: customer', 'type: grassroots').replace('  sponsor: Acme\n', '  sponsor: [a]\n');
    expect(findingsOf(assessWith(mm, grassroots), 'field-restructured')).toEqual([]);
    const customer = COMPLETE_MINI_PLAN.replace('  sponsor: Acme\n', '  sponsor: [a]\n');
    expect(findingsOf(assessWith(mm, customer), 'field-restructured').map((f) => f.itemId)).toEqual(['second.sponsor']);
  });
});

describe('a formality the plan does not state', () => {
  const volunteer = volunteerProfile({
    notApplicable: [{ item: 'second.sponsor', reason: 'Volunteers have no sponsor.' }],
    severities: { 'first.values': 'minor' },
  });
  const mm = changed({}, { formalities: [volunteer] });
  const asked = (a: PlanAssessment) => findingsOf(a, 'fact-unstated').map((f) => `${f.itemId} ${f.location.path} ${f.data.fact}`);

  it('asks for it at the community block, for the first item a formality would change', () => {
    const a = assessWith(mm, COMPLETE_MINI_PLAN);
    expect(a.profile).toEqual({ type: 'customer', formality: 'funded', formalityFrom: 'default' });
    expect(asked(a)).toEqual(['first.values community.formality community.formality']);
    expect(findingsOf(a, 'fact-unstated')[0]).toMatchObject({ severity: 'major', location: { line: 2, col: 1 } });
    const communityLast =
      COMPLETE_MINI_PLAN.replace('community: { name: Complete, type: customer }\n', '') + 'community: { name: Complete, type: customer }\n';
    expect(findingsOf(assessWith(mm, communityLast), 'fact-unstated')[0]!.location).toMatchObject({ line: 11, col: 1 });
  });

  it('passes over an item not judged, and asks nothing when every such item is not judged', () => {
    const values = `${COMPLETE_MINI_PLAN.replace('  first.values: { status: met, reviewed: 2026-06-01 }\n', '')}  first.values: { status: n/a, note: We are two., reviewed: 2026-06-01 }\n`;
    expect(asked(assessWith(mm, values))).toEqual(['second.sponsor community.formality community.formality']);
    expect(asked(assessWith(mm, values.replace('type: customer', 'type: grassroots')))).toEqual([]);
  });

  it('asks nothing once the plan states it, or of a methodology without formalities', () => {
    const stated = assessWith(mm, COMPLETE_MINI_PLAN.replace('type: customer }', 'type: customer, formality: volunteer }'));
    expect(stated.profile.formalityFrom).toBe('plan');
    expect(result(stated, 'second.sponsor')).toMatchObject({ status: 'n/a', naReason: 'Volunteers have no sponsor.' });
    expect(asked(stated)).toEqual([]);
    expect(asked(assessWith(m, COMPLETE_MINI_PLAN))).toEqual([]);
  });
});

describe("names that are not on the plan's roster", () => {
  const roster = 'people:\n  - { name: Ana }\n  - { name: Bo }\n  - { name: Acme }\n';
  const fields = (...paths: string[]) => paths.map((p) => ({ segments: p.split('.'), key: true }));
  const mm = changed({}, { personFields: fields('custom.host', 'custom.sponsor', 'custom.nobody') });
  const unknownNames = (a: PlanAssessment) => findingsOf(a, 'person-unknown').map((f) => `${f.itemId} ${f.location.path} ${f.data.name}`);

  it('reports a name in a person field that is not on the roster, and the item reading it counts it as no one', () => {
    const a = assessWith(mm, `${COMPLETE_MINI_PLAN.replace('  host: Ana\n', '  host: Zed\n')}${roster}`);
    expect(unknownNames(a)).toEqual(['first.people custom.host Zed']);
    expect(findingsOf(a, 'person-unknown')[0]!.severity).toBe('blocker');
    expect(result(a, 'first.people')).toMatchObject({ status: 'partial', failed: [{ path: 'custom.host' }] });
    const known = assessWith(mm, `${COMPLETE_MINI_PLAN.replace('  host: Ana\n', '  host: ana\n')}${roster}`);
    expect(unknownNames(known)).toEqual([]);
    expect(result(known, 'first.people').status).toBe('met');
  });

  it('checks nothing without a roster, and reports no name for an item not judged or read by no item', () => {
    const plan = COMPLETE_MINI_PLAN.replace('  host: Ana\n', '  host: Zed\n  nobody: Zed\n').replace(
      '  sponsor: Acme\n',
      '  sponsor: Zed\n',
    );
    expect(unknownNames(assessWith(mm, plan))).toEqual([]);
    expect(result(assessWith(mm, plan), 'first.people').status).toBe('met');
    expect(unknownNames(assessWith(mm, `${plan}${roster}`))).toEqual(['first.people custom.host Zed', 'second.sponsor custom.sponsor Zed']);
    const grassroots = `${plan.replace('type: customer', 'type: grassroots')}${roster}`;
    expect(unknownNames(assessWith(mm, grassroots))).toEqual(['first.people custom.host Zed']);
  });

  it('reports a name once where two fields name the same place', () => {
    const twice = changed({}, { personFields: fields('custom.host', 'custom.host') });
    expect(unknownNames(assessWith(twice, `${COMPLETE_MINI_PLAN.replace('  host: Ana\n', '  host: Zed\n')}${roster}`))).toEqual([
      'first.people custom.host Zed',
    ]);
  });

  it("reports an answer's owner who is not on the roster, at the owner", () => {
    const owned = (owner: string) =>
      `${COMPLETE_MINI_PLAN.replace('first.values: { status: met, reviewed: 2026-06-01 }', `first.values: { status: met, reviewed: 2026-06-01, owner: "${owner}" }`)}${roster}`;
    expect(findingsOf(assessWith(m, owned('Zed')), 'person-unknown')).toMatchObject([
      { itemId: 'first.values', location: { path: 'assessment.first.values.owner' }, data: { name: 'Zed' } },
    ]);
    expect(findingsOf(assessWith(m, owned('BO')), 'person-unknown')).toEqual([]);
    expect(findingsOf(assessWith(m, owned(' ')), 'person-unknown')).toEqual([]);
    const noRoster = COMPLETE_MINI_PLAN.replace(
      'first.values: { status: met, reviewed: 2026-06-01 }',
      'first.values: { status: met, owner: Zed }',
    );
    expect(findingsOf(assessWith(m, noRoster), 'person-unknown')).toEqual([]);
  });
});

describe("titles in the profile's terms", () => {
  const mm = changed({ 'first.people': { title: 'At least {people_min} people, one the {word:host}' } }, { words: { host: 'host' } });
  const typed = changed(
    { 'first.people': { title: 'At least {people_min} people, one the {word:host}' } },
    {
      words: { host: 'host' },
      profiles: m.profiles.map((p) => (p.id === 'grassroots' ? { ...p, words: { host: 'organiser' } } : p)),
    },
  );

  it("fills a title with the threshold and words in force for the plan's profile", () => {
    expect(result(assessWith(mm, COMPLETE_MINI_PLAN), 'first.people').title).toBe('At least 3 people, one the host');
    expect(result(assessWith(mm, `${COMPLETE_MINI_PLAN}params:\n  people_min: 2\n`), 'first.people').title).toBe(
      'At least 2 people, one the host',
    );
    const grassroots = COMPLETE_MINI_PLAN.replace('type: customer', 'type: grassroots');
    expect(result(assessWith(typed, grassroots), 'first.people').title).toBe('At least 3 people, one the organiser');
    expect(result(assessWith(typed, grassroots), 'first.purpose').title).toBe('A purpose is written');
  });
});

describe('results of plans nearly alike', () => {
  // Plans whose results are nearly alike: each must get its own.
  const values = (answer: string) =>
    COMPLETE_MINI_PLAN.replace('first.values: { status: met, reviewed: 2026-06-01 }', `first.values: ${answer}`);

  it('tells a stale answer from an unmet one worth the same points', () => {
    const unmet = assessWith(m, values('{ status: unmet, reviewed: 2026-06-01 }'));
    const stale = assessWith(m, values('{ status: partial, reviewed: 2026-01-01 }'));
    expect(result(unmet, 'first.values')).toMatchObject({ status: 'unmet', points: result(stale, 'first.values').points });
    expect(result(stale, 'first.values')).toMatchObject({ status: 'stale', basis: 'answer' });
  });

  it("gives an open item the points of its own plan's total weight, in its result and in its finding", () => {
    const open = COMPLETE_MINI_PLAN.replace('  rules_url: https://acme.example/rules\n', '');
    const customer = assessWith(m, open);
    const grassroots = assessWith(m, open.replace('type: customer', 'type: grassroots'));
    // Weights 5+5+3+3+5+1 = 22; without the sponsor, 17.
    expect(result(customer, 'second.rules').points).toBe(13.6);
    expect(result(grassroots, 'second.rules').points).toBe(17.6);
    expect(findingsOf(customer, 'item-unmet')[0]!.data.points).toBe(13.6);
    expect(findingsOf(grassroots, 'item-unmet')[0]!.data.points).toBe(17.6);
  });

  it('tells an item decided by its rules alone from one the answer also spoke for', () => {
    const open = COMPLETE_MINI_PLAN.replace('  rules_url: https://acme.example/rules\n', '');
    expect(result(assessWith(m, open), 'second.rules')).toMatchObject({ status: 'unmet', basis: 'evidence' });
    expect(result(assessWith(m, `${open}  second.rules: { status: unmet }\n`), 'second.rules')).toMatchObject({
      status: 'unmet',
      basis: 'evidence+answer',
    });
  });

  it('keeps to each plan the rules it failed', () => {
    const people = (facts: string) => COMPLETE_MINI_PLAN.replace('  people: [Ana, Bo, Cy]\n  host: Ana\n', facts);
    const failedOf = (facts: string) => result(assessWith(m, people(facts)), 'first.people').failed.map((f) => f.path);
    expect(failedOf('  people: [Ana, Bo, Cy]\n')).toEqual(['custom.host']);
    expect(failedOf('  people: [Ana]\n  host: Ana\n')).toEqual(['custom.people']);
    expect(failedOf('  people: [Ana]\n')).toEqual(['custom.people', 'custom.host']);
    expect(failedOf('  people: [Ana]\n  host: Ana\n')).toEqual(['custom.people']);
  });

  it("keeps to each plan its profile's severity and weight, and its title", () => {
    const volunteer = volunteerProfile({ severities: { 'first.values': 'minor' }, weights: { 'first.values': 4 } });
    const mm = changed({ 'first.purpose': { title: 'A purpose for {people_min} people' } }, { formalities: [volunteer] });
    const formal = (formality: string) => COMPLETE_MINI_PLAN.replace('type: customer }', `type: customer, formality: ${formality} }`);
    expect(result(assessWith(mm, formal('funded')), 'first.values')).toMatchObject({ status: 'met', severity: 'major', weight: 3 });
    const vol = assessWith(mm, formal('volunteer'));
    expect(vol.profile.formality).toBe('volunteer');
    expect(result(vol, 'first.values')).toMatchObject({ status: 'met', severity: 'minor', weight: 4 });
    const minorOnly = changed({}, { formalities: [volunteerProfile({ severities: { 'first.values': 'minor' } })] });
    expect(result(assessWith(minorOnly, formal('funded')), 'first.values')).toMatchObject({ status: 'met', severity: 'major', weight: 3 });
    expect(result(assessWith(minorOnly, formal('volunteer')), 'first.values')).toMatchObject({
      status: 'met',
      severity: 'minor',
      weight: 3,
    });
    expect(result(assessWith(mm, COMPLETE_MINI_PLAN), 'first.purpose').title).toBe('A purpose for 3 people');
    expect(result(assessWith(mm, `${COMPLETE_MINI_PLAN}params:\n  people_min: 2\n`), 'first.purpose').title).toBe('A purpose for 2 people');
  });

  it('says when a running community opened', () => {
    const a = assessWith(m, COMPLETE_MINI_PLAN.replace('type: customer }', 'type: customer, stage: running, opened: 2026-01-01 }'));
    expect(a.stage).toEqual({ id: 'running', from: 'plan', opened: '2026-01-01' });
  });
});

describe('answers and their dates', () => {
  const values = (answer: string) =>
    COMPLETE_MINI_PLAN.replace('first.values: { status: met, reviewed: 2026-06-01 }', `first.values: ${answer}`);
  const status = (answer: string) => result(assessWith(m, values(answer)), 'first.values').status;

  it('counts an answer reviewed today or within the validity period as current, and one dated after today as stale', () => {
    expect(status('{ status: met, reviewed: 2026-07-01 }')).toBe('met');
    expect(status('{ status: met, reviewed: 2026-03-23 }')).toBe('met');
    expect(status('{ status: met, reviewed: 2026-03-22 }')).toBe('stale');
    expect(status('{ status: met, reviewed: 2026-07-02 }')).toBe('stale');
    // No review date shows nothing either: taking it out must not make a stale answer current again.
    expect(status('{ status: met }')).toBe('stale');
    expect(status('{ status: n/a, note: We are two people. }')).toBe('stale');
    const undated = assessWith(m, values('{ status: met }'));
    expect(findingsOf(undated, 'answer-stale')).toMatchObject([{ itemId: 'first.values', data: { reviewed: '' } }]);
    expect(describeFinding(findingsOf(undated, 'answer-stale')[0]!, m)).toMatch(/has no 'reviewed' date/);
    expect(describeFindingShort(findingsOf(undated, 'answer-stale')[0]!, m)).toMatch(/without a review date/);
    expect(findingsOf(assessWith(m, values('{ status: met, reviewed: 2026-07-02 }')), 'date-in-future')).toMatchObject([
      { itemId: 'first.values', location: { path: 'assessment.first.values.reviewed' }, data: { asOf: '2026-07-02' } },
    ]);
  });

  it('lets an old review age only what an answer decided, not what the rules or the type decided', () => {
    const rules = `${COMPLETE_MINI_PLAN}  second.rules: { reviewed: 2026-01-01 }\n`;
    expect(result(assessWith(m, rules), 'second.rules')).toMatchObject({ status: 'met', basis: 'evidence' });
    const grassroots = `${COMPLETE_MINI_PLAN.replace('type: customer', 'type: grassroots')}  second.sponsor: { reviewed: 2026-01-01 }\n`;
    expect(result(assessWith(m, grassroots), 'second.sponsor')).toMatchObject({ status: 'n/a', basis: 'profile', failed: [] });
    expect(result(assessWith(m, values('{ reviewed: 2026-01-01 }')), 'first.values')).toMatchObject({
      status: 'unanswered',
      basis: 'none',
    });
  });

  it('takes a justified n/a with its note as the reason, and lets it go stale like any answer', () => {
    const na = assessWith(m, values('{ status: n/a, note: We are two people., reviewed: 2026-06-01 }'));
    expect(result(na, 'first.values')).toMatchObject({ status: 'n/a', basis: 'answer', failed: [], naReason: 'We are two people.' });
    expect(status('{ status: n/a, note: We are two people., reviewed: 2026-01-01 }')).toBe('stale');
  });

  it('sets aside an n/a the item does not allow, or one without a note that says something', () => {
    const notAllowed = assessWith(m, `${COMPLETE_MINI_PLAN}  second.rules: { status: n/a, note: No rules. }\n`);
    expect(result(notAllowed, 'second.rules')).toMatchObject({ status: 'met', basis: 'evidence' });
    expect(notAllowed.findings).toMatchObject([
      { code: 'na-not-allowed', itemId: 'second.rules', location: { path: 'assessment.second.rules.status' } },
    ]);
    for (const note of ['" "', 'n/a']) {
      const unjustified = assessWith(m, values(`{ status: n/a, note: ${note}, reviewed: 2026-06-01 }`));
      expect(result(unjustified, 'first.values').status).toBe('unanswered');
      expect(unjustified.findings).toMatchObject([
        { code: 'item-unanswered', itemId: 'first.values', location: { path: 'assessment.first.values' } },
        { code: 'na-unjustified', itemId: 'first.values', location: { path: 'assessment.first.values.status' } },
      ]);
    }
  });

  it('says where a met claim the facts do not bear out was made', () => {
    const claim = `${COMPLETE_MINI_PLAN.replace('  rules_url: https://acme.example/rules\n', '')}  second.rules: { status: met }\n`;
    expect(findingsOf(assessWith(m, claim), 'claim-contradicted')).toMatchObject([
      { itemId: 'second.rules', location: { path: 'assessment.second.rules.status' }, data: { claimed: 'met' } },
    ]);
  });

  it('points a waiver beyond the horizon at its date', () => {
    const long = `${COMPLETE_MINI_PLAN.replace('  sponsor: Acme\n', '')}  second.sponsor: { status: unmet, waiver: { reason: Budget in March, expires: 2028-01-01 } }\n`;
    expect(findingsOf(assessWith(m, long), 'waiver-too-long')[0]!.location.path).toBe('assessment.second.sponsor.waiver.expires');
  });

  it('keeps the reason of an n/a that also carries a waiver, and gives a result without one no reason at all', () => {
    const both = assessWith(
      m,
      `${COMPLETE_MINI_PLAN.replace('  sponsor: Acme\n', '')}  second.sponsor: { status: n/a, note: Self-funded., waiver: { reason: Budget in March, expires: 2026-08-01 }, reviewed: 2026-06-01 }\n`,
    );
    expect(result(both, 'second.sponsor')).toMatchObject({
      status: 'n/a',
      naReason: 'Self-funded.',
      waiver: { reason: 'Budget in March', expires: '2026-08-01', active: true },
    });
    const waivedOpen = assessWith(
      m,
      `${COMPLETE_MINI_PLAN.replace('  sponsor: Acme\n', '')}  second.sponsor: { status: unmet, waiver: { reason: Budget in March, expires: 2026-08-01 } }\n`,
    );
    expect(result(waivedOpen, 'second.sponsor')).not.toHaveProperty('naReason');
    expect(result(waivedOpen, 'second.rules')).not.toHaveProperty('naReason');
  });
});

describe('items that depend on a stated fact', () => {
  const sized = changed({ 'second.sponsor': { appliesWhen: [{ path: 'custom.teams', segments: ['custom', 'teams'], values: [2, 3] }] } });
  const withTeams = (fact: string) => COMPLETE_MINI_PLAN.replace('  sponsor: Acme\n', fact);

  it('judges an item where a number names one of its values, and not where it names another', () => {
    expect(result(assessWith(sized, withTeams('  teams: 3\n')), 'second.sponsor').status).toBe('unmet');
    expect(result(assessWith(sized, withTeams('  teams: 4\n')), 'second.sponsor')).toMatchObject({
      status: 'n/a',
      naReason: 'Judged only where custom.teams is 2 or 3; the plan says 4.',
    });
  });

  it('asks for a fact left empty, and judges the item meanwhile', () => {
    const a = assessWith(sized, withTeams('  teams: ~\n'));
    expect(result(a, 'second.sponsor').status).toBe('unmet');
    expect(findingsOf(a, 'fact-unstated')).toMatchObject([{ itemId: 'second.sponsor', data: { fact: 'custom.teams' } }]);
  });

  it('counts an outcome not yet observable on the day the community opens', () => {
    const mm = changed({ 'second.review': { observableAfterDays: 30 } });
    const opened = COMPLETE_MINI_PLAN.replace('type: customer }', 'type: customer, stage: running, opened: 2026-07-01 }');
    expect(result(assessWith(mm, opened), 'second.review').naReason).toMatch(/the community opened on 2026-07-01, 0 days ago,/);
  });
});

describe('when a community opened: outcomes rest on days open', () => {
  // An outcome of the second phase, over 30 days, and the plan at each stage (today is 2026-07-01).
  const outcome = changed({
    'second.review': {
      dimension: 'health',
      observableAfterDays: 30,
      evidence: [observed('custom.returning', { type: 'number', minimum: 0.5 })],
    },
  });
  const at = (community: string, extra = '') =>
    COMPLETE_MINI_PLAN.replace('type: customer }', `type: customer, ${community} }`)
      .replace('  second.review: { status: met, reviewed: 2026-06-01 }\n', '')
      .replace('custom:\n', `custom:\n  as_of: 2026-06-20\n  returning: 0.6\n`) + extra;
  const waves = (...dates: string[]) =>
    `launch:\n  waves:\n${dates.map((d) => `    - { name: w, audience: founders, date: ${d} }\n`).join('')}`;
  const review = (yaml: string) => result(assessWith(outcome, yaml), 'second.review');

  it('while launching, judges an outcome once the first wave has been open long enough, and not before', () => {
    expect(review(at('stage: launching', waves('2026-06-10', '2026-05-01')))).toMatchObject({ status: 'met' });
    // The earliest wave counts, whatever the order: 2026-06-10 alone is 21 days, too few.
    expect(review(at('stage: launching', waves('2026-06-10')))).toMatchObject({ status: 'n/a', notYetObservable: true });
    expect(review(at('stage: launching', waves('2026-06-10'))).naReason).toBe(
      'Cannot be measured yet: the community opened on 2026-06-10, 21 days ago, and this outcome needs 30 days of activity; it is judged from then on.',
    );
    // Open 30 days, but measured 19 days after the first wave: not yet a 30-day figure.
    expect(review(at('stage: launching', waves('2026-06-01'))).status).toBe('unmeasured');
    expect(review(at('stage: launching', waves('2026-07-02'))).naReason).toBe(
      'Cannot be measured yet: the community is launching and its first wave opens on 2026-07-02; this outcome needs 30 days of activity after the first wave opens.',
    );
    expect(review(at('stage: launching')).naReason).toBe(
      'Cannot be measured yet: the community is launching and no wave in launch.waves is dated; this outcome needs 30 days of activity after the first wave opens.',
    );
    // An opening day stated while launching is the day it opened, before any wave.
    expect(review(at('stage: launching, opened: 2026-05-01', waves('2026-06-25'))).status).toBe('met');
  });

  it('does not take a figure measured fewer days after opening than the outcome needs', () => {
    const early = review(at('stage: running, opened: 2026-06-01'));
    expect(early).toMatchObject({ status: 'unmeasured' });
    expect(early.failed[0]?.detail).toBe(
      'measured on 2026-06-20, 19 days after the community opened on 2026-06-01: this outcome needs 30 days of activity',
    );
    expect(review(at('stage: running, opened: 2026-05-21')).status).toBe('met');
    expect(review(at('stage: running, opened: 2026-05-22')).status).toBe('unmeasured');
    expect(review(at('stage: running, opened: 2026-05-31')).failed[0]?.detail).toMatch(/, 20 days after the community opened/);
    const dayAfter = at('stage: running, opened: 2026-05-01').replace('as_of: 2026-06-20', 'as_of: 2026-05-02');
    expect(review(dayAfter).failed[0]?.detail).toMatch(/, 1 day after the community opened/);
  });

  it('judges a running plan whose doors open after today as launching too, with the date as a finding', () => {
    const launchOnly = changed({
      'second.review': { stages: ['planning', 'launching'] },
      'first.values': { evidence: [buildRule({ path: 'launch.date', schema: { type: 'string' }, message: 'Date the launch.' })] },
    });
    const running = (extra: string) =>
      assessWith(
        launchOnly,
        COMPLETE_MINI_PLAN.replace('type: customer }', 'type: customer, stage: running, opened: 2026-01-01 }') + extra,
      );
    const ahead = running('launch:\n  date: 2026-08-01\n');
    expect(result(ahead, 'second.review').status).toBe('met');
    expect(findingsOf(ahead, 'date-in-future')).toMatchObject([
      {
        itemId: 'first.values',
        location: expect.objectContaining({ path: 'launch.date' }),
        data: { asOf: '2026-08-01', stage: 'launching' },
      },
    ]);
    expect(result(running('launch:\n  date: 2026-07-01\n'), 'second.review').status).toBe('n/a');
    // Every wave dated after today: not open yet. One undated, or one already open: open.
    expect(result(running(waves('2026-07-05', '2026-07-02')), 'second.review').status).toBe('met');
    expect(findingsOf(running(waves('2026-07-05', '2026-07-02')), 'date-in-future')).toEqual([]);
    expect(result(running(waves('2026-07-05', '2026-07-01')), 'second.review').status).toBe('n/a');
    expect(result(running(`${waves('2026-07-05')}    - { name: w2, audience: public }\n`), 'second.review').status).toBe('n/a');
    expect(result(running('launch:\n  waves: []\n'), 'second.review').status).toBe('n/a');
  });
});

describe('the order of findings', () => {
  it('lists findings by line, then column, then item order, whatever order they were found in', () => {
    const renamed = changed({}, { aliases: { 'first.norms': 'first.values' } });
    const plan = `
community: { name: Order, type: customer }
custom: { rules_url: example dot org, purpose: Members help each other ship better software., people: [Ana, Bo, Cy], host: A, sponsor: Acme }
assessment:
  first.norms: { status: met, reviewed: 2026-06-01 }
  second.review: { status: met, reviewed: 2026-06-01 }
`;
    const a = assessWith(renamed, plan);
    expect(a.findings.map((f) => `${f.location.line}:${f.location.col} ${f.code} ${f.itemId}`)).toEqual([
      '3:11 item-unmet second.rules',
      '3:118 item-partial first.people',
      '5:3 id-renamed first.values',
    ]);
  });

  it('lists findings at one place in the order of their items', () => {
    const volunteer = volunteerProfile({ severities: { 'first.values': 'minor' } });
    const mm = changed(
      { 'second.sponsor': { appliesWhen: [{ path: 'community.formality', segments: ['community', 'formality'], values: ['funded'] }] } },
      { formalities: [volunteer] },
    );
    const a = assessWith(mm, COMPLETE_MINI_PLAN);
    expect(findingsOf(a, 'fact-unstated').map((f) => f.itemId)).toEqual(['first.values', 'second.sponsor']);
    const funded = { appliesWhen: [{ path: 'custom.funded', segments: ['custom', 'funded'], values: [true] }] };
    const both = assessWith(changed({ 'first.values': funded, 'second.sponsor': funded }), COMPLETE_MINI_PLAN);
    expect(findingsOf(both, 'fact-unstated').map((f) => f.itemId)).toEqual(['first.values', 'second.sponsor']);
  });
});

describe('thresholds a plan fact sets', () => {
  // people_min follows the team's own stated size within 2..10; host_min follows a count with no bounds.
  const facts = changed(
    {},
    {
      params: {
        people_min: { value: 3, description: 'People needed.', minimum: 2, maximum: 10, from: 'custom.team_size' },
        host_min: { value: 1, description: 'Hosts needed.', from: 'custom.hosts' },
      },
    },
  );
  const stating = (lines: string, extra = '') =>
    assessWith(facts, `${COMPLETE_MINI_PLAN.replace('custom:\n', `custom:\n${lines}`)}${extra}`);
  const peopleTitle = (a: PlanAssessment) => result(a, 'first.people').failed.map((f) => f.message);

  it('takes the stated value, held within the bounds, and says it came from the plan facts', () => {
    const five = stating('  team_size: 5\n');
    expect(five.customParams).toEqual({ people_min: 5 });
    expect(five.paramOrigins).toEqual({ people_min: 'fact' });
    expect(peopleTitle(five)).toEqual(['Name at least 5 people under custom.people.']);
    expect(stating('  team_size: 1\n').customParams).toEqual({ people_min: 2 });
    expect(stating('  team_size: 40\n').customParams).toEqual({ people_min: 10 });
    expect(stating('  team_size: 3\n').customParams).toEqual({});
  });

  it('takes a value without bounds as stated, and passes over one that is no finite number', () => {
    expect(stating('  hosts: 7\n').customParams).toEqual({ host_min: 7 });
    expect(stating('  team_size: .inf\n  hosts: 7\n').customParams).toEqual({ host_min: 7 });
    expect(stating('  team_size: five\n  hosts: 7\n').customParams).toEqual({ host_min: 7 });
  });

  it("keeps the plan's own parameters beside the ones its facts set", () => {
    const both = stating('  hosts: 2\n', 'params:\n  people_min: 4\n');
    expect(both.customParams).toEqual({ people_min: 4, host_min: 2 });
    expect(both.paramOrigins).toEqual({ people_min: 'plan', host_min: 'fact' });
  });

  it("says a threshold came from the community type's profile", () => {
    const typed = changed({}, { profiles: m.profiles.map((p) => (p.id === 'customer' ? { ...p, params: { people_min: 2 } } : p)) });
    const a = assessWith(typed, COMPLETE_MINI_PLAN);
    expect(a.customParams).toEqual({ people_min: 2 });
    expect(a.paramOrigins).toEqual({ people_min: 'type' });
  });
});

describe('what the roster check counts as a name', () => {
  const roster = 'people:\n  - { name: Ana, roles: [Greeter] }\n  - { name: Bo }\n  - { name: Cy }\n  - { name: Acme }\n';
  const fields = ['custom.host', 'custom.people.*', 'custom.team.lead', 'custom.leads.*.name'];
  const mm = changed({}, { personFields: fields.map((f) => ({ segments: f.split('.'), key: false })) });
  const unknownNames = (a: PlanAssessment) => findingsOf(a, 'person-unknown').map((f) => `${f.location.path} ${f.data.name}`);
  const withHost = (host: string, extra = '') =>
    assessWith(mm, `${COMPLETE_MINI_PLAN.replace('  host: Ana\n', `  host: ${host}\n${extra}`)}${roster}`);

  it('takes a role someone on the roster holds for a name', () => {
    expect(unknownNames(withHost('greeter'))).toEqual([]);
    expect(unknownNames(withHost('greeter 2'))).toEqual(['custom.host greeter 2']);
    // A role nobody holds names no one: a group or a role for a person is a non-answer at its line.
    for (const host of ['mentor', 'The team', 'Community manager', 'Founder 1', 'Max Mustermann']) {
      const a = withHost(host);
      expect(unknownNames(a), host).toEqual([]);
      expect(
        findingsOf(a, 'non-answer').map((f) => `${f.location.path} ${f.data.text}`),
        host,
      ).toEqual([`custom.host ${host}`]);
      expect(result(a, 'first.people').status, host).toBe('partial');
    }
  });

  it('reports a name nobody holds even where the field is no key duty', () => {
    const a = withHost('Zed');
    expect(unknownNames(a)).toEqual(['custom.host Zed']);
    expect(result(a, 'first.people').failed.map((f) => f.path)).toEqual(['custom.host']);
  });

  it('passes over a field that names no one: blank, a non-answer, or not a name at all', () => {
    for (const host of ['" "', 'tbd', '42']) expect(unknownNames(withHost(host))).toEqual([]);
  });

  it('reads every entry of a list, and nothing under an empty section', () => {
    const listed = assessWith(mm, `${COMPLETE_MINI_PLAN.replace('[Ana, Bo, Cy]', '[Ana, Zed, Cy]')}${roster}`);
    expect(unknownNames(listed)).toEqual(['custom.people.1 Zed']);
    expect(unknownNames(withHost('Bo', '  team: ~\n  leads: [~, Zed]\n'))).toEqual([]);
  });
});

describe("rules that read the community's size and its key duties", () => {
  it("holds a count to a share of the community's size, which the rules read from the plan", () => {
    const relative = changed({
      'second.rules': {
        evidence: [buildRule({ kind: 'relative', path: 'custom.moderators', share: 0.1, floor: 1, message: 'Enough moderators.' })],
      },
    });
    const sized = (size: string) =>
      COMPLETE_MINI_PLAN.replace('type: customer }', `type: customer${size} }`).replace('custom:\n', 'custom:\n  moderators: 3\n');
    expect(result(assessWith(relative, sized(', size: 30')), 'second.rules').status).toBe('met');
    expect(result(assessWith(relative, sized(', size: 40')), 'second.rules')).toMatchObject({
      status: 'unmet',
      failed: [{ path: 'custom.moderators', detail: '3 of 4' }],
    });
    const unsized = assessWith(relative, sized(''));
    expect(result(unsized, 'second.rules').status).toBe('unmet');
    expect(findingsOf(unsized, 'fact-unstated')).toMatchObject([{ itemId: 'second.rules', data: { fact: 'community.size' } }]);
  });

  it('counts a key duty in a person field toward what one person may hold', () => {
    const cover = (key: boolean) =>
      changed(
        {
          'second.rules': {
            evidence: [buildRule({ kind: 'cover', path: 'custom.functions', holders: 1, per_person_max: 1, message: 'Spread the work.' })],
          },
        },
        { personFields: [{ segments: ['custom', 'host'], key }] },
      );
    const plan = `${COMPLETE_MINI_PLAN.replace('custom:\n', 'custom:\n  functions:\n    - { function: Moderation, people: [Ana] }\n')}people:\n  - { name: Ana }\n  - { name: Bo }\n  - { name: Cy }\n  - { name: Acme }\n`;
    expect(result(assessWith(cover(false), plan), 'second.rules').status).toBe('met');
    expect(result(assessWith(cover(true), plan), 'second.rules').status).toBe('unmet');
  });
});

describe('the next level', () => {
  it('chooses first the items a gate names, then only as many more as a share gate still needs', () => {
    const open = (id: string, points: number) => itemResult(id, { phaseId: 'first', points });
    const items = [open('m1', 30), open('m2', 10), itemResult('m3', { phaseId: 'first', status: 'met', value: 1 })];
    const next: Level = {
      id: 'next',
      title: 'Next',
      description: '',
      minScore: 0,
      gates: [
        { kind: 'share-met', severity: 'major', min: 0.5 },
        { kind: 'items-met', items: ['m2'] },
      ],
    };
    const found = findNextLevel({ ...m, levels: [m.levels[0]!, next] }, items, 0, ['m1', 'm2']);
    expect(found?.items).toEqual(['m2']);
  });
});

describe('a name a rule already reported', () => {
  const roster = 'people:\n  - { name: Ana }\n  - { name: Bo }\n  - { name: Cy }\n  - { name: Acme }\n';
  const leads = changed(
    { 'second.rules': { evidence: [buildRule({ kind: 'people', path: 'custom.leads', min: 1, message: 'Name a lead.' })] } },
    { personFields: [{ segments: ['custom', 'leads', '*'], key: false }] },
  );
  const plan = `${COMPLETE_MINI_PLAN.replace('custom:\n', 'custom:\n  leads: [Zed, Bo]\n')}${roster}`;

  it('is reported once, by the rule, at the name', () => {
    expect(findingsOf(assessWith(leads, plan), 'person-unknown')).toMatchObject([
      { itemId: 'second.rules', location: { path: 'custom.leads.0' }, data: { name: 'Zed' } },
    ]);
  });

  it("takes the severity the plan's profile gives the item", () => {
    const minor = changed(
      {},
      {
        personFields: [{ segments: ['custom', 'host'], key: false }],
        formalities: [volunteerProfile({ severities: { 'first.people': 'minor' } })],
      },
    );
    const plan = `${COMPLETE_MINI_PLAN.replace('type: customer }', 'type: customer, formality: volunteer }').replace('  host: Ana\n', '  host: Zed\n')}${roster}`;
    expect(findingsOf(assessWith(minor, plan), 'person-unknown')).toMatchObject([{ itemId: 'first.people', severity: 'minor' }]);
  });
});

describe('a title with a share', () => {
  it('shows a share as a percentage', () => {
    const share = changed(
      { 'first.people': { title: 'Hosts for {host_share} of members' } },
      { params: { ...m.params, host_share: { value: 0.25, description: 'Share hosted.', maximum: 1 } } },
    );
    expect(result(assessWith(share, COMPLETE_MINI_PLAN), 'first.people').title).toBe('Hosts for 25% of members');
  });
});
