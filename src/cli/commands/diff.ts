// `commready diff <old.json> <new.json>`: progress between two JSON reports, as text or Markdown. Exit 0, or 2 for bad input.
import { loadValidation } from '../../io/package-files.js';
import { readReportFile } from '../../io/read-report.js';
import { checkOutputTargets, writeOutputFile } from '../../io/write-output-file.js';
import { diffReports, formatDiffMarkdown, formatDiffText } from '../../report/diff-reports.js';
import { plainPainter } from '../../report/types.js';
import { sanitizeOutput } from '../../text/sanitize.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import type { CommandOptions } from '../command-table.js';

export async function runDiff(before: string, after: string, options: CommandOptions<'diff'>, io: CliIo): Promise<number> {
  // One of DIFF_FORMATS, 'text' by default: commander refuses any other.
  const { format } = options;
  const output = options.output === '-' ? undefined : options.output;
  // Checked before the reports are read: never over either report, nor through a link.
  const rules = { inputs: [before, after] };
  if (output !== undefined) checkOutputTargets([output], rules);
  const validation = loadValidation();
  const diff = diffReports(readReportFile(before, validation), readReportFile(after, validation));
  const paint = output === undefined && format === 'text' ? await createPainter(options.color, io) : plainPainter;
  const text = sanitizeOutput(format === 'text' ? formatDiffText(diff, paint) : formatDiffMarkdown(diff), paint !== plainPainter);
  if (output === undefined) io.stdout(text);
  else writeOutputFile(output, text, rules);
  return 0;
}
