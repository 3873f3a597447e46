// The GitHub Action and the pre-commit hook, run as a user's CI and a user's commit run them: from a fresh
// copy of this repository (its files as git sees them, no build, no node_modules), installed by their own
// steps. The Action's shell steps run locally in the order of action.yml with the environment the runner
// gives them; steps that use other actions (setup-node, upload-sarif) are checked, not run. The remote
// pre-commit hook is installed by the real pre-commit (`try-repo`), which builds it as it builds any
// node hook.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSarif, tempDir } from '../spec-checks.js';
import { HAVE_PRE_COMMIT, PRE_COMMIT_SKIP_REASON, git, preCommitEnv } from './pre-commit-env.js';

const INSTALL_TIMEOUT = 900_000;

interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync('action.yml', 'utf8'), { strict: true, uniqueKeys: true }) as Action;

/** A copy of the repository as a clone has it: the files git tracks (and new ones it does not ignore), committed. */
function freshCopy(): string {
  const dir = tempDir('commready-repo-');
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .stdout.split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      cpSync(file, path.join(dir, file), { verbatimSymlinks: true });
    } catch (error) {
      // A file deleted in the working tree but still in the index is left out, as a commit would.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'commready');
  return dir;
}

/** A user's repository with two plans: launch-ready.yaml passes as of its day, halfway.yaml fails. */
function userRepository(): string {
  const dir = tempDir('commready-user-');
  mkdirSync(path.join(dir, 'plans'));
  for (const example of ['launch-ready', 'halfway']) copyFileSync(`examples/${example}.yaml`, path.join(dir, 'plans', `${example}.yaml`));
  writeFileSync(path.join(dir, 'docker-compose.community.yml'), 'services: {}\n');
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  return dir;
}

/** `${{ … }}` in the Action, as the runner fills it: inputs (given or default), github.action_path, step outputs. */
function expand(
  text: string,
  context: { inputs: Record<string, string>; actionPath: string; outputs: Record<string, Record<string, string>> },
): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([\w-]+)$/.exec(expression))) {
      expect(action.inputs, `input ${m[1]} is declared`).toHaveProperty(m[1]!);
      return context.inputs[m[1]!] ?? action.inputs[m[1]!]!.default ?? '';
    }
    if (expression === 'github.action_path') return context.actionPath;
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression))) return context.outputs[m[1]!]?.[m[2]!] ?? '';
    throw new Error(`the test cannot evaluate \${{ ${expression} }}`);
  });
}

/** Runs the Action's shell steps in `workspace` as the runner would, with these inputs. */
function runAction(actionPath: string, workspace: string, inputs: Record<string, string>) {
  const runnerTemp = tempDir('commready-runner-temp-');
  const summary = path.join(runnerTemp, 'step-summary.md');
  writeFileSync(summary, '');
  const context = { inputs, actionPath, outputs: {} as Record<string, Record<string, string>> };
  const logs: string[] = [];
  let failed: { step: string; status: number | null } | undefined;
  for (const step of action.runs.steps) {
    if (step.uses !== undefined) continue;
    expect(step.shell, step.name).toBe('bash');
    expect(step.run, `${step.name}: inputs reach the script through env, never as expressions`).not.toMatch(/\$\{\{/);
    const outputFile = path.join(runnerTemp, `output-${step.id ?? 'step'}`);
    writeFileSync(outputFile, '');
    const script = path.join(runnerTemp, 'step.sh');
    writeFileSync(script, step.run!);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: runnerTemp,
      NO_COLOR: '1',
      npm_config_prefer_offline: 'true',
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, context)])),
    };
    const cwd = step['working-directory'] ? expand(step['working-directory'], context) : workspace;
    // How the runner runs `shell: bash`.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
      input: '',
      timeout: INSTALL_TIMEOUT,
    });
    logs.push(`## ${step.name}\n${r.stdout}${r.stderr}`);
    if (step.id) {
      context.outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
      );
    }
    if (r.status !== 0) {
      failed = { step: step.name, status: r.status };
      break;
    }
  }
  return { failed, log: logs.join('\n'), summary: readFileSync(summary, 'utf8'), outputs: context.outputs };
}

