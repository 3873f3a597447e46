// Pieces the commands share: the methodology for a plan, the date, output requests.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { isIsoDate } from '../text/dates.js';
import { FORMATS, type Format } from '../report/types.js';
import { isFormat } from '../report/formatters.js';
import type { Methodology } from '../methodology/types.js';
import type { Validation } from '../validation/schema-validation.js';
import { displayPath, loadMethodology } from '../io/load-methodology.js';
import { builtinChecklistsDir } from '../io/package-files.js';
import type { Plan } from '../plan/types.js';
import type { GlobalOptions } from './command-table.js';

export type { GlobalOptions } from './command-table.js';

/** Loads each methodology once per run. */
export class MethodologyCache {
  private readonly byDir = new Map<string, Methodology>();
  constructor(private readonly validation: Validation) {}
  get(dir: string): Methodology {
    const key = path.resolve(dir);
    let m = this.byDir.get(key);
    if (!m) {
      m = loadMethodology(dir, this.validation);
      this.byDir.set(key, m);
    }
    return m;
  }
}

/** --checklists wins; then the plan's own `methodology`; then the built-in one. */
export function methodologyDirFor(plan: Plan | undefined, options: GlobalOptions): string {
  if (options.checklists) return options.checklists;
  if (plan?.methodologyRef) return displayPath(path.resolve(path.dirname(plan.file), plan.methodologyRef));
  return displayPath(builtinChecklistsDir);
}

export function checkChecklistsOption(options: GlobalOptions): void {
  if (options.checklists !== undefined && !existsSync(options.checklists)) {
    throw new UsageError(`--checklists: directory '${options.checklists}' not found`);
  }
}

export function resolveToday(options: GlobalOptions, clock: () => string): string {
  if (options.today === undefined) return clock();
  if (!isIsoDate(options.today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${options.today}'`);
  return options.today;
}

export interface OutputRequest {
  format: Format;
  file?: string;
}

/** `--format name[=file]` (repeatable) and `--output file` (with one format) into output requests; a file named `-` is standard output. */
export function parseOutputRequests(formats: readonly string[] | undefined, output: string | undefined): OutputRequest[] {
  const specs = formats && formats.length > 0 ? formats : ['text'];
  const requests = specs.map((spec): OutputRequest => {
    const eq = spec.indexOf('=');
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const file = eq < 0 ? undefined : spec.slice(eq + 1);
    if (!isFormat(name)) throw new UsageError(`unknown format '${name}' (formats: ${FORMATS.join(', ')})`);
    if (file !== undefined && file.length === 0) throw new UsageError(`--format ${name}= needs a file name after '='`);
    return file === undefined || file === '-' ? { format: name } : { format: name, file };
  });
  if (output !== undefined) {
    if (requests.length !== 1) throw new UsageError('--output goes with a single --format; use --format name=file for several');
    if (requests[0]!.file !== undefined) throw new UsageError('give the file either with --output or with --format name=file, not both');
    if (output !== '-') requests[0] = { ...requests[0]!, file: output };
  }
  if (requests.filter((r) => r.file === undefined).length > 1)
    throw new UsageError('only one format can go to standard output; send the others to files with --format name=file');
  const files = requests.flatMap((r) => (r.file ? [path.resolve(r.file)] : []));
  if (new Set(files).size !== files.length) throw new UsageError('two formats are written to the same file');
  return requests;
}

export function parseNumberOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n < min || n > max)
    throw new UsageError(`${name} must be a number from ${min} to ${max}, not '${value}'`);
  return n;
}

/** A whole number option (`--max-findings`, `--max-gaps`): 0 or more. */
export function parseWholeNumberOption(name: string, value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`${name} must be a whole number, not '${value}'`);
  return Number(value);
}

/** What the formatters get from `--sarif-category` and `--guide-url`, checked. */
export function formatExtras(options: { sarifCategory?: string; guideUrl?: string }): { sarifCategory?: string; guideUrl?: string } {
  const { sarifCategory, guideUrl } = options;
  if (sarifCategory !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/.test(sarifCategory))
    throw new UsageError(
      `--sarif-category takes letters, digits and . _ : / @ + - (at most 200, starting with a letter or digit), not '${sarifCategory}'`,
    );
  if (guideUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(guideUrl);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.hash !== '' || guideUrl.includes('#') || /[\s<>()\\`"']/.test(guideUrl))
      throw new UsageError(
        `--guide-url must be an absolute http(s) address without a #fragment (the item's anchor is appended), not '${guideUrl}'`,
      );
  }
  return { ...(sarifCategory !== undefined ? { sarifCategory } : {}), ...(guideUrl !== undefined ? { guideUrl } : {}) };
}
