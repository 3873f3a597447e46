// Loads the CLI from the build's single-file bundle through a V8 code cache, so a run skips most of
// module resolution and compilation (Node 20 has no module compile cache). CommonJS on purpose: an ES
// module entry costs Node about 20 M instructions (4% of a bare start) of loader set-up.
//
// The code cache is made on the user's machine, not shipped: V8 accepts a cache only from the same V8
// version and flags, so a cache built with one Node is dead weight for every other. The first run
// compiles as usual and, once its command is done (or, for an interactive one, while it waits for the
// user), stores the cache in the user's cache folder (COMMREADY_CACHE_DIR, else
// $XDG_CACHE_HOME/commready, ~/.cache/commready, ~/Library/Caches/commready or %LOCALAPPDATA%\commready),
// keyed by the file, the Node version and the flags; later runs use it. A cache holds the functions its
// first run compiled, so each command keeps its own (a cache made by `--version` cost `lint` a third
// more instructions than its own), and each installed copy its own (two copies must not evict each
// other's on every run). Any failure there is silent: without a cache a run is only a little slower.
// Types: load-bundle.d.cts.
'use strict';
const {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE_FILE = path.join(__dirname, '../dist/bundle/commready.cjs');
const MODULES_MAIN = path.join(__dirname, '../dist/cli/main.js');

/** The bundle is used only when it is newer than the compiled modules: a bare `tsc` must not run stale code. */
function bundleIsCurrent() {
  try {
    return statSync(BUNDLE_FILE).mtimeMs >= statSync(MODULES_MAIN).mtimeMs;
  } catch {
    return false;
  }
}

/**
 * The bundle compiled (with the user's code cache when there is one and V8 accepts it), or undefined
 * without a current bundle. A bundle an older build wrote (not wrapped) counts as none: the modules of
 * dist/ run instead.
 */
function compileBundle(useCache = true) {
  if (!bundleIsCurrent()) return undefined;
  try {
    return compileCommonJs(BUNDLE_FILE, useCache ? USER_CACHE : undefined);
  } catch (error) {
    if (error && error.code === NOT_WRAPPED) return undefined;
    throw error;
  }
}

/** The code of the error compileCommonJs throws for a file that is not wrapped. */
const NOT_WRAPPED = 'COMMREADY_NOT_WRAPPED';
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/**
 * A CommonJS module's code wrapped as Node's own loader wraps it. The build writes its generated files
 * wrapped: joining the wrapper at run time made V8 copy the whole text (a megabyte) to hash it.
 */
function wrapCommonJs(code) {
  return `${WRAPPER_HEAD}${code}${WRAPPER_TAIL}`;
}

/** `cache` value of compileCommonJs: the user's cache folder, made on first use. */
const USER_CACHE = 'user';

/**
 * A generated CommonJS file (written by wrapCommonJs) compiled with V8's code cache when there is one
 * (V8 checks that it fits and otherwise compiles as usual); `run()` evaluates it and gives its exports.
 * `cache` is USER_CACHE (the user's cache folder: a missing or refused cache is written by saveCaches
 * once the command is done), a cache file to read, or undefined for none. The files given are the
 * build's own, pure ASCII: latin1 decodes them about five times faster than UTF-8 on Node 20.
 */
function compileCommonJs(file, cache) {
  const source = readFileSync(file).toString('latin1');
  if (!source.startsWith(WRAPPER_HEAD) || !source.endsWith(WRAPPER_TAIL))
    throw Object.assign(new Error(`${file} is not a wrapped CommonJS module`), { code: NOT_WRAPPED });
  const cacheFile = cache === USER_CACHE ? userCacheFile(file) : cache;
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cache === USER_CACHE && cacheFile && (!cachedData || script.cachedDataRejected)) pending.push({ script, cacheFile });
  return {
    script,
    run() {
      const module = { exports: {} };
      const wrapper = script.runInThisContext();
      wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
      return module.exports;
    },
  };
}

/** Scripts compiled without a usable cache of the user's, with where their cache goes. */
const pending = [];

