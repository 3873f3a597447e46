// The built-in course's quizzes give nothing away by the form of their options: a learner who always picks
// the longest, the shortest, the wordiest, the first or the last option fails every quiz, on every track.
// The quiz shuffles options when it shows them; first and last are checked in the file's order too, so
// that no order written there leaks into a tool or a page that shows them as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { passes } from '../../src/course/quiz.js';
import { parseCourse, questionsFor, type CourseQuestion } from '../../src/methodology/course.js';
import { parseYamlSource } from '../../src/source/yaml-source.js';
import { builtinMethodology, validation } from '../helpers.js';

const course = parseCourse(
  parseYamlSource('checklists/course.yaml', readFileSync('checklists/course.yaml', 'utf8')),
  builtinMethodology(),
  validation,
);

const length = (text: string): number => text.trim().length;
const words = (text: string): number => text.trim().split(/\s+/).length;

/** The options a measure ranks highest; a tie counts every option in it, so a tie on the best one is a win. */
function highest(q: CourseQuestion, measure: (text: string) => number): number[] {
  const values = q.options.map((o) => measure(o.text));
  const top = Math.max(...values);
  return values.flatMap((v, i) => (v === top ? [i] : []));
}

/** Naive ways to answer without reading: each gives the options it might pick. */
const STRATEGIES: Record<string, (q: CourseQuestion) => number[]> = {
  'the longest option': (q) => highest(q, length),
  'the shortest option': (q) => highest(q, (t) => -length(t)),
  'the option with the most words': (q) => highest(q, words),
  'the first option': () => [0],
  'the last option': (q) => [q.options.length - 1],
};

const picksBest = (q: CourseQuestion, picks: number[]): boolean => picks.some((i) => q.options[i]?.best === true);

const quizzes = course.modules.flatMap((module) =>
  course.tracks.map((track) => ({ module, track: track.id, questions: questionsFor(module, track.id) })),
);
const allQuestions = course.modules.flatMap((m) => m.questions);

describe('the built-in course quizzes against answering by form', () => {
  it('has a quiz for every module on every track', () => {
    expect(quizzes.length).toBe(course.modules.length * course.tracks.length);
    for (const q of quizzes) expect(q.questions.length, `${q.module.id} on ${q.track}`).toBeGreaterThanOrEqual(5);
  });

  for (const [name, strategy] of Object.entries(STRATEGIES))
    it(`fails every quiz, on every track, for a learner who always picks ${name}`, () => {
      const passed = quizzes.flatMap(({ module, track, questions }) => {
        const correct = questions.filter((q) => picksBest(q, strategy(q))).length;
        return passes(correct, questions.length, module.passMark) ? [`${module.id} on ${track}: ${correct} of ${questions.length}`] : [];
      });
      expect(passed).toEqual([]);
    });

  it('makes the best option the longest in at most a third of the questions, and the shortest in at most a third', () => {
    const longest = allQuestions.filter((q) => picksBest(q, STRATEGIES['the longest option']!(q))).length;
    const shortest = allQuestions.filter((q) => picksBest(q, STRATEGIES['the shortest option']!(q))).length;
    expect(allQuestions.length).toBeGreaterThan(50);
    expect(longest * 3).toBeLessThanOrEqual(allQuestions.length);
    expect(shortest * 3).toBeLessThanOrEqual(allQuestions.length);
  });
});
