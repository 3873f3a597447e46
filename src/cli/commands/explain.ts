// `commready explain <item-id>`: the item's guide; an unknown id suggests the nearest ones.
import { UsageError } from '../../errors.js';
import { allItems, findItem } from '../../methodology/types.js';
import { renderItemGuide } from '../../report/render-methodology.js';
import { closestMatches } from '../../text/closest-matches.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { writeText } from '../write-text.js';
import { methodologyForCommand } from '../load-for-command.js';
import type { CommandOptions } from '../command-table.js';

export async function runExplain(id: string, options: CommandOptions<'explain'>, io: CliIo): Promise<number> {
  const m = methodologyForCommand(options);
  const item = findItem(m, id);
  if (!item) {
    const ids = allItems(m).map((i) => i.id);
    const retired = m.retired.find((r) => r.id === id);
    if (retired) throw new UsageError(`item '${id}' is retired: ${retired.reason}`);
    const hint = closestMatches(id, ids);
    throw new UsageError(
      `unknown item '${id}'${hint.length ? `; did you mean ${hint.map((h) => `'${h}'`).join(', ')}?` : ''} ('commready checklists' lists them all)`,
    );
  }
  const paint = await createPainter(options.color, io);
  writeText(io, renderItemGuide(item, m, paint), paint);
  return 0;
}
