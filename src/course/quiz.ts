// Pure: a module's quiz. Questions and their options are shuffled with a random source given by the
// caller (so tests fix it); answers are recorded by the option's original index, so a resumed quiz
// scores the same however it was shown; a result passes at the module's pass mark and names the items to
// revisit when it does not.
import { questionsFor, type CourseModule, type CourseQuestion } from '../methodology/course.js';
import type { QuizAttempt, QuizResult } from './progress.js';

/** A number in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** A copy of `list` in a random order (Fisher-Yates). */
export function shuffled<T>(list: readonly T[], random: RandomSource): T[] {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const held = out[i]!;
    out[i] = out[j]!;
    out[j] = held;
  }
  return out;
}

/** A new attempt at the module's quiz for a learner on `track`: questions and options in a fresh order. */
export function startAttempt(module: CourseModule, track: string | undefined, random: RandomSource, today: string): QuizAttempt {
  const questions = shuffled(questionsFor(module, track), random);
  return {
    order: questions.map((q) => q.id),
    shown: Object.fromEntries(
      questions.map(
        (q) =>
          [
            q.id,
            shuffled(
              q.options.map((_, i) => i),
              random,
            ),
          ] as const,
      ),
    ),
    answers: {},
    started: today,
  };
}

/**
 * Whether a stored attempt can be resumed: it asks exactly the questions the module asks this learner now,
 * each with a valid order of its options (a course update or a new track starts afresh).
 */
export function canResume(attempt: QuizAttempt, module: CourseModule, track: string | undefined): boolean {
  const questions = questionsFor(module, track);
  if (attempt.order.length !== questions.length) return false;
  return questions.every((q) => {
    const shown = attempt.shown[q.id];
    const answer = attempt.answers[q.id];
    return (
      attempt.order.includes(q.id) &&
      shown !== undefined &&
      shown.length === q.options.length &&
      [...shown].sort((a, b) => a - b).every((n, i) => n === i) &&
      (answer === undefined || (answer >= 0 && answer < q.options.length))
    );
  });
}

/** The next question to ask, or undefined when every one is answered. */
export function nextQuestion(attempt: QuizAttempt, module: CourseModule): { question: CourseQuestion; index: number } | undefined {
  const index = attempt.order.findIndex((id) => attempt.answers[id] === undefined);
  if (index < 0) return undefined;
  const question = module.questions.find((q) => q.id === attempt.order[index]);
  return question ? { question, index } : undefined;
}

/** The attempt with `question` answered by the option shown at `shownIndex`. */
export function recordAnswer(attempt: QuizAttempt, questionId: string, shownIndex: number): QuizAttempt {
  const original = attempt.shown[questionId]?.[shownIndex];
  if (original === undefined) throw new Error(`no option ${shownIndex} for question ${questionId}`);
  return { ...attempt, answers: { ...attempt.answers, [questionId]: original } };
}

/**
 * Passes when the share of best answers reaches the pass mark. Compared in whole units (correct × 100 against
 * mark × 100 × questions, the mark rounded to a hundredth), so 4 of 5 passes an 80% mark exactly.
 */
export function passes(correct: number, of: number, passMark: number): boolean {
  return of > 0 && correct * 100 >= Math.round(passMark * 100) * of;
}

/** The result of a finished attempt. */
export function scoreAttempt(module: CourseModule, attempt: QuizAttempt, track: string | undefined, today: string): QuizResult {
  const questions = questionsFor(module, track);
  const missed = questions.filter((q) => !q.options[attempt.answers[q.id] ?? -1]?.best).map((q) => q.id);
  const correct = questions.length - missed.length;
  return {
    correct,
    of: questions.length,
    percent: questions.length === 0 ? 0 : Math.floor((correct * 100) / questions.length),
    passed: passes(correct, questions.length, module.passMark),
    passMark: module.passMark,
    on: today,
    track: track ?? null,
    questions: questions.map((q) => q.id).sort(),
    missed,
    answers: Object.fromEntries(questions.flatMap((q) => (attempt.answers[q.id] === undefined ? [] : [[q.id, attempt.answers[q.id]!]]))),
  };
}

/** The items of the questions missed, each once, in the order the module lists its questions. */
export function itemsToRevisit(module: CourseModule, result: Pick<QuizResult, 'missed'>): string[] {
  const items: string[] = [];
  for (const q of module.questions) {
    if (!result.missed.includes(q.id)) continue;
    for (const id of q.items) if (!items.includes(id)) items.push(id);
  }
  return items;
}
