// Renders each requested format and writes it to standard output (a file name of '-') or its file.
import { FORMATTERS } from '../report/formatters.js';
import { plainPainter, type Format, type Painter, type RunResult } from '../report/types.js';
import { UsageError } from '../errors.js';
import { sanitizeOutput } from '../text/sanitize.js';
import { writeFileAtomic, type CliIo } from './io.js';
import type { OutputRequest } from './shared.js';
import { describeFsError } from '../io/read-input.js';

/** Formats read by people in a terminal or a log: they get the last safety pass (machine formats escape by their own rules). */
const HUMAN_FORMATS: ReadonlySet<Format> = new Set<Format>(['text']);

export function writeOutputs(run: RunResult, requests: readonly OutputRequest[], io: CliIo, paint: Painter, toolVersion: string): void {
  for (const request of requests) {
    const toStdout = request.file === undefined;
    const painter = toStdout && request.format === 'text' ? paint : plainPainter;
    const width = toStdout ? io.columns : undefined;
    const raw = FORMATTERS[request.format](run, { toolVersion, paint: painter, ...(width ? { width } : {}) });
    const text = HUMAN_FORMATS.has(request.format) ? sanitizeOutput(raw, painter !== plainPainter) : raw;
    if (toStdout) {
      io.stdout(text);
      continue;
    }
    try {
      writeFileAtomic(request.file!, text);
    } catch (error) {
      throw new UsageError(`cannot write '${request.file!}': ${describeFsError(error)}`);
    }
  }
}
