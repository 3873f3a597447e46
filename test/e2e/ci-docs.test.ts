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
interface Job {
  'runs-on': string;
  permissions?: Record<string, string>;
  steps: Step[];
}

/** The documented install: from the repository's git URL, pinned to a version tag. */
const INSTALL_SPEC = /git\+https:\/\/github\.com\/OWNER\/commready\.git#v\d+\.\d+\.\d+/;

/** The GitHub workflows among the YAML blocks. */
function workflows(): Record<string, unknown>[] {
  return BLOCKS.map((b) => parse(b)).filter((doc) => doc && typeof doc === 'object' && 'jobs' in doc);
}

function jobOf(workflow: Record<string, unknown>): Job {
  const job = Object.values(workflow.jobs as Record<string, Job>)[0]!;
  expect(job['runs-on']).toBeTruthy();
  return job;
}

describe('docs/ci.md', () => {
  it('passes markdownlint, and every YAML block in it parses', () => {
    expect(markdownlintTexts({ 'ci.md': DOC })).toMatchObject({ ok: true });
    expect(BLOCKS.length).toBeGreaterThanOrEqual(4);
    for (const block of BLOCKS) expect(() => parse(block, { strict: true, uniqueKeys: true })).not.toThrow();
  });

  it('installs commready from a git URL pinned to a tag, until it is published', () => {
    expect(DOC).toMatch(/not on the npm registry yet/);
    const installs = [...DOC.matchAll(/npm install --no-save (\S+)/g)].map((m) => m[1]);
    expect(installs.length).toBeGreaterThanOrEqual(2);
    for (const spec of installs) expect(spec).toMatch(INSTALL_SPEC);
    // No recipe fetches the unpublished name from the registry.
    for (const block of BLOCKS) expect(block).not.toMatch(/npx --yes commready/);
  });

  it('has a GitHub Actions workflow whose steps lint, upload SARIF and write the step summary, and they run', () => {
    const workflow = workflows().find((doc) => jobOf(doc).steps.some((s) => s.run?.includes('commready lint')))!;
    expect(workflow).toBeDefined();
    const job = jobOf(workflow);
    expect(job.permissions).toMatchObject({ 'security-events': 'write', actions: 'read', contents: 'read' });
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload?.with?.sarif_file).toBe('commready.sarif');
    // Forks' tokens cannot upload: the step is skipped for them.
    expect(upload?.if).toMatch(/head\.repo\.full_name == github\.repository/);
    const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(Number(setup?.with?.['node-version'])).toBeGreaterThanOrEqual(22);

    const project = scratchProject();
    const summary = path.join(project, 'summary.md');
    const runs = job.steps.filter((s) => s.run !== undefined);
    expect(runs.length).toBe(3);
    expect(runs[0]!.run).toMatch(new RegExp(`^npm install --no-save ${INSTALL_SPEC.source}$`));
    const lint = runDocumented(runs[1]!.run!, project);
    // halfway.yaml has open blockers: the lint fails, and still writes every report.
    expect(lint.status, lint.stderr).toBe(1);
    expect(lint.stdout).toMatch(/plans\/halfway\.yaml\s+FAIL/);
    const sarif = readFileSync(path.join(project, 'commready.sarif'), 'utf8');
    expect(checkSarif(sarif)).toMatchObject({ ok: true });
    expect(JSON.parse(sarif).runs[0].automationDetails).toEqual({ id: 'commready-plans/' });
    for (const step of job.steps.filter((s) => s.if)) expect(step.if).toMatch(/always\(\)/);

    const local = runs[2]!.run!.replace(/"\$GITHUB_STEP_SUMMARY"/, JSON.stringify(summary));
    const append = spawnSync('bash', ['-c', local], { cwd: project, encoding: 'utf8' });
    expect(append.status, append.stderr).toBe(0);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('plans/halfway.yaml');
    expect(Buffer.byteLength(md)).toBeLessThan(65_536);
  });

  it('has a workflow that uses the Action with inputs the Action declares', () => {
    const workflow = workflows().find((doc) => jobOf(doc).steps.some((s) => /\/commready@v/.test(s.uses ?? '')))!;
    expect(workflow).toBeDefined();
    const job = jobOf(workflow);
    expect(job.permissions).toMatchObject({ 'security-events': 'write', actions: 'read' });
    const step = job.steps.find((s) => /\/commready@v/.test(s.uses ?? ''))!;
    const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
    for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), key).toContain(key);
    for (const key of Object.keys(action.inputs)) expect(DOC, `the input ${key} is documented`).toContain(`\`${key}\``);
  });

  it('has a GitLab CI job whose script writes the JUnit and Code Quality reports its artifacts name', () => {
    const doc = BLOCKS.map((b) => parse(b)).find((d) => d && typeof d === 'object' && 'commready' in d && 'script' in d.commready);
    expect(doc).toBeDefined();
    const job = doc.commready as {
      image: string;
      script: string[];
      artifacts: { when: string; reports: { junit: string; codequality: string } };
    };
    expect(Number(job.image.replace(/^node:/, ''))).toBeGreaterThanOrEqual(22);
    expect(job.artifacts.when).toBe('always');
    const project = scratchProject();
    const [install, ...script] = job.script;
    expect(install).toMatch(new RegExp(`^npm install --no-save ${INSTALL_SPEC.source}$`));
    for (const line of script) {
      const r = runDocumented(line, project);
      expect(r.status, r.stderr).toBe(1);
    }
    const report = path.join(project, job.artifacts.reports.junit);
    expect(existsSync(report)).toBe(true);
    const check = xmllint([report], 'JUnit.xsd');
    expect(check.ok, check.output).toBe(true);
    const quality = JSON.parse(readFileSync(path.join(project, job.artifacts.reports.codequality), 'utf8')) as Record<string, unknown>[];
    expect(quality.length).toBeGreaterThan(0);
    for (const issue of quality)
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['description', 'check_name', 'fingerprint', 'severity', 'location']));
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
    // A commit touching only plans the project ignores has nothing to check: the hook lets that pass.
    expect(hook).toMatchObject({ id: 'commready', entry: 'commready lint --no-error-on-unmatched-pattern', language: 'node' });
    expect(DOC).toContain(String(hook.files));
  });

  it('selects plan files by the documented convention and leaves other YAML alone', () => {
    const hook = hooks[0]!;
    expect(hook).toMatchObject({ require_serial: true });
    expect(hook).not.toHaveProperty('minimum_pre_commit_version');
    const files = new RegExp(String(hook.files));
    const exclude = new RegExp(String(hook.exclude));
    const selected = (name: string) => files.test(name) && !exclude.test(name);
    for (const yes of ['plans/riverside.yaml', 'plans/team/x.yml', 'riverside.plan.yaml', 'org/community/x.plan.yml'])
      expect(selected(yes), yes).toBe(true);
    for (const no of [
      '.github/workflows/ci.yaml',
      '.github/workflows/community-ci.yml',
      '.github/ISSUE_TEMPLATE/community.yml',
      'docker-compose.community.yml',
      'k8s/plans/deploy.yaml',
      'plans/commready.config.yaml',
      'plans/.commreadyrc.yml',
      'community.yaml',
      '.pre-commit-config.yaml',
      'plans.yaml',
      'explans/x.yaml',
      'plans/readme.md',
    ])
      expect(selected(no), no).toBe(false);
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
