#!/usr/bin/env node
// Build step after precompile: bundles the CLI (commander, chalk and every command; the heavy or
// on-demand packages stay outside) into dist/bundle/commready.cjs, then runs it once on an example and
// stores V8's code cache of it, which bin/commready.cjs hands back to V8 on every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { assertAscii } from './assert-ascii.mjs';
import { createRequire } from 'node:module';
const { BUNDLE_FILE, CODE_CACHE_FILE, compileBundle, wrapCommonJs } = createRequire(import.meta.url)('../bin/load-bundle.cjs');

const { outputFiles } = await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: BUNDLE_FILE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Loaded on demand (or by the generated validators) from node_modules, as without the bundle.
  // bin/load-bundle.cjs too: it is the bin's own module (already loaded, and its paths are its own).
  external: ['yaml', 'ajv', 'ajv/*', 'ajv-formats', 're2js', 'ora', '@inquirer/*', './bin/load-bundle.cjs'],
  // The bundle sits at the same depth as dist/cli/, so paths made from import.meta.url stay right.
  define: { 'import.meta.url': '__commreadyBundleUrl' },
  banner: { js: 'var __commreadyBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
  // Names are kept (stack traces of internal errors stay readable); the indentation is not read by anyone.
  minifyWhitespace: true,
  write: false,
});
mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
writeFileSync(BUNDLE_FILE, wrapCommonJs(outputFiles[0].text));
assertAscii(BUNDLE_FILE);

// Run the commands a CI runs most, so that the functions they use are compiled into the cache too.
const bundle = compileBundle(false);
const { main } = bundle.run();
const quiet = { stdout() {}, stderr() {}, env: {}, today: () => '2026-01-01' };
await main(['lint', 'examples/launch-ready.yaml', 'examples/forum-only.yaml', '--today', '2026-01-01'], quiet);
await main(['lint', 'examples/launch-ready.yaml', '--today', '2026-01-01', '--format', 'json'], quiet);
await main(['report', 'examples/halfway.yaml', '--today', '2026-01-01'], quiet);
writeFileSync(CODE_CACHE_FILE, bundle.script.createCachedData());
console.log(`bundled the CLI with a code cache (${Math.round(bundle.script.createCachedData().length / 1024)} KB)`);
