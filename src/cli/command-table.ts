// The command line as data: the program's global options and, per command, its arguments, options, help
// and lazily loaded runner. main.ts builds commander from this table in one loop, and each runner's
// argument and option types are derived from it, so the parser and the runners cannot drift apart.
import { INTERRUPT_EXIT_CODES } from '../errors.js';
import { CONFIG_FILES } from '../io/config-files.js';
import { FORMATS } from '../report/types.js';
import { FAIL_ON } from '../scoring/verdict.js';
import type { CliIo } from './io.js';

/** One option, in commander's terms. */
export interface OptionSpec {
  /** `'-f, --format <name>'` takes a value, `'--quiet'` is a switch, `'--no-config'` sets `config` to false. */
  readonly flags: string;
  readonly description: string;
  /** The value when the option is absent (shown in the help). */
  readonly default?: string;
  /** The only values accepted: commander refuses any other and lists these in the help. */
  readonly choices?: readonly string[];
  /** The option may be given several times; its values are collected into an array. */
  readonly repeatable?: boolean;
}

/** One positional argument: `<name>` is required, `[name]` optional, `<name...>` one or more. */
export interface ArgumentSpec {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
}

/** What the help of the program or of a command shows after its options. */
interface HelpSpec {
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Command lines without the leading `commready`, shown under "Examples:"; a test parses each one. */
  readonly examples: readonly string[];
  /** A paragraph after the examples. */
  readonly notes?: string;
}

/** One command. */
export interface CommandSpec extends HelpSpec {
  readonly name: string;
  readonly arguments: readonly ArgumentSpec[];
  /**
   * The command's runner, imported only when the command runs, so that no command loads another's
   * modules (lint never loads Inquirer). Its signature is checked against the table below.
   */
  readonly load: () => Promise<unknown>;
}

const FORMAT_OPTION = {
  flags: '-f, --format <name[=file]>',
  description: `output format (${FORMATS.join(', ')}), to stdout or =file (- is stdout)`,
  repeatable: true,
} as const;

/** Code scanning keeps one set of alerts per category: two uploads with the same one replace each other's. */
const SARIF_CATEGORY_OPTION = {
  flags: '--sarif-category <name>',
  description: "SARIF: the run's category for code scanning (automationDetails.id); default: none, so the upload's own category applies",
} as const;

/** Guides are self-contained unless a published copy of the methodology guide is named. */
const GUIDE_URL_OPTION = {
  flags: '--guide-url <url>',
  description: "link each item's guide at this address (https://…/methodology.md; the item's anchor is appended) instead of including it",
} as const;

/** The formats of `commready diff`. */
export const DIFF_FORMATS = ['text', 'markdown'] as const;

/** The formats and confidence levels of `commready detect` (kept here so that the table loads no detect code). */
export const DETECT_FORMATS = ['text', 'json'] as const;
export const DETECT_CONFIDENCES = ['high', 'medium', 'low'] as const;

/** The program itself: its description, the options every command takes, and the examples of `commready --help`. */
export const PROGRAM = {
  description: 'Tells a community team how ready its community is, and exactly what is still missing.',
  options: [
    { flags: '--checklists <dir>', description: "assess with the methodology in this directory instead of the plan's or the built-in one" },
    { flags: '--today <date>', description: 'assess as of this date (YYYY-MM-DD) instead of today' },
    { flags: '--color', description: 'colour the output even when it is not a terminal' },
    { flags: '--no-color', description: 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)' },
  ],
  examples: [
    'report examples/launch-ready.yaml',
    'lint plans/ --min-level launch-ready',
    "lint 'plans/**/*.yaml' --format text --format json=commready.json",
    'explain governance.host',
    'init my-community.yaml',
    'interview my-community.yaml',
  ],
  notes: 'Exit codes: 0 pass, 1 a plan failed its threshold, 2 usage or input error.',
} as const satisfies HelpSpec;

