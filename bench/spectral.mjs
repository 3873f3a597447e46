#!/usr/bin/env node
// Outside reference: the strong example linted by Spectral with an equivalent ruleset (the plan schema,
// all errors) beside `commready lint` and `node -e 0`, interleaved, medians and ratios. Spectral is
// installed on demand into bench/.spectral/ (ignored by git), never as a dependency of commready.
// Not a test: it only reports. BENCH_ROUNDS adjusts the rounds (default 9).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, 'bench', '.spectral');
const spectral = path.join(dir, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);

if (!existsSync(spectral)) {
  mkdirSync(dir, { recursive: true });
  console.log('installing @stoplight/spectral-cli 6 into bench/.spectral/ (once)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, '@stoplight/spectral-cli@6'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not install Spectral');
}
// The same checks commready's lint starts with: the plan against the plan schema, every error.
const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'plan.schema.json'), 'utf8'));
const ruleset = path.join(dir, 'ruleset.json');
writeFileSync(
  ruleset,
  JSON.stringify({
    rules: {
      'plan-schema': {
        description: 'The plan follows the plan schema.',
        given: '$',
        severity: 'error',
        then: { function: 'schema', functionOptions: { dialect: 'draft2020-12', allErrors: true, schema } },
      },
    },
  }),
);

const plan = 'examples/launch-ready.yaml';
const commands = {
  'node -e 0': ['-e', '0'],
  'commready lint': [path.join(root, 'bin', 'commready.cjs'), 'lint', plan, '--today', '2026-11-25'],
  'spectral lint (plan schema)': [spectral, 'lint', plan, '--ruleset', ruleset],
};
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(commands)) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`${rounds} interleaved rounds; medians; ratio = median / median of node -e 0`);
for (const [name, xs] of Object.entries(times))
  console.log(`${name.padEnd(30)} ${median(xs).toFixed(0).padStart(6)} ms  ×${(median(xs) / base).toFixed(2)}`);
