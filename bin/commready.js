#!/usr/bin/env node
// Kept tiny: everything else loads on demand.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
