// A quiz taken in a real terminal (tmux): answers are picked by their number on screen, the process is
// killed half-way and the quiz resumes where it stopped; it passes at exactly the pass mark and fails one
// answer below it, naming the points to revisit; progress is in the state directory throughout, and what
// another command stores meanwhile is kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CourseProgress } from '../../src/course/progress.js';
import { parseCourse } from '../../src/methodology/course.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { builtinMethodology, validation } from '../helpers.js';
import { runCli } from './run-cli.js';
import { TmuxSession, tmuxAvailable } from './tmux-session.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-course-tty-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const state = path.join(tmp, 'state');
const env = { XDG_STATE_HOME: state, HOME: tmp };
const progressFile = path.join(state, 'commready', 'course', 'commready-course.json');
const progress = (): CourseProgress => JSON.parse(readFileSync(progressFile, 'utf8')) as CourseProgress;

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});
const start = (args: string[]): TmuxSession => {
  const s = new TmuxSession(tmp, args, env);
  sessions.push(s);
  return s;
};

// CI installs tmux (.ci/run); only a machine without it skips these.
const hasTmux = tmuxAvailable();
if (!hasTmux && process.env.CI) throw new Error('tmux is needed for the terminal tests in CI');

const course = parseCourse(
  parseYamlSource('checklists/course.yaml', readFileSync('checklists/course.yaml', 'utf8')),
  builtinMethodology(),
  validation,
);
const intro = course.modules.find((m) => m.id === 'intro')!;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Answers question `n` of the intro quiz (1-based) with its best option, or with another one. */
async function answer(s: TmuxSession, n: number, best: boolean): Promise<void> {
  const screen = await s.waitFor(new RegExp(`Question ${n} of 5: [^\\n]+\\n[\\s\\S]*\\n↑↓ navigate`));
  const open = screen.slice(screen.lastIndexOf(`Question ${n} of 5: `));
  const title = /^Question \d of 5: (.+)$/m.exec(open)![1]!;
  const question = intro.questions.find((q) => q.title === title)!;
  const bestText = question.options.find((o) => o.best)!.text.slice(0, 40);
  const options = [...open.matchAll(/^[❯ ] (\d)\. (.*)$/gm)].map((x) => ({ number: x[1]!, text: x[2]! }));
  expect(options).toHaveLength(question.options.length);
  const pick = options.find((o) => o.text.startsWith(bestText) === best)!;
  s.type(pick.number);
  await s.waitFor(new RegExp(`❯ ${pick.number}\\. ${escape(pick.text.slice(0, 30))}`));
  s.keys('Enter');
  await s.waitFor(new RegExp(`✔ ${escape(question.question)}[\\s\\S]*${best ? 'Best answer\\.' : 'Not the best answer\\.'}`));
}

describe.skipIf(!hasTmux)('a course quiz in a terminal', () => {
  it('saves every answer, resumes after the process is killed, and passes at exactly the pass mark', async () => {
    const first = start(['course', 'quiz', 'intro', '--track', 'grassroots']);
    await first.waitFor(/^Quiz: A web page with a discussion forum is not a community$/m);
    expect(first.screen()).toMatch(/^5 questions, one best answer each; passed at 80%\. Your answers are saved as you go\.$/m);
    await answer(first, 1, true);
    await answer(first, 2, true);
    await first.waitFor(/Question 3 of 5: /);
    const saved = progress();
    expect(saved.track).toBe('grassroots');
    const order = saved.modules.intro!.current!.order;
    expect(Object.keys(saved.modules.intro!.current!.answers).sort()).toEqual(order.slice(0, 2).sort());
    // Killed outright: no handler runs, so only what was saved after each answer survives.
    process.kill(first.pid(), 'SIGKILL');
    await first.waitFor(/^EXIT=137$/m);

    const second = start(['course', 'quiz', 'intro']);
    await second.waitFor(/^Resuming: 2 of 5 already answered\.$/m);
    const resumed = await second.waitFor(/Question 3 of 5: /);
    expect(resumed).toContain(`Question 3 of 5: ${intro.questions.find((q) => q.id === order[2])!.title}`);
    await answer(second, 3, true);
    await answer(second, 4, true);
    await answer(second, 5, false);
    await second.waitFor(/A web page with a discussion forum is not a community: 4 of 5 best answers \(80%\), passed \(pass mark 80%\)\./);
    await second.waitFor(/^EXIT=0$/m);
    expect(progress().modules.intro).toMatchObject({ attempts: 1, best: { correct: 4, of: 5, percent: 80, passed: true } });
    expect(progress().modules.intro!.current).toBeUndefined();
  });

  it('fails one answer below the pass mark, names the points to revisit, exits 1 and keeps the earlier pass', async () => {
    const retake = start(['course', 'quiz', 'intro']);
    await answer(retake, 1, true);
    await answer(retake, 2, false);
    await answer(retake, 3, true);
    await answer(retake, 4, false);
    await answer(retake, 5, true);
    const end = await retake.waitFor(/^EXIT=1$/m);
    expect(end).toMatch(
      /A web page with a discussion forum is not a community: 3 of 5 best answers \(60%\), not passed \(pass mark 80%\)\./,
    );
    expect(end).toMatch(/^Revisit these points before you take the quiz again:$/m);
    expect(end).toMatch(/^ {2}- [a-z]+\.[a-z-]+: .+ \('commready explain [a-z]+\.[a-z-]+'\)$/m);
    expect(progress().modules.intro).toMatchObject({
      attempts: 2,
      best: { percent: 80, passed: true },
      last: { percent: 60, passed: false },
    });
    const list = runCli(['course'], env, tmp);
    expect(list.stdout).toMatch(/^ {2}0 {2}intro +1 h +- +passed 4 of 5 \(80%\)$/m);
  });

  it('stops at Ctrl-C with the answers saved and says how to go on (exit 130)', async () => {
    const s = start(['course', 'quiz', 'purpose']);
    await answer7(s);
    s.keys('C-c');
    const end = await s.waitFor(/^EXIT=130$/m);
    expect(end).toMatch(
      /commready: stopped; 1 answer of this attempt saved\.\nContinue where you left off with:\n {2}commready course quiz purpose/,
    );
    expect(Object.keys(progress().modules.purpose!.current!.answers)).toHaveLength(1);
  });

  it('keeps what another command stores while a quiz is open, instead of writing its own old copy over it', async () => {
    const s = start(['course', 'quiz', 'intro']);
    await answer(s, 1, true);
    // Meanwhile, in another terminal: the learner's name, and another module's lesson read.
    expect(runCli(['course', '--learner', 'Ada Okafor'], env, tmp).code).toBe(0);
    const before = progress();
    expect(before.learner).toBe('Ada Okafor');
    await answer(s, 2, true);
    expect(progress().learner).toBe('Ada Okafor');
    expect(progress().modules.purpose).toEqual(before.modules.purpose);
    expect(Object.keys(progress().modules.intro!.current!.answers)).toHaveLength(2);
    s.keys('C-c');
    await s.waitFor(/^EXIT=130$/m);
  });
});

/** Answers the first question of the purpose quiz (seven questions for the grassroots track), whatever it is. */
async function answer7(s: TmuxSession): Promise<void> {
  await s.waitFor(/Question 1 of 7: [^\n]+\n[\s\S]*\n↑↓ navigate/);
  s.type('1');
  await s.waitFor(/❯ 1\. /);
  s.keys('Enter');
  await s.waitFor(/Question 2 of 7: [^\n]+\n[\s\S]*\n↑↓ navigate/);
}
