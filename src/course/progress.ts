// Pure: a learner's progress through a course (lessons read, quiz attempts and results, the practicum),
// as stored in the state directory, and what it still lacks for a certificate. Stored as JSON; read back
// through parseProgress, which refuses anything it did not write.
import { questionsFor, type Course, type CourseModule } from '../methodology/course.js';
import { passes } from './quiz.js';

/** The version of the stored progress; a file of another version is refused, never guessed at. */
export const PROGRESS_FORMAT = 1;

/** A quiz being taken: the order it is asked in, and the answers given so far (by original option index). */
export interface QuizAttempt {
  /** Question ids, in the order asked. */
  order: string[];
  /** For each question, the original option indexes in the order shown. */
  shown: Record<string, number[]>;
  /** For each question answered, the original index of the option chosen. */
  answers: Record<string, number>;
  started: string;
}

/** A finished quiz. */
export interface QuizResult {
  correct: number;
  of: number;
  /** Whole percent, rounded down (so that a result shown as 80% is never below an 80% mark). */
  percent: number;
  passed: boolean;
  passMark: number;
  on: string;
  track: string | null;
  /** The ids of the questions it was taken on, sorted: a pass counts while the module asks the same ones. */
  questions: string[];
  /** The ids of the questions answered with another option than the best. */
  missed: string[];
  /**
   * The option chosen for each question (original index), so that a pass is scored again from the course
   * before it counts: a result edited by hand to say "passed" has no answers that make it one. Results
   * written before answers were kept have none, and are taken again.
   */
  answers?: Record<string, number>;
}

export interface ModuleProgress {
  /** The date the lesson was read to its end. */
  lessonRead?: string;
  attempts: number;
  best?: QuizResult;
  last?: QuizResult;
  current?: QuizAttempt;
}

/** The practicum, once its plan reached the level asked. */
export interface PracticumRecord {
  /** The plan file, as given. */
  file: string;
  /** SHA-256 of the plan file's bytes, hex. */
  fingerprint: string;
  community: string;
  track: string;
  level: { id: string; title: string };
  score: number;
  /** The day the plan was judged as of. */
  assessedOn: string;
  methodology: { id: string; version: string };
}

export interface CourseProgress {
  format: typeof PROGRESS_FORMAT;
  course: { id: string; version: string };
  learner?: string;
  track?: string;
  modules: Record<string, ModuleProgress>;
  practicum?: PracticumRecord;
}

export function emptyProgress(course: Pick<Course, 'id' | 'version'>): CourseProgress {
  return { format: PROGRESS_FORMAT, course: { id: course.id, version: course.version }, modules: {} };
}

/** The question ids a learner on `track` is asked in `module`, sorted. */
export function questionSet(module: CourseModule, track: string | undefined): string[] {
  return questionsFor(module, track)
    .map((q) => q.id)
    .sort();
}

export type QuizState = 'not taken' | 'in progress' | 'passed' | 'failed' | 'retake' | 'unproven';

export interface ModuleStatus {
  lessonRead: boolean;
  quiz: QuizState;
  /** The best result that still counts (taken on the questions the module asks now). */
  best?: QuizResult;
  attempts: number;
}

/**
 * Where a learner stands in a module. A pass counts only while the module asks the same questions it was
 * taken on: a new track, or a course update that changed the questions, asks for the quiz again.
 */
export function moduleStatus(module: CourseModule, progress: CourseProgress): ModuleStatus {
  const p = progress.modules[module.id];
  const wanted = questionSet(module, progress.track).join();
  const counts = (r: QuizResult | undefined): r is QuizResult => r !== undefined && r.questions.join() === wanted;
  const taken = counts(p?.best) ? p.best : undefined;
  const unproven = taken?.passed === true && !passHolds(module, taken);
  const best = unproven ? undefined : taken;
  let quiz: QuizState;
  if (p?.current && Object.keys(p.current.answers).length > 0) quiz = 'in progress';
  else if (best?.passed) quiz = 'passed';
  else if (unproven) quiz = 'unproven';
  else if (p?.best && !counts(p.best)) quiz = 'retake';
  else if (best) quiz = 'failed';
  else quiz = 'not taken';
  return { lessonRead: p?.lessonRead !== undefined, quiz, ...(best ? { best } : {}), attempts: p?.attempts ?? 0 };
}

/**
 * Whether a result that says "passed" is one: its answers, scored again against the module's questions and
 * pass mark, give the same count and a pass. The progress file is the learner's to edit, so its own
 * `passed`, `correct` and `percent` are never taken on trust.
 */
export function passHolds(module: CourseModule, result: QuizResult): boolean {
  const answers = result.answers;
  if (!answers) return false;
  const questions = questionsFor(module, result.track ?? undefined);
  if (
    questions
      .map((q) => q.id)
      .sort()
      .join() !== result.questions.join()
  )
    return false;
  const correct = questions.filter((q) => q.options[answers[q.id] ?? -1]?.best === true).length;
  return correct === result.correct && questions.length === result.of && passes(correct, questions.length, module.passMark);
}

