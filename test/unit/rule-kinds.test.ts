// Every rule kind passes and fails on the facts it reads, and describes itself in words.
import { describe, expect, it } from 'vitest';
import {
  buildRule,
  checkRule,
  describeRule,
  foldName,
  foldRole,
  validateRule,
  type RuleContext,
  type RuleContextInput,
} from '../../src/methodology/rule-kinds/index.js';
import { describeSchema } from '../../src/methodology/describe-schema.js';
import { planSchemaHasPath } from '../../src/methodology/plan-schema-paths.js';
import { ruleContext, validation } from '../helpers.js';

const params = { min_people: 2, share: 0.1, floor: 5, max_age: 90, per_person: 2, holders: 2 };

function context(data: unknown, extra: Partial<RuleContextInput> = {}): RuleContext {
  return ruleContext({ data, params, lists: { areas: ['belonging', 'learning'] }, today: '2026-11-25', roster: null, ...extra });
}
// As assessPlan makes it: every name folded as a person's (foldName).
const roster = (...names: string[]) => new Set(names.map(foldName));
const show = (v: number | { $param: string }) => (typeof v === 'number' ? String(v) : `${params[v.$param as keyof typeof params]}`);

describe('rule kind: schema', () => {
  const rule = buildRule({ path: 'team.host.hours_per_week', schema: { type: 'number', minimum: { $param: 'floor' } }, message: 'm' });
  it('passes at the threshold and fails below it or when missing', () => {
    expect(checkRule(rule, context({ team: { host: { hours_per_week: 5 } } })).pass).toBe(true);
    expect(checkRule(rule, context({ team: { host: { hours_per_week: 4 } } })).pass).toBe(false);
    expect(checkRule(rule, context({})).pass).toBe(false);
  });
  it('is described in words, never as JSON', () => {
    const words = describeRule(rule, show);
    expect(words).toBe('team.host.hours_per_week holds a number at least 5');
    expect(words).not.toMatch(/[{}"]/);
  });

  describe('differs_from', () => {
    const gain = buildRule({
      path: 'purpose.statement.gain',
      schema: { type: 'string', minLength: 1 },
      differs_from: ['purpose.statement.who', 'purpose.statement.together'],
      message: 'm',
    });
    const statement = (who: string, together: string, gainText: string) =>
      context({ purpose: { statement: { who, together, gain: gainText } } });

    it('fails a text that repeats another part of the answer, however it is cased, spaced or punctuated', () => {
      expect(checkRule(gain, statement('builders', 'share recipes', 'nobody waits two days')).pass).toBe(true);
      expect(checkRule(gain, statement('People who build', 'share recipes', 'people who  build.'))).toMatchObject({
        pass: false,
        detail: 'it repeats purpose.statement.who',
      });
      expect(checkRule(gain, statement('builders', 'Share recipes', 'share recipes!'))).toMatchObject({
        pass: false,
        detail: 'it repeats purpose.statement.together',
      });
      // A part left out, or a non-answer there, is nothing to repeat.
      expect(checkRule(gain, context({ purpose: { statement: { who: 'tbd', gain: 'tbd' } } })).pass).toBe(false);
      expect(checkRule(gain, context({ purpose: { statement: { gain: 'share recipes' } } })).pass).toBe(true);
    });

    it('is described in words, and refuses a path the plan schema does not have, or its own', () => {
      expect(describeRule(gain, show)).toBe(
        'purpose.statement.gain holds some text, not the same text as purpose.statement.who or purpose.statement.together',
      );
      const ctx = { planHasPath: (s: readonly string[]) => s[0] !== 'nowhere', params, lists: {}, compile: () => {} };
      expect(validateRule(gain, ctx)).toEqual([]);
      const bad = buildRule({
        path: 'purpose.statement.gain',
        schema: true,
        differs_from: ['nowhere.x', 'purpose.statement.gain'],
        message: 'm',
      });
      expect(validateRule(bad, ctx)).toEqual([
        { path: ['differs_from', 0], message: "'nowhere.x' is not a field of the plan schema" },
        { path: ['differs_from', 1], message: "'purpose.statement.gain' is the rule's own path" },
      ]);
    });
  });
});

describe('rule kind: schema, fields_differ', () => {
  const goals = buildRule({ path: 'purpose.goals', schema: { type: 'array' }, fields_differ: ['baseline', 'target'], message: 'm' });
  const withGoals = (...list: unknown[]) => context({ purpose: { goals: list } });

  it('fails an entry whose two fields say the same, numbers and texts alike, and names the entry', () => {
    expect(checkRule(goals, withGoals({ baseline: 0, target: 40 }, { baseline: 11.5, target: 8 })).pass).toBe(true);
    expect(checkRule(goals, withGoals({ baseline: 0, target: 40 }, { baseline: 11.5, target: 11.5 }))).toMatchObject({
      pass: false,
      detail: 'purpose.goals.1: its target is its baseline',
    });
    expect(checkRule(goals, withGoals({ baseline: '40', target: 40 })).pass).toBe(false);
    expect(checkRule(goals, withGoals({ baseline: 'Ten a month', target: 'ten a month.' })).pass).toBe(false);
    // A field left out is nothing to repeat.
    expect(checkRule(goals, withGoals({ target: 40 }, { baseline: 3 })).pass).toBe(true);
  });

  it('is described in words, and refuses the same field twice', () => {
    expect(describeRule(goals, show)).toBe("purpose.goals holds a list, each entry's target other than its baseline");
    const ctx = { planHasPath: () => true, params, lists: {}, compile: () => {} };
    expect(validateRule(goals, ctx)).toEqual([]);
    const twice = buildRule({ path: 'purpose.goals', schema: true, fields_differ: ['target', 'target'], message: 'm' });
    expect(validateRule(twice, ctx)).toEqual([{ path: ['fields_differ'], message: "'fields_differ' names 'target' twice" }]);
  });

  it('refuses a field the entries of the list cannot have, since no plan could fail the check', () => {
    const real = {
      planHasPath: (s: readonly string[]) => planSchemaHasPath(validation.schemas.plan, s),
      params,
      lists: {},
      compile: () => {},
    };
    expect(validateRule(goals, real)).toEqual([]);
    const typo = buildRule({ path: 'purpose.goals', schema: true, fields_differ: ['baselin', 'target'], message: 'm' });
    expect(validateRule(typo, real)).toEqual([
      {
        path: ['fields_differ', 0],
        message: "'baselin' is not a field of the entries of 'purpose.goals' in the plan schema, so this check can never fail",
      },
    ]);
    // On a text, not a list, there are no entries at all.
    const onText = buildRule({ path: 'purpose.statement.who', schema: true, fields_differ: ['baseline', 'target'], message: 'm' });
    expect(validateRule(onText, real).map((p) => p.path)).toEqual([
      ['fields_differ', 0],
      ['fields_differ', 1],
    ]);
  });
});

describe('rule kind: schema, refers_to', () => {
  const metrics = buildRule({
    path: 'measures.metrics',
    schema: { type: 'array' },
    refers_to: { field: 'goal', one_of: ['purpose.goals.*.objective', 'purpose.objectives.*.objective'] },
    message: 'm',
  });
  const plan = (...goals: unknown[]) =>
    context({
      purpose: { goals: [{ objective: 'Fewer tickets' }], objectives: [{ objective: 'Better ideas' }] },
      measures: { metrics: goals.map((goal, i) => ({ name: `metric ${i}`, goal })) },
    });

  it("passes where each entry's field names a text there, however cased or punctuated, and fails on any other words", () => {
    expect(checkRule(metrics, plan('Fewer tickets', 'better ideas.')).pass).toBe(true);
    expect(checkRule(metrics, plan('Fewer tickets', 'Grow the brand'))).toMatchObject({
      pass: false,
      detail: 'measures.metrics.1: its goal is none of purpose.goals.*.objective, purpose.objectives.*.objective',
    });
    // An entry without the field is the schema's to judge.
    expect(checkRule(metrics, plan(undefined)).pass).toBe(true);
  });

  it('is described in words, and refuses a path the plan schema does not have', () => {
    expect(describeRule(metrics, show)).toBe(
      "measures.metrics holds a list, each entry's goal one of purpose.goals.*.objective or purpose.objectives.*.objective",
    );
    const ctx = { planHasPath: (s: readonly string[]) => s[0] !== 'nowhere', params, lists: {}, compile: () => {} };
    expect(validateRule(metrics, ctx)).toEqual([]);
    const bad = buildRule({ path: 'measures.metrics', schema: true, refers_to: { field: 'goal', one_of: ['nowhere.*.x'] }, message: 'm' });
    expect(validateRule(bad, ctx)).toEqual([
      { path: ['refers_to', 'one_of', 0], message: "'nowhere.*.x' is not a field of the plan schema" },
    ]);
  });

  it("refuses a field the list's entries cannot have, since no plan could fail the check", () => {
    const real = {
      planHasPath: (s: readonly string[]) => planSchemaHasPath(validation.schemas.plan, s),
      params,
      lists: {},
      compile: () => {},
    };
    expect(validateRule(metrics, real)).toEqual([]);
    const typo = buildRule({
      path: 'measures.metrics',
      schema: true,
      refers_to: { field: 'goall', one_of: ['purpose.goals.*.objective'] },
      message: 'm',
    });
    expect(validateRule(typo, real)).toEqual([
      {
        path: ['refers_to', 'field'],
        message: "'goall' is not a field of the entries of 'measures.metrics' in the plan schema, so this check can never fail",
      },
    ]);
  });
});

describe('rule kind: observed', () => {
  const rule = buildRule({
    kind: 'observed',
    path: 'observed.member_share',
    schema: { type: 'number', minimum: 0.5 },
    message: 'm',
    max_age_days: { $param: 'max_age' },
  });
  it('passes on a fresh value that satisfies the schema, in either written form', () => {
    expect(checkRule(rule, context({ observed: { member_share: { value: 0.6, as_of: '2026-10-01' } } })).pass).toBe(true);
    expect(checkRule(rule, context({ observed: { as_of: '2026-10-01', member_share: 0.6 } })).pass).toBe(true);
  });
  it('fails on a low value, an undated value, a stale value and a date after today, with findings for the last two', () => {
    expect(checkRule(rule, context({ observed: { member_share: { value: 0.4, as_of: '2026-10-01' } } })).pass).toBe(false);
    const undated = checkRule(rule, context({ observed: { member_share: 0.9 } }));
    expect(undated.pass).toBe(false);
    expect(undated.detail).toMatch(/date it was measured/);
    const stale = checkRule(rule, context({ observed: { member_share: { value: 0.9, as_of: '2026-08-26' } } }));
    expect(stale).toMatchObject({
      pass: false,
      notes: [{ code: 'observation-stale', path: ['observed', 'member_share', 'as_of'], data: { days: 91, maxAge: 90 } }],
    });
    const atLimit = checkRule(rule, context({ observed: { member_share: { value: 0.9, as_of: '2026-08-27' } } }));
    expect(atLimit.pass).toBe(true);
    const future = checkRule(rule, context({ observed: { member_share: { value: 0.9, as_of: '2026-12-01' } } }));
    expect(future).toMatchObject({ pass: false, notes: [{ code: 'date-in-future' }] });
  });
});

describe('rule kind: people', () => {
  const rule = buildRule({ kind: 'people', path: 'launch.response_rota', field: 'name', min: { $param: 'min_people' }, message: 'm' });
  const data = { launch: { response_rota: [{ name: 'Ana Lima' }, { name: 'tom  berg' }, { name: 'Nobody Known' }] } };
  it('counts distinct people, folding case and spacing, and without a roster counts every name', () => {
    expect(checkRule(rule, context(data)).pass).toBe(true);
    expect(checkRule(rule, context({ launch: { response_rota: [{ name: 'Ana' }, { name: ' ana ' }] } })).pass).toBe(false);
  });
  it('with a roster, a name not on it is a finding at its entry and does not count', () => {
    const outcome = checkRule(rule, context(data, { roster: roster('Ana Lima', 'Tom Berg') }));
    expect(outcome.pass).toBe(true);
    expect(outcome.notes).toEqual([
      { code: 'person-unknown', path: ['launch', 'response_rota', 2, 'name'], data: { name: 'Nobody Known' } },
    ]);
    const short = checkRule(rule, context(data, { roster: roster('Ana Lima') }));
    expect(short).toMatchObject({ pass: false, detail: '1 of 2 named, 2 not in the roster' });
  });
  it('with each, every entry must name a known person', () => {
    const each = buildRule({ kind: 'people', path: 'purpose.goals', field: 'owner', each: true, message: 'm' });
    expect(checkRule(each, context({ purpose: { goals: [{ owner: 'Ana' }, { owner: 'Tom' }] } })).pass).toBe(true);
    expect(checkRule(each, context({ purpose: { goals: [{ owner: 'Ana' }, { metric: 'x' }] } })).pass).toBe(false);
    expect(checkRule(each, context({ purpose: { goals: [] } })).pass).toBe(false);
  });
  it('is described in words', () => {
    expect(describeRule(rule, show)).toBe(
      "launch.response_rota (each entry's name) names at least 2 different people from the plan's roster of people",
    );
  });
});

describe('rule kind: relative', () => {
  const rule = buildRule({
    kind: 'relative',
    path: 'observed.active',
    share: { $param: 'share' },
    floor: { $param: 'floor' },
    message: 'm',
  });
  it('needs the share of the size, never less than the floor', () => {
    expect(checkRule(rule, context({ observed: { active: 100 } }, { size: 1000 })).pass).toBe(true);
    expect(checkRule(rule, context({ observed: { active: 99 } }, { size: 1000 }))).toMatchObject({ pass: false, detail: '99 of 100' });
    expect(checkRule(rule, context({ observed: { active: 5 } }, { size: 20 })).pass).toBe(true);
    expect(checkRule(rule, context({ observed: { active: 4 } }, { size: 20 })).pass).toBe(false);
    // Without a size there is no share to judge: never the floor alone; a finding asks for the size.
    expect(checkRule(rule, context({ observed: { active: 5000 } }))).toMatchObject({
      pass: false,
      detail: 'community.size is not stated',
      notes: [{ code: 'fact-unstated', path: ['community', 'size'], data: { fact: 'community.size' } }],
    });
  });
  it('as an observed fact without a size, is unmeasured, not failed', () => {
    const dated = buildRule({ kind: 'relative', path: 'observed.active', share: 0.1, floor: 1, max_age_days: 30, message: 'm' });
    expect(checkRule(dated, context({ observed: { active: { value: 50, as_of: '2026-11-01' } } }))).toMatchObject({
      pass: false,
      unmeasured: true,
    });
  });
  it('as an observed fact, a stale figure counts as missing', () => {
    const dated = buildRule({ kind: 'relative', path: 'observed.active', share: 0.1, floor: 1, max_age_days: 30, message: 'm' });
    expect(checkRule(dated, context({ observed: { active: { value: 50, as_of: '2026-11-01' } } }, { size: 100 })).pass).toBe(true);
    expect(checkRule(dated, context({ observed: { active: { value: 50, as_of: '2026-09-01' } } }, { size: 100 })).pass).toBe(false);
  });
});

describe('rule kind: date', () => {
  const horizon = buildRule({ kind: 'date', path: 'platform.calendar', field: 'date', ahead_days: 90, message: 'm' });
  const calendar = (...dates: string[]) => ({ platform: { calendar: dates.map((date) => ({ date, title: 't' })) } });
  it("computes a calendar's horizon from its entries, against today", () => {
    expect(checkRule(horizon, context(calendar('2026-12-01', '2027-02-23'))).pass).toBe(true); // 90 days ahead
    expect(checkRule(horizon, context(calendar('2026-12-01', '2027-02-22')))).toMatchObject({
      pass: false,
      detail: 'the latest, 2027-02-22, is 89 days ahead, not 90',
      notes: [],
    });
    expect(checkRule(horizon, context({})).pass).toBe(false);
  });
  it('judges a date a day before the first entry where picks, else the latest: a go/no-go review before the public wave', () => {
    const review = buildRule({
      kind: 'date',
      path: 'launch.go_no_go.date',
      before: { path: 'launch.waves', field: 'date', where: { audience: 'public' } },
      message: 'm',
    });
    const wave = (audience: string, date?: string) => ({ name: audience, audience, ...(date ? { date } : {}) });
    const plan = (at: string | undefined, ...waves: object[]) => ({ launch: { ...(at ? { go_no_go: { date: at } } : {}), waves } });
    const three = [wave('founders', '2027-01-19'), wave('invited', '2027-02-09'), wave('public', '2027-03-09')];
    expect(checkRule(review, context(plan('2027-03-02', ...three)))).toMatchObject({ pass: true });
    expect(checkRule(review, context(plan('2027-03-09', ...three)))).toMatchObject({
      pass: false,
      detail: '2027-03-09 is not a day before the launch.waves entry with audience public, 2027-03-09',
    });
    // A later wave after the public one does not move the review past the public wave.
    expect(checkRule(review, context(plan('2027-03-20', ...three, wave('invited', '2027-05-01')))).pass).toBe(false);
    // The public wave not dated: no date can be shown to come before it, so the order is not met.
    expect(
      checkRule(review, context(plan('2027-03-02', wave('founders', '2027-01-19'), wave('invited', '2027-02-09'), wave('public')))),
    ).toMatchObject({
      pass: false,
      detail: 'the launch.waves entry with audience public has no date to come before',
    });
    // Two public waves, one undated: it may open first.
    expect(checkRule(review, context(plan('2027-03-02', wave('public'), wave('public', '2027-03-09')))).pass).toBe(false);
    // No public wave: the latest one.
    expect(checkRule(review, context(plan('2027-03-02', wave('founders', '2027-01-19'), wave('invited', '2027-02-09')))).pass).toBe(false);
    expect(checkRule(review, context(plan('2027-02-01', wave('founders', '2027-01-19'), wave('invited', '2027-02-09')))).pass).toBe(true);
    // No wave at all: the waves' own item asks for them. Waves, none dated: nothing to come before.
    expect(checkRule(review, context(plan('2027-04-01'))).pass).toBe(true);
    expect(checkRule(review, context(plan('2027-04-01', wave('founders'), wave('invited')))).pass).toBe(false);
    // No review date: nothing met, as every rule on an empty value.
    expect(checkRule(review, context(plan(undefined, ...three))).pass).toBe(false);
    expect(describeRule(review, String)).toBe(
      'launch.go_no_go.date comes at least a day before the first entry of launch.waves with audience public (its date), else its latest',
    );
    const latest = buildRule({ kind: 'date', path: 'launch.go_no_go.date', before: { path: 'launch.waves', field: 'date' }, message: 'm' });
    expect(checkRule(latest, context(plan('2027-03-20', ...three, wave('invited', '2027-05-01')))).pass).toBe(true);
    expect(describeRule(latest, String)).toBe(
      "launch.go_no_go.date comes at least a day before the latest date of launch.waves (each entry's date)",
    );
  });

  describe('before.within_days: a go/no-go review shortly before the public wave, not years before it', () => {
    const review = buildRule({
      kind: 'date',
      path: 'launch.go_no_go.date',
      before: { path: 'launch.waves', field: 'date', where: { audience: 'public' }, within_days: { $param: 'window' } },
      message: 'm',
    });
    const withWindow = (data: unknown, window = 30) => context(data, { params: { ...params, window } });
    const wave = (audience: string, date?: string) => ({ name: audience, audience, ...(date ? { date } : {}) });
    const plan = (at: string, ...waves: object[]) => ({ launch: { go_no_go: { date: at }, waves } });
    const three = [wave('founders', '2027-01-19'), wave('invited', '2027-02-09'), wave('public', '2027-03-09')];

    it('passes from 1 to N days before the public wave; fails N+1 days before and on the day', () => {
      expect(checkRule(review, withWindow(plan('2027-03-08', ...three))).pass).toBe(true); // 1 day before
      expect(checkRule(review, withWindow(plan('2027-02-07', ...three))).pass).toBe(true); // exactly 30 days before
      expect(checkRule(review, withWindow(plan('2027-02-06', ...three)))).toMatchObject({
        pass: false,
        detail: '2027-02-06 is 31 days before the launch.waves entry with audience public, 2027-03-09: more than 30',
        notes: [],
      });
      expect(checkRule(review, withWindow(plan('2027-03-09', ...three)))).toMatchObject({
        pass: false,
        detail: '2027-03-09 is not a day before the launch.waves entry with audience public, 2027-03-09',
      });
      // Years before the launch: the review decided on a plan that has moved since.
      expect(checkRule(review, withWindow(plan('2019-03-02', ...three)))).toMatchObject({
        pass: false,
        detail: '2019-03-02 is 2929 days before the launch.waves entry with audience public, 2027-03-09: more than 30',
      });
      // The window is the parameter in force.
      expect(checkRule(review, withWindow(plan('2027-02-06', ...three), 31)).pass).toBe(true);
      expect(checkRule(review, withWindow(plan('2027-03-02', ...three), 6)).pass).toBe(false);
    });

    it('names each date of a list that comes too early', () => {
      const dates = buildRule({
        kind: 'date',
        path: 'launch.checks',
        before: { path: 'launch.date', within_days: 7 },
        message: 'm',
      });
      const checks = (...at: string[]) => context({ launch: { date: '2027-03-09', checks: at } });
      expect(checkRule(dates, checks('2027-03-02', '2027-03-08')).pass).toBe(true);
      expect(checkRule(dates, checks('2027-01-01', '2027-03-01', '2027-03-08')).detail).toBe(
        '2027-01-01, 2027-03-01 are more than 7 days before launch.date, 2027-03-09',
      );
    });

    it('keeps the wave it is measured to as before: the first public one, else the latest; an undated one is not met', () => {
      // Several public waves: within the window of the first to open.
      const twoPublic = [wave('public', '2027-03-09'), wave('public', '2027-06-01')];
      expect(checkRule(review, withWindow(plan('2027-03-01', ...twoPublic))).pass).toBe(true);
      expect(checkRule(review, withWindow(plan('2027-05-20', ...twoPublic))).pass).toBe(false);
      // No public wave: the latest wave, as the order is judged.
      const noPublic = [wave('founders', '2027-01-19'), wave('invited', '2027-02-09')];
      expect(checkRule(review, withWindow(plan('2027-01-10', ...noPublic))).pass).toBe(true); // 30 days before
      expect(checkRule(review, withWindow(plan('2027-01-09', ...noPublic))).detail).toBe(
        '2027-01-09 is 31 days before the last of launch.waves, 2027-02-09: more than 30',
      );
      // The public wave undated: the order cannot be shown, and no window is measured.
      expect(checkRule(review, withWindow(plan('2019-03-02', wave('founders', '2027-01-19'), wave('public'))))).toMatchObject({
        pass: false,
        detail: 'the launch.waves entry with audience public has no date to come before',
      });
      // No wave at all: the waves' own item asks for them.
      expect(checkRule(review, withWindow(plan('2019-03-02'))).pass).toBe(true);
    });

    it('is described with its window, refused below a day, and its parameter checked', () => {
      expect(describeRule(review, (v) => (typeof v === 'number' ? String(v) : v.$param))).toBe(
        'launch.go_no_go.date comes at least a day and at most window days before the first entry of launch.waves with audience public (its date), else its latest',
      );
      const ctx = { planHasPath: () => true, params: { ...params, window: 30 }, lists: {}, compile: () => {} };
      expect(validateRule(review, ctx)).toEqual([]);
      expect(validateRule(review, { ...ctx, params })).toEqual([
        { path: ['before', 'within_days', '$param'], message: "unknown parameter 'window'" },
      ]);
      const none = buildRule({
        kind: 'date',
        path: 'launch.date',
        before: { path: 'launch.waves', field: 'date', within_days: 0 },
        message: 'm',
      });
      expect(validateRule(none, ctx)).toEqual([
        { path: ['before', 'within_days'], message: "'within_days' must be at least 1: a date comes at least a day before the later one" },
      ]);
    });
  });

  describe('upcoming_at_least: a calendar planned ahead has several entries to come', () => {
    const programme = buildRule({
      kind: 'date',
      path: 'platform.calendar',
      field: 'date',
      ahead_days: 90,
      upcoming_at_least: 3,
      message: 'm',
    });

    it('fails past entries and one far-off date, though the horizon is met', () => {
      expect(checkRule(programme, context(calendar('2019-01-10', '2019-02-10', '2019-03-10', '2029-01-01')))).toMatchObject({
        pass: false,
        detail: '1 entry is dated today or later, not 3',
        notes: [],
      });
      expect(checkRule(programme, context(calendar('2026-10-01', '2026-11-01', '2029-01-01'))).detail).toBe(
        '1 entry is dated today or later, not 3',
      );
      expect(checkRule(programme, context(calendar('2026-11-24', '2027-01-10', '2029-01-01'))).detail).toBe(
        '2 entries are dated today or later, not 3',
      );
    });

    it('counts an entry dated today as to come, and one dated yesterday as past', () => {
      expect(checkRule(programme, context(calendar('2026-11-25', '2027-01-10', '2027-02-23'))).pass).toBe(true);
      expect(checkRule(programme, context(calendar('2026-11-24', '2026-11-25', '2027-01-10', '2027-02-23'))).pass).toBe(true);
      expect(checkRule(programme, context(calendar('2026-11-24', '2027-01-10', '2027-02-23'))).pass).toBe(false);
    });

    it('says both when nothing is to come', () => {
      expect(checkRule(programme, context(calendar('2026-06-01', '2026-08-20')))).toMatchObject({
        pass: false,
        detail: 'the latest, 2026-08-20, is 97 days past; no entries are dated today or later, not 3',
      });
    });

    it('judges something alone, and is described in words', () => {
      const alone = buildRule({ kind: 'date', path: 'platform.calendar', field: 'date', upcoming_at_least: 2, message: 'm' });
      expect(validateRule(alone, { planHasPath: () => true, params, lists: {}, compile: () => undefined })).toEqual([]);
      expect(checkRule(alone, context(calendar('2026-11-25', '2026-11-26'))).pass).toBe(true);
      expect(describeRule(programme, show)).toBe(
        "platform.calendar (each entry's date) reaches at least 90 days after today, and at least 3 entries of platform.calendar have their date today or later",
      );
    });
  });

  it('refuses a before path that is not in the plan schema, where without a field, and takes before alone as something to judge', () => {
    const ctx = { planHasPath: (s: readonly string[]) => s[0] !== 'nowhere', params, lists: {}, compile: () => {} };
    expect(validateRule(buildRule({ kind: 'date', path: 'launch.date', before: { path: 'nowhere.x' }, message: 'm' }), ctx)).toEqual([
      {
        path: ['before', 'path'],
        message: "'before' path 'nowhere.x' is not a field of the plan schema (use 'custom.…' for facts of your own)",
      },
    ]);
    expect(
      validateRule(
        buildRule({ kind: 'date', path: 'launch.date', before: { path: 'launch.retros', where: { a: 'b' } }, message: 'm' }),
        ctx,
      ),
    ).toEqual([{ path: ['before', 'where'], message: "'where' picks entries of a list of records: give their date 'field' too" }]);
    expect(validateRule(buildRule({ kind: 'date', path: 'launch.date', message: 'm' }), ctx)[0]!.message).toMatch(
      /needs 'ahead_days', 'ahead_at_most', 'past_at_most', 'next_within_days', 'upcoming_at_least', 'done', 'past_needs', 'before' or 'after'/,
    );
    // Each of the two others alone judges something.
    expect(validateRule(buildRule({ kind: 'date', path: 'launch.date', done: true, message: 'm' }), ctx)).toEqual([]);
    expect(validateRule(buildRule({ kind: 'date', path: 'launch.date', ahead_at_most: 30, message: 'm' }), ctx)).toEqual([]);
    expect(validateRule(buildRule({ kind: 'date', path: 'launch.date', past_at_most: 30, message: 'm' }), ctx)).toEqual([]);
  });

  it('past_at_most: the earliest date is not long before today, while later dates may lie ahead', () => {
    const baselines = buildRule({ kind: 'date', path: 'measures.metrics', field: 'baseline_date', past_at_most: 365, message: 'm' });
    const metrics = (...dates: string[]) => context({ measures: { metrics: dates.map((baseline_date) => ({ baseline_date })) } });
    expect(checkRule(baselines, metrics('2025-11-25', '2027-01-19')).pass).toBe(true); // 365 days ago, and one at launch
    expect(checkRule(baselines, metrics('2025-11-24', '2027-01-19'))).toMatchObject({
      pass: false,
      detail: '2025-11-24 is 366 days ago, more than 365',
    });
    expect(checkRule(baselines, metrics('2026-01-19', '1900-01-01'))).toMatchObject({
      pass: false,
      detail: expect.stringMatching(/^1900-01-01 is /),
    });
    expect(describeRule(baselines, show)).toBe("measures.metrics (each entry's baseline_date) is at most 365 days before today");
  });

  it('optional with a field: only dated entries are judged, and a list with none dated is not judged', () => {
    const invited = buildRule({
      kind: 'date',
      path: 'audience.founding_members',
      field: 'invited',
      optional: true,
      done: true,
      message: 'm',
    });
    const founders = (...days: (string | undefined)[]) =>
      context({ audience: { founding_members: days.map((invited, i) => ({ name: `P${i}`, ...(invited ? { invited } : {}) })) } });
    expect(checkRule(invited, founders(undefined, undefined))).toEqual({ pass: true, unjudged: true, notes: [] });
    expect(checkRule(invited, founders('2026-10-05', undefined)).pass).toBe(true);
    expect(checkRule(invited, founders('2029-10-05', undefined)).pass).toBe(false);
  });

  it('done: a date of something done is today or before; ahead_at_most: a next date is not years away', () => {
    const trained = buildRule({ kind: 'date', path: 'team.playbook.trained_on', done: true, message: 'm' });
    const on = (date: string) => context({ team: { playbook: { trained_on: date } } });
    expect(checkRule(trained, on('2026-11-25')).pass).toBe(true);
    expect(checkRule(trained, on('2026-11-24')).pass).toBe(true);
    expect(checkRule(trained, on('2026-11-26'))).toMatchObject({ pass: false, detail: '2026-11-26 is after today: not done yet' });
    const briefed = buildRule({ kind: 'date', path: 'team.stakeholders', field: 'briefed', done: true, message: 'm' });
    const stakeholders = (...dates: string[]) => context({ team: { stakeholders: dates.map((briefed) => ({ briefed })) } });
    expect(checkRule(briefed, stakeholders('2026-01-12', '2026-11-25')).pass).toBe(true);
    expect(checkRule(briefed, stakeholders('2026-01-12', '2027-01-15')).detail).toBe('2027-01-15 is after today: not done yet');
    const next = buildRule({ kind: 'date', path: 'measures.survey.next_date', ahead_days: 0, ahead_at_most: 400, message: 'm' });
    const survey = (date: string) => context({ measures: { survey: { next_date: date } } });
    expect(checkRule(next, survey('2027-12-30')).pass).toBe(true); // 400 days ahead
    expect(checkRule(next, survey('2027-12-31'))).toMatchObject({ pass: false, detail: '2027-12-31 is 401 days ahead, more than 400' });
    expect(checkRule(next, survey('2099-07-01')).pass).toBe(false);
    expect(describeRule(next, show)).toBe(
      'measures.survey.next_date is not past: its date is today or later, and measures.survey.next_date is at most 400 days after today',
    );
    expect(describeRule(trained, show)).toBe('every date of team.playbook.trained_on is today or before');
  });

  it('judges a date ahead only at the stages ahead_stages names: a launch date is past once the doors open', () => {
    const launch = buildRule({ kind: 'date', path: 'launch.date', ahead_days: 0, ahead_stages: ['planning'], message: 'm' });
    const plan = (stage: string, date?: string) => ({ community: { stage }, ...(date ? { launch: { date } } : {}) });
    expect(checkRule(launch, context(plan('planning', '2026-11-25'))).pass).toBe(true); // today is not past
    expect(checkRule(launch, context(plan('planning', '2025-01-20')))).toMatchObject({
      pass: false,
      detail: '2025-01-20 is 674 days past',
      notes: [{ code: 'date-past', path: ['launch', 'date'], data: { asOf: '2025-01-20', days: 674 } }],
    });
    expect(checkRule(launch, context(plan('planning'))).pass).toBe(false);
    // Launching or running: not judged, whatever the date (or none).
    expect(checkRule(launch, context(plan('launching', '2025-01-20'))).pass).toBe(true);
    expect(checkRule(launch, context(plan('running'))).pass).toBe(true);
    // No stage stated: judged, as an unknown fact fails closed.
    expect(checkRule(launch, context({ launch: { date: '2025-01-20' } })).pass).toBe(false);
    expect(describeRule(launch, String)).toBe('launch.date is not past while the community is planning: its date is today or later');
    expect(
      validateRule(
        buildRule({ kind: 'date', path: 'launch.date', ahead_stages: ['planning'], past_needs: 'x', field: 'd', message: 'm' }),
        { planHasPath: () => true, params, lists: {}, compile: () => undefined },
      ).map((p) => p.path),
    ).toContainEqual(['ahead_stages']);
  });

  it('names a calendar that ended in the past, at the date', () => {
    expect(checkRule(horizon, context(calendar('2026-06-01', '2026-08-20')))).toMatchObject({
      pass: false,
      detail: 'the latest, 2026-08-20, is 97 days past',
      notes: [{ code: 'date-past', path: ['platform', 'calendar', 1, 'date'], data: { asOf: '2026-08-20', days: 97 } }],
    });
  });
  it('counts a single date as not past when it is today or later', () => {
    const next = buildRule({ kind: 'date', path: 'measures.review.next_date', ahead_days: 0, message: 'm' });
    expect(checkRule(next, context({ measures: { review: { next_date: '2026-11-25' } } })).pass).toBe(true);
    expect(checkRule(next, context({ measures: { review: { next_date: '2026-11-24' } } }))).toMatchObject({
      pass: false,
      detail: '2026-11-24 is 1 day past',
      notes: [{ code: 'date-past', path: ['measures', 'review', 'next_date'] }],
    });
    expect(checkRule(next, context({ measures: { review: { next_date: 'soon' } } })).pass).toBe(false);
  });
  it('asks every entry whose date has passed for its outcome', () => {
    const goals = buildRule({ kind: 'date', path: 'purpose.goals', field: 'due', past_needs: 'outcome', message: 'm' });
    const plan = (outcome?: string) => ({
      purpose: { goals: [{ due: '2026-06-30', ...(outcome !== undefined ? { outcome } : {}) }, { due: '2027-06-30' }] },
    });
    expect(checkRule(goals, context(plan('Reached 41%, against 40%'))).pass).toBe(true);
    // An honest outcome that nothing came of it says what happened.
    for (const outcome of ['Not completed', 'Not reached: 31% against 40%', 'Missed: 31%', 'Dropped', 'Postponed to 2027-06-30'])
      expect(checkRule(goals, context(plan(outcome))).pass, outcome).toBe(true);
    // A non-answer counts as not written, here as in the non-answer finding; work still under way is no
    // outcome of a goal whose date has passed.
    for (const outcome of [
      undefined,
      '',
      'tbd',
      'none',
      '?',
      'To be decided',
      'Not done',
      'Not yet completed',
      'ongoing',
      'Ongoing, on track',
      'In progress: 31% so far',
      'Still being drafted',
      'still in progress',
      'Pending',
      'On track',
    ])
      expect(checkRule(goals, context(plan(outcome))), String(outcome)).toMatchObject({
        pass: false,
        detail: '1 past its date without outcome (2026-06-30)',
        notes: [{ code: 'date-past', path: ['purpose', 'goals', 0, 'due'], data: { asOf: '2026-06-30', days: 148 } }],
      });
  });
  describe('where: only the entries it picks are judged, as the founders wave before the public one', () => {
    const founders = buildRule({
      kind: 'date',
      path: 'launch.waves',
      field: 'date',
      where: { audience: 'founders' },
      before: { path: 'launch.waves', field: 'date', where: { audience: 'public' } },
      message: 'm',
    });
    const wave = (audience: string, date?: string) => ({ name: audience, audience, ...(date ? { date } : {}) });
    const waves = (...list: object[]) => context({ launch: { waves: list } });

    it('passes a founders wave a day or more before the public one, by date, whatever the order of the list', () => {
      expect(checkRule(founders, waves(wave('founders', '2027-01-19'), wave('public', '2027-03-09'))).pass).toBe(true);
      expect(checkRule(founders, waves(wave('public', '2027-03-09'), wave('founders', '2027-03-08'))).pass).toBe(true);
      // The list in order, the dates not: the public comes in first.
      expect(
        checkRule(founders, waves(wave('founders', '2027-03-09'), wave('invited', '2027-02-09'), wave('public', '2027-01-19'))),
      ).toMatchObject({
        pass: false,
        detail: '2027-03-09 is not a day before the launch.waves entry with audience public, 2027-01-19',
        notes: [],
      });
      // Opened on the same day: no soft launch.
      expect(checkRule(founders, waves(wave('founders', '2027-03-09'), wave('public', '2027-03-09'))).pass).toBe(false);
    });

    it('judges only the picked entries: an invited wave before the founders is not judged, and no public wave means the last', () => {
      expect(
        checkRule(founders, waves(wave('invited', '2027-04-01'), wave('founders', '2027-01-19'), wave('public', '2027-03-09'))).pass,
      ).toBe(true);
      expect(checkRule(founders, waves(wave('founders', '2027-01-19'), wave('invited', '2027-02-09'))).pass).toBe(true);
      expect(checkRule(founders, waves(wave('founders', '2027-02-09'), wave('invited', '2027-02-09'))).pass).toBe(false);
    });

    it('holds the founders to a head start of at_least_days, a parameter, and says how many days are missing', () => {
      const weekAhead = buildRule({
        kind: 'date',
        path: 'launch.waves',
        field: 'date',
        where: { audience: 'founders' },
        before: { path: 'launch.waves', field: 'date', where: { audience: 'public' }, at_least_days: { $param: 'lead' } },
        message: 'm',
      });
      const withLead = (...list: object[]) => context({ launch: { waves: list } }, { params: { ...params, lead: 7 } });
      expect(checkRule(weekAhead, withLead(wave('founders', '2027-03-02'), wave('public', '2027-03-09'))).pass).toBe(true);
      expect(checkRule(weekAhead, withLead(wave('founders', '2027-03-03'), wave('public', '2027-03-09')))).toMatchObject({
        pass: false,
        detail: '2027-03-03 is not 7 days before the launch.waves entry with audience public, 2027-03-09',
      });
      expect(describeRule(weekAhead, (v) => (typeof v === 'number' ? String(v) : v.$param))).toBe(
        'launch.waves (the date of each entry with audience founders) comes at least lead days before the first entry of launch.waves with audience public (its date), else its latest',
      );
      const ctx = { planHasPath: () => true, params: { ...params, lead: 7 }, lists: {}, compile: () => {} };
      expect(validateRule(weekAhead, ctx)).toEqual([]);
      const bounds = (before: object) =>
        validateRule(
          buildRule({
            kind: 'date',
            path: 'launch.waves',
            field: 'date',
            before: { path: 'launch.waves', field: 'date', ...before },
            message: 'm',
          }),
          ctx,
        );
      expect(bounds({ at_least_days: 0 })).toEqual([
        {
          path: ['before', 'at_least_days'],
          message: "'at_least_days' must be at least 1: a date on the same day is not before the other one",
        },
      ]);
      expect(bounds({ at_least_days: 10, within_days: 5 })).toEqual([
        { path: ['before', 'within_days'], message: "'within_days' must be at least 'at_least_days' (10)" },
      ]);
      expect(bounds({ at_least_days: 5, within_days: 10 })).toEqual([]);
    });

    it('is not met when no picked entry is dated, and says so', () => {
      for (const list of [
        [wave('founders'), wave('public', '2027-03-09')],
        [wave('invited', '2027-01-19'), wave('public', '2027-03-09')],
      ])
        expect(checkRule(founders, waves(...list))).toMatchObject({
          pass: false,
          detail: 'no entry of launch.waves with audience founders is dated (date)',
        });
      expect(checkRule(founders, context({})).pass).toBe(false);
    });

    it('is described with the entries it picks, and refused without a field', () => {
      expect(describeRule(founders, String)).toBe(
        'launch.waves (the date of each entry with audience founders) comes at least a day before the first entry of launch.waves with audience public (its date), else its latest',
      );
      const ctx = { planHasPath: () => true, params, lists: {}, compile: () => {} };
      expect(validateRule(founders, ctx)).toEqual([]);
      expect(validateRule(buildRule({ kind: 'date', path: 'launch.retros', where: { a: 'b' }, done: true, message: 'm' }), ctx)).toEqual([
        { path: ['where'], message: "'where' picks entries of a list of records: give their date 'field' too" },
      ]);
    });
  });

  describe('next_within_days: the next date soon, as a roadmap for the coming months', () => {
    const roadmap = buildRule({ kind: 'date', path: 'purpose.roadmap', field: 'date', next_within_days: { $param: 'next' }, message: 'm' });
    const dated = (...dates: string[]) =>
      context({ purpose: { roadmap: dates.map((date) => ({ date })) } }, { params: { ...params, next: 183 } });

    it('passes a next date within the bound, past dates aside, and fails one beyond it, naming it', () => {
      // today is 2026-11-25 in these contexts: 183 days on is 2027-05-27.
      expect(checkRule(roadmap, dated('2026-01-01', '2027-05-27', '2029-01-01')).pass).toBe(true);
      expect(checkRule(roadmap, dated('2026-01-01', '2027-05-28', '2029-01-01'))).toMatchObject({
        pass: false,
        detail: 'the next date, 2027-05-28, is 184 days ahead, more than 183',
      });
      // Nothing ahead at all is for the rules that ask for dates ahead.
      expect(checkRule(roadmap, dated('2026-01-01')).pass).toBe(true);
      expect(describeRule(roadmap, (v) => (typeof v === 'number' ? String(v) : v.$param))).toBe(
        "the next of purpose.roadmap (each entry's date) still to come is at most next days after today",
      );
    });
  });

  describe('goals: at least one still ahead, none years away', () => {
    const ahead = buildRule({
      kind: 'date',
      path: 'purpose.goals',
      field: 'due',
      upcoming_at_least: 1,
      ahead_at_most: { $param: 'goal_days' },
      message: 'm',
    });
    const goals = (...due: string[]) =>
      context({ purpose: { goals: due.map((d) => ({ due: d, outcome: 'Postponed' })) } }, { params: { ...params, goal_days: 730 } });

    it('fails goals all past, however honest their outcomes, and passes one due today', () => {
      expect(checkRule(ahead, goals('2026-06-30', '2026-11-24'))).toMatchObject({
        pass: false,
        detail: 'no entry is dated today or later',
        notes: [],
      });
      expect(checkRule(ahead, goals('2026-06-30', '2026-11-25')).pass).toBe(true);
    });

    it('passes the latest goal 730 days ahead, not 731', () => {
      expect(checkRule(ahead, goals('2027-06-30', '2028-11-24')).pass).toBe(true);
      expect(checkRule(ahead, goals('2027-06-30', '2028-11-25'))).toMatchObject({
        pass: false,
        detail: '2028-11-25 is 731 days ahead, more than 730',
      });
      expect(checkRule(ahead, goals('2099-12-31')).pass).toBe(false);
    });

    it('is described in words, one entry as one', () => {
      expect(describeRule(ahead, (v) => (typeof v === 'number' ? String(v) : v.$param))).toBe(
        "at least one entry of purpose.goals has its due today or later, and purpose.goals (each entry's due) is at most goal_days days after today",
      );
      const dates = buildRule({ kind: 'date', path: 'launch.retros', upcoming_at_least: 1, message: 'm' });
      expect(describeRule(dates, String)).toBe('at least one date of launch.retros is today or later');
    });
  });

  describe('done_within_days: a date of something done is not too long ago', () => {
    const trained = buildRule({
      kind: 'date',
      path: 'team.playbook.trained_on',
      done: true,
      done_within_days: { $param: 'training' },
      message: 'm',
    });
    const on = (date: string, training = 730) => context({ team: { playbook: { trained_on: date } } }, { params: { ...params, training } });

    it('passes a date exactly N days ago and today, fails N+1 days ago and one still to come', () => {
      expect(checkRule(trained, on('2024-11-25')).pass).toBe(true); // 730 days ago
      expect(checkRule(trained, on('2026-11-25')).pass).toBe(true);
      expect(checkRule(trained, on('2024-11-24'))).toMatchObject({
        pass: false,
        detail: '2024-11-24 is 731 days ago, more than 730',
        notes: [],
      });
      expect(checkRule(trained, on('2009-03-01')).detail).toBe('2009-03-01 is 6478 days ago, more than 730');
      expect(checkRule(trained, on('2026-11-26')).detail).toBe('2026-11-26 is after today: not done yet');
      // The bound is the parameter in force.
      expect(checkRule(trained, on('2024-11-24', 731)).pass).toBe(true);
    });

    it('names each old date of a list once', () => {
      const briefed = buildRule({
        kind: 'date',
        path: 'team.stakeholders',
        field: 'briefed',
        done: true,
        done_within_days: 365,
        message: 'm',
      });
      const stakeholders = (...dates: string[]) => context({ team: { stakeholders: dates.map((d) => ({ briefed: d })) } });
      expect(checkRule(briefed, stakeholders('2025-11-25', '2026-10-01')).pass).toBe(true); // 365 days ago
      expect(checkRule(briefed, stakeholders('2011-05-02', '2011-05-02', '2026-10-01')).detail).toBe(
        '2011-05-02 is 5686 days ago, more than 365',
      );
      expect(checkRule(briefed, stakeholders('2011-05-02', '2025-11-24', '2026-10-01', '2027-01-15')).detail).toBe(
        '2027-01-15 is after today: not done yet; 2011-05-02, 2025-11-24 are more than 365 days ago',
      );
    });

    it('is described, needs done, refuses a bound under a day, and checks its parameter', () => {
      expect(describeRule(trained, (v) => (typeof v === 'number' ? String(v) : v.$param))).toBe(
        'every date of team.playbook.trained_on is today or before and at most training days before today',
      );
      const ctx = { planHasPath: () => true, params: { ...params, training: 730 }, lists: {}, compile: () => {} };
      expect(validateRule(trained, ctx)).toEqual([]);
      expect(validateRule(trained, { ...ctx, params })).toEqual([
        { path: ['done_within_days', '$param'], message: "unknown parameter 'training'" },
      ]);
      expect(validateRule(buildRule({ kind: 'date', path: 'x.y', ahead_days: 0, done_within_days: 30, message: 'm' }), ctx)).toEqual([
        {
          path: ['done_within_days'],
          message: "'done_within_days' says how long ago something done may have been done: give 'done: true' too",
        },
      ]);
      expect(validateRule(buildRule({ kind: 'date', path: 'x.y', done: true, done_within_days: 0, message: 'm' }), ctx)).toEqual([
        { path: ['done_within_days'], message: "'done_within_days' must be at least 1" },
      ]);
    });
  });

  describe('optional: a schema rule on a fact the plan may leave out is judged only where given', () => {
    const survey = buildRule({
      path: 'audience.research.survey_responses',
      optional: true,
      schema: { type: 'number', maximum: 100000 },
      message: 'm',
    });
    const responses = (value: unknown) => context({ audience: { research: { interviews: 8, survey_responses: value } } });

    it('counts a survey left out neither way, and judges a count given', () => {
      expect(checkRule(survey, responses(undefined))).toEqual({ pass: true, unjudged: true, notes: [] });
      expect(checkRule(survey, responses(212))).toEqual({ pass: true, notes: [] });
      expect(checkRule(survey, responses(5000000)).pass).toBe(false);
    });

    it('is described as judged where given; without it a missing value fails as before', () => {
      expect(describeRule(survey, String)).toMatch(/^where the plan gives audience\.research\.survey_responses, it holds /);
      const required = buildRule({ path: 'audience.research.survey_responses', schema: { type: 'number' }, message: 'm' });
      expect(checkRule(required, responses(undefined)).pass).toBe(false);
    });
  });

  describe('optional: a date the plan may leave out is judged only where given', () => {
    const adopted = buildRule({ kind: 'date', path: 'governance.code_of_conduct.adopted', optional: true, done: true, message: 'm' });
    const coc = (value: unknown) => context({ governance: { code_of_conduct: { url: 'https://x.example/coc', adopted: value } } });

    it('counts a date left out neither way, and judges one given', () => {
      for (const value of [undefined, null, '', '  ', [], {}])
        expect(checkRule(adopted, coc(value)), String(value)).toEqual({ pass: true, unjudged: true, notes: [] });
      expect(checkRule(adopted, coc('2026-11-04'))).toEqual({ pass: true, notes: [] });
      expect(checkRule(adopted, coc('2026-11-25')).pass).toBe(true);
      expect(checkRule(adopted, coc('2027-12-01'))).toMatchObject({ pass: false, detail: '2027-12-01 is after today: not done yet' });
      // Something written that is no date is not left out: it is not met.
      expect(checkRule(adopted, coc('last spring')).pass).toBe(false);
    });

    it('takes a non-answer for a date left out, and hands it on to be reported', () => {
      const ctx = coc('tbd');
      expect(checkRule(adopted, ctx)).toMatchObject({ pass: true, unjudged: true });
      expect(ctx.takeNonAnswers()).toEqual([{ path: ['governance', 'code_of_conduct', 'adopted'], text: 'tbd' }]);
    });

    it('is described as judged where given; without it the rule fails on an empty value as every rule does', () => {
      expect(describeRule(adopted, String)).toBe(
        'where the plan gives governance.code_of_conduct.adopted, every date of governance.code_of_conduct.adopted is today or before',
      );
      const required = buildRule({ kind: 'date', path: 'governance.code_of_conduct.adopted', done: true, message: 'm' });
      expect(checkRule(required, coc(undefined))).toEqual({ pass: false, notes: [] });
    });
  });

  describe('after: each date at least a day and at most N days after another, as launch retrospectives', () => {
    const retros = buildRule({
      kind: 'date',
      path: 'launch.retros',
      after: { path: 'launch.date', within_days: { $param: 'retro' } },
      message: 'm',
    });
    const plan = (launch: string | undefined, ...dates: string[]) =>
      context({ launch: { ...(launch ? { date: launch } : {}), retros: dates } }, { params: { ...params, retro: 180 } });

    it('passes from 1 to N days after the launch; fails on the day, before it, and N+1 days after', () => {
      expect(checkRule(retros, plan('2027-01-19', '2027-01-20', '2027-07-18')).pass).toBe(true); // 1 and 180 days after
      expect(checkRule(retros, plan('2027-01-19', '2027-01-19', '2027-02-18'))).toMatchObject({
        pass: false,
        detail: '2027-01-19 is not a day after launch.date, 2027-01-19',
      });
      expect(checkRule(retros, plan('2027-01-19', '2027-02-18', '2027-07-19')).detail).toBe(
        '2027-07-19 is 181 days after launch.date, 2027-01-19: more than 180',
      );
      expect(checkRule(retros, plan('2027-01-19', '2019-02-18', '2019-03-18', '2019-04-19')).detail).toBe(
        '2019-02-18, 2019-03-18, 2019-04-19 are not a day after launch.date, 2027-01-19',
      );
      expect(checkRule(retros, plan('2027-01-19', '2027-02-18', '2029-01-01', '2030-01-01')).detail).toBe(
        '2029-01-01, 2030-01-01 are more than 180 days after launch.date, 2027-01-19',
      );
      // No launch date: the launch date's own item asks for it.
      expect(checkRule(retros, plan(undefined, '2019-02-18')).pass).toBe(true);
    });

    it('orders against the first entry where picks, else the earliest of a list', () => {
      const afterPublic = buildRule({
        kind: 'date',
        path: 'launch.retros',
        after: { path: 'launch.waves', field: 'date', where: { audience: 'public' } },
        message: 'm',
      });
      const afterAny = buildRule({ kind: 'date', path: 'launch.retros', after: { path: 'launch.waves', field: 'date' }, message: 'm' });
      const waves = (...retro: string[]) =>
        context({
          launch: {
            retros: retro,
            waves: [
              { audience: 'founders', date: '2027-01-19' },
              { audience: 'public', date: '2027-03-09' },
              { audience: 'public', date: '2027-05-01' },
            ],
          },
        });
      expect(checkRule(afterPublic, waves('2027-03-10')).pass).toBe(true);
      expect(checkRule(afterPublic, waves('2027-02-18')).detail).toBe(
        '2027-02-18 is not a day after the launch.waves entry with audience public, 2027-03-09',
      );
      expect(checkRule(afterAny, waves('2027-02-18')).pass).toBe(true);
      expect(checkRule(afterAny, waves('2027-01-19')).detail).toBe('2027-01-19 is not a day after the first of launch.waves, 2027-01-19');
      expect(describeRule(afterPublic, String)).toBe(
        'launch.retros comes at least a day after the first entry of launch.waves with audience public (its date), else its earliest',
      );
      expect(describeRule(afterAny, String)).toBe(
        "launch.retros comes at least a day after the earliest date of launch.waves (each entry's date)",
      );
    });

    it('is described with its window, judges something alone, and is validated as before is', () => {
      expect(describeRule(retros, (v) => (typeof v === 'number' ? String(v) : v.$param))).toBe(
        'launch.retros comes at least a day and at most retro days after launch.date (the earliest date, where it holds several)',
      );
      const ctx = {
        planHasPath: (s: readonly string[]) => s[0] !== 'nowhere',
        params: { ...params, retro: 180 },
        lists: {},
        compile: () => {},
      };
      expect(validateRule(retros, ctx)).toEqual([]);
      expect(validateRule(retros, { ...ctx, params })).toEqual([
        { path: ['after', 'within_days', '$param'], message: "unknown parameter 'retro'" },
      ]);
      expect(
        validateRule(
          buildRule({ kind: 'date', path: 'launch.retros', after: { path: 'nowhere.x', where: { a: 'b' }, within_days: 0 }, message: 'm' }),
          ctx,
        ),
      ).toEqual([
        { path: ['after', 'within_days'], message: "'within_days' must be at least 1: a date comes at least a day after the earlier one" },
        { path: ['after', 'where'], message: "'where' picks entries of a list of records: give their date 'field' too" },
        {
          path: ['after', 'path'],
          message: "'after' path 'nowhere.x' is not a field of the plan schema (use 'custom.…' for facts of your own)",
        },
      ]);
    });
  });

  it('is refused by validation when it judges nothing', () => {
    const empty = buildRule({ kind: 'date', path: 'purpose.goals', message: 'm' });
    const problems = validateRule(empty, { planHasPath: () => true, params, lists: {}, compile: () => undefined });
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/judges nothing/)]);
  });
  it('is described in words', () => {
    expect(describeRule(horizon, show)).toBe("platform.calendar (each entry's date) reaches at least 90 days after today");
  });
});

