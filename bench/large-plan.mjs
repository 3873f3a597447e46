#!/usr/bin/env node
// Large-plan benchmark: the strong example with 100,000 founding members (4.5–5 MB), linted by the
// built binary; prints wall time and peak memory (max RSS) as medians. Not a test: it only reports.
// BENCH_PROFILE=1 also writes a CPU profile of one run to bench/.profiles/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'commready.cjs');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const members = Number(process.env.BENCH_MEMBERS ?? 100_000);

/** The launch-ready example with its founding members replaced by `n` generated ones. */
export function largePlanText(n) {
  const example = readFileSync(path.join(root, 'examples', 'launch-ready.yaml'), 'utf8');
  const lines = example.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === '  founding_members:');
  if (start < 0) throw new Error('examples/launch-ready.yaml has no founding_members list');
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith('    - ')) end++;
  const generated = Array.from({ length: n }, (_, i) => `    - { name: Member ${i}, segment: builders }`);
  return [...lines.slice(0, start + 1), ...generated, ...lines.slice(end)].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(path.join(tmpdir(), 'commready-bench-'));
  try {
    const plan = path.join(dir, 'large.yaml');
    writeFileSync(plan, largePlanText(members));
    const size = statSync(plan).size;
    const args = [bin, 'lint', plan, '--today', '2026-11-25', '--fail-on', 'none'];
    // The child reports its own peak resident set size when it exits.
    const preload = path.join(dir, 'peak-rss.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write('peak-rss-kb=' + process.resourceUsage().maxRSS + '\\n'));\n");
    const times = [];
    const rss = [];
    for (let i = 0; i < rounds; i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--require', preload, ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0) throw new Error(`lint exited ${r.status}: ${r.stderr}`);
      times.push(ms);
      rss.push(Number(/peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`large plan: ${members} founding members, ${(size / 1e6).toFixed(2)} MB; ${rounds} runs, medians`);
    console.log(`lint ${median(times).toFixed(0)} ms, peak RSS ${median(rss).toFixed(0)} MB`);
    if (process.env.BENCH_PROFILE) {
      const out = path.join(root, 'bench', '.profiles');
      mkdirSync(out, { recursive: true });
      spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, ...args], { cwd: root, stdio: 'ignore' });
      console.log(`CPU profile written to ${path.relative(root, out)}/ (open it in Chrome DevTools)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
