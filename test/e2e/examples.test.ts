// The bundled examples, through the built binary, against the built-in methodology.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { validation } from '../helpers.js';
import { reportOfFile, type ReportFileJson } from '../../src/report/report-json.js';

const TODAY = ['--today', '2026-11-25'];

interface PlanJson {
  score: number;
  health: number | null;
  healthCoverage: { measured: number; of: number };
  stage: { id: string; from: string; opened?: string };
  profile: { type?: string; formality: string; formalityFrom: string };
  paramOrigins: Record<string, string>;
  level: { id: string };
  gaps: string[];
  items: { id: string; severity: string; status: string; basis: string }[];
  findings: { item: string; line: number; col: number; code: string }[];
}

function report(name: string): PlanJson {
  const r = runCli(['report', `examples/${name}.yaml`, '--format', 'json', ...TODAY]);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(validation.report(json), JSON.stringify(validation.report.errors)).toBe(true);
  // Schema version 2 leaves an item's severity to its table when they agree: the whole item, as diff reads it.
  const read = reportOfFile(json as ReportFileJson);
  if ('problem' in read) throw new Error(read.problem);
  return read.report.plans[0] as unknown as PlanJson;
}

const openBlockers = (p: PlanJson) => p.gaps.filter((id) => p.items.find((i) => i.id === id)!.severity === 'blocker');

