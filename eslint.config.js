// ESLint (flat config) with typescript-eslint: the pure core's boundaries, checked mechanically.
// The pure folders never touch the file system, the process, the clock, the terminal or prompts,
// whether by import (static, dynamic, side-effect or re-export), by require, or through a global.
import tseslint from 'typescript-eslint';

/** Folders that must stay pure (see STYLE: "Keep the core pure, mechanically"). */
export const PURE_FOLDERS = ['methodology', 'plan', 'scoring', 'report', 'validation', 'source', 'text', 'detect'];

/**
 * Pure files outside those folders: the typed errors, and the interview's flow and question model, which
 * reach the terminal only through an Asker. The Inquirer adapter is the interview's one impure file.
 * tsconfig.core.json compiles the same files without Node's types.
 */
export const PURE_FILES = ['src/errors.ts', 'src/interview/**/*.ts'];
export const IMPURE_IN_PURE_FILES = ['src/interview/inquirer-asker.ts'];

const NODE_BUILTINS = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'repl',
  'stream',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const pureImports = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'the pure core does no I/O: move this to io/ or cli/' })),
  patterns: [
    { group: ['node:*'], message: 'the pure core does no I/O: move this to io/ or cli/' },
    {
      group: ['chalk', 'ora', '@inquirer/*', 'commander'],
      message: 'colour, spinners, prompts and the command line belong to cli/ (or interview/)',
    },
    { group: ['**/io/*', '**/cli/*', '**/interview/*'], message: 'the pure core must not import the layers that do I/O' },
  ],
};

const pureGlobals = [
  ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'fetch', 'performance', 'console'].map((name) => ({
    name,
    message: 'the pure core does no I/O and reads no process state: take it as a parameter',
  })),
  ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask'].map((name) => ({
    name,
    message: 'the pure core does not schedule work',
  })),
  // Web Crypto makes random values; Intl reads the environment's locale and time zone.
  ...['crypto', 'Intl'].map((name) => ({
    name,
    message: 'the pure core is deterministic and reads no environment: take it as a parameter',
  })),
  // Code made from strings escapes every other rule here (`new Function('return process')()`).
  ...['eval', 'Function'].map((name) => ({ name, message: 'the pure core runs no code made from strings' })),
];

const pureSyntax = [
  { selector: 'ImportExpression', message: 'the pure core loads nothing lazily: lazy loading is for cli/' },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "the pure core never reads the clock: take today's date as a parameter",
  },
  { selector: "CallExpression[callee.name='Date']", message: "the pure core never reads the clock: take today's date as a parameter" },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "the pure core never reads the clock: take today's date as a parameter",
  },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'the pure core is deterministic' },
  { selector: "MemberExpression[object.name='globalThis']", message: 'the pure core reads no global state' },
  {
    selector: "NewExpression[callee.name='UsageError']",
    message: "the core throws its own typed errors (errors.ts); UsageError is the command line's, and cli/main maps errors to exit codes",
  },
  {
    selector: "MetaProperty[meta.name='import'][property.name='meta']",
    message: 'the pure core does not know where its files live: take paths as parameters',
  },
];

/** Everywhere in src/: the locale-aware string methods load ICU and make output depend on the locale. */
const localeFree = [
  {
    selector: 'CallExpression[callee.property.name=/^(localeCompare|toLocaleLowerCase|toLocaleUpperCase)$/]',
    message: 'order and fold by code unit (byCodeUnit in src/text/compare.ts, toLowerCase): locale methods load ICU and vary by locale',
  },
];

/**
 * Everywhere in src/ and the build scripts: no array spread into a call's arguments (`push(...x)`,
 * `Math.max(...x)`, `fn(...x)`). Every element becomes an argument on the stack, and past about 100,000
 * (a plan's roster, a list of files, a report's gaps) V8 throws "Maximum call stack size exceeded". Loop,
 * or reduce. A literal array (or a choice between two) is bounded by the code and allowed; an array
 * bounded by the command table or the methodology may be spread with a disable comment saying so.
 */
const noDataSpread = [
  {
    selector:
      ":matches(CallExpression, NewExpression) > SpreadElement:not([argument.type='ArrayExpression']):not([argument.type='ConditionalExpression'][argument.consequent.type='ArrayExpression'][argument.alternate.type='ArrayExpression'])",
    message:
      'no spread into call arguments: a data-sized array overflows the stack past ~100,000 items; loop or reduce (or, if the array is bounded by the code, disable with the reason)',
  },
];

/** Longest a function in src/ may be, blank lines and comments not counted: longer, and a reader holds too much at once. */
export const MAX_FUNCTION_LINES = 80;

/**
 * The functions in src/ longer than MAX_FUNCTION_LINES today, each with why. Each file's limit is its
 * longest function's length now, so that none of them grows while it waits; when one is split, take it
 * out of this list.
 */
export const LONG_FUNCTIONS = [
  // Document templates: the sections, in the order they print, read best top to bottom.
  { file: 'src/report/render-course.ts', functions: ['renderCourseMarkdown'], max: 99 },
  { file: 'src/report/render-methodology.ts', functions: ['renderMethodologyMarkdown'], max: 130 },
];

const maxLines = (max) => ['error', { max, skipBlankLines: true, skipComments: true, IIFEs: true }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench/.profiles/**', '.stryker-tmp/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-require-imports': 'error',
      'no-debugger': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...localeFree, ...noDataSpread], 'max-lines-per-function': maxLines(MAX_FUNCTION_LINES) },
  },
  ...LONG_FUNCTIONS.map(({ file, max }) => ({ files: [file], rules: { 'max-lines-per-function': maxLines(max) } })),
  { files: ['scripts/**/*.mjs', 'bin/**/*.cjs'], rules: { 'no-restricted-syntax': ['error', ...noDataSpread] } },
  {
    files: [...PURE_FOLDERS.map((folder) => `src/${folder}/**/*.ts`), ...PURE_FILES],
    ignores: IMPURE_IN_PURE_FILES,
    rules: {
      'no-restricted-imports': ['error', pureImports],
      'no-restricted-globals': ['error', ...pureGlobals],
      'no-restricted-syntax': ['error', ...pureSyntax, ...localeFree, ...noDataSpread],
    },
  },
  {
    // The one exception: loading the exact YAML parser on demand. Module loading is its only effect.
    files: ['src/source/yaml-library.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...pureSyntax.filter((s) => !s.selector.startsWith('MetaProperty')),
        ...localeFree,
        ...noDataSpread,
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: pureImports.paths.filter((p) => p.name !== 'module'),
          patterns: [{ group: ['node:*', '!node:module'], message: pureImports.patterns[0].message }, ...pureImports.patterns.slice(1)],
        },
      ],
    },
  },
  {
    // The lint path must stay light: prompts and spinners load only for the commands that use them.
    files: [
      'src/cli/main.ts',
      'src/cli/commands/lint.ts',
      'src/cli/assess-files.ts',
      'src/cli/write-outputs.ts',
      'src/cli/shared.ts',
      'src/cli/paint.ts',
      'src/cli/io.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['ora', '@inquirer/*'], message: 'lint never loads prompts or spinners' }] },
      ],
    },
  },
);
