// Streams a run through each requested format to standard output (a file name of '-') or its file, plan by
// plan: a run of any size holds one plan at a time, plus what each format's end needs.
import { FORMATTERS } from '../report/formatters.js';
import {
  plainPainter,
  type Format,
  type FormatContext,
  type FormatOutput,
  type FormatPart,
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
import { openSpoolFile, type SpoolFile } from '../io/spool-file.js';

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
  /** The file written, or standard output when there is none. */
  file?: OutputFile;
  stdout: (text: string) => void;
  /** Where the format's set-aside text goes: a spool opened when it first sets any aside. */
  aside: { spool?: SpoolFile };
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
  const closeSpools = (): void => {
    for (const o of outputs) o.aside.spool?.close();
  };
  const abort = (): void => {
    closeSpools();
    for (const o of outputs) o.file?.abort();
  };
  try {
    for (const request of requests) outputs.push(openOutput(run, request, io, paint, { ...extras, toolVersion }, rules));
  } catch (error) {
    abort();
    throw error;
  }
  return {
    plan(result) {
      for (const dir of result.methodology.directories) methodologyDirs.add(dir);
      for (const o of outputs) put(o, o.writer.plan(result));
    },
    end(end) {
      try {
        for (const o of outputs) putAll(o, o.writer.end(end));
        closeSpools();
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

/** One requested format, its writer opened with its context, and its file (unless it goes to standard output). */
function openOutput(
  run: RunStart,
  request: OutputRequest,
  io: CliIo,
  paint: Painter,
  extras: Pick<FormatContext, 'sarifCategory' | 'guideUrl' | 'toolVersion'>,
  rules: OutputRules,
): Output {
  const toStdout = request.file === undefined;
  const painter = toStdout && request.format === 'text' ? paint : plainPainter;
  const width = toStdout ? io.columns : undefined;
  const human = HUMAN_FORMATS.has(request.format);
  const colour = painter !== plainPainter;
  const aside: Output['aside'] = {};
  // Made safe as it is set aside, as any text on its way out: what comes back is written as it is.
  const setAside = (text: string): FormatPart => ({
    setAside: (aside.spool ??= openSpoolFile()).add(human ? sanitizeOutput(text, colour) : text),
  });
  return {
    writer: FORMATTERS[request.format](run, {
      ...extras,
      paint: painter,
      cwd: process.cwd(),
      ...(width ? { width } : {}),
      setAside,
    }),
    human,
    colour,
    stdout: (text) => io.stdout(text),
    aside,
    ...(toStdout ? {} : { file: openOutputFile(request.file!, rules) }),
  };
}

function safe(o: Output, raw: string): string {
  return o.human ? sanitizeOutput(raw, o.colour) : raw;
}

function put(o: Output, raw: string): void {
  if (raw === '') return;
  const text = safe(o, raw);
  if (o.file) o.file.write(text);
  else o.stdout(text);
}

function putBytes(o: Output, bytes: Buffer): void {
  if (bytes.length === 0) return;
  if (o.file) o.file.writeBytes(bytes);
  else o.stdout(bytes.toString('utf8'));
}

/**
 * An end given in parts is written in chunks of about a megabyte: never joined whole, never a write per
 * part. Set-aside parts come back from the spool as bytes, already made safe, and join the chunk as such.
 */
function putAll(o: Output, output: FormatOutput): void {
  if (typeof output === 'string') return put(o, output);
  let text = '';
  let bytes: Buffer[] = [];
  let byteCount = 0;
  const addBytes = (piece: Buffer): void => {
    bytes.push(piece);
    byteCount += piece.length;
    if (byteCount < CHUNK_CHARS) return;
    putBytes(o, bytes.length === 1 ? bytes[0]! : Buffer.concat(bytes, byteCount));
    bytes = [];
    byteCount = 0;
  };
  const addText = (): void => {
    if (text !== '') addBytes(Buffer.from(safe(o, text), 'utf8'));
    text = '';
  };
  for (const part of output) {
    if (typeof part === 'string') {
      text += part;
      if (text.length >= CHUNK_CHARS) addText();
    } else {
      addText();
      addBytes(o.aside.spool!.read(part.setAside));
    }
  }
  addText();
  if (byteCount > 0) putBytes(o, Buffer.concat(bytes, byteCount));
}
