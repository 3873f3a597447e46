// `commready init [file]`: writes a commented starter plan through the plan writer; never overwrites
// without --force, and even with it never writes through a link (it replaces the link) or into a
// methodology directory.
import { existsSync, lstatSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { didYouMean } from '../../text/closest-matches.js';
import { STARTER_NAME, renderStarterPlan } from '../../plan/starter-plan.js';
import { paramTexts } from '../../methodology/placeholders.js';
import { resolveProfile } from '../../scoring/resolve-profile.js';
import { planSchemaRef } from '../../io/plan-schema-ref.js';
import { readPlanForEdit, savePlanText } from '../../io/save-plan.js';
import { checkOutputTargets, writeOutputFile } from '../../io/write-output-file.js';
import type { CliIo } from '../io.js';
import { methodologyForCommand } from '../load-for-command.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { writeText } from '../write-text.js';
import { wrapLines } from '../../interview/wrap-lines.js';
import type { CommandOptions } from '../command-table.js';

export async function runInit(file: string, options: CommandOptions<'init'>, io: CliIo): Promise<number> {
  const exists = existsSync(file) || isLink(file);
  if (exists && !options.force) throw new UsageError(`'${file}' already exists; use --force to overwrite it`);
  const m = methodologyForCommand(options);
  const rules = { force: options.force === true, methodologyDirs: m.directories };
  checkOutputTargets([file], rules);
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
    name: options.name ?? STARTER_NAME,
    ...(options.type ? { type: options.type } : {}),
    text: { words: profile.words, params: paramTexts(m.params, profile.params, 'stored') },
  });
  try {
    // With --force the file (or link) there is replaced as it is; a new file must not appear meanwhile.
    if (exists) writeOutputFile(file, text, rules);
    else savePlanText(readPlanForEdit(file), text, rules);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`cannot write '${file}': ${error.diagnostics[0]?.message ?? error.message}`);
    throw error;
  }
  // Wrapped at word boundaries in a terminal: the terminal itself would break a word in two.
  const next = `Wrote ${sanitizeLine(file)}. Next: run 'commready interview ${sanitizeLine(file)}', or fill it in and run 'commready report ${sanitizeLine(file)}'.`;
  writeText(io, `${wrapLines(next, io.columns)}\n`);
  return 0;
}

/** A link whose target is missing is still something --force must be asked for. */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
