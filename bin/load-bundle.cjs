// Loads the CLI from the build's single-file bundle through a V8 code cache, so a run skips most of
// module resolution and compilation (Node 20 has no module compile cache). CommonJS on purpose: an ES
// module entry costs Node about 20 M instructions (4% of a bare start) of loader set-up. The build
// (scripts/bundle.mjs) makes the cache with this same function, so that wrapper and file name match;
// otherwise V8 rejects the cache. Types: load-bundle.d.cts.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE_FILE = path.join(__dirname, '../dist/bundle/commready.cjs');
const CODE_CACHE_FILE = path.join(__dirname, '../dist/bundle/commready.code-cache');
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
 * The bundle compiled (with the code cache when V8 accepts it), or undefined without a current bundle.
 * A bundle an older build wrote (not wrapped) counts as none: the modules of dist/ run instead.
 */
function compileBundle(useCache = true) {
  if (!bundleIsCurrent()) return undefined;
  try {
    return compileCommonJs(BUNDLE_FILE, useCache ? CODE_CACHE_FILE : undefined);
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

/**
 * A generated CommonJS file (written by wrapCommonJs) compiled with V8's code cache from `cacheFile`
 * when there is one (V8 checks that it fits and otherwise compiles as usual); `run()` evaluates it and
 * gives its exports. The build makes each cache with this same function, so source and name match.
 * The files given are the build's own, pure ASCII: latin1 decodes them about five times faster than
 * UTF-8 on Node 20.
 */
function compileCommonJs(file, cacheFile) {
  const source = readFileSync(file).toString('latin1');
  if (!source.startsWith(WRAPPER_HEAD) || !source.endsWith(WRAPPER_TAIL))
    throw Object.assign(new Error(`${file} is not a wrapped CommonJS module`), { code: NOT_WRAPPED });
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // no cache: compile as usual
    }
  }
  const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
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

// One assignment per name, so that ES modules importing this file see each export by name.
exports.BUNDLE_FILE = BUNDLE_FILE;
exports.CODE_CACHE_FILE = CODE_CACHE_FILE;
exports.compileBundle = compileBundle;
exports.compileCommonJs = compileCommonJs;
exports.wrapCommonJs = wrapCommonJs;
