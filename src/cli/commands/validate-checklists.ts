// `commready validate-checklists <dir>`: for methodology authors; problems are input errors (exit 2).
import { loadValidation } from '../../io/package-files.js';
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
  // A course beside the checklists is part of the methodology: it must name real phases, items and plan paths.
  const course = loadCourse(dir, m, validation);
  const items = allItems(m);
  const withEvidence = items.filter((i) => i.evidence.length > 0).length;
  writeText(
    io,
    `${sanitizeLine(dir)}: ${sanitizeLine(m.id)} ${sanitizeLine(m.version)} is valid: ${m.phases.length} phases, ${items.length} items (${withEvidence} checked by evidence, ${items.length - withEvidence} by assessment), ${m.levels.length} levels${course ? `; course '${sanitizeLine(course.id)}' valid: ${course.phases.length} phases, ${course.tracks.length} tracks` : ''}\n`,
  );
  return 0;
}