/** Every command, in the order of the help. */
export const COMMANDS = [
  {
    name: 'lint',
    description: 'check plan files against thresholds (for CI)',
    arguments: [
      {
        name: '[plans...]',
        description: 'plan files, directories (every *.yaml/*.yml in them and below) or glob patterns',
      },
    ],
    options: [
      {
        flags: '--fail-on <severity>',
        description: 'fail on any open item of this severity or above (default: blocker)',
        choices: FAIL_ON,
      },
      { flags: '--min-score <0-100>', description: 'fail below this overall score' },
      { flags: '--min-level <id>', description: 'fail below this level (e.g. launch-ready)' },
      FORMAT_OPTION,
      { flags: '-o, --output <file>', description: 'write the (single) format to this file (- is stdout)' },
      { flags: '-q, --quiet', description: 'list only failing plans and the findings that fail them' },
      { flags: '--max-findings <n>', description: 'list at most this many findings in the text output' },
      { flags: '--baseline <report.json>', description: 'fail only on gaps that are not in this earlier JSON report' },
      {
        flags: '--methodology-from-plan',
        description: "judge each plan by the methodology it names itself (default: by --checklists, the config's or the built-in one)",
      },
      { flags: '--config <file>', description: `the project config (default: ${CONFIG_FILES.join(' or ')}, from here upward)` },
      { flags: '--no-config', description: 'use no project config' },
      { flags: '--max-gaps <n>', description: 'fail when the plans have more open gaps than this (all severities; waived ones not)' },
      {
        flags: '--ignore-pattern <pattern>',
        description: 'leave out files and folders matching this glob (relative to the working directory)',
        repeatable: true,
      },
      { flags: '--error-on-unmatched-pattern', description: 'a glob or directory without plans is an error (the default)' },
      { flags: '--no-error-on-unmatched-pattern', description: 'a glob or directory without plans is not an error' },
      { flags: '--stdin', description: 'lint the plan read from standard input' },
      { flags: '--stdin-filename <file>', description: 'the file name the --stdin plan is reported under (and ignore patterns see)' },
      { flags: '--print-config', description: 'print the settings lint would judge by (config file and options), as JSON, and exit' },
      {
        flags: '--concurrency <n|auto|off>',
        description: 'assess plans on this many threads; auto: one a core, for 2,000 plans or more (the output is the same)',
        default: 'auto',
      },
      SARIF_CATEGORY_OPTION,
      GUIDE_URL_OPTION,
    ],
    examples: [
      'lint examples/*.yaml',
      'lint plans/ --fail-on major --min-score 70',
      'lint plan.yaml --format json --output commready.json',
      'lint plans/ --quiet --format github',
      'lint plans/ --baseline last-release.json',
      'lint . --ignore-pattern "drafts/" --max-gaps 20',
      'lint --stdin --stdin-filename plans/ours.yaml',
      'lint plans/ --format sarif=commready.sarif --sarif-category plans-eu',
    ],
    notes: 'Exit codes: 0 every plan passes; 1 a plan fails a threshold; 2 usage or input error (never hidden by a pass).',
    load: async () => (await import('./commands/lint.js')).runLint,
  },
  {
    name: 'report',
    description: 'print the readiness report of one plan',
    arguments: [{ name: '<plan>', description: 'the plan file' }],
    options: [
      FORMAT_OPTION,
      { flags: '-o, --output <file>', description: 'write the (single) format to this file (- is stdout)' },
      SARIF_CATEGORY_OPTION,
      GUIDE_URL_OPTION,
    ],
    examples: [
      'report examples/halfway.yaml',
      'report plan.yaml --format json --output report.json',
      'report plan.yaml --format html=readiness.html',
    ],
    load: async () => (await import('./commands/report.js')).runReport,
  },
  {
    name: 'diff',
    description: 'show the progress between two JSON reports (scores, level, gaps closed, new gaps, answers gone stale)',
    arguments: [
      { name: '<old.json>', description: 'the earlier report (--format json)' },
      { name: '<new.json>', description: 'the later report' },
    ],
    options: [
      { flags: '-f, --format <name>', description: 'output format', choices: DIFF_FORMATS, default: 'text' },
      { flags: '-o, --output <file>', description: 'write it to this file (- is stdout)' },
    ],
    examples: [
      'report plan.yaml -f json -o before.json',
      'diff before.json after.json',
      'diff before.json after.json --format markdown -o progress.md',
    ],
    load: async () => (await import('./commands/diff.js')).runDiff,
  },
  {
    name: 'checklists',
    description: 'list the phases and items of the methodology',
    arguments: [],
    options: [
      { flags: '--params', description: 'list the adjustable thresholds instead' },
      { flags: '--profiles', description: 'list the community types and the items each makes n/a' },
    ],
    examples: ['checklists', 'checklists --params', 'checklists --checklists ./my-methodology'],
    load: async () => (await import('./commands/checklists.js')).runChecklists,
  },
  {
    name: 'explain',
    description: "print an item's guide",
    arguments: [{ name: '<item-id>', description: 'the item id, e.g. governance.host' }],
    options: [],
    examples: ['explain governance.code-of-conduct'],
    load: async () => (await import('./commands/explain.js')).runExplain,
  },
  {
    name: 'guide',
    description: "print a phase's guide (every item in it), or list the phases",
    arguments: [{ name: '[phase]', description: 'the phase id, e.g. launch' }],
    options: [],
    examples: ['guide', 'guide launch | less'],
    load: async () => (await import('./commands/guide.js')).runGuide,
  },
  {
    name: 'init',
    description: 'write a commented starter plan',
    arguments: [{ name: '[file]', description: 'where to write it', default: 'community-plan.yaml' }],
    options: [
      { flags: '--force', description: 'overwrite the file if it exists (a symbolic link there is replaced, never followed)' },
      { flags: '--type <type>', description: "the community type, a profile of the methodology (see 'commready checklists --profiles')" },
      { flags: '--name <name>', description: "the community's name" },
    ],
    examples: ['init', 'init plans/makers.yaml --type grassroots --name "Makers of Lyon"'],
    load: async () => (await import('./commands/init.js')).runInit,
  },
  {
    name: 'interview',
    description: 'answer the readiness interview in the terminal; saves the plan after every answer',
    arguments: [{ name: '[plan]', description: 'the plan file to fill (created if missing)', default: 'community-plan.yaml' }],
    options: [
      { flags: '--phase <id>', description: 'only the questions of this phase' },
      { flags: '--item <id>', description: 'only the questions of this item', repeatable: true },
      { flags: '--all', description: 'revisit questions already answered' },
      { flags: '--only-gaps', description: 'only the questions of items still open, answered or not' },
      {
        flags: '--detect',
        description: "offer what 'commready detect' finds in the repository of the current directory as answers' defaults",
      },
      { flags: '--show-paths', description: 'show the plan path each question fills, and the rules in their own words' },
    ],
    examples: [
      'interview my-community.yaml',
      'interview my-community.yaml --phase launch --all',
      'interview my-community.yaml --only-gaps',
      'interview my-community.yaml --detect',
    ],
    notes: `Running it again resumes at the first unanswered question. Ctrl-C saves and stops (exit ${INTERRUPT_EXIT_CODES.SIGINT}).`,
    load: async () => (await import('./commands/interview.js')).runInterviewCommand,
  },
  {
    name: 'detect',
    description: 'propose plan answers and dated observed facts from a git repository and exports (a dry run unless --apply)',
    arguments: [{ name: '[dir]', description: 'the repository (a work tree or a bare repository)', default: '.' }],
    options: [
      { flags: '--plan <file>', description: 'compare the proposals with this plan (and write them into it with --apply)' },
      {
        flags: '--issues <file>',
        description: 'issues exported with gh issue list --state all --json number,author,createdAt,closedAt,comments',
      },
      { flags: '--forum <file>', description: 'a Discourse export: topics with their post_stream, or posts with their topic_id' },
      { flags: '--affiliations <file>', description: 'who works where: lines of "address-or-domain  Organisation  [< YYYY-MM-DD]"' },
      { flags: '--as-of <date>', description: "measure as of the end of this day (YYYY-MM-DD, UTC) instead of the HEAD commit's date" },
      {
        flags: '--min-confidence <level>',
        description: 'write (and count as proposed) only proposals this certain or more',
        choices: DETECT_CONFIDENCES,
        default: 'medium',
      },
      { flags: '-f, --format <name>', description: 'output format', choices: DETECT_FORMATS, default: 'text' },
      { flags: '-o, --output <file>', description: 'write the output to this file (- is stdout)' },
      {
        flags: '--apply',
        description: 'write the proposals into empty or stale fields of --plan, keeping everything else, and show the diff',
      },
      {
        flags: '--reject <path>',
        description: 'record that the proposal at this plan path is rejected, so it is not offered again until its evidence changes',
      },
      { flags: '--reason <text>', description: 'why, recorded with --reject' },
    ],
    examples: [
      'detect',
      'detect . --plan plan.yaml',
      'detect . --plan plan.yaml --issues issues.json --apply',
      'detect ../project --format json --output detected.json',
      'detect . --plan plan.yaml --reject governance.decisions.how --reason "we decide in the monthly call"',
    ],
    notes:
      "Reads git through plumbing only and executes nothing from the repository. The time base is the HEAD commit's date, so two runs on one commit agree. Never writes an e-mail address into a plan. Exit codes: 0 done, 2 usage or input error.",
    load: async () => (await import('./commands/detect.js')).runDetect,
  },
  {
    name: 'course',
    description: 'take the methodology as a course: modules with progress, lessons, quizzes, the practicum and a certificate',
    arguments: [
      {
        name: '[topic]',
        description: 'a module (its lesson), or quiz, practicum, rubric, certificate or verify; none: the modules with your progress',
      },
      { name: '[target]', description: 'the module of a quiz, the plan of the practicum, or the certificate to verify' },
    ],
    options: [
      { flags: '--track <id>', description: 'your track: customer, internal, open-source, professional or grassroots (remembered)' },
      { flags: '--learner <name>', description: 'the name on your certificate (remembered)' },
      { flags: '-o, --output <name>', description: 'certificate: write <name>.md and <name>.html', default: 'commready-certificate' },
    ],
    examples: [
      'course --track grassroots',
      'course purpose',
      'course quiz intro',
      'course practicum my-case.yaml',
      'course rubric',
      'course certificate --learner "Dana Okafor"',
      'course verify commready-certificate.md',
    ],
    notes: `Progress is kept in your state directory ($XDG_STATE_HOME/commready, else ~/.local/state/commready; on macOS ~/Library/Application Support/commready, on Windows %LOCALAPPDATA%\\commready), never in the project. Quizzes need a terminal; Ctrl-C stops one with every answer saved (exit ${INTERRUPT_EXIT_CODES.SIGINT}). A quiz not passed exits 1, as does a practicum or a certificate that is not there yet.`,
    load: async () => (await import('./commands/course.js')).runCourse,
  },
  {
    name: 'validate-checklists',
    description: 'check a methodology directory (for methodology authors)',
    arguments: [{ name: '[dir]', description: 'the methodology directory', default: 'checklists' }],
    options: [],
    examples: ['validate-checklists checklists', 'validate-checklists ./my-methodology'],
    load: async () => (await import('./commands/validate-checklists.js')).runValidateChecklists,
  },
  {
    name: 'docs',
    description: 'generate the methodology course (Markdown) from the checklists',
    arguments: [],
    options: [
      { flags: '-o, --output <file>', description: 'write it to this file instead of standard output' },
      { flags: '--course <file>', description: 'also generate the course (from course.yaml beside the checklists) into this file' },
      { flags: '--check', description: 'exit 1 if the --output (or --course) file is not up to date' },
    ],
    examples: [
      'docs --output docs/methodology.md --course docs/course.md',
      'docs --output docs/methodology.md --course docs/course.md --check',
    ],
    load: async () => (await import('./commands/docs.js')).runDocs,
  },
] as const satisfies readonly CommandSpec[];

