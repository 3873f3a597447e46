#!/usr/bin/env node
// Kept tiny and CommonJS (see load-bundle.cjs): the build's bundle is run with its V8 code cache when it
// is current; otherwise the modules of dist/ are loaded as they are. Standard output is written by
// src/cli/io.ts, which also ends quietly when the reader closes the pipe.
'use strict';

async function start() {
  const bundle = require('./load-bundle.cjs').compileBundle();
  const { main } = bundle ? bundle.run() : await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
void start();
