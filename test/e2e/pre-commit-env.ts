// What the tests that run the real pre-commit share: whether it is here, and an environment of its own.
import { spawnSync } from 'node:child_process';

const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
/**
 * Whether to run the pre-commit tests. CI installs pre-commit (.ci/run), so there they always run, and a
 * missing pre-commit fails them; elsewhere they are skipped without it, and their titles say why.
 */
export const HAVE_PRE_COMMIT = found.status === 0 || Boolean(process.env.CI);
export const PRE_COMMIT_SKIP_REASON = 'pre-commit is not installed (apt-get install pre-commit); CI installs it';

/** pre-commit's environment: its own store, npm preferring its cache, no colour, no user git hooks. */
export function preCommitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PRE_COMMIT_HOME: home,
    PRE_COMMIT_COLOR: 'never',
    npm_config_prefer_offline: 'true',
    GIT_AUTHOR_NAME: 'commready tests',
    GIT_AUTHOR_EMAIL: 'tests@example.org',
    GIT_COMMITTER_NAME: 'commready tests',
    GIT_COMMITTER_EMAIL: 'tests@example.org',
  };
}

/** Runs git in `cwd`, failing loudly. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...preCommitEnv('') },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
