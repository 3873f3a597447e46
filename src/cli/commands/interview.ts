// `commready interview [plan]`: the readiness interview in a terminal. Saves after every answer; Ctrl-C,
// SIGTERM and SIGHUP stop it with everything answered so far saved, and say how to resume.
import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { INTERRUPT_EXIT_CODES, INTERRUPT_SIGNALS, InterruptedError, OutputError, UsageError, type InterruptSignal } from '../../errors.js';
import { loadSchemas, loadValidation, toolVersion } from '../../io/package-files.js';
import { planSchemaRef } from '../../io/plan-schema-ref.js';
import { readPlanForEdit, savePlanText, type PlanFileState } from '../../io/save-plan.js';
import { checkOutputTargets, removeStaleTemporaryFiles, writeOutputFile, type OutputRules } from '../../io/write-output-file.js';
import type { Asker, Block } from '../../interview/asker.js';
import type { InterviewOptions } from '../../interview/run-interview.js';
import { assessPlanText } from '../../interview/assess-plan-text.js';
import { renderGapReport } from '../../interview/gap-report.js';
import { pathSegments, type QuestionSpec } from '../../interview/question-model.js';
import { questionsFromMethodology } from '../../interview/questions-from-methodology.js';
import { safeText } from '../../interview/safe-text.js';
import { screenerQuestions } from '../../interview/screener-questions.js';
import { withDetectedDefaults } from '../../interview/detected-defaults.js';
import { planSchemaHasPath } from '../../methodology/plan-schema-paths.js';
import { allItems, type Methodology } from '../../methodology/types.js';
import { parsePlan } from '../../plan/parse-plan.js';
import type { Plan } from '../../plan/types.js';
import { renderStarterPlan } from '../../plan/starter-plan.js';
import { isFormat } from '../../report/formatters.js';
import type { Format } from '../../report/types.js';
import { assessPlan } from '../../scoring/assess-plan.js';
import type { PlanAssessment } from '../../scoring/types.js';
import { didYouMean } from '../../text/closest-matches.js';
import type { Validation } from '../../validation/schema-validation.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { writeText } from '../write-text.js';
import { MethodologyCache, checkChecklistsOption, methodologyDirFor, resolveToday } from '../shared.js';
import type { CommandOptions } from '../command-table.js';

type InterviewCommandOptions = CommandOptions<'interview'>;

