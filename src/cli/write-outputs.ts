// Streams a run through each requested format to standard output (a file name of '-') or its file, plan by
// plan: a run of any size holds one plan at a time, plus what each format's end needs.
import { FORMATTERS } from '../report/formatters.js';
import {
  plainPainter,
  type Format,
  type FormatContext,
  type FormatOutput,
  type FormatWriter,
  type JudgedPlan,
  type Painter,
  type RunEnd,
  type RunStart,
} from '../report/types.js';
import { sanitizeOutput } from '../text/sanitize.js';
import type { CliIo } from './io.js';
import type { OutputRequest } from './shared.js';
import { checkOutputTargets, openOutputFile, type OutputFile, type OutputRules } from '../io/write-output-file.js';

/**
 * Formats read as prose in a terminal or a CI log get the last safety pass, which changes nothing their own
 * escaping made safe; the others are syntax (JSON, XML, workflow commands) and escape by their own rules.
 */
const HUMAN_FORMATS: ReadonlySet<Format> = new Set<Format>(['text', 'markdown', 'markdown-compact', 'html']);

const CHUNK_CHARS = 1 << 20;

/** A run's outputs, open: each plan goes to every output as it is judged; `end` finishes them all. */
export interface RunOutputs {
  plan(result: JudgedPlan): void;
  /** Writes each format's end and puts each file in place (none before every one is complete). */
  end(end: RunEnd): void;
  /** Leaves every file target as it was (a run stopped by an error). */
  abort(): void;
}

interface Output {
  writer: FormatWriter;
  human: boolean;
  colour: boolean;
  file?: OutputFile;
}

/**
 * Every file target is checked before anything is written, so a refused one leaves the others untouched,
 * and again before each is put in place, with every methodology directory the run used. `rules.inputs` are
 * the files the run reads (plans, a baseline), which no output may replace.
 */
export function openOutputs(
  run: RunStart,
  requests: readonly OutputRequest[],
  io: CliIo,
  paint: Painter,
  toolVersion: string,
  rules: OutputRules,
  extras: Pick<FormatContext, 'sarifCategory' | 'guideUrl'> = {},
): RunOutputs {
  checkOutputTargets(
    requests.flatMap((r) => (r.file === undefined ? [] : [r.file])),
    rules,
  );
  const methodologyDirs = new Set(rules.methodologyDirs ?? []);
  const outputs: Output[] = [];
  const abort = (): void => {
    for (const o of outputs) o.file?.abort();
  };
  try {
    for (const request of requests) {
      const toStdout = request.file === undefined;
      const painter = toStdout && request.format === 'text' ? paint : plainPainter;
      const width = toStdout ? io.columns : undefined;
      outputs.push({
        writer: FORMATTERS[request.format](run, {
          ...extras,
          toolVersion,
          paint: painter,
          cwd: process.cwd(),
          ...(width ? { width } : {}),
        }),
        human: HUMAN_FORMATS.has(request.format),
        colour: painter !== plainPainter,
        ...(toStdout ? {} : { file: openOutputFile(request.file!, rules) }),
      });
    }
  } catch (error) {
    abort();
    throw error;
  }
  const put = (o: Output, raw: string): void => {
    if (raw === '') return;
    const text = o.human ? sanitizeOutput(raw, o.colour) : raw;
    if (o.file) o.file.write(text);
    else io.stdout(text);
  };
  /** An end given in parts is written in chunks of about a megabyte: never joined whole, never a write per part. */
  const putAll = (o: Output, output: FormatOutput): void => {
    if (typeof output === 'string') return put(o, output);
    let chunk = '';
    for (const part of output) {
      chunk += part;
      if (chunk.length >= CHUNK_CHARS) {
        put(o, chunk);
        chunk = '';
      }
    }
    put(o, chunk);
  };
  return {
    plan(result) {
      for (const dir of result.methodology.directories) methodologyDirs.add(dir);
      for (const o of outputs) put(o, o.writer.plan(result));
    },
    end(end) {
      try {
        for (const o of outputs) putAll(o, o.writer.end(end));
        const finalRules = { ...rules, methodologyDirs: [...methodologyDirs] };
        for (const o of outputs) o.file?.commit(finalRules);
      } catch (error) {
        abort();
        throw error;
      }
    },
    abort,
  };
}
