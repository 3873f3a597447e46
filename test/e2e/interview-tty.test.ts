// The interview in a real pseudo-terminal (tmux): answer, press Ctrl-C, check the plan, resume.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** The rest of the built-in screener, after the type: a planned volunteer group of 40 meeting in person in France. */
async function answerRestOfScreener(s: TmuxSession): Promise<void> {
  await s.waitFor(/^\? Where is the community today\?/m);
  await s.pick('Planning');
  await s.waitFor(/^\? Is the community team paid, or are its organisers volunteers\?/m);
  await s.pick('Volunteer group');
  await s.waitFor(/^\? How many members does it have, or expect in its first year\?/m);
  s.type('40');
  s.keys('Enter');
  await s.waitFor(/^\? Does it meet online, in person, or both\?/m);
  await s.pick('In person');
  await s.waitFor(/^\? Do people under 18 take part\?/m);
  await s.pick('No');
  await s.waitFor(/^\? In which countries or regions are its members\?/m);
  s.type('FR');
  s.keys('Enter');
}

/**
 * Skips the questions on screen until `target` shows: the questions a test does not care about
 * (their number follows the methodology, not the test). Answered prompts collapse to one line, so a list
 * with a Skip entry at the bottom of the screen is the open question.
 */
async function skipUntil(s: TmuxSession, target: RegExp, limit = 12): Promise<string> {
  // A question below core also offers "Later" between Skip and Back.
  const openList = /^ {2}Skip\n(?: {2}Later[^\n]*\n)? {2}Back to the previous question\n↑↓ navigate/m;
  // A text prompt is the last line of the screen: an empty answer opens the same menu of actions.
  const openText = /^\? [^\n]*$(?![\s\S]*\n\S)/m;
  for (let i = 0; i < limit; i++) {
    const screen = await s.waitFor(new RegExp(`${target.source}|${openList.source}|${openText.source}`, 'm'));
    const tail = screen.split('\n').slice(-25).join('\n');
    if (target.test(tail)) return screen;
    if (!openList.test(tail)) {
      s.keys('Enter');
      await s.waitFor(openList);
    }
    await s.pick('Skip');
    // The next prompt replaces this one; wait for the redraw before reading the screen again.
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  throw new Error(`never reached ${target}`);
}

const WHO = 'Tinkerers in Lyon, from beginners to retired engineers';

describe.skipIf(!hasTmux)('commready interview in a terminal', () => {
  it('saves the screener and answers as they are given, stops at Ctrl-C with exit 130, and resumes where it stopped', async () => {
    const file = path.join(tmp, 'makers.yaml');
    const first = start(['interview', 'makers.yaml', '--today', '2026-07-01']);
    await first.waitFor(/^\? What is the community's name\?/m);
    first.type('Makers of Lyon');
    first.keys('Enter');
    await first.waitFor(/^\? What kind of community is it\?/m);
    await first.pick('Grassroots or interest community');
    await answerRestOfScreener(first);
    await first.waitFor(/^\? Who gathers in the community\?/m);
    first.type(WHO);
    first.keys('Enter');
    await first.waitFor(/The purpose is written down.*: partial\./);
    await first.waitFor(/^\? Add the first entry\?/m);
    first.keys('Enter');
    await first.waitFor(/^\? {3}The objective in one sentence/m);
    first.type('Keep fifty regulars coming every month');
    first.keys('Enter');
    // The value areas offered are a grassroots group's own.
    const areas = await first.waitFor(/^\? {3}Value area[\s\S]*❯ belonging/m);
    expect(areas).toMatch(/^ {2}mutual-aid$/m);
    expect(areas).not.toMatch(/^ {2}acquisition$/m);
    await first.pick('belonging');
    await first.waitFor(/^\? 1 entered\. Another one\?/m);
    await first.pick('Done');
    await first.waitFor(/^\? What do members do together in the community\?/m);
    first.keys('C-c');
    const stopped = await first.waitFor(/EXIT=\d+/);
    expect(stopped).toMatch(/EXIT=130/);
    expect(stopped).toMatch(
      /commready: stopped; 10 answers saved in makers\.yaml\. Continue where you left off with: commready interview makers\.yaml/,
    );

    const saved = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved).toEqual({
      version: 3,
      community: {
        name: 'Makers of Lyon',
        type: 'grassroots',
        stage: 'planning',
        formality: 'volunteer',
        size: 40,
        format: 'in-person',
        minors: false,
        regions: ['FR'],
      },
      people: [],
      purpose: { statement: { who: WHO }, objectives: [{ objective: 'Keep fifty regulars coming every month', area: 'belonging' }] },
      audience: {},
      team: {},
      governance: {},
      platform: {},
      launch: {},
      engagement: {},
      measures: {},
      observed: {},
      assessment: {},
    });
    const lint = runCli(['lint', file, '--today', '2026-07-01', '--format', 'json']);
    expect(lint.code, lint.stderr).toBe(1);
    expect(JSON.parse(lint.stdout).plans[0].items.find((i: { id: string }) => i.id === 'purpose.objectives')).toMatchObject({
      status: 'met',
    });

    const second = start(['interview', 'makers.yaml', '--today', '2026-07-01']);
    const resumed = await second.waitFor(/^\? What do members do together in the community\?/m);
    expect(resumed).not.toMatch(/community's name/);
    expect(resumed).toMatch(/Purpose & strategy: phase 2 of 8, question 1 of \d+/);
    await second.pick('Skip');
    const offer = await skipUntil(second, /^\? \d+ important questions? left in this phase/m);
    const deferred = Number(/^\? (\d+) important questions? left/m.exec(offer)![1]);
    await second.pick('Later: name who answers them and by when');
    await second.waitFor(/^\? Who will answer it\? \(a name\)/m);
    second.type('Ana');
    second.keys('Enter');
    await second.waitFor(/^\? By when\? \(YYYY-MM-DD\)/m);
    second.type('2026-09-30');
    second.keys('Enter');
    // A volunteer group's budget is one of the optional questions, asked after the important ones.
    await second.waitFor(/^\? \d+ optional questions? left in this phase/m);
    await second.pick('Answer them now');
    await skipUntil(second, /^\? How many months does the approved budget cover\?/m);
    second.type('12');
    second.keys('Enter');
    // Live feedback names the rules still failing.
    await second.waitFor(/A budget is approved for at least the first 12 months: partial\. Get the budget approved/);
    second.keys('C-c');
    expect(await second.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
    const resumedPlan = parseYaml(readFileSync(file, 'utf8')) as { purpose: Record<string, unknown>; assessment: Record<string, unknown> };
    expect(resumedPlan.purpose).toEqual({
      statement: { who: WHO },
      objectives: [{ objective: 'Keep fifty regulars coming every month', area: 'belonging' }],
      budget: { months: 12 },
    });
    // The items the important questions put off feed are open, owned and dated entries (several questions may feed one item).
    const entries = Object.values(resumedPlan.assessment);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(deferred);
    for (const entry of entries) expect(entry).toEqual({ status: 'unmet', owner: 'Ana', due: '2026-09-30' });
    const check = runCli(['lint', file, '--today', '2026-07-01']);
    expect(check.code, check.stderr).toBe(1);
  });

  it('finishes a whole interview: the summary agrees with lint, and the gap report is written next to the plan', async () => {
    const mini = path.resolve('test/fixtures/mini');
    const s = start(['interview', 'mini.yaml', '--checklists', mini, '--today', '2026-07-01']);
    await s.waitFor(/^\? What is the community's name\?/m);
    s.type('Mini makers');
    s.keys('Enter');
    await s.waitFor(/^\? What kind of community is it\?/m);
    await s.pick('Customer');
    await s.waitFor(/^\? Why does it exist\?/m);
    s.type('To fix things together');
    s.keys('Enter');
    await s.waitFor(/^\? Who\? \(separate with commas\)/m);
    s.type('Ana, Bo, Cy');
    s.keys('Enter');
    await s.waitFor(/^\? Who hosts it\?/m);
    await s.pick('Add a new person');
    await s.waitFor(/^\? Their name/m);
    s.type('Ana');
    s.keys('Enter');
    await s.waitFor(/^\? 1 important question left in this phase/m);
    s.keys('Enter');
    await s.waitFor(/^\? Are values agreed\?/m);
    await s.pick('met');
    await s.waitFor(/First phase \[.*\] [\d.]+ {3}readiness \[/);
    await s.waitFor(/^\? Who sponsors it\?/m);
    s.type('Acme');
    s.keys('Enter');
    await s.waitFor(/^\? 1 important question left in this phase/m);
    s.keys('Enter');
    await s.waitFor(/^\? Where are the rules\?/m);
    s.type('https://example.org/rules');
    s.keys('Enter');
    await s.waitFor(/^\? 1 optional question left in this phase/m);
    s.keys('Enter');
    await s.waitFor(/^\? Is a review scheduled\?/m);
    await s.pick('partial');
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
  });

  it('shows an answer from the plan offered as a default visibly escaped: no title set, no screen cleared, and Enter keeps the value', async () => {
    const file = path.join(tmp, 'evil-default.yaml');
    const evil = 'Makers\u001b]0;owned\u0007\u001b[2J';
    writeFileSync(file, `community:\n  name: ${JSON.stringify(evil)}\n`);
    const s = start(['interview', 'evil-default.yaml', '--all', '--today', '2026-07-01']);
    const screen = await s.waitFor(/^\? What is the community's name\? \(Makers\\x1b\]0;owned\\x07\\x1b\[2J\)$/m);
    expect(screen, 'the lines above the prompt are still there').toMatch(/^About the community \(phase 1 of 8\)/m);
    expect(s.title()).not.toBe('owned');
    s.keys('Enter');
    await s.waitFor(/^\? What kind of community is it\?/m);
    s.keys('C-c');
    await s.waitFor(/EXIT=130/);
    expect(s.title()).not.toBe('owned');
    expect((parseYaml(readFileSync(file, 'utf8')) as { community: { name: string } }).community.name).toBe(evil);
  });

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
  });

  it('a long answer can be written in the editor named by $VISUAL', async () => {
    const editor = path.join(tmp, 'editor.sh');
    writeFileSync(
      editor,
      `#!/bin/sh\nprintf 'Written in the editor: tinkerers meet to build, repair and teach each other every week.\\n' > "$1"\n`,
      { mode: 0o755 },
    );
    const s = new TmuxSession(tmp, ['interview', 'edited.yaml', '--today', '2026-07-01'], { VISUAL: editor });
    sessions.push(s);
    await s.waitFor(/^\? What is the community's name\?/m);
    s.type('Editors');
    s.keys('Enter');
    await s.waitFor(/^\? What kind of community is it\?/m);
    s.keys('Enter');
    await answerRestOfScreener(s);
    await s.waitFor(/^\? Who gathers in the community\?/m);
    s.type(WHO);
    s.keys('Enter');
    // The answered prompt collapses first: until then the screen still ends with it, as an open text prompt would.
    await s.waitFor(/^✔ Who gathers in the community\?/m);
    await skipUntil(s, /^\? What do members do together in the community\?\n❯ Type it here/m);
    await s.pick('Write it in my editor');
    await s.waitFor(/^\? What changes for members because they take part\?/m);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
    expect(
      (parseYaml(readFileSync(path.join(tmp, 'edited.yaml'), 'utf8')) as { purpose: { statement: unknown } }).purpose.statement,
    ).toEqual({
      who: WHO,
      together: 'Written in the editor: tinkerers meet to build, repair and teach each other every week.',
    });
  });

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
      expect(screen).toMatch(/stopped; 1 answer saved in/);
      // The name was answered; the starter's default stage is still there for the screener to confirm.
      expect((parseYaml(readFileSync(path.join(tmp, name), 'utf8')) as { community: unknown }).community).toEqual({
        name: 'Signal test',
        stage: 'planning',
      });
    }
  });

  it('stops with one line, exit 2, instead of overwriting a plan changed on disk meanwhile', async () => {
    const file = path.join(tmp, 'shared.yaml');
    writeFileSync(file, '# ours\ncommunity:\n  name: Shared\n');
    const s = start(['interview', 'shared.yaml', '--today', '2026-07-01']);
    await s.waitFor(/^\? What kind of community is it\?/m);
    writeFileSync(file, '# ours\ncommunity:\n  name: Shared\n# a colleague was here\n');
    s.keys('Enter');
    const screen = await s.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/EXIT=2/);
    expect(screen).toMatch(/^shared\.yaml: was changed by something else since the interview read it; not overwritten/m);
    expect(readFileSync(file, 'utf8')).toBe('# ours\ncommunity:\n  name: Shared\n# a colleague was here\n');
  });

  it('refuses an unknown --phase or --item with the nearest names, before asking anything', async () => {
    const phase = start(['interview', 'scoped.yaml', '--phase', 'lanch']);
    const screen = await phase.waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/EXIT=2/);
    expect(screen).toMatch(/^commready: --phase: unknown phase 'lanch'.*launch/m);
    const item = start(['interview', 'scoped.yaml', '--item', 'governance.hots']);
    expect(await item.waitFor(/EXIT=\d+/)).toMatch(/commready: --item: unknown item 'governance\.hots'.*governance\.host[\s\S]*EXIT=2/);
    expect(existsSync(path.join(tmp, 'scoped.yaml'))).toBe(false);
  });

  it('asks a share in percent, refuses a bare fraction with what to type, saves 40 as 0.4 and says what is missing in percent', async () => {
    const file = path.join(tmp, 'shares.yaml');
    writeFileSync(
      file,
      'version: 2\ncommunity:\n  name: Shares\n  type: customer\n  stage: planning\n  formality: funded\n  size: 400\n  format: online\n  minors: false\n  regions: [FR]\n',
    );
    const s = start(['interview', 'shares.yaml', '--item', 'engagement.member-share-target', '--today', '2026-07-01']);
    await s.waitFor(/^\? What share of activity should come from members rather than the host team\? \(in %, 0 to 100\)/m);
    s.type('0.5');
    s.keys('Enter');
    await s.waitFor(/> this asks for a percentage: type 50 for 50% \(or 0\.5% if you mean 0\.5 percent\)/);
    s.keys('BSpace', 'BSpace', 'BSpace');
    s.type('40');
    s.keys('Enter');
    await s.waitFor(/not the host team, and a date to reach it: unmet\. Set engagement\.member_share_target to 50% or more\./);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/EXIT=130/);
    expect((parseYaml(readFileSync(file, 'utf8')) as { engagement: unknown }).engagement).toEqual({ member_share_target: 0.4 });
  });

  it('Ctrl-C before any answer leaves no file behind', async () => {
    const s = start(['interview', 'untouched.yaml']);
    await s.waitFor(/^\? What is the community's name\?/m);
    s.keys('C-c');
    expect(await s.waitFor(/EXIT=\d+/)).toMatch(/stopped; nothing was changed/);
    expect(existsSync(path.join(tmp, 'untouched.yaml'))).toBe(false);
  });
});
