// The command line: parses argv (from the command table, with commander only when needed), runs one
// command (loaded on demand) and decides the exit code. This is the only place that maps errors to exit
// codes.
import {
  INTERRUPT_EXIT_CODES,
  InputError,
  InterruptedError,
  OutputError,
  UnknownLevelError,
  UsageError,
  formatDiagnostic,
} from '../errors.js';
import { sanitizeBlock, sanitizeLine } from '../text/sanitize.js';
import { processIo, type CliIo } from './io.js';
import { parseSimpleCommandLine, type ParsedCommand } from './simple-command-line.js';

export type { ParsedCommand } from './simple-command-line.js';

/** A lint worker thread's work (bin/assess-worker.cjs): exported here so that the bundle, whose entry this is, carries it. */
export async function serveAssessments(): Promise<void> {
  (await import('./assess-worker.js')).serveAssessments();
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const parsed = parseSimpleCommandLine(argv);
    if (parsed) return await runCommand(parsed, io);
    const { runWithCommander } = await import('./commander-program.js');
    return await runWithCommander(argv, io, (command) => runCommand(command, io));
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

async function runCommand({ command, args, options }: ParsedCommand, io: CliIo): Promise<number> {
  // The one place where parsed, untyped values meet the runners' types: both come from the table, and
  // test/unit/command-table.test.ts checks that commander parses what the types say.
  const runner = (await command.load()) as (...params: unknown[]) => Promise<number>;
  // eslint-disable-next-line no-restricted-syntax -- the command's own arguments: at most two, from the command table
  return runner(...args, options, io);
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof InputError) {
    for (const d of error.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    return 2;
  }
  if (error instanceof OutputError) {
    io.stderr(`${formatDiagnostic({ file: error.file, message: error.message })}\n`);
    return 2;
  }
  if (error instanceof InterruptedError) {
    // Its lines are the command's own (what was saved, how to go on): each is made safe on its own.
    io.stderr(`commready: ${sanitizeBlock(error.message)}\n`);
    return INTERRUPT_EXIT_CODES[error.signal];
  }
  // The core's unknown-level error is a usage error at the command line: the level came from an option.
  if (error instanceof UsageError || error instanceof UnknownLevelError) {
    io.stderr(`commready: ${sanitizeLine(error.message)}\n`);
    return 2;
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(
    `commready: internal error (${sanitizeLine(detail.split('\n')[0] ?? '')}); this is a bug, please report it with the command you ran\n`,
  );
  if (io.env.COMMREADY_DEBUG && error instanceof Error && error.stack) io.stderr(`${sanitizeBlock(error.stack)}\n`);
  return 2;
}
