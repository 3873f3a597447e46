// The programmatic API: load a methodology, load a plan, assess it, format the result.
import { loadMethodology as loadMethodologyFrom, loadBuiltinMethodology as loadBuiltin } from './io/load-methodology.js';
import { loadValidation, toolVersion } from './io/package-files.js';
import { loadPlan as loadPlanFrom } from './io/load-plan.js';
import { parsePlan as parsePlanText } from './plan/parse-plan.js';
import { assessPlan as assessWith } from './scoring/assess-plan.js';
import { judgePlan } from './scoring/verdict.js';
import { FORMATTERS } from './report/formatters.js';
import { formatRun, plainPainter, type Format, type RunResult } from './report/types.js';
import type { Methodology } from './methodology/types.js';
import type { Plan } from './plan/types.js';
import type { PlanAssessment } from './scoring/types.js';
import type { Thresholds, Verdict } from './scoring/verdict.js';

export type { Methodology, Item, Phase, Level, Gate, Severity, Param, Profile } from './methodology/types.js';
export type { Plan, Answer, AnswerStatus, Waiver } from './plan/types.js';
export type { PlanAssessment, ItemResult, ItemStatus, Finding, FindingCode, PhaseResult, NextLevel } from './scoring/types.js';
export type { Thresholds, Verdict, VerdictReason, FailOn } from './scoring/verdict.js';
export type { Format, RunResult, RunStart, RunEnd, Formatter, FormatWriter, FormatContext } from './report/types.js';
export type { Diagnostic } from './errors.js';
export { InputError, UnknownLevelError, UsageError, formatDiagnostic } from './errors.js';
export { describeFinding } from './report/messages.js';
export type { ReportJson, ReportPlanJson, ReportFileJson } from './report/report-json.js';
/** A JSON report as parsed from a file (`--format json`, schema version 1 or 2), with every item and phase whole. */
export { reportOfFile } from './report/report-json.js';

/** The built-in methodology. Throws InputError if it is invalid. */
export function loadBuiltinMethodology(): Methodology {
  return loadBuiltin(loadValidation());
}

/** A methodology directory (its methodology.yaml and phase files). Throws InputError with positions. */
export function loadMethodology(dir: string): Methodology {
  return loadMethodologyFrom(dir, loadValidation());
}

/** Reads and validates a plan file against the plan schema and the methodology. Throws InputError. */
export function loadPlan(file: string, methodology: Methodology): Plan {
  return loadPlanFrom(file, methodology, loadValidation());
}

/** Parses plan YAML text (no file system). Throws InputError. */
export function parsePlan(text: string, methodology: Methodology, file = 'plan.yaml'): Plan {
  return parsePlanText(file, text, methodology, loadValidation());
}

/** Assesses a plan; `today` (YYYY-MM-DD) decides staleness and waiver expiry. */
export function assessPlan(plan: Plan, methodology: Methodology, options: { today: string }): PlanAssessment {
  return assessWith(plan, methodology, loadValidation(), options);
}

/** Judges an assessment against lint thresholds. */
export function judge(assessment: PlanAssessment, methodology: Methodology, thresholds: Thresholds): Verdict {
  return judgePlan(assessment, methodology, thresholds);
}

/** Renders assessments in a format (text without colour, or json). */
export function format(name: Format, run: RunResult): string {
  return formatRun(FORMATTERS[name], run, { toolVersion: toolVersion(), paint: plainPainter });
}
