// The interview in a real pseudo-terminal (tmux): answer, press Ctrl-C, check the plan, resume.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { TmuxSession, tmuxAvailable } from './tmux-session.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-tty-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});
const start = (args: string[]): TmuxSession => {
  const s = new TmuxSession(tmp, args);
  sessions.push(s);
  return s;
};

// CI installs tmux (.ci/run); only a machine without it skips these.
const hasTmux = tmuxAvailable();
if (!hasTmux && process.env.CI) throw new Error('tmux is needed for the terminal tests in CI');

/** The rest of the built-in screener, after the type: a volunteer group of 30 meeting in person in France. */
async function answerRestOfScreener(s: TmuxSession, stage: 'Planning' | 'Running' = 'Planning'): Promise<void> {
  await s.waitFor(/^\? Where is the community today\?/m);
  await s.pick(stage);
  if (stage === 'Running') {
    await s.waitFor(/^\? When did it open\? \(a date: YYYY-MM-DD, e\.g\. [\d-]+\)$/m);
    s.type('2024-09-01');
    s.keys('Enter');
  }
  await s.waitFor(/^\? Is the community team paid, or are its organisers volunteers\?/m);
  await s.pick('Volunteer group');
  await s.waitFor(/^\? How many members does it have(, or expect in its first year| today)\?/m);
  s.type('30');
  s.keys('Enter');
  await s.waitFor(/^\? Does it meet online, in person, or both\?/m);
  await s.pick('In person');
  // Whether minors take part is never assumed: nothing is pointed at until the user moves.
  const minors = await s.waitFor(/^\? Do people under 18 take part\?\n {2}Yes\n {2}No$/m);
  expect(minors.split('? Do people under 18 take part?').at(-1)).not.toMatch(/❯/);
  await s.pick('No');
  await s.waitFor(/^\? In which countries or regions are its members\?/m);
  s.type('FR');
  s.keys('Enter');
}

/** Who is involved, one line per person, each line accepted before the next is typed. */
async function answerRoster(s: TmuxSession, lines: readonly string[]): Promise<void> {
  await s.waitFor(/^\? Who is involved\? One line per person/m);
  for (const [i, line] of lines.entries()) {
    s.type(line);
    s.keys('Enter');
    await s.waitFor(new RegExp(`^ {2}${i + 2}\\.`, 'm'));
  }
  s.keys('Enter');
}

/** Roster lines typed one by one, each accepted before the next; the list is left open. */
async function answerRosterLines(s: TmuxSession, lines: readonly string[]): Promise<void> {
  await s.waitFor(/^\? Who is involved\? One line per person/m);
  for (const [i, line] of lines.entries()) {
    s.type(line);
    s.keys('Enter');
    await s.waitFor(new RegExp(`^ {2}${i + 2}\\.$`, 'm'));
  }
}

/** The number of answered prompts on screen (each collapses to a ✔ line). */
const answeredLines = (screen: string): number => (screen.match(/^✔ /gm) ?? []).length;
/** A list waiting for a choice, a checkbox waiting for ticks, or a text prompt waiting for a line. */
const OPEN_LIST = /↑↓ move • ⏎ choose(?: • esc [a-z ]+)?$/;
const OPEN_CHECKBOX = /⏎ submit$/;
const OPEN_TEXT = /^\? [^\n]*$/;

/**
 * Skips the questions on screen until `target` shows: the questions a test does not care about (their
 * number follows the methodology, not the test). A text prompt opens its other options with ?; a
 * checkbox with nothing ticked; a list offers Skip itself.
 */
