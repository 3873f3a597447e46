// The one writer for every file commready writes: reports, diffs, the interview's gap report and plan
// saves, generated docs and starter plans. It writes atomically (a new temporary file renamed over the
// target) and keeps the mode and owner of the file it replaces, after refusing any target that is not a
// place for output: a symbolic link (never followed: in a pull request's checkout it may point anywhere),
// a directory, a device, a pipe, an input of the run, or a file inside a methodology directory.
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { builtinChecklistsDir } from './package-files.js';
import { describeFileKind, describeFsError } from './read-input.js';
import { realPath } from './real-path.js';

/** What must never be written over, and what a command's --force allows. */
export interface OutputRules {
  /** Files read in this run (plans, reports, baselines). */
  inputs?: readonly string[];
  /** Methodology directories used in this run; the built-in one is always protected. */
  methodologyDirs?: readonly string[];
  /**
   * The command's --force was given: a symbolic link at the path is replaced by the file (the link's
   * target is never written). Set to false by commands that have a --force the user did not give, so
   * that the refusal names it.
   */
  force?: boolean;
}

/** Why `file` may not receive output, or undefined when it may. */
export function outputTargetProblem(file: string, rules: OutputRules = {}): string | undefined {
  let stat: Stats | undefined;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return describeFsError(error);
  }
  if (stat?.isSymbolicLink() && rules.force !== true) {
    const hint = rules.force === false ? 'remove it, or give --force to replace the link itself' : 'remove it, or write elsewhere';
    return `is a symbolic link; commready never writes through one (${hint})`;
  }
  if (stat?.isDirectory()) return 'is a directory; name a file inside it';
  if (stat && !stat.isFile() && !stat.isSymbolicLink())
    return `is not a regular file (${describeFileKind(stat)}); leave out the file name to write to standard output`;
  const parent = path.dirname(path.resolve(file));
  try {
    if (!statSync(parent).isDirectory()) return 'a part of the path is not a directory';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? `directory '${path.dirname(file)}' not found` : describeFsError(error);
  }
  // The entry itself, never what a link there points to: that entry is what gets replaced.
  const target = path.join(realPath(parent), path.basename(file));
  if ((rules.inputs ?? []).some((input) => realPath(input) === target)) return 'is one of the inputs of this run';
  for (const dir of [builtinChecklistsDir, ...(rules.methodologyDirs ?? [])]) {
    const relative = path.relative(realPath(dir), target);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative))
      return 'is in a methodology directory; write it elsewhere';
  }
  return undefined;
}

/** Throws an OutputError for the first file that may not receive output: checked before anything is written. */
export function checkOutputTargets(files: readonly string[], rules: OutputRules = {}): void {
  for (const file of files) {
    const problem = outputTargetProblem(file, rules);
    if (problem) throw new OutputError(file, problem);
  }
}

/** A file being written: text goes to a temporary file beside it, which `commit` renames over the target. */
export interface OutputFile {
  write(text: string): void;
  /** Writes text already encoded as UTF-8. */
  writeBytes(bytes: Uint8Array): void;
  /** Checks the target again (with `rules`, which may name more now) and renames the written file over it. */
  commit(rules?: OutputRules): void;
  /** Removes the temporary file; the target is untouched. */
  abort(): void;
}

/**
 * Opens `file` for output, or throws an OutputError (shown as `file: message`) saying why it cannot.
 * The file is replaced by a rename, so a link put there after the check is replaced too, never followed,
 * and a crash leaves the old file or the new one, never a part.
 */
export function openOutputFile(file: string, rules: OutputRules = {}): OutputFile {
  checkOutputTargets([file], rules);
  let old: Stats | undefined;
  try {
    const stat = lstatSync(file);
    if (stat.isFile()) old = stat;
  } catch {
    // a new file
  }
  // Not node:crypto, which the lint path does not otherwise load: 'wx' below makes a clash an error, not a risk.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined;
  const fail = (error: unknown): never => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(temp, { force: true });
    throw error instanceof OutputError ? error : new OutputError(file, describeFsError(error));
  };
  try {
    // 'wx': created here, never an existing file or a link someone placed at the temporary name.
    fd = openSync(temp, 'wx', 0o666);
    if (old) {
      fchmodSync(fd, old.mode & 0o7777);
      // Only root can give a file away; others keep what they write, as with any editor.
      if (process.getuid?.() === 0 && (old.uid !== 0 || old.gid !== 0)) fchownSync(fd, old.uid, old.gid);
    }
  } catch (error) {
    fail(error);
  }
  const writeBytes = (bytes: Uint8Array): void => {
    try {
      for (let written = 0; written < bytes.length;) written += writeSync(fd!, bytes, written);
    } catch (error) {
      fail(error);
    }
  };
  return {
    write(text) {
      writeBytes(Buffer.from(text, 'utf8'));
    },
    writeBytes,
    commit(finalRules = rules) {
      try {
        checkOutputTargets([file], finalRules);
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(temp, file);
      } catch (error) {
        fail(error);
      }
    },
    abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(temp, { force: true });
    },
  };
}

/** Writes `text` to `file` whole, through `openOutputFile`. */
export function writeOutputFile(file: string, text: string, rules: OutputRules = {}): void {
  const out = openOutputFile(file, rules);
  out.write(text);
  out.commit();
}

/**
 * Removes the temporary files an earlier writer of `file` left when it was killed between creating one
 * and renaming it (`.name.<pid>.<random>.tmp`, beside the file), where that process is gone. Called
 * before a command writes `file` again, so no such file stays where the user sees it. Quietly does
 * nothing where the folder cannot be read.
 */
export function removeStaleTemporaryFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[a-z0-9]+\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    try {
      if (lstatSync(path.join(dir, name)).isFile()) rmSync(path.join(dir, name), { force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
