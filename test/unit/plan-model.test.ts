// The version-2 plan model: stage, formality, size and the roster; version-1 plans keep their meaning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/scoring/assess-plan.js';
import { builtinMethodology, inputErrorsOf, planFromYaml, validation } from '../helpers.js';

const m = builtinMethodology();
const TODAY = '2026-11-25';
const assess = (yaml: string) => assessPlan(planFromYaml(yaml, m), m, validation, { today: TODAY });

describe('stage', () => {
  it('a version-1 plan keeps its meaning: planning without observed figures, running with them, marked as inferred', () => {
    expect(planFromYaml('version: 1\ncommunity: { name: X }\n', m)).toMatchObject({ version: 1, stage: 'planning', stageFrom: 'inferred' });
    expect(planFromYaml('version: 1\ncommunity: { name: X }\nobserved: { as_of: 2026-11-01, member_share: 0.6 }\n', m)).toMatchObject({
      stage: 'running',
      stageFrom: 'inferred',
    });
    expect(planFromYaml('community: { name: X }\nobserved: { as_of: 2026-11-01 }\n', m).stage).toBe('planning');
  });

  it('a version-1 plan using a replaced field gets one line naming what to write instead', () => {
    const errors = inputErrorsOf(() => planFromYaml('version: 1\ncommunity: { name: X }\nobserved:\n  bus_factor: 4\n', m));
    expect(errors).toEqual([
      { file: 'plan.yaml', line: 4, col: 3, message: expect.stringMatching(/^observed\.bus_factor is now observed\.absence_factor/) },
    ]);
  });

  it('version 2 needs the stage, a running community needs the date it opened, and a planned one cannot have opened', () => {
    expect(inputErrorsOf(() => planFromYaml('version: 2\ncommunity: { name: X }\n', m))[0]!.message).toBe(
      "community is missing required key 'stage'",
    );
    expect(inputErrorsOf(() => planFromYaml('version: 2\ncommunity: { name: X, stage: running }\n', m))[0]!.message).toBe(
      "community is missing required key 'opened'",
    );
    const [d] = inputErrorsOf(() => planFromYaml('version: 2\ncommunity:\n  name: X\n  stage: planning\n  opened: 2020-01-01\n', m));
    expect(d).toMatchObject({ line: 5, col: 3 });
    expect(d!.message).toMatch(/set the stage to 'running'/);
  });

  it('a fact that switches items off may not be contradicted by the plan itself: each is one line at the fact', () => {
    const base = 'version: 3\ncommunity: { name: X, type: grassroots, stage: planning, format: FORMAT, minors: MINORS }\n';
    const plan = (format: string, minors: string, rest: string) => base.replace('FORMAT', format).replace('MINORS', minors) + rest;
    const young = 'governance:\n  safeguarding: { min_age: 13 }\n';
    expect(inputErrorsOf(() => planFromYaml(plan('online', 'false', young), m))).toEqual([
      {
        file: 'plan.yaml',
        line: 2,
        col: base.indexOf('minors') - base.indexOf('\n'),
        message: expect.stringMatching(/^community\.minors is false, but governance\.safeguarding\.min_age is 13: /),
      },
    ]);
    const meetup =
      'platform:\n  calendar:\n    - { date: 2027-01-09, title: Online kick-off, format: live }\n    - { date: 2027-02-09, title: Pub meetup, format: in-person }\n';
    expect(inputErrorsOf(() => planFromYaml(plan('online', 'false', meetup), m))).toEqual([
      {
        file: 'plan.yaml',
        line: 2,
        col: base.indexOf('format') - base.indexOf('\n'),
        message: expect.stringMatching(/^community\.format is online, but platform\.calendar\[1\] is an in-person event: /),
      },
    ]);
    // What agrees is read as written: minors with a youngest age under 18, an adult group, a hybrid community that meets.
    expect(planFromYaml(plan('online', 'true', young), m).file).toBe('plan.yaml');
    expect(planFromYaml(plan('online', 'false', 'governance:\n  safeguarding: { min_age: 18 }\n'), m).file).toBe('plan.yaml');
    expect(planFromYaml(plan('hybrid', 'false', meetup), m).file).toBe('plan.yaml');
  });

  it('an online community whose calendar or budget names a meetup meets in person: one line at the format, naming the entry', () => {
    const online = (t: string) => t.replace('  format: hybrid', '  format: online').replace(/^ {2}events:\n(?: {4}.*\n)+/m, '');
    const other = (t: string) =>
      online(t).replace('title: London builder meetup, format: in-person', 'title: London builder meetup, format: other');
    const text = readFileSync('examples/launch-ready.yaml', 'utf8');
    const line = text.split('\n').indexOf('  format: hybrid') + 1;
    expect(inputErrorsOf(() => planFromYaml(other(text), m))).toEqual([
      {
        file: 'plan.yaml',
        line,
        col: 3,
        message: expect.stringMatching(
          /^community\.format is online, but platform\.calendar\[6\] 'London builder meetup' names a gathering: /,
        ),
      },
    ]);
    // Called live (online), the meetup is still paid for by the budget.
    const live = (t: string) =>
      online(t).replace('title: London builder meetup, format: in-person', 'title: London builder meetup, format: live');
    expect(inputErrorsOf(() => planFromYaml(live(text), m))[0]!.message).toMatch(
      /^community\.format is online, but purpose\.budget\.covers\[2\] pays for 'two regional builder meetups': /,
    );
    // Online gatherings, a conference talk and conference passes are no in-person meeting of the community.
    const base = 'version: 3\ncommunity: { name: X, type: customer, stage: planning, format: online }\n';
    const calendar = (title: string) => `platform:\n  calendar:\n    - { date: 2027-01-09, title: "${title}", format: other }\n`;
    for (const title of [
      'Online meetup',
      'Virtual meet-up on Zoom',
      'Webinar: pub quiz',
      'Announcement and conference talk',
      'Release party',
    ])
      expect(planFromYaml(base + calendar(title), m).file, title).toBe('plan.yaml');
    for (const title of ['Builder meetup', 'Drinks at the pub', 'Offline hack day', 'Meet in person'])
      expect(
        inputErrorsOf(() => planFromYaml(base + calendar(title), m)),
        title,
      ).toHaveLength(1);
    expect(planFromYaml(`${base}purpose:\n  budget:\n    covers: [conference passes, an online meetup platform]\n`, m).file).toBe(
      'plan.yaml',
    );
  });

  it("a volunteer group with a committed sponsor or a host on a paid role's hours is a funded programme: one line at the formality", () => {
    const text = readFileSync('examples/launch-ready.yaml', 'utf8').replace('  formality: funded', '  formality: volunteer');
    const line = text.split('\n').indexOf('  formality: volunteer') + 1;
    expect(inputErrorsOf(() => planFromYaml(text, m))).toEqual([
      {
        file: 'plan.yaml',
        line,
        col: 3,
        message: expect.stringMatching(/^community\.formality is volunteer, but team\.sponsor names Elena Marchetti with 3 commitments: /),
      },
    ]);
    // A sponsor written "none" who still makes commitments is not called by that name.
    expect(inputErrorsOf(() => planFromYaml(text.replace(/(sponsor:\n {4}name: )Elena Marchetti/, '$1none'), m))[0]!.message).toMatch(
      /^community\.formality is volunteer, but team\.sponsor names no one \(none\) and lists 3 commitments: /,
    );
    // Without the sponsor, the host's 32 hours a week are a job.
    const noSponsor = text.replace(/^ {2}sponsor:\n(?: {4}.*\n)+/m, '');
    expect(inputErrorsOf(() => planFromYaml(noSponsor, m))[0]!.message).toMatch(
      /team\.host\.hours_per_week is 32, the hours of a paid role \(20 or more/,
    );
    // A grassroots type is volunteer by default: the error is at the type.
    const byType =
      'version: 3\ncommunity: { name: X, type: grassroots, stage: planning }\nteam:\n  host: { name: A, hours_per_week: 40 }\n';
    expect(inputErrorsOf(() => planFromYaml(byType, m))[0]!.message).toMatch(
      /^community\.type grassroots is a volunteer group by default, but team\.host/,
    );
    // A volunteer organiser's few hours and the members' own budget agree with the formality.
    expect(planFromYaml(readFileSync('examples/volunteer-meetup.yaml', 'utf8'), m).formality).toBe('volunteer');
  });

  it('every item outside the stage shows as not applicable with the reason, and no answer or waiver can reopen it', () => {
    const a = assess(
      'version: 2\ncommunity: { name: X, stage: running, opened: 2020-01-01 }\nassessment:\n  launch.soft-launch: { status: n/a }\n  launch.go-no-go: { status: unmet, waiver: { reason: later, expires: 2020-01-01 } }\n',
    );
    for (const id of ['launch.soft-launch', 'launch.go-no-go'])
      expect(a.items.find((r) => r.itemId === id)).toMatchObject({ status: 'n/a', basis: 'stage', value: null });
    expect(a.findings.filter((f) => f.itemId.startsWith('launch.soft') || f.itemId === 'launch.go-no-go')).toEqual([]);
    // Before launch, there is nothing to observe: no health score, and a level resting on health says so.
    const planning = assess('version: 2\ncommunity: { name: X, stage: planning }\n');
    expect(planning.health).toBeNull();
    expect(planning.items.filter((r) => r.dimension === 'health').every((r) => r.basis === 'stage')).toBe(true);
  });

  it('a health level is out of reach before launch, and the path says it needs a running community', () => {
    const text = readFileSync('examples/launch-ready.yaml', 'utf8');
    const a = assessPlan(planFromYaml(text, m), m, validation, { today: TODAY });
    expect(a.level.id).toBe('launch-ready');
    expect(a.nextLevel).toMatchObject({ id: 'established', needsStage: 'running', healthAfter: null });
  });
});

describe('roster', () => {
  const base = `version: 2
community: { name: X, stage: planning }
people:
  - { name: Ana Lima, roles: [host] }
  - { name: Tom Berg }
`;
  it('names not in the roster are findings at their own line; known names count', () => {
    const a = assess(
      `${base}team:\n  host: { name: Ana Lima }\nlaunch:\n  response_rota:\n    - { name: Tom Berg, covers: mornings }\n    - { name: Kim Sato, covers: evenings }\nassessment:\n  purpose.landscape: { status: partial, owner: Nobody Here }\n`,
    );
    const unknown = a.findings.filter((f) => f.code === 'person-unknown');
    expect(unknown.map((f) => [f.location.line, f.location.col, f.data.name, f.itemId])).toEqual([
      [11, 9, 'Kim Sato', 'launch.response-promise'],
      [13, 41, 'Nobody Here', 'purpose.landscape'],
    ]);
    const rota = a.items.find((r) => r.itemId === 'launch.response-promise')!;
    expect(rota.failed.find((f) => f.path === 'launch.response_rota')).toMatchObject({ detail: '1 of 2 named, 1 not in the roster' });
  });

  it('a name given twice in the roster is bad input at its line', () => {
    const [d] = inputErrorsOf(() => planFromYaml(`${base}  - { name: ana  lima }\n`, m));
    expect(d).toMatchObject({ line: 6, col: 7 });
    expect(d!.message).toMatch(/already in the roster \(people\[0\]\)/);
  });

  it('a person written again family name first, or with a note, is the same person: bad input too', () => {
    for (const again of ['"Lima, Ana"', 'Ana Lima (backup)', 'Ana Lima - deputy', '"Ana Lima, host"']) {
      const [d] = inputErrorsOf(() => planFromYaml(`${base}  - { name: ${again} }\n`, m));
      expect(d, again).toMatchObject({ line: 6, col: 7 });
      expect(d!.message).toMatch(/already in the roster \(people\[0\]\)/);
    }
    // Another person of the same given name is another person.
    expect(() => planFromYaml(`${base}  - { name: Ana Lopes }\n  - { name: Ana }\n`, m)).not.toThrow();
  });

  it('single points of failure are computed from the functions and the roster roles', () => {
    const a = assess(
      `${base}measures:\n  critical_functions:\n    - { function: host, people: [Tom Berg] }\n    - { function: moderation, people: [Ana Lima] }\n    - { function: events, people: [Ana Lima, Tom Berg] }\n`,
    );
    const spof = a.findings.filter((f) => f.code === 'single-point').map((f) => f.data.function);
    // 'host' has Tom, plus Ana by her role; moderation has Ana alone.
    expect(spof).toEqual(['moderation']);
  });
});

describe('plausibility', () => {
  it('a review dated after today is a finding, and the answer counts as not reviewed in time', () => {
    const a = assess(
      'version: 2\ncommunity: { name: X, stage: planning }\nassessment:\n  engagement.relationships: { status: met, reviewed: 2027-01-01 }\n',
    );
    expect(a.findings.find((f) => f.code === 'date-in-future')).toMatchObject({
      itemId: 'engagement.relationships',
      data: { asOf: '2027-01-01' },
    });
    expect(a.items.find((r) => r.itemId === 'engagement.relationships')!.status).toBe('stale');
  });

  it('more hours a week than a week has is an input error at the hours; more than one person keeps up is not met, and says why', () => {
    const yaml = (h: string) => `version: 2\ncommunity: { name: X, stage: planning }\nteam:\n  host: { hours_per_week: ${h} }\n`;
    const capacity = (h: string) => assess(yaml(h)).items.find((r) => r.itemId === 'governance.capacity')!;
    expect(capacity('40').status).toBe('met');
    expect(capacity('60').status).toBe('met');
    for (const h of ['61', '168']) {
      expect(capacity(h).status).not.toBe('met');
      expect(capacity(h).failed).toEqual([expect.objectContaining({ message: expect.stringMatching(/at most 60: a plan/) })]);
    }
    for (const h of ['169', '99999999999999999999', '-1'])
      expect(inputErrorsOf(() => planFromYaml(yaml(h), m))).toEqual([
        expect.objectContaining({ line: 4, message: expect.stringMatching(/^team\.host\.hours_per_week must be [<>]= (168|0)$/) }),
      ]);
  });

  it('a figure a community could not have given is not met, and the failure says why', () => {
    const example = readFileSync('examples/launch-ready.yaml', 'utf8');
    const item = (from: string, to: string, id: string) => {
      expect(example).toContain(from);
      return assess(example.replace(from, to)).items.find((r) => r.itemId === id)!;
    };
    const why = (from: string, to: string, id: string) =>
      item(from, to, id)
        .failed?.map((f) => f.message)
        .join(' | ');
    for (const [id, from] of [
      ['purpose.budget', '    amount: 145000\n'],
      ['purpose.budget', '    months: 12\n'],
      ['launch.response-promise', '  response_time_hours: 12\n'],
      ['audience.onboarding', '    within_hours: 12\n'],
      ['measurement.responsiveness', '  first_response_target_hours: 8\n'],
      ['measurement.baselines', '      baseline_date: 2027-07-01\n'],
    ] as const)
      expect(item(from, from, id).status).toBe('met');
    expect(why('    amount: 145000\n', '    amount: 1\n', 'purpose.budget')).toMatch(/at least 100 in its currency/);
    expect(item('    amount: 145000\n', '    amount: 100\n', 'purpose.budget').status).toBe('met');
    expect(why('    months: 12\n', '    months: 9999\n', 'purpose.budget')).toMatch(/at most 60: few budgets/);
    expect(why('  response_time_hours: 12\n', '  response_time_hours: 0.01\n', 'launch.response-promise')).toMatch(
      /no less than 0\.25 hours: a reply promised sooner/,
    );
    expect(item('  response_time_hours: 12\n', '  response_time_hours: 0.25\n', 'launch.response-promise').status).toBe('met');
    expect(why('    within_hours: 12\n', '    within_hours: 0.01\n', 'audience.onboarding')).toMatch(
      /at least 0\.25 hours: a greeting sooner/,
    );
    expect(why('  first_response_target_hours: 8\n', '  first_response_target_hours: 0.01\n', 'measurement.responsiveness')).toMatch(
      /no less than 0\.25 hours: a typical wait/,
    );
    const baseline = item('      baseline_date: 2027-07-01\n', '      baseline_date: 1990-07-01\n', 'measurement.baselines');
    expect(baseline.status).not.toBe('met');
    expect(baseline.failed?.[0]).toMatchObject({ detail: expect.stringMatching(/^1990-07-01 is \d+ days ago, more than 1826$/) });
  });

  it('a date before any online community could exist is an input error at the date; an old club may have opened then', () => {
    const example = readFileSync('examples/launch-ready.yaml', 'utf8');
    const errors = (from: string, to: string) => {
      expect(example).toContain(from);
      return inputErrorsOf(() => planFromYaml(example.replace(from, to), m));
    };
    for (const [from, to, path] of [
      ['    start_date: 2026-08-03\n', '    start_date: 1850-08-03\n', 'team.host.start_date'],
      ['    adopted: 2026-06-24\n', '    adopted: 1066-06-24\n', 'governance.code_of_conduct.adopted'],
      ['invited: 2026-10-05, commitment: answer', 'invited: 1920-10-05, commitment: answer', 'audience.founding_members[0].invited'],
      ['      baseline_date: 2027-07-01\n', '      baseline_date: 1978-12-31\n', 'measures.metrics[2].baseline_date'],
    ] as const)
      expect(errors(from, to)).toEqual([
        expect.objectContaining({ message: expect.stringContaining(`${path} is ${/\d{4}-\d\d-\d\d/.exec(to)![0]}, before 1979-01-01`) }),
      ]);
    expect(() => planFromYaml(example.replace('    adopted: 2026-06-24\n', '    adopted: 1979-01-01\n'), m)).not.toThrow();
    // The facts of a team's own items may be history.
    expect(() => planFromYaml(`${example}custom:\n  club_founded: 1850-05-01\n`, m)).not.toThrow();
    const opened = (format: string, day: string) =>
      `version: 3\ncommunity: { name: X, stage: running, opened: ${day}, format: ${format} }\nobserved:\n  member_leaders:\n    - { name: Ann Lee, role: moderator, since: 1900-03-01 }\n`;
    expect(inputErrorsOf(() => planFromYaml(opened('online', '1901-09-14'), m)).map((e) => [e.line, e.message])).toEqual([
      [2, expect.stringMatching(/^community\.opened is 1901-09-14, before 1979-01-01/)],
      [5, expect.stringMatching(/^observed\.member_leaders\[0\]\.since is 1900-03-01, before 1979-01-01/)],
    ]);
    expect(inputErrorsOf(() => planFromYaml(opened('in-person', '1901-09-14'), m)).map((e) => e.message)).toEqual([
      expect.stringMatching(/^observed\.member_leaders\[0\]\.since is 1900-03-01/),
    ]);
    expect(inputErrorsOf(() => planFromYaml(opened('in-person', '1799-12-31'), m))[0]?.message).toMatch(
      /^community\.opened is 1799-12-31, before 1800-01-01: no one now in the community opened it then/,
    );
  });

  it('a host who starts in years and a founding member invited on a day still to come are not met, and say why', () => {
    const example = readFileSync('examples/launch-ready.yaml', 'utf8');
    const judged = (from: string, to: string, id: string) => {
      expect(example).toContain(from);
      return assess(example.replace(from, to)).items.find((r) => r.itemId === id)!;
    };
    const host = (day: string) => judged('    start_date: 2026-08-03\n', `    start_date: ${day}\n`, 'governance.host');
    expect(host('2027-05-24').status).toBe('met');
    expect(host('2031-08-03').status).not.toBe('met');
    expect(host('2031-08-03').failed?.[0]).toMatchObject({
      message: expect.stringMatching(/start within 180 days: team\.host\.start_date further\s+ahead names a role still to be filled/),
      detail: expect.stringMatching(/^2031-08-03 is \d+ days ahead, more than 180$/),
    });
    const invited = (day: string) =>
      judged('invited: 2026-10-05, commitment: answer', `invited: ${day}, commitment: answer`, 'audience.founding-members');
    expect(invited(TODAY).status).toBe('met');
    expect(invited('2029-10-05').status).not.toBe('met');
    expect(invited('2029-10-05').failed?.[0]?.message).toMatch(/a day still to\s+come is an invitation not sent/);
  });

  it('interviews by the thousand, an onboarding of years, targets no one would set and a share above the whole are not met', () => {
    const example = readFileSync('examples/launch-ready.yaml', 'utf8');
    const judged = (from: string, to: string, id: string) => {
      expect(example).toContain(from);
      return assess(example.replace(from, to)).items.find((r) => r.itemId === id)!;
    };
    for (const [from, low, high, id, why] of [
      ['    interviews: 14\n', '200', '201', 'audience.research', /at most 200: more one-to-one interviews/],
      // A survey may reach more people than the community counts (2000 here): only a figure no survey reaches fails.
      ['    survey_responses: 212\n', '100000', '5000000', 'audience.research', /at most 100000: more is no survey of prospective members/],
      ['    weeks: 4\n', '26', '27', 'audience.onboarding', /at most 26: a longer journey is membership/],
      ['  retention_target: 0.35\n', '0.05', '0.0001', 'measurement.activity', /at\s+least 0\.05: a lower target keeps next to no one/],
      ['  resolved_share_target: 0.8\n', '0.25', '0.0001', 'measurement.responsiveness', /at least\s+0\.25: a lower target leaves/],
      ['    target: 0.25\n', '0.01', '0.0001', 'engagement.newcomer-conversion', /at\s+least 0\.01: a lower target aims for no regulars/],
      ['      target: 40\n', '100', '4000', 'purpose.goals', /unit '%'\) a target of at most 100: a share\s+cannot pass the whole/],
    ] as const) {
      const to = (n: string) => from.replace(/[\d.]+/, n);
      expect(judged(from, to(low), id).status, `${id} at ${low}`).toBe('met');
      const item = judged(from, to(high), id);
      expect(item.status, `${id} at ${high}`).not.toBe('met');
      expect(item.failed?.map((f) => f.message).join(' | ')).toMatch(why);
    }
  });

  it('a first sponsor review decades away is not met, and says why', () => {
    const example = readFileSync('examples/launch-ready.yaml', 'utf8');
    const timeline = (day: string) =>
      assess(example.replace('    review_date: 2027-09-15\n', `    review_date: ${day}\n`)).items.find(
        (r) => r.itemId === 'purpose.timeline',
      )!;
    expect(example).toContain('    review_date: 2027-09-15\n');
    expect(timeline('2027-11-25').status).toBe('met'); // 365 days after today
    expect(timeline('2099-09-15').status).not.toBe('met');
    expect(timeline('2099-09-15').failed?.[0]).toMatchObject({
      message: expect.stringMatching(/nor more than 365\s+days away/),
      detail: expect.stringMatching(/^2099-09-15 is \d+ days ahead, more than 365$/),
    });
  });

  it('cadences under a month, an inception of years, an instant acknowledgement and research not done or long done are not met', () => {
    const example = readFileSync('examples/launch-ready.yaml', 'utf8');
    const why = (from: string, to: string, id: string) => {
      expect(example).toContain(from);
      const item = assess(example.replace(from, to)).items.find((r) => r.itemId === id)!;
      expect(item.status, `${to} in ${id}`).not.toBe('met');
      return item.failed?.map((f) => `${f.message} ${f.detail ?? ''}`).join(' | ');
    };
    for (const [from, id] of [
      ['    cadence_months: 12\n', 'measurement.survey'],
      ['    cadence_months: 3\n', 'measurement.reporting'],
      ['    cadence_months: 6\n', 'measurement.review'],
    ] as const) {
      expect(assess(example).items.find((r) => r.itemId === id)!.status).toBe('met');
      expect(why(from, from.replace(/\d+/, '0.001'), id)).toMatch(/in whole\s+months or more/);
    }
    expect(why('    inception_months: 8\n', '    inception_months: 9999\n', 'purpose.timeline')).toMatch(/\(3 to 36\)/);
    expect(why('      acknowledge_hours: 24\n', '      acknowledge_hours: 0.01\n', 'governance.reporting')).toMatch(
      /no less than 0\.25 hours/,
    );
    expect(why('    completed: 2026-09-18\n', '    completed: 1991-09-18\n', 'audience.research')).toMatch(
      /1991-09-18 is \d+ days ago, more than 1095/,
    );
    expect(why('    completed: 2026-09-18\n', '    completed: 2026-12-18\n', 'audience.research')).toMatch(/after today: not done yet/);
  });

  it('an observed first reply quicker than a person types is not met, and says why', () => {
    const plan = (hours: number) =>
      `version: 3\ncommunity: { name: X, stage: running, opened: 2025-01-10, format: online }\nobserved:\n  first_response_hours: { value: ${hours}, as_of: 2026-11-20 }\n`;
    const observed = (hours: number) => assess(plan(hours)).items.find((r) => r.itemId === 'engagement.first-response-observed')!;
    expect(observed(2).status).toBe('met');
    expect(observed(0.01).status).not.toBe('met');
    expect(
      observed(0.01)
        .failed?.map((f) => f.message)
        .join(' '),
    ).toMatch(/and 0\.25 or more \(a quicker median counts automatic replies/);
  });

  it('a figure that cannot be negative is an input error at the figure', () => {
    const errors = (section: string) =>
      inputErrorsOf(() => planFromYaml(`version: 2\ncommunity: { name: X, stage: planning }\n${section}`, m));
    for (const [section, path] of [
      ['purpose:\n  budget: { amount: -5 }\n', 'purpose.budget.amount'],
      ['purpose:\n  budget: { months: -1 }\n', 'purpose.budget.months'],
      ['purpose:\n  timeline: { inception_months: -3 }\n', 'purpose.timeline.inception_months'],
      ['audience:\n  research: { interviews: -2 }\n', 'audience.research.interviews'],
      ['audience:\n  research: { survey_responses: -2 }\n', 'audience.research.survey_responses'],
      ['audience:\n  onboarding: { weeks: -4 }\n', 'audience.onboarding.weeks'],
      [
        'governance:\n  code_of_conduct: { reporting: { acknowledge_hours: -1 } }\n',
        'governance.code_of_conduct.reporting.acknowledge_hours',
      ],
    ] as const)
      expect(errors(section)).toEqual([expect.objectContaining({ line: 4, message: `${path} must be >= 0` })]);
  });
});

describe('profiles', () => {
  it('layer type, formality and plan: the plan may set its own values, and the origin of each is reported', () => {
    const a = assess('version: 2\ncommunity: { name: X, type: grassroots, stage: planning }\nparams: { moderators_min: 3 }\n');
    expect(a.profile).toEqual({ type: 'grassroots', formality: 'volunteer', formalityFrom: 'type' });
    expect(a.customParams).toMatchObject({ host_hours_per_week_min: 2, moderators_min: 3 });
    expect(a.paramOrigins).toMatchObject({ host_hours_per_week_min: 'formality', moderators_min: 'plan' });
    expect(a.items.find((r) => r.itemId === 'purpose.budget')).toMatchObject({ severity: 'minor', weight: 1 });
  });

  it('a funded grassroots group is held to the funded defaults', () => {
    const a = assess('version: 2\ncommunity: { name: X, type: grassroots, formality: funded, stage: planning }\n');
    expect(a.profile.formality).toBe('funded');
    expect(a.customParams).toEqual({});
    expect(a.items.find((r) => r.itemId === 'purpose.budget')!.severity).toBe('blocker');
  });
});