/** The user's cache folder for commready, or undefined when caching is off (COMMREADY_CACHE_DIR=off) or no home is known. */
function cacheDir(env = process.env) {
  const setting = env.COMMREADY_CACHE_DIR;
  if (setting === 'off' || setting === '0' || setting === 'false') return undefined;
  if (setting) return path.resolve(setting);
  const home = env.HOME || env.USERPROFILE;
  let base;
  if (process.platform === 'win32') base = env.LOCALAPPDATA;
  else if (process.platform === 'darwin') base = home && path.join(home, 'Library', 'Caches');
  else base = env.XDG_CACHE_HOME || (home && path.join(home, '.cache'));
  return base && path.isAbsolute(base) ? path.join(base, 'commready') : undefined;
}

/** 32-bit FNV-1a of a string, as 8 hex digits: a cache key without loading node:crypto. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The command whose caches this run reads and stores (setCacheCommand); `options` for `--version`, `--help` and the like. */
let cacheCommand = 'options';

/**
 * Keys this run's caches by its command: the first word of the command line when it can be a command
 * name, else `options`. Call before compiling anything.
 */
function setCacheCommand(argv) {
  const word = argv[0];
  cacheCommand = typeof word === 'string' && /^[a-z][a-z-]{0,31}$/.test(word) ? word : 'options';
}

/**
 * Where the user's cache of a generated file goes: `<file name>-<copy>-<command>-<build>.code-cache`.
 * The copy is the file's path, so installed copies side by side keep their own; the build is the file's
 * size and time, the Node version, the platform and the flags V8 runs with, so that two Node versions
 * side by side keep their own too.
 */
function userCacheFile(file) {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    const stat = statSync(file);
    const key = [stat.size, stat.mtimeMs, process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS || ''];
    return path.join(dir, `${path.basename(file)}-${hash(file)}-${cacheCommand}-${hash(key.join('\u0000'))}.code-cache`);
  } catch {
    return undefined;
  }
}

/** A folder or file that is ours alone: not a link, owned by this user, writable by nobody else. */
function ownedByUs(stat) {
  if (stat.isSymbolicLink()) return false;
  if (typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** The cache's bytes, when it is a regular file of ours; undefined otherwise (compiled as usual). */
function readCache(cacheFile) {
  try {
    const stat = lstatSync(cacheFile);
    if (!stat.isFile() || !ownedByUs(stat) || !ownedByUs(lstatSync(path.dirname(cacheFile)))) return undefined;
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/**
 * Writes the code caches of the scripts compiled without one, now that the command has run (the functions
 * it used are compiled, so they are in the cache). Atomic (a new file, then renamed over the old one,
 * never written through a link); older caches of the same file are removed. Never throws.
 */
function saveCaches() {
  for (const { script, cacheFile } of pending.splice(0)) {
    try {
      const dir = path.dirname(cacheFile);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (!ownedByUs(lstatSync(dir))) continue;
      const data = script.createCachedData();
      const temp = path.join(dir, `.${path.basename(cacheFile)}.${process.pid}.tmp`);
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, data);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, cacheFile);
      // The same copy's and command's caches of earlier builds (or Node versions) go; other copies' stay.
      const prefix = path.basename(cacheFile).replace(/-[0-9a-f]{8}\.code-cache$/, '-');
      for (const name of readdirSync(dir)) {
        if (name.startsWith(prefix) && name.endsWith('.code-cache') && name !== path.basename(cacheFile)) unlinkSync(path.join(dir, name));
      }
    } catch {
      // No cache this time: the next run compiles as usual and tries again.
    }
  }
}

// One assignment per name, so that ES modules importing this file see each export by name.
exports.BUNDLE_FILE = BUNDLE_FILE;
exports.USER_CACHE = USER_CACHE;
exports.cacheDir = cacheDir;
exports.saveCaches = saveCaches;
exports.setCacheCommand = setCacheCommand;
exports.userCacheFile = userCacheFile;
exports.compileBundle = compileBundle;
exports.compileCommonJs = compileCommonJs;
exports.wrapCommonJs = wrapCommonJs;
