#!/usr/bin/env node
// Start-up benchmark: wall time of commready commands as a ratio of a bare `node -e 0` measured in the
// same run, interleaved so that machine noise hits every command alike. Not a test: it only reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'commready.cjs');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const lintOne = [bin, 'lint', 'examples/launch-ready.yaml', '--today', '2026-11-25'];
// The V8 code cache lives in the user's cache folder (bin/load-bundle.cjs): one folder for the bench, made
// warm by a first run; beside it, runs without any cache and first runs that make one.
const cacheRoot = mkdtempSync(path.join(tmpdir(), 'commready-bench-cache-'));
const warm = path.join(cacheRoot, 'warm');
let fresh = 0;
/** Extra environment per command: a function is called for each run. */
const envs = {
  'commready lint, no code cache': () => ({ COMMREADY_CACHE_DIR: 'off' }),
  'commready lint, first run (makes the cache)': () => ({ COMMREADY_CACHE_DIR: path.join(cacheRoot, `fresh-${fresh++}`) }),
};
const commands = {
  'node -e 0': ['-e', '0'],
  'commready --version': [bin, '--version'],
  'commready lint (strong example)': lintOne,
  'commready lint, no code cache': lintOne,
  'commready lint, first run (makes the cache)': lintOne,
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
const baseEnv = { ...process.env, NO_COLOR: '1', COMMREADY_CACHE_DIR: warm };
for (const args of [lintOne, [bin, 'report', 'examples/halfway.yaml', '--format', 'json']])
  spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore', env: baseEnv });
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(commands)) {
    const env = { ...baseEnv, ...(envs[name]?.() ?? {}) };
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${name} exited ${r.status}`);
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
rmSync(cacheRoot, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`${rounds} interleaved rounds; medians; ratio = median / median of node -e 0`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(36)} ${median(xs).toFixed(0).padStart(5)} ms  ×${(median(xs) / base).toFixed(2)}`);
}
