// Loads, checks and assesses plan files; input errors are collected per file, never hidden by a pass.
import { existsSync } from 'node:fs';
import { InputError, type Diagnostic } from '../errors.js';
import { locate } from '../source/yaml-source.js';
import { readYamlFile } from '../io/read-input.js';
import { checkPlanAgainstMethodology, parsePlanShape } from '../plan/parse-plan.js';
import { assessPlan } from '../scoring/assess-plan.js';
import type { PlanAssessment } from '../scoring/types.js';
import type { Methodology } from '../methodology/types.js';
import type { Validation } from '../validation/schema-validation.js';
import { MethodologyCache, methodologyDirFor, type GlobalOptions } from './shared.js';

export interface AssessedFile {
  assessment: PlanAssessment;
  methodology: Methodology;
}

export function assessFiles(
  files: readonly string[],
  options: GlobalOptions,
  validation: Validation,
  today: string,
): { assessed: AssessedFile[]; errors: Diagnostic[]; notChecked: number } {
  const cache = new MethodologyCache(validation);
  const assessed: AssessedFile[] = [];
  const errors: Diagnostic[] = [];
  let notChecked = 0;
  for (const file of files) {
    try {
      const plan = parsePlanShape(readYamlFile(file), validation);
      const dir = methodologyDirFor(plan, options);
      if (!options.checklists && plan.methodologyRef && !existsSync(dir)) {
        const pos = locate(plan.source, ['methodology']);
        throw new InputError([{ file, line: pos.line, col: pos.col, message: `methodology directory '${plan.methodologyRef}' not found (relative to the plan)` }]);
      }
      const methodology = cache.get(dir);
      checkPlanAgainstMethodology(plan, methodology, validation);
      assessed.push({ assessment: assessPlan(plan, methodology, validation, { today }), methodology });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      notChecked++;
      for (const d of error.diagnostics) if (!errors.some((e) => e.file === d.file && e.line === d.line && e.message === d.message)) errors.push(d);
    }
  }
  return { assessed, errors, notChecked };
}
