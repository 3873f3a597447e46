// Text a format sets aside until the end of a run (an HTML page's articles, which follow an overview of every
// plan; SARIF's results, of which only the most severe are kept), held in a temporary file instead of memory
// and read back piece by piece. The file has no name from the moment it is opened, wherever it can: the
// system frees it when the process ends, however it ends.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { describeFsError } from './read-input.js';

/** Pieces of text written to a temporary file in turn, each read back by its number. */
export interface SpoolFile {
  /** Sets `text` aside; returns its number (0, 1, 2, … in the order given). */
  add(text: string): number;
  /** The UTF-8 bytes of piece `index`. */
  read(index: number): Buffer;
  /** Closes the file, which goes with it. Safe to call more than once. */
  close(): void;
}

/** Pieces are written in batches of about this many bytes: not a system call per piece. */
const BATCH_BYTES = 1 << 20;

/** Opens an empty spool in the system's temporary folder, or throws an OutputError naming it. */
export function openSpoolFile(): SpoolFile {
  // Not node:crypto, which the lint path does not otherwise load: 'wx+' makes a clash an error, not a risk.
  const file = path.join(tmpdir(), `commready-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fail = (error: unknown): never => {
    throw error instanceof OutputError ? error : new OutputError(file, `temporary file: ${describeFsError(error)}`);
  };
  let fd: number | undefined;
  try {
    fd = openSync(file, 'wx+', 0o600);
  } catch (error) {
    fail(error);
  }
  let named = true;
  const remove = (): void => {
    if (!named) return;
    named = false;
    rmSync(file, { force: true });
  };
  try {
    // Unlinked while open: on POSIX systems (and on Windows, which opens files with delete sharing) the
    // data stays readable through the descriptor and the space is freed when it closes, even on a crash.
    remove();
  } catch {
    named = true;
    process.once('exit', remove);
  }
  /** Where each piece starts, and after the last one, where the next will. */
  const starts: number[] = [0];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let written = 0;
  const flush = (): void => {
    if (pendingBytes === 0) return;
    const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(fd!, bytes, done, bytes.length - done, written + done);
    } catch (error) {
      fail(error);
    }
    written += bytes.length;
  };
  return {
    add(text) {
      const bytes = Buffer.from(text, 'utf8');
      pending.push(bytes);
      pendingBytes += bytes.length;
      starts.push(starts[starts.length - 1]! + bytes.length);
      if (pendingBytes >= BATCH_BYTES) flush();
      return starts.length - 2;
    },
    read(index) {
      flush();
      const start = starts[index];
      const end = starts[index + 1];
      if (start === undefined || end === undefined) throw new RangeError(`no piece ${index} in the spool`);
      const bytes = Buffer.allocUnsafe(end - start);
      try {
        for (let done = 0; done < bytes.length;) {
          const n = readSync(fd!, bytes, done, bytes.length - done, start + done);
          if (n === 0) throw new Error('the temporary file ended early');
          done += n;
        }
      } catch (error) {
        fail(error);
      }
      return bytes;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      pending = [];
      try {
        remove();
      } finally {
        process.removeListener('exit', remove);
      }
    },
  };
}
