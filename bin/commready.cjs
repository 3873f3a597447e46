#!/usr/bin/env node
// Kept tiny and CommonJS (see load-bundle.cjs): the build's bundle is run, with the V8 code cache the
// first run of the command stored in the user's cache folder, when it is current; otherwise the modules
// of dist/ are loaded as they are. Standard output is written by src/cli/io.ts, which also ends quietly
// when the reader closes the pipe.
'use strict';

/** An interactive command still running this long after its start is waiting for its user: time to store the caches. */
const IDLE_SAVE_MS = 1000;

async function start() {
  const argv = process.argv.slice(2);
  const loader = require('./load-bundle.cjs');
  loader.setCacheCommand(argv);
  const bundle = loader.compileBundle();
  // An interview may be left by closing its terminal, which ends it without the save below; its first
  // question is on screen well before this fires. Unref'd: it never keeps a finished command alive.
  setTimeout(loader.saveCaches, IDLE_SAVE_MS).unref();
  const { main } = bundle ? bundle.run() : await import('../dist/cli/main.js');
  const code = await main(argv);
  process.exitCode = code;
  // After the command's output: a first run stores what it compiled, for the next ones. A usage or
  // input error (a mistyped command, say) stores nothing.
  if (code !== 2) loader.saveCaches();
}
void start();
