// `commready docs`: the Markdown reference generated from the checklists, and with --course the course
// generated from course.yaml beside them; --check fails when either file is stale.
import { existsSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { loadCourse } from '../../io/load-course.js';
import { loadValidation } from '../../io/package-files.js';
import { renderCourseMarkdown } from '../../report/render-course.js';
import { renderMethodologyMarkdown } from '../../report/render-methodology.js';
import { readTextFile } from '../../io/read-input.js';
import { writeOutputFile } from '../../io/write-output-file.js';
import type { CliIo } from '../io.js';
import { methodologyForCommand } from '../load-for-command.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { writeText } from '../write-text.js';
import type { CommandOptions } from '../command-table.js';

export async function runDocs(options: CommandOptions<'docs'>, io: CliIo): Promise<number> {
  const methodology = methodologyForCommand(options);
  const outputs: { file: string | undefined; text: string }[] = [{ file: options.output, text: renderMethodologyMarkdown(methodology) }];
  if (options.course !== undefined) {
    const course = loadCourse(methodology.location, methodology, loadValidation());
    if (!course)
      throw new InputError([{ file: methodology.location, message: '--course: this methodology has no course.yaml beside its manifest' }]);
    outputs.push({ file: options.course, text: renderCourseMarkdown(course, methodology) });
  }
  if (options.check) {
    if (!options.output) throw new UsageError('--check needs --output <file>: the file to compare');
    let stale = 0;
    for (const { file, text } of outputs) {
      const current = file !== undefined && existsSync(file) ? readTextFile(file) : '';
      if (current === text) io.stdout(`${sanitizeLine(file ?? '-')} is up to date\n`);
      else {
        io.stderr(`${sanitizeLine(file ?? '-')}: out of date; run 'npm run docs' to regenerate it\n`);
        stale++;
      }
    }
    return stale > 0 ? 1 : 0;
  }
  for (const { file, text } of outputs) {
    // Never over a methodology file; the file's mode is kept.
    if (file) writeOutputFile(file, text, { methodologyDirs: methodology.directories });
    else writeText(io, text);
  }
  return 0;
}
