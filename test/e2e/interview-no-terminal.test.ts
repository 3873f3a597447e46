// Without a terminal the interview must not hang, and neither it nor lint may load Inquirer or ora.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-notty-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The URLs of every module the built binary loads for `args` (through a module loader hook). */
function loadedModules(args: readonly string[]): string[] {
  const log = path.join(tmp, `modules-${Math.random().toString(36).slice(2)}.log`);
  const hooks = path.join(tmp, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.MODULE_LOG, url + '\\n'); return next(url, context); }\n`);
  const register = path.join(tmp, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.resolve('bin/commready.js'), ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 15_000,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', FORCE_COLOR: '0', MODULE_LOG: log },
  });
  if (r.error) throw r.error;
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('commready interview without a terminal', () => {
  it('exits 2 at once with one line pointing to lint and report, and writes nothing', () => {
    const file = path.join(tmp, 'plan.yaml');
    const started = Date.now();
    const r = runCli(['interview', file]);
    // Generous for a loaded machine; a prompt waiting on a closed stdin would never return at all.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toBe(`commready: interview needs a terminal; without one, fill in the plan file and check it with 'commready lint ${file}' or 'commready report ${file}'`);
    expect(r.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
  });

  it('lint never loads Inquirer or ora, and neither does interview before it knows there is a terminal', () => {
    const lint = loadedModules(['lint', 'examples/halfway.yaml', '--today', '2026-07-01']);
    expect(lint.some((url) => url.includes('/dist/cli/commands/lint.js'))).toBe(true);
    expect(lint.some((url) => url.includes('/node_modules/yaml/'))).toBe(true);
    expect(lint.filter((url) => /\/node_modules\/(@inquirer|ora)\//.test(url))).toEqual([]);
    const interview = loadedModules(['interview', path.join(tmp, 'x.yaml')]);
    expect(interview.some((url) => url.includes('/dist/cli/commands/interview.js'))).toBe(true);
    expect(interview.filter((url) => /\/node_modules\/(@inquirer|ora)\/|inquirer-asker/.test(url))).toEqual([]);
  });
});
