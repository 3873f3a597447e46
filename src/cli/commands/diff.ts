// `commready diff <old.json> <new.json>`: progress between two JSON reports, as text or Markdown. Exit 0, or 2 for bad input.
import { UsageError } from '../../errors.js';
import { loadValidation } from '../../io/package-files.js';
import { readReportFile } from '../../io/read-report.js';
import { diffReports, formatDiffMarkdown, formatDiffText } from '../../report/diff-reports.js';
import { plainPainter } from '../../report/types.js';
import { sanitizeOutput } from '../../text/sanitize.js';
import { writeFileAtomic, type CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { realPath } from '../shared.js';
import type { CommandOptions } from '../command-table.js';
import { describeFsError } from '../../io/read-input.js';

export async function runDiff(before: string, after: string, options: CommandOptions<'diff'>, io: CliIo): Promise<number> {
  // One of DIFF_FORMATS, 'text' by default: commander refuses any other.
  const { format } = options;
  const output = options.output === '-' ? undefined : options.output;
  if (output !== undefined && [before, after].some((f) => realPath(f) === realPath(output)))
    throw new UsageError(`refusing to write the diff over the input file '${output}'`);
  const validation = loadValidation();
  const diff = diffReports(readReportFile(before, validation), readReportFile(after, validation));
  const paint = output === undefined && format === 'text' ? await createPainter(options.color, io) : plainPainter;
  const text = format === 'text' ? sanitizeOutput(formatDiffText(diff, paint), paint !== plainPainter) : formatDiffMarkdown(diff);
  if (output === undefined) io.stdout(text);
  else {
    try {
      writeFileAtomic(output, text);
    } catch (error) {
      throw new UsageError(`cannot write '${output}': ${describeFsError(error)}`);
    }
  }
  return 0;
}
