// Reads a JSON report written by `--format json` (for `diff` and `lint --baseline`), checked against its schema.
import { InputError } from '../errors.js';
import { reportOfFile, type ReportFileJson, type ReportJson } from '../report/report-json.js';
import type { Validation } from '../validation/schema-validation.js';
import { readTextFile } from './read-input.js';

export function readReportFile(file: string, validation: Validation): ReportJson {
  const text = readTextFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError([{ file, message: `is not a JSON report (${detail})` }]);
  }
  if (!validation.report(value)) {
    const first = validation.report.errors?.[0];
    const where = first?.instancePath ? ` at ${first.instancePath}` : '';
    throw new InputError([
      { file, message: `is not a commready JSON report: ${first?.message ?? 'invalid'}${where} (write one with --format json)` },
    ]);
  }
  const read = reportOfFile(value as ReportFileJson);
  if ('problem' in read) throw new InputError([{ file, message: `is not a commready JSON report: ${read.problem}` }]);
  return read.report;
}
