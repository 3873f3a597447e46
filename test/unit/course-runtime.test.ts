// The course's pure parts: where progress lives, the stored progress, the quiz (shuffling, the pass mark,
// items to revisit, resuming after a stop), the pager, and the certificate with its verification code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  certificateRecord,
  checkCertificate,
  recordShortfalls,
  renderCertificateHtml,
  renderCertificateMarkdown,
} from '../../src/course/certificate.js';
import type { ChooseOptions, CourseAsker } from '../../src/course/course-asker.js';
import { renderLesson, renderModuleList, renderRubricMarkdown, reflow } from '../../src/course/course-text.js';
import { pageText, pages } from '../../src/course/pager.js';
import {
  betterResult,
  emptyProgress,
  missingForCertificate,
  passHolds,
  moduleStatus,
  parseProgress,
  questionSet,
  type CourseProgress,
  type QuizResult,
} from '../../src/course/progress.js';
import { plainPainter } from '../../src/report/types.js';
import { canResume, itemsToRevisit, passes, recordAnswer, scoreAttempt, shuffled, startAttempt } from '../../src/course/quiz.js';
import { copiedProse, isCopied, proseOf } from '../../src/course/practicum.js';
import { runQuiz } from '../../src/course/run-quiz.js';
import { progressFile, stateDirectory } from '../../src/course/state-dir.js';
import { planFingerprint, verificationCode } from '../../src/course/verification-code.js';
import { parseCourse, questionsFor, type CourseModule } from '../../src/methodology/course.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { builtinMethodology, validation } from '../helpers.js';

const m = builtinMethodology();
const course = parseCourse(parseYamlSource('checklists/course.yaml', readFileSync('checklists/course.yaml', 'utf8')), m, validation);
const intro = course.modules.find((x) => x.id === 'intro')!;
const purpose = course.modules.find((x) => x.id === 'purpose')!;

/** A seeded random source (mulberry32), so that shuffles are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An asker that answers from a script: for each question, whether to pick its best option. */
function scriptedAsker(module: CourseModule, picks: boolean[], stopAfter = Infinity) {
  const screen: string[] = [];
  let asked = 0;
  const asker: CourseAsker & { screen: string[]; asked: () => number } = {
    screen,
    asked: () => asked,
    write: (t) => screen.push(t),
    async choose(message: string, choices: readonly string[], _options?: ChooseOptions) {
      if (asked >= stopAfter) throw new Error('killed');
      const question = module.questions.find((q) => q.question === message)!;
      const best = question.options.find((o) => o.best)!.text;
      const pick = picks[asked++] ? choices.indexOf(best) : choices.findIndex((c) => c !== best);
      return pick;
    },
  };
  return asker;
}

const trackProgress = (track = 'grassroots'): CourseProgress => ({ ...emptyProgress(course), track });

