// Reads course.yaml beside a methodology's manifest and hands it to the pure parser.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCourse, type Course } from '../methodology/course.js';
import type { Methodology } from '../methodology/types.js';
import type { Validation } from '../validation/schema-validation.js';
import { readYamlFile } from './read-input.js';

export const COURSE_FILE = 'course.yaml';

/** The course of the methodology in `dir`, or undefined when it has none. */
export function loadCourse(dir: string, methodology: Methodology, validation: Validation): Course | undefined {
  const file = path.join(dir, COURSE_FILE);
  return existsSync(file) ? parseCourse(readYamlFile(file), methodology, validation) : undefined;
}