describe('rule kind: cover', () => {
  const rule = buildRule({
    kind: 'cover',
    path: 'measures.critical_functions',
    functions: 2,
    holders: { $param: 'holders' },
    per_person_max: { $param: 'per_person' },
    message: 'm',
  });
  it('passes when each function has enough holders and nobody holds too many', () => {
    const data = {
      measures: {
        critical_functions: [
          { function: 'hosting', people: ['Ana', 'Tom'] },
          { function: 'moderation', people: ['Kim', 'Lee'] },
        ],
      },
    };
    expect(checkRule(rule, context(data))).toMatchObject({ pass: true, notes: [] });
  });
  it("counts key duties named in person fields (the host, a safeguarding lead) toward a person's load", () => {
    const data = {
      measures: {
        critical_functions: [
          { function: 'hosting', people: ['Ana', 'Tom'] },
          { function: 'moderation', people: ['Ana', 'Lee'] },
        ],
      },
    };
    // Two functions each: at the limit of two. Ana is also the host: one duty more.
    expect(checkRule(rule, context(data)).pass).toBe(true);
    expect(checkRule(rule, context(data, { keyDuties: new Map([['ana', 1]]) }))).toMatchObject({
      pass: false,
      notes: [{ code: 'person-overloaded', data: { name: 'Ana', count: 3, max: 2 } }],
    });
  });
  it('counts roster roles that name a function as holding it', () => {
    const data = {
      people: [{ name: 'Kim', roles: ['Moderation'] }, { name: 'Ana' }, { name: 'Tom' }],
      measures: {
        critical_functions: [
          { function: 'hosting', people: ['Ana', 'Tom'] },
          { function: 'moderation', people: ['Ana'] },
        ],
      },
    };
    expect(checkRule(rule, context(data, { roster: roster('Kim', 'Ana', 'Tom') })).pass).toBe(true);
  });
  it('computes single points of failure: a function with one holder, and one person holding too many', () => {
    const thin = {
      measures: {
        critical_functions: [
          { function: 'hosting', people: ['Ana'] },
          { function: 'moderation', people: ['Kim', 'Lee'] },
        ],
      },
    };
    expect(checkRule(rule, context(thin))).toMatchObject({
      pass: false,
      notes: [{ code: 'single-point', data: { function: 'hosting', holders: 1, max: 2 } }],
    });
    const busy = {
      measures: { critical_functions: ['hosting', 'moderation', 'events'].map((f) => ({ function: f, people: ['Ana', `X ${f}`] })) },
    };
    expect(checkRule(rule, context(busy))).toMatchObject({
      pass: false,
      notes: [{ code: 'person-overloaded', data: { name: 'Ana', count: 3, max: 2 } }],
    });
    expect(checkRule(rule, context({ measures: { critical_functions: [{ function: 'hosting', people: ['Ana', 'Bo'] }] } }))).toMatchObject({
      pass: false,
      detail: '1 of 2 functions listed',
    });
  });
});

