// A command line parsed straight from the command table, without loading commander: the common case of
// a CI run (`commready lint plans/ --format sarif=out.sarif`) then skips commander's start-up (it loads
// child_process and more: about 6% of a bare Node start). Anything this parser is not sure of (help,
// version, an unknown or misspelt option, a bad choice, a missing argument, combined short flags, `--`)
// is left to commander, which prints the help or the error; a test checks that both parsers agree.
import { COMMANDS, PROGRAM, type CommandSpec, type OptionSpec } from './command-table.js';

/** What a parsed command line asks for: the command, its arguments as commander gives them, its options and the global ones. */
export interface ParsedCommand {
  command: CommandSpec;
  args: readonly unknown[];
  options: Record<string, unknown>;
}

interface Flag {
  spec: OptionSpec;
  /** The option's key, as commander names it: `--min-score` → `minScore`, `--no-config` → `config`. */
  key: string;
  negated: boolean;
  takesValue: boolean;
}

const FLAGS = /^(?:-([A-Za-z]), )?--([a-z][a-z0-9-]*)(?: <[^>]+>)?$/;

/** The flags of the options by `--long` and `-s`, or undefined when one is of a form this parser leaves to commander. */
function flagsOf(specs: readonly OptionSpec[]): Map<string, Flag> | undefined {
  const flags = new Map<string, Flag>();
  for (const spec of specs) {
    const match = FLAGS.exec(spec.flags);
    // A default that a repeatable option's first value replaces is commander's to handle (none has one).
    if (!match || (spec.repeatable && spec.default !== undefined)) return undefined;
    const [, short, long] = match as unknown as [string, string | undefined, string];
    const negated = long.startsWith('no-');
    const key = (negated ? long.slice(3) : long).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const flag = { spec, key, negated, takesValue: spec.flags.includes('<') };
    flags.set(`--${long}`, flag);
    if (short) flags.set(`-${short}`, flag);
  }
  return flags;
}

/** True when argv holds global options at most: no command, no --help or --version. */
export function namesNoCommand(argv: readonly string[]): boolean {
  const flags = flagsOf(PROGRAM.options);
  if (!flags) return false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const eq = word.indexOf('=');
    const flag = flags.get(eq < 0 ? word : word.slice(0, eq));
    if (!flag || (eq >= 0 && !flag.takesValue)) return false;
    if (eq < 0 && flag.takesValue) i++;
  }
  return true;
}

/** The parsed command line, or undefined when commander must decide. */
export function parseSimpleCommandLine(argv: readonly string[]): ParsedCommand | undefined {
  const command = (COMMANDS as readonly CommandSpec[]).find((c) => c.name === argv[0]);
  if (!command) return undefined;
  const specs = [...PROGRAM.options, ...command.options];
  const flags = flagsOf(specs);
  if (!flags) return undefined;

  const options: Record<string, unknown> = {};
  for (const { spec, key } of flags.values()) {
    if (spec.default !== undefined) options[key] = spec.repeatable ? [spec.default] : spec.default;
  }
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-')) {
      positional.push(word);
      continue;
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const flag = flags.get(eq < 0 ? word : word.slice(0, eq));
    if (!flag) return undefined;
    if (!flag.takesValue) {
      if (eq >= 0) return undefined;
      options[flag.key] = !flag.negated;
    } else {
      const value = eq >= 0 ? word.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('-') && value !== '-')) return undefined;
      if (flag.spec.choices && !flag.spec.choices.includes(value)) return undefined;
      options[flag.key] = flag.spec.repeatable ? [...((options[flag.key] as string[] | undefined) ?? []), value] : value;
    }
  }

  const args: unknown[] = [];
  let next = 0;
  for (const { name, default: value } of command.arguments) {
    const required = name.startsWith('<');
    if (name.includes('...')) {
      const rest = positional.slice(next);
      next = positional.length;
      if (required && rest.length === 0) return undefined;
      args.push(rest);
    } else if (next < positional.length) {
      args.push(positional[next++]);
    } else {
      if (required) return undefined;
      args.push(value);
    }
  }
  return next === positional.length ? { command, args, options } : undefined;
}
