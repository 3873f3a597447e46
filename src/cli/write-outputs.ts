// Renders each requested format and writes it to standard output or its file.
import { FORMATTERS } from '../report/formatters.js';
import { plainPainter, type Painter, type RunResult } from '../report/types.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic, type CliIo } from './io.js';
import type { OutputRequest } from './shared.js';
import { describeFsError } from '../io/read-input.js';

export function writeOutputs(run: RunResult, requests: readonly OutputRequest[], io: CliIo, paint: Painter, toolVersion: string): void {
  for (const request of requests) {
    const text = FORMATTERS[request.format](run, { toolVersion, paint: request.file === undefined && request.format === 'text' ? paint : plainPainter, cwd: process.cwd() });
    if (request.file === undefined) {
      io.stdout(text);
      continue;
    }
    try {
      writeFileAtomic(request.file, text);
    } catch (error) {
      throw new UsageError(`cannot write '${request.file}': ${describeFsError(error)}`);
    }
  }
}
