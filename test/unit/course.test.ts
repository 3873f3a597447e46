// The course view: course.yaml is validated against its schema and the methodology it teaches, and
// docs/course.md is generated from it and kept current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCourse } from '../../src/methodology/course.js';
import { renderCourseMarkdown } from '../../src/report/render-course.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { builtinMethodology, inputErrorsOf, validation } from '../helpers.js';

const m = builtinMethodology();
const text = readFileSync('checklists/course.yaml', 'utf8');
const course = () => parseCourse(parseYamlSource('checklists/course.yaml', text), m, validation);
const broken = (edit: (t: string) => string) => inputErrorsOf(() => parseCourse(parseYamlSource('course.yaml', edit(text)), m, validation));

describe('the built-in course', () => {
  it('teaches every phase once, in order, each with objectives, a case chapter, an exercise, scenarios and both tracks', () => {
    const c = course();
    expect(c.phases.map((p) => p.phase)).toEqual(m.phases.map((p) => p.id));
    expect(c.tracks.map((t) => t.id)).toEqual(['volunteer', 'programme']);
    for (const p of c.phases) {
      expect(p.objectives.length, p.phase).toBeGreaterThanOrEqual(2);
      expect(p.exercise.produces.length, p.phase).toBeGreaterThan(0);
      expect(p.scenarios.length, p.phase).toBeGreaterThan(0);
      expect(Object.keys(p.tracks).sort(), p.phase).toEqual(['programme', 'volunteer']);
    }
    // One community, one cast, one year.
    expect(c.caseStudy.year[0]!.month).toBe(0);
    expect(c.caseStudy.year.at(-1)!.month).toBe(12);
  });

  it('has the scenarios the review asked for: triaging a conduct report and a quiet second week', () => {
    const titles = course().phases.flatMap((p) => p.scenarios.map((s) => s.title));
    expect(titles).toEqual(expect.arrayContaining(['Triaging a conduct report', 'A quiet second week']));
  });

  it('has a docs/course.md that is generated from course.yaml and up to date', () => {
    expect(readFileSync('docs/course.md', 'utf8'), "run 'npm run docs'").toBe(renderCourseMarkdown(course(), m));
  });

  it('links every exercise item to its anchor in the methodology reference', () => {
    const md = renderCourseMarkdown(course(), m);
    const reference = readFileSync('docs/methodology.md', 'utf8');
    const anchors = [...md.matchAll(/\(methodology\.md#([a-z0-9-]+)\)/g)].map((x) => x[1]!);
    expect(anchors.length).toBeGreaterThan(20);
    for (const a of anchors) expect(reference, a).toContain(`<a id="${a}"></a>`);
  });
});

describe('validating a course', () => {
  it('rejects an exercise naming an unknown item or an item of another phase, at its line', () => {
    const errors = broken((t) =>
      t.replace(
        'items: [purpose.statement, purpose.objectives, purpose.goals]',
        'items: [purpose.statment, audience.onboarding, purpose.goals]',
      ),
    );
    expect(errors.map((e) => e.message)).toEqual([
      "unknown item 'purpose.statment'",
      "item 'audience.onboarding' is not in phase 'purpose'",
    ]);
    expect(errors[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('items: [purpose.statement, purpose.objectives')) + 1);
  });

  it('rejects a plan path that no plan can have, an unknown track and a phase left without a track note', () => {
    const messages = broken((t) =>
      t
        .replace('produces: [purpose.statement, purpose.objectives, purpose.goals]', 'produces: [purpose.slogan]')
        .replace('        track: programme\n      - title: Everyone', '        track: managers\n      - title: Everyone')
        .replace('      volunteer: The "sponsor" is your organising group', '      volunteers: The "sponsor" is your organising group'),
    ).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "'purpose.slogan' is not a field of the plan schema",
        "unknown track 'managers' (tracks: volunteer, programme)",
        "phase 'purpose' says nothing for the track 'volunteer'",
        "unknown track 'volunteers'",
      ]),
    );
  });

  it("rejects a course that skips or reorders the methodology's phases", () => {
    const errors = broken((t) =>
      t
        .replace('  - phase: audience\n', '  - phase: launch\n')
        .replace(
          '  - phase: launch\n    objectives:\n      - Launch in waves',
          '  - phase: audience\n    objectives:\n      - Launch in waves',
        ),
    );
    expect(errors.some((e) => /must teach the methodology's phases once each, in order/.test(e.message))).toBe(true);
  });

  it('rejects a course missing a required part, through the schema', () => {
    const errors = broken((t) => t.replace(/^practicum: >-\n(?: {2}.*\n)+/m, ''));
    expect(errors[0]!.message).toMatch(/practicum/);
  });
});
