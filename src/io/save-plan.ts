// Reads a plan file for editing and writes it back through the one output writer (atomic, mode kept,
// never through a link), refusing to overwrite a file that changed on disk since it was read.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { describeFsError, readTextFile } from './read-input.js';
import { writeOutputFile, type OutputRules } from './write-output-file.js';

/** What the writer knows about the file: its text when last read or written, and that text's hash. */
export interface PlanFileState {
  readonly file: string;
  /** null when the file did not exist: it must still not exist when first saved. */
  readonly hash: string | null;
  readonly text: string;
}

export function hashText(text: string): string {
  // Loaded on first use: node:crypto is a good part of the interview's start, and a new plan hashes nothing before its first save.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The file's current state; a missing file is an empty plan that must not appear before the first save. */
export function readPlanForEdit(file: string): PlanFileState {
  let exists = true;
  try {
    readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError([{ file, message: describeFsError(error) }]);
    exists = false;
  }
  if (!exists) return { file, hash: null, text: '' };
  const text = readTextFile(file);
  return { file, hash: hashText(text), text };
}

/** Who reads a plan to write it back: the interview, or detect --apply. */
export type PlanReader = 'interview' | 'detect';

const STALE_ADVICE = {
  interview: 'the interview read it; not overwritten (your earlier answers are in it; run the interview again to continue)',
  detect: 'detect read it; not overwritten (run detect --apply again to write into what it holds now)',
} as const satisfies Record<PlanReader, string>;

function currentHash(file: string): string | null {
  try {
    return hashText(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError([{ file, message: describeFsError(error) }]);
  }
}

/**
 * Writes `text` over the file if it is still as `state` last saw it; a temporary file and a rename
 * mean a crash at any moment leaves the old or the new file, never a part of one. `rules` say what the
 * writer must refuse (methodology directories; --force for a link). Throws OutputError when it cannot.
 * `reader` says who read the file, and what to do, in the refusal.
 */
export function savePlanText(state: PlanFileState, text: string, rules: OutputRules = {}, reader: PlanReader = 'interview'): PlanFileState {
  const now = currentHash(state.file);
  if (now !== state.hash) {
    const what = state.hash === null ? 'was created by something else' : now === null ? 'was deleted' : 'was changed by something else';
    throw new InputError([
      {
        file: state.file,
        message: `${what} since ${STALE_ADVICE[reader]}`,
      },
    ]);
  }
  if (text === state.text && state.hash !== null) return state;
  writeOutputFile(state.file, text, rules);
  return { file: state.file, hash: hashText(text), text };
}