describe('rule kind: choice', () => {
  const rule = buildRule({ kind: 'choice', path: 'purpose.objectives', field: 'area', list: 'areas', message: 'm' });
  it('passes when every entry answers from the list in force, and fails outside it or when empty', () => {
    expect(checkRule(rule, context({ purpose: { objectives: [{ area: 'belonging' }, { area: 'learning' }] } })).pass).toBe(true);
    expect(checkRule(rule, context({ purpose: { objectives: [{ area: 'belonging' }, { area: 'support' }] } }))).toMatchObject({
      pass: false,
      detail: '1 of 2 not one of: belonging, learning',
    });
    expect(checkRule(rule, context({ purpose: { objectives: [{ objective: 'x' }] } })).pass).toBe(false);
    expect(checkRule(rule, context({ purpose: { objectives: [] } }))).toMatchObject({ pass: false, detail: '0 of 1 given' });
  });
  it('follows the list a profile puts in force', () => {
    const data = { purpose: { objectives: [{ area: 'support' }] } };
    expect(checkRule(rule, context(data)).pass).toBe(false);
    expect(checkRule(rule, context(data, { lists: { areas: ['support'] } })).pass).toBe(true);
  });
});

describe('the rule context', () => {
  it('cleans a path once per plan, however many rules (each with its own segments) read it', () => {
    const data = { audience: { founding_members: [{ name: 'Ana' }, { name: ' ' }, ''] } };
    const ctx = context(data);
    const first = ctx.fact(['audience', 'founding_members']);
    expect(first).toEqual([{ name: 'Ana' }, {}]);
    expect(ctx.fact(['audience', 'founding_members'])).toBe(first);
    expect(ctx.fact(['audience', 'founding', 'members'])).toBeUndefined();
    expect(context(data).fact(['audience', 'founding_members'])).not.toBe(first); // another plan's context
  });
});

