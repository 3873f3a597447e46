// Shared test helpers: the real schemas, the mini methodology, plans from inline YAML.
import { loadMethodology } from '../src/io/load-methodology.js';
import { loadSchemas } from '../src/io/package-files.js';
import { createValidation, type Validation } from '../src/validation/schema-validation.js';
import { createAjvFor } from '../src/io/ajv-factory.js';
import { parsePlan } from '../src/plan/parse-plan.js';
import type { Methodology } from '../src/methodology/types.js';
import type { Plan } from '../src/plan/types.js';
import { InputError, type Diagnostic } from '../src/errors.js';
import type { CliIo } from '../src/cli/io.js';
import { EvidenceValidators } from '../src/methodology/evidence-schema.js';
import { createRuleContext, type RuleContext, type RuleContextInput } from '../src/methodology/rule-kinds/index.js';
import { readFileSync } from 'node:fs';
import { assessPlan } from '../src/scoring/assess-plan.js';
import { judgePlan } from '../src/scoring/verdict.js';
import type { PlanResult } from '../src/report/types.js';

/** Compiled at run time, never from the build's snapshot, so tests see the files as they are. */
export const validation: Validation = createValidation(loadSchemas(), { createAjv: createAjvFor });

const evidenceValidators = new EvidenceValidators((schema) => validation.compileEvidence(schema));

/** A rule context for a test plan, with the tests' shared evidence validators. */
export function ruleContext(plan: RuleContextInput): RuleContext {
  return createRuleContext(plan, evidenceValidators);
}

export function miniMethodology(): Methodology {
  return loadMethodology('test/fixtures/mini', validation);
}

export function builtinMethodology(): Methodology {
  return loadMethodology('checklists', validation, { snapshot: false });
}

export function planFromYaml(text: string, methodology: Methodology, file = 'plan.yaml'): Plan {
  return parsePlan(file, text, methodology, validation);
}

/**
 * A bundled example assessed on 2026-11-25 and judged on blockers, as lint would, named `file` (another
 * name for the same plan is another plan of the run).
 */
export function judgedExample(methodology: Methodology, example: string, file = `examples/${example}.yaml`): PlanResult {
  const plan = planFromYaml(readFileSync(`examples/${example}.yaml`, 'utf8'), methodology, file);
  const assessment = assessPlan(plan, methodology, validation, { today: '2026-11-25' });
  return { assessment, methodology, verdict: judgePlan(assessment, methodology, { failOn: 'blocker' }) };
}

/** Runs `fn`, expecting an InputError, and returns its diagnostics. */
export function inputErrorsOf(fn: () => unknown): Diagnostic[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return [...error.diagnostics];
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** Streams that record what the CLI writes, and a fixed clock. */
export function fakeIo(overrides: Partial<CliIo> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, today: () => '2026-07-01', ...overrides };
}