async function skipUntil(s: TmuxSession, target: RegExp, limit = 40): Promise<string> {
  for (let i = 0; i < limit; i++) {
    const screen = await s.waitFor(
      new RegExp(`${target.source}|${OPEN_LIST.source}|${OPEN_CHECKBOX.source}|(?:${OPEN_TEXT.source})(?![\\s\\S]*\\n\\S)`, 'm'),
    );
    const tail = screen.split('\n').slice(-25).join('\n');
    if (target.test(tail)) return screen;
    const last = tail.split('\n').at(-1)!;
    const before = answeredLines(screen);
    if (OPEN_TEXT.test(last) || OPEN_CHECKBOX.test(last)) {
      if (OPEN_TEXT.test(last)) s.type('?');
      s.keys('Enter');
      await s.waitFor(/^\? What would you like to do\?/m);
    }
    await s.pick('Skip for now');
    // The answered prompts collapse before the next one opens.
    for (;;) {
      const next = await s.waitFor(new RegExp(`${OPEN_LIST.source}|${OPEN_CHECKBOX.source}|${OPEN_TEXT.source}|${target.source}`, 'm'));
      const end = next.split('\n').at(-1)!;
      if (answeredLines(next) > before && (OPEN_LIST.test(end) || OPEN_CHECKBOX.test(end) || OPEN_TEXT.test(end) || target.test(next)))
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`never reached ${target}`);
}

/** A plan in the test folder whose screener is answered: a community planned in France, without minors. */
function screenedPlan(
  name: string,
  version: string,
  title: string,
  facts: Record<'type' | 'formality' | 'size' | 'format', string>,
): string {
  const file = path.join(tmp, name);
  const community = {
    name: title,
    type: facts.type,
    stage: 'planning',
    formality: facts.formality,
    size: facts.size,
    format: facts.format,
  };
  const lines = Object.entries(community).map(([key, value]) => `  ${key}: ${value}\n`);
  writeFileSync(file, `${version}\ncommunity:\n${lines.join('')}  minors: false\n  regions: [FR]\n`);
  return file;
}

/** A volunteer club's plan with Ana on the roster, interviewed on its rituals only (a list of entries with a person). */
function ritualsInterview(name: string): { file: string; s: TmuxSession } {
  const file = screenedPlan(name, 'version: 3', 'Rituals', {
    type: 'grassroots',
    formality: 'volunteer',
    size: '30',
    format: 'in-person',
  });
  writeFileSync(file, `${readFileSync(file, 'utf8')}people:\n  - name: Ana\n    roles: [host]\n`);
  return { file, s: start(['interview', name, '--item', 'platform.rituals', ...TODAY]) };
}

const WHO = 'Tinkerers in Lyon, from beginners to retired engineers';
const TODAY = ['--today', '2026-07-01'];

describe.skipIf(!hasTmux)('commready interview in a terminal', () => {
  it('after init, a running club chooses Running with its date, names its people before any question names one, takes a point on for later, stops and resumes; the quick path ends within 30 questions with a level and the to-do list', async () => {
    const file = path.join(tmp, 'club.yaml');
    expect(runCli(['init', 'club.yaml', '--type', 'grassroots'], {}, tmp).code).toBe(0);
    const first = start(['interview', 'club.yaml', ...TODAY]);
    await first.waitFor(/^\? What is the community's name\? \(My community\)$/m);
    first.type('Photo club');
    first.keys('Enter');
    // The type init wrote is offered as it stands; so is the stage, and Running can be chosen.
    await first.waitFor(/^\? What kind of community is it\?[\s\S]*❯ Grassroots or interest community$/m);
    first.keys('Enter');
    await first.waitFor(/^\? Where is the community today\?\n❯ Planning$/m);
    await answerRestOfScreener(first, 'Running');
    const roster = await first.waitFor(/^\? Who is involved\? One line per person/m);
    // No question before it named a person: they were all about the community.
    expect(roster).not.toMatch(/^Point: /m);
    await answerRoster(first, ['Ana Lima: host, moderator', 'Bo: greeter']);
    const quick = await first.waitFor(/^Quick path · Purpose & strategy: question 1 of (\d+)$/m);
    const total = Number(/^Quick path · Purpose & strategy: question 1 of (\d+)$/m.exec(quick)![1]);
    // The screener's nine questions, the roster and the quick path: at most 30 questions.
    expect(9 + 1 + total).toBeLessThanOrEqual(30);
    expect(quick).toMatch(/^2 people on the roster\.$/m);
    await first.waitFor(/^\? Who gathers in the community\?$/m);
    first.type('?');
    first.keys('Enter');
    await first.waitFor(/^\? What would you like to do\?/m);
    await first.pick('Later: name who answers it and by when');
    await first.waitFor(/^\? Who will answer it\?\n❯ Ana Lima$/m);
    first.keys('Enter');
    await first.waitFor(/^\? By when\?/m);
    first.type('2026-09-30');
    first.keys('Enter');
    // Numbered as asked: the point put off asks no more of its parts, and the next question is number 2.
    await first.waitFor(/^Quick path · Purpose & strategy: question 2 of \d+$/m);
    first.keys('C-c');
    expect(await first.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);

    const saved = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved.community).toEqual({
      name: 'Photo club',
      type: 'grassroots',
      stage: 'running',
      opened: '2024-09-01',
      formality: 'volunteer',
      size: 30,
      format: 'in-person',
      minors: false,
      regions: ['FR'],
    });
    expect(saved.people).toEqual([
      { name: 'Ana Lima', roles: ['host', 'moderator'] },
      { name: 'Bo', roles: ['greeter'] },
    ]);
    expect(saved.assessment).toEqual({ 'purpose.statement': { owner: 'Ana Lima', due: '2026-09-30' } });
    // The point taken on for later is on the report's to-do list, in text and in Markdown.
    for (const format of ['text', 'markdown']) {
      const report = runCli(['report', file, ...TODAY, '--format', format]);
      expect(report.stdout).toMatch(/To do, taken on for later/);
      expect(report.stdout).toMatch(/The purpose is written down[^\n]*(?:\n {2}[^\n]*)?Ana Lima, by 2026-09-30/);
    }

    // Back again: a banner, numbers from 1 for what is left, and the quick path ends with a level and the to-do list.
    const second = start(['interview', 'club.yaml', ...TODAY]);
    const resumed = await second.waitFor(/^Quick path · Purpose & strategy: question 1 of \d+$/m);
    expect(resumed).toMatch(/^Welcome back: \d+ answers so far; next: Purpose & strategy\.$/m);
    const end = await skipUntil(second, /^\? (?:The rest of what decides the level|Next, the important points|Last, the optional points)/m);
    expect(end).toMatch(/^Quick path done\. Level: \S.*readiness \[/m);
    expect(end).toMatch(/^To do, taken on for later \(1\):\n {2}\[ \] The purpose is written down.* — Ana Lima, by 2026-09-30$/m);
    await second.pick('Stop here for now (run the interview again to go on)');
    await second.waitFor(/^\? Write the gap report next to the plan/m);
    second.type('n');
    second.keys('Enter');
    expect(await second.waitFor(/EXIT=\d+/)).toMatch(/EXIT=0/);
  }, 240_000);

  it('finishes a whole interview: the summary agrees with lint, and the gap report is written next to the plan', async () => {
    const mini = path.resolve('test/fixtures/mini');
    const s = start(['interview', 'mini.yaml', '--checklists', mini, '--today', '2026-07-01']);
    await s.waitFor(/^\? What is the community's name\?/m);
    s.type('Mini makers');
    s.keys('Enter');
    await s.waitFor(/^\? What kind of community is it\?/m);
    await s.pick('Customer');
    await answerRoster(s, ['Ana: host']);
    await s.waitFor(/^\? Why does it exist\?/m);
    s.type('To fix things together');
    s.keys('Enter');
    await s.waitFor(/^\? Who\? \(separate with commas\)/m);
    s.type('Ana, Bo, Cy');
    s.keys('Enter');
    // The roster's one host answered "who hosts it?": the quick path goes on to what Ready needs.
    const sponsor = await s.waitFor(/^\? Who sponsors it\?/m);
    expect(sponsor).not.toMatch(/Who hosts it\?/);
    s.type('Acme');
    s.keys('Enter');
    await s.waitFor(/^\? Are values agreed\?/m);
    await s.pick('Yes');
    await s.waitFor(/^Quick path done\. Level: Ready/m);
    await s.waitFor(/^\? Next, the important points: 1 question,/m);
    s.keys('Enter');
    await s.waitFor(/^\? Where are the rules\?/m);
    s.type('https://acme.example/rules');
    s.keys('Enter');
    await s.waitFor(/^\? Last, the optional points: 1 question/m);
    s.keys('Enter');
    await s.waitFor(/^\? Is a review scheduled\?/m);
    await s.pick('Partly');
    const end = await s.waitFor(/^\? Write the gap report next to the plan \(mini\.gaps\.(txt|md)\)\?/m);
    s.keys('Enter');
    const done = await s.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/EXIT=0/);
    expect(done).toMatch(/^Wrote .*mini\.gaps\.(txt|md)\.$/m);
    const summary = /^Level: (.+?) {3}readiness \[[█░]+\] ([\d.]+)$/m.exec(end)!;
    const lint = runCli(['lint', path.join(tmp, 'mini.yaml'), '--checklists', mini, '--today', '2026-07-01', '--format', 'json']);
    const plan = JSON.parse(lint.stdout).plans[0];
    expect([summary[1], Number(summary[2])]).toEqual([plan.level.title, plan.score]);
    expect(readdirSync(tmp).filter((f) => f.startsWith('mini.gaps.'))).toHaveLength(1);
  }, 120_000);

  it('shows an answer from the plan offered as a default visibly escaped: no title set, no screen cleared, and Enter keeps the value', async () => {
    const file = path.join(tmp, 'evil-default.yaml');
    const evil = 'Makers\u001b]0;owned\u0007\u001b[2J';
    writeFileSync(file, `community:\n  name: ${JSON.stringify(evil)}\n`);
    const s = start(['interview', 'evil-default.yaml', '--all', '--today', '2026-07-01']);
    const screen = await s.waitFor(/^\? What is the community's name\? \(Makers\\x1b\]0;owned\\x07\\x1b\[2J\)$/m);
    expect(screen, 'the lines above the prompt are still there').toMatch(/^About the community: question 1 of \d+$/m);
    expect(s.title()).not.toBe('owned');
    s.keys('Enter');
    await s.waitFor(/^\? What kind of community is it\?/m);
    s.keys('C-c');
    await s.waitFor(/EXIT=130/);
    expect(s.title()).not.toBe('owned');
    expect((parseYaml(readFileSync(file, 'utf8')) as { community: { name: string } }).community.name).toBe(evil);
  }, 120_000);

  it('echoes a pasted bidi override in an answer and a roster line visibly escaped, and saves them as typed', async () => {
    const file = screenedPlan('bidi-answers.yaml', 'version: 3', 'Makers', {
      type: 'grassroots',
      formality: 'volunteer',
      size: '30',
      format: 'in-person',
    });
    const s = start(['interview', 'bidi-answers.yaml', ...TODAY]);
    await s.waitFor(/^\? Who is involved\? One line per person/m);
    s.type('Ana\u202eLima: organiser');
    // Escaped while it is being typed, and once the line is taken.
    await s.waitFor(/^ {2}1\. Ana\\u202eLima: organiser$/m);
    s.keys('Enter');
    await s.waitFor(/^ {2}2\.$/m);
    s.keys('Enter');
    await s.waitFor(/^\? Who gathers in the community\?/m);
    s.type('Tinkerers\u202ein Lyon');
    s.keys('Enter');
    const screen = await s.waitFor(/^✔ Who gathers in the community\? Tinkerers\\u202ein Lyon$/m);
    expect(screen).not.toContain('\u202e');
    s.keys('C-c');
    await s.waitFor(/EXIT=130/);
    const saved = parseYaml(readFileSync(file, 'utf8')) as { people: { name: string }[]; purpose: { statement: { who: string } } };
    expect(saved.people[0]!.name).toBe('Ana\u202eLima');
    expect(saved.purpose.statement.who).toBe('Tinkerers\u202ein Lyon');
  }, 120_000);

  it('Ctrl-C in the roster keeps the people already entered, and says they were saved', async () => {
    const file = screenedPlan('roster-stopped.yaml', 'version: 3', 'Makers', {
      type: 'grassroots',
      formality: 'volunteer',
      size: '30',
      format: 'in-person',
    });
    const s = start(['interview', 'roster-stopped.yaml', ...TODAY]);
    await answerRosterLines(s, ['Ana Lima: organiser', 'Ben Ito: moderator']);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/answers? saved this session[\s\S]*EXIT=130/);
    const saved = parseYaml(readFileSync(file, 'utf8')) as { people: unknown };
    expect(saved.people).toEqual([
      { name: 'Ana Lima', roles: ['organiser'] },
      { name: 'Ben Ito', roles: ['moderator'] },
    ]);
  }, 120_000);

  it('refuses a plan path that is a link before the first question, and leaves what it points to alone', async () => {
    const target = path.join(tmp, 'elsewhere.yaml');
    writeFileSync(target, 'community:\n  name: Elsewhere\n');
    symlinkSync(target, path.join(tmp, 'linked.yaml'));
    const s = start(['interview', 'linked.yaml', '--today', '2026-07-01']);
    const screen = await s.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(
      /^linked\.yaml: is a symbolic link; commready never writes through one \(remove it, or write elsewhere\)\nEXIT=2$/m,
    );
    expect(screen).not.toMatch(/\?/);
    expect(readFileSync(target, 'utf8')).toBe('community:\n  name: Elsewhere\n');
  }, 120_000);

  /** A new plan up to the second part of the first question, which takes a long answer. */
  async function reachLongAnswer(s: TmuxSession, name: string): Promise<void> {
    await s.waitFor(/^\? What is the community's name\?/m);
    s.type(name);
    s.keys('Enter');
    await s.waitFor(/^\? What kind of community is it\?/m);
    await s.pick('Grassroots or interest community');
    await answerRestOfScreener(s);
    await answerRoster(s, []);
    await s.waitFor(/^\? Who gathers in the community\?/m);
    s.type(WHO);
    s.keys('Enter');
    await s.waitFor(/^\? What do members do together in the community\?\n[❯ ] Type it here\n {2}Write it in my editor/m);
    await s.pick('Write it in my editor');
  }

  it('a long answer can be written in the editor named by $VISUAL', async () => {
    const editor = path.join(tmp, 'editor.sh');
    writeFileSync(
      editor,
      `#!/bin/sh\nprintf 'Written in the editor: tinkerers meet to build, repair and teach each other every week.\\n' > "$1"\n`,
      { mode: 0o755 },
    );
    const s = new TmuxSession(tmp, ['interview', 'edited.yaml', ...TODAY], { VISUAL: editor });
    sessions.push(s);
    await reachLongAnswer(s, 'Editors');
    await s.waitFor(/^\? What changes for members because they take part\?/m);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
    expect(
      (parseYaml(readFileSync(path.join(tmp, 'edited.yaml'), 'utf8')) as { purpose: { statement: unknown } }).purpose.statement,
    ).toEqual({
      who: WHO,
      together: 'Written in the editor: tinkerers meet to build, repair and teach each other every week.',
    });
  }, 120_000);

  it('an editor that cannot start falls back to typing the answer, with one line saying why', async () => {
    const s = new TmuxSession(tmp, ['interview', 'no-editor.yaml', ...TODAY], { VISUAL: path.join(tmp, 'no-such-editor') });
    sessions.push(s);
    await reachLongAnswer(s, 'No editor');
    const screen = await s.waitFor(/^\? What do members do together in the community\?$/m);
    expect(screen).toMatch(/^Your editor 'no-such-editor' could not be started \(not found\); type the answer here instead\.$/m);
    expect(screen).not.toMatch(/\bat .*\.js:\d+/);
    s.type('We meet every Tuesday to mend things.');
    s.keys('Enter');
    await s.waitFor(/^\? What changes for members because they take part\?/m);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
    const plan = parseYaml(readFileSync(path.join(tmp, 'no-editor.yaml'), 'utf8')) as { purpose: { statement: { together: string } } };
    expect(plan.purpose.statement.together).toBe('We meet every Tuesday to mend things.');
  }, 120_000);

  it('refuses a read-only plan with exit 2 before the first question, and leaves it as it was', async () => {
    const file = path.join(tmp, 'protected.yaml');
    writeFileSync(file, 'community:\n  name: Protected\n', { mode: 0o444 });
    const s = start(['interview', 'protected.yaml', ...TODAY]);
    const screen = await s.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/^protected\.yaml: is read-only; commready does not replace a protected plan/m);
    expect(screen).toMatch(/EXIT=2/);
    expect(screen).not.toMatch(/^\? /m);
    expect(readFileSync(file, 'utf8')).toBe('community:\n  name: Protected\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  }, 120_000);

  it('removes a temporary file a killed session left beside the plan, and keeps one a live process owns', async () => {
    const file = path.join(tmp, 'killed.yaml');
    writeFileSync(file, 'community:\n  name: Killed\n');
    // A process id no process has (above the kernel's limit), and this test's own.
    const stale = path.join(tmp, '.killed.yaml.4194305.k1x9.tmp');
    const live = path.join(tmp, `.killed.yaml.${process.pid}.a2b3.tmp`);
    writeFileSync(stale, 'half-written');
    writeFileSync(live, 'being written');
    const s = start(['interview', 'killed.yaml', ...TODAY]);
    await s.waitFor(/^\? What kind of community is it\?/m);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    s.keys('C-c');
    await s.waitFor(/EXIT=\d+/);
    rmSync(live);
  }, 120_000);

  it('SIGINT, SIGTERM and SIGHUP from outside save what was answered and exit 130, 143 and 129', async () => {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ] as const) {
      const name = `${signal.toLowerCase()}.yaml`;
      const s = start(['interview', name, '--today', '2026-07-01']);
      await s.waitFor(/^\? What is the community's name\?/m);
      s.type('Signal test');
      s.keys('Enter');
      await s.waitFor(/^\? What kind of community is it\?/m);
      process.kill(s.pid(), signal);
      const screen = await s.waitFor(/EXIT=\d+/);
      expect(screen).toMatch(new RegExp(`EXIT=${code}`));
      // How to go on on lines of their own, the command whole.
      expect(screen).toMatch(
        /stopped; 1 answer saved this session in \S+\.\nContinue where you left off with:\n {2}commready interview \S+\n/,
      );
      // The name was answered; the starter's default stage is still there for the screener to confirm.
      expect((parseYaml(readFileSync(path.join(tmp, name), 'utf8')) as { community: unknown }).community).toEqual({
        name: 'Signal test',
        stage: 'planning',
      });
    }
  }, 120_000);

  it('stops with one line, exit 2, instead of overwriting a plan changed on disk meanwhile', async () => {
    const file = path.join(tmp, 'shared.yaml');
    writeFileSync(file, '# ours\ncommunity:\n  name: Shared\n');
    const s = start(['interview', 'shared.yaml', '--today', '2026-07-01']);
    await s.waitFor(/^\? What kind of community is it\?/m);
    writeFileSync(file, '# ours\ncommunity:\n  name: Shared\n# a colleague was here\n');
    await s.pick('Customer or product community');
    const screen = await s.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/EXIT=2/);
    expect(screen).toMatch(/^shared\.yaml: was changed by something else since the interview read it; not overwritten/m);
    expect(readFileSync(file, 'utf8')).toBe('# ours\ncommunity:\n  name: Shared\n# a colleague was here\n');
  }, 120_000);

  it('refuses an unknown --phase or --item with the nearest names, before asking anything', async () => {
    const phase = start(['interview', 'scoped.yaml', '--phase', 'lanch']);
    const screen = await phase.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/EXIT=2/);
    expect(screen).toMatch(/^commready: --phase: unknown phase 'lanch'.*launch/m);
    const item = start(['interview', 'scoped.yaml', '--item', 'governance.hots']);
    expect(await item.waitFor(/EXIT=\d+/)).toMatch(/commready: --item: unknown item 'governance\.hots'.*governance\.host[\s\S]*EXIT=2/);
    expect(existsSync(path.join(tmp, 'scoped.yaml'))).toBe(false);
  }, 120_000);

  it('asks a share in percent, refuses a bare fraction with what to type, saves 40 as 0.4 and says what is missing in percent', async () => {
    const file = screenedPlan('shares.yaml', 'version: 2', 'Shares', {
      type: 'customer',
      formality: 'funded',
      size: '400',
      format: 'online',
    });
    const s = start(['interview', 'shares.yaml', '--item', 'engagement.member-share-target', '--today', '2026-07-01']);
    await s.waitFor(/^\? What share of activity should come from members rather than the host team\? \(in %, 0 to 100\)/m);
    s.type('0.5');
    s.keys('Enter');
    await s.waitFor(/> this asks for a percentage: type 50 for 50% \(or 0\.5% if you mean 0\.5 percent\)/);
    s.keys('BSpace', 'BSpace', 'BSpace');
    s.type('40');
    s.keys('Enter');
    // The threshold in force is shown before the answer; what is missing after it, in plain words.
    expect(await s.waitFor(/^✔ What share of activity should come from members rather than the host team\?/m)).toMatch(
      /\(to meet it: 50%\s+or more\) 40$/m,
    );
    const feedback = await s.waitFor(/not met yet\. Still: Set the member share target to 50% or more\./);
    expect(feedback).not.toMatch(/engagement\.member_share_target/);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
    expect((parseYaml(readFileSync(file, 'utf8')) as { engagement: unknown }).engagement).toEqual({ member_share_target: 0.4 });
  }, 120_000);

  it('a list entry asks a needed field until it is given (or the entry is dropped), offers the roster for a person, never lets a digit pick, and Enter means Done once enough are entered', async () => {
    const { file, s } = ritualsInterview('lists.yaml');
    const entries: string[] = [];
    for (let n = 1; ; n++) {
      const screen = await s.waitFor(/^\? (?:Add the first entry|Add the entries|\d+ entered)[^\n]*\n❯ [^\n]+$/m);
      const asked = screen.slice(screen.lastIndexOf('\n? '));
      if (/^\? \d+ entered\. Another one\?$/m.test(asked)) {
        // Enough entries: the pointer is on Done, so Enter ends the list.
        expect(asked).toMatch(/^❯ Done$/m);
        break;
      }
      expect(asked).toMatch(/^❯ Add an entry, field by field$/m);
      s.keys('Enter');
      const field = new RegExp(`^\\? {3}The ritual \\(needed; \\? for a way out\\)$(?![\\s\\S]*\\n✔ {3}The ritual[^\\n]*#${n})`, 'm');
      await s.waitFor(field);
      // Left empty, a needed field offers a way out: fill it in, or drop the entry.
      s.keys('Enter');
      await s.waitFor(/^\? The ritual is needed in every entry\.\n❯ Fill it in\n {2}Drop this entry/m);
      s.keys('Enter');
      await s.waitFor(
        new RegExp(`^✔ The ritual is needed in every entry\\. Fill it in\\n\\? {3}The ritual \\(needed; \\? for a way out\\)$`, 'm'),
      );
      entries.push(`Repair evening #${n}`);
      s.type(entries.at(-1)!);
      s.keys('Enter');
      await s.waitFor(new RegExp(`^✔ {3}The ritual \\(needed; \\? for a way out\\) Repair evening #${n}\\n\\? {3}How often`, 'm'));
      s.type('2');
      const refused = await s.waitFor(/Digits do not choose here: move with ↑ ↓, then press Enter\.$/m);
      expect(refused.slice(refused.lastIndexOf('How often'))).not.toMatch(/❯/);
      await s.pick('Weekly');
      const owner = await s.waitFor(new RegExp(`^✔ {3}How often[^\\n]* Weekly\\n\\? {3}Who runs it\\?\\n {2}Ana\\n {2}Someone new`, 'm'));
      expect(owner).toMatch(/^ {2}Skip for now$/m);
      await s.pick('Ana');
      await s.waitFor(new RegExp(`^✔ {3}Who runs it\\? Ana\\n\\? ${n} entered`, 'm'));
    }
    s.keys('Enter');
    await s.waitFor(/^\? Write the gap report next to the plan/m);
    s.type('n');
    s.keys('Enter');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=0/);
    const saved = parseYaml(readFileSync(file, 'utf8')) as { platform: { rituals: unknown[] } };
    expect(saved.platform.rituals).toEqual(entries.map((name) => ({ name, cadence: 'weekly', owner: 'Ana' })));
  }, 120_000);

  it('Esc ends a list of lines and the list itself, and a name typed that is not on the roster is asked about before it joins', async () => {
    const { file, s } = ritualsInterview('esc-list.yaml');
    // Every list screen says how to leave it: Esc skips a list with no entry yet.
    await s.waitFor(/^\? (?:Add the first entry|Add the entries)[^\n]*\n❯ Add an entry, field by field[\s\S]*esc skip$/m);
    await s.pick('Add several, one line each');
    await s.waitFor(/^\? One entry per line[^\n]*\nIn this order: [\s\S]*Enter on an empty line \(or\s+Esc\) when done\./m);
    s.type('Repair evening; Weekly; Anna');
    // Esc never drops a line being typed: it says to add it first.
    s.keys('Escape');
    await s.waitFor(/^> Press Enter to add this line \(or clear it\); then Esc or Enter on the empty line ends the list\.$/m);
    s.keys('Enter');
    await s.waitFor(/^ {2}2\.$/m);
    s.keys('Escape');
    await s.waitFor(/^✔ One entry per line[^\n]* 1 entered$/m);
    const step = await s.waitFor(/^\? 1 entered[^\n]*Another one\?$[\s\S]*esc done/m);
    expect(step.slice(step.lastIndexOf('? 1 entered'))).toMatch(/esc done( for now)?$/m);
    s.keys('Escape');
    // Anna is not on the roster: asked about, with Ana offered as the name meant.
    await s.waitFor(
      /^\? Anna is not on the roster yet: add them as ritual owner\?\n❯ Add Anna to the roster as ritual owner\n {2}It's a typo for Ana, who is on the roster$/m,
    );
    await s.pick("It's a typo for Ana, who is on the roster");
    await s.waitFor(/^\? Write the gap report next to the plan/m);
    s.type('n');
    s.keys('Enter');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=0/);
    const saved = parseYaml(readFileSync(file, 'utf8')) as { platform: { rituals: unknown[] }; people: unknown[] };
    expect(saved.platform.rituals).toEqual([{ name: 'Repair evening', cadence: 'weekly', owner: 'Ana' }]);
    expect(saved.people).toEqual([{ name: 'Ana', roles: ['host'] }]);
  }, 120_000);

  it('Ctrl-C before any answer leaves no file behind', async () => {
    const s = start(['interview', 'untouched.yaml']);
    await s.waitFor(/^\? What is the community's name\?/m);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/stopped; nothing was changed/);
    expect(existsSync(path.join(tmp, 'untouched.yaml'))).toBe(false);
  }, 120_000);

  it('a list is saved entry by entry: an entry dropped at an empty needed field, then Ctrl-C, keeps those entered', async () => {
    const { file, s } = ritualsInterview('kept-list.yaml');
    await s.waitFor(/^\? (?:Add the first entry|Add the entries)[^\n]*\n❯ Add an entry, field by field$/m);
    s.keys('Enter');
    await s.waitFor(/^\? {3}The ritual \(needed; \? for a way out\)$/m);
    s.type('Repair evening');
    s.keys('Enter');
    await s.waitFor(/^\? {3}How often/m);
    await s.pick('Weekly');
    await s.waitFor(/^\? {3}Who runs it\?/m);
    await s.pick('Ana');
    await s.waitFor(/^\? 1 entered\. Another one\?$/m);
    await s.pick('Add an entry, field by field');
    await s.waitFor(/^\? {3}The ritual \(needed; \? for a way out\)$(?![\s\S]*\n✔ {3}The ritual)/m);
    // '?' is a way out here, not a text that "counts as not written".
    s.type('?');
    s.keys('Enter');
    await s.waitFor(/^\? The ritual is needed in every entry\./m);
    await s.pick('Drop this entry (the list keeps the others; Done for now is there)');
    const back = await s.waitFor(/^✔ The ritual is needed in every entry\. Drop this entry[^\n]*\n\? 1 entered/m);
    expect(back).not.toMatch(/counts as not written/);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
    const saved = parseYaml(readFileSync(file, 'utf8')) as { platform: { rituals: unknown[] } };
    expect(saved.platform.rituals).toEqual([{ name: 'Repair evening', cadence: 'weekly', owner: 'Ana' }]);
  }, 120_000);
});
