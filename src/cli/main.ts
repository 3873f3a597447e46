// The command line: parses argv with commander, runs one command (loaded on demand) and decides the
// exit code. This is the only place that maps errors to exit codes.
import { Command, CommanderError, Option } from 'commander';
import { INTERRUPT_EXIT_CODES, InputError, InterruptedError, UsageError, formatDiagnostic } from '../errors.js';
import { sanitizeBlock, sanitizeLine } from '../text/sanitize.js';
import { processIo, type CliIo } from './io.js';
import { FAIL_ON } from '../scoring/verdict.js';
import { toolVersion } from '../io/tool-version.js';
import { FORMATS } from '../report/types.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('commready');
  const run = (action: () => Promise<number>) => async (): Promise<void> => {
    exitCode = await action();
  };
  const globals = (cmd: Command): GlobalFlags => cmd.optsWithGlobals() as GlobalFlags;

  program
    .description('Tells a community team how ready its community is, and exactly what is still missing.')
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--checklists <dir>', "assess with the methodology in this directory instead of the plan's or the built-in one")
    .option('--today <date>', 'assess as of this date (YYYY-MM-DD) instead of today')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)')
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
    })
    .addHelpText(
      'after',
      `
Examples:
  $ commready report examples/launch-ready.yaml
  $ commready lint plans/ --min-level launch-ready
  $ commready lint 'plans/**/*.yaml' --format text --format json=commready.json
  $ commready explain governance.host
  $ commready init my-community.yaml
  $ commready interview my-community.yaml

Exit codes: 0 pass, 1 a plan failed its threshold, 2 usage or input error.`,
    );

  program
    .command('lint')
    .description('check plan files against thresholds (for CI)')
    .argument('<plans...>', 'plan files, directories (every *.yaml/*.yml in them) or glob patterns')
    .addOption(new Option('--fail-on <severity>', 'fail on any open item of this severity or above (default: blocker)').choices(FAIL_ON))
    .option('--min-score <0-100>', 'fail below this overall score')
    .option('--min-level <id>', 'fail below this level (e.g. launch-ready)')
    .option('-f, --format <name[=file]>', `output format (${FORMATS.join(', ')}), to stdout or =file (- is stdout); repeatable`, collect)
    .option('-o, --output <file>', 'write the (single) format to this file (- is stdout)')
    .option('-q, --quiet', 'list only failing plans and the findings that fail them')
    .option('--max-findings <n>', 'list at most this many findings in the text output')
    .option('--baseline <report.json>', 'fail only on gaps that are not in this earlier JSON report')
    .option(
      '--methodology-from-plan',
      "judge each plan by the methodology it names itself (default: by --checklists, the config's or the built-in one)",
    )
    .option('--config <file>', 'the project config (default: commready.config.yaml or .commreadyrc.yaml, from here upward)')
    .option('--no-config', 'use no project config')
    .addHelpText(
      'after',
      `
Examples:
  $ commready lint examples/*.yaml
  $ commready lint plans/ --fail-on major --min-score 70
  $ commready lint plan.yaml --format json --output commready.json
  $ commready lint plans/ --quiet --format github
  $ commready lint plans/ --baseline last-release.json

Exit codes: 0 every plan passes; 1 a plan fails a threshold; 2 usage or input error (never hidden by a pass).`,
    )
    .action(async (plans: string[], _opts: unknown, cmd: Command) => {
      const { runLint } = await import('./commands/lint.js');
      await run(() => runLint(plans, globals(cmd), io))();
    });

  program
    .command('report')
    .description('print the readiness report of one plan')
    .argument('<plan>', 'the plan file')
    .option('-f, --format <name[=file]>', `output format (${FORMATS.join(', ')}), to stdout or =file (- is stdout); repeatable`, collect)
    .option('-o, --output <file>', 'write the (single) format to this file (- is stdout)')
    .addHelpText(
      'after',
      `
Examples:
  $ commready report examples/halfway.yaml
  $ commready report plan.yaml --format json --output report.json`,
    )
    .action(async (plan: string, _opts: unknown, cmd: Command) => {
      const { runReport } = await import('./commands/report.js');
      await run(() => runReport(plan, globals(cmd), io))();
    });

  program
    .command('diff')
    .description('show the progress between two JSON reports (scores, level, gaps closed, new gaps, answers gone stale)')
    .argument('<old.json>', 'the earlier report (--format json)')
    .argument('<new.json>', 'the later report')
    .option('-f, --format <name>', 'text or markdown', 'text')
    .option('-o, --output <file>', 'write it to this file (- is stdout)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ commready report plan.yaml -f json -o before.json\n  $ commready diff before.json after.json\n  $ commready diff before.json after.json --format markdown -o progress.md',
    )
    .action(async (before: string, after: string, _opts: unknown, cmd: Command) => {
      const { runDiff } = await import('./commands/diff.js');
      await run(() => runDiff(before, after, globals(cmd), io))();
    });

  program
    .command('checklists')
    .description('list the phases and items of the methodology')
    .option('--params', 'list the adjustable thresholds instead')
    .option('--profiles', 'list the community types and the items each makes n/a')
    .addHelpText(
      'after',
      '\nExamples:\n  $ commready checklists\n  $ commready checklists --params\n  $ commready checklists --checklists ./my-methodology',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { runChecklists } = await import('./commands/checklists.js');
      await run(() => runChecklists(globals(cmd), io))();
    });

  program
    .command('explain')
    .description("print an item's guide")
    .argument('<item-id>', 'the item id, e.g. governance.host')
    .addHelpText('after', '\nExamples:\n  $ commready explain governance.code-of-conduct')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { runExplain } = await import('./commands/explain.js');
      await run(() => runExplain(id, globals(cmd), io))();
    });

  program
    .command('guide')
    .description("print a phase's guide (every item in it), or list the phases")
    .argument('[phase]', 'the phase id, e.g. launch')
    .addHelpText('after', '\nExamples:\n  $ commready guide\n  $ commready guide launch | less')
    .action(async (phase: string | undefined, _opts: unknown, cmd: Command) => {
      const { runGuide } = await import('./commands/guide.js');
      await run(() => runGuide(phase, globals(cmd), io))();
    });

  program
    .command('init')
    .description('write a commented starter plan')
    .argument('[file]', 'where to write it', 'community-plan.yaml')
    .option('--force', 'overwrite the file if it exists')
    .option('--type <type>', "the community type, a profile of the methodology (see 'commready checklists --profiles')")
    .option('--name <name>', "the community's name")
    .addHelpText('after', '\nExamples:\n  $ commready init\n  $ commready init plans/makers.yaml --type grassroots --name "Makers of Lyon"')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { runInit } = await import('./commands/init.js');
      await run(() => runInit(file, globals(cmd), io))();
    });

  program
    .command('interview')
    .description('answer the readiness interview in the terminal; saves the plan after every answer')
    .argument('[plan]', 'the plan file to fill (created if missing)', 'community-plan.yaml')
    .option('--phase <id>', 'only the questions of this phase')
    .option('--item <id>', 'only the questions of this item; repeatable', collect)
    .option('--all', 'revisit questions already answered')
    .option('--only-gaps', 'only the questions of items still open, answered or not')
    .addHelpText(
      'after',
      `
Examples:
  $ commready interview my-community.yaml
  $ commready interview my-community.yaml --phase launch --all
  $ commready interview my-community.yaml --only-gaps

Running it again resumes at the first unanswered question. Ctrl-C saves and stops (exit 130).`,
    )
    .action(async (plan: string, _opts: unknown, cmd: Command) => {
      const { runInterviewCommand } = await import('./commands/interview.js');
      await run(() => runInterviewCommand(plan, globals(cmd), io))();
    });

  program
    .command('validate-checklists')
    .description('check a methodology directory (for methodology authors)')
    .argument('[dir]', 'the methodology directory', 'checklists')
    .addHelpText('after', '\nExamples:\n  $ commready validate-checklists checklists\n  $ commready validate-checklists ./my-methodology')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const { runValidateChecklists } = await import('./commands/validate-checklists.js');
      await run(() => runValidateChecklists(dir, globals(cmd), io))();
    });

  program
    .command('docs')
    .description('generate the methodology course (Markdown) from the checklists')
    .option('-o, --output <file>', 'write it to this file instead of standard output')
    .option('--course <file>', 'also generate the course (from course.yaml beside the checklists) into this file')
    .option('--check', 'exit 1 if the --output (or --course) file is not up to date')
    .addHelpText(
      'after',
      '\nExamples:\n  $ commready docs --output docs/methodology.md --course docs/course.md\n  $ commready docs --output docs/methodology.md --course docs/course.md --check',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { runDocs } = await import('./commands/docs.js');
      await run(() => runDocs(globals(cmd), io))();
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

/** True when argv holds global options at most: no command, no --help or --version. */
function namesNoCommand(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--checklists' || arg === '--today') i++;
    else if (!/^--(checklists|today)=|^--(no-)?color$/.test(arg)) return false;
  }
  return true;
}

type GlobalFlags = Record<string, never> & { checklists?: string; today?: string; color?: boolean };

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
