// `commready lint`: checks plans against thresholds for CI. Exit 0 pass, 1 fail, 2 input or usage error.
// The methodology and the thresholds come from the command line or the project config, never from a plan alone.
import { appendFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError, type Diagnostic } from '../../errors.js';
import { CONFIG_FILES as CONFIG_FILE_NAMES } from '../../io/config-files.js';
import { loadValidation, toolVersion } from '../../io/package-files.js';
import { findConfig, loadConfig, type PlanParamsPolicy, type ProjectConfig } from '../../io/load-config.js';
import { displayPath } from '../../io/load-methodology.js';
import { builtinChecklistsDir } from '../../io/package-files.js';
import { readReportFile } from '../../io/read-report.js';
import { resolveInputs } from '../../io/resolve-inputs.js';
import { judgePlan, type FailOn, type Thresholds } from '../../scoring/verdict.js';
import { waiverDaysFor, type WaiverDays } from '../../scoring/assess-plan.js';
import type { PlanAssessment } from '../../scoring/types.js';
import {
  joinOutput,
  plainPainter,
  type FormatContext,
  type FormatWriter,
  type LintVerdict,
  type JudgedPlan,
  type LintVerdictReason,
  type RunStart,
} from '../../report/types.js';
import { RunTally, withLintDetails } from '../../report/lint-details.js';
import type { Methodology } from '../../methodology/types.js';
import type { Validation } from '../../validation/schema-validation.js';
import type { OutputRequest } from '../shared.js';
import { decodeText, describeFsError, maxFileSize } from '../../io/read-input.js';
import { compileIgnores, isConfigFileName, type IgnoreRules, type IgnoreSource } from '../../io/ignore-patterns.js';
import { escapeJsonText, sortKeys } from '../../report/format-json.js';
import { STEP_SUMMARY_MAX_BYTES } from '../../report/step-summary-limits.js';
import { sanitizeLine } from '../../text/sanitize.js';
import type { AssessedFile, AssessPolicy } from '../assess-files.js';
import { assessAll, workerCount } from '../assess-in-workers.js';
import { asPath } from '../lint-policy.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import {
  checkChecklistsOption,
  formatExtras,
  parseNumberOption,
  parseOutputRequests,
  parseWholeNumberOption,
  resolveToday,
} from '../shared.js';
import { openOutputs } from '../write-outputs.js';
import type { CommandOptions } from '../command-table.js';

type LintOptions = CommandOptions<'lint'>;

export async function runLint(inputs: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const config = projectConfig(options);
  // commander accepts only FAIL_ON's values for --fail-on, and the config's schema the same.
  const failOn: FailOn = options.failOn ?? config?.lint.failOn ?? 'blocker';
  const minScore = options.minScore !== undefined ? parseNumberOption('--min-score', options.minScore, 0, 100) : config?.lint.minScore;
  const minLevel = options.minLevel ?? config?.lint.minLevel;
  const thresholds: Thresholds = {
    failOn,
    ...(minScore !== undefined ? { minScore } : {}),
    ...(minLevel !== undefined ? { minLevel } : {}),
  };
  const maxFindings =
    options.maxFindings !== undefined ? parseWholeNumberOption('--max-findings', options.maxFindings) : config?.lint.maxFindings;
  const maxGaps = options.maxGaps !== undefined ? parseWholeNumberOption('--max-gaps', options.maxGaps) : config?.lint.maxGaps;
  const ignoreSources: IgnoreSource[] = [
    ...(config?.ignores ? [{ base: path.dirname(path.resolve(config.file)), patterns: config.ignores, origin: config.file }] : []),
    ...(options.ignorePattern ? [{ base: process.cwd(), patterns: options.ignorePattern, origin: '--ignore-pattern' }] : []),
  ];
  const fromPlan = options.methodologyFromPlan === true || config?.lint.methodologyFromPlan === true;
  const judgeDir = options.checklists ?? (config?.checklists ? displayPath(config.checklists) : displayPath(builtinChecklistsDir));
  const planParams: PlanParamsPolicy = config?.lint.planParams ?? 'tighten-only';
  if (options.printConfig) {
    io.stdout(printedConfig(config, { thresholds, maxGaps, maxFindings, ignoreSources, fromPlan, judgeDir, planParams }));
    return 0;
  }
  const requests = parseOutputRequests(options.format, options.output);
  const concurrency = concurrencyOption(options.concurrency);
  const extras = formatExtras(options);
  checkChecklistsOption(options);
  const today = resolveToday(options, io.today);
  const validation = loadValidation();
  const baseline = options.baseline === undefined ? undefined : baselineGaps(options.baseline, validation);
  const ignores = compileIgnores(ignoreSources);
  const { files, problems, ignored, texts } = options.stdin
    ? stdinPlan(inputs, options, ignores, io)
    : namedPlans(inputs, options, ignores);
  // Plans named and all left out by ignore patterns leave a gate nothing to judge: an error, as a directory or
  // a pattern without a plan is, unless --no-error-on-unmatched-pattern allows it (the pre-commit hook does:
  // a commit may touch only plans the project ignores). commready's own config file named is never a plan.
  // The same for a plan on standard input whose --stdin-filename is ignored (ESLint only warns): a pull
  // request that adds the gate's plan to the config's ignores must not turn its CI run green. An editor
  // that pipes every file in gives --no-error-on-unmatched-pattern.
  const leftOut = ignored.filter(({ file }) => !isConfigFileName(file));
  if (files.length === 0 && problems.length === 0 && leftOut.length > 0 && options.errorOnUnmatchedPattern !== false)
    throw new InputError(leftOut.map(({ file, why }) => ({ file, message: `not checked: ${why}; no plan is left to lint` })));
  for (const { file, why } of ignored) warn(io, `${sanitizeLine(file)}: not checked: ${sanitizeLine(why)}`);
  if (files.length === 0 && problems.length === 0) {
    warn(io, 'no plan to check');
    return 0;
  }

  if (files.length === 0) throw new InputError(problems);
  const run = { inputs, options, config, thresholds, maxFindings, maxGaps, fromPlan, judgeDir, planParams, today, validation, baseline };
  // Not for a plan read from standard input: one plan never repays a worker's start.
  const workers = texts ? 0 : workerCount(concurrency, files.length);
  return judgeChosen({ files, problems, ignored, ...(texts ? { texts } : {}), workers }, run, requests, extras, io);
}