describe('as users run it, from a fresh copy of the repository', () => {
  let repo = '';
  beforeAll(() => {
    repo = freshCopy();
  });

  it('action.yml is a composite action whose inputs are documented and whose uploads are current', () => {
    expect(action.runs.using).toBe('composite');
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload?.if).toMatch(/inputs\.upload-sarif == 'true'/);
    expect(upload?.with).toMatchObject({ sarif_file: '${{ inputs.sarif-file }}', category: '${{ inputs.category }}' });
  });

  it(
    'the Action installs commready from its own checkout, lints, writes the step summary and the SARIF, and fails the step as lint does',
    () => {
      const workspace = userRepository();
      const failing = runAction(repo, workspace, { 'upload-sarif': 'true', category: 'plans-eu', 'fail-on': 'blocker' });
      expect(failing.failed, failing.log).toEqual({ step: 'The verdict', status: 1 });
      expect(failing.outputs.lint).toEqual({ 'exit-code': '1' });
      expect(failing.log).toMatch(/plans\/halfway\.yaml\s+FAIL/);
      // lint's table of plans, then the compact report.
      expect(failing.summary).toContain('plans/halfway.yaml');
      expect(failing.summary).toMatch(/<details>/);
      expect(Buffer.byteLength(failing.summary)).toBeLessThan(1024 * 1024);
      const sarif = readFileSync(path.join(workspace, 'commready.sarif'), 'utf8');
      expect(checkSarif(sarif)).toMatchObject({ ok: true });
      expect(JSON.parse(sarif).runs[0].automationDetails).toEqual({ id: 'plans-eu/' });

      // Installed now: a second run skips the install, and with a gate it passes, without SARIF.
      const passing = runAction(repo, workspace, {
        plans: 'plans/launch-ready.yaml',
        args: '--today 2026-11-25',
        formats: 'junit=commready.xml',
        summary: 'false',
      });
      expect(passing.failed, passing.log).toBeUndefined();
      expect(passing.outputs.lint).toEqual({ 'exit-code': '0' });
      expect(passing.log).not.toMatch(/npm ci|added \d+ packages/);
      expect(readFileSync(path.join(workspace, 'commready.xml'), 'utf8')).toMatch(/^<\?xml/);

      // No fail-on given to the step: the project config's own decides (the strong plan's open major fails it).
      writeFileSync(path.join(workspace, 'commready.config.yaml'), 'lint:\n  failOn: major\n');
      const byConfig = runAction(repo, workspace, { plans: 'plans/launch-ready.yaml', args: '--today 2026-11-25', summary: 'false' });
      expect(byConfig.outputs.lint, byConfig.log).toEqual({ 'exit-code': '1' });
    },
    INSTALL_TIMEOUT,
  );

  it.skipIf(!HAVE_PRE_COMMIT)(
    `the pre-commit hook installs from the repository (try-repo) and checks only plans${HAVE_PRE_COMMIT ? '' : ` (skipped: ${PRE_COMMIT_SKIP_REASON})`}`,
    () => {
      const user = userRepository();
      const env = { ...process.env, ...preCommitEnv(tempDir('commready-pre-commit-home-')) };
      const tryRepo = (...files: string[]) =>
        spawnSync('pre-commit', ['try-repo', repo, 'commready', '--files', ...files], {
          cwd: user,
          env,
          encoding: 'utf8',
          input: '',
          timeout: INSTALL_TIMEOUT,
        });
      const failing = tryRepo('plans/halfway.yaml', 'docker-compose.community.yml');
      expect(failing.status, failing.stdout + failing.stderr).toBe(1);
      expect(failing.stdout).toMatch(/plans\/halfway\.yaml\s+FAIL/);
      expect(failing.stdout).not.toContain('docker-compose');
      const other = tryRepo('docker-compose.community.yml');
      expect(other.status, other.stdout + other.stderr).toBe(0);
      expect(other.stdout).toMatch(/commready\.+\(no files to check\)Skipped/);
    },
    INSTALL_TIMEOUT,
  );
});
