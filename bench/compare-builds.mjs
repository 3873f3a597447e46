#!/usr/bin/env node
// Paired comparison of two built checkouts: runs one command with each, alternately (which goes first
// changes every round), interleaved with `node -e 0`, and prints the medians and the median of the
// paired differences. On a noisy machine that difference tells whether a change helped when the two
// medians alone do not. Not a test: it only reports.
//
//   node bench/compare-builds.mjs <checkout A> <checkout B> [-- commready arguments]
//   BENCH_ROUNDS=41 node bench/compare-builds.mjs ../before . -- lint examples/launch-ready.yaml
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const [a, b] = split < 0 ? args : args.slice(0, split);
const command = split < 0 ? ['lint', 'examples/launch-ready.yaml', '--today', '2026-11-25'] : args.slice(split + 1);
if (!a || !b) {
  console.error('usage: node bench/compare-builds.mjs <checkout A> <checkout B> [-- commready arguments]');
  process.exit(2);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 31);

const time = (argv) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const bin = (checkout) => path.resolve(checkout, 'bin/commready.cjs');

const base = [];
const timesA = [];
const timesB = [];
const differences = [];
for (let round = 0; round < rounds; round++) {
  base.push(time(['-e', '0']));
  const t = { A: 0, B: 0 };
  for (const which of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) t[which] = time([bin(which === 'A' ? a : b), ...command]);
  timesA.push(t.A);
  timesB.push(t.B);
  differences.push(t.B - t.A);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const floor = median(base);
console.log(`${rounds} paired rounds of: commready ${command.join(' ')}`);
console.log(`node -e 0   ${floor.toFixed(1)} ms`);
console.log(`A ${a}   ${median(timesA).toFixed(1)} ms  ×${(median(timesA) / floor).toFixed(3)}`);
console.log(`B ${b}   ${median(timesB).toFixed(1)} ms  ×${(median(timesB) / floor).toFixed(3)}`);
console.log(`B − A, median of the paired differences: ${median(differences).toFixed(2)} ms`);
