// Pure: checks a plan's new text as lint would (YAML, schema, ids against the methodology) and assesses it.
import { InputError } from '../errors.js';
import type { Methodology } from '../methodology/types.js';
import { parsePlan } from '../plan/parse-plan.js';
import { assessPlan } from '../scoring/assess-plan.js';
import type { Validation } from '../validation/schema-validation.js';
import type { CommitOutcome } from './run-interview.js';

export function assessPlanText(file: string, text: string, methodology: Methodology, validation: Validation, today: string): CommitOutcome {
  try {
    const plan = parsePlan(file, text, methodology, validation);
    return { ok: true, assessment: assessPlan(plan, methodology, validation, { today }) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const first = error.diagnostics[0];
    return { ok: false, problem: first ? `the plan would not be valid: ${first.message}` : 'the plan would not be valid' };
  }
}