describe('rule kind: people, with a roster role', () => {
  const rule = buildRule({
    kind: 'people',
    path: 'governance.moderation.moderators',
    field: 'name',
    role: 'moderator',
    min: { $param: 'min_people' },
    message: 'm',
  });
  const people = (...entries: [string, string[]][]) => entries.map(([name, roles]) => ({ name, roles }));
  it('counts everyone in the roster holding the role, without a separate list', () => {
    const data = { people: people(['Ana', ['moderator', 'host']], ['Kim', ['Moderator']], ['Lee', ['greeter']]) };
    expect(checkRule(rule, context(data, { roster: roster('Ana', 'Kim', 'Lee') })).pass).toBe(true);
  });
  it('fails with the count when too few hold it, and counts a listed person once', () => {
    const data = {
      people: people(['Ana', ['moderator']], ['Lee', ['greeter']]),
      governance: { moderation: { moderators: [{ name: 'Ana' }] } },
    };
    expect(checkRule(rule, context(data, { roster: roster('Ana', 'Lee') }))).toMatchObject({ pass: false, detail: '1 of 2 named' });
  });
  it('folds the roster once per plan: a name written twice keeps its first place and its last roles', () => {
    const data = { people: people([' Ana  Lopez', ['Host']], ['Kim', []], [' Ana  Lopez', ['moderator']]) };
    const ctx = context(data, { roster: roster('Ana Lopez', 'Kim') });
    expect(ctx.rosterPeople()).toEqual([
      { name: ' Ana  Lopez', folded: 'ana lopez', roles: new Set(['moderator']) },
      { name: 'Kim', folded: 'kim', roles: new Set() },
    ]);
    expect(ctx.rosterPeople()).toBe(ctx.rosterPeople());
    expect(checkRule(rule, ctx)).toMatchObject({ pass: false, detail: '1 of 2 named' });
    expect(context({ people: [] }).rosterPeople()).toEqual([]);
  });
  it('counts no one for "TBD" or "Nobody" on the roster, and one person for a name written with invisible characters, another accent encoding or look-alike letters', () => {
    const data = {
      people: people(
        ['TBD', ['moderator']],
        ['Nobody', ['moderator']],
        ['Maya Okonkwo', ['moderator']],
        ['Maya Okonkwo\u200b', ['moderator']],
        ['Maya\u2060 Okonkwo', ['moderator']],
        ['\uff2daya Okonkwo.', ['moderator']],
        ['Vacant', ['moderator']],
        ['\u201cTBD\u201d', ['moderator']],
        ['Tom\u00e1s Ibarra', ['moderator']],
        ['Toma\u0301s Ibarra', ['moderator']],
        // a Cyrillic A and a Cyrillic o that pass for Latin ones
        ['M\u0430ya Okonkwo', ['moderator']],
        ['Tom\u00e1s Ibarr\u0430', ['moderator']],
        ['n\u043ene', ['moderator']],
      ),
    };
    // A name written wholly in another script is that script's own: a Serbian Маја is not the roster's Maja.
    expect(foldName('\u041c\u0430\u0458\u0430')).not.toBe(foldName('Maja'));
    expect(foldName('M\u0430ja')).toBe(foldName('Maja'));
    const ctx = context(data, { roster: roster('Maya Okonkwo', 'Tom\u00e1s Ibarra') });
    // Folded as a person's name: its words in one order, so that 'Ibarra, Tomás' is the same person.
    expect(ctx.rosterPeople().map((p) => p.folded)).toEqual(['maya okonkwo', 'ibarra tomas']);
    // Accents and the letters typed without them: one person however the name is typed.
    expect(foldName('Jos\u00e9 N\u00fa\u00f1ez')).toBe(foldName('Jose Nunez'));
    expect(foldName('Jonas Wei\u00df')).toBe(foldName('JONAS WEISS'));
    expect(foldName('Ay\u015fe Y\u0131lmaz')).toBe(foldName('Ayse Yilmaz'));
    expect(foldName('Ana')).not.toBe(foldName('Anna'));
    expect(checkRule(rule, ctx)).toMatchObject({ pass: true });
    expect(checkRule(rule, context(data, { roster: ctx.roster, params: { ...params, min_people: 3 } }))).toMatchObject({
      pass: false,
      detail: '2 of 3 named',
    });
  });
});

