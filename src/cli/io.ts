// The process's streams and clock, passed to commands so that tests can replace them.
import { fstatSync, readSync, writeSync } from 'node:fs';
import { InputError } from '../errors.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Today's local date, YYYY-MM-DD. */
  today(): string;
  /** The width of standard output when it is a terminal; undefined when it is a pipe or a file. */
  columns?: number | undefined;
  /** True when standard output is a terminal (absent: it is not). */
  stdoutIsTerminal?(): boolean;
  /** Standard input, read to its end (lint --stdin); at most `maxBytes`, refusing a terminal. */
  readStdin?(maxBytes: number): Buffer;
}

let terminal: boolean | undefined;
/** Asked without touching process.stdout: a file or a pipe is told by fstat, and only a character device needs tty. */
function stdoutIsTerminal(): boolean {
  if (terminal === undefined) {
    try {
      terminal = fstatSync(1).isCharacterDevice() && process.getBuiltinModule('node:tty').isatty(1);
    } catch {
      terminal = false;
    }
  }
  return terminal;
}

let stdoutClosed = false;
let stdoutStream: NodeJS.WriteStream | undefined;
/**
 * Writes to file descriptor 1 directly. process.stdout writes synchronously on Linux for files, pipes
 * and terminals alike, so the order of output is the same, but creating the stream loads Node's whole
 * stream and socket machinery (about 2% of a bare start). A reader that stops early (`| head`) closes
 * the pipe: the rest is dropped quietly, as Unix tools do. A non-blocking descriptor that is full
 * (EAGAIN) hands the rest of the output to process.stdout, which waits for the reader.
 */
function writeStdout(text: string): void {
  if (stdoutClosed) return;
  if (stdoutStream) {
    stdoutStream.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') stdoutClosed = true;
    else if (code === 'EAGAIN') {
      stdoutStream = process.stdout.on('error', (streamError: NodeJS.ErrnoException) => {
        stdoutClosed = true;
        if (streamError.code !== 'EPIPE') process.stderr.write(`commready: cannot write to standard output: ${streamError.message}\n`);
      });
      stdoutStream.write(bytes.subarray(written));
    } else throw error;
  }
}

/** Reads file descriptor 0 to its end, synchronously; a terminal is refused (it would wait for typing). */
function readStdin(maxBytes: number): Buffer {
  if (process.getBuiltinModule('node:tty').isatty(0))
    throw new InputError([
      { file: '<stdin>', message: 'standard input is a terminal: pipe the plan in (commready lint --stdin < plan.yaml)' },
    ]);
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe with nothing in it yet: wait a little for the writer, without spinning.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw new InputError([{ file: '<stdin>', message: `cannot read standard input: ${(error as Error).message}` }]);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new InputError([{ file: '<stdin>', message: `the plan is too large (more than ${maxBytes} bytes)` }]);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

export const processIo: CliIo = {
  readStdin,
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  get columns() {
    return stdoutIsTerminal() ? process.stdout.columns : undefined;
  },
  stdoutIsTerminal,
  today: () => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  },
};
