#!/usr/bin/env node
// Start-up benchmark: wall time of commready commands as a ratio of a bare `node -e 0` measured in the
// same run, interleaved so that machine noise hits every command alike. Not a test: it only reports.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'commready.cjs');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const commands = {
  'node -e 0': ['-e', '0'],
  'commready --version': [bin, '--version'],
  'commready lint (strong example)': [bin, 'lint', 'examples/launch-ready.yaml', '--today', '2026-11-25'],
  'commready lint examples/*.yaml': [
    bin,
    'lint',
    'examples/launch-ready.yaml',
    'examples/forum-only.yaml',
    'examples/halfway.yaml',
    'examples/open-source.yaml',
    '--today',
    '2026-11-25',
  ],
  'commready report --format json': [bin, 'report', 'examples/halfway.yaml', '--format', 'json', '--today', '2026-11-25'],
  'commready validate-checklists': [bin, 'validate-checklists', 'checklists'],
};

const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${name} exited ${r.status}`);
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`${rounds} interleaved rounds; medians; ratio = median / median of node -e 0`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(36)} ${median(xs).toFixed(0).padStart(5)} ms  ×${(median(xs) / base).toFixed(2)}`);
}
