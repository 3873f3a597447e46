#!/usr/bin/env node
// Scale benchmark: `commready lint` on 10,000 plans (copies of the bundled examples) in each output format,
// written to a file, with wall time, CPU time, peak memory (max RSS) and the output's size per plan, and the
// machine's load average before each run (a shared machine's wall times move with it; CPU time much less).
// The goal (docs/performance.md): at most 15 s and 250 MB in any format. Not a test: it only reports.
// BENCH_SCALE_COUNT=1000 and BENCH_SCALE_FORMATS=json,sarif adjust it; BENCH_SCALE_CONCURRENCY=off (or a
// number) is passed as --concurrency (default: lint's own, auto).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { measuredRunner } from './measured-run.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'commready.cjs');
const count = Number(process.env.BENCH_SCALE_COUNT ?? 10_000);
const EXTENSION = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  markdown: 'md',
  github: 'txt',
  badge: 'svg',
  'markdown-compact': 'md',
  gitlab: 'json',
  html: 'html',
};
const formats = (process.env.BENCH_SCALE_FORMATS ?? Object.keys(EXTENSION).join(',')).split(',');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const dir = mkdtempSync(path.join(tmpdir(), 'commready-bench-scale-'));
try {
  const run = measuredRunner(dir, root, 'ignore');
  const plans = path.join(dir, 'plans');
  mkdirSync(plans);
  for (let i = 0; i < count; i++)
    copyFileSync(path.join(root, 'examples', examples[i % examples.length]), path.join(plans, `plan-${String(i).padStart(5, '0')}.yaml`));
  const base = run(['-e', '0']);
  console.log(`lint of ${count} plans, one run per format, written to a file; node -e 0 = ${base.ms.toFixed(0)} ms`);
  for (const format of formats) {
    const out = path.join(dir, `out.${EXTENSION[format]}`);
    const load = loadavg()[0].toFixed(1);
    const concurrency = process.env.BENCH_SCALE_CONCURRENCY ? ['--concurrency', process.env.BENCH_SCALE_CONCURRENCY] : [];
    const r = run([bin, 'lint', plans, '--today', '2026-11-25', '--fail-on', 'none', ...concurrency, '--format', `${format}=${out}`]);
    const bytes = statSync(out).size;
    console.log(
      `${format.padEnd(16)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  CPU ${(r.cpuMs / 1000).toFixed(1).padStart(5)} s  peak RSS ${r.mb.toFixed(0).padStart(4)} MB  output ${(bytes / 1e6).toFixed(1).padStart(7)} MB (${(bytes / count / 1000).toFixed(1)} KB a plan)  load ${load}`,
    );
    rmSync(out, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
