#!/usr/bin/env node
// Interview start-up benchmark: wall time from launch to the first question on screen, in a real
// terminal (tmux), as a ratio of a bare node printing one line in the same terminal. Not a test: it
// only reports. The target is the first question within 300 ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'commready.cjs');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const TARGET_MS = 300;

if (spawnSync('tmux', ['-V']).status !== 0) {
  console.log('interview start-up: skipped (tmux is not installed)');
  process.exit(0);
}

const socket = `commready-bench-${process.pid}`;
const tmux = (...args) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(path.join(tmpdir(), 'commready-bench-'));

/** Milliseconds from starting `command` in a fresh pane until `marker` is on screen. */
let runs = 0;
function timeToScreen(command, marker) {
  const name = `run-${runs++}`;
  const start = process.hrtime.bigint();
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', `${command}; sleep 30`);
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', name).stdout;
    if (screen.includes(marker)) {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      tmux('kill-session', '-t', name);
      return ms;
    }
    if (Number(process.hrtime.bigint() - start) > 10e9) throw new Error(`'${marker}' never appeared:\n${screen}`);
  }
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const base = [];
const interview = [];
// A session that outlives the measured ones keeps the private tmux server up between them.
tmux('new-session', '-d', '-s', 'keeper', 'sleep 600');
try {
  for (let round = 0; round < rounds; round++) {
    base.push(timeToScreen(`${q(process.execPath)} -e ${q("console.log('READY')")}`, 'READY'));
    interview.push(
      timeToScreen(
        `cd ${q(dir)} && NO_COLOR=1 ${q(process.execPath)} ${q(bin)} interview ${q(`plan-${round}.yaml`)}`,
        "What is the community's name?",
      ),
    );
  }
} finally {
  tmux('kill-server');
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const b = median(base);
const i = median(interview);
console.log(`${rounds} interleaved rounds in tmux; medians; ratio = median / median of node printing one line`);
console.log(`${'node -e (one line on screen)'.padEnd(36)} ${b.toFixed(0).padStart(5)} ms  ×1.00`);
console.log(
  `${'commready interview (first question)'.padEnd(36)} ${i.toFixed(0).padStart(5)} ms  ×${(i / b).toFixed(2)}  (target ${TARGET_MS} ms: ${i <= TARGET_MS ? 'met' : 'missed'})`,
);
