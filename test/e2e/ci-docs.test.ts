// docs/ci.md and .pre-commit-hooks.yaml, tested as far as can be offline: every YAML block parses and has the
// keys its runner needs, and the commands in them run against the built binary in a scratch project.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSarif, markdownlintTexts, tempDir, xmllint } from '../spec-checks.js';

const BIN = path.resolve('bin/commready.cjs');
const DOC = readFileSync('docs/ci.md', 'utf8');
const BLOCKS = [...DOC.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

/** A project with the two plans the docs' jobs lint: one that passes and one that fails. */
function scratchProject(): string {
  const dir = tempDir('commready-ci-');
  mkdirSync(path.join(dir, 'plans'));
  for (const example of ['launch-ready', 'halfway']) copyFileSync(`examples/${example}.yaml`, path.join(dir, 'plans', `${example}.yaml`));
  return dir;
}

/** Runs a documented shell command in `cwd`, with the published package replaced by the built binary. */
function runDocumented(command: string, cwd: string, env: Record<string, string> = {}) {
  const local = command.replace(/\bnpx (?:--yes|--no-install) commready(?:@[\w.]+)?/g, `node ${JSON.stringify(BIN)}`);
  expect(local, 'the command runs commready').toContain(BIN);
  return spawnSync('bash', ['-c', local], {
    cwd,
    encoding: 'utf8',
    input: '',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('docs/ci.md', () => {
  it('passes markdownlint, and every YAML block in it parses', () => {
    expect(markdownlintTexts({ 'ci.md': DOC })).toMatchObject({ ok: true });
    expect(BLOCKS.length).toBeGreaterThanOrEqual(4);
    for (const block of BLOCKS) expect(() => parse(block, { strict: true, uniqueKeys: true })).not.toThrow();
  });

  it('has a GitHub Actions workflow whose steps lint, upload SARIF and write the step summary, and they run', () => {
    const workflow = BLOCKS.map((b) => parse(b)).find((doc) => doc && typeof doc === 'object' && 'jobs' in doc);
    expect(workflow).toBeDefined();
    expect(workflow.permissions).toMatchObject({ 'security-events': 'write' });
    const job = Object.values(workflow.jobs as Record<string, { 'runs-on': string; steps: Step[] }>)[0]!;
    expect(job['runs-on']).toBeTruthy();
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('commready.sarif');

    const project = scratchProject();
    const summary = path.join(project, 'summary.md');
    const runs = job.steps.filter((s) => s.run !== undefined);
    expect(runs.length).toBe(2);
    const lint = runDocumented(runs[0]!.run!, project);
    // halfway.yaml has open blockers: the lint fails, and still writes every report.
    expect(lint.status, lint.stderr).toBe(1);
    expect(lint.stdout).toMatch(/plans\/halfway\.yaml\s+FAIL/);
    expect(checkSarif(readFileSync(path.join(project, 'commready.sarif'), 'utf8'))).toMatchObject({ ok: true });
    for (const step of job.steps.filter((s) => s.if)) expect(step.if).toMatch(/always\(\)/);

    const local = runs[1]!.run!.replace(/"\$GITHUB_STEP_SUMMARY"/, JSON.stringify(summary));
    const append = spawnSync('bash', ['-c', local], { cwd: project, encoding: 'utf8' });
    expect(append.status, append.stderr).toBe(0);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('# commready lint: 2 plans');
    expect(markdownlintTexts({ 'summary.md': md })).toMatchObject({ ok: true });
  });

  it('has a GitLab CI job whose script writes the JUnit report its artifacts name', () => {
    const doc = BLOCKS.map((b) => parse(b)).find((d) => d && typeof d === 'object' && 'commready' in d && 'script' in d.commready);
    expect(doc).toBeDefined();
    const job = doc.commready as { script: string[]; artifacts: { when: string; reports: { junit: string } } };
    expect(job.artifacts.when).toBe('always');
    const project = scratchProject();
    for (const line of job.script) {
      const r = runDocumented(line, project);
      expect(r.status, r.stderr).toBe(1);
    }
    const report = path.join(project, job.artifacts.reports.junit);
    expect(existsSync(report)).toBe(true);
    const check = xmllint([report], 'JUnit.xsd');
    expect(check.ok, check.output).toBe(true);
  });

  it('has pre-commit configurations naming the commready hook, and the local one runs', () => {
    const configs = BLOCKS.map((b) => parse(b)).filter((d) => d && typeof d === 'object' && Array.isArray(d.repos));
    expect(configs).toHaveLength(2);
    for (const config of configs) expect(config.repos[0].hooks[0].id).toBe('commready');
    const remote = configs.find((c) => c.repos[0].repo !== 'local');
    expect(remote.repos[0].rev).toMatch(/^v\d+\.\d+\.\d+$/);
    const hook = configs.find((c) => c.repos[0].repo === 'local').repos[0].hooks[0];
    expect(hook).toMatchObject({ language: 'system' });
    const project = scratchProject();
    const pass = runDocumented(`${hook.entry} plans/launch-ready.yaml --today 2026-11-25`, project);
    expect(pass.status, pass.stdout + pass.stderr).toBe(0);
    const fail = runDocumented(`${hook.entry} plans/launch-ready.yaml plans/halfway.yaml`, project);
    expect(fail.status).toBe(1);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8'), { strict: true, uniqueKeys: true }) as Record<string, unknown>[];

  it('declares the commready hook with the keys pre-commit requires', () => {
    expect(Array.isArray(hooks)).toBe(true);
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    for (const key of ['id', 'name', 'entry', 'language']) expect(typeof hook[key], key).toBe('string');
    expect(hook).toMatchObject({ id: 'commready', entry: 'commready lint', language: 'node' });
    expect(DOC).toContain(String(hook.files));
  });

  it('selects plan files and leaves other YAML alone', () => {
    const files = new RegExp(String(hooks[0]!.files));
    for (const yes of [
      'plans/riverside.yaml',
      'org/plans/team/x.yml',
      'community.yaml',
      'docs/our-community-plan.yml',
      'riverside.plan.yaml',
    ])
      expect(files.test(yes), yes).toBe(true);
    for (const no of [
      '.github/workflows/ci.yaml',
      '.pre-commit-config.yaml',
      'docker-compose.yml',
      'plans.yaml',
      'explans/x.yaml',
      'plans/readme.md',
    ])
      expect(files.test(no), no).toBe(false);
  });

  it('runs its entry on the files pre-commit would pass, with the exit codes of lint', () => {
    const project = scratchProject();
    const entry = String(hooks[0]!.entry).replace(/^commready\b/, `node ${JSON.stringify(BIN)}`);
    const pass = spawnSync('bash', ['-c', `${entry} plans/launch-ready.yaml --today 2026-11-25`], {
      cwd: project,
      encoding: 'utf8',
      input: '',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    expect(pass.status, pass.stdout + pass.stderr).toBe(0);
    const fail = spawnSync('bash', ['-c', `${entry} plans/halfway.yaml plans/launch-ready.yaml`], {
      cwd: project,
      encoding: 'utf8',
      input: '',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/plans\/halfway\.yaml\s+FAIL/);
  });
});
