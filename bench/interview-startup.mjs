#!/usr/bin/env node
// Interview start-up benchmark: wall time from launch to the first question on screen, in a real
// terminal (tmux), as a ratio of a bare node printing one line in the same terminal. Not a test: it
// only reports. The target is the first question within 300 ms.
//
//   node bench/interview-startup.mjs                  this checkout
//   node bench/interview-startup.mjs ../before .      two builds alternated in one run (paired)
//
// Each checkout keeps its V8 code caches in a folder of its own for the run, made by a first interview
// left open for two seconds before the timed rounds (as a user's first one is).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const checkouts = process.argv.length > 2 ? process.argv.slice(2).map((c) => path.resolve(c)) : [root];
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const TARGET_MS = 300;

if (spawnSync('tmux', ['-V']).status !== 0) {
  console.log('interview start-up: skipped (tmux is not installed)');
  process.exit(0);
}

const socket = `commready-bench-${process.pid}`;
const tmux = (...args) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(path.join(tmpdir(), 'commready-bench-'));
const cacheDirs = checkouts.map((_, i) => path.join(dir, `code-cache-${i}`));

/** Milliseconds from starting `command` in a fresh pane until `marker` is on screen. */
let runs = 0;
function timeToScreen(command, marker, linger = 0) {
  const name = `run-${runs++}`;
  const start = process.hrtime.bigint();
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', `${command}; sleep 30`);
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', name).stdout;
    if (screen.includes(marker)) {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (linger) spawnSync('sleep', [String(linger)]);
      tmux('kill-session', '-t', name);
      return ms;
    }
    if (Number(process.hrtime.bigint() - start) > 10e9) throw new Error(`'${marker}' never appeared:\n${screen}`);
  }
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const base = [];
const interview = checkouts.map(() => []);
// A session that outlives the measured ones keeps the private tmux server up between them.
tmux('new-session', '-d', '-s', 'keeper', 'sleep 600');
const interviewCommand = (i, plan) =>
  `cd ${q(dir)} && NO_COLOR=1 COMMREADY_CACHE_DIR=${q(cacheDirs[i])} ${q(process.execPath)} ${q(path.join(checkouts[i], 'bin', 'commready.cjs'))} interview ${q(plan)}`;
try {
  // A user's first interview, left open a while: what it stores is what later ones start with.
  checkouts.forEach((_, i) => timeToScreen(interviewCommand(i, `warm-${i}.yaml`), "What is the community's name?", 2));
  for (let round = 0; round < rounds; round++) {
    base.push(timeToScreen(`${q(process.execPath)} -e ${q("console.log('READY')")}`, 'READY'));
    const order = checkouts.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) interview[i].push(timeToScreen(interviewCommand(i, `plan-${i}-${round}.yaml`), "What is the community's name?"));
  }
} finally {
  tmux('kill-server');
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const b = median(base);
console.log(`${rounds} interleaved rounds in tmux; medians; ratio = median / median of node printing one line`);
console.log(`${'node -e (one line on screen)'.padEnd(36)} ${b.toFixed(0).padStart(5)} ms  ×1.00`);
checkouts.forEach((checkout, n) => {
  const i = median(interview[n]);
  const label =
    checkouts.length > 1 ? `interview, ${path.relative(process.cwd(), checkout) || '.'}` : 'commready interview (first question)';
  console.log(
    `${label.padEnd(36)} ${i.toFixed(0).padStart(5)} ms  ×${(i / b).toFixed(2)}  (target ${TARGET_MS} ms: ${i <= TARGET_MS ? 'met' : 'missed'})`,
  );
});
if (checkouts.length === 2) {
  const differences = interview[1].map((t, r) => t - (interview[0][r] ?? 0));
  console.log(`second − first, median of the paired differences: ${median(differences).toFixed(1)} ms`);
}
