// Renders each requested format and writes it to standard output or its file.
import { FORMATTERS } from '../report/formatters.js';
import { plainPainter, type Painter, type RunResult } from '../report/types.js';
import type { CliIo } from './io.js';
import type { OutputRequest } from './shared.js';
import { writeOutputFile } from '../io/write-output-file.js';

export function writeOutputs(run: RunResult, requests: readonly OutputRequest[], io: CliIo, paint: Painter, toolVersion: string): void {
  for (const request of requests) {
    const text = FORMATTERS[request.format](run, { toolVersion, paint: request.file === undefined && request.format === 'text' ? paint : plainPainter, cwd: process.cwd() });
    if (request.file === undefined) {
      io.stdout(text);
      continue;
    }
    // Never over a plan of this run or a methodology file; the file's mode and owner are kept.
    writeOutputFile(request.file, text, {
      inputs: run.plans.map((p) => p.assessment.file),
      methodologyDirs: run.plans.flatMap((p) => p.methodology.directories),
    });
  }
}
