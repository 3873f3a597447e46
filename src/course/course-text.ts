// Pure: the course in the terminal: the module list with progress and time, a module's lesson (its own
// text, the case chapter, the track's points, then the guides of the phase's items in order, the
// exercises and the readings), a quiz's questions and feedback, and the rubric as Markdown.
import { questionsFor, type Course, type CourseModule, type CourseQuestion, type CourseTrack } from '../methodology/course.js';
import { defaultTextValues, fillPlaceholders } from '../methodology/placeholders.js';
import { findItem, type Methodology } from '../methodology/types.js';
import { renderPhaseGuide } from '../report/render-methodology.js';
import { escapeMarkdown } from '../report/escape-markdown.js';
import { plainPainter, type Painter } from '../report/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { moduleStatus, type CourseProgress, type ModuleStatus, type QuizResult } from './progress.js';

/** `45 min`, `2 h`, `2 h 30 min`. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A percentage for a pass mark: `80%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Text reflowed to `width` columns: paragraphs (separated by blank lines) are joined and wrapped, a line
 * starting with `- ` starts a list item with a hanging indent, and a line starting with two spaces is kept.
 */
export function reflow(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  const blocks = text.trim().split(/\n\s*\n/);
  for (const [i, block] of blocks.entries()) {
    if (i > 0) out.push('');
    let item: string[] = [];
    const flush = (): void => {
      if (item.length === 0) return;
      const first = item[0]!;
      const bullet = first.startsWith('- ');
      const words = item
        .join(' ')
        .replace(/^- /, '')
        .split(/\s+/)
        .filter((w) => w.length > 0);
      const lead = bullet ? `${indent}- ` : indent;
      const hang = bullet ? `${indent}  ` : indent;
      let line = lead;
      let empty = true;
      for (const word of words) {
        if (!empty && line.length + 1 + word.length > width) {
          out.push(line);
          line = hang + word;
        } else line += empty ? word : ` ${word}`;
        empty = false;
      }
      out.push(line);
      item = [];
    };
    for (const raw of block.split('\n')) {
      const line = raw.trimEnd();
      if (line.trimStart().startsWith('- ')) {
        flush();
        item.push(line.trimStart());
      } else item.push(line.trim());
    }
    flush();
  }
  return out.join('\n');
}

/** One paragraph wrapped to `width`, its first line after `first` and the others after `rest`. */
export function hanging(text: string, width: number, first: string, rest: string): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((x) => x.length > 0)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

function itemTitle(m: Methodology, id: string): string {
  return fillPlaceholders(findItem(m, id)?.title ?? id, defaultTextValues(m));
}

function quizLabel(status: ModuleStatus): string {
  switch (status.quiz) {
    case 'not taken':
      return 'not taken';
    case 'in progress':
      return 'in progress';
    case 'retake':
      return 'to retake (the questions changed)';
    case 'unproven':
      return 'to retake (its stored pass is not borne out by its answers)';
    case 'passed':
    case 'failed':
      return `${status.quiz} ${status.best!.correct} of ${status.best!.of} (${status.best!.percent}%)`;
  }
}

export interface ModuleListInput {
  course: Course;
  methodology: Methodology;
  progress: CourseProgress;
  progressFile: string;
}

