// lint across worker threads (--concurrency): the same outputs, byte for byte, the same errors in the same
// order and the same exit code as on one thread, whatever the mix of plans; and a bad value is a usage error.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, runCli } from './run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'commready-concurrency-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TODAY = ['--today', '2026-07-01'];
const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** 40 plans: the examples in turn, a plan under its own methodology, and two that cannot be checked. */
function plansDir(): string {
  const dir = path.join(tmp, 'plans');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 37; i++)
    copyFileSync(path.join('examples', EXAMPLES[i % EXAMPLES.length]!), path.join(dir, `p${String(i).padStart(2, '0')}.yaml`));
  cpSync('test/fixtures/mini', path.join(tmp, 'own'), { recursive: true });
  const mini = readFileSync('test/fixtures/plans/mini-complete.yaml', 'utf8');
  writeFileSync(path.join(dir, 'p10-own.yaml'), `${mini.replace('  sponsor: Acme\n', '')}methodology: ../own\n`);
  writeFileSync(path.join(dir, 'p20-broken.yaml'), 'community: [unclosed\n');
  writeFileSync(path.join(dir, 'p30-wrong.yaml'), 'version: 2\ncommunity:\n  name: 42\n');
  return dir;
}

const FORMATS = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  markdown: 'md',
  'markdown-compact': 'compact.md',
  github: 'gh.txt',
  gitlab: 'gl.json',
  html: 'html',
  badge: 'svg',
};

function lintWith(concurrency: string, dir: string, extra: readonly string[] = []) {
  const out = path.join(tmp, `out-${concurrency}`);
  mkdirSync(out, { recursive: true });
  const formats = Object.entries(FORMATS).flatMap(([f, ext]) => ['--format', `${f}=${path.join(out, `r.${ext}`)}`]);
  const r = runCli(
    ['lint', dir, '--methodology-from-plan', ...TODAY, '--concurrency', concurrency, ...formats, ...extra],
    {},
    process.cwd(),
    {},
    60_000,
  );
  const files = Object.fromEntries(Object.values(FORMATS).map((ext) => [ext, readFileSync(path.join(out, `r.${ext}`), 'utf8')]));
  return { ...r, files };
}

describe('lint --concurrency', () => {
  const dir = plansDir();
  const one = lintWith('off', dir);
  const two = lintWith('2', dir);
  const three = lintWith('3', dir);

  it('judges and reports the run on one thread as expected: 38 plans, 2 input errors, exit 2', () => {
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/p20-broken\.yaml:\d+:\d+: /);
    expect(one.stderr).toMatch(/p30-wrong\.yaml:\d+:\d+: /);
    const json = JSON.parse(one.files.json!);
    expect(json.summary).toMatchObject({ plans: 38, notChecked: 2 });
    expect(json.plans.map((p: { file: string }) => path.basename(p.file))).toEqual(
      [...Array.from({ length: 37 }, (_, i) => `p${String(i).padStart(2, '0')}.yaml`), 'p10-own.yaml'].sort(),
    );
  });

  it('writes every format byte for byte as one thread does, with the same errors and exit code', () => {
    for (const run of [two, three]) {
      expect(run.code).toBe(one.code);
      expect(run.stderr).toBe(one.stderr);
      expect(run.stdout).toBe(one.stdout);
      for (const ext of Object.values(FORMATS)) expect(run.files[ext], ext).toBe(one.files[ext]);
    }
  });

  it('stops with the usage error a plan raises on a worker run too (a --min-level the methodology lacks)', () => {
    const r = runCli(['lint', dir, ...TODAY, '--concurrency', '2', '--min-level', 'no-such-level'], {}, process.cwd(), {}, 60_000);
    expect(r.code).toBe(2);
    expect(expectOneErrorLine(r.stderr)).toMatch(/--min-level: methodology 'commready' has no level 'no-such-level'/);
  });

  it('runs on as many threads as it says: one a thread, as V8 writes one CPU profile a thread', () => {
    const threads = (concurrency: string): number => {
      const profiles = mkdtempSync(path.join(tmp, 'prof-'));
      const r = spawnSync(
        process.execPath,
        ['--cpu-prof', '--cpu-prof-dir', profiles, 'bin/commready.cjs', 'lint', dir, ...TODAY, '--concurrency', concurrency],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(r.status, r.stderr).toBe(2);
      return readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile')).length;
    };
    expect(threads('off')).toBe(1);
    expect(threads('2')).toBe(2);
    expect(threads('3')).toBe(3);
  });

  it('refuses a value that is not auto, off or a number of threads from 1 to 64', () => {
    for (const bad of ['0', '65', 'many', '-1', '2.5']) {
      const r = runCli(['lint', dir, ...TODAY, '--concurrency', bad]);
      expect(r.code, bad).toBe(2);
      expect(expectOneErrorLine(r.stderr)).toMatch(/--concurrency/);
    }
  });
});
