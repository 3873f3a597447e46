// `commready course [topic] [target]`: the methodology as a course. Without a topic, the module list with
// progress and time; a module id, its lesson (paged in a terminal); `quiz <module>`, its quiz (a terminal
// only); `practicum <plan>`, commready's half of the practicum; `rubric`, the reviewer's half as Markdown;
// `certificate`, the certificate once everything is passed; `verify <file>`, a certificate's check.
// Progress lives in the user's state directory, never in the project, and is written atomically.
import { homedir } from 'node:os';
import path from 'node:path';
import { InputError, INTERRUPT_EXIT_CODES, INTERRUPT_SIGNALS, InterruptedError, UsageError, type InterruptSignal } from '../../errors.js';
import {
  checkCertificate,
  certificateRecord,
  recordShortfalls,
  canonicalJson,
  renderCertificateHtml,
  renderCertificateMarkdown,
} from '../../course/certificate.js';
import { casePlanFile } from '../../course/case-plans.js';
import type { CourseAsker } from '../../course/course-asker.js';
import { renderLesson, renderModuleList, renderRubricMarkdown } from '../../course/course-text.js';
import { copiedProse, isCopied, judgePracticum, type PracticumVerdict } from '../../course/practicum.js';
import { missingForCertificate, type CourseProgress, type PracticumRecord } from '../../course/progress.js';
import { loadProgress, updateProgress } from '../../course/progress-store.js';
import { progressFile, stateDirectory } from '../../course/state-dir.js';
import { planFingerprint, verificationCode } from '../../course/verification-code.js';
import { loadCourse } from '../../io/load-course.js';
import { loadValidation, toolVersion } from '../../io/package-files.js';
import { readBoundedFile, readTextFile } from '../../io/read-input.js';
import { checkOutputTargets, writeOutputFile, type OutputRules } from '../../io/write-output-file.js';
import { COURSE_TOPICS, type Course, type CourseModule, type CourseTrack } from '../../methodology/course.js';
import type { Methodology } from '../../methodology/types.js';
import { parsePlan } from '../../plan/parse-plan.js';
import type { Painter } from '../../report/types.js';
import { assessPlan } from '../../scoring/assess-plan.js';
import { didYouMean } from '../../text/closest-matches.js';
import { sanitizeLine as s } from '../../text/sanitize.js';
import type { CommandOptions } from '../command-table.js';
import type { CliIo } from '../io.js';
import { methodologyForCommand } from '../load-for-command.js';
import { createPainter } from '../paint.js';
import { resolveToday } from '../shared.js';
import { writeText } from '../write-text.js';

type CourseOptions = CommandOptions<'course'>;

interface Context {
  io: CliIo;
  options: CourseOptions;
  methodology: Methodology;
  course: Course;
  paint: Painter;
  today: string;
  /** The progress file and the rules for writing it. */
  file: string;
  rules: OutputRules;
}

export async function runCourse(topic: string | undefined, target: string | undefined, options: CourseOptions, io: CliIo): Promise<number> {
  // Checked before anything is read or remembered: without a terminal a prompt would hang on an open
  // pipe or read garbage, and a refused quiz leaves no trace.
  if (topic === 'quiz' && !isTerminal())
    throw new UsageError(
      `course quiz needs a terminal; without one, read the lesson with 'commready course ${s(target ?? '<module>')}' and take the quiz in a terminal`,
    );
  // A reviewer checking someone's certificate needs neither a course nor progress of their own.
  if (topic === 'verify') return verify(io, await createPainter(options.color, io), target, options);
  const methodology = methodologyForCommand(options);
  const validation = loadValidation();
  const course = loadCourse(methodology.location, methodology, validation);
  if (!course)
    throw new InputError([{ file: methodology.location, message: 'this methodology has no course (course.yaml beside its manifest)' }]);
  const ctx: Context = {
    io,
    options,
    methodology,
    course,
    paint: await createPainter(options.color, io),
    today: resolveToday(options, io.today),
    file: progressFile(stateDirectory({ env: io.env, platform: process.platform, home: homedir() }), course.id),
    rules: { methodologyDirs: methodology.directories },
  };
  // A reviewer reading the rubric has no progress to keep.
  if (topic === 'rubric') {
    noTarget(topic, target);
    writeText(io, renderRubricMarkdown(course, methodology));
    return 0;
  }
  const progress = remember(ctx, loadProgress(ctx.file, course));
  switch (topic) {
    case undefined:
      writeText(io, renderModuleList({ course, methodology, progress, progressFile: ctx.file }, ctx.paint), ctx.paint);
      return 0;
    case 'quiz':
      return quiz(ctx, progress, findModule(course, target, 'quiz'));
    case 'practicum':
      return practicum(ctx, progress, target);
    case 'certificate':
      noTarget(topic, target);
      return certificate(ctx, progress);
    default:
      noTarget(topic, target);
      return lesson(ctx, progress, findModule(course, topic, undefined));
  }
}

