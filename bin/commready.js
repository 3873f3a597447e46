#!/usr/bin/env node
// Kept tiny: everything else loads on demand. The build's single-file bundle is run with its V8 code
// cache when it is there (see scripts/bundle.mjs); otherwise the modules of dist/ are loaded as they are.
import { compileBundle } from '../dist/cli/load-bundle.js';

// A reader that stops early (`commready docs | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`commready: cannot write to standard output: ${error.message}\n`);
  process.exit(2);
});

const bundle = compileBundle();
const { main } = bundle ? bundle.run() : await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
