// lint in CI: the command line (or the project config) chooses the judge and the thresholds, never a plan alone.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli } from './run-cli.js';
import { validation } from '../helpers.js';

/** The built-in methodology's version, as its manifest states it. */
const BUILTIN_VERSION = /^version: (\S+)$/m.exec(readFileSync('checklists/methodology.yaml', 'utf8'))![1]!;

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-ci-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MINI = path.resolve('test/fixtures/mini');
const COMPLETE = readFileSync('test/fixtures/plans/mini-complete.yaml', 'utf8');
const TODAY = ['--today', '2026-07-01'];

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('lint in CI', () => {
  // A copy of the judge's methodology is "another" methodology: a plan could loosen it at will.
  cpSync(MINI, path.join(tmp, 'lax'), { recursive: true });
  const own = write('own.yaml', `${COMPLETE}methodology: ./lax\n`);

  it("fails a plan that names its own methodology, at the plan's methodology key", () => {
    const r = runCli(['lint', own, '--checklists', MINI, '--fail-on', 'minor', '--min-score', '95', ...TODAY]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`✖ ${own}:13:1: the plan names methodology './lax', but lint judges by mini 0.1.0 (${MINI})`);
    expect(r.stdout).toMatch(/readiness 100\/100 .* methodology mini 0\.1\.0/);
    const json = JSON.parse(runCli(['lint', own, '--checklists', MINI, '--format', 'json', ...TODAY]).stdout);
    expect(json.plans[0].reasons[0]).toMatchObject({ code: 'methodology-mismatch', named: './lax', line: 13, col: 1 });
    expect(json.plans[0].methodology.location).toBe(MINI);
    expect(validation.report(json), JSON.stringify(validation.report.errors)).toBe(true);
  });

  it("accepts the plan's own methodology with --methodology-from-plan, and names it", () => {
    const r = runCli(['lint', own, '--checklists', MINI, '--methodology-from-plan', ...TODAY]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`methodology mini 0.1.0 (${path.join(tmp, 'lax')})`);
  });

  it('names the built-in methodology, and says first that a plan for another one was judged by it', () => {
    const r = runCli(['lint', own, ...TODAY]);
    expect(r.code).toBe(2);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toBe(
      `${own}:13:1: the plan names methodology './lax', but lint judges by commready ${BUILTIN_VERSION} (built-in); pass --methodology-from-plan to accept the plan's own`,
    );
    const builtin = runCli(['lint', 'examples/launch-ready.yaml', '--today', '2026-11-25']);
    expect(builtin.stdout).toMatch(/^examples\/launch-ready\.yaml {2}PASS .* methodology commready \d+\.\d+\.\d+ \(built-in\)$/m);
  });

  it('sets aside plan thresholds that relax the methodology, and keeps those that tighten it', () => {
    const relaxed = write('relaxed.yaml', `${COMPLETE.replace('people: [Ana, Bo, Cy]', 'people: [Ana, Bo]')}params:\n  people_min: 2\n`);
    const lint = runCli(['lint', relaxed, '--checklists', MINI, '--format', 'json', ...TODAY]);
    expect(lint.code).toBe(1);
    const plan = JSON.parse(lint.stdout).plans[0];
    expect(plan.ignoredParams).toEqual({ people_min: 2 });
    expect(validation.report(JSON.parse(lint.stdout)), JSON.stringify(validation.report.errors)).toBe(true);
    expect(plan.gaps).toContain('first.people');
    expect(runCli(['lint', relaxed, '--checklists', MINI, ...TODAY]).stdout).toMatch(
      /set aside because they relax the ones in force for its profile: people_min 2 \(3 applied\)/,
    );
    // report shows the plan as its authors see it, with their own thresholds.
    expect(JSON.parse(runCli(['report', relaxed, '--checklists', MINI, '--format', 'json', ...TODAY]).stdout).plans[0].gaps).not.toContain(
      'first.people',
    );
    const tightened = write('tight.yaml', `${COMPLETE}params:\n  people_min: 4\n`);
    const tight = JSON.parse(runCli(['lint', tightened, '--checklists', MINI, '--format', 'json', ...TODAY]).stdout).plans[0];
    expect(tight.ignoredParams).toBeUndefined();
    expect(tight.customParams).toEqual({ people_min: 4 });
    expect(tight.gaps).toContain('first.people');
  });

  it("names a folder called built-in as a path, never as commready's own methodology: in the log, the JSON and the printed config", () => {
    const project = path.join(tmp, 'spoof');
    cpSync(MINI, path.join(project, 'built-in'), { recursive: true });
    write('spoof/commready.config.yaml', 'checklists: ./built-in\n');
    const plan = write('spoof/plan.yaml', COMPLETE);
    const text = runCli(['lint', 'plan.yaml', ...TODAY], {}, project);
    expect(text.stdout).toMatch(/^plan\.yaml {2}PASS .* methodology mini 0\.1\.0 \(\.\/built-in\)$/m);
    expect(text.stdout).not.toContain('(built-in)');
    const json = JSON.parse(runCli(['lint', plan, '--format', 'json', ...TODAY], {}, project).stdout);
    expect(json.plans[0].methodology.location).toBe('./built-in');
    expect(JSON.parse(runCli(['lint', '--print-config'], {}, project).stdout).checklists).toBe('./built-in');
    expect(runCli(['lint', 'plan.yaml', '--checklists', 'built-in', ...TODAY], {}, project).stdout).toContain('(./built-in)');
  });

  it('takes thresholds and the methodology from the project config found upward, and the command line wins', () => {
    const project = path.join(tmp, 'project');
    mkdirSync(path.join(project, '.git'), { recursive: true });
    // The config's methodology lies in the repository, as it must.
    cpSync(MINI, path.join(project, 'methodology'), { recursive: true });
    write('project/commready.config.yaml', 'checklists: methodology\nlint:\n  failOn: minor\n');
    const plan = write(
      'project/plans/minor-gap.yaml',
      COMPLETE.replace('second.review: { status: met, reviewed: 2026-06-01 }', 'second.review: { status: unmet }'),
    );
    const cwd = path.join(project, 'plans');
    expect(runCli(['lint', plan, ...TODAY], {}, cwd).code).toBe(1);
    expect(runCli(['lint', plan, '--fail-on', 'blocker', ...TODAY], {}, cwd).code).toBe(0);
    expect(runCli(['lint', plan, '--no-config', '--checklists', MINI, ...TODAY], {}, cwd).code).toBe(0);
    write('elsewhere.yaml', 'lint:\n  minScore: 100\n');
    expect(runCli(['lint', plan, '--config', path.join(tmp, 'elsewhere.yaml'), '--checklists', MINI, ...TODAY], {}, cwd).code).toBe(1);
  });

  it('names the config in force, the judge and the profile at the end of every CI output, even with --quiet', () => {
    const project = path.join(tmp, 'named');
    write('named/commready.config.yaml', `checklists: ${MINI}\nlint:\n  failOn: none\n`);
    write('named/sub/.commreadyrc.yml', `checklists: ${MINI}\nlint:\n  failOn: none\n`);
    const plan = write('named/plans/ok.yaml', COMPLETE);
    const quiet = runCli(['lint', plan, '-q', ...TODAY], {}, project);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^judged by methodology mini 0\.1\.0 \(.*\); .*config commready\.config\.yaml$/,
    );
    // A config nearer the working directory is the one in force, and says so.
    const nearer = runCli(['lint', plan, '-f', 'github', ...TODAY], {}, path.join(project, 'sub'));
    expect(nearer.stdout.trimEnd().split('\n').at(-1)).toMatch(/; config \.commreadyrc\.yml$/);
    const none = runCli(['lint', plan, '--no-config', '--checklists', MINI, '-q', ...TODAY], {}, project);
    expect(none.stdout.trimEnd().split('\n').at(-1)).toMatch(/; no project config$/);
  });

  it('never takes a config from above the repository: a failOn: none in a parent folder of a checkout changes nothing', () => {
    write('above/commready.config.yaml', 'lint:\n  failOn: none\n');
    mkdirSync(path.join(tmp, 'above/checkout/.git'), { recursive: true });
    const empty = readFileSync('test/fixtures/plans/mini-empty.yaml', 'utf8');
    const plan = write('above/checkout/plan.yaml', empty);
    // Inside the checkout the parent's config is not read: the default fails the plan on its blockers.
    expect(runCli(['lint', plan, '--checklists', MINI, ...TODAY], {}, path.join(tmp, 'above/checkout')).code).toBe(1);
    // Outside any repository (a checkout without .git) only the working directory is searched: the parent's config is not read either.
    const outside = write('above/plain/plan.yaml', empty);
    expect(runCli(['lint', outside, '--checklists', MINI, ...TODAY], {}, path.join(tmp, 'above/plain')).code).toBe(1);
    write('above/plain/commready.config.yaml', 'lint:\n  failOn: none\n');
    expect(runCli(['lint', outside, '--checklists', MINI, ...TODAY], {}, path.join(tmp, 'above/plain')).code).toBe(0);
  });

  it('never judges a repository by a methodology it does not hold: a config or a plan naming one outside it is bad input', () => {
    const repo = path.join(tmp, 'judged');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    cpSync(MINI, path.join(tmp, 'lenient'), { recursive: true });
    const empty = readFileSync('test/fixtures/plans/mini-empty.yaml', 'utf8');
    write('judged/plans/plan.yaml', empty);
    const lint = (args: string[] = []) => runCli(['lint', 'plans', ...args, ...TODAY], {}, repo);
    write('judged/commready.config.yaml', 'checklists: ../lenient\n');
    const config = lint();
    expect(config.code).toBe(2);
    expect(expectOneErrorLine(config.stderr)).toMatch(
      /^commready\.config\.yaml:1:1: methodology directory '\.\.\/lenient' lies outside the repository \(its path leads there\): .*; name it with --checklists$/,
    );
    // Inside the repository it judges; the command line may name any methodology.
    cpSync(MINI, path.join(repo, 'methodology'), { recursive: true });
    write('judged/commready.config.yaml', 'checklists: methodology\n');
    expect(lint().code).toBe(1);
    expect(lint(['--checklists', path.join(tmp, 'lenient')]).code).toBe(1);
    // A plan allowed to choose its own may not choose one outside the repository either.
    write('judged/commready.config.yaml', 'checklists: methodology\nlint:\n  methodologyFromPlan: true\n');
    write('judged/plans/plan.yaml', `${empty}methodology: ../../lenient\n`);
    const plan = lint();
    expect(plan.code).toBe(2);
    expect(expectOneErrorLine(plan.stderr)).toMatch(
      /^plans\/plan\.yaml:\d+:1: methodology directory '\.\.\/\.\.\/lenient' lies outside the repository/,
    );
  });

  it('never judges a repository by a phase file linked from outside it, though its folder lies inside', () => {
    const repo = path.join(tmp, 'linked');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    cpSync(MINI, path.join(tmp, 'linked-lenient'), { recursive: true });
    cpSync(MINI, path.join(repo, 'methodology'), { recursive: true });
    rmSync(path.join(repo, 'methodology/first.yaml'));
    symlinkSync(path.join(tmp, 'linked-lenient/first.yaml'), path.join(repo, 'methodology/first.yaml'));
    write('linked/plans/plan.yaml', readFileSync('test/fixtures/plans/mini-empty.yaml', 'utf8'));
    write('linked/commready.config.yaml', 'checklists: methodology\n');
    const r = runCli(['lint', 'plans', ...TODAY], {}, repo);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(
      /^commready\.config\.yaml:1:1: methodology directory 'methodology' holds 'first\.yaml', a link to a file outside the repository: .*; name it with --checklists$/,
    );
    // The command line may still name it.
    expect(runCli(['lint', 'plans', '--no-config', '--checklists', 'methodology', ...TODAY], {}, repo).code).toBe(1);
  });

  it('never judges a repository by a methodology its own one extends from outside it', () => {
    const repo = path.join(tmp, 'extending');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    cpSync(MINI, path.join(tmp, 'extended-lenient'), { recursive: true });
    write('extending/methodology/methodology.yaml', 'id: acme\ntitle: Acme\nversion: 1.0.0\nextends: ../../extended-lenient\nphases: []\n');
    write('extending/plans/plan.yaml', readFileSync('test/fixtures/plans/mini-empty.yaml', 'utf8'));
    write('extending/commready.config.yaml', 'checklists: methodology\n');
    const r = runCli(['lint', 'plans', ...TODAY], {}, repo);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(
      /^commready\.config\.yaml:1:1: methodology directory 'methodology' extends '\.\.\/\.\.\/extended-lenient', which lies outside the repository \(its path leads there\): .*; name it with --checklists$/,
    );
    // Extending one the repository holds, or the built-in one, judges.
    cpSync(MINI, path.join(repo, 'base'), { recursive: true });
    write('extending/methodology/methodology.yaml', 'id: acme\ntitle: Acme\nversion: 1.0.0\nextends: ../base\nphases: []\n');
    expect(runCli(['lint', 'plans', ...TODAY], {}, repo).code).toBe(1);
  });

  it('refuses two project configs in one folder, naming both: one would silently shadow the other', () => {
    const dir = path.join(tmp, 'two-configs');
    write('two-configs/.commreadyrc.yaml', 'lint:\n  failOn: minor\n');
    write('two-configs/commready.config.yml', 'checklists: ./lax\n');
    const r = runCli(['lint', path.resolve('test/fixtures/plans/mini-complete.yaml'), ...TODAY], {}, dir);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/two project configs in one folder: .*commready\.config\.yml and .*\.commreadyrc\.yaml/);
  });

  it('judges by the profile a config pins, whatever the plan claims, and says where each part came from', () => {
    const dir = path.join(tmp, 'pinned');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    write('pinned/commready.config.yaml', 'lint:\n  pin: { type: customer, formality: funded, minSize: 1000 }\n');
    // A volunteer group's plan, with a small size: the project judges every plan as its funded customer community.
    const plan = write('pinned/plan.yaml', readFileSync('examples/volunteer-meetup.yaml', 'utf8').replace('  size: 40\n', '  size: 20\n'));
    const json = JSON.parse(runCli(['lint', plan, '--format', 'json', '--today', '2026-12-01'], {}, dir).stdout);
    expect(json.plans[0].profile).toMatchObject({ formality: 'funded' });
    expect(json.plans[0].judgedAs).toEqual({
      type: { value: 'customer', from: 'config' },
      formality: { value: 'funded', from: 'config' },
      size: { value: 1000, from: 'config' },
    });
    expect(validation.report(json), JSON.stringify(validation.report.errors)).toBe(true);
    const text = runCli(['lint', plan, '--today', '2026-12-01'], {}, dir).stdout;
    expect(text).toMatch(
      /judged as customer \(pinned by the project config\), funded \(pinned by the project config\), size 1000 \(pinned by the project config\)/,
    );
    // Without the pin the same plan claims to be a volunteer group: the text says where that came from.
    expect(runCli(['lint', plan, '--no-config', '--today', '2026-12-01'], {}, dir).stdout).toMatch(/volunteer \(the plan\)/);
  });

  it('does not let a waiver run beyond the horizon: blockers waived until 9999 still fail lint', () => {
    const waived = Object.entries({ 'governance.host': 0, 'governance.code-of-conduct': 0 })
      .map(([id]) => `  ${id}: { status: unmet, waiver: { reason: Budget decision in March., expires: 9999-12-31 } }\n`)
      .join('');
    const plan = write('waived.yaml', `${readFileSync('examples/forum-only.yaml', 'utf8')}assessment:\n${waived}`);
    const r = runCli(['lint', plan, '--format', 'json', '--today', '2026-12-01']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).plans[0].findings.filter((f: { code: string }) => f.code === 'waiver-too-long');
    expect(found.map((f: { item: string }) => f.item).sort()).toEqual(['governance.code-of-conduct', 'governance.host']);
    // A config may set the horizon: a waiver within it is in force, one beyond it is not.
    const dir = path.join(tmp, 'horizon');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    write('horizon/.commreadyrc.yaml', 'lint:\n  maxWaiverDays: 3650\n');
    const soon = write('horizon/plan.yaml', readFileSync(plan, 'utf8').replaceAll('9999-12-31', '2030-12-31'));
    const tooLong = (cwd: string) =>
      JSON.parse(runCli(['lint', soon, '--format', 'json', '--today', '2026-12-01'], {}, cwd).stdout).plans[0].findings.filter(
        (f: { code: string }) => f.code === 'waiver-too-long',
      );
    expect(tooLong(dir)).toEqual([]);
    expect(tooLong(tmp)).toHaveLength(2);
  });

  it('lets the project accept no waiver on its blockers (maxWaiverDays per severity, 0 for none), also one expiring today', () => {
    const dir = path.join(tmp, 'no-blocker-waivers');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    write('no-blocker-waivers/.commreadyrc.yaml', 'lint:\n  maxWaiverDays: { blocker: 0, major: 30 }\n');
    const meetup = readFileSync('examples/volunteer-meetup.yaml', 'utf8');
    // The meetup's one open blocker, waived until today: in force by default, not under this config.
    const plan = write(
      'no-blocker-waivers/plan.yaml',
      `${meetup}assessment:\n  audience.first-visit: { waiver: { reason: The greeter rota starts next month., expires: 2026-12-01 } }\n`,
    );
    const lint = (cwd: string) => runCli(['lint', plan, '--today', '2026-12-01'], {}, cwd);
    expect(lint(tmp).code, lint(tmp).stdout).toBe(0);
    const strict = lint(dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('no waiver accepted');
    expect(JSON.parse(runCli(['lint', '--print-config'], {}, dir).stdout).lint.maxWaiverDays).toEqual({ blocker: 0, major: 30 });
    write('no-blocker-waivers/.commreadyrc.yaml', 'lint:\n  maxWaiverDays: { severe: 1 }\n');
    expect(expectOneErrorLine(lint(dir).stderr)).toBe(".commreadyrc.yaml:2:20: unknown key 'severe' in lint.maxWaiverDays");
  });

  it('reports a bad config file as one file:line:col line, exit 2', () => {
    const dir = path.join(tmp, 'bad-config');
    const config = write('bad-config/.commreadyrc.yaml', 'lint:\n  failOn: severe\n');
    const r = runCli(['lint', path.resolve('test/fixtures/plans/mini-complete.yaml'), ...TODAY], {}, dir);
    expect(r.code).toBe(2);
    expect(path.resolve(dir, config)).toBe(config);
    expect(expectOneErrorLine(r.stderr)).toBe('.commreadyrc.yaml:2:3: lint.failOn must be one of: blocker, major, minor, none');
    write('bad-dir/commready.config.yaml', 'checklists: ./nowhere\n');
    const missing = runCli(['lint', path.resolve('test/fixtures/plans/mini-complete.yaml'), ...TODAY], {}, path.join(tmp, 'bad-dir'));
    expect(expectOneErrorLine(missing.stderr)).toMatch(/^commready\.config\.yaml:1:1: methodology directory '\.\/nowhere' not found/);
  });
  it('under GitHub Actions, lint --format github annotates and appends a Markdown step summary', () => {
    const summary = path.join(tmp, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = runCli(['lint', 'test/fixtures/plans', '--checklists', MINI, '--format', 'github', ...TODAY], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/plans\/mini-empty\.yaml,line=1,col=1,title=first\.purpose \(blocker\)::/m);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n## commready lint\n')).toBe(true);
    expect(md).toMatch(/^\| test\/fixtures\/plans\/mini-empty\.yaml \| \*\*FAIL\*\* \|/m);
    const outside = runCli(['lint', 'test/fixtures/plans', '--checklists', MINI, ...TODAY], { GITHUB_STEP_SUMMARY: summary });
    expect(outside.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe(md);
  });
  it('--quiet lists only failing plans; --max-findings caps the list; both come through the command line', () => {
    const args = ['lint', 'test/fixtures/plans', '--checklists', MINI, ...TODAY];
    const quiet = runCli([...args, '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toMatch(/mini-complete\.yaml {2}PASS/);
    expect(quiet.stdout).toMatch(/^2 plans: 1 passed, 1 failed · open: 3 blockers, 2 majors, 1 minor$/m);
    const capped = runCli([...args, '--max-findings', '2']);
    expect(capped.stdout.split('\n').filter((l) => / {2}blocker {2}/.test(l))).toHaveLength(2);
    expect(capped.stdout).toMatch(/^\+ 1 more finding not shown \(--max-findings 2\)$/m);
    expect(expectOneErrorLine(runCli([...args, '--max-findings', '1.5']).stderr)).toMatch(/--max-findings must be a whole number/);
  });
});