export async function runInterviewCommand(file: string, options: InterviewCommandOptions, io: CliIo): Promise<number> {
  requireTerminal(file);
  // Inquirer takes a while to load: start now, while the plan and methodology are read.
  const askerModule = import('../../interview/inquirer-asker.js');
  const flowModule = import('../../interview/run-interview.js');
  // A failure is reported where it is awaited; this only keeps an early rejection from being unhandled.
  askerModule.catch(() => undefined);
  flowModule.catch(() => undefined);
  checkChecklistsOption(options);
  const today = resolveToday(options, io.today);
  const validation = loadValidation();
  const planSchema = loadSchemas().plan;
  const opened = openPlan(file, options, validation, today);
  // --detect: what detect finds in the repository here becomes the defaults of empty questions.
  const detected = options.detect ? await (await import('../detect-defaults.js')).detectedDefaults(file, options, io) : undefined;
  if (detected) writeText(io, `${detected.summary}\n`);

  const controller = new AbortController();
  const stopWatching = watchSignals(controller);
  const paint = await createPainter(options.color, io);
  const session: Session = { file, options, io, today, validation, planSchema, ...opened, saved: 0 };
  try {
    const { createInquirerAsker } = await askerModule;
    const { runInterview } = await flowModule;
    const terminalAsker = createInquirerAsker({
      paint,
      write: (s) => io.stdout(s),
      signal: controller.signal,
      columns: () => process.stdout.columns,
      env: io.env,
    });
    const asker = detected ? withDetectedDefaults(terminalAsker, detected.defaults) : terminalAsker;
    const result = await runInterview(asker, interviewOptions(session, terminalAsker, asker, controller.signal));
    io.stdout(
      `${result.answered > 0 ? `Saved in ${safeText(file)}.` : 'Nothing changed.'} Check it any time with 'commready lint ${safeText(file)}'.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof InterruptedError) {
      const saved = session.saved;
      // This session's saves, said as such: the next banner counts every answer the plan holds.
      const what =
        saved === 0
          ? 'nothing was changed this session'
          : `${saved} answer${saved === 1 ? '' : 's'} saved this session in ${safeText(file)}`;
      // The command on a line of its own, so that a narrow terminal does not break it mid-word.
      throw new InterruptedError(
        error.signal,
        `stopped; ${what}.\nContinue where you left off with:\n  commready interview ${safeText(file)}`,
      );
    }
    throw error;
  } finally {
    stopWatching();
  }
}

/** Checked before Inquirer loads: without a terminal a prompt would hang on an open pipe or read garbage. */
function requireTerminal(file: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      `interview needs a terminal; without one, fill in the plan file and check it with 'commready lint ${safeText(file)}' or 'commready report ${safeText(file)}'`,
    );
  }
}

/** The plan opened for the interview: its file state, text and methodology, and its assessment if it exists. */
interface OpenedPlan {
  state: PlanFileState;
  methodology: Methodology;
  assessment: PlanAssessment | undefined;
  text: string;
  /** Where the plan may be saved: never a file of the methodology itself. */
  saveRules: OutputRules;
}

/** One interview command's files and what it has saved so far. */
interface Session extends OpenedPlan {
  file: string;
  options: InterviewCommandOptions;
  io: CliIo;
  today: string;
  validation: Validation;
  planSchema: Record<string, unknown>;
  /** Answers saved, for the message when the interview is stopped. */
  saved: number;
}

/**
 * The plan to interview, checked before the first question: a link, a device, a missing folder, a
 * read-only plan or folder are refused (a rename would replace a file its owner protected); an existing
 * plan must be valid, exactly as lint reads it (errors keep their file:line:col); a new one starts from
 * the starter plan.
 */
function openPlan(file: string, options: InterviewCommandOptions, validation: Validation, today: string): OpenedPlan {
  checkOutputTargets([file]);
  checkWritable(file);
  // A temporary file a killed session left beside the plan goes now.
  removeStaleTemporaryFiles(file);
  const state: PlanFileState = readPlanForEdit(file);
  let methodology: Methodology;
  let assessment: PlanAssessment | undefined;
  let text: string;
  if (state.hash === null) {
    methodology = new MethodologyCache(validation).get(methodologyDirFor(undefined, options));
    text = renderStarterPlan(methodology, { schemaPath: planSchemaRef(file), name: '' });
  } else {
    const cache = new MethodologyCache(validation);
    const methodologyOf = (p: Plan): Methodology => cache.get(methodologyDirFor(p, options));
    const plan = parsePlan(file, state.text, methodologyOf, validation);
    // The cache hands back the methodology the plan was just checked against.
    methodology = methodologyOf(plan);
    assessment = assessPlan(plan, methodology, validation, { today });
    text = state.text;
  }
  checkScope(options, methodology);
  // Never a file of the methodology itself (a new plan saved there would break it).
  const saveRules: OutputRules = { methodologyDirs: methodology.directories };
  checkOutputTargets([file], saveRules);
  return { state, methodology, assessment, text, saveRules };
}

/**
 * SIGINT, SIGTERM and SIGHUP abort the interview (everything answered is already saved); a second
 * signal leaves at once. Returns what stops watching.
 */
function watchSignals(controller: AbortController): () => void {
  let signals = 0;
  const onSignal = (signal: InterruptSignal) => (): void => {
    signals++;
    // A second signal means "now": everything answered is already saved, so leave at once. This is the
    // one exit outside cli/main.ts, inside a real signal handler, because the first one is being ignored.
    if (signals > 1) process.exit(INTERRUPT_EXIT_CODES[signal]);
    controller.abort(signal);
  };
  const handlers = INTERRUPT_SIGNALS.map((s) => [s, onSignal(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  return () => {
    for (const [s, h] of handlers) process.removeListener(s, h);
  };
}

/** What the interview is given: the questions, the plan, how an answer is saved and how the gap report is written. */
function interviewOptions(
  session: Session,
  terminalAsker: { busy<T>(label: string, work: () => Promise<T>): Promise<T> },
  asker: Asker,
  signal: AbortSignal,
): InterviewOptions {
  const { file, options, methodology, planSchema, validation, today, text, assessment } = session;
  const memory = interviewMemory(file, session.io.env, today);
  const reportFormat: Format = isFormat('markdown') ? ('markdown' as Format) : 'text';
  const reportFile = gapReportFile(file, reportFormat === 'text' ? 'txt' : 'md');
  let questions: QuestionSpec[] | undefined;
  return {
    methodology,
    planSchema,
    showPaths: options.showPaths === true,
    skippedBefore: memory.skipped(),
    rememberSkipped: (blocks) => memory.remember(blocks),
    screener: screenerQuestions(methodology),
    // Built on first use: a new plan's screener comes first, and its first question need not wait for every other.
    get questions() {
      return (questions ??= questionsFromMethodology(methodology, planSchema));
    },
    doc: parseDocument(text, { schema: 'core' }),
    text,
    newPlan: session.state.hash === null,
    ...(assessment ? { assessment } : {}),
    accepts: (p) => planSchemaHasPath(planSchema, pathSegments(p)),
    commit: (next) => {
      checkWritable(file);
      const outcome = assessPlanText(file, next, methodology, validation, today);
      if (outcome.ok) {
        session.state = savePlanText(session.state, next, session.saveRules);
        session.saved++;
      }
      return outcome;
    },
    scope: {
      ...(options.phase ? { phase: options.phase } : {}),
      ...(options.item?.length ? { items: options.item } : {}),
      all: options.all === true,
      onlyGaps: options.onlyGaps === true,
    },
    signal,
    today,
    gapReportName: path.basename(reportFile),
    writeGapReport: async () => {
      // A link or a device there is refused before the user is asked to replace it.
      const reportRules: OutputRules = { ...session.saveRules, inputs: [file] };
      checkOutputTargets([reportFile], reportRules);
      if (existsSync(reportFile) && !(await asker.confirm(`${safeText(reportFile)} exists. Replace it?`, false))) return undefined;
      const latest = assessPlanText(file, session.state.text, methodology, validation, today);
      if (!latest.ok) return undefined;
      const body = renderGapReport(latest.assessment, methodology, reportFormat, toolVersion());
      await terminalAsker.busy('Writing the gap report', async () => writeOutputFile(reportFile, body, reportRules));
      return reportFile;
    },
  };
}

function checkScope(options: InterviewCommandOptions, m: Methodology): void {
  if (options.phase !== undefined && !m.phases.some((p) => p.id === options.phase)) {
    throw new UsageError(
      `--phase: unknown phase '${safeText(options.phase)}'${didYouMean(
        options.phase,
        m.phases.map((p) => p.id),
      )} (phases: ${m.phases.map((p) => p.id).join(', ')})`,
    );
  }
  const ids = allItems(m).map((i) => i.id);
  for (const id of options.item ?? []) {
    if (!ids.includes(id)) throw new UsageError(`--item: unknown item '${safeText(id)}'${didYouMean(id, ids)}`);
  }
}

/** A read-only plan, or a folder where it cannot be written, is refused: never replaced by a rename. */
function checkWritable(file: string): void {
  const problem = (target: string, what: string): string | undefined => {
    try {
      accessSync(target, constants.W_OK);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? what : undefined;
    }
  };
  const readOnly = 'is read-only; commready does not replace a protected plan (make it writable, or interview a copy)';
  // The file's own mode too: a superuser passes every access check, yet a plan without a write bit is protected.
  const why = existsSync(file) ? ((statSync(file).mode & 0o222) === 0 ? readOnly : problem(file, readOnly)) : undefined;
  const folder = problem(path.dirname(path.resolve(file)), `cannot be saved: its folder '${path.dirname(file)}' is not writable`);
  if (why ?? folder) throw new OutputError(file, (why ?? folder)!);
}

/**
 * What the interview remembers about a plan between sessions, outside the plan and out of the user's
 * way (in the user's state folder): the blocks of questions they chose to skip. Losing it costs only a
 * question offered again, so it never stops the interview.
 */
function interviewMemory(
  file: string,
  env: NodeJS.ProcessEnv,
  today: string,
): { skipped(): Block[]; remember(blocks: readonly Block[]): void } {
  const home = env.XDG_STATE_HOME || path.join(env.HOME || homedir(), '.local', 'state');
  const store = path.join(home, 'commready', 'interview.json');
  const key = (): string => {
    try {
      return realpathSync(file);
    } catch {
      return path.resolve(file);
    }
  };
  const read = (): Record<string, { skipped?: Block[]; at?: string }> => {
    try {
      const parsed = JSON.parse(readFileSync(store, 'utf8')) as { plans?: Record<string, { skipped?: Block[]; at?: string }> };
      return parsed.plans && typeof parsed.plans === 'object' ? parsed.plans : {};
    } catch {
      return {};
    }
  };
  return {
    skipped: () => {
      const entry = read()[key()];
      return Array.isArray(entry?.skipped) ? entry.skipped.filter((b) => b === 'optional') : [];
    },
    remember: (blocks) => {
      try {
        const plans = read();
        plans[key()] = { skipped: [...blocks], at: today };
        // Bounded: the plans remembered longest ago are forgotten first.
        const kept = Object.entries(plans)
          .sort((a, b) => ((a[1].at ?? '') < (b[1].at ?? '') ? 1 : -1))
          .slice(0, 200);
        mkdirSync(path.dirname(store), { recursive: true });
        writeOutputFile(store, `${JSON.stringify({ version: 1, plans: Object.fromEntries(kept) }, null, 2)}\n`);
      } catch {
        // Not remembered: the block is offered again next time.
      }
    },
  };
}

/** `plans/acme.yaml` → `plans/acme.gaps.md`. */
export function gapReportFile(planFile: string, extension: string): string {
  const ext = path.extname(planFile);
  return path.join(path.dirname(planFile), `${path.basename(planFile, ext)}.gaps.${extension}`);
}
