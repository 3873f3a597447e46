#!/usr/bin/env node
// Kept tiny and CommonJS (see load-bundle.cjs): the build's bundle is run, with the V8 code cache the
// first run stored in the user's cache folder, when it is current; otherwise the modules of dist/ are
// loaded as they are. Standard output is written by src/cli/io.ts, which also ends quietly when the
// reader closes the pipe.
'use strict';

async function start() {
  const loader = require('./load-bundle.cjs');
  const bundle = loader.compileBundle();
  const { main } = bundle ? bundle.run() : await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
  // After the command's output: a first run stores what it compiled, for the next ones.
  loader.saveCaches();
}
void start();
