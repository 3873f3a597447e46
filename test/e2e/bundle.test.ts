// The build's single-file bundle must behave exactly as the compiled modules do. No V8 code cache is
// built or packed: a first run stores one in the user's cache folder, and V8 accepts it on later runs.
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, compileBundle, compileCommonJs, saveCaches, userCacheFile, wrapCommonJs, type Main } from '../../bin/load-bundle.cjs';
import { main as modulesMain } from '../../dist/cli/main.js';
import { compileValidators } from '../../dist/io/builtin-snapshot.js';

async function run(main: Main, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), env: {}, today: () => '2026-11-25' };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Runs `body` with COMMREADY_CACHE_DIR set to `dir`, then restores it. */
function withCacheDir<T>(dir: string, body: () => T): T {
  const before = process.env.COMMREADY_CACHE_DIR;
  process.env.COMMREADY_CACHE_DIR = dir;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env.COMMREADY_CACHE_DIR;
    else process.env.COMMREADY_CACHE_DIR = before;
  }
}

describe('the bundled CLI', () => {
  const bundle = compileBundle(false);

  it('is current after the build, and the build leaves no V8 code cache in the package', () => {
    expect(bundle, 'run npm run build').toBeDefined();
    for (const dir of ['dist/bundle', 'dist/generated'])
      expect(
        readdirSync(dir).filter((f) => f.endsWith('.code-cache')),
        dir,
      ).toEqual([]);
  });

  it("stores the code caches of a first run in the user's cache folder, and V8 accepts them on the next", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'commready-cache-')), 'cache');
    const lint = () =>
      spawnSync(process.execPath, ['bin/commready.cjs', 'lint', 'examples/launch-ready.yaml', '--today', '2026-11-25'], {
        encoding: 'utf8',
        env: { ...process.env, COMMREADY_CACHE_DIR: dir },
      });
    const first = lint();
    expect(first.status, first.stderr).toBe(0);
    const caches = readdirSync(dir).sort();
    expect(caches).toEqual([
      expect.stringMatching(/^commready\.cjs-[0-9a-f]{8}-lint-[0-9a-f]{8}\.code-cache$/),
      expect.stringMatching(/^validators\.cjs-[0-9a-f]{8}-lint-[0-9a-f]{8}\.code-cache$/),
    ]);
    expect(lstatSync(dir).mode & 0o077).toBe(0);
    const second = lint();
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(dir).sort()).toEqual(caches);

    // In this process (its own flags, so its own cache name): made once, then accepted.
    withCacheDir(dir, () => {
      expect(compileBundle()!.script.cachedDataRejected).toBeUndefined();
      expect(compileValidators().script.cachedDataRejected).toBeUndefined();
      saveCaches();
      expect(compileBundle()!.script.cachedDataRejected).toBe(false);
      const validators = compileValidators();
      expect(validators.script.cachedDataRejected).toBe(false);
      expect(typeof validators.run().plan).toBe('function');
    });
  });

  it('keeps one cache per command and per installed copy, and stores none after a usage error', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'commready-cache-commands-')), 'cache');
    const copy = mkdtempSync(path.join(tmpdir(), 'commready-copy-'));
    for (const sub of ['bin', 'dist', 'checklists', 'schemas'])
      cpSync(sub, path.join(copy, sub), { recursive: true, preserveTimestamps: true });
    cpSync('package.json', path.join(copy, 'package.json'));
    symlinkSync(path.resolve('node_modules'), path.join(copy, 'node_modules'));
    const run = (root: string, ...argv: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'bin/commready.cjs'), ...argv], {
        encoding: 'utf8',
        env: { ...process.env, COMMREADY_CACHE_DIR: dir },
      }).status;
    expect(run('.', 'lnt', 'examples/launch-ready.yaml')).toBe(2);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect(run('.', '--version')).toBe(0);
    expect(run('.', 'explain', 'governance.host')).toBe(0);
    expect(run(copy, '--version')).toBe(0);
    // commready.cjs-<copy>-<command>-<build>.code-cache: this copy's two commands, and the other copy's own.
    const names = readdirSync(dir).filter((name) => name.startsWith('commready.cjs-'));
    const entries = names.map((name) => /^commready\.cjs-([0-9a-f]{8})-([a-z-]+)-[0-9a-f]{8}\.code-cache$/.exec(name)?.slice(1, 3));
    const copies = [...new Set(entries.map((entry) => entry?.[0]))];
    expect(copies).toHaveLength(2);
    const commandsOf = (copy: string | undefined) =>
      entries
        .filter((entry) => entry?.[0] === copy)
        .map((entry) => entry?.[1])
        .sort();
    expect(copies.map(commandsOf).sort()).toEqual([['explain', 'options'], ['options']]);
  });

  it('initialises the bundled Inquirer only for an interview in a terminal: lint and an interview without one never load its readline', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'commready-bundle-loads-'));
    const preload = path.join(dir, 'log-builtins.cjs');
    writeFileSync(
      preload,
      "process.on('exit', () => require('node:fs').writeFileSync(process.env.BUILTINS_LOG, process.moduleLoadList.join('\\n')));\n",
    );
    const builtins = (...argv: string[]) => {
      const log = path.join(dir, `${argv[0]}.log`);
      const r = spawnSync(process.execPath, ['-r', preload, 'bin/commready.cjs', ...argv], {
        encoding: 'utf8',
        input: '',
        env: { ...process.env, BUILTINS_LOG: log },
      });
      expect(r.status, r.stderr).not.toBe(null);
      return readFileSync(log, 'utf8').split('\n');
    };
    const lint = builtins('lint', 'examples/halfway.yaml', '--today', '2026-07-01');
    // The log is real: the bundle itself was loaded through node:vm.
    expect(lint).toContain('NativeModule vm');
    expect(lint).not.toContain('NativeModule readline');
    expect(builtins('interview', path.join(dir, 'plan.yaml'))).not.toContain('NativeModule readline');
  });

  it('reads no cache through a link, and writes none with COMMREADY_CACHE_DIR=off', () => {
    expect(cacheDir({ COMMREADY_CACHE_DIR: 'off' })).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe(
      process.platform === 'linux' ? path.join('/x/cache', 'commready') : cacheDir({ XDG_CACHE_HOME: '/x/cache' }),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'commready-cache-link-'));
    withCacheDir(dir, () => {
      compileBundle();
      saveCaches();
      const file = userCacheFile(path.resolve('dist/bundle/commready.cjs'))!;
      expect(existsSync(file)).toBe(true);
      const real = `${file}.real`;
      cpSync(file, real);
      writeFileSync(file, '');
      // A link in place of the cache is never read: the script compiles as if there were no cache.
      const linked = mkdtempSync(path.join(tmpdir(), 'commready-cache-linked-'));
      symlinkSync(real, path.join(linked, path.basename(file)));
      withCacheDir(linked, () => expect(compileBundle()!.script.cachedDataRejected).toBeUndefined());
    });
    const off = mkdtempSync(path.join(tmpdir(), 'commready-cache-off-'));
    const r = spawnSync(process.execPath, ['bin/commready.cjs', '--version'], {
      encoding: 'utf8',
      env: { ...process.env, COMMREADY_CACHE_DIR: 'off', XDG_CACHE_HOME: off, HOME: off },
    });
    expect(r.status).toBe(0);
    expect(readdirSync(off)).toEqual([]);
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