function noTarget(topic: string, target: string | undefined): void {
  if (target !== undefined) throw new UsageError(`'course ${s(topic)}' takes nothing after it, not '${s(target)}'`);
}

/** --track and --learner, checked and remembered. */
function remember(ctx: Context, progress: CourseProgress): CourseProgress {
  const { track, learner } = ctx.options;
  let next = progress;
  if (track !== undefined) {
    const ids = ctx.course.tracks.map((t) => t.id);
    if (!ids.includes(track))
      throw new UsageError(`--track: unknown track '${s(track)}'${didYouMean(track, ids)} (tracks: ${ids.join(', ')})`);
    next = { ...next, track };
  }
  if (learner !== undefined) {
    const name = learner.trim();
    if (name.length === 0 || name.length > 120 || /[\p{Cc}\p{Cf}]/u.test(name))
      throw new UsageError('--learner: give the name as it should appear on the certificate (1 to 120 characters, on one line)');
    next = { ...next, learner: name };
  }
  return next === progress ? progress : updateProgress(ctx.file, ctx.course, (stored) => ({ ...stored, ...pick(next) }), ctx.rules);
}

/** The track and learner of `p`, as fields to set. */
function pick(p: CourseProgress): Pick<CourseProgress, 'track' | 'learner'> {
  return { ...(p.track !== undefined ? { track: p.track } : {}), ...(p.learner !== undefined ? { learner: p.learner } : {}) };
}

/** A module by id or by number (0 is the introduction). */
function findModule(course: Course, name: string | undefined, topic: string | undefined): CourseModule {
  const ids = course.modules.map((m) => m.id);
  if (name === undefined) throw new UsageError(`'course ${topic ?? ''}' needs a module (modules: ${ids.join(', ')})`);
  const module = /^\d+$/.test(name) ? course.modules[Number(name)] : course.modules.find((m) => m.id === name);
  if (module) return module;
  const known = [...ids, ...(topic === undefined ? COURSE_TOPICS : [])];
  throw new UsageError(`unknown module '${s(name)}'${didYouMean(name, known)} (modules: ${ids.join(', ')})`);
}

