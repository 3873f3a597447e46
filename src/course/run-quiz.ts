// A module's quiz, question by question, against a CourseAsker. Progress is saved after every answer
// (through `save`, which writes atomically), so a quiz stopped by Ctrl-C, a closed terminal or a killed
// process resumes at the next unanswered question, in the same order, with the answers already given.
import type { CourseModule } from '../methodology/course.js';
import type { Methodology } from '../methodology/types.js';
import { plainPainter, type Painter } from '../report/types.js';
import type { CourseAsker } from './course-asker.js';
import { percent, renderFeedback, renderQuestion, renderQuizResult } from './course-text.js';
import { betterResult, type CourseProgress, type QuizResult } from './progress.js';
import { canResume, itemsToRevisit, nextQuestion, recordAnswer, scoreAttempt, startAttempt, type RandomSource } from './quiz.js';

export interface QuizRun {
  methodology: Methodology;
  module: CourseModule;
  progress: CourseProgress;
  /** Stores the progress (atomically); called after every change. */
  save(progress: CourseProgress): void;
  random: RandomSource;
  today: string;
  width: number;
  paint?: Painter;
}

export interface QuizOutcome {
  result: QuizResult;
  revisit: string[];
  progress: CourseProgress;
}

export async function runQuiz(asker: CourseAsker, run: QuizRun): Promise<QuizOutcome> {
  const { module, today } = run;
  const paint = run.paint ?? plainPainter;
  const track = run.progress.track;
  let progress = run.progress;
  const stored = progress.modules[module.id] ?? { attempts: 0 };
  const resumable = stored.current && canResume(stored.current, module, track) ? stored.current : undefined;
  let attempt = resumable ?? startAttempt(module, track, run.random, today);
  const update = (changes: Partial<(typeof progress.modules)[string]>): void => {
    progress = {
      ...progress,
      modules: { ...progress.modules, [module.id]: { ...(progress.modules[module.id] ?? { attempts: 0 }), ...changes } },
    };
    run.save(progress);
  };
  if (!resumable) update({ current: attempt });

  const total = attempt.order.length;
  const answered = Object.keys(attempt.answers).length;
  asker.write(
    `${paint.bold(`Quiz: ${module.title}`)}\n${total} questions, one best answer each; passed at ${percent(module.passMark)}. Your answers are saved as you go.\n${
      answered > 0 ? `Resuming: ${answered} of ${total} already answered.\n` : ''
    }`,
  );

  for (let next = nextQuestion(attempt, module); next; next = nextQuestion(attempt, module)) {
    const { question, index } = next;
    const shown = attempt.shown[question.id]!;
    asker.write(renderQuestion(question, index, total, run.width, paint));
    const picked = await asker.choose(
      question.question,
      shown.map((i) => question.options[i]!.text),
      { numbered: true },
    );
    attempt = recordAnswer(attempt, question.id, picked);
    update({ current: attempt });
    asker.write(renderFeedback(question, shown, attempt.answers[question.id]!, run.width, paint));
  }

  const result = scoreAttempt(module, attempt, track, today);
  const before = progress.modules[module.id] ?? { attempts: 0 };
  const { current: _finished, ...rest } = before;
  progress = {
    ...progress,
    modules: {
      ...progress.modules,
      [module.id]: { ...rest, attempts: rest.attempts + 1, last: result, best: betterResult(module, rest.best, result) },
    },
  };
  run.save(progress);
  const revisit = result.passed ? [] : itemsToRevisit(module, result);
  asker.write(renderQuizResult(module, result, revisit, run.methodology, paint));
  return { result, revisit, progress };
}
