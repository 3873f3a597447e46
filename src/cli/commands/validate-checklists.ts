// `commready validate-checklists <dir>`: for methodology authors; problems are input errors (exit 2).
import { loadValidation } from '../../io/package-files.js';
import { checkCasePlans } from '../../course/case-plans.js';
import { loadCourse } from '../../io/load-course.js';
import { loadMethodology } from '../../io/load-methodology.js';
import { allItems } from '../../methodology/types.js';
import type { CliIo } from '../io.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { writeText } from '../write-text.js';
import type { CommandOptions } from '../command-table.js';

export async function runValidateChecklists(dir: string, _options: CommandOptions<'validate-checklists'>, io: CliIo): Promise<number> {
  // Authors want the files checked as they are now, never the build's snapshot of them.
  const validation = loadValidation();
  const m = loadMethodology(dir, validation, { snapshot: false });
  // A course beside the checklists is part of the methodology: it must name real phases, items, plan
  // paths, profiles and references, exercise every item, and each track's case plan must pass the
  // practicum it illustrates (judged as of the day the case names, so the answer never changes).
  const course = loadCourse(dir, m, validation);
  if (course) checkCasePlans(course, m, validation);
  const items = allItems(m);
  const withEvidence = items.filter((i) => i.evidence.length > 0).length;
  const courseLine = course
    ? `; course '${sanitizeLine(course.id)}' valid: ${course.modules.length} modules, ${course.modules.reduce((n, x) => n + x.questions.length, 0)} questions, every item exercised, ${course.tracks.length} tracks whose case plans reach ${sanitizeLine(m.levels.find((l) => l.id === course.practicum.level)?.title ?? course.practicum.level)}`
    : '';
  writeText(
    io,
    `${sanitizeLine(dir)}: ${sanitizeLine(m.id)} ${sanitizeLine(m.version)} is valid: ${m.phases.length} phases, ${items.length} items (${withEvidence} checked by evidence, ${items.length - withEvidence} by assessment), ${m.levels.length} levels${courseLine}\n`,
  );
  return 0;
}
