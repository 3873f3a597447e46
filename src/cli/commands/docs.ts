// `commready docs`: the Markdown reference generated from the checklists, and with --course the course
// generated from course.yaml beside them; --check fails when either file is stale.
import { existsSync, readFileSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { loadCourse } from '../../io/load-course.js';
import { loadValidation } from '../../io/package-files.js';
import { renderCourseMarkdown } from '../../report/render-course.js';
import { renderMethodologyMarkdown } from '../../report/render-methodology.js';
import { writeFileAtomic, type CliIo } from '../io.js';
import { methodologyForCommand } from '../load-for-command.js';
import type { GlobalOptions } from '../shared.js';

export async function runDocs(options: GlobalOptions & { output?: string; course?: string; check?: boolean }, io: CliIo): Promise<number> {
  const methodology = methodologyForCommand(options);
  const outputs: { file: string | undefined; text: string }[] = [{ file: options.output, text: renderMethodologyMarkdown(methodology) }];
  if (options.course !== undefined) {
    const course = loadCourse(methodology.location, methodology, loadValidation());
    if (!course) throw new InputError([{ file: methodology.location, message: "--course: this methodology has no course.yaml beside its manifest" }]);
    outputs.push({ file: options.course, text: renderCourseMarkdown(course, methodology) });
  }
  if (options.check) {
    if (!options.output) throw new UsageError('--check needs --output <file>: the file to compare');
    let stale = 0;
    for (const { file, text } of outputs) {
      const current = existsSync(file!) ? readFileSync(file!, 'utf8') : '';
      if (current === text) io.stdout(`${file} is up to date\n`);
      else {
        io.stderr(`${file}: out of date; run 'npm run docs' to regenerate it\n`);
        stale++;
      }
    }
    return stale > 0 ? 1 : 0;
  }
  for (const { file, text } of outputs) {
    if (file) writeFileAtomic(file, text);
    else io.stdout(text);
  }
  return 0;
}
