// `commready init [file]`: writes a commented starter plan through the plan writer; never overwrites
// without --force.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { didYouMean } from '../../text/closest-matches.js';
import { renderStarterPlan } from '../../plan/starter-plan.js';
import { paramTexts } from '../../methodology/placeholders.js';
import { resolveProfile } from '../../scoring/resolve-profile.js';
import { planSchemaRef } from '../../io/plan-schema-ref.js';
import { readPlanForEdit, savePlanText } from '../../io/save-plan.js';
import type { CliIo } from '../io.js';
import { methodologyForCommand } from '../load-for-command.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { writeText } from '../write-text.js';
import type { CommandOptions } from '../command-table.js';

export async function runInit(file: string, options: CommandOptions<'init'>, io: CliIo): Promise<number> {
  if (existsSync(file) && !options.force) throw new UsageError(`'${file}' already exists; use --force to overwrite it`);
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) throw new UsageError(`cannot write '${file}': directory '${path.dirname(file)}' not found`);
  const m = methodologyForCommand(options);
  if (options.type !== undefined && !m.profiles.some((p) => p.id === options.type)) {
    throw new UsageError(
      `--type: unknown community type '${options.type}'${didYouMean(
        options.type,
        m.profiles.map((p) => p.id),
      )} (types: ${m.profiles.map((p) => p.id).join(', ')})`,
    );
  }
  // The questions quoted in the comments speak in the words of the type chosen (a volunteer group's "organiser").
  const profile = resolveProfile(m, { ...(options.type ? { type: options.type } : {}), params: {} });
  const text = renderStarterPlan(m, {
    schemaPath: planSchemaRef(file),
    name: options.name ?? 'My community',
    ...(options.type ? { type: options.type } : {}),
    text: { words: profile.words, params: paramTexts(m.params, profile.params, 'stored') },
  });
  try {
    // The writer refuses a file that changed between this read and the write (atomic, mode kept).
    savePlanText(readPlanForEdit(file), text);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`cannot write '${file}': ${error.diagnostics[0]?.message ?? error.message}`);
    throw error;
  }
  writeText(
    io,
    `Wrote ${sanitizeLine(file)}. Next: run 'commready interview ${sanitizeLine(file)}', or fill it in and run 'commready report ${sanitizeLine(file)}'.\n`,
  );
  return 0;
}
