// lint on dates that mean something only near what they plan: a go/no-go review shortly before the public
// wave it decides, and a programme with several entries still to come.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-dates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// A repository of its own: no project config above it judges these plans.
mkdirSync(path.join(tmp, '.git'));
const TODAY = ['--today', '2026-12-07'];
// The strong example: its public wave opens on 2027-03-09, its review is on 2027-03-02.
const STRONG = readFileSync('examples/launch-ready.yaml', 'utf8');
const REVIEW = /^( {4}date: )2027-03-02$/m;
const CALENDAR = /^ {2}calendar:\n(?: {4}- .*\n)+/m;

interface ItemJson {
  id: string;
  status: string;
  failed?: { path?: string; detail?: string; message: string }[];
}

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** The item as `lint --format json` judges it in the plan written to `name`, from `cwd`. */
function linted(name: string, text: string, id: string, cwd = tmp): ItemJson {
  const r = runCli(['lint', write(name, text), '--format', 'json', ...TODAY], {}, cwd);
  expect(r.stderr).toBe('');
  const items = (JSON.parse(r.stdout) as { plans: { items: ItemJson[] }[] }).plans[0]!.items;
  return items.find((i) => i.id === id)!;
}

describe('lint: launch.go-no-go', () => {
  it('meets a review a week before the public wave, and not one held years before the launch', () => {
    expect(REVIEW.test(STRONG)).toBe(true);
    expect(linted('strong.yaml', STRONG, 'launch.go-no-go').status).toBe('met');
    const early = linted('early.yaml', STRONG.replace(REVIEW, '$12019-03-02'), 'launch.go-no-go');
    expect(early.status).toBe('partial');
    expect(early.failed).toEqual([
      {
        path: 'launch.go_no_go.date',
        detail: '2019-03-02 is 2929 days before the launch.waves entry with audience public, 2027-03-09: more than 30',
        message:
          'Hold the go/no-go review at least a day and at most 30 days before the public wave opens; move launch.go_no_go.date into that window.',
      },
    ]);
    // The bounds of the window: 30 days before is met, 31 is not.
    expect(linted('thirty.yaml', STRONG.replace(REVIEW, '$12027-02-07'), 'launch.go-no-go').status).toBe('met');
    expect(linted('thirty-one.yaml', STRONG.replace(REVIEW, '$12027-02-06'), 'launch.go-no-go').status).toBe('partial');
  });

  it('lets a plan narrow the window, but widen it only where the project config allows plan thresholds', () => {
    const sixty = STRONG.replace(REVIEW, '$12027-01-08');
    const wider = `${sixty}params:\n  go_no_go_days_max: 90\n`;
    expect(linted('wider.yaml', wider, 'launch.go-no-go').status).toBe('partial');
    const allowing = path.join(tmp, 'allowing');
    write('allowing/.commreadyrc.yaml', 'lint:\n  planParams: allow\n');
    expect(linted('allowing/wider.yaml', wider, 'launch.go-no-go', allowing).status).toBe('met');
    const narrower = `${STRONG}params:\n  go_no_go_days_max: 5\n`;
    expect(linted('narrower.yaml', narrower, 'launch.go-no-go').status).toBe('partial');
  });
});

describe('lint: platform.calendar', () => {
  const entry = (date: string, title: string) => `    - { date: ${date}, title: ${title}, format: live, owner: Maya Okonkwo }\n`;
  const withCalendar = (...dates: string[]) =>
    STRONG.replace(CALENDAR, `  calendar:\n${dates.map((d, i) => entry(d, `Session ${i + 1}`)).join('')}`);

  it('meets the strong example, and three entries to come that reach the horizon', () => {
    expect(CALENDAR.test(STRONG)).toBe(true);
    expect(linted('calendar-strong.yaml', STRONG, 'platform.calendar').status).toBe('met');
    expect(linted('calendar-three.yaml', withCalendar('2026-12-07', '2027-01-14', '2027-03-10'), 'platform.calendar').status).toBe('met');
  });

  it('does not meet past entries and one far-off date, and says how many are still to come', () => {
    for (const [name, dates] of [
      ['calendar-2019.yaml', ['2019-01-10', '2019-02-10', '2019-03-10', '2029-01-01']],
      ['calendar-two-past.yaml', ['2026-10-01', '2026-12-06', '2029-01-01']],
    ] as const) {
      const item = linted(name, withCalendar(...dates), 'platform.calendar');
      expect(item.status, name).toBe('partial');
      expect(item.failed, name).toEqual([
        {
          path: 'platform.calendar',
          detail: '1 entry is dated today or later, not 3',
          message: 'Plan the programme at least 90 days ahead of today in platform.calendar, with at least three entries still to come.',
        },
      ]);
    }
  });
});

