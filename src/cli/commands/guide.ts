// `commready guide [phase]`: a phase's guide, readable without colour; without a phase, the list of phases.
import { UsageError } from '../../errors.js';
import { renderPhaseGuide } from '../../report/render-methodology.js';
import { closestMatches } from '../../text/closest-matches.js';
import type { CliIo } from '../io.js';
import { createPainter } from '../paint.js';
import { sanitizeLine as s } from '../../text/sanitize.js';
import { writeText } from '../write-text.js';
import { methodologyForCommand } from '../load-for-command.js';
import type { CommandOptions } from '../command-table.js';

export async function runGuide(phaseId: string | undefined, options: CommandOptions<'guide'>, io: CliIo): Promise<number> {
  const m = methodologyForCommand(options);
  const paint = await createPainter(options.color, io);
  if (phaseId === undefined) {
    const lines = m.phases.map((p, i) => `  ${i + 1}. ${p.id.padEnd(12)} ${s(p.title)} (${p.items.length} items)`);
    writeText(io, `${paint.bold(s(m.title))}\n\n${lines.join('\n')}\n\nRun 'commready guide <phase>' for a phase's guide.\n`, paint);
    return 0;
  }
  const byNumber = /^\d+$/.test(phaseId) ? m.phases[Number(phaseId) - 1] : undefined;
  const phase = byNumber ?? m.phases.find((p) => p.id === phaseId);
  if (!phase) {
    const hint = closestMatches(
      phaseId,
      m.phases.map((p) => p.id),
    );
    throw new UsageError(
      `unknown phase '${phaseId}'${hint.length ? `; did you mean '${hint[0]}'?` : ''} (phases: ${m.phases.map((p) => p.id).join(', ')})`,
    );
  }
  writeText(io, renderPhaseGuide(phase, m, paint), paint);
  return 0;
}