// ---- Types derived from the table -------------------------------------------------------------------

/** `'-f, --format <name>'` → `'format'`; `'--no-config'` → `'no-config'`. */
type LongName<Flags extends string> = Flags extends `${string}--${infer Rest}`
  ? Rest extends `${infer Name} ${string}`
    ? Name
    : Rest
  : never;

/** `'min-score'` → `'minScore'`, as commander names the option's value. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

type OptionKey<O extends OptionSpec> = LongName<O['flags']> extends `no-${infer Name}` ? CamelCase<Name> : CamelCase<LongName<O['flags']>>;

type OneValue<O extends OptionSpec> = O extends { readonly choices: readonly (infer Choice)[] } ? Choice : string;

/**
 * What commander stores for an option that was given: `false` for `--no-x`, the value (one of the choices,
 * an array when repeatable) for `<value>`, the value or `true` for `[value]`, else `true`. Distributed over
 * a union, because the options `--config <file>` and `--no-config` share one key.
 */
type OptionValue<O extends OptionSpec> = O extends OptionSpec
  ? LongName<O['flags']> extends `no-${string}`
    ? false
    : O['flags'] extends `${string}<${string}`
      ? O extends { readonly repeatable: true }
        ? OneValue<O>[]
        : OneValue<O>
      : O['flags'] extends `${string}[${string}`
        ? OneValue<O> | true
        : true
  : never;