/**
 * The better of two results of the same quiz: a pass over a fail, then the higher share, then the later. A
 * stored pass its answers do not bear out is no result at all: it never outranks one just taken.
 */
export function betterResult(module: CourseModule, a: QuizResult | undefined, b: QuizResult): QuizResult {
  if (!a || a.questions.join() !== b.questions.join() || (a.passed && !passHolds(module, a))) return b;
  if (a.passed !== b.passed) return b.passed ? b : a;
  return b.correct / b.of >= a.correct / a.of ? b : a;
}

/** What a certificate still needs, in words a learner can act on; empty when it can be written. */
export function missingForCertificate(course: Course, progress: CourseProgress): string[] {
  const missing: string[] = [];
  if (!progress.track) missing.push(`choose your track with --track (${course.tracks.map((t) => t.id).join(', ')})`);
  for (const m of course.modules) {
    const status = moduleStatus(m, progress);
    if (status.quiz !== 'passed') missing.push(`pass the quiz of module '${m.id}' (commready course quiz ${m.id})`);
  }
  const practicum = progress.practicum;
  if (!practicum) missing.push('record the practicum: commready course practicum <your plan>');
  else if (practicum.track !== progress.track)
    missing.push(`record the practicum again for your track '${progress.track ?? ''}' (it was recorded for '${practicum.track}')`);
  if (!progress.learner) missing.push('give the name for the certificate with --learner "<your name>"');
  return missing;
}

/** Reads stored progress back, or says why it cannot: anything this version did not write is refused. */
export function parseProgress(value: unknown): CourseProgress | { problem: string } {
  const bad = (problem: string): { problem: string } => ({ problem });
  if (!isRecord(value)) return bad('it is not a JSON object');
  if (value.format !== PROGRESS_FORMAT) return bad(`it is not progress format ${PROGRESS_FORMAT}`);
  const course = value.course;
  if (!isRecord(course) || typeof course.id !== 'string' || typeof course.version !== 'string') return bad('it names no course');
  if (value.learner !== undefined && typeof value.learner !== 'string') return bad('its learner is not a text');
  if (value.track !== undefined && typeof value.track !== 'string') return bad('its track is not a text');
  if (!isRecord(value.modules)) return bad('it has no modules');
  for (const [id, m] of Object.entries(value.modules)) {
    if (!isRecord(m) || typeof m.attempts !== 'number') return bad(`module '${id}' is not a module's progress`);
    if (m.lessonRead !== undefined && typeof m.lessonRead !== 'string') return bad(`module '${id}' has a lesson date that is not a date`);
    for (const key of ['best', 'last'] as const)
      if (m[key] !== undefined && !isResult(m[key])) return bad(`module '${id}' has a broken ${key} result`);
    if (m.current !== undefined && !isAttempt(m.current)) return bad(`module '${id}' has a broken quiz in progress`);
  }
  if (value.practicum !== undefined && !isPracticum(value.practicum)) return bad('its practicum record is broken');
  return value as unknown as CourseProgress;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function isResult(v: unknown): boolean {
  return (
    isRecord(v) &&
    typeof v.correct === 'number' &&
    typeof v.of === 'number' &&
    typeof v.percent === 'number' &&
    typeof v.passed === 'boolean' &&
    typeof v.passMark === 'number' &&
    typeof v.on === 'string' &&
    (v.track === null || typeof v.track === 'string') &&
    isStrings(v.questions) &&
    isStrings(v.missed) &&
    (v.answers === undefined || (isRecord(v.answers) && Object.values(v.answers).every((n) => Number.isInteger(n))))
  );
}

function isAttempt(v: unknown): boolean {
  return (
    isRecord(v) &&
    isStrings(v.order) &&
    typeof v.started === 'string' &&
    isRecord(v.shown) &&
    Object.values(v.shown).every((o) => Array.isArray(o) && o.every((n) => Number.isInteger(n))) &&
    isRecord(v.answers) &&
    Object.values(v.answers).every((n) => Number.isInteger(n))
  );
}

function isPracticum(v: unknown): boolean {
  return (
    isRecord(v) &&
    typeof v.file === 'string' &&
    typeof v.fingerprint === 'string' &&
    typeof v.community === 'string' &&
    typeof v.track === 'string' &&
    isRecord(v.level) &&
    typeof v.level.id === 'string' &&
    typeof v.level.title === 'string' &&
    typeof v.score === 'number' &&
    typeof v.assessedOn === 'string' &&
    isRecord(v.methodology) &&
    typeof v.methodology.id === 'string' &&
    typeof v.methodology.version === 'string'
  );
}