describe('one person, however the name is written', () => {
  it('folds a name written family name first, with a note in brackets or after a dash or a comma, to the same person', () => {
    const maya = foldName('Maya Okonkwo');
    for (const written of [
      'Okonkwo, Maya',
      'Okonkwo Maya',
      'Maya Okonkwo (backup)',
      'Maya Okonkwo [host] (tbc)',
      'Maya Okonkwo - backup',
      'Maya Okonkwo \u2013 host',
      'Maya Okonkwo, host',
      'Maya Okonkwo, Deputy',
      'Maya Okonkwo, community manager',
      'Okonkwo, Maya, backup',
      ' okonkwo ,  MAYA. ',
    ])
      expect(foldName(written), written).toBe(maya);
    expect(foldName('van der Berg, Lena')).toBe(foldName('Lena van der Berg'));
    expect(foldName('Smith-Jones, Ann')).toBe(foldName('Ann Smith-Jones'));
    expect(foldName('Maya, host')).toBe(foldName('Maya'));
  });

  it('keeps different people apart: another family name, a first name alone, a comma between two given names', () => {
    expect(foldName('Maya Okafor')).not.toBe(foldName('Maya Okonkwo'));
    expect(foldName('Okafor, Maya')).not.toBe(foldName('Okonkwo, Maya'));
    // A first name alone is not the full name it may stand for (as before): 'Ana' is not 'Ana Lima'.
    expect(foldName('Ana')).not.toBe(foldName('Ana Lima'));
    expect(foldName('Ana (backup)')).not.toBe(foldName('Ana Lima'));
    // 'Maya, Tom' in one entry is one name, never two people, and neither Maya nor Tom.
    expect(foldName('Maya, Tom')).not.toBe(foldName('Maya'));
    expect(foldName('Maya, Tom')).not.toBe(foldName('Tom'));
    // The words are compared as a list, not a set: 'Na Na' is not 'Na'.
    expect(foldName('Na Na')).not.toBe(foldName('Na'));
    // Nothing but a note is kept whole: '(vacant)' is not blank.
    expect(foldName('(vacant)')).toBe('vacant');
  });

  it('folds roles as before: case, spacing and marks, but a role with a note is another role', () => {
    expect(foldRole(' Incident  Contact.')).toBe(foldRole('incident contact'));
    expect(foldRole('moderator (trainee)')).not.toBe(foldRole('moderator'));
    expect(foldRole('contact incident')).not.toBe(foldRole('incident contact'));
  });

  it('counts one person once in a people rule, with or without a roster', () => {
    const rule = buildRule({ kind: 'people', path: 'launch.response_rota', field: 'name', min: { $param: 'min_people' }, message: 'm' });
    const rota = { launch: { response_rota: [{ name: 'Maya Okonkwo' }, { name: 'Okonkwo, Maya' }, { name: 'Maya Okonkwo (backup)' }] } };
    expect(checkRule(rule, context(rota))).toMatchObject({ pass: false, detail: '1 of 2 named' });
    // On the roster as 'Maya Okonkwo', each way of writing her names her: no finding, and still one person.
    expect(checkRule(rule, context(rota, { roster: roster('Maya Okonkwo') }))).toMatchObject({
      pass: false,
      detail: '1 of 2 named',
      notes: [],
    });
    const two = { launch: { response_rota: [{ name: 'Maya Okonkwo' }, { name: 'Okafor, Maya' }] } };
    expect(checkRule(rule, context(two)).pass).toBe(true);
  });

  it('counts one person once among those holding a roster role, and one letter names no one', () => {
    const rule = buildRule({
      kind: 'people',
      path: 'governance.code_of_conduct.reporting.responders',
      role: 'conduct responder',
      min: { $param: 'min_people' },
      message: 'm',
    });
    const data = {
      people: [
        { name: 'Maya Okonkwo', roles: ['conduct responder'] },
        { name: 'Okonkwo, Maya', roles: ['Conduct Responder'] },
      ],
    };
    const ctx = context(data, { roster: roster('Maya Okonkwo', 'Okonkwo, Maya') });
    expect(ctx.rosterPeople()).toHaveLength(1);
    expect(checkRule(rule, ctx)).toMatchObject({ pass: false, detail: '1 of 2 named' });
    const letters = checkRule(rule, context({ governance: { code_of_conduct: { reporting: { responders: ['a', 'b'] } } } }));
    expect(letters).toMatchObject({ pass: false, detail: '0 of 2 named' });
    expect(letters.notes.map((n) => [n.code, n.data])).toEqual([
      ['non-answer', { text: 'a' }],
      ['non-answer', { text: 'b' }],
    ]);
  });

  it('counts a member leader written twice, in either written form of the fact, once', () => {
    const rule = buildRule({
      kind: 'observed',
      path: 'observed.member_leaders',
      schema: { type: 'array', minItems: 2 },
      message: 'm',
      max_age_days: { $param: 'max_age' },
    });
    const leaders = [
      { name: 'Maya Okonkwo', role: 'moderator' },
      { name: 'Okonkwo, Maya', role: 'host' },
    ];
    const peopleLists = new Set(['observed.member_leaders', 'observed.member_leaders.value']);
    for (const observed of [
      { as_of: '2026-10-01', member_leaders: leaders },
      { member_leaders: { value: leaders, as_of: '2026-10-01' } },
    ]) {
      expect(checkRule(rule, context({ observed }, { peopleLists })).pass).toBe(false);
      expect(checkRule(rule, context({ observed })).pass).toBe(true);
    }
  });

  it('lists a person once in a list of people, and tells other named entries apart by their notes', () => {
    const data = {
      audience: {
        founding_members: [{ name: 'Maya Okonkwo' }, { name: 'Okonkwo, Maya' }, { name: 'Maya Okonkwo (admins)' }, { name: 'Tom Berg' }],
      },
      measures: { metrics: [{ name: 'active members (30 days)' }, { name: 'active members (90 days)' }] },
    };
    const peopleLists = new Set(['audience.founding_members']);
    const ctx = context(data, { peopleLists });
    expect(ctx.fact(['audience', 'founding_members'])).toEqual([{ name: 'Maya Okonkwo' }, { name: 'Tom Berg' }]);
    expect(ctx.fact(['measures', 'metrics'])).toEqual(data.measures.metrics);
    // Without the schema's word that the list holds people, names compare as texts: as before.
    expect(context(data).fact(['audience', 'founding_members'])).toHaveLength(4);
  });

  it('counts a step written again with other punctuation or an article once, and keeps steps that differ in a note', () => {
    const data = {
      governance: {
        enforcement: [
          'a permanent ban',
          'a permanent ban.',
          'A permanent ban!',
          ' \u201cPermanent ban\u201d ',
          'the permanent  ban\u2026',
          'permanent -- ban',
        ],
        steps: ['warning (first offence)', 'warning (second offence)', 'warning', 'co-host', 'co host'],
      },
    };
    const ctx = context(data);
    expect(ctx.fact(['governance', 'enforcement'])).toEqual(['a permanent ban']);
    expect(ctx.fact(['governance', 'steps'])).toEqual(['warning (first offence)', 'warning (second offence)', 'warning', 'co-host']);
  });
});

