// Renders each requested format and writes it to standard output (a file name of '-') or its file.
import { FORMATTERS } from '../report/formatters.js';
import { plainPainter, type Format, type Painter, type RunResult } from '../report/types.js';
import { sanitizeOutput } from '../text/sanitize.js';
import type { CliIo } from './io.js';
import type { OutputRequest } from './shared.js';
import { writeOutputFile } from '../io/write-output-file.js';

/** Formats read by people in a terminal or a log: they get the last safety pass (machine formats escape by their own rules). */
const HUMAN_FORMATS: ReadonlySet<Format> = new Set<Format>(['text']);

export function writeOutputs(run: RunResult, requests: readonly OutputRequest[], io: CliIo, paint: Painter, toolVersion: string): void {
  for (const request of requests) {
    const toStdout = request.file === undefined;
    const painter = toStdout && request.format === 'text' ? paint : plainPainter;
    const width = toStdout ? io.columns : undefined;
    const raw = FORMATTERS[request.format](run, { toolVersion, paint: painter, cwd: process.cwd(), ...(width ? { width } : {}) });
    const text = HUMAN_FORMATS.has(request.format) ? sanitizeOutput(raw, painter !== plainPainter) : raw;
    if (toStdout) {
      io.stdout(text);
      continue;
    }
    // Never over a plan of this run or a methodology file; the file's mode and owner are kept.
    writeOutputFile(request.file!, text, {
      inputs: run.plans.map((p) => p.assessment.file),
      methodologyDirs: run.plans.flatMap((p) => p.methodology.directories),
    });
  }
}