describe('where progress lives', () => {
  it("is the XDG state directory wherever XDG_STATE_HOME is set, else the platform's own place, never the project", () => {
    expect(stateDirectory({ env: { XDG_STATE_HOME: '/tmp/state' }, platform: 'linux', home: '/home/ada' })).toBe('/tmp/state/commready');
    expect(stateDirectory({ env: {}, platform: 'linux', home: '/home/ada' })).toBe('/home/ada/.local/state/commready');
    // A relative XDG_STATE_HOME is invalid by the specification and ignored.
    expect(stateDirectory({ env: { XDG_STATE_HOME: 'state' }, platform: 'linux', home: '/home/ada' })).toBe(
      '/home/ada/.local/state/commready',
    );
    expect(stateDirectory({ env: {}, platform: 'darwin', home: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/commready');
    expect(stateDirectory({ env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Local\\commready',
    );
    expect(stateDirectory({ env: {}, platform: 'win32', home: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Local\\commready');
    expect(progressFile('/tmp/state/commready', 'commready-course')).toBe('/tmp/state/commready/course/commready-course.json');
  });
});

describe('stored progress', () => {
  it('reads back what it wrote and refuses anything else, saying why', () => {
    const p = trackProgress();
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(parseProgress([])).toEqual({ problem: 'it is not a JSON object' });
    expect(parseProgress({ ...p, format: 2 })).toEqual({ problem: 'it is not progress format 1' });
    expect(parseProgress({ ...p, modules: { intro: { attempts: 1, best: { correct: 'all' } } } })).toEqual({
      problem: "module 'intro' has a broken best result",
    });
  });

  it('counts a pass only while the module asks the questions it was taken on', () => {
    const result = scoreAttempt(purpose, answerAll(purpose, 'grassroots', true), 'grassroots', '2026-12-01');
    const p: CourseProgress = { ...trackProgress(), modules: { purpose: { attempts: 1, best: result, last: result } } };
    expect(moduleStatus(purpose, p).quiz).toBe('passed');
    // The grassroots track has a question of its own in this module; another track asks another set.
    expect(questionSet(purpose, 'customer')).not.toEqual(questionSet(purpose, 'grassroots'));
    expect(moduleStatus(purpose, { ...p, track: 'customer' }).quiz).toBe('retake');
  });

  it('counts a pass only when its answers, scored again, make one: a result edited by hand to say passed does not', () => {
    const real = scoreAttempt(purpose, answerAll(purpose, 'grassroots', true), 'grassroots', '2026-12-01');
    expect(passHolds(purpose, real)).toBe(true);
    const failed = scoreAttempt(purpose, answerAll(purpose, 'grassroots', false), 'grassroots', '2026-12-01');
    const edits: QuizResult[] = [
      // "passed" written over a failed result, and its numbers too.
      { ...failed, passed: true },
      { ...failed, passed: true, correct: failed.of, percent: 100, missed: [] },
      // A pass with no answers kept (hand-written, or from before answers were kept).
      { ...real, answers: undefined },
      // Answers from another question's options.
      { ...real, answers: Object.fromEntries(Object.keys(real.answers!).map((id) => [id, 99])) },
    ];
    for (const best of edits) {
      const p: CourseProgress = { ...trackProgress(), modules: { purpose: { attempts: 1, best, last: best } } };
      expect(moduleStatus(purpose, p)).toMatchObject({ quiz: 'unproven', attempts: 1 });
      expect(moduleStatus(purpose, p).best).toBeUndefined();
      expect(missingForCertificate(course, p)).toContain("pass the quiz of module 'purpose' (commready course quiz purpose)");
      // A real result taken afterwards replaces it, even one with fewer best answers than the edit claims.
      const fewer = { ...real, correct: real.correct - 1 };
      expect(betterResult(purpose, best, real)).toBe(real);
      expect(betterResult(purpose, best, fewer)).toBe(fewer);
    }
    expect(
      renderModuleList(
        {
          course,
          methodology: m,
          progress: { ...trackProgress(), modules: { purpose: { attempts: 1, best: edits[0]! } } },
          progressFile: 'p.json',
        },
        plainPainter,
      ),
    ).toMatch(/purpose .* to retake \(its stored pass is not borne out by its answers\)/);
  });

  it('lists everything a certificate still needs', () => {
    expect(missingForCertificate(course, emptyProgress(course))).toEqual([
      'choose your track with --track (customer, internal, open-source, professional, grassroots)',
      ...course.modules.map((x) => `pass the quiz of module '${x.id}' (commready course quiz ${x.id})`),
      'record the practicum: commready course practicum <your plan>',
      'give the name for the certificate with --learner "<your name>"',
    ]);
    expect(missingForCertificate(course, completeProgress())).toEqual([]);
  });
});

function answerAll(module: CourseModule, track: string, best: boolean) {
  let attempt = startAttempt(module, track, seeded(1), '2026-12-01');
  for (const id of attempt.order) {
    const q = module.questions.find((x) => x.id === id)!;
    const shown = attempt.shown[id]!;
    const index = shown.findIndex((o) => q.options[o]!.best === best);
    attempt = recordAnswer(attempt, id, index);
  }
  return attempt;
}

function completeProgress(): CourseProgress {
  const p = trackProgress('grassroots');
  for (const x of course.modules) {
    const result = scoreAttempt(x, answerAll(x, 'grassroots', true), 'grassroots', '2026-12-01');
    p.modules[x.id] = { attempts: 1, best: result, last: result, lessonRead: '2026-11-30' };
  }
  return {
    ...p,
    learner: 'Ada Okafor',
    practicum: {
      file: 'canal-street.yaml',
      fingerprint: 'a'.repeat(64),
      community: 'Canal Street Coders',
      track: 'grassroots',
      level: { id: 'launch-ready', title: 'Launch-ready' },
      score: 97.5,
      assessedOn: '2026-12-01',
      methodology: { id: 'commready', version: '3.0.0' },
    },
  };
}

describe('a quiz', () => {
  it("shuffles questions and options, and asks the track's own questions only of its learners", () => {
    const a = startAttempt(purpose, 'grassroots', seeded(7), '2026-12-01');
    const b = startAttempt(purpose, 'grassroots', seeded(8), '2026-12-01');
    expect([...a.order].sort()).toEqual(questionSet(purpose, 'grassroots'));
    expect(a.order).toContain('purpose-volunteer-budget');
    expect(startAttempt(purpose, 'customer', seeded(7), '2026-12-01').order).not.toContain('purpose-volunteer-budget');
    expect(a.order).not.toEqual(b.order);
    expect(shuffled([1, 2, 3, 4, 5], seeded(3)).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes at the pass mark and fails below it', () => {
    expect(passes(4, 5, 0.8)).toBe(true);
    expect(passes(3, 5, 0.8)).toBe(false);
    expect(passes(5, 6, 0.8)).toBe(true);
    expect(passes(4, 6, 0.8)).toBe(false);
    expect(passes(8, 10, 0.8)).toBe(true);
    expect(passes(7, 10, 0.8)).toBe(false);
    expect(passes(0, 0, 0.8)).toBe(false);
  });

  it('scores by the option chosen, whatever order it was shown in, and names the points to revisit when failed', () => {
    const wrong = answerAll(intro, 'grassroots', false);
    const result = scoreAttempt(intro, wrong, 'grassroots', '2026-12-01');
    expect(result).toMatchObject({ correct: 0, of: 5, percent: 0, passed: false, passMark: 0.8, track: 'grassroots' });
    expect(itemsToRevisit(intro, result)).toEqual([
      'governance.host',
      'purpose.statement',
      'audience.founding-members',
      'launch.soft-launch',
      'governance.safeguarding',
      'engagement.event-safety',
      'governance.reporting',
      'governance.code-of-conduct',
      'governance.enforcement',
    ]);
    expect(scoreAttempt(intro, answerAll(intro, 'grassroots', true), 'grassroots', '2026-12-01')).toMatchObject({
      correct: 5,
      percent: 100,
      passed: true,
    });
  });

  it('resumes a stored attempt only while it fits the questions asked now', () => {
    const a = startAttempt(purpose, 'grassroots', seeded(2), '2026-12-01');
    expect(canResume(a, purpose, 'grassroots')).toBe(true);
    expect(canResume(a, purpose, 'customer')).toBe(false);
    expect(canResume({ ...a, shown: { ...a.shown, [a.order[0]!]: [0, 0, 1, 2] } }, purpose, 'grassroots')).toBe(false);
  });

  it('saves after every answer, shows every option with its explanation, and passes at exactly 80%', async () => {
    const saves: CourseProgress[] = [];
    const asker = scriptedAsker(intro, [true, true, true, true, false]);
    const outcome = await runQuiz(asker, {
      methodology: m,
      module: intro,
      progress: trackProgress(),
      save: (p) => saves.push(p),
      random: seeded(5),
      today: '2026-12-01',
      width: 100,
    });
    expect(outcome.result).toMatchObject({ correct: 4, of: 5, percent: 80, passed: true });
    expect(outcome.revisit).toEqual([]);
    // One save when the attempt starts, one per answer, one at the end.
    expect(saves).toHaveLength(1 + 5 + 1);
    expect(saves.slice(1, 6).map((p) => Object.keys(p.modules.intro!.current!.answers).length)).toEqual([1, 2, 3, 4, 5]);
    expect(saves.at(-1)!.modules.intro).toMatchObject({ attempts: 1, best: { passed: true }, last: { passed: true } });
    expect(saves.at(-1)!.modules.intro!.current).toBeUndefined();
    const screen = asker.screen.join('');
    for (const q of intro.questions) for (const o of q.options) expect(screen).toContain(o.explanation.split(/\s+/).slice(0, 6).join(' '));
    expect(screen).toMatch(/passed \(pass mark 80%\)/);
  });

  it('resumes after a stop at the next question, in the same order, and fails below the pass mark with the points to revisit', async () => {
    let stored = trackProgress();
    const save = (p: CourseProgress): void => {
      stored = JSON.parse(JSON.stringify(p)) as CourseProgress;
    };
    const run = { methodology: m, module: intro, save, random: seeded(9), today: '2026-12-01', width: 80 };
    const first = scriptedAsker(intro, [true, true], 2);
    await expect(runQuiz(first, { ...run, progress: stored })).rejects.toThrow('killed');
    const order = stored.modules.intro!.current!.order;
    expect(Object.keys(stored.modules.intro!.current!.answers)).toEqual(order.slice(0, 2));
    const second = scriptedAsker(intro, [true, false, false]);
    const outcome = await runQuiz(second, { ...run, progress: stored, random: seeded(10) });
    expect(second.screen[0]).toMatch(/Resuming: 2 of 5 already answered/);
    expect(second.screen.join('')).toMatch(new RegExp(`Question 3 of 5: ${intro.questions.find((q) => q.id === order[2])!.title}`));
    expect(outcome.result).toMatchObject({ correct: 3, of: 5, percent: 60, passed: false });
    expect(outcome.revisit.length).toBeGreaterThan(0);
    expect(second.screen.join('')).toMatch(
      /Revisit these points before you take the quiz again:\n {2}- [a-z]+\.[a-z-]+: .*\('commready explain /,
    );
  });
});

describe('the lesson and the module list', () => {
  it('pages a lesson and tells whether the reader reached its end', async () => {
    expect(pages('a\nb\nc\nd\ne\nf\ng\n', 5).map((p) => p.length)).toEqual([5, 2]);
    // A line wider than the terminal is cut at spaces, keeping its indent, so a page never scrolls off.
    expect(pages('  one two three four', 5, 10)).toEqual([['  one two', '  three', '  four']]);
    const script = [0, 1, 0, 0, 0];
    const asked: string[][] = [];
    const asker: CourseAsker = {
      write: () => undefined,
      choose: async (_message, choices) => {
        asked.push([...choices]);
        return script.shift()!;
      },
    };
    const text = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    expect(await pageText(asker, text, 16)).toBe(true);
    expect(asked[0]).toEqual(['Next page', 'Stop reading']);
    expect(asked[1]).toEqual(['Next page', 'Previous page', 'Stop reading']);
    expect(asked.at(-1)).toEqual(['Finish the lesson', 'Previous page', 'Stop reading']);
  });

  it("gives a phase module's lesson its own text, the case, the track's points, then every guide of the phase in order", () => {
    const lesson = renderLesson({ course, methodology: m, module: purpose, track: course.tracks[0], width: 100 });
    const at = (s: string): number => lesson.indexOf(s);
    expect(at('What you will be able to do')).toBeLessThan(at('Lesson'));
    expect(at('Your track: Customer or product community')).toBeGreaterThan(at('The case: Canal Street Coders'));
    const guides = m.phases[0]!.items.map((i) => at(`${i.id} — `));
    expect(guides.every((g) => g > 0)).toBe(true);
    expect([...guides].sort((a, b) => a - b)).toEqual(guides);
    expect(at('Exercises')).toBeGreaterThan(guides.at(-1)!);
    expect(lesson).toMatch(/Next: take the quiz with 'commready course quiz purpose'/);
  });

  it('lists modules with their time and progress, and what to do next', () => {
    const p = completeProgress();
    delete p.modules.launch;
    const list = renderModuleList({ course, methodology: m, progress: p, progressFile: '/state/commready/course/commready-course.json' });
    expect(list).toMatch(/^ {2}0 {2}intro +1 h +read +passed 5 of 5 \(100%\)$/m);
    expect(list).toMatch(/^ {2}5 {2}launch +2 h +- +not taken$/m);
    expect(list).toMatch(/7 of 8 quizzes passed; practicum: Canal Street Coders reached Launch-ready/);
    expect(list).toMatch(/Next: 'commready course launch' for the lesson, then 'commready course quiz launch'\./);
    expect(list).toMatch(/Progress is kept in \/state\/commready\/course\/commready-course\.json\./);
  });

  it('reflows paragraphs and list items to the width', () => {
    expect(reflow('one two three\nfour\n\n- five six seven\n- eight', 12, '  ')).toBe(
      '  one two\n  three four\n\n  - five six\n    seven\n  - eight',
    );
  });

  it('prints the rubric as Markdown for a reviewer', () => {
    const md = renderRubricMarkdown(course, m);
    expect(md).toMatch(/^# Practicum rubric: /);
    for (const c of course.practicum.rubric.criteria) expect(md).toContain(`| Strong | ${c.strong.slice(0, 20)}`);
    expect(md).toMatch(/## 1\. Purpose in members' words/);
  });
});

describe('the certificate', () => {
  const record = certificateRecord(course, m, completeProgress(), '2026-12-02', 'commready 0.1.0');
  const code = verificationCode(canonicalJson(record));

  it("records the learner, the date, the methodology version, every module with its score and the practicum plan's fingerprint", () => {
    expect(record).toMatchObject({
      learner: 'Ada Okafor',
      date: '2026-12-02',
      methodology: { id: 'commready', version: '3.0.0' },
      track: { id: 'grassroots' },
      practicum: { fingerprint: 'a'.repeat(64), level: 'Launch-ready' },
    });
    expect(record.modules.map((x) => x.id)).toEqual(course.modules.map((x) => x.id));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    for (const page of [renderCertificateMarkdown(record, code), renderCertificateHtml(record, code)]) {
      expect(page).toContain('Ada Okafor');
      expect(page).toContain('2026-12-02');
      expect(page).toContain('3.0.0');
      expect(page).toContain('a'.repeat(64));
      expect(page).toContain(code);
      expect(page).toMatch(/self-paced assessment/);
      expect(page).toMatch(/It is not an accreditation/);
    }
  });

  it('is checked against the course it names: a hand-written record below the pass mark verifies by its code alone, not against the course', () => {
    expect(recordShortfalls(record, course)).toEqual([]);
    const edited = (change: (x: (typeof record.modules)[number]) => object, id = 'intro') => ({
      ...record,
      modules: record.modules.map((x) => (x.id === id ? { ...x, ...change(x) } : x)),
    });
    expect(
      recordShortfalls(
        edited(() => ({ correct: 0, percent: 0 })),
        course,
      ),
    ).toEqual(['intro']);
    expect(
      recordShortfalls(
        edited((x) => ({ percent: x.percent - 1 })),
        course,
      ),
    ).toEqual(['intro']);
    expect(
      recordShortfalls(
        edited((x) => ({ of: x.of - 1, correct: x.of - 1 }), 'purpose'),
        course,
      ),
    ).toEqual(['purpose']);
    expect(recordShortfalls({ ...record, modules: record.modules.slice(1) }, course)).toEqual(['intro']);
    // Its code is recomputed by anyone, so the code alone still matches: the course check is what refuses it.
    const forged = edited(() => ({ correct: 0, percent: 0 }));
    const forgedCode = verificationCode(canonicalJson(forged));
    expect(checkCertificate(renderCertificateMarkdown(forged, forgedCode), verificationCode)).toMatchObject({ ok: true });
    expect(recordShortfalls({ ...record, course: { ...record.course, version: '9.9.9' } }, course)).toBeUndefined();
  });

  it('is canonical: the same record gives the same code, keys in any order', () => {
    const { writtenBy, ...rest } = record;
    const reordered = JSON.parse(JSON.stringify({ writtenBy, ...rest })) as typeof record;
    expect(Object.keys(reordered)[0]).toBe('writtenBy');
    expect(verificationCode(canonicalJson(reordered))).toBe(code);
    expect(canonicalJson({ b: 1, a: ['<x>', { d: 2, c: '&' }] })).toBe('{"a":["\\u003cx\\u003e",{"c":"\\u0026","d":2}],"b":1}');
  });

  it('verifies as written, also with Windows line endings, and fails after any one character changes', () => {
    for (const page of [renderCertificateMarkdown(record, code), renderCertificateHtml(record, code)]) {
      expect(checkCertificate(page, verificationCode)).toMatchObject({ ok: true, code });
      expect(checkCertificate(page.replace(/\n/g, '\r\n'), verificationCode)).toMatchObject({ ok: true });
      // In the record: a score changed by one digit.
      const recordChanged = page.replace('"correct":5', '"correct":4');
      expect(recordChanged).not.toBe(page);
      expect(checkCertificate(recordChanged, verificationCode)).toMatchObject({ ok: false, reason: 'code-mismatch' });
      // In the page: one letter of the learner's name, outside the record.
      const textChanged = page.replace('Ada Okafor', 'Ada Okafer');
      expect(checkCertificate(textChanged, verificationCode)).toMatchObject({ ok: false, reason: 'text-changed' });
      // The code itself.
      const last = code.at(-1) === 'A' ? 'B' : 'A';
      expect(checkCertificate(page.split(code).join(code.slice(0, -1) + last), verificationCode)).toMatchObject({ ok: false });
      expect(checkCertificate(page.replace(/<!-- commready-certificate .* -->\n/, ''), verificationCode)).toMatchObject({
        ok: false,
        reason: 'no-record',
      });
    }
  });

  it('escapes a hostile name in both layouts and still verifies', () => {
    const hostile = { ...record, learner: '<script>alert(1)</script> **Ada** [x](javascript:y) -->' };
    const hostileCode = verificationCode(canonicalJson(hostile));
    const html = renderCertificateHtml(hostile, hostileCode);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html.match(/-->/g)).toHaveLength(1);
    const md = renderCertificateMarkdown(hostile, hostileCode);
    expect(md).toContain('\\*\\*Ada\\*\\*');
    expect(md.match(/-->/g)).toHaveLength(1);
    expect(checkCertificate(html, verificationCode)).toMatchObject({ ok: true });
    expect(checkCertificate(md, verificationCode)).toMatchObject({ ok: true });
  });

  it('fingerprints a practicum plan by SHA-256 of its bytes', () => {
    expect(planFingerprint(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('a practicum plan copied from the worked plans', () => {
  const worked = { purpose: { text: 'Neighbours who code meet at the library every Tuesday evening.' }, people: [{ name: 'Ada Okafor' }] };

  it('counts the written answers word for word from a worked plan, whatever their case and spacing', () => {
    expect(proseOf(worked)).toEqual(['neighbours who code meet at the library every tuesday evening.']);
    const renamed = {
      ...worked,
      community: { name: 'Canal Road Coders' },
      purpose: { text: '  neighbours who code MEET at the library\nevery Tuesday evening. ' },
    };
    expect(copiedProse(renamed, [worked])).toEqual({ copied: 1, of: 1 });
    expect(isCopied(copiedProse(renamed, [worked]))).toBe(true);
  });

  it('refuses half or more copied, and lets a sentence that happens to match through', () => {
    const own = (n: number) => Array.from({ length: n }, (_, i) => `Our own answer number ${i} in our own words.`);
    const text = worked.purpose.text;
    expect(isCopied(copiedProse({ a: [text, ...own(1)] }, [worked]))).toBe(true);
    expect(isCopied(copiedProse({ a: [text, ...own(2)] }, [worked]))).toBe(false);
    expect(isCopied(copiedProse({ a: own(3) }, [worked]))).toBe(false);
    // Names, dates and short choices are not prose: the same host's name is no copy.
    expect(isCopied(copiedProse({ people: [{ name: 'Ada Okafor' }], formality: 'volunteer' }, [worked]))).toBe(false);
  });
});

describe('questions for a track', () => {
  it("are the general ones and the track's own", () => {
    expect(questionsFor(purpose, 'grassroots').length).toBe(questionsFor(purpose, undefined).length + 1);
  });
});
