// The documented install path, as a user takes it: `npm pack` in the repository, then the tarball
// installed into an empty folder, where init, report and lint run, `require` and `import` load the API,
// and the local pre-commit hook of docs/ci.md runs through the real pre-commit. npm reaches the registry
// only for commready's own dependencies (the cache is preferred).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../spec-checks.js';
import { HAVE_PRE_COMMIT, PRE_COMMIT_SKIP_REASON, git, preCommitEnv } from './pre-commit-env.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const TARBALL = `${pkg.name}-${pkg.version}.tgz`;
const INSTALL_TIMEOUT = 600_000;

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  return spawnSync(command, args, {
    encoding: 'utf8',
    input: '',
    timeout: INSTALL_TIMEOUT,
    ...options,
    env: { ...process.env, NO_COLOR: '1', npm_config_prefer_offline: 'true', ...options.env },
  }) as { status: number | null; stdout: string; stderr: string; error?: Error };
}

describe('installed from a packed tarball into an empty folder', () => {
  let packDir = '';
  let project = '';
  let packStdout = '';

  beforeAll(() => {
    packDir = tempDir('commready-pack-');
    // prepare runs here, as it does under pre-commit; the build is current, so it only says so on stderr.
    const pack = run('npm', ['pack', '--pack-destination', packDir], { cwd: process.cwd() });
    expect(pack.status, pack.stderr).toBe(0);
    packStdout = pack.stdout;
    project = tempDir('commready-install-');
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'my-community', private: true }));
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--save-dev', path.join(packDir, TARBALL)], { cwd: project });
    expect(install.status, install.stderr).toBe(0);
  }, INSTALL_TIMEOUT);

  it("npm pack prints only the tarball's name: its build log stays off standard output", () => {
    expect(packStdout).toBe(`${TARBALL}\n`);
  });

  it('holds no V8 code cache and nothing a supported Node cannot use', () => {
    const list = run('tar', ['-tzf', path.join(packDir, TARBALL)], { cwd: packDir });
    const files = list.stdout.split('\n').filter(Boolean);
    expect(files).toEqual(
      expect.arrayContaining([
        'package/bin/commready.cjs',
        'package/bin/assess-worker.cjs',
        'package/dist/bundle/commready.cjs',
        'package/CHANGELOG.md',
        'package/LICENSE',
      ]),
    );
    expect(files.filter((f) => /\.code-cache$|\.node$|\.wasm$/.test(f))).toEqual([]);
  });

  it(
    'runs init, report and lint through npx, and the new plan points at the installed schema',
    () => {
      const npx = (...args: string[]) => run('npx', ['--no-install', 'commready', ...args], { cwd: project });
      expect(npx('--version').stdout.trim()).toBe(pkg.version);
      const init = npx('init', 'my-community.yaml', '--type', 'customer', '--name', 'Riverside');
      expect(init.status, init.stderr).toBe(0);
      const plan = readFileSync(path.join(project, 'my-community.yaml'), 'utf8');
      const schema = /^# yaml-language-server: \$schema=(\S+)$/m.exec(plan)?.[1];
      expect(schema).toBe('./node_modules/commready/schemas/plan.schema.json');
      expect(existsSync(path.join(project, schema!))).toBe(true);
      const report = npx('report', 'my-community.yaml');
      expect(report.status, report.stderr).toBe(0);
      expect(report.stdout).toContain('Riverside');
      // A starter plan has every blocker open: lint fails it, and says so.
      const lint = npx('lint', '.');
      expect(lint.status, lint.stderr).toBe(1);
      expect(lint.stdout).toMatch(/my-community\.yaml\s+FAIL/);
      // The worker threads' entry ships and loads from the installed package: the same verdict on two threads.
      writeFileSync(path.join(project, 'copy.yaml'), plan);
      const threads = npx('lint', 'my-community.yaml', 'copy.yaml', '--concurrency', '2');
      rmSync(path.join(project, 'copy.yaml'));
      expect(threads.status, threads.stderr).toBe(1);
      expect(threads.stderr).toBe('');
      expect(threads.stdout).toMatch(/my-community\.yaml\s+FAIL/);
      expect(threads.stdout).toMatch(/copy\.yaml\s+FAIL/);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'loads the API with require and with import',
    () => {
      const script = (code: string, type: 'commonjs' | 'module') =>
        run(process.execPath, ['--input-type', type, '-e', code], { cwd: project });
      const required = script("const c = require('commready'); console.log(typeof c.assessPlan)", 'commonjs');
      expect(required.stderr).toBe('');
      expect(required.stdout.trim()).toBe('function');
      const imported = script("const c = await import('commready'); console.log(typeof c.assessPlan)", 'module');
      expect(imported.stdout.trim()).toBe('function');
    },
    INSTALL_TIMEOUT,
  );

  it.skipIf(!HAVE_PRE_COMMIT)(
    `runs as the local pre-commit hook docs/ci.md shows${HAVE_PRE_COMMIT ? '' : ` (skipped: ${PRE_COMMIT_SKIP_REASON})`}`,
    () => {
      const doc = readFileSync('docs/ci.md', 'utf8');
      const local = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => parse(m[1]!)).find((d) => d?.repos?.[0]?.repo === 'local');
      expect(local).toBeDefined();
      writeFileSync(path.join(project, '.pre-commit-config.yaml'), JSON.stringify(local));
      mkdirSync(path.join(project, 'plans'));
      copyFileSync('examples/halfway.yaml', path.join(project, 'plans', 'halfway.yaml'));
      writeFileSync(path.join(project, 'notes.yaml'), 'not: a plan\n');
      git(project, 'init', '-q');
      git(project, 'add', '.pre-commit-config.yaml', 'plans', 'notes.yaml', 'package.json');
      const env = preCommitEnv(tempDir('commready-pre-commit-home-'));
      const other = run('pre-commit', ['run', '--files', 'notes.yaml'], { cwd: project, env });
      expect(other.status, other.stdout + other.stderr).toBe(0);
      const plans = run('pre-commit', ['run', '--files', 'plans/halfway.yaml'], { cwd: project, env });
      expect(plans.status, plans.stdout + plans.stderr).toBe(1);
      expect(plans.stdout).toMatch(/plans\/halfway\.yaml\s+FAIL/);
    },
    INSTALL_TIMEOUT,
  );
});