/** The strong example with every match of `pattern` replaced, after checking that there is one. */
function edited(pattern: RegExp, replacement: string, text = STRONG): string {
  expect(pattern.test(text), String(pattern)).toBe(true);
  return text.replace(pattern, replacement);
}

describe('lint: purpose.goals', () => {
  // The goals, up to the section after them (the metrics further down have due dates too).
  const GOALS = /^ {2}goals:\n[^]*?(?=^ {2}landscape:)/m;
  /** Every goal due on `due`, with `outcome` written under it. */
  const goals = (due: string, outcome?: string) =>
    edited(GOALS, STRONG.match(GOALS)![0].replace(/^( {6}due: ).*$/gm, outcome ? `$1${due}\n      outcome: ${outcome}` : `$1${due}`));

  it('does not meet goals that have all passed, however honest their outcomes, at any stage', () => {
    const past = goals('2026-06-30', 'Postponed');
    const item = linted('goals-past.yaml', past, 'purpose.goals');
    expect(item.status).toBe('partial');
    expect(item.failed).toEqual([
      {
        path: 'purpose.goals',
        detail: 'no entry is dated today or later',
        message: 'Keep at least one goal under purpose.goals due today or later, and none due more than 730 days from today.',
      },
    ]);
    // A running community that sets no goal ahead has stopped setting goals.
    const running = past.replace(/^ {2}stage: planning$/m, '  stage: running\n  opened: 2026-01-19');
    expect(linted('goals-past-running.yaml', running, 'purpose.goals').status).toBe('partial');
  });

  it('takes "ongoing" for no outcome of a goal past its date, as the non-answer note says', () => {
    const r = runCli(['lint', write('goals-ongoing.yaml', goals('2026-06-30', 'ongoing')), '--format', 'json', ...TODAY], {}, tmp);
    const plan = (JSON.parse(r.stdout) as { plans: { items: ItemJson[]; findings: { code: string; item: string; path: string }[] }[] })
      .plans[0]!;
    const item = plan.items.find((i) => i.id === 'purpose.goals')!;
    expect(item.failed!.map((f) => f.detail)).toEqual([
      '3 past their dates without outcome (2026-06-30)',
      'no entry is dated today or later',
    ]);
    expect(plan.findings.filter((f) => f.code === 'non-answer' && f.item === 'purpose.goals').map((f) => f.path)).toEqual([
      'purpose.goals.0.outcome',
      'purpose.goals.1.outcome',
      'purpose.goals.2.outcome',
    ]);
  });

  it('meets goals due up to 730 days from today, not 731 nor 2099', () => {
    expect(linted('goals-730.yaml', goals('2028-12-06'), 'purpose.goals').status).toBe('met');
    const far = linted('goals-731.yaml', goals('2028-12-07'), 'purpose.goals');
    expect(far.status).toBe('partial');
    expect(far.failed!.map((f) => f.detail)).toEqual(['2028-12-07 is 731 days ahead, more than 730']);
    expect(linted('goals-2099.yaml', goals('2099-12-31'), 'purpose.goals').status).toBe('partial');
  });
});