describe('people who do not count in an observed list', () => {
  const rule = buildRule({
    kind: 'observed',
    path: 'observed.member_leaders',
    schema: { type: 'array', minItems: 2 },
    message: 'm',
    max_age_days: 3650,
    not_people: ['team.host.name', 'team.stakeholders.*.name'],
    not_organisation_of: ['team.sponsor.name'],
  });
  const data = (leaders: unknown[], people: unknown[] = []) => ({
    team: { host: { name: 'Ada Obi' }, sponsor: { name: 'Ben Voss' }, stakeholders: [{ name: 'Cy Lee' }, { function: 'legal' }] },
    people,
    observed: { as_of: '2026-10-01', member_leaders: leaders },
  });

  it('leaves out the people the paths name, through lists, and says how many', () => {
    expect(checkRule(rule, context(data(['Dee Ray', { name: 'Eli Sun' }]))).pass).toBe(true);
    for (const other of ['Ada Obi', 'Obi, Ada', 'Ben Voss', 'Cy Lee']) {
      const outcome = checkRule(rule, context(data([{ name: 'Dee Ray' }, { name: other }])));
      expect(outcome, other).toMatchObject({
        pass: false,
        detail: expect.stringMatching(/^1 of those listed is named at team\.host\.name, /),
      });
    }
  });

  it("leaves out the roster's people of the sponsor's organisation, only when the roster gives the sponsor's", () => {
    const roster = [
      { name: 'Ben Voss', organisation: 'Acme' },
      { name: 'Dee Ray', organisation: 'ACME ' },
      { name: 'Eli Sun', organisation: 'Beta' },
    ];
    expect(checkRule(rule, context(data(['Dee Ray', 'Eli Sun'], roster))).pass).toBe(false);
    expect(checkRule(rule, context(data(['Dee Ray', 'Eli Sun'], roster.slice(1)))).pass).toBe(true);
    // "tbd" is no organisation: two people whose organisation is not known are not colleagues.
    const unknown = roster.map((p) => ({ ...p, organisation: 'tbd' }));
    expect(checkRule(rule, context(data(['Dee Ray', 'Eli Sun'], unknown))).pass).toBe(true);
  });

  it('says whom it leaves out, and checks that the paths are fields of the plan', () => {
    expect(describeRule(rule, String)).toMatch(
      /not counting the people named at team\.host\.name, team\.stakeholders\.\*\.name, team\.sponsor\.name, nor anyone of team\.sponsor\.name's organisation$/,
    );
    const ctx = { planHasPath: (s: readonly string[]) => s[0] !== 'nowhere', params, lists: {}, compile: () => undefined };
    expect(validateRule(rule, ctx)).toEqual([]);
    expect(
      validateRule(
        buildRule({
          kind: 'observed',
          path: 'x',
          schema: {},
          message: 'm',
          max_age_days: 1,
          not_people: ['a', 'nowhere.b'],
          not_organisation_of: ['nowhere'],
        }),
        ctx,
      ),
    ).toEqual([
      { path: ['not_people', '1'], message: "'nowhere.b' is not a field of the plan schema" },
      { path: ['not_organisation_of', '0'], message: "'nowhere' is not a field of the plan schema" },
    ]);
  });
});