/** The module list: each module with its time, whether its lesson was read and where its quiz stands. */
export function renderModuleList({ course, methodology, progress, progressFile }: ModuleListInput, paint: Painter = plainPainter): string {
  const s = sanitizeLine;
  const out: string[] = [];
  out.push(paint.bold(`${s(course.title)} (course ${s(course.version)})`));
  out.push(`It teaches the ${s(methodology.title)} ${s(methodology.version)}; every quiz is passed at ${percent(course.passMark)}.`);
  const track = course.tracks.find((t) => t.id === progress.track);
  out.push(
    track
      ? `Track: ${s(track.title)} (${track.id}); case community: ${s(track.case.community)}. Change it with --track <id>.`
      : `No track chosen yet: choose one with --track <id> (${course.tracks.map((t) => t.id).join(', ')}).`,
  );
  if (progress.learner) out.push(`Learner: ${s(progress.learner)}.`);
  out.push('');
  const idWidth = course.modules.reduce((max, m) => Math.max(max, m.id.length), 6);
  out.push(paint.dim(`  #  ${'module'.padEnd(idWidth)}  ${'time'.padEnd(10)}  ${'lesson'.padEnd(6)}  quiz`));
  let total = 0;
  let passed = 0;
  let next: CourseModule | undefined;
  course.modules.forEach((m, i) => {
    const status = moduleStatus(m, progress);
    total += m.minutes;
    if (status.quiz === 'passed') passed++;
    else next ??= m;
    const quiz = quizLabel(status);
    const painted = status.quiz === 'passed' ? paint.green(quiz) : status.quiz === 'failed' ? paint.yellow(quiz) : quiz;
    out.push(
      `  ${String(i).padStart(1)}  ${m.id.padEnd(idWidth)}  ${formatMinutes(m.minutes).padEnd(10)}  ${(status.lessonRead ? 'read' : '-').padEnd(6)}  ${painted}`,
    );
    out.push(paint.dim(`     ${s(m.title)}`));
  });
  out.push('');
  const practicum = progress.practicum;
  out.push(
    `About ${formatMinutes(total)} in all; ${passed} of ${course.modules.length} quizzes passed; practicum: ${
      practicum
        ? `${s(practicum.community)} reached ${s(practicum.level.title)} as of ${practicum.assessedOn} (${practicum.track} track)`
        : 'not recorded yet'
    }.`,
  );
  if (next) out.push(`Next: 'commready course ${next.id}' for the lesson, then 'commready course quiz ${next.id}'.`);
  else if (!practicum) out.push(`Next: write your track's case plan and record it with 'commready course practicum <plan>'.`);
  else out.push(`Next: 'commready course certificate'.`);
  out.push(paint.dim(`Progress is kept in ${s(progressFile)}.`));
  return `${out.join('\n')}\n`;
}

export interface LessonInput {
  course: Course;
  methodology: Methodology;
  module: CourseModule;
  track: CourseTrack | undefined;
  width: number;
}

/** A module's lesson, in reading order, for the terminal. */
export function renderLesson({ course, methodology, module, track, width }: LessonInput, paint: Painter = plainPainter): string {
  const w = Math.max(40, Math.min(width, 100));
  const index = course.modules.indexOf(module);
  const questions = questionsFor(module, track?.id);
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', paint.bold(text));
  };
  out.push(paint.bold(`Module ${index} of ${course.modules.length - 1}: ${module.title} (${module.id})`));
  out.push(
    `About ${formatMinutes(module.minutes)}; quiz: ${questions.length} questions, passed at ${percent(module.passMark)} ('commready course quiz ${module.id}').`,
  );
  heading('What you will be able to do');
  for (const o of module.outcomes) out.push(reflow(`- ${o}`, w, '  '));
  heading('Lesson');
  out.push(reflow(module.lesson, w, '  '));
  heading(`The case: ${course.caseStudy.community}`);
  out.push(reflow(module.case, w, '  '));
  if (track) {
    heading(`Your track: ${track.title}`);
    out.push(reflow(module.tracks[track.id] ?? '', w, '  '));
  } else {
    heading('By track');
    for (const t of course.tracks) out.push(reflow(`- ${t.title}: ${module.tracks[t.id] ?? ''}`, w, '  '));
    out.push(reflow('Choose your track with --track <id> to see only yours.', w, '  '));
  }
  if (module.phase !== undefined) {
    const phase = methodology.phases.find((p) => p.id === module.phase);
    if (phase) {
      out.push('', paint.dim('─'.repeat(Math.min(w, 60))), '');
      out.push(renderPhaseGuide(phase, methodology, paint).trimEnd());
      out.push('', paint.dim('─'.repeat(Math.min(w, 60))));
    }
  }
  heading('Exercises');
  module.exercises.forEach((e, i) => {
    out.push(`  ${i + 1}. ${paint.bold(e.title)}`);
    out.push(reflow(e.task, w, '     '));
    if (e.produces.length > 0) out.push(reflow(`Writes: ${e.produces.join(', ')}.`, w, '     '));
    out.push(reflow(`Points: ${e.items.map((id) => `${id} (${itemTitle(methodology, id)})`).join('; ')}.`, w, '     '));
  });
  heading('Readings');
  for (const r of module.readings) {
    out.push(reflow(`- ${r.title}: ${r.url}`, w, '  '));
    out.push(reflow(r.why, w, '    '));
  }
  out.push('', `Next: take the quiz with 'commready course quiz ${module.id}'.`);
  return `${out.join('\n')}\n`;
}

