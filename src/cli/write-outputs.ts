// Renders each requested format and writes it to standard output (a file name of '-') or its file.
import { FORMATTERS } from '../report/formatters.js';
import { plainPainter, type Format, type FormatContext, type Painter, type RunResult } from '../report/types.js';
import { sanitizeOutput } from '../text/sanitize.js';
import type { CliIo } from './io.js';
import type { OutputRequest } from './shared.js';
import { checkOutputTargets, writeOutputFile, type OutputRules } from '../io/write-output-file.js';

/**
 * Formats read as prose in a terminal or a CI log get the last safety pass, which changes nothing their own
 * escaping made safe; the others are syntax (JSON, XML, workflow commands) and escape by their own rules.
 */
const HUMAN_FORMATS: ReadonlySet<Format> = new Set<Format>(['text', 'markdown', 'markdown-compact', 'html']);

/**
 * Every file target is checked before anything is written, so a refused one leaves the others untouched.
 * `inputs` are the files the run read besides its plans (a baseline), which no report may replace.
 */
export function writeOutputs(
  run: RunResult,
  requests: readonly OutputRequest[],
  io: CliIo,
  paint: Painter,
  toolVersion: string,
  inputs: readonly string[] = [],
  extras: Pick<FormatContext, 'sarifCategory' | 'guideUrl'> = {},
): void {
  // Never over a file of this run or into a methodology directory; the file's mode and owner are kept.
  const rules: OutputRules = {
    inputs: [...inputs, ...run.plans.map((p) => p.assessment.file)],
    // Plans of one run mostly share their methodology: each directory is looked at once.
    methodologyDirs: [...new Set(run.plans.flatMap((p) => p.methodology.directories))],
  };
  checkOutputTargets(
    requests.flatMap((r) => (r.file === undefined ? [] : [r.file])),
    rules,
  );
  for (const request of requests) {
    const toStdout = request.file === undefined;
    const painter = toStdout && request.format === 'text' ? paint : plainPainter;
    const width = toStdout ? io.columns : undefined;
    const raw = FORMATTERS[request.format](run, {
      ...extras,
      toolVersion,
      paint: painter,
      cwd: process.cwd(),
      ...(width ? { width } : {}),
    });
    const text = HUMAN_FORMATS.has(request.format) ? sanitizeOutput(raw, painter !== plainPainter) : raw;
    if (toStdout) io.stdout(text);
    else writeOutputFile(request.file!, text, rules);
  }
}
