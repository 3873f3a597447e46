#!/usr/bin/env node
// Kept tiny: everything else loads on demand.
import { main } from '../dist/cli/main.js';

// A reader that stops early (`commready docs | head`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`commready: cannot write to standard output: ${error.message}\n`);
  process.exit(2);
});

process.exitCode = await main(process.argv.slice(2));