function isTerminal(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** Runs `work` with Ctrl-C, SIGTERM and SIGHUP turned into an aborted signal, as the interview does. */
async function withSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: InterruptSignal) => (): void => {
    signals++;
    // A second signal means "now": everything is already saved after each answer. The one exit outside
    // cli/main.ts, inside a real signal handler, because the first signal is being handled.
    if (signals > 1) process.exit(INTERRUPT_EXIT_CODES[signal]);
    controller.abort(signal);
  };
  const handlers = INTERRUPT_SIGNALS.map((sig) => [sig, onSignal(sig)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  try {
    return await work(controller.signal);
  } finally {
    for (const [sig, h] of handlers) process.removeListener(sig, h);
  }
}

async function terminalAsker(ctx: Context, signal: AbortSignal): Promise<CourseAsker> {
  const { createInquirerCourseAsker } = await import('../../course/inquirer-course-asker.js');
  return createInquirerCourseAsker({ write: (text) => writeText(ctx.io, text, ctx.paint), signal, colour: true });
}

function width(ctx: Context): number {
  return ctx.io.columns ?? 80;
}

async function lesson(ctx: Context, progress: CourseProgress, module: CourseModule): Promise<number> {
  const track = ctx.course.tracks.find((t) => t.id === progress.track);
  const text = renderLesson({ course: ctx.course, methodology: ctx.methodology, module, track, width: width(ctx) }, ctx.paint);
  // Without a terminal the lesson is printed whole, for a pager, a file or a printer.
  if (!isTerminal()) {
    writeText(ctx.io, text, ctx.paint);
    return 0;
  }
  const { pageText } = await import('../../course/pager.js');
  try {
    const finished = await withSignals(async (signal) =>
      pageText(await terminalAsker(ctx, signal), text, process.stdout.rows ?? 24, process.stdout.columns ?? 80),
    );
    if (finished) {
      updateProgress(
        ctx.file,
        ctx.course,
        (stored) => ({
          ...stored,
          modules: { ...stored.modules, [module.id]: { attempts: 0, ...stored.modules[module.id], lessonRead: ctx.today } },
        }),
        ctx.rules,
      );
      writeText(ctx.io, `Lesson read. Take the quiz with 'commready course quiz ${module.id}'.\n`, ctx.paint);
    }
    return 0;
  } catch (error) {
    if (error instanceof InterruptedError)
      throw new InterruptedError(error.signal, `stopped reading; open the lesson again with: commready course ${module.id}`);
    throw error;
  }
}

async function quiz(ctx: Context, progress: CourseProgress, module: CourseModule): Promise<number> {
  if (!progress.track) {
    const ids = ctx.course.tracks.map((t) => t.id).join(', ');
    throw new UsageError(`choose your track first: commready course quiz ${module.id} --track <id> (tracks: ${ids})`);
  }
  const { runQuiz } = await import('../../course/run-quiz.js');
  let saved = progress;
  try {
    const outcome = await withSignals(async (signal) =>
      runQuiz(await terminalAsker(ctx, signal), {
        methodology: ctx.methodology,
        module,
        progress,
        // Only this module's part is the quiz's to write: the rest is taken from the file as it is now.
        save: (next) => {
          const mine = next.modules[module.id];
          saved = updateProgress(
            ctx.file,
            ctx.course,
            (stored) => ({ ...stored, modules: { ...stored.modules, ...(mine ? { [module.id]: mine } : {}) } }),
            ctx.rules,
          );
        },
        random: Math.random,
        today: ctx.today,
        width: width(ctx),
        paint: ctx.paint,
      }),
    );
    return outcome.result.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof InterruptedError) {
      const answered = Object.keys(saved.modules[module.id]?.current?.answers ?? {}).length;
      throw new InterruptedError(
        error.signal,
        // The command on a line of its own, as the interview says it: a narrow terminal does not break it mid-word.
        `stopped; ${answered} answer${answered === 1 ? '' : 's'} of this attempt saved.\nContinue where you left off with:\n  commready course quiz ${module.id}`,
      );
    }
    throw error;
  }
}

/** What judging a practicum plan came to: copied from the worked plans, not passed, or passed (with its record). */
type PracticumOutcome =
  | { kind: 'copied'; copied: { copied: number; of: number } }
  | { kind: 'not passed'; community: string; verdict: PracticumVerdict }
  | { kind: 'passed'; record: PracticumRecord };

/**
 * Judges a practicum plan as of the course's day, under its track's profile: the one judgement both the
 * practicum and the certificate make, so a certificate is never written on a plan that no longer passes.
 */
function judgePracticumPlan(ctx: Context, track: CourseTrack, file: string): PracticumOutcome {
  const validation = loadValidation();
  const bytes = readBoundedFile(file);
  const plan = parsePlan(file, readTextFile(file), ctx.methodology, validation);
  // The worked plans are the reviewer's, not answers to hand in, whichever track they are of.
  const copied = copiedProse(plan.data, workedPlans(ctx));
  if (isCopied(copied)) return { kind: 'copied', copied };
  const assessment = assessPlan(plan, ctx.methodology, validation, { today: ctx.today });
  const verdict = judgePracticum(assessment, ctx.methodology, track, ctx.course.practicum.level);
  const community = assessment.community.name || plan.file;
  if (!verdict.passed) return { kind: 'not passed', community, verdict };
  return {
    kind: 'passed',
    record: {
      // Kept whole, so the certificate finds the plan again from any folder.
      file: path.resolve(file),
      fingerprint: planFingerprint(bytes),
      community,
      track: track.id,
      level: { id: verdict.level.id, title: verdict.level.title },
      score: verdict.score,
      assessedOn: ctx.today,
      methodology: { id: ctx.methodology.id, version: ctx.methodology.version },
    },
  };
}

