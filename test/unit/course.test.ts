// The course as data: course.yaml is validated against its schema and the methodology it teaches (every
// item exercised, every reading a cited reference, five real tracks whose case plans pass the practicum
// under their own profiles), and docs/course.md is generated from it and kept current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessCasePlans, casePlanFile } from '../../src/course/case-plans.js';
import { COURSE_TOPICS, exercisedItems, parseCourse } from '../../src/methodology/course.js';
import { allItems } from '../../src/methodology/types.js';
import { renderCourseMarkdown } from '../../src/report/render-course.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { builtinMethodology, inputErrorsOf, validation } from '../helpers.js';

const m = builtinMethodology();
const text = readFileSync('checklists/course.yaml', 'utf8');
const course = () => parseCourse(parseYamlSource('checklists/course.yaml', text), m, validation);
const broken = (edit: (t: string) => string) => inputErrorsOf(() => parseCourse(parseYamlSource('course.yaml', edit(text)), m, validation));
const messages = (edit: (t: string) => string) => broken(edit).map((e) => e.message);
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the built-in course', () => {
  it('is an introduction, then one module per phase in order, each with outcomes, time, a lesson, readings, exercises and a quiz', () => {
    const c = course();
    expect(c.modules[0]!.id).toBe('intro');
    expect(c.modules[0]!.phase).toBeUndefined();
    expect(c.modules[0]!.title).toBe('A web page with a discussion forum is not a community');
    expect(c.modules.slice(1).map((x) => x.phase)).toEqual(m.phases.map((p) => p.id));
    for (const x of c.modules) {
      expect(x.outcomes.length, x.id).toBeGreaterThanOrEqual(2);
      expect(x.minutes, x.id).toBeGreaterThanOrEqual(30);
      expect(x.lesson.length, x.id).toBeGreaterThan(400);
      expect(x.readings.length, x.id).toBeGreaterThanOrEqual(3);
      expect(x.exercises.length, x.id).toBeGreaterThan(0);
      expect(x.questions.filter((q) => q.track === undefined).length, x.id).toBeGreaterThanOrEqual(5);
      expect(x.passMark, x.id).toBe(0.8);
      expect(Object.keys(x.tracks).sort(), x.id).toEqual(['customer', 'grassroots', 'internal', 'open-source', 'professional']);
    }
    expect(c.passMark).toBe(0.8);
  });

  it('has five real tracks, one per community type, each with its own case community', () => {
    const c = course();
    expect(c.tracks.map((t) => [t.id, t.type, t.formality])).toEqual([
      ['customer', 'customer', 'funded'],
      ['internal', 'internal', 'funded'],
      ['open-source', 'open-source', 'volunteer'],
      ['professional', 'professional', 'funded'],
      ['grassroots', 'grassroots', 'volunteer'],
    ]);
    expect(new Set(c.tracks.map((t) => t.case.community)).size).toBe(5);
    // The running case study is the grassroots track's case.
    expect(c.caseStudy.track).toBe('grassroots');
    expect(c.tracks.find((t) => t.id === 'grassroots')!.case.community).toBe(c.caseStudy.community);
  });

  it('exercises every item of the methodology by an exercise or a question', () => {
    const where = exercisedItems(course().modules);
    expect(
      allItems(m)
        .filter((i) => !where.has(i.id))
        .map((i) => i.id),
    ).toEqual([]);
  });

  it('reads only references the methodology cites, each with its title', () => {
    const cited = allItems(m).flatMap((i) => i.references);
    for (const x of course().modules)
      for (const r of x.readings) {
        expect(
          cited.some((c) => c.url === r.url && c.title === r.title),
          r.url,
        ).toBe(true);
        expect(r.title).toBe(cited.find((c) => c.url === r.url)!.title);
      }
  });

  it('asks questions with one best answer and an explanation for every option', () => {
    const questions = course().modules.flatMap((x) => x.questions);
    expect(questions.length).toBeGreaterThanOrEqual(45);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) {
      expect(
        q.options.filter((o) => o.best),
        q.id,
      ).toHaveLength(1);
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
      for (const o of q.options) expect(o.explanation.length, q.id).toBeGreaterThan(30);
      expect(q.items.length, q.id).toBeGreaterThan(0);
    }
  });

  it('has the scenarios the review asked for: triaging a conduct report and a quiet second week', () => {
    const titles = course().modules.flatMap((x) => x.questions.map((q) => q.title));
    expect(titles).toEqual(expect.arrayContaining(['Triaging a conduct report', 'A quiet second week']));
    // The case's own policy forbids private messages between adults and under-18s: the scenario says so.
    const triage = course()
      .modules.flatMap((x) => x.questions)
      .find((q) => q.id === 'governance-friday-report')!;
    expect(triage.situation).toMatch(/disables direct messages between adults and under-18s/);
  });

  it('grades the practicum at Launch-ready with a rubric for the judgement calls commready cannot make', () => {
    const p = course().practicum;
    expect(p.level).toBe('launch-ready');
    expect(p.rubric.criteria.map((c) => c.criterion)).toEqual(
      expect.arrayContaining(["Purpose in members' words", 'The fit of the onboarding journey', 'The measures chosen']),
    );
    expect(p.task).not.toMatch(/Established/);
  });

  it('has a docs/course.md that is generated from course.yaml and up to date', () => {
    expect(readFileSync('docs/course.md', 'utf8'), "run 'npm run docs'").toBe(renderCourseMarkdown(course(), m));
  });

  it('links every item it names to its anchor in the methodology reference, and every point appears in the coverage table', () => {
    const md = renderCourseMarkdown(course(), m);
    const reference = readFileSync('docs/methodology.md', 'utf8');
    const anchors = [...md.matchAll(/\(methodology\.md#([a-z0-9-]+)\)/g)].map((x) => x[1]!);
    expect(new Set(anchors).size).toBe(allItems(m).length);
    for (const a of anchors) expect(reference, a).toContain(`<a id="${a}"></a>`);
    const coverage = md.slice(md.indexOf('<a id="coverage"></a>'));
    for (const item of allItems(m))
      expect(coverage).toMatch(new RegExp(`\\| \\[\`${item.id.replace(/\./g, '\\.')}\`\\]\\([^)]+\\) \\| \\[`));
  });

  it('shows the options of a question in the docs in a fixed order of their own, not always best first', () => {
    const md = renderCourseMarkdown(course(), m);
    const places = [...md.matchAll(/^(\d)\. \*\*Best answer\.\*\*/gm)].map((x) => x[1]);
    expect(new Set(places).size).toBeGreaterThan(2);
  });
});

describe("the tracks' case plans", () => {
  const results = assessCasePlans(course(), m, validation);

  it.each(results.map((r) => [r.track.id, r] as const))(
    'the %s case plan reaches Launch-ready with no blocker open under its own profile, judged as of its day',
    (_, r) => {
      expect(r.track.case.asOf).toBe('2026-12-01');
      expect(r.assessment.today).toBe(r.track.case.asOf);
      expect(r.assessment.profile).toMatchObject({ type: r.track.type, formality: r.track.formality, formalityFrom: 'plan' });
      expect(r.assessment.stage.id).toBe('planning');
      expect(r.assessment.level.id).toBe('launch-ready');
      expect(r.verdict.openBlockers).toEqual([]);
      expect(r.verdict.passed).toBe(true);
      // Nothing the plan names is unknown, personal, or a non-answer.
      expect(
        r.assessment.findings.filter((f) => ['person-unknown', 'personal-data', 'non-answer', 'fact-unstated'].includes(f.code)),
      ).toEqual([]);
    },
  );

  it('live outside examples/*.yaml, so the README table of examples is unchanged', () => {
    for (const r of results) expect(r.file.replace(/\\/g, '/')).toMatch(/examples\/course\/[a-z-]+\.yaml$/);
    expect(casePlanFile(course(), course().tracks[0]!).replace(/\\/g, '/')).toBe('examples/course/customer.yaml');
  });

  it('match their profiles: the grassroots case is a volunteer group with no sponsor, stakeholders or value report', () => {
    const grassroots = results.find((r) => r.track.id === 'grassroots')!;
    const na = (id: string) => grassroots.assessment.items.find((i) => i.itemId === id)!;
    for (const id of ['governance.sponsor', 'governance.stakeholders', 'measurement.value', 'measurement.reporting'])
      expect(na(id), id).toMatchObject({ status: 'n/a', basis: 'profile' });
    const plan = readFileSync(grassroots.file, 'utf8');
    expect(plan).not.toMatch(/^ {2}(sponsor|stakeholders|value_method|reporting):/m);
    // And the course's own case study never hinges on a sponsor's budget or a data officer.
    expect(text).not.toMatch(/data officer|budget renewed/i);
  });

  it("fail the practicum under another track's profile", async () => {
    const c = course();
    const { judgePracticum } = await import('../../src/course/practicum.js');
    const customer = results.find((r) => r.track.id === 'customer')!;
    const verdict = judgePracticum(
      customer.assessment,
      m,
      c.tracks.find((t) => t.id === 'grassroots')!,
      'launch-ready',
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.profile).toEqual({ type: 'customer', formality: 'funded', wantedType: 'grassroots', wantedFormality: 'volunteer' });
  });
});

describe('validating a course', () => {
  it('rejects an exercise naming an unknown item or an item of another phase, at its line', () => {
    const errors = broken((t) =>
      t.replace(
        'items: [purpose.statement, purpose.objectives, purpose.shared-value, purpose.goals]',
        'items: [purpose.statment, audience.onboarding, purpose.shared-value, purpose.goals]',
      ),
    );
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining(["unknown item 'purpose.statment'", "item 'audience.onboarding' is not in phase 'purpose'"]),
    );
    expect(errors[0]!.line).toBe(lineOf('items: [purpose.statement, purpose.objectives, purpose.shared-value'));
  });

  it('rejects an item no exercise or question exercises, naming it', () => {
    const found = messages((t) =>
      t
        .replace('items: [launch.promotion, launch.risks, launch.retros]', 'items: [launch.promotion, launch.retros]')
        .replace('items: [launch.risks, platform.moderation-tools]', 'items: [platform.moderation-tools]'),
    );
    expect(found).toEqual(['1 item is exercised by no exercise or question: launch.risks']);
  });

  it('rejects a reading that is not a reference the methodology cites', () => {
    const errors = broken((t) => t.replace('https://www.cisa.gov/MFA', 'https://acme.example/my-blog'));
    expect(errors.map((e) => e.message)).toEqual([
      "the reading 'https://acme.example/my-blog' is not a reference the methodology cites; readings must be sources an item names",
    ]);
    expect(errors[0]!.line).toBe(lineOf('https://www.cisa.gov/MFA'));
  });

  it('rejects a question without exactly one best answer, or offering an option twice', () => {
    const two = messages((t) =>
      t.replace(
        '          - text: Fill the forum with fifty posts written by staff, so it does not look empty.\n',
        '          - text: Fill the forum with fifty posts written by staff, so it does not look empty.\n            best: true\n',
      ),
    );
    expect(two).toEqual(["question 'intro-forum-on-monday' marks 2 best answers; mark exactly one with 'best: true'"]);
    const twice = messages((t) =>
      t.replace(
        '          - text: Double the advertising for the launch, so more people see it on Monday.',
        '          - text: Fill the forum with fifty posts written by staff, so it does not look empty.',
      ),
    );
    expect(twice).toEqual(["question 'intro-forum-on-monday' offers the same option twice"]);
  });

  it('rejects an option without an explanation, through the schema', () => {
    const errors = broken((t) => t.replace(/(- text: Double the advertising[^\n]*\n)\s+explanation: >-\n(?: {14}.*\n)+/, '$1'));
    expect(errors[0]!.message).toMatch(/explanation/);
  });

  it('rejects an unknown track, a module silent for a track, an unknown type and a module named like a course command', () => {
    const found = messages((t) =>
      t
        .replace(
          '        track: grassroots\n        situation: >-\n          Your volunteer group',
          '        track: volunteers\n        situation: >-\n          Your volunteer group',
        )
        .replace("      customer: >-\n        Tally Circle's objectives", "      customers: >-\n        Tally Circle's objectives")
        .replace('    type: professional\n', '    type: trade-body\n')
        .replace('  - id: launch\n', '  - id: quiz\n'),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "unknown track 'volunteers' (tracks: customer, internal, open-source, professional, grassroots)",
        "module 'purpose' says nothing for the track 'customer'",
        "unknown track 'customers'",
        "unknown community type 'trade-body' (the methodology's types: customer, internal, open-source, professional, grassroots)",
        `a module cannot be named 'quiz': 'commready course quiz' means something else`,
      ]),
    );
    expect(COURSE_TOPICS).toContain('quiz');
  });

  it("rejects a course that skips or reorders the methodology's phases, or starts without its introduction", () => {
    const reordered = messages((t) =>
      t
        .replace('    phase: audience\n', '    phase: launch\n')
        .replace('    phase: launch\n    minutes: 120', '    phase: audience\n    minutes: 120'),
    );
    expect(reordered.some((x) => /must teach the methodology's phases once each, in order/.test(x))).toBe(true);
    const noIntro = messages((t) => t.replace('  - id: intro\n    title:', '  - id: intro\n    phase: purpose\n    title:'));
    expect(noIntro).toEqual(expect.arrayContaining(['the first module is the introduction, which teaches no phase (leave out its phase)']));
  });

  it('rejects an unknown practicum level and a course missing a required part', () => {
    expect(messages((t) => t.replace('  level: launch-ready\n', '  level: launched\n'))).toEqual([
      "unknown level 'launched' (levels: idea, ad-hoc, emergent, launch-ready, established, networked)",
    ]);
    const errors = broken((t) => t.replace(/^practicum:\n(?: {2}.*\n|\n)+?(?=recertification:)/m, ''));
    expect(errors[0]!.message).toMatch(/practicum/);
  });
});
