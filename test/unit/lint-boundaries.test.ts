// The ESLint configuration enforces the pure core's boundaries: each forbidden kind of access fails
// in a pure folder, and the same code passes where I/O belongs.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The ESLint config is plain JavaScript: its exported lists are read at run time.
const { IMPURE_IN_PURE_FILES, LONG_FUNCTIONS, MAX_FUNCTION_LINES, PURE_FILES, PURE_FOLDERS } = (await import(
  pathToFileURL(path.resolve('eslint.config.js')).href
)) as {
  IMPURE_IN_PURE_FILES: string[];
  LONG_FUNCTIONS: { file: string; functions: string[]; max: number }[];
  MAX_FUNCTION_LINES: number;
  PURE_FILES: string[];
  PURE_FOLDERS: string[];
};

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const forbidden: [string, string, string][] = [
  ['a node: import', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ['a bare builtin import', "import path from 'path';\nexport const x = path;\n", 'no-restricted-imports'],
  ['a side-effect import of a colour library', "import 'chalk';\n", 'no-restricted-imports'],
  ['a re-export from io/', "export { readTextFile } from '../io/read-input.js';\n", 'no-restricted-imports'],
  ['a prompt import', "import { input } from '@inquirer/prompts';\nexport const x = input;\n", 'no-restricted-imports'],
  ['a dynamic import', "export const load = () => import('./x.js');\n", 'no-restricted-syntax'],
  ['the process global', 'export const argv = process.argv;\n', 'no-restricted-globals'],
  ['Buffer', "export const b = Buffer.from('x');\n", 'no-restricted-globals'],
  ['reading the clock with new Date()', 'export const now = new Date();\n', 'no-restricted-syntax'],
  ['reading the clock with Date.now()', 'export const now = Date.now();\n', 'no-restricted-syntax'],
  ['a timer', 'setTimeout(() => {}, 1);\n', 'no-restricted-globals'],
  ['a queued microtask', 'queueMicrotask(() => {});\n', 'no-restricted-globals'],
  ['a crypto import', "import { randomUUID } from 'crypto';\nexport const x = randomUUID;\n", 'no-restricted-imports'],
  ['a node:crypto import', "import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;\n", 'no-restricted-imports'],
  ['the Web Crypto global', 'export const id = crypto.randomUUID();\n', 'no-restricted-globals'],
  [
    'Intl, which reads the time zone and locale',
    'export const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;\n',
    'no-restricted-globals',
  ],
  ['code made with new Function', "export const p = new Function('return process')();\n", 'no-restricted-globals'],
  ['eval', "export const p = eval('process');\n", 'no-restricted-globals'],
  ["throwing the command line's UsageError", "throw new UsageError('no');\n", 'no-restricted-syntax'],
  ['import.meta', 'export const here = import.meta.url;\n', 'no-restricted-syntax'],
];

describe('the lint configuration', () => {
  for (const [what, code, rule] of forbidden) {
    it(`refuses ${what} in the pure core, and allows it in cli/`, async () => {
      expect(await ruleIds(code, 'src/scoring/bad-example.ts')).toContain(rule);
      expect(await ruleIds(code, 'src/validation/bad-example.ts')).toContain(rule);
      expect(await ruleIds(code, 'src/cli/bad-example.ts')).not.toContain(rule);
    });
  }

  it('fences the typed errors and the interview, but not its Inquirer adapter', async () => {
    const code = 'export const argv = process.argv;\n';
    expect(await ruleIds(code, 'src/errors.ts')).toContain('no-restricted-globals');
    expect(await ruleIds(code, 'src/interview/question-model.ts')).toContain('no-restricted-globals');
    expect(await ruleIds(code, 'src/interview/inquirer-asker.ts')).not.toContain('no-restricted-globals');
  });

  it('accepts pure code in the pure core (dates parsed from strings are not the clock)', async () => {
    const code =
      "import type { Item } from '../methodology/types.js';\nexport const days = (d: string, i: Item) => Date.parse(d) + i.weight + new Date(0).getTime();\n";
    expect(await ruleIds(code, 'src/scoring/good-example.ts')).toEqual([]);
  });

  it('refuses the locale-aware string methods everywhere in src/, pure or not', async () => {
    for (const file of ['src/scoring/x.ts', 'src/cli/x.ts']) {
      expect(await ruleIds("export const o = ['b', 'a'].sort((a, b) => a.localeCompare(b));\n", file)).toContain('no-restricted-syntax');
      expect(await ruleIds("export const f = (s: string) => s.toLocaleLowerCase('en');\n", file)).toContain('no-restricted-syntax');
    }
  });

  it('refuses spreading an array into call arguments everywhere in src/ and the build scripts, and allows literal arrays', async () => {
    const spreads = [
      'export const f = (out: string[], xs: string[]) => out.push(...xs);\n',
      'export const f = (xs: number[]) => Math.max(...xs);\n',
      'export const f = (xs: number[]) => Math.min(0, ...xs.map((x) => x * 2));\n',
      'export const f = (g: (...a: unknown[]) => void, xs: unknown[]) => g(...xs);\n',
      'export const f = (xs: number[]) => new Array(...xs);\n',
    ];
    for (const file of ['src/scoring/x.ts', 'src/cli/x.ts', 'src/io/x.ts'])
      for (const code of spreads) expect(await ruleIds(code, file), `${file}: ${code}`).toContain('no-restricted-syntax');
    expect(await ruleIds('export const f = (out, xs) => out.push(...xs);\n', 'scripts/x.mjs')).toContain('no-restricted-syntax');
    const bounded = [
      'export const f = (out: string[], a: string) => out.push(...[a, a]);\n',
      'export const f = (out: string[], a?: string) => out.push(...(a ? [a] : []));\n',
      'export const f = (xs: number[]) => [...xs, 1];\n',
      'export const f = (o: object) => ({ ...o });\n',
    ];
    for (const code of bounded) expect(await ruleIds(code, 'src/cli/x.ts'), code).toEqual([]);
  });

  it('keeps prompts and spinners off the lint path', async () => {
    expect(await ruleIds("import ora from 'ora';\nexport const s = ora;\n", 'src/cli/commands/lint.ts')).toContain('no-restricted-imports');
  });

  it('compiles exactly the files it fences without Node types (tsconfig.core.json)', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      'tsconfig.core.json',
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    )!;
    expect(config.options.types).toEqual([]);
    const compiled = config.fileNames.map((f) => path.relative(process.cwd(), f)).filter((f) => f.startsWith('src/'));
    const fenced = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .map((f) => path.join('src', f))
      .filter((f) => f.endsWith('.ts'))
      .filter(
        (f) =>
          PURE_FOLDERS.some((folder) => f.startsWith(`src/${folder}/`)) ||
          PURE_FILES.some((glob) => (glob.endsWith('/**/*.ts') ? f.startsWith(glob.slice(0, -'**/*.ts'.length)) : f === glob)),
      )
      .filter((f) => !IMPURE_IN_PURE_FILES.includes(f));
    expect(compiled.sort()).toEqual(fenced.sort());
  });

  it('refuses a function longer than the limit in src/, blank lines and comments not counted', async () => {
    const body = (lines: number) => `export function f(): number {\n  let x = 0;\n${'  x++;\n  // why\n\n'.repeat(lines)}  return x;\n}\n`;
    expect(await ruleIds(body(MAX_FUNCTION_LINES - 4), 'src/scoring/x.ts')).toEqual([]);
    expect(await ruleIds(body(MAX_FUNCTION_LINES), 'src/scoring/x.ts')).toContain('max-lines-per-function');
    expect(await ruleIds(body(MAX_FUNCTION_LINES), 'src/cli/x.ts')).toContain('max-lines-per-function');
  });

  it('lists as long only functions that are: an exception whose function was split is taken out', async () => {
    const strict = new ESLint({
      cwd: process.cwd(),
      overrideConfig: {
        rules: { 'max-lines-per-function': ['error', { max: MAX_FUNCTION_LINES, skipBlankLines: true, skipComments: true, IIFEs: true }] },
      },
    });
    for (const { file, functions } of LONG_FUNCTIONS) {
      const [result] = await strict.lintFiles([file]);
      const long = result!.messages.filter((m) => m.ruleId === 'max-lines-per-function');
      expect(long.length, `${file}: ${functions.join(', ')}`).toBeGreaterThan(0);
    }
  });
});