function practicum(ctx: Context, progress: CourseProgress, file: string | undefined): number {
  if (file === undefined) throw new UsageError("'course practicum' needs the plan file of your track's case community");
  const track = ctx.course.tracks.find((t) => t.id === progress.track);
  if (!track) {
    const ids = ctx.course.tracks.map((t) => t.id).join(', ');
    throw new UsageError(`choose your track first: commready course practicum ${s(file)} --track <id> (tracks: ${ids})`);
  }
  const say = (text: string): void => writeText(ctx.io, text, ctx.paint);
  const outcome = judgePracticumPlan(ctx, track, file);
  if (outcome.kind === 'copied') {
    say(
      `${s(file)} has ${outcome.copied.copied} of its ${outcome.copied.of} written answers word for word from the course's worked plans; the practicum is a plan you write yourself. Nothing recorded.\n`,
    );
    return 1;
  }
  if (outcome.kind === 'not passed') {
    const { community, verdict } = outcome;
    const lines = [`Practicum not passed: ${s(community)} is judged as of ${ctx.today}.`];
    if (verdict.profile)
      lines.push(
        `  It is judged as ${s(verdict.profile.type ?? 'no type')} (${verdict.profile.formality}); your track, ${track.title}, asks for community.type: ${track.type} and community.formality: ${track.formality}.`,
      );
    lines.push(
      `  Level: ${verdict.level.title} (readiness ${verdict.score}); the practicum asks for ${verdict.wanted.title} with no blocker open.`,
    );
    if (verdict.openBlockers.length > 0) lines.push(`  Open blockers: ${verdict.openBlockers.join(', ')}.`);
    lines.push(`  Run 'commready report ${s(file)}' for every gap and the shortest path to ${verdict.wanted.title}.`);
    say(`${lines.join('\n')}\n`);
    return 1;
  }
  const { record } = outcome;
  updateProgress(ctx.file, ctx.course, (stored) => ({ ...stored, practicum: record }), ctx.rules);
  say(
    [
      `Practicum: ${s(record.community)} reaches ${record.level.title} (readiness ${record.score}) with no blocker open under the ${track.title} profile, judged as of ${ctx.today}.`,
      `Recorded, with the plan's fingerprint (SHA-256) ${record.fingerprint}.`,
      `Next: ask a reviewer to grade the judgement calls with the rubric ('commready course rubric > rubric.md'), then 'commready course certificate'.`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** The data of every track's worked plan there is (a course without them still judges the learner's). */
function workedPlans(ctx: Context): unknown[] {
  const validation = loadValidation();
  const plans: unknown[] = [];
  for (const track of ctx.course.tracks) {
    const file = casePlanFile(ctx.course, track);
    try {
      plans.push(parsePlan(file, readTextFile(file), ctx.methodology, validation).data);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return plans;
}

/**
 * The practicum judged again as the certificate is written: the plan may have been edited or removed since
 * it was recorded, and a certificate vouches for the plan as it is. Its fresh record, or the one line that
 * refuses the certificate.
 */
function practicumAtIssue(ctx: Context, progress: CourseProgress): PracticumRecord | string {
  const stored = progress.practicum!;
  const track = ctx.course.tracks.find((t) => t.id === stored.track)!;
  const file = stored.file;
  const again = `record the practicum again with 'commready course practicum <your plan>'`;
  let outcome: PracticumOutcome;
  try {
    outcome = judgePracticumPlan(ctx, track, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return `No certificate: the practicum plan ${s(file)} cannot be read or judged (${s(error.diagnostics[0]?.message ?? 'unreadable')}); ${again}.`;
  }
  if (outcome.kind === 'copied')
    return `No certificate: the practicum plan ${s(file)} now has ${outcome.copied.copied} of its ${outcome.copied.of} written answers word for word from the course's worked plans; ${again}.`;
  if (outcome.kind === 'not passed') {
    const { verdict } = outcome;
    const blockers = verdict.openBlockers.length > 0 ? `, blockers open: ${verdict.openBlockers.join(', ')}` : '';
    const judged = verdict.profile
      ? `it is judged as ${s(verdict.profile.type ?? 'no type')} (${verdict.profile.formality}), not under the ${track.title} profile`
      : `${verdict.level.title} (readiness ${verdict.score}${blockers}) where the practicum asks for ${verdict.wanted.title} with no blocker open`;
    return `No certificate: the practicum plan ${s(file)} no longer passes as of ${ctx.today}: ${judged}; ${again}.`;
  }
  return outcome.record;
}

function certificate(ctx: Context, progress: CourseProgress): number {
  const missing = missingForCertificate(ctx.course, progress);
  if (missing.length > 0) {
    writeText(ctx.io, `No certificate yet. It needs you to:\n${missing.map((m) => `  - ${m}`).join('\n')}\n`, ctx.paint);
    return 1;
  }
  const practicumNow = practicumAtIssue(ctx, progress);
  if (typeof practicumNow === 'string') {
    writeText(ctx.io, `${practicumNow}\n`, ctx.paint);
    return 1;
  }
  const issued = { ...progress, practicum: practicumNow };
  const record = certificateRecord(ctx.course, ctx.methodology, issued, ctx.today, `commready ${toolVersion()}`);
  const code = verificationCode(canonicalJson(record));
  const base = ctx.options.output;
  const outputs = [
    { file: `${base}.md`, text: renderCertificateMarkdown(record, code) },
    { file: `${base}.html`, text: renderCertificateHtml(record, code) },
  ];
  checkOutputTargets(
    outputs.map((o) => o.file),
    ctx.rules,
  );
  for (const o of outputs) writeOutputFile(o.file, o.text, ctx.rules);
  writeText(
    ctx.io,
    `Wrote ${s(outputs[0]!.file)} and ${s(outputs[1]!.file)}: ${s(record.learner)}, ${s(record.course.title)}, ${record.track.title} track, ${record.date}.\nVerification code ${code}; anyone can check it with 'commready course verify ${s(outputs[0]!.file)}'.\n`,
    ctx.paint,
  );
  return 0;
}

const FAILURES = {
  'no-record': 'it carries no certificate record (not a certificate commready wrote, or its record was removed)',
  'not-a-record': 'its record is damaged or incomplete',
  'code-mismatch': 'its record does not match its verification code: it was changed after it was written',
  'text-changed': 'its text differs from what its record says: it was changed after it was written',
} as const;

function verify(io: CliIo, paint: Painter, file: string | undefined, options: CourseOptions): number {
  if (file === undefined) throw new UsageError("'course verify' needs the certificate file (.md or .html)");
  const check = checkCertificate(readTextFile(file), verificationCode);
  if (!check.ok) {
    writeText(io, `${s(file)}: NOT valid: ${FAILURES[check.reason]}.\n`, paint);
    return 1;
  }
  const r = check.record;
  const methodology = methodologyForCommand(options);
  const course = loadCourse(methodology.location, methodology, loadValidation());
  const short = course ? recordShortfalls(r, course) : undefined;
  if (short && short.length > 0) {
    writeText(io, `${s(file)}: NOT valid: its record does not show a pass of ${short.map((id) => `'${s(id)}'`).join(', ')}.\n`, paint);
    return 1;
  }
  const against = short
    ? `its scores pass course ${s(r.course.version)}`
    : `its scores are not checked (course ${s(r.course.id)} ${s(r.course.version)} is not the one at hand)`;
  // The code is a hash anyone with commready can compute: it shows the page is what its record says, not
  // that the record is true, and the reader should know which.
  writeText(
    io,
    `${s(file)}: valid. ${s(r.learner)} completed ${s(r.course.title)} (course ${s(r.course.version)}, ${s(r.methodology.title)} ${s(r.methodology.version)}), ${s(r.track.title)} track, on ${s(r.date)}; practicum plan ${s(r.practicum.fingerprint)}; code ${check.code}. The page matches its record and code, and ${against}. The code needs no secret, so anyone with commready can write a record that verifies: it records a self-paced assessment, not an accreditation; to check the practicum, ask for the plan and compare its SHA-256.\n`,
    paint,
  );
  return 0;
}
