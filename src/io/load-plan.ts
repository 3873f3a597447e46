// Reads a plan file (a regular file, within the size limit), or takes its text as read elsewhere (standard
// input), and parses and checks it with parsePlan.
import { parsePlan, type MethodologyChoice } from '../plan/parse-plan.js';
import type { Plan } from '../plan/types.js';
import type { Validation } from '../validation/schema-validation.js';
import { readTextFile } from './read-input.js';

/** The plan in `file`, checked against the plan schema and the methodology. Throws InputError with positions. */
export function loadPlan(file: string, methodology: MethodologyChoice, validation: Validation, text?: string): Plan {
  return parsePlan(file, text ?? readTextFile(file), methodology, validation);
}
