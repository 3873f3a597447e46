// The build's single-file bundle (run by the bin through a V8 code cache) must behave exactly as the
// compiled modules do, and V8 must accept the cache the build wrote.
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBundle, compileCommonJs, wrapCommonJs, type Main } from '../../bin/load-bundle.cjs';
import { main as modulesMain } from '../../dist/cli/main.js';
import { compileValidators } from '../../dist/io/builtin-snapshot.js';

async function run(main: Main, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), env: {}, today: () => '2026-11-25' };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('the bundled CLI', () => {
  const bundle = compileBundle();

  it('is current after the build, and V8 accepts its code cache', () => {
    expect(bundle, 'run npm run build').toBeDefined();
    expect(bundle!.script.cachedDataRejected).toBe(false);
  });

  it('has precompiled validators whose code cache V8 accepts', () => {
    const validators = compileValidators();
    expect(validators.script.cachedDataRejected).toBe(false);
    expect(typeof validators.run().plan).toBe('function');
  });

  it('loads generated files only as the build wrote them, wrapped as CommonJS modules', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'commready-wrap-'));
    const code = 'module.exports.answer = require("node:path").basename(__filename);';
    writeFileSync(path.join(dir, 'wrapped.cjs'), wrapCommonJs(code));
    writeFileSync(path.join(dir, 'bare.cjs'), code);
    expect(compileCommonJs<{ answer: string }>(path.join(dir, 'wrapped.cjs')).run().answer).toBe('wrapped.cjs');
    expect(() => compileCommonJs(path.join(dir, 'bare.cjs'))).toThrow(/bare\.cjs is not a wrapped CommonJS module/);
    // Only that refusal is marked as such (compileBundle then falls back to dist/); a broken file is not.
    const thrown = (file: string) => {
      try {
        compileCommonJs(path.join(dir, file));
      } catch (error) {
        return error as { code?: string };
      }
      throw new Error(`${file} compiled`);
    };
    writeFileSync(path.join(dir, 'broken.cjs'), wrapCommonJs('exports.x = ;'));
    expect(thrown('bare.cjs').code).toBe('COMMREADY_NOT_WRAPPED');
    expect(thrown('broken.cjs')).toBeInstanceOf(SyntaxError);
    expect(thrown('broken.cjs').code).toBeUndefined();
  });

  it('runs the modules of dist/ when the bundle is one an older build wrote, unwrapped', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'commready-old-bundle-'));
    for (const dir of ['bin', 'dist', 'checklists', 'schemas']) cpSync(dir, path.join(root, dir), { recursive: true });
    cpSync('package.json', path.join(root, 'package.json'));
    symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
    const bundle = path.join(root, 'dist/bundle/commready.cjs');
    const wrapped = readFileSync(bundle, 'latin1');
    writeFileSync(bundle, wrapped.slice(wrapped.indexOf('{') + 1, -'\n})'.length)); // as builds before the wrapping wrote it
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin/commready.cjs'), 'lint', 'examples/forum-only.yaml', '--today', '2026-11-25'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 plan: 0 passed, 1 failed');
  });

  it('gives the same output and exit codes as the compiled modules', async () => {
    const { main } = bundle!.run();
    const cases = [
      ['lint', 'examples/launch-ready.yaml', 'examples/forum-only.yaml', '--today', '2026-11-25'],
      ['report', 'examples/halfway.yaml', '--format', 'json', '--today', '2026-11-25'],
      ['explain', 'governance.host'],
      ['lint', 'test/fixtures/plans/no-such.yaml'],
      ['--version'],
    ];
    for (const argv of cases) expect(await run(main, argv), argv.join(' ')).toEqual(await run(modulesMain, argv));
  });
});
