import { describe, expect, expectTypeOf, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { buildProgram, createOption } from '../../src/cli/commander-program.js';
import { main, type ParsedCommand } from '../../src/cli/main.js';
import {
  COMMANDS,
  PROGRAM,
  type CommandArguments,
  type CommandName,
  type CommandOptions,
  type CommandSpec,
  type GlobalOptions,
  type OptionSpec,
} from '../../src/cli/command-table.js';
import { FORMATS } from '../../src/report/types.js';
import { FAIL_ON, type FailOn } from '../../src/scoring/verdict.js';
import { fakeIo } from '../helpers.js';

const SPECS: readonly CommandSpec[] = COMMANDS;
const GLOBAL_SPECS: readonly OptionSpec[] = PROGRAM.options;

/** Parses argv with the real program, recording the command it would run instead of running it. */
async function parse(argv: readonly string[]): Promise<ParsedCommand> {
  let parsed: ParsedCommand | undefined;
  await buildProgram(fakeIo(), async (p) => {
    parsed = p;
  }).parseAsync([...argv], { from: 'user' });
  if (!parsed) throw new Error(`no command ran for: ${argv.join(' ')}`);
  return parsed;
}

/** A command line's words as a shell splits them (quotes removed), up to a pipe. */
function shellWords(line: string): string[] {
  return [...line.split('|')[0]!.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The key the option types give an option, by their rule: the long name without `no-`, camel-cased. */
function typedKey(flags: string): string {
  const long = /--([\w-]+)/.exec(flags)![1]!;
  return long.replace(/^no-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/** Values for a command's required arguments, so that it parses. */
function requiredArguments(spec: CommandSpec): string[] {
  return spec.arguments.filter((a) => a.name.startsWith('<')).map((a) => `some-${a.name.replace(/\W/g, '')}`);
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('the command table and commander', () => {
  it('registers exactly the commands of the table, in its order', () => {
    const program = buildProgram(fakeIo(), async () => undefined);
    expect(program.commands.map((c) => c.name())).toEqual(SPECS.map((s) => s.name));
  });

  it('lists every command, its arguments and its description in the program help', async () => {
    const io = fakeIo();
    expect(await main(['--help'], io)).toBe(0);
    const help = flat(io.out.join(''));
    for (const spec of SPECS) {
      expect(help).toContain(` ${spec.name} `);
      expect(help).toContain(flat(spec.description));
      for (const argument of spec.arguments) expect(help, spec.name).toContain(argument.name);
    }
    for (const option of PROGRAM.options) expect(help).toContain(`${option.flags} ${flat(option.description)}`);
  });

  it("lists every option, argument, choice and example of a command in the command's help", async () => {
    for (const spec of SPECS) {
      const io = fakeIo();
      expect(await main([spec.name, '--help'], io), spec.name).toBe(0);
      const help = flat(io.out.join(''));
      for (const { name, description } of spec.arguments) {
        expect(help, spec.name).toContain(`${name.replace(/^[<[]|\.\.\.|[>\]]$/g, '')} ${flat(description)}`);
      }
      for (const option of spec.options) {
        expect(help, spec.name).toContain(`${option.flags} ${flat(option.description)}`);
        for (const choice of option.choices ?? []) expect(help, `${spec.name} ${option.flags}`).toContain(`"${choice}"`);
      }
      expect(help, spec.name).toContain('Examples:');
      for (const example of spec.examples) expect(help, spec.name).toContain(`$ commready ${example}`);
    }
  });

  it('derives the help lists from the registries: formats, --fail-on severities, diff formats', async () => {
    const lint = fakeIo();
    await main(['lint', '--help'], lint);
    expect(flat(lint.out.join(''))).toContain(`output format (${FORMATS.join(', ')})`);
    expect(flat(lint.out.join(''))).toContain(`(choices: ${FAIL_ON.map((f) => `"${f}"`).join(', ')})`);
    const diff = fakeIo();
    await main(['diff', '--help'], diff);
    expect(flat(diff.out.join(''))).toContain('(choices: "text", "markdown", default: "text")');
  });

  it('parses every option of every command to the key and value its type names', async () => {
    for (const spec of SPECS) {
      const base = [spec.name, ...requiredArguments(spec)];
      const absent = await parse(base);
      for (const option of [...GLOBAL_SPECS, ...spec.options]) {
        const key = typedKey(option.flags);
        const where = `${spec.name} ${option.flags}`;
        expect(absent.options[key], where).toEqual(option.default === undefined ? undefined : option.default);
        const long = /--[\w-]+/.exec(option.flags)![0];
        const value = option.choices?.[0] ?? 'some-value';
        const takesValue = /[<[]/.test(option.flags);
        const given = await parse([...base, long, ...(takesValue ? [value] : [])]);
        const expected = long.startsWith('--no-') ? false : !takesValue ? true : option.repeatable ? [value] : value;
        expect(given.options[key], where).toEqual(expected);
      }
    }
  });

  it('collects every value of a repeatable option, in order', async () => {
    const repeatable = SPECS.flatMap((spec) => spec.options.filter((o) => o.repeatable).map((option) => ({ spec, option })));
    expect(repeatable.map(({ spec, option }) => `${spec.name} ${option.flags}`)).toEqual([
      'lint -f, --format <name[=file]>',
      'lint --ignore-pattern <pattern>',
      'report -f, --format <name[=file]>',
      'interview --item <id>',
    ]);
    for (const { spec, option } of repeatable) {
      const long = /--[\w-]+/.exec(option.flags)![0];
      const parsed = await parse([spec.name, ...requiredArguments(spec), long, 'one', long, 'two', long, 'three']);
      expect(parsed.options[typedKey(option.flags)]).toEqual(['one', 'two', 'three']);
    }
  });

  it('refuses a value outside the choices with one line naming them, exit 2, and accepts each choice', async () => {
    const withChoices = SPECS.flatMap((spec) => spec.options.filter((o) => o.choices).map((option) => ({ spec, option })));
    expect(withChoices.length).toBeGreaterThan(0);
    for (const { spec, option } of withChoices) {
      const long = /--[\w-]+/.exec(option.flags)![0];
      const argv = [spec.name, ...requiredArguments(spec), long];
      await expect(parse([...argv, 'bogus'])).rejects.toThrow(CommanderError);
      const io = fakeIo();
      expect(await main([...argv, 'bogus'], io)).toBe(2);
      expect(io.err).toEqual([
        `commready: option '${option.flags}' argument 'bogus' is invalid. Allowed choices are ${option.choices!.join(', ')}.\n`,
      ]);
      for (const choice of option.choices!) expect((await parse([...argv, choice])).options[typedKey(option.flags)]).toEqual(choice);
    }
  });

  it('checks each value of a repeatable option with choices, and replaces its default with the values given', () => {
    const parseOne = (spec: OptionSpec, argv: string[]): unknown =>
      new Command()
        .exitOverride()
        .configureOutput({ writeErr: () => undefined })
        .addOption(createOption(spec))
        .parse(argv, { from: 'user' })
        .opts().level;
    const spec: OptionSpec = { flags: '--level <name>', description: 'd', choices: ['low', 'high'], repeatable: true, default: 'low' };
    expect(parseOne(spec, [])).toEqual(['low']);
    expect(parseOne(spec, ['--level', 'high', '--level', 'high'])).toEqual(['high', 'high']);
    expect(() => parseOne(spec, ['--level', 'mid'])).toThrow(CommanderError);
  });

  it('pairs every --no-x option with its --x, so that an absent option is undefined as its type says', () => {
    for (const options of [GLOBAL_SPECS, ...SPECS.map((s) => s.options)]) {
      for (const { flags } of options.filter((o) => o.flags.startsWith('--no-'))) {
        expect(
          options.some((o) => typedKey(o.flags) === typedKey(flags) && !o.flags.startsWith('--no-')),
          flags,
        ).toBe(true);
      }
    }
  });

  it('parses every example of the help to the command it names', async () => {
    for (const example of [...PROGRAM.examples, ...SPECS.flatMap((s) => s.examples)]) {
      const words = shellWords(example);
      expect((await parse(words)).command.name, example).toBe(words[0]);
    }
    for (const spec of SPECS)
      expect(
        spec.examples.some((e) => shellWords(e)[0] === spec.name),
        spec.name,
      ).toBe(true);
  });

  it('prints the help and exits 2 for every global option given without a command', async () => {
    for (const { flags } of PROGRAM.options) {
      const long = /--[\w-]+/.exec(flags)![0];
      for (const argv of /</.test(flags) ? [[long, 'x'], [`${long}=x`]] : [[long]]) {
        const io = fakeIo();
        expect(await main(argv, io), argv.join(' ')).toBe(2);
        expect(io.out.join('')).toMatch(/^Usage: commready/);
        expect(io.err).toEqual([]);
      }
    }
  });
});

/** Every command with every option given: the parsed values must be exactly the typed ones, nothing more. */
const GLOBAL_ARGV = ['--checklists', 'dir', '--today', '2026-01-01', '--no-color'];
const GLOBALS: Required<GlobalOptions> = { checklists: 'dir', today: '2026-01-01', color: false };
const EVERY_OPTION: { [N in CommandName]: { argv: string[]; args: CommandArguments<N>; options: Required<CommandOptions<N>> } } = {
  lint: {
    argv: [
      'a.yaml',
      'b.yaml',
      '--fail-on',
      'major',
      '--min-score',
      '70',
      '--min-level',
      'launch-ready',
      '-f',
      'json=out.json',
      '--format',
      'text',
      '-o',
      'x',
      '-q',
      '--max-findings',
      '5',
      '--baseline',
      'old.json',
      '--methodology-from-plan',
      '--config',
      'c.yaml',
      '--max-gaps',
      '12',
      '--ignore-pattern',
      'drafts/',
      '--ignore-pattern',
      '**/old.yaml',
      '--error-on-unmatched-pattern',
      '--stdin',
      '--stdin-filename',
      'p.yaml',
      '--print-config',
      '--concurrency',
      '3',
      '--sarif-category',
      'plans',
      '--guide-url',
      'https://acme.example/m.md',
    ],
    args: [['a.yaml', 'b.yaml']],
    options: {
      ...GLOBALS,
      failOn: 'major',
      minScore: '70',
      minLevel: 'launch-ready',
      format: ['json=out.json', 'text'],
      output: 'x',
      quiet: true,
      maxFindings: '5',
      baseline: 'old.json',
      methodologyFromPlan: true,
      config: 'c.yaml',
      maxGaps: '12',
      ignorePattern: ['drafts/', '**/old.yaml'],
      errorOnUnmatchedPattern: true,
      stdin: true,
      stdinFilename: 'p.yaml',
      printConfig: true,
      concurrency: '3',
      sarifCategory: 'plans',
      guideUrl: 'https://acme.example/m.md',
    },
  },
  report: {
    argv: ['p.yaml', '-f', 'json', '-o', 'r.json', '--sarif-category', 'c', '--guide-url', 'https://acme.example/m.md'],
    args: ['p.yaml'],
    options: { ...GLOBALS, format: ['json'], output: 'r.json', sarifCategory: 'c', guideUrl: 'https://acme.example/m.md' },
  },
  diff: {
    argv: ['a.json', 'b.json', '-f', 'markdown', '-o', 'd.md'],
    args: ['a.json', 'b.json'],
    options: { ...GLOBALS, format: 'markdown', output: 'd.md' },
  },
  checklists: { argv: ['--params', '--profiles'], args: [], options: { ...GLOBALS, params: true, profiles: true } },
  explain: { argv: ['governance.host'], args: ['governance.host'], options: GLOBALS },
  guide: { argv: ['launch'], args: ['launch'], options: GLOBALS },
  init: {
    argv: ['p.yaml', '--force', '--type', 'grassroots', '--name', 'Makers'],
    args: ['p.yaml'],
    options: { ...GLOBALS, force: true, type: 'grassroots', name: 'Makers' },
  },
  interview: {
    argv: ['p.yaml', '--phase', 'launch', '--item', 'a.b', '--item', 'c.d', '--all', '--only-gaps', '--detect', '--show-paths'],
    args: ['p.yaml'],
    options: { ...GLOBALS, phase: 'launch', item: ['a.b', 'c.d'], all: true, onlyGaps: true, detect: true, showPaths: true },
  },
  detect: {
    argv: [
      'repo',
      '--plan',
      'p.yaml',
      '--issues',
      'i.json',
      '--forum',
      'f.json',
      '--affiliations',
      'a.txt',
      '--as-of',
      '2026-08-20',
      '--min-confidence',
      'high',
      '-f',
      'json',
      '-o',
      'd.json',
      '--apply',
      '--reject',
      'observed.retention',
      '--reason',
      'why',
    ],
    args: ['repo'],
    options: {
      ...GLOBALS,
      plan: 'p.yaml',
      issues: 'i.json',
      forum: 'f.json',
      affiliations: 'a.txt',
      asOf: '2026-08-20',
      minConfidence: 'high',
      format: 'json',
      output: 'd.json',
      apply: true,
      reject: 'observed.retention',
      reason: 'why',
    },
  },
  course: {
    argv: ['quiz', 'intro', '--track', 'grassroots', '--learner', 'Ada Okafor', '-o', 'cert'],
    args: ['quiz', 'intro'],
    options: { ...GLOBALS, track: 'grassroots', learner: 'Ada Okafor', output: 'cert' },
  },
  'validate-checklists': { argv: ['methodology'], args: ['methodology'], options: GLOBALS },
  docs: {
    argv: ['-o', 'm.md', '--course', 'c.md', '--check'],
    args: [],
    options: { ...GLOBALS, output: 'm.md', course: 'c.md', check: true },
  },
};

describe('the option types derived from the table', () => {
  it('are exactly what commander parses from a command line with every option given', async () => {
    for (const [name, { argv, args, options }] of Object.entries(EVERY_OPTION)) {
      const parsed = await parse([name, ...argv, ...GLOBAL_ARGV]);
      expect(parsed.args, name).toStrictEqual(args);
      expect(parsed.options, name).toStrictEqual(options);
    }
  });

  it('give absent optional arguments their default, or undefined', async () => {
    expect((await parse(['init'])).args).toStrictEqual(['community-plan.yaml']);
    expect((await parse(['guide'])).args).toStrictEqual([undefined]);
    expect((await parse(['diff', 'a.json', 'b.json'])).options).toStrictEqual({ format: 'text' });
  });

  it('turn flags, choices, repeatable options and --x/--no-x pairs into typed keys', () => {
    expectTypeOf<GlobalOptions>().toEqualTypeOf<{ checklists?: string; today?: string; color?: boolean }>();
    expectTypeOf<CommandOptions<'lint'>>().toEqualTypeOf<{
      checklists?: string;
      today?: string;
      color?: boolean;
      failOn?: FailOn;
      minScore?: string;
      minLevel?: string;
      format?: string[];
      output?: string;
      quiet?: true;
      maxFindings?: string;
      baseline?: string;
      methodologyFromPlan?: true;
      config?: string | false;
      maxGaps?: string;
      ignorePattern?: string[];
      errorOnUnmatchedPattern?: boolean;
      stdin?: true;
      stdinFilename?: string;
      printConfig?: true;
      concurrency: string;
      sarifCategory?: string;
      guideUrl?: string;
    }>();
    expectTypeOf<CommandOptions<'interview'>['item']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<CommandOptions<'diff'>['format']>().toEqualTypeOf<'text' | 'markdown'>();
    expectTypeOf<CommandArguments<'lint'>>().toEqualTypeOf<[string[]]>();
    expectTypeOf<CommandArguments<'diff'>>().toEqualTypeOf<[string, string]>();
    expectTypeOf<CommandArguments<'guide'>>().toEqualTypeOf<[string | undefined]>();
    expectTypeOf<CommandArguments<'init'>>().toEqualTypeOf<[string]>();
    expectTypeOf<CommandArguments<'checklists'>>().toEqualTypeOf<[]>();
    // The checks above run when the tests are type-checked; this one keeps the test meaningful at run time.
    expect(Object.keys(EVERY_OPTION)).toEqual(SPECS.map((s) => s.name));
  });
});
