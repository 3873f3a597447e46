#!/usr/bin/env node
// Kept tiny and CommonJS (see load-bundle.cjs): the build's bundle is run with its V8 code cache when it
// is current; otherwise the modules of dist/ are loaded as they are.
'use strict';

// A reader that stops early (`commready docs | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`commready: cannot write to standard output: ${error.message}\n`);
  process.exit(2);
});

async function start() {
  const bundle = require('./load-bundle.cjs').compileBundle();
  const { main } = bundle ? bundle.run() : await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
void start();
