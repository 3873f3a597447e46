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
  failed?: { detail?: string; message: string }[];
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
