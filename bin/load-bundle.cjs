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

/** The bundle compiled (with the code cache when V8 accepts it), or undefined without a current bundle. */
function compileBundle(useCache = true) {
  if (!bundleIsCurrent()) return undefined;
  // The build makes the bundle pure ASCII (esbuild escapes the rest), and Node 20 decodes latin1 about
  // five times faster than UTF-8: a millisecond of every run.
  const source = readFileSync(BUNDLE_FILE).toString('latin1');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(CODE_CACHE_FILE);
    } catch {
      cachedData = undefined; // no cache: compile as usual
    }
  }
  // The CommonJS wrapper, as Node's own loader writes it.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE_FILE,
    ...(cachedData ? { cachedData } : {}),
  });
  return {
    script,
    run() {
      const module = { exports: {} };
      const wrapper = script.runInThisContext();
      wrapper.call(module.exports, module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, path.dirname(BUNDLE_FILE));
      return module.exports;
    },
  };
}

module.exports = { BUNDLE_FILE, CODE_CACHE_FILE, compileBundle };