/** What the command line and the project config settled before any plan is read. */
interface LintSettings {
  inputs: readonly string[];
  options: LintOptions;
  config: ProjectConfig | undefined;
  thresholds: Thresholds;
  maxFindings: number | undefined;
  maxGaps: number | undefined;
  fromPlan: boolean;
  judgeDir: string;
  planParams: PlanParamsPolicy;
  today: string;
  validation: Validation;
  baseline: ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

/** Judges the chosen plans one by one, each streamed to every output as it is judged; returns the exit code. */
async function judgeChosen(
  { files, problems, texts, workers }: ChosenPlans & { workers: number },
  { inputs, options, config, thresholds, maxFindings, maxGaps, fromPlan, judgeDir, planParams, today, validation, baseline }: LintSettings,
  requests: readonly OutputRequest[],
  extras: Pick<FormatContext, 'sarifCategory' | 'guideUrl'>,
  io: CliIo,
): Promise<number> {
  const display = { ...(options.quiet ? { quiet: true } : {}), ...(maxFindings !== undefined ? { maxFindings } : {}) };
  const start: RunStart = {
    command: 'lint',
    thresholds,
    expected: files.length + problems.length,
    ...(Object.keys(display).length > 0 ? { display } : {}),
    ...(config ? { config: path.relative(process.cwd(), path.resolve(config.file)).split(path.sep).join('/') } : {}),
  };
  const version = toolVersion();
  // Never over a file of this run or into a methodology directory; the file's mode and owner are kept.
  const outputs = openOutputs(
    start,
    requests,
    io,
    await createPainter(options.color, io),
    version,
    {
      inputs: [...files.filter((f) => !texts?.has(f)), ...(options.baseline ? [options.baseline] : [])],
      methodologyDirs: fromPlan ? [] : [judgeDir],
    },
    extras,
  );
  const summary = await stepSummaryWriter(start, io, { ...extras, toolVersion: version, paint: plainPainter });
  const policy: AssessPolicy = {
    ...(fromPlan ? { planFirst: true } : { judgeDir }),
    planParams,
    stateProfile: true,
    ...(config?.lint.pin ? { pin: config.lint.pin } : {}),
    ...(config?.lint.maxWaiverDays !== undefined ? { maxWaiverDays: config.lint.maxWaiverDays } : {}),
    ...(texts ? { texts } : {}),
  };
  const tally = new RunTally();
  const onPlan = (file: AssessedFile): void => {
    checkMinLevel(file.methodology, thresholds);
    const plan = judge(file, thresholds, baseline, config?.lint.maxWaiverDays);
    tally.add(plan.details);
    outputs.plan(plan);
    summary?.writer.plan(plan);
  };
  let ran: { errors: Diagnostic[]; notChecked: number };
  try {
    ran = await assessAll(files, { ...options, checklists: judgeDir }, validation, today, policy, workers, onPlan);
    if (tally.plans > 0) outputs.end({ notChecked: ran.notChecked + problems.length });
    else outputs.abort();
  } catch (error) {
    outputs.abort();
    throw error;
  }
  const inputErrors = [...problems, ...ran.errors];
  if (tally.plans === 0)
    throw new InputError(inputErrors.length > 0 ? inputErrors : [{ file: inputs.join(' '), message: 'nothing to check' }]);
  if (summary) appendStepSummary(summary, ran.notChecked + problems.length, io);
  if (inputErrors.length > 0) throw new InputError(inputErrors);
  if (tally.failed > 0) return 1;
  // Gaps the baseline knows are held back from --max-gaps, as from the thresholds.
  const gaps = tally.newGaps;
  if (maxGaps !== undefined && gaps > maxGaps) {
    warn(io, `${gaps} open gaps, more than --max-gaps ${maxGaps} allows`);
    return 1;
  }
  return 0;
}

/** --concurrency: `auto`, `off` or a whole number of worker threads from 1 to 64. */
function concurrencyOption(value: string): 'auto' | 'off' | number {
  if (value === 'auto' || value === 'off') return value;
  const n = /^[0-9]{1,2}$/.test(value) ? Number(value) : NaN;
  if (n >= 1 && n <= 64) return n;
  throw new UsageError(`--concurrency must be auto, off or a number of threads from 1 to 64, not '${sanitizeLine(value)}'`);
}

/** A --min-level the plan's methodology lacks is a usage error, never a silent pass. */
function checkMinLevel(methodology: Methodology, thresholds: Thresholds): void {
  if (thresholds.minLevel !== undefined && !methodology.levels.some((l) => l.id === thresholds.minLevel)) {
    throw new UsageError(
      `--min-level: methodology '${methodology.id}' has no level '${thresholds.minLevel}' (levels: ${methodology.levels.map((l) => l.id).join(', ')})`,
    );
  }
}

interface ChosenPlans {
  files: string[];
  problems: Diagnostic[];
  ignored: { file: string; why: string }[];
  texts?: Map<string, string>;
}

/** The plans named on the command line: files, directories searched to any depth, globs; ignore patterns applied. */
function namedPlans(inputs: readonly string[], options: LintOptions, ignores: IgnoreRules): ChosenPlans {
  if (inputs.length === 0) throw new UsageError('name the plans to lint (files, directories or glob patterns), or give --stdin');
  if (options.stdinFilename !== undefined) throw new UsageError('--stdin-filename goes with --stdin');
  return resolveInputs(inputs, { ignores, errorOnUnmatched: options.errorOnUnmatchedPattern !== false });
}

/** The one plan read from standard input, under the name --stdin-filename gives (ignore patterns see that name). */
function stdinPlan(inputs: readonly string[], options: LintOptions, ignores: IgnoreRules, io: CliIo): ChosenPlans {
  if (inputs.length > 0) throw new UsageError('--stdin lints standard input: name no plan files with it');
  if (!io.readStdin) throw new UsageError('--stdin: standard input cannot be read here');
  const file = options.stdinFilename ?? '<stdin>';
  if (isConfigFileName(file)) return { files: [], problems: [], ignored: [{ file, why: "commready's own config file, not a plan" }] };
  const by = options.stdinFilename === undefined ? undefined : ignores.ignoredBy(file);
  if (by !== undefined) return { files: [], problems: [], ignored: [{ file, why: `left out by the ignore pattern ${by}` }] };
  const text = decodeText(file, io.readStdin(maxFileSize(io.env)));
  return { files: [file], problems: [], ignored: [], texts: new Map([[file, text]]) };
}

/** What --print-config prints: the settings in force, where they came from, as sorted JSON. */
function printedConfig(
  config: ProjectConfig | undefined,
  s: {
    thresholds: Thresholds;
    maxGaps: number | undefined;
    maxFindings: number | undefined;
    ignoreSources: readonly IgnoreSource[];
    fromPlan: boolean;
    judgeDir: string;
    planParams: PlanParamsPolicy;
  },
): string {
  const relative = (p: string) => path.relative(process.cwd(), path.resolve(p)).split(path.sep).join('/') || '.';
  const printed = {
    configFile: config ? relative(config.file) : null,
    checklists: path.resolve(s.judgeDir) === path.resolve(builtinChecklistsDir) ? 'built-in' : asPath(relative(s.judgeDir)),
    methodologyFromPlan: s.fromPlan,
    ignores: s.ignoreSources.flatMap((source) =>
      source.patterns.map((pattern) => ({
        pattern,
        relativeTo: relative(source.base),
        from: source.origin === '--ignore-pattern' ? source.origin : relative(source.origin),
      })),
    ),
    alwaysIgnored: ['node_modules/', 'dot folders and files', ...CONFIG_FILE_NAMES],
    lint: {
      failOn: s.thresholds.failOn,
      minScore: s.thresholds.minScore ?? null,
      minLevel: s.thresholds.minLevel ?? null,
      maxGaps: s.maxGaps ?? null,
      maxFindings: s.maxFindings ?? null,
      planParams: s.planParams,
      pin: config?.lint.pin ?? null,
      maxWaiverDays: config?.lint.maxWaiverDays ?? 365,
    },
  };
  return `${escapeJsonText(JSON.stringify(sortKeys(printed), null, 2))}\n`;
}

/** The step summary's writer, under GitHub Actions only, with the room the step has left (1 MiB a step, what earlier commands wrote included). */
async function stepSummaryWriter(
  start: RunStart,
  io: CliIo,
  context: FormatContext,
): Promise<{ file: string; writer: FormatWriter } | undefined> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (io.env.GITHUB_ACTIONS !== 'true' || !file) return undefined;
  let written = 0;
  try {
    written = statSync(file).size;
  } catch {
    written = 0;
  }
  const maxBytes = STEP_SUMMARY_MAX_BYTES - written;
  if (maxBytes < 1024) {
    warn(io, 'the step summary is full (1 MiB); nothing added to it');
    return undefined;
  }
  const { formatStepSummary } = await import('../../report/step-summary.js');
  return { file, writer: formatStepSummary(start, { ...context, maxBytes }) };
}