describe('rule validation', () => {
  const ctx = {
    planHasPath: (s: readonly string[]) => s[0] !== 'nowhere',
    params,
    lists: { areas: ['belonging'] },
    compile: (s: unknown) => void validation.compileEvidence(s),
  };
  it('reports unknown parameters, unknown plan paths and invalid schemas, at the rule key', () => {
    expect(validateRule(buildRule({ kind: 'people', path: 'x.y', min: { $param: 'nope' }, message: 'm' }), ctx)).toEqual([
      { path: ['min', '$param'], message: "unknown parameter 'nope'" },
    ]);
    expect(validateRule(buildRule({ path: 'nowhere.x', schema: { type: 'string' }, message: 'm' }), ctx)[0]!.path).toEqual(['path']);
    expect(validateRule(buildRule({ path: 'x', schema: { type: 'nonsense' }, message: 'm' }), ctx)[0]).toMatchObject({ path: ['schema'] });
    expect(
      validateRule(buildRule({ kind: 'cover', path: 'x', holders: 2, per_person_max: { $param: 'gone' }, message: 'm' }), ctx),
    ).toHaveLength(1);
    expect(validateRule(buildRule({ kind: 'choice', path: 'x', list: 'colours', message: 'm' }), ctx)).toEqual([
      { path: ['list'], message: "unknown list 'colours' (the manifest's lists: areas)" },
    ]);
  });
});

describe('schemas in words', () => {
  it('says what the built-in kinds of schema ask for', () => {
    expect(describeSchema({ type: 'array', minItems: 3, items: { type: 'object', required: ['date', 'title', 'owner'] } })).toBe(
      'a list of at least 3 entries, each with date, title and owner',
    );
    expect(describeSchema({ type: 'string', format: 'uri' })).toBe('a URL');
    expect(describeSchema({ const: true })).toBe('exactly yes (true)');
    expect(describeSchema({ enum: ['open', 'approval'] })).toBe("one of 'open', 'approval'");
    expect(describeSchema({ type: 'array', contains: { type: 'object', required: ['commitment'] }, minContains: 10 })).toBe(
      'a list, including at least 10 of: a record with commitment',
    );
    expect(describeSchema({ type: 'array', allOf: [{ contains: { const: 'remove' } }, { contains: { const: 'suspend' } }] })).toBe(
      "a list, including exactly 'remove' and exactly 'suspend'",
    );
  });
});
