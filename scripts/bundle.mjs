#!/usr/bin/env node
// Build step after precompile: bundles the CLI (commander, chalk and every command; the heavy or
// on-demand packages stay outside) into dist/bundle/commready.cjs, then runs it once on the examples, so
// that a broken bundle fails the build. No V8 code cache is shipped: the user's first run makes its own,
// for its own Node (bin/load-bundle.cjs).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { assertAscii } from './assert-ascii.mjs';
import { createRequire } from 'node:module';
const { BUNDLE_FILE, compileBundle, wrapCommonJs } = createRequire(import.meta.url)('../bin/load-bundle.cjs');

/**
 * @inquirer/prompts' index re-exports every prompt, and its editor prompt brings a charset converter
 * (iconv-lite, about 500 KB) that the bundle would carry, though commready never uses that prompt: the
 * bundle reads the index without it. Importing `editor` from it then fails the build, not a run.
 */
const inquirerPromptsWithoutEditor = {
  name: 'inquirer-prompts-without-editor',
  setup(build) {
    const require = createRequire(import.meta.url);
    build.onResolve({ filter: /^@inquirer\/prompts$/ }, () => ({ path: '@inquirer/prompts', namespace: 'inquirer-prompts' }));
    build.onLoad({ filter: /.*/, namespace: 'inquirer-prompts' }, () => {
      const index = require.resolve('@inquirer/prompts').replace(/dist[/\\]commonjs[/\\]index\.js$/, 'dist/esm/index.js');
      const lines = readFileSync(index, 'utf8')
        .split('\n')
        .filter((line) => !line.includes("'@inquirer/editor'"));
      return { contents: lines.join('\n'), resolveDir: path.dirname(index), loader: 'js' };
    });
  },
};

const { outputFiles } = await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: BUNDLE_FILE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Loaded on demand (or by the generated validators) from node_modules, as without the bundle.
  // bin/load-bundle.cjs too: it is the bin's own module (already loaded, and its paths are its own).
  external: ['ajv', 'ajv/*', 'ajv-formats', 're2js', 'ora', './bin/load-bundle.cjs'],
  // The bundle sits at the same depth as dist/cli/, so paths made from import.meta.url stay right.
  define: { 'import.meta.url': '__commreadyBundleUrl' },
  banner: { js: 'var __commreadyBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [inquirerPromptsWithoutEditor],
  logLevel: 'warning',
  // Names are kept (stack traces of internal errors stay readable); the indentation is not read by anyone.
  minifyWhitespace: true,
  write: false,
});
mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
writeFileSync(BUNDLE_FILE, wrapCommonJs(outputFiles[0].text));
assertAscii(BUNDLE_FILE);

// A cache an earlier build wrote beside the bundle is removed, so that it is never packed.
rmSync(path.join(path.dirname(BUNDLE_FILE), 'commready.code-cache'), { force: true });
const bundle = compileBundle(false);
const { main } = bundle.run();
// Build output goes to stderr only: `npm pack` runs the build (prepare) and its stdout must be the file name.
const quiet = { stdout() {}, stderr: (text) => process.stderr.write(text), env: {}, today: () => '2026-01-01' };
for (const argv of [
  ['lint', 'examples/launch-ready.yaml', 'examples/forum-only.yaml', '--today', '2026-01-01'],
  ['report', 'examples/halfway.yaml', '--today', '2026-01-01'],
]) {
  if ((await main(argv, quiet)) === 2) throw new Error(`the bundle fails on: commready ${argv.join(' ')}`);
}
console.error(`bundled the CLI (${Math.round(outputFiles[0].text.length / 1024)} KB)`);
