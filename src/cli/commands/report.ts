// `commready report`: the readiness report of one plan. Exit 0, or 2 for invalid input.
import { InputError } from '../../errors.js';
import { loadValidation, toolVersion } from '../../io/package-files.js';
import { withLintDetails } from '../../report/lint-details.js';
import { assessFiles } from '../assess-files.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { checkChecklistsOption, formatExtras, parseOutputRequests, resolveToday } from '../shared.js';
import type { CommandOptions } from '../command-table.js';
import { openOutputs } from '../write-outputs.js';

export async function runReport(planFile: string, options: CommandOptions<'report'>, io: CliIo): Promise<number> {
  const requests = parseOutputRequests(options.format, options.output);
  const extras = formatExtras(options);
  checkChecklistsOption(options);
  const today = resolveToday(options, io.today);
  const { assessed, errors } = assessFiles([planFile], options, loadValidation(), today);
  if (errors.length > 0 || assessed.length === 0) throw new InputError(errors);
  const { assessment, methodology, methodologyLocation } = assessed[0]!;
  const outputs = openOutputs(
    { command: 'report', expected: 1 },
    requests,
    io,
    await createPainter(options.color, io),
    toolVersion(),
    { inputs: [planFile], methodologyDirs: methodology.directories },
    extras,
  );
  try {
    outputs.plan(withLintDetails({ assessment, methodology, methodologyLocation }));
    outputs.end({ notChecked: 0 });
  } catch (error) {
    outputs.abort();
    throw error;
  }
  return 0;
}
