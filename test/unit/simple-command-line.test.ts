// The simple parser (no commander) must agree with commander on every command line it accepts, and
// accept the usual ones; whatever it is unsure of goes to commander.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/commander-program.js';
import { COMMANDS, PROGRAM, type CommandSpec, type OptionSpec } from '../../src/cli/command-table.js';
import { parseSimpleCommandLine, type ParsedCommand } from '../../src/cli/simple-command-line.js';
import { fakeIo } from '../helpers.js';
import { runs } from '../properties.js';

const SPECS: readonly CommandSpec[] = COMMANDS;

/** What commander parses, or undefined when it refuses the line (or shows help or the version). */
async function commanderParse(argv: readonly string[]): Promise<ParsedCommand | undefined> {
  let parsed: ParsedCommand | undefined;
  try {
    await buildProgram(fakeIo(), async (p) => {
      parsed = p;
    }).parseAsync([...argv], { from: 'user' });
  } catch {
    return undefined;
  }
  return parsed;
}

const shape = (p: ParsedCommand | undefined) => p && { command: p.command.name, args: p.args, options: p.options };

/** The words of a shell line (quotes removed), up to a pipe. */
const shellWords = (line: string): string[] =>
  [...line.split('|')[0]!.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

const VALUES = ['a.yaml', 'plans/', 'json', 'text', 'sarif=out.sarif', 'major', 'blocker', 'markdown', '70', '-', '-x', '--', 'x y', ''];

/** One option of a spec written in one of the ways a user may write it, right or wrong. */
function optionWords(spec: OptionSpec): fc.Arbitrary<string[]> {
  const long = /--[\w-]+/.exec(spec.flags)![0];
  const short = /^-\w/.exec(spec.flags)?.[0];
  const takesValue = spec.flags.includes('<');
  const value = fc.constantFrom(...VALUES, ...(spec.choices ?? []));
  const forms: fc.Arbitrary<string[]>[] = [fc.constant([long]), value.map((v) => [long, v]), value.map((v) => [`${long}=${v}`])];
  if (short)
    forms.push(
      fc.constant([short]),
      value.map((v) => [short, v]),
      value.map((v) => [`${short}${v}`]),
    );
  if (!takesValue) forms.push(fc.constant([long]), fc.constant([long]));
  return fc.oneof(...forms);
}

const STRAY = fc.constantFrom(['--help'], ['-h'], ['--version'], ['-v'], ['--'], ['--bogus'], ['-qf', 'json'], ['--Quiet'], ['extra.yaml']);

const commandLine: fc.Arbitrary<string[]> = fc.constantFrom(...SPECS).chain((spec) => {
  const options = [...PROGRAM.options, ...spec.options];
  const word = fc.oneof(
    { weight: 6, arbitrary: options.length ? fc.constantFrom(...options).chain(optionWords) : fc.constant<string[]>([]) },
    { weight: 3, arbitrary: fc.constantFrom('a.yaml', 'b.yaml', 'plans/', 'dir').map((w) => [w]) },
    { weight: 1, arbitrary: STRAY },
  );
  return fc.array(word, { maxLength: 7 }).map((words) => [spec.name, ...words.flat()]);
});

describe('the simple command-line parser', () => {
  it('gives what commander gives for every command line it accepts (and leaves the rest to commander)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(commandLine, async (argv) => {
        const simple = parseSimpleCommandLine(argv);
        if (!simple) return;
        accepted++;
        expect(shape(await commanderParse(argv)), argv.join(' ')).toStrictEqual(shape(simple));
      }),
      { numRuns: runs(3000) },
    );
    // The property is not vacuous: a good share of the generated lines (a tenth) take the fast way.
    expect(accepted).toBeGreaterThan(runs(3000) / 10);
  });

  it('takes every example of the help, and the lines a CI runs, without commander', async () => {
    const lines = [
      ...SPECS.flatMap((s) => s.examples),
      ...PROGRAM.examples,
      'lint plans/ --format sarif=commready.sarif --format text',
      'lint plan.yaml --today=2026-01-01 --no-color -q --fail-on major --min-level launch-ready',
      'lint a.yaml b.yaml --format github --no-config --checklists my-method',
      'report plan.yaml -f json -o -',
    ];
    for (const line of lines) {
      const argv = shellWords(line);
      const simple = parseSimpleCommandLine(argv);
      expect(simple, line).toBeDefined();
      expect(shape(simple), line).toStrictEqual(shape(await commanderParse(argv)));
    }
  });

  it('leaves help, the version, unknown options, bad choices and missing arguments to commander', () => {
    for (const line of [
      'lint --help',
      'lint a.yaml -h',
      '--version',
      'lint a.yaml --bogus',
      'lint a.yaml --fail-on nothing',
      'lint --stdin-filename',
      'diff a.json',
      'explain a b',
      'lint a.yaml -qf json',
      'lint -- -a.yaml',
      'lint a.yaml --quiet=yes',
      'lint a.yaml --format',
      'lint a.yaml --output -q',
      '--today 2026-01-01 lint a.yaml',
      'nosuchcommand',
    ]) {
      expect(parseSimpleCommandLine(shellWords(line)), line).toBeUndefined();
    }
  });
});
