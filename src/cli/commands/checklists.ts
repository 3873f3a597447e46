// `commready checklists`: lists phases and items (or thresholds, or community types).
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { writeText } from '../write-text.js';
import { methodologyForCommand } from '../load-for-command.js';
import { renderChecklistList, renderParams, renderProfiles } from '../../report/render-methodology.js';
import type { CommandOptions } from '../command-table.js';

export async function runChecklists(options: CommandOptions<'checklists'>, io: CliIo): Promise<number> {
  const m = methodologyForCommand(options);
  const paint = await createPainter(options.color, io);
  writeText(io, options.params ? renderParams(m) : options.profiles ? renderProfiles(m) : renderChecklistList(m, paint), paint);
  return 0;
}