/** A question as shown before its options: its number, title, situation and question. */
export function renderQuestion(question: CourseQuestion, index: number, of: number, width: number, paint: Painter = plainPainter): string {
  const w = Math.max(40, Math.min(width, 100));
  return `\n${paint.bold(`Question ${index + 1} of ${of}: ${question.title}`)}\n${reflow(question.situation, w, '  ')}\n`;
}

/** What a learner sees after answering: whether it was the best answer, then every option with why. */
export function renderFeedback(
  question: CourseQuestion,
  shown: readonly number[],
  chosen: number,
  width: number,
  paint: Painter = plainPainter,
): string {
  const w = Math.max(40, Math.min(width, 100));
  const best = question.options[chosen]?.best === true;
  const out = ['', best ? paint.green('Best answer.') : paint.yellow('Not the best answer.')];
  shown.forEach((original, i) => {
    const option = question.options[original]!;
    const marks = [option.best ? 'best answer' : '', original === chosen ? 'your answer' : ''].filter(Boolean).join(', ');
    out.push(hanging(`${option.text}${marks ? ` [${marks}]` : ''}`, w, `  ${i + 1}. `, '     '));
    out.push(reflow(option.explanation, w, '     '));
  });
  return `${out.join('\n')}\n`;
}

/** The end of a quiz: the score against the pass mark, and when failed, the points to revisit. */
export function renderQuizResult(
  module: CourseModule,
  result: QuizResult,
  revisit: readonly string[],
  methodology: Methodology,
  paint: Painter = plainPainter,
): string {
  const out = [
    '',
    paint.bold(
      `${module.title}: ${result.correct} of ${result.of} best answers (${result.percent}%), ${result.passed ? paint.green('passed') : paint.yellow('not passed')} (pass mark ${percent(result.passMark)}).`,
    ),
  ];
  if (!result.passed) {
    out.push('Revisit these points before you take the quiz again:');
    for (const id of revisit) out.push(`  - ${id}: ${itemTitle(methodology, id)} ('commready explain ${id}')`);
    out.push(`Then run 'commready course quiz ${module.id}' again; questions and options come in a new order.`);
  }
  return `${out.join('\n')}\n`;
}

/** The practicum's rubric as Markdown, for the reviewer. */
export function renderRubricMarkdown(course: Course, methodology: Methodology): string {
  const md = escapeMarkdown;
  const r = course.practicum.rubric;
  const out = [
    `# Practicum rubric: ${md(course.title)}`,
    '',
    `For the reviewer of a practicum plan (course ${md(course.version)}, ${md(methodology.title)} ${md(methodology.version)}).`,
    '',
    md(r.instructions),
    '',
  ];
  for (const [i, c] of r.criteria.entries()) {
    out.push(`## ${i + 1}. ${md(c.criterion)}`, '');
    out.push(`Points: ${c.items.map((id) => `\`${id}\` (${md(itemTitle(methodology, id))})`).join('; ')}.`, '');
    out.push(`**Look for.** ${md(c.lookFor)}`, '');
    out.push('| Grade | Descriptor |', '| --- | --- |');
    out.push(`| Strong | ${md(c.strong)} |`, `| Adequate | ${md(c.adequate)} |`, `| Weak | ${md(c.weak)} |`, '');
    out.push('Grade: strong / adequate / weak. Feedback:', '');
  }
  out.push('## Result', '', md(r.pass), '');
  return `${out.join('\n').trimEnd()}\n`;
}