describe('lint: launch.soft-launch', () => {
  const FOUNDERS = /(audience: founders, date: )2027-01-19/;
  const PUBLIC = /(audience: public, date: )2027-03-09/;

  it('does not meet a founders wave that opens less than a week before the public one, whatever the order of the list', () => {
    expect(linted('waves-strong.yaml', STRONG, 'launch.soft-launch').status).toBe('met');
    const swapped = edited(PUBLIC, '$12027-01-19', edited(FOUNDERS, '$12027-03-09'));
    const item = linted('waves-swapped.yaml', swapped, 'launch.soft-launch');
    expect(item.status).toBe('partial');
    expect(item.failed).toEqual([
      {
        path: 'launch.waves',
        detail: '2027-03-09 is not 7 days before the launch.waves entry with audience public, 2027-01-19',
        message:
          "Date each wave in launch.waves and open the founders' wave at least 7 days before the public one (before the last wave where none is public yet), and at most 730 days from today.",
      },
    ]);
    expect(linted('waves-same-day.yaml', edited(FOUNDERS, '$12027-03-09'), 'launch.soft-launch').status).toBe('partial');
    // A day's head start is a preview, not a founders' period: a week is the least (founders_lead_days_min).
    expect(linted('waves-day-before.yaml', edited(FOUNDERS, '$12027-03-08'), 'launch.soft-launch').status).toBe('partial');
    expect(linted('waves-week-before.yaml', edited(FOUNDERS, '$12027-03-02'), 'launch.soft-launch').status).toBe('met');
  });
});

describe('lint: dates years ahead', () => {
  it('does not meet a roadmap in the 2090s, funding secured until 2099, or a member-share target in 2099', () => {
    const roadmap = edited(/^( {6}date: )(2026-12-11|2027-0[1-6]-\d\d)(\n {6}owner:)/gm, '$12093-01-01$3');
    expect(linted('roadmap-2093.yaml', roadmap, 'purpose.roadmap').failed!.map((f) => f.detail)).toEqual([
      '2093-01-01 is 24132 days ahead, more than 1095',
    ]);
    // The last milestone at the bound is met, a day later is not.
    const last = /^( {6}date: )2027-06-01$/m;
    expect(linted('roadmap-1095.yaml', edited(last, '$12029-12-06'), 'purpose.roadmap').status).toBe('met');
    expect(linted('roadmap-1096.yaml', edited(last, '$12029-12-07'), 'purpose.roadmap').status).toBe('partial');

    const funding = edited(
      /secured_until: 2027-12-31\n {4}renewal_date: 2027-10-15/,
      'secured_until: 2099-12-31\n    renewal_date: 2099-01-01',
    );
    const funded = linted('funding-2099.yaml', funding, 'measurement.funding');
    expect(funded.status).toBe('partial');
    expect(funded.failed!.map((f) => [f.path, f.detail])).toEqual([
      ['measures.funding.secured_until', '2099-12-31 is 26687 days ahead, more than 1826'],
      ['measures.funding.renewal_date', '2099-01-01 is 26323 days ahead, more than 1826'],
    ]);
    // A renewal decided after the money runs out is still out of order.
    const late = edited(/renewal_date: 2027-10-15/, 'renewal_date: 2028-01-15');
    expect(linted('funding-late.yaml', late, 'measurement.funding').failed!.map((f) => f.detail)).toEqual([
      '2028-01-15 is not a day before measures.funding.secured_until, 2027-12-31',
    ]);

    const share = linted(
      'share-2099.yaml',
      edited(/member_share_by: 2027-09-30/, 'member_share_by: 2099-12-31'),
      'engagement.member-share-target',
    );
    expect(share.status).toBe('partial');
    expect(share.failed!.map((f) => f.detail)).toEqual(['2099-12-31 is 26687 days ahead, more than 1095']);
  });
});

