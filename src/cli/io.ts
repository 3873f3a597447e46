// The process's streams and clock, passed to commands so that tests can replace them.
import { fstatSync, writeSync } from 'node:fs';

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

export const processIo: CliIo = {
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