/** The parsed options of a list of option specs: an option with a default is always there, the others may be absent. */
type OptionValues<Options extends readonly OptionSpec[]> = {
  [O in Options[number] as O extends { readonly default: string } ? OptionKey<O> : never]: OptionValue<O>;
} & {
  [O in Options[number] as O extends { readonly default: string } ? never : OptionKey<O>]?: OptionValue<O>;
};

type ArgumentValue<A> = A extends { readonly name: `${string}...${string}` }
  ? string[]
  : A extends { readonly name: `<${string}` } | { readonly default: string }
    ? string
    : string | undefined;

type ArgumentValues<Arguments extends readonly ArgumentSpec[]> = { -readonly [I in keyof Arguments]: ArgumentValue<Arguments[I]> };

/** Flattens an intersection, so that editors show the options as one object. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

type Definition<N extends CommandName> = Extract<(typeof COMMANDS)[number], { readonly name: N }>;

export type CommandName = (typeof COMMANDS)[number]['name'];

/** The options every command receives: `{ checklists?: string; today?: string; color?: boolean }`. */
export type GlobalOptions = Simplify<OptionValues<(typeof PROGRAM)['options']>>;

/** The options a command's runner receives: the global ones and its own, e.g. `{ minScore?: string; format?: string[]; … }`. */
export type CommandOptions<N extends CommandName> = Simplify<GlobalOptions & OptionValues<Definition<N>['options']>>;

/** The positional arguments a command's runner receives, in order: `string[]` for `<plans...>`, `string | undefined` for `[phase]`. */
export type CommandArguments<N extends CommandName> = ArgumentValues<Definition<N>['arguments']>;

/** A command's runner: its arguments, its options, the streams; resolves to the exit code. */
export type Runner<N extends CommandName> = (...params: [...CommandArguments<N>, CommandOptions<N>, CliIo]) => Promise<number>;

// A runner is checked here, not in the table's own type (the runners' option types are derived from that
// type, so checking them inside it would be circular). A mismatch fails to compile and names the command.
type Loaded<N extends CommandName> = Awaited<ReturnType<Definition<N>['load']>>;
type Mismatched = { [N in CommandName]: Loaded<N> extends Runner<N> ? never : N }[CommandName];
type Expect<T extends true> = T;
/** Compiles only while every runner accepts exactly what the table makes commander parse. */
export type RunnersMatchTheTable = Expect<[Mismatched] extends [never] ? true : Mismatched>;