describe('lint: dates of things done', () => {
  it('does not meet a training of 2009 or briefings of 2011, and meets them within two years and one year', () => {
    const trained = linted('trained-2009.yaml', edited(/trained_on: 2026-11-12/, 'trained_on: 2009-03-01'), 'governance.playbook');
    expect(trained.failed).toEqual([
      {
        path: 'team.playbook.trained_on',
        detail: '2009-03-01 is 6490 days ago, more than 730',
        message:
          'Train the hosts and moderators on the playbook and record the date under team.playbook.trained_on: the day it happened, not one to come, within the last 730 days.',
      },
    ]);
    expect(linted('trained-730.yaml', edited(/trained_on: 2026-11-12/, 'trained_on: 2024-12-07'), 'governance.playbook').status).toBe(
      'met',
    );
    expect(linted('trained-731.yaml', edited(/trained_on: 2026-11-12/, 'trained_on: 2024-12-06'), 'governance.playbook').status).toBe(
      'partial',
    );

    const briefed = linted('briefed-2011.yaml', edited(/briefed: 2026-\d\d-\d\d/g, 'briefed: 2011-05-02'), 'governance.stakeholders');
    expect(briefed.status).toBe('partial');
    expect(briefed.failed!.map((f) => f.detail)).toEqual(['2011-05-02 is 5698 days ago, more than 365']);
    const first = /briefed: 2026-09-22/;
    expect(linted('briefed-365.yaml', edited(first, 'briefed: 2025-12-07'), 'governance.stakeholders').status).toBe('met');
    expect(linted('briefed-366.yaml', edited(first, 'briefed: 2025-12-06'), 'governance.stakeholders').status).toBe('partial');
  });

  it('lets a team train more often, but not less often unless its config allows plan thresholds', () => {
    const older = edited(/trained_on: 2026-11-12/, 'trained_on: 2024-06-01');
    expect(linted('training-wider.yaml', `${older}params:\n  training_days_max: 1000\n`, 'governance.playbook').status).toBe('partial');
    const narrower = `${STRONG}params:\n  training_days_max: 20\n`;
    expect(linted('training-narrower.yaml', narrower, 'governance.playbook').failed!.map((f) => f.detail)).toEqual([
      '2026-11-12 is 25 days ago, more than 20',
    ]);
  });

  it('does not meet a code of conduct adopted only next year, and asks no adoption date of a plan that gives none', () => {
    const ADOPTED = /^ {4}adopted: 2026-06-24\n/m;
    const coc = linted('coc-2027.yaml', edited(ADOPTED, '    adopted: 2027-12-01\n'), 'governance.code-of-conduct');
    expect(coc.status).toBe('partial');
    expect(coc.failed).toEqual([
      {
        path: 'governance.code_of_conduct.adopted',
        detail: '2027-12-01 is after today: not done yet',
        message:
          'Adopt the code of conduct before counting on it: governance.code_of_conduct.adopted is a day already past, not one to come.',
      },
    ]);
    expect(linted('coc-today.yaml', edited(ADOPTED, '    adopted: 2026-12-07\n'), 'governance.code-of-conduct').status).toBe('met');
    expect(linted('coc-none.yaml', edited(ADOPTED, ''), 'governance.code-of-conduct').status).toBe('met');
  });
});

describe('lint: launch.retros', () => {
  const RETROS = /^ {2}retros:\n(?: {4}- .*\n)+/m;
  const retros = (...dates: string[]) => edited(RETROS, `  retros:\n${dates.map((d) => `    - ${d}\n`).join('')}`);

  it('does not meet retrospectives dated before the launch, on its day, or more than 180 days after it', () => {
    expect(linted('retros-strong.yaml', STRONG, 'launch.retros').status).toBe('met');
    const old = linted('retros-2019.yaml', retros('2019-02-18', '2019-03-18', '2019-04-19'), 'launch.retros');
    expect(old.status).toBe('partial');
    expect(old.failed).toEqual([
      {
        path: 'launch.retros',
        detail: 'the latest, 2019-04-19, is 2789 days past; 2019-02-18, 2019-03-18, 2019-04-19 are not a day after launch.date, 2027-01-19',
        message:
          'Date the retrospectives in launch.retros after the launch date, each at least a day and at most 180 days after launch.date; while the community is still planning, they are still to come.',
      },
    ]);
    expect(linted('retros-on-launch.yaml', retros('2027-01-19', '2027-02-18', '2027-03-18'), 'launch.retros').status).toBe('partial');
    // 1 and 180 days after the launch are met; 181 is not.
    expect(linted('retros-180.yaml', retros('2027-01-20', '2027-03-18', '2027-07-18'), 'launch.retros').status).toBe('met');
    expect(
      linted('retros-181.yaml', retros('2027-01-20', '2027-03-18', '2027-07-19'), 'launch.retros').failed!.map((f) => f.detail),
    ).toEqual(['2027-07-19 is 181 days after launch.date, 2027-01-19: more than 180']);
  });
});
