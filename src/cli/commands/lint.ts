// `commready lint`: checks plans against thresholds for CI. Exit 0 pass, 1 fail, 2 input or usage error.
import { InputError, UsageError } from '../../errors.js';
import { loadValidation, toolVersion } from '../../io/package-files.js';
import { resolveInputs } from '../../io/resolve-inputs.js';
import { FAIL_ON, judgePlan, type FailOn, type Thresholds } from '../../scoring/verdict.js';
import type { PlanResult } from '../../report/types.js';
import { assessFiles } from '../assess-files.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { checkChecklistsOption, guardOutputs, parseNumberOption, parseOutputRequests, resolveToday, type GlobalOptions } from '../shared.js';
import { writeOutputs } from '../write-outputs.js';

export interface LintOptions extends GlobalOptions {
  failOn?: string;
  minScore?: string;
  minLevel?: string;
  format?: string[];
  output?: string;
}

export async function runLint(inputs: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const failOn = (options.failOn ?? 'blocker') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not '${options.failOn}'`);
  const thresholds: Thresholds = {
    failOn,
    ...(options.minScore !== undefined ? { minScore: parseNumberOption('--min-score', options.minScore, 0, 100) } : {}),
    ...(options.minLevel !== undefined ? { minLevel: options.minLevel } : {}),
  };
  const requests = parseOutputRequests(options.format, options.output);
  checkChecklistsOption(options);
  const today = resolveToday(options, io.today);
  const { files, problems } = resolveInputs(inputs);
  const validation = loadValidation();
  const { assessed, errors, notChecked } = assessFiles(files, options, validation, today);
  guardOutputs(requests, files, assessed);
  const inputErrors = [...problems, ...errors];

  if (assessed.length > 0) {
    for (const { methodology } of assessed) {
      if (thresholds.minLevel !== undefined && !methodology.levels.some((l) => l.id === thresholds.minLevel)) {
        throw new UsageError(`--min-level: methodology '${methodology.id}' has no level '${thresholds.minLevel}' (levels: ${methodology.levels.map((l) => l.id).join(', ')})`);
      }
    }
    const plans: PlanResult[] = assessed.map(({ assessment, methodology }) => ({ assessment, methodology, verdict: judgePlan(assessment, methodology, thresholds) }));
    writeOutputs({ command: 'lint', plans, thresholds, notChecked: notChecked + problems.length }, requests, io, createPainter(options.color, io.env), toolVersion());
    if (inputErrors.length > 0) throw new InputError(inputErrors);
    return plans.some((p) => p.verdict?.passed === false) ? 1 : 0;
  }
  throw new InputError(inputErrors.length > 0 ? inputErrors : [{ file: inputs.join(' '), message: 'nothing to check' }]);
}
