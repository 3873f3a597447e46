#!/usr/bin/env node
// Benchmark of `commready detect` on a history the size of git's own: builds a synthetic repository of
// about 82,000 commits (a quarter of them merges, ~2,500 people, a .mailmap, sign-offs and co-authors,
// community files, release tags) with `git fast-import`, then times detect end to end (the built binary),
// the `git log` pass alone (the floor no reader can go under), and file detection alone, with peak memory.
// Not a test: it only reports. Goal: detect ≤ 3 s and ≤ 150 MB on a 2-core machine; file detection ≤ 200 ms.
//
//   node bench/detect-git.mjs [commits]     (BENCH_ROUNDS=5 by default; BENCH_KEEP=1 keeps the repository)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'commready.cjs');
const target = Number(process.argv[2] ?? 82_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const END = 1_787_400_000; // 2026-08-22
const YEARS = 19;
const PEOPLE = 2_500;

/** A deterministic generator, so every run builds the same history. */
let seed = 42;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
/** Few people make most commits, as in real projects. */
const person = () => Math.min(PEOPLE - 1, Math.floor(random() ** 3 * PEOPLE));
const who = (p) => `Person ${p} <${p % 11 === 0 ? `p${p}@users.noreply.github.com` : `person${p}@org${p % 37}.example`}>`;

async function build(dir) {
  spawnSync('git', ['init', '-q', '-b', 'main', dir], { stdio: 'inherit' });
  const fi = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve, reject) =>
    fi.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import ${code}`)))),
  );
  let buffer = [];
  let size = 0;
  const write = async (s) => {
    buffer.push(s);
    size += s.length;
    if (size > 1 << 20) {
      const chunk = buffer.join('');
      buffer = [];
      size = 0;
      if (!fi.stdin.write(chunk)) await new Promise((r) => fi.stdin.once('drain', r));
    }
  };
  const data = (s) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const body = 'Explain what the change does and why, wrapped at seventy-two columns as the project asks. '.repeat(4);
  const mailmap = Array.from(
    { length: 200 },
    (_, i) => `Person ${i * 7} <person${i * 7}@org${(i * 7) % 37}.example> <old${i * 7}@former.example>`,
  ).join('\n');
  const coc =
    '# Contributor Covenant Code of Conduct\n\n## Our Pledge\n\nWe pledge to make participation a harassment-free experience for everyone.\n\n## Scope\n\nThis Code of Conduct applies within all community spaces.\n\n## Enforcement\n\nReport to conduct@project.example. All complaints will be reviewed.\n\n## Enforcement Guidelines\n\n### 1. Correction\n\n### 2. Warning\n\n### 3. Temporary Ban\n\n### 4. Permanent Ban\n\n## Attribution\n\nThis Code of Conduct is adapted from the Contributor Covenant, version 2.0, available at https://www.contributor-covenant.org/version/2/0/code_of_conduct.html.\n';
  const start = END - YEARS * 365 * 86_400;
  let commits = 0;
  let mark = 0;
  let main = 0;
  let step = 0;
  const steps = Math.round((target * 3) / 4);
  while (commits < target) {
    const t = Math.floor(start + ((END - start) * step) / steps);
    step++;
    const a = who(person());
    const files = [];
    if (main === 0) {
      files.push(
        ['.mailmap', mailmap],
        ['CODE_OF_CONDUCT.md', coc],
        ['LICENSE', 'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.\n'],
      );
      files.push(
        ['CONTRIBUTING.md', `# Contributing\n\n${body}\n\nLook for issues labelled good first issue.\n`],
        [
          'SECURITY.md',
          'Report vulnerabilities through https://github.com/example/project/security/advisories/new within 90 days of disclosure.\n',
        ],
      );
      for (let d = 0; d < 80; d++) for (let f = 0; f < 60; f++) files.push([`src/d${d}/f${f}.c`, `/* ${d}/${f} */\n`]);
    }
    files.push([`CHANGES-${step % 10}.txt`, `change ${step}\n`]);
    const coauthor = step % 20 === 0 ? `Co-authored-by: ${who(person())}\n` : '';
    const message = `Change ${step}\n\n${body}\n\n${coauthor}Signed-off-by: ${a}\n`;
    const stamp = `${a} ${t} +0000`;
    const modify = files.map(([p, text]) => `M 100644 inline ${p}\n${data(text)}`).join('');
    if (main !== 0 && step % 3 === 0) {
      // A topic commit and its merge, as most histories have.
      const side = ++mark;
      await write(
        `commit refs/heads/topic\nmark :${side}\nauthor ${stamp}\ncommitter ${stamp}\n${data(message)}from :${main}\n${modify}\n`,
      );
      const merge = ++mark;
      await write(
        `commit refs/heads/main\nmark :${merge}\nauthor ${stamp}\ncommitter ${stamp}\n${data(`Merge branch 'topic-${step}'\n`)}from :${main}\nmerge :${side}\n\n`,
      );
      main = merge;
      commits += 2;
    } else {
      const m = ++mark;
      await write(
        `commit refs/heads/main\nmark :${m}\nauthor ${stamp}\ncommitter ${stamp}\n${data(message)}${main ? `from :${main}\n` : ''}${modify}\n`,
      );
      main = m;
      commits++;
    }
    if (step % 900 === 0) await write(`tag v1.${step / 900}.0\nfrom :${main}\ntagger ${stamp}\n${data('release\n')}`);
  }
  await write('done\n');
  fi.stdin.end(buffer.join(''));
  await done;
  return commits;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timeIt = (command, args, options = {}) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, { maxBuffer: 1 << 30, ...options });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, stdout: r.stdout };
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'commready-detect-bench-'));
try {
  const t0 = Date.now();
  const commits = await build(dir);
  console.log(
    `built ${commits} commits with fast-import in ${((Date.now() - t0) / 1000).toFixed(1)} s; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${os.cpus().length} CPUs`,
  );
  const env = { ...process.env, NO_COLOR: '1' };
  const logArgs = [
    'log',
    '-z',
    '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%ct%x1f%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1e)%x1f%(trailers:key=Signed-off-by,valueonly,unfold,separator=%x1e)',
    'HEAD',
  ];
  const detect = [];
  const gitLog = [];
  const files = [];
  const rss = [];
  // In-process runner for peak memory (the git children are separate processes, measured by time's own numbers if wanted).
  const probe = `const { main } = await import(${JSON.stringify(path.join(root, 'dist/cli/main.js'))}); const quiet = { stdout() {}, stderr: (s) => process.stderr.write(s), env: process.env, today: () => '2026-08-22' }; const code = await main(['detect', ${JSON.stringify(dir)}], quiet); process.stdout.write(JSON.stringify({ code, maxRSS: process.resourceUsage().maxRSS }));`;
  const filesProbe = `const g = await import(${JSON.stringify(path.join(root, 'dist/io/git-repository.js'))}); const c = await import(${JSON.stringify(path.join(root, 'dist/detect/community-files.js'))}); const git = g.createGitRunner(${JSON.stringify(dir)}, process.env); const t0 = performance.now(); const tree = await g.listTree(git, 'HEAD'); const entries = tree.filter((e) => e.type === 'blob').map((e) => ({ path: e.path, mode: e.mode, size: e.size ?? 0, oid: e.oid })); const s = c.selectCommunityFiles(entries); const blobs = await g.readBlobs(git, s.read.map((f) => f.oid), c.MAX_COMMUNITY_FILE); const contents = new Map(s.read.map((f) => [f.path, blobs.get(f.oid).toString('utf8')])); const r = c.detectCommunityFiles(s.read, s.kinds, contents, {}); process.stdout.write(JSON.stringify({ ms: performance.now() - t0, paths: entries.length, proposals: r.proposals.length }));`;
  let sample;
  for (let round = 0; round < rounds; round++) {
    gitLog.push(timeIt('git', logArgs, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] }).ms);
    const run = timeIt(process.execPath, [bin, 'detect', dir, '--format', 'json'], { env, cwd: root });
    detect.push(run.ms);
    sample = JSON.parse(run.stdout.toString('utf8'));
    const mem = JSON.parse(timeIt(process.execPath, ['--input-type=module', '-e', probe], { env, cwd: root }).stdout.toString('utf8'));
    rss.push(mem.maxRSS / 1024);
    files.push(JSON.parse(timeIt(process.execPath, ['--input-type=module', '-e', filesProbe], { env, cwd: root }).stdout.toString('utf8')));
  }
  const h = sample.history;
  console.log(
    `history read: ${h.commits} non-merge commits by ${h.people} people; ${sample.proposals.length} proposals; as of ${sample.asOf}`,
  );
  console.log(`${rounds} rounds, medians (min-max):`);
  const show = (name, xs, unit) =>
    console.log(
      `  ${name.padEnd(44)} ${median(xs).toFixed(0).padStart(6)} ${unit}  (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`,
    );
  show('commready detect (binary, end to end)', detect, 'ms');
  show('git log alone, same format (the floor)', gitLog, 'ms');
  show('peak RSS of the node process (in-process run)', rss, 'MB');
  show(
    `file detection alone (${files[0].paths} paths)`,
    files.map((f) => f.ms),
    'ms',
  );
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