describe('the verdicts the README states', () => {
  it('are what lint gives each bundled plan, on the day the README names', () => {
    const readme = readFileSync('README.md', 'utf8');
    const day = /`commready lint examples\/\*\.yaml --today (\d{4}-\d{2}-\d{2})`/.exec(readme)?.[1];
    expect(day, 'README: the lint command with its --today').toBeDefined();
    const rows = [...readme.matchAll(/^\| `([a-z-]+\.yaml)` \| [^|]+ \| (\d) ([^|]+?) \| (passes|fails) \|/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual(
      readdirSync('examples')
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    );
    const r = runCli(['lint', 'examples/*.yaml', '--today', day!, '--format', 'json']);
    const plans = (JSON.parse(r.stdout) as { plans: { file: string; passed: boolean; level: { index: number; title: string } }[] }).plans;
    for (const [, file, index, title, verdict] of rows) {
      const plan = plans.find((p) => p.file === `examples/${file}`)!;
      expect({ file, index: plan.level.index, title: plan.level.title, passed: plan.passed }).toEqual({
        file,
        index: Number(index),
        title: title!.trim(),
        passed: verdict === 'passes',
      });
    }
  });
});

describe('the bundled examples', () => {
  it('are the four documented plans', () => {
    expect(
      readdirSync('examples')
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual([
      'forum-only.yaml',
      'foundation-project.yaml',
      'halfway.yaml',
      'launch-ready.yaml',
      'open-source.yaml',
      'volunteer-meetup.yaml',
    ]);
  });

  it('the strong plan is launch-ready with no open blocker, and passes lint alone', () => {
    const p = report('launch-ready');
    expect(p.level.id).toBe('launch-ready');
    expect(p.score).toBeGreaterThanOrEqual(85);
    expect(openBlockers(p)).toEqual([]);
    const lint = runCli(['lint', 'examples/launch-ready.yaml', ...TODAY]);
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
  });

  it('the forum-only plan is not ready: no host, founding members, onboarding, reporting or response time', () => {
    const p = report('forum-only');
    expect(p.level.id).toBe('idea');
    expect(p.score).toBeLessThan(5);
    const blockers = openBlockers(p);
    for (const id of [
      'governance.host',
      'audience.founding-members',
      'audience.onboarding',
      'governance.reporting',
      'launch.response-promise',
    ])
      expect(blockers).toContain(id);
  });

  it('the half-way plan is emergent, with blockers still open', () => {
    const p = report('halfway');
    expect(p.level.id).toBe('emergent');
    expect(p.score).toBeGreaterThanOrEqual(20);
    expect(p.score).toBeLessThan(70);
    expect(openBlockers(p).length).toBeGreaterThan(0);
  });

  it('the open-source plan is established on observed post-launch data, its health short of networked', () => {
    const p = report('open-source');
    expect(p.level.id).toBe('established');
    expect(p.health).toBe(75);
    expect(p.items.find((i) => i.id === 'engagement.member-share-observed')!.status).toBe('met');
    expect(p.items.find((i) => i.id === 'engagement.first-response-observed')!.status).toBe('unmet');
    expect(openBlockers(p)).toEqual([]);
  });

  it('the foundation project is networked, and its stage shows in the json: launch items not applicable, with the reason', () => {
    const p = report('foundation-project');
    expect(p.level.id).toBe('networked');
    expect(p.stage).toEqual({ id: 'running', from: 'plan', opened: '2015-06-01' });
    expect(p.items.find((i) => i.id === 'launch.soft-launch')).toMatchObject({ status: 'n/a', basis: 'stage' });
    // lint's short text counts them, and the long report names each with the reason.
    const lint = runCli(['lint', 'examples/foundation-project.yaml', ...TODAY]);
    expect(lint.stdout).toMatch(/^ {2}\d+ points not judged while running; 'commready report' lists them with the reason$/m);
    expect(runCli(['report', 'examples/foundation-project.yaml', ...TODAY]).stdout).toMatch(
      /^ {2}launch\.soft-launch {2}\(stage\) Not judged once the community is running/m,
    );
  });

  it('the volunteer meetup operates safely, speaks of organisers, and is not held to a sponsor or paid hours', () => {
    const p = report('volunteer-meetup');
    // Level 3 in its running form: safe, with health on two of its measures (not enough for Established).
    expect(p.level).toMatchObject({ id: 'launch-ready', title: 'Operating safely' });
    expect(p.healthCoverage).toEqual({ measured: 2, of: 6 });
    expect(p.profile).toEqual({ type: 'grassroots', formality: 'volunteer', formalityFrom: 'plan' });
    expect(p.items.find((i) => i.id === 'governance.sponsor')).toMatchObject({ status: 'n/a', basis: 'profile' });
    expect(p.items.find((i) => i.id === 'governance.capacity')!.status).toBe('met');
    expect(p.paramOrigins.host_hours_per_week_min).toBe('formality');
  });

  it('lint examples/*.yaml exits 1 and names the forum-only blockers with file:line:col', () => {
    const r = runCli(['lint', 'examples/*.yaml', ...TODAY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {2}examples\/forum-only\.yaml:\d+:\d+ +blocker {2}.*: not met {2}governance\.host$/m);
    expect(r.stdout).toMatch(/6 plans: 3 passed, 3 failed/);
  });

  it('guide prints a phase readable without colour, and lists the phases', () => {
    const list = runCli(['guide']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/launch/);
    const launch = runCli(['guide', 'launch']);
    expect(launch.code).toBe(0);
    expect(launch.stdout).toMatch(/^Phase 5 of 7: /);
    expect(launch.stdout).toMatch(/launch\.response-promise — /);
    expect(launch.stdout).not.toMatch(/\u001b\[/);
    expect(runCli(['guide', 'lanch']).stderr).toMatch(/did you mean 'launch'/);
  });

  it('checklists lists every phase, its items, the thresholds and the profiles', () => {
    const r = runCli(['checklists']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/7 phases, \d+ items/);
    expect(runCli(['checklists', '--params']).stdout).toMatch(/founding_members_min = 20/);
    expect(runCli(['checklists', '--profiles']).stdout).toMatch(/n\/a by default: governance\.sponsor/);
  });

  it('validate-checklists passes the built-in methodology', () => {
    const r = runCli(['validate-checklists', 'checklists']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /is valid: 7 phases, 104 items .*; course 'commready-course' valid: 8 modules, \d+ questions, every item exercised, 5 tracks whose case plans reach Launch-ready/,
    );
  });

  it('docs --check confirms the generated reference and course are current, and fails on a stale course', () => {
    const ok = runCli(['docs', '--output', 'docs/methodology.md', '--course', 'docs/course.md', '--check']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/docs\/course\.md is up to date/);
    const stale = runCli(['docs', '--output', 'docs/methodology.md', '--course', 'README.md', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe("README.md: out of date; run 'npm run docs' to regenerate it\n");
  });
});
