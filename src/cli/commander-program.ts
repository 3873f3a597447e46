// The command line through commander, built from the command table: for help, the version, and every
// command line the simple parser leaves to it (errors, suggestions for misspelt options, combined flags).
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { sanitizeLine } from '../text/sanitize.js';
import { toolVersion } from '../io/tool-version.js';
import { COMMANDS, PROGRAM, type CommandSpec, type OptionSpec } from './command-table.js';
import type { CliIo } from './io.js';
import { namesNoCommand, type ParsedCommand } from './simple-command-line.js';

/** Parses argv with commander and runs the command through `run`; resolves to the exit code. */
export async function runWithCommander(
  argv: readonly string[],
  io: CliIo,
  run: (parsed: ParsedCommand) => Promise<number>,
): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, async (parsed) => {
    exitCode = await run(parsed);
  });
  // No command at all: help on standard output (so `commready | less` works), and the usage-error code.
  if (namesNoCommand(argv)) {
    io.stdout(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(withoutHelpForUnknownCommand(argv), { from: 'user' });
    return exitCode;
  } catch (error) {
    // commander has already printed its message through outputError.
    if (error instanceof CommanderError)
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2;
    throw error;
  }
}

/**
 * `commready frobnicate --help` would show the program's help and exit 0, as if the command existed:
 * without its help flags, commander names the unknown command (with a suggestion) and exits 2.
 */
function withoutHelpForUnknownCommand(argv: readonly string[]): string[] {
  const isHelp = (word: string) => word === '--help' || word === '-h';
  if (!argv.some(isHelp)) return [...argv];
  const takesValue = new Set(PROGRAM.options.filter((o) => o.flags.includes('<')).flatMap((o) => o.flags.match(/--?[\w-]+/g) ?? []));
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return [...argv];
    if (word.startsWith('-')) {
      if (takesValue.has(word)) i++;
      continue;
    }
    const known = word === 'help' || COMMANDS.some((c) => c.name === word);
    return known ? [...argv] : argv.filter((w) => !isHelp(w));
  }
  return [...argv];
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
