// The command line: builds commander from the command table, parses argv, runs one command (loaded on
// demand) and decides the exit code. This is the only place that maps errors to exit codes.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { INTERRUPT_EXIT_CODES, InputError, InterruptedError, UsageError, formatDiagnostic } from '../errors.js';
import { sanitizeBlock, sanitizeLine } from '../text/sanitize.js';
import { processIo, type CliIo } from './io.js';
import { toolVersion } from '../io/tool-version.js';
import { COMMANDS, PROGRAM, type CommandSpec, type OptionSpec } from './command-table.js';

/** What a parsed command line asks for: the command, its arguments as commander gives them, its options and the global ones. */
export interface ParsedCommand {
  command: CommandSpec;
  args: readonly unknown[];
  options: Record<string, unknown>;
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, async ({ command, args, options }) => {
    // The one place where commander's untyped values meet the runners' types: both come from the table,
    // and test/unit/command-table.test.ts checks that commander parses what the types say.
    const runner = (await command.load()) as (...params: unknown[]) => Promise<number>;
    exitCode = await runner(...args, options, io);
  });
  // No command at all: help on standard output (so `commready | less` works), and the usage-error code.
  if (namesNoCommand(argv)) {
    io.stdout(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/** The commander program of the command table; `run` is called with the command that was parsed. */
export function buildProgram(io: CliIo, run: (parsed: ParsedCommand) => Promise<void>): Command {
  const program = new Command('commready')
    .description(PROGRAM.description)
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // commander quotes arguments as they were typed: they are sanitised like any other input.
      outputError: (s, write) =>
        write(
          `commready: ${sanitizeLine(
            s
              .replace(/^error: /, '')
              .trim()
              .replace(/\s*\n\s*/g, ' '),
          )}\n`,
        ),
    });
  for (const spec of PROGRAM.options) program.addOption(createOption(spec));
  program.addHelpText('after', helpAfter(PROGRAM));

  for (const spec of COMMANDS as readonly CommandSpec[]) {
    const command = program.command(spec.name).description(spec.description);
    for (const { name, description, default: value } of spec.arguments) {
      const argument = new Argument(name, description);
      command.addArgument(value === undefined ? argument : argument.default(value));
    }
    for (const option of spec.options) command.addOption(createOption(option));
    command.addHelpText('after', helpAfter(spec));
    command.action(() => run({ command: spec, args: command.processedArgs, options: command.optsWithGlobals() }));
  }
  return program;
}

/** A commander option from its definition: choices enforced, values of a repeatable option collected. */
export function createOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.repeatable ? `${spec.description}; repeatable` : spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.repeatable) {
    const { choices } = spec;
    option.argParser((value: string, previous: unknown) => {
      if (choices && !choices.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
      // As commander's own variadic options: a default is replaced, not added to.
      return previous === option.defaultValue || !Array.isArray(previous) ? [value] : [...(previous as string[]), value];
    });
  }
  if (spec.default !== undefined) option.default(spec.repeatable ? [spec.default] : spec.default);
  return option;
}

/** The examples and notes shown after the options. */
function helpAfter(spec: { readonly examples: readonly string[]; readonly notes?: string }): string {
  const examples = spec.examples.map((example) => `  $ commready ${example}`);
  return `\nExamples:\n${examples.join('\n')}${spec.notes === undefined ? '' : `\n\n${spec.notes}`}`;
}

/** True when argv holds global options at most: no command, no --help or --version. */
function namesNoCommand(argv: readonly string[]): boolean {
  const globals = PROGRAM.options.map((spec) => new Option(spec.flags));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const option = globals.find((o) => o.long === (eq < 0 ? arg : arg.slice(0, eq)));
    const takesValue = option !== undefined && (option.required || option.optional);
    if (option === undefined || (eq >= 0 && !takesValue)) return false;
    if (eq < 0 && option.required) i++;
  }
  return true;
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message through outputError.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
  }
  if (error instanceof InputError) {
    for (const d of error.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    return 2;
  }
  if (error instanceof InterruptedError) {
    io.stderr(`commready: ${sanitizeLine(error.message)}\n`);
    return INTERRUPT_EXIT_CODES[error.signal];
  }
  if (error instanceof UsageError) {
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
