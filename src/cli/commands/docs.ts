// `commready docs`: the Markdown course generated from the checklists; --check fails when it is stale.
import { existsSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { renderMethodologyMarkdown } from '../../report/render-methodology.js';
import { readTextFile } from '../../io/read-input.js';
import { writeOutputFile } from '../../io/write-output-file.js';
import type { CliIo } from '../io.js';
import { methodologyForCommand } from '../load-for-command.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { writeText } from '../write-text.js';
import type { GlobalOptions } from '../shared.js';

export async function runDocs(options: GlobalOptions & { output?: string; check?: boolean }, io: CliIo): Promise<number> {
  const methodology = methodologyForCommand(options);
  const markdown = renderMethodologyMarkdown(methodology);
  if (options.check) {
    if (!options.output) throw new UsageError('--check needs --output <file>: the file to compare');
    const current = existsSync(options.output) ? readTextFile(options.output) : '';
    if (current === markdown) {
      io.stdout(`${sanitizeLine(options.output)} is up to date\n`);
      return 0;
    }
    io.stderr(`${sanitizeLine(options.output)}: out of date; run 'npm run docs' to regenerate it\n`);
    return 1;
  }
  if (options.output) writeOutputFile(options.output, markdown, { methodologyDirs: methodology.directories });
  else writeText(io, markdown);
  return 0;
}
