// Pure: the gap report the interview offers to write next to the plan, made by the report command's
// own formatter, so that it reads as `commready report` would for the same plan.
import type { Methodology } from '../methodology/types.js';
import { FORMATTERS } from '../report/formatters.js';
import { formatRun, plainPainter, type Format } from '../report/types.js';
import type { PlanAssessment } from '../scoring/types.js';

/** The gap report of one assessed plan, without colour. */
export function renderGapReport(assessment: PlanAssessment, methodology: Methodology, format: Format, toolVersion: string): string {
  return formatRun(FORMATTERS[format], { command: 'report', plans: [{ assessment, methodology }] }, { toolVersion, paint: plainPainter });
}
