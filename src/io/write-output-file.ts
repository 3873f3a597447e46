// Writes a report or a generated document to a file the user named, atomically and keeping the file's
// mode and owner (write-file-atomic), after refusing any target that is not a place for output:
// a directory, a device, an input, or a file of a methodology.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { builtinChecklistsDir } from './package-files.js';
import { describeFsError } from './read-input.js';

/** What must never be written over. */
export interface ProtectedPaths {
  /** Files read in this run (plans). */
  inputs?: readonly string[];
  /** Methodology directories used in this run; the built-in one is always protected. */
  methodologyDirs?: readonly string[];
}

/** Why `file` may not receive output, or undefined when it may. */
export function outputTargetProblem(file: string, protect: ProtectedPaths = {}): string | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return describeFsError(error);
  }
  if (stat?.isDirectory()) return 'is a directory; name a file inside it';
  if (stat && !stat.isFile()) return 'is not a regular file; leave out the file name to write to standard output';
  const parent = path.dirname(path.resolve(file));
  try {
    if (!statSync(parent).isDirectory()) return 'a part of the path is not a directory';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? `directory '${path.dirname(file)}' not found` : describeFsError(error);
  }
  const target = realTarget(file);
  if ((protect.inputs ?? []).some((input) => realTarget(input) === target)) return 'is one of the inputs of this run';
  const dirs = [builtinChecklistsDir, ...(protect.methodologyDirs ?? [])].map((d) => realTarget(d));
  if (dirs.includes(path.dirname(target))) return 'is in a methodology directory; write it elsewhere';
  return undefined;
}

/** Writes `text` to `file`, or throws a one-line UsageError saying why it cannot. */
export function writeOutputFile(file: string, text: string, protect: ProtectedPaths = {}): void {
  const problem = outputTargetProblem(file, protect);
  if (problem) throw new UsageError(`cannot write '${file}': ${problem}`);
  try {
    // Loaded here: runs that write only to standard output never pay for it.
    const writeFileAtomic = createRequire(import.meta.url)('write-file-atomic') as typeof import('write-file-atomic');
    writeFileAtomic.sync(file, text, { encoding: 'utf8' });
  } catch (error) {
    throw new UsageError(`cannot write '${file}': ${describeFsError(error)}`);
  }
}

/** The path with links resolved (for a file not yet written: its directory's real path plus its name). */
function realTarget(file: string): string {
  try {
    // A link is judged by where it points: writing through it would change that file.
    if (lstatSync(file).isSymbolicLink() || statSync(file).isFile() || statSync(file).isDirectory()) return realpathSync(file);
  } catch {
    // not there yet
  }
  try {
    return path.join(realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return path.resolve(file);
  }
}
