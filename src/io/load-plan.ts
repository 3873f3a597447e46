// Reads a plan file (a regular file, within the size limit), or takes its text as read elsewhere (standard
// input): parsed and checked whole (loadPlan), or only read and parsed with its shape checked (readPlanFile),
// for a caller that chooses the methodology from the plan before checking it (plan/parse-plan.ts, checkPlan).
import { parsePlan, readPlan, type MethodologyChoice } from '../plan/parse-plan.js';
import type { Plan } from '../plan/types.js';
import type { Validation } from '../validation/schema-validation.js';
import { readTextFile } from './read-input.js';

/** The plan in `file`, checked against the plan schema and the methodology. Throws InputError with positions. */
export function loadPlan(file: string, methodology: MethodologyChoice, validation: Validation, text?: string): Plan {
  return parsePlan(file, text ?? readTextFile(file), methodology, validation);
}

/** The plan in `file` (or the text read for it), parsed with its positions and its shape checked: no methodology yet. */
export function readPlanFile(file: string, validation: Validation, text?: string): Plan {
  return readPlan(file, text ?? readTextFile(file), validation);
}
