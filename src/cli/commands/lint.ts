// `commready lint`: checks plans against thresholds for CI. Exit 0 pass, 1 fail, 2 input or usage error.
// The methodology and the thresholds come from the command line or the project config, never from a plan alone.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { loadValidation, toolVersion } from '../../io/package-files.js';
import { findConfig, loadConfig, type PlanParamsPolicy, type ProjectConfig } from '../../io/load-config.js';
import { displayPath } from '../../io/load-methodology.js';
import { builtinChecklistsDir } from '../../io/package-files.js';
import { readReportFile } from '../../io/read-report.js';
import { resolveInputs } from '../../io/resolve-inputs.js';
import { judgePlan, type FailOn, type Thresholds } from '../../scoring/verdict.js';
import { plainPainter, type LintVerdict, type LintVerdictReason, type PlanResult, type RunResult } from '../../report/types.js';
import { describeFsError } from '../../io/read-input.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { assessFiles, type AssessedFile } from '../assess-files.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { checkChecklistsOption, parseNumberOption, parseOutputRequests, resolveToday } from '../shared.js';
import { writeOutputs } from '../write-outputs.js';
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
    options.maxFindings !== undefined
      ? parseNumberOption('--max-findings', options.maxFindings, 0, Number.MAX_SAFE_INTEGER)
      : config?.lint.maxFindings;
  if (maxFindings !== undefined && !Number.isInteger(maxFindings))
    throw new UsageError(`--max-findings must be a whole number, not '${options.maxFindings}'`);
  const requests = parseOutputRequests(options.format, options.output);
  checkChecklistsOption(options);
  const today = resolveToday(options, io.today);
  const validation = loadValidation();
  const baseline = options.baseline === undefined ? undefined : baselineGaps(options.baseline, validation);
  const { files, problems } = resolveInputs(inputs);

  const fromPlan = options.methodologyFromPlan === true || config?.lint.methodologyFromPlan === true;
  const judgeDir = options.checklists ?? (config?.checklists ? displayPath(config.checklists) : displayPath(builtinChecklistsDir));
  const planParams: PlanParamsPolicy = config?.lint.planParams ?? 'tighten-only';
  const { assessed, errors, notChecked } = assessFiles(files, { ...options, checklists: judgeDir }, validation, today, {
    ...(fromPlan ? { planFirst: true } : { judgeDir }),
    planParams,
    stateProfile: true,
    ...(config?.lint.pin ? { pin: config.lint.pin } : {}),
    ...(config?.lint.maxWaiverDays !== undefined ? { maxWaiverDays: config.lint.maxWaiverDays } : {}),
    ...(io.betweenPlans ? { betweenPlans: io.betweenPlans } : {}),
  });
  const inputErrors = [...problems, ...errors];

  if (assessed.length > 0) {
    for (const { methodology } of assessed) {
      if (thresholds.minLevel !== undefined && !methodology.levels.some((l) => l.id === thresholds.minLevel)) {
        throw new UsageError(
          `--min-level: methodology '${methodology.id}' has no level '${thresholds.minLevel}' (levels: ${methodology.levels.map((l) => l.id).join(', ')})`,
        );
      }
    }
    const plans: PlanResult[] = assessed.map((file) => judge(file, thresholds, baseline));
    const display = { ...(options.quiet ? { quiet: true } : {}), ...(maxFindings !== undefined ? { maxFindings } : {}) };
    const run: RunResult = {
      command: 'lint' as const,
      plans,
      thresholds,
      notChecked: notChecked + problems.length,
      ...(Object.keys(display).length > 0 ? { display } : {}),
    };
    writeOutputs(run, requests, io, await createPainter(options.color, io), toolVersion(), [
      ...files,
      ...(options.baseline ? [options.baseline] : []),
    ]);
    await appendStepSummary(run, io);
    if (inputErrors.length > 0) throw new InputError(inputErrors);
    return plans.some((p) => p.verdict?.passed === false) ? 1 : 0;
  }
  throw new InputError(inputErrors.length > 0 ? inputErrors : [{ file: inputs.join(' '), message: 'nothing to check' }]);
}

/** Under GitHub Actions, the run's Markdown summary goes to the step summary too; failing to write it never changes the verdict. */
async function appendStepSummary(run: RunResult, io: CliIo): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (io.env.GITHUB_ACTIONS !== 'true' || !file) return;
  const { formatStepSummary } = await import('../../report/step-summary.js');
  try {
    appendFileSync(file, formatStepSummary(run, { toolVersion: toolVersion(), paint: plainPainter }));
  } catch (error) {
    io.stderr(`commready: cannot append the step summary (${sanitizeLine(describeFsError(error))})\n`);
  }
}

/** The project config: --config names it, --no-config skips it, otherwise the nearest one upward from the working directory. */
function projectConfig(options: LintOptions): ProjectConfig | undefined {
  if (options.config === false) return undefined;
  const file = options.config ?? findConfig(process.cwd());
  return file === undefined ? undefined : loadConfig(displayPath(file));
}

/** The thresholds' verdict, then lint's own checks: a plan naming another methodology fails; baselined gaps do not. */
function judge(file: AssessedFile, thresholds: Thresholds, baseline: ReadonlyMap<string, ReadonlySet<string>> | undefined): PlanResult {
  const { assessment, methodology } = file;
  const verdict = judgePlan(assessment, methodology, thresholds);
  const known = baseline?.get(baselineKey(assessment.file));
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
  return {
    assessment,
    methodology,
    verdict: lintVerdict,
    methodologyLocation: file.methodologyLocation,
    ...(file.ignoredParams ? { ignoredParams: file.ignoredParams } : {}),
    ...(baselined ? { baselined } : {}),
    ...(file.judgedAs ? { judgedAs: file.judgedAs } : {}),
  };
}

/** Baselines match plans by their path relative to the working directory, so a report from CI matches a local run. */
function baselineKey(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
}

function baselineGaps(file: string, validation: ReturnType<typeof loadValidation>): Map<string, Set<string>> {
  const report = readReportFile(file, validation);
  return new Map(report.plans.map((p) => [baselineKey(p.file), new Set(p.gaps)]));
}
