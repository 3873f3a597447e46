// Spawns node as a user's shell would and measures it: wall time, and the peak resident set size the
// child reports on exit, with its CPU time (user + system, all threads), through a preloaded one-line script
// written into `dir`. On a shared machine wall time moves with the load; CPU time much less.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** A function that runs `node <args>` in `cwd` and returns { ms, mb, cpuMs }; `stdout` says what to do with its output. */
export function measuredRunner(dir, cwd, stdout = 'pipe') {
  const preload = path.join(dir, 'peak-rss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('peak-rss-kb=' + u.maxRSS + ' cpu-us=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
  );
  return (args) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', preload, ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', stdout, 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return {
      ms,
      mb: Number(/peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024,
      cpuMs: Number(/cpu-us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000,
    };
  };
}