/** Failing to write the step summary never changes the verdict. */
function appendStepSummary(summary: { file: string; writer: FormatWriter }, notChecked: number, io: CliIo): void {
  try {
    appendFileSync(summary.file, joinOutput(summary.writer.end({ notChecked })));
  } catch (error) {
    warn(io, `cannot append the step summary (${sanitizeLine(describeFsError(error))})`);
  }
}

/** The project config: --config names it, --no-config skips it, otherwise the nearest one upward from the working directory. */
function projectConfig(options: LintOptions): ProjectConfig | undefined {
  if (options.config === false) return undefined;
  const file = options.config ?? findConfig(process.cwd());
  return file === undefined ? undefined : loadConfig(displayPath(file));
}

/**
 * The thresholds' verdict, then lint's own checks: a plan naming another methodology fails; baselined gaps do
 * not, except of a severity the project accepts no waiver for (`maxWaiverDays` 0): a baseline may not hold
 * back what a waiver could not, so those fail as new.
 */
function judge(
  file: AssessedFile,
  thresholds: Thresholds,
  baseline: ReadonlyMap<string, ReadonlySet<string>> | undefined,
  maxWaiverDays: WaiverDays | undefined,
): JudgedPlan {
  const { assessment, methodology } = file;
  const verdict = judgePlan(assessment, methodology, thresholds);
  const inBaseline = baseline?.get(baselineKey(assessment.file));
  const known = inBaseline && baselinable(assessment, inBaseline, maxWaiverDays);
  const baselined = known ? assessment.gaps.filter((id) => known.has(id)) : undefined;
  const reasons: LintVerdictReason[] = verdict.reasons.flatMap((r): LintVerdictReason[] => {
    if (r.code !== 'open-items' || !known) return [r];
    const items = r.items.filter((id) => !known.has(id));
    return items.length > 0 ? [{ ...r, items }] : [];
  });
  if (file.mismatch) {
    reasons.unshift({
      code: 'methodology-mismatch',
      ...file.mismatch,
      judgedBy: `${methodology.id} ${methodology.version} (${file.methodologyLocation})`,
    });
  }
  const lintVerdict: LintVerdict = { passed: reasons.length === 0, reasons };
  return withLintDetails({
    assessment,
    methodology,
    verdict: lintVerdict,
    methodologyLocation: file.methodologyLocation,
    ...(file.ignoredParams ? { ignoredParams: file.ignoredParams } : {}),
    ...(baselined ? { baselined } : {}),
    ...(file.judgedAs ? { judgedAs: file.judgedAs } : {}),
  });
}

/** The baseline's items for this plan that it may hold back: none of a severity the project accepts no waiver for. */
function baselinable(assessment: PlanAssessment, inBaseline: ReadonlySet<string>, maxWaiverDays: WaiverDays | undefined): Set<string> {
  const kept = new Set<string>();
  for (const r of assessment.items)
    if (inBaseline.has(r.itemId) && (maxWaiverDays === undefined || waiverDaysFor(maxWaiverDays, r.severity) > 0)) kept.add(r.itemId);
  return kept;
}

/** Baselines match plans by their path relative to the working directory, so a report from CI matches a local run. */
function baselineKey(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
}

function baselineGaps(file: string, validation: ReturnType<typeof loadValidation>): Map<string, Set<string>> {
  const report = readReportFile(file, validation);
  return new Map(report.plans.map((p) => [baselineKey(p.file), new Set(p.gaps)]));
}

/** One sanitised line on standard error that is not an error of the run (notes, warnings). */
function warn(io: CliIo, line: string): void {
  io.stderr(`commready: ${line}\n`);
}
