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

/**
 * Every module the built binary loads for `args`: ES modules through a loader hook, CommonJS ones (the
 * bundle's `require` of packages kept outside it) through Module._load.
 */
function loadedModules(args: readonly string[]): string[] {
  const log = path.join(tmp, `modules-${Math.random().toString(36).slice(2)}.log`);
  const hooks = path.join(tmp, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.MODULE_LOG, url + '\\n'); return next(url, context); }\n`,
  );
  const register = path.join(tmp, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const requireHook = path.join(tmp, 'require-hook.cjs');
  writeFileSync(
    requireHook,
    `const Module = require('node:module');\nconst { appendFileSync } = require('node:fs');\nconst load = Module._load;\nModule._load = function (request, parent, isMain) {\n  const loaded = load.apply(this, arguments);\n  try { appendFileSync(process.env.MODULE_LOG, Module._resolveFilename(request, parent, isMain) + '\\n'); } catch {}\n  return loaded;\n};\n`,
  );
  writeFileSync(log, '');
  const r = spawnSync(
    process.execPath,
    ['--require', requireHook, '--import', pathToFileURL(register).href, path.resolve('bin/commready.cjs'), ...args],
    {
      encoding: 'utf8',
      input: '',
      timeout: 15_000,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', FORCE_COLOR: '0', MODULE_LOG: log },
    },
  );
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
    expect(expectOneErrorLine(r.stderr)).toBe(
      `commready: interview needs a terminal; without one, fill in the plan file and check it with 'commready lint ${file}' or 'commready report ${file}'`,
    );
    expect(r.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
  });

  it('lint never loads Inquirer, ora, ajv or yaml, and interview no Inquirer before it knows there is a terminal', () => {
    // The hooks see packages loaded either way: validate-checklists loads ajv from outside the bundle.
    expect(loadedModules(['validate-checklists', 'test/fixtures/mini']).some((url) => url.includes('/node_modules/ajv/'))).toBe(true);
    const lint = loadedModules(['lint', 'examples/halfway.yaml', '--today', '2026-07-01', '--format', 'json']);
    expect(lint.some((url) => url.includes('/bin/commready.cjs'))).toBe(true);
    expect(lint.filter((url) => /\/node_modules\/(@inquirer|ora)\//.test(url))).toEqual([]);
    // Nor ajv or yaml: the build's precompiled validators check the plan and the fast reader reads it.
    expect(lint.filter((url) => /\/node_modules\/(ajv|ajv-formats|yaml)\//.test(url))).toEqual([]);
    const interview = loadedModules(['interview', path.join(tmp, 'x.yaml')]);
    expect(interview.filter((url) => /\/node_modules\/(@inquirer|ora)\/|dist\/interview\/inquirer-asker/.test(url))).toEqual([]);
  });
});
