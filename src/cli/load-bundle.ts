// Loads the CLI from the build's single-file bundle through a V8 code cache, so a run skips most of
// module resolution and compilation (Node 20 has no module compile cache). The bundle script and the
// bin must wrap and name the code identically, or V8 rejects the cache; both use this module.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUNDLE_FILE = fileURLToPath(new URL('../bundle/commready.cjs', import.meta.url));
export const CODE_CACHE_FILE = fileURLToPath(new URL('../bundle/commready.code-cache', import.meta.url));
const MODULES_MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

/** The bundle is used only when it is newer than the compiled modules: a bare `tsc` must not run stale code. */
function bundleIsCurrent(): boolean {
  try {
    return statSync(BUNDLE_FILE).mtimeMs >= statSync(MODULES_MAIN).mtimeMs;
  } catch {
    return false;
  }
}

export type Main = typeof import('./main.js').main;

/** The bundle compiled (with the code cache when there is one that V8 accepts), or undefined without a bundle. */
export function compileBundle(useCache = true): { script: vm.Script; run(): { main: Main } } | undefined {
  if (!bundleIsCurrent()) return undefined;
  const source = readFileSync(BUNDLE_FILE, 'utf8');
  let cachedData: Buffer | undefined;
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
      const module = { exports: {} as { main: Main } };
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper.call(module.exports, module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, path.dirname(BUNDLE_FILE));
      return module.exports;
    },
  };
}
