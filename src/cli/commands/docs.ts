// `commready docs`: the Markdown reference generated from the checklists, and with --course the course
// generated from course.yaml beside them; --check fails when either file is stale.
import { existsSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { loadCourse } from '../../io/load-course.js';
import { loadValidation } from '../../io/package-files.js';
import { renderCourseMarkdown } from '../../report/render-course.js';
import { renderMethodologyMarkdown } from '../../report/render-methodology.js';
import { readTextFile } from '../../io/read-input.js';
import { checkOutputTargets, writeOutputFile } from '../../io/write-output-file.js';
import type { CliIo } from '../io.js';
import { methodologyForCommand } from '../load-for-command.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { writeText } from '../write-text.js';
import type { CommandOptions } from '../command-table.js';

export async function runDocs(options: CommandOptions<'docs'>, io: CliIo): Promise<number> {
  const methodology = methodologyForCommand(options);
  // A file name of '-' is standard output, as everywhere.
  const toFile = (name: string | undefined): string | undefined => (name === '-' ? undefined : name);
  const outputs: { file: string | undefined; text: string }[] = [
    { file: toFile(options.output), text: renderMethodologyMarkdown(methodology) },
  ];
  if (options.course !== undefined) {
    const course = loadCourse(methodology.location, methodology, loadValidation());
    if (!course)
      throw new InputError([{ file: methodology.location, message: '--course: this methodology has no course.yaml beside its manifest' }]);
    outputs.push({ file: toFile(options.course), text: renderCourseMarkdown(course, methodology) });
  }
  if (outputs.filter((o) => o.file === undefined).length > 1)
    throw new UsageError('only one of the methodology reference and the course can go to standard output; give the other a file');
  if (options.check) {
    if (!toFile(options.output)) throw new UsageError('--check needs --output <file>: the file to compare');
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
  // Never over a methodology file nor through a link; both targets are checked before either is written.
  const rules = { methodologyDirs: methodology.directories };
  checkOutputTargets(
    outputs.flatMap((o) => (o.file ? [o.file] : [])),
    rules,
  );
  for (const { file, text } of outputs) {
    if (file) writeOutputFile(file, text, rules);
    else writeText(io, text);
  }
  return 0;
}
