// Reads and writes a learner's progress file in the state directory. Writes go through the one output
// writer (atomic: a temporary file renamed over the old one, never through a link), into a folder made
// for the user alone; a file this version did not write is refused with what to do, never overwritten.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { describeFsError, readTextFile } from '../io/read-input.js';
import { writeOutputFile, type OutputRules } from '../io/write-output-file.js';
import type { Course } from '../methodology/course.js';
import { emptyProgress, parseProgress, type CourseProgress } from './progress.js';

/** The stored progress for `course`, or a fresh one when there is none yet. */
export function loadProgress(file: string, course: Pick<Course, 'id' | 'version'>): CourseProgress {
  if (!existsSync(file)) return emptyProgress(course);
  const text = readTextFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = parseProgress(value);
  const refuse = (why: string): never => {
    throw new InputError([{ file, message: `is not commready course progress (${why}); move it away to start afresh` }]);
  };
  if ('problem' in parsed) return refuse(parsed.problem);
  if (parsed.course.id !== course.id) return refuse(`it belongs to the course '${parsed.course.id}'`);
  return parsed;
}

/** Stores the progress atomically, creating the state folder (readable by the user alone) if needed. */
export function saveProgress(file: string, progress: CourseProgress, rules: OutputRules = {}): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new OutputError(path.dirname(file), describeFsError(error));
  }
  writeOutputFile(file, `${JSON.stringify(progress, null, 2)}\n`, rules);
}

/**
 * Applies `change` to the progress as it is on disk now, not as this process read it at its start, and
 * stores the result: a quiz left open in one terminal while another module's quiz, the practicum or
 * --learner is done in another would otherwise write its old copy over what the other stored.
 */
export function updateProgress(
  file: string,
  course: Pick<Course, 'id' | 'version'>,
  change: (stored: CourseProgress) => CourseProgress,
  rules: OutputRules = {},
): CourseProgress {
  const next = change(loadProgress(file, course));
  saveProgress(file, next, rules);
  return next;
}
