#!/usr/bin/env node
// Throughput benchmark: `commready lint <dir>` on 1, 10, 100 and 1,000 plans (copies of the bundled
// examples), with wall time, time per plan and peak memory (max RSS), against `node -e 0` measured in
// the same run. Not a test: it only reports. BENCH_COUNTS=1,10 and BENCH_ROUNDS=3 adjust it.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { measuredRunner } from './measured-run.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'commready.cjs');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const counts = (process.env.BENCH_COUNTS ?? '1,10,100,1000').split(',').map(Number);
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const dir = mkdtempSync(path.join(tmpdir(), 'commready-bench-many-'));
try {
  const run = measuredRunner(dir, root, 'pipe');
  const plans = {};
  for (const n of counts) {
    const d = path.join(dir, `plans-${n}`);
    mkdirSync(d);
    for (let i = 0; i < n; i++)
      copyFileSync(path.join(root, 'examples', examples[i % examples.length]), path.join(d, `plan-${String(i).padStart(4, '0')}.yaml`));
    plans[n] = d;
  }
  const results = { base: [], ...Object.fromEntries(counts.map((n) => [n, []])) };
  for (let round = 0; round < rounds; round++) {
    results.base.push(run(['-e', '0']));
    for (const n of counts) results[n].push(run([bin, 'lint', plans[n], '--today', '2026-11-25', '--fail-on', 'none']));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(results.base.map((r) => r.ms));
  console.log(`${rounds} interleaved rounds; medians; node -e 0 = ${base.toFixed(0)} ms`);
  for (const n of counts) {
    const ms = median(results[n].map((r) => r.ms));
    const mb = median(results[n].map((r) => r.mb));
    const perPlan =
      n > 1 ? ` (${((ms - median(results[counts[0]].map((r) => r.ms))) / (n - counts[0])).toFixed(2)} ms a plan beyond the first)` : '';
    console.log(
      `lint ${String(n).padStart(5)} plans ${ms.toFixed(0).padStart(6)} ms  ×${(ms / base).toFixed(2).padEnd(6)} peak RSS ${mb.toFixed(0)} MB${perPlan}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
